import { EXIT, type CliIo, type ExitCode } from '../cli-io.ts';
import { parseCommandArgs, stringFlag } from '../args/parse-command-args.ts';
import { endParse } from '../args/usage-error.ts';
import { DEMO_MESSAGES } from '../demo/demo-messages.ts';
import { renderDemoTable, type DemoRow } from '../demo/render-demo-table.ts';
import { colourEnabled, createPalette } from '../output/palette.ts';

export const summary = 'Analyse a dozen sample customer messages (en, zh, ru) and show the results as a table';

export const usage = `Usage:
  attune demo [--model PATH]

Analyses 13 built-in customer messages in English, Chinese and Russian and prints, for each, the
detected language, dominant emotion, its intensity, the sentiment, and the message with the cues that
weighed most highlighted. Colour is used on a terminal unless NO_COLOR is set (FORCE_COLOR forces it).

Flags:
  --model PATH   a model file instead of the shipped model

Exit codes: 0 done, 1 the model could not be loaded, 2 usage error.
`;

const OPTIONS = { model: { type: 'string' } } as const;

export async function run(argv: readonly string[], io: CliIo): Promise<ExitCode> {
  const parsed = parseCommandArgs(argv, OPTIONS);
  if (parsed.kind !== 'ok') return endParse(io, 'demo', usage, parsed);
  const modelPath = stringFlag(parsed.values, 'model');
  let analyzer;
  try {
    analyzer = await io.loadAnalyzer(modelPath === undefined ? {} : { modelPath });
  } catch (error) {
    io.stderr.write(`attune demo: could not load the model: ${(error as Error).message}\n`);
    return EXIT.partial;
  }
  const started = performance.now();
  // Each sample says its language for the reader's sake; the analyzer detects it, as it would in use.
  const rows: DemoRow[] = DEMO_MESSAGES.map(({ text }) => ({ text, analysis: analyzer.analyzeMessage(text) }));
  const ms = performance.now() - started;
  const palette = createPalette(colourEnabled(io.stdout, io.env));
  // Off a terminal (a README capture, a CI log) there is no width to fit; 120 shows the messages whole.
  const columns = io.stdout.columns !== undefined && io.stdout.columns > 0 ? io.stdout.columns : 100;
  const width = io.stdout.isTTY === true ? columns : 120;
  io.stdout.write(renderDemoTable(rows, { palette, width }));
  io.stdout.write(
    palette.dim(
      `\n${rows.length} messages in ${ms.toFixed(1)} ms · model ${analyzer.model.id} ${analyzer.model.version}\n` +
        `Try your own: attune analyze "Where is my order?!"   ·   attune analyze --help\n`,
    ),
  );
  return EXIT.ok;
}
