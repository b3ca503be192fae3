#!/usr/bin/env node
// Typechecks every TypeScript project (tests included). The engine has two: its sources with no platform
// types at all (purity), and its tests with Node's.
import { existsSync } from 'node:fs';
import { spawnSync } from 'node:child_process';

const projects = [
  'tsconfig.json',
  'packages/engine/tsconfig.json',
  'packages/engine/tsconfig.test.json',
  'packages/model/tsconfig.json',
  'packages/train/tsconfig.json',
  'packages/server/tsconfig.json',
  'packages/cli/tsconfig.json',
  'packages/web/tsconfig.json',
].filter((p) => existsSync(p));

let failed = 0;
for (const project of projects) {
  const result = spawnSync(process.execPath, ['node_modules/typescript/bin/tsc', '-p', project], { stdio: 'inherit' });
  if (result.status !== 0) failed++;
}
console.log(`typecheck: ${projects.length - failed}/${projects.length} projects clean`);
process.exit(failed > 0 ? 1 : 0);
