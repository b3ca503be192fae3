import { spawn } from 'node:child_process';
import { existsSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { EXIT, type CliIo, type ExitCode } from '../cli-io.ts';
import { booleanFlag, parseCommandArgs, stringFlag } from '../args/parse-command-args.ts';
import { endParse } from '../args/usage-error.ts';

export const summary = 'Run the Attune server: API, live assist over WebSocket, webhooks, Chatwoot sidecar';

export const usage = `Usage:
  attune serve [--port N] [--data-dir DIR] [--host ADDR] [--no-demo] [--model PATH]

Starts the server on an embedded database stored in DIR (default ./attune-data), or on PostgreSQL when
DATABASE_URL is set (same schema; migrations run at start-up). On first start with an empty database it
creates demo users, conversations in English, Chinese and Russian, and a simulated customer that keeps
writing, so live assistance shows at once (--no-demo turns both off).

Serves the web app (agent workspace, lead dashboards, Chatwoot embed) at / from packages/web/dist, building
it first when it is not there yet (npm run build:web rebuilds it; reload the page, no restart needed).

Flags:
  --port N         HTTP port (default 3000; PORT is read too)
  --host ADDR      address to listen on (default 127.0.0.1)
  --data-dir DIR   where the embedded database keeps its files (ignored with DATABASE_URL)
  --no-demo        no demo data, no simulated customer
  --model PATH     a model file instead of the shipped model

Web app at /, API docs at /api/docs. Stop with Ctrl-C.
Exit codes: 0 stopped cleanly, 1 could not start, 2 usage error.
`;

const OPTIONS = {
  port: { type: 'string' },
  host: { type: 'string' },
  'data-dir': { type: 'string' },
  // Declared positively: the parser reads `--no-demo` as `demo: false`.
  demo: { type: 'boolean' },
  model: { type: 'string' },
} as const;

/**
 * Builds the web app into `distPath` when it has no index.html yet, so a fresh clone's first `npm start` serves
 * the whole product. A failed build is reported and the server starts anyway: the API works, and `/` says how
 * to build the app.
 */
async function ensureWebAppBuilt(distPath: string, io: CliIo): Promise<void> {
  if (existsSync(join(distPath, 'index.html'))) return;
  io.stdout.write('The web app is not built yet: building it (npm run build:web)…\n');
  // A child process: the bundler stays out of the long-running server's memory.
  const status = await new Promise<number | null>((resolve) => {
    const child = spawn(process.execPath, [join(dirname(distPath), 'build.mjs')], {
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    child.stdout.on('data', (chunk: Buffer) => io.stdout.write(chunk));
    child.stderr.on('data', (chunk: Buffer) => io.stderr.write(chunk));
    child.on('error', () => resolve(null));
    child.on('close', (code) => resolve(code));
  });
  if (status !== 0) {
    io.stderr.write(
      'attune serve: building the web app failed (see above); serving the API only. Fix it, then run: npm run build:web\n',
    );
  }
}

export async function run(argv: readonly string[], io: CliIo): Promise<ExitCode> {
  const parsed = parseCommandArgs(argv, OPTIONS);
  if (parsed.kind !== 'ok') return endParse(io, 'serve', usage, parsed);
  const portText = stringFlag(parsed.values, 'port') ?? io.env['PORT'] ?? '3000';
  const port = Number(portText);
  if (!Number.isInteger(port) || port < 0 || port > 65535) {
    io.stderr.write(
      `attune serve: --port must be a whole number from 0 to 65535, received ${JSON.stringify(portText)}\n`,
    );
    return EXIT.usage;
  }
  const modelPath = stringFlag(parsed.values, 'model');
  const databaseUrl = io.env['DATABASE_URL'];
  try {
    // Loaded here, not at module top: `attune --help` imports every command module and must stay fast.
    const { startServer } = await import('@attune/server');
    const { webDistPath } = await import('@attune/web/dist-path.js');
    await ensureWebAppBuilt(webDistPath, io);
    const analyzer = await io.loadAnalyzer(modelPath === undefined ? {} : { modelPath });
    const server = await startServer({
      database:
        databaseUrl !== undefined && databaseUrl !== ''
          ? { kind: 'postgres', url: databaseUrl }
          : { kind: 'embedded', dataDir: stringFlag(parsed.values, 'data-dir') ?? 'attune-data' },
      analyzer,
      port,
      host: stringFlag(parsed.values, 'host') ?? '127.0.0.1',
      demo: booleanFlag(parsed.values, 'demo', true),
      webRoot: webDistPath,
    });
    io.stdout.write(`Attune is running at ${server.url}  (API docs: ${server.url}/api/docs)\n`);
    io.stdout.write(
      `Database: ${server.context.database.kind === 'postgres' ? 'PostgreSQL (DATABASE_URL)' : 'embedded'}\n`,
    );
    if (server.demoSeed !== null) {
      io.stdout.write(
        `Demo data created. Sign in as ${server.demoSeed.logins.join(', ')} with password: ${server.demoSeed.password}\n`,
      );
      io.stdout.write('(shown once; only its hash is stored)\n');
    }
    await new Promise<void>((resolve) => {
      process.once('SIGINT', resolve);
      process.once('SIGTERM', resolve);
    });
    io.stdout.write('Stopping…\n');
    await server.close();
    return EXIT.ok;
  } catch (error) {
    io.stderr.write(`attune serve: could not start: ${(error as Error).message}\n`);
    return EXIT.partial;
  }
}
