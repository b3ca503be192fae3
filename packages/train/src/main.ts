#!/usr/bin/env node
// npm run train -- [flags]; see TRAIN_USAGE.
import { runTrainingCommand } from './training-command.ts';

process.exitCode = runTrainingCommand(process.argv.slice(2), {
  out: (text) => process.stdout.write(text),
  err: (text) => process.stderr.write(text),
});
