import type { CommandModule } from '../command.ts';

/**
 * Every `attune <name>` command, loaded only when used. To add one, write `commands/<name>.ts`
 * exporting the members of `CommandModule` and add its line here.
 */
export const COMMANDS: Readonly<Record<string, () => Promise<CommandModule>>> = {
  analyze: () => import('./analyze.ts'),
  eval: () => import('./eval.ts'),
  demo: () => import('./demo.ts'),
  serve: () => import('./serve.ts'),
};
