import { TRAIN_USAGE } from '@attune/train/usage';
import { EXIT, type CliIo, type ExitCode } from '../cli-io.ts';

export const summary = 'Train the emotion model from the shared datasets (default or full profile), or run ablations';

export const usage = TRAIN_USAGE;

export async function run(argv: readonly string[], io: CliIo): Promise<ExitCode> {
  // Imported here: training code is only needed when training.
  const { runTrainingCommand } = await import('@attune/train');
  const code = runTrainingCommand(argv, { out: (text) => io.stdout.write(text), err: (text) => io.stderr.write(text) });
  return code === 0 ? EXIT.ok : code === 2 ? EXIT.usage : EXIT.partial;
}
