import type { CommandModule } from '../command.ts';

/**
 * Every `attune <name>` command, loaded only when used. To add one, write `commands/<name>.ts`
 * exporting the members of `CommandModule` and add its line here. `attune --help` loads every module
 * for its summary, so keep a command's top-level imports light and import heavy packages (the server,
 * the model) inside `run`.
 */
export const COMMANDS: Readonly<Record<string, () => Promise<CommandModule>>> = {
  analyze: () => import('./analyze.ts'),
  eval: () => import('./eval.ts'),
  demo: () => import('./demo.ts'),
  serve: () => import('./serve.ts'),
  coach: () => import('./coach.ts'),
  score: () => import('./score.ts'),
  train: () => import('./train.ts'),
};
