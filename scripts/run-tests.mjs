#!/usr/bin/env node
// Runs every *.test.ts under packages/ and scripts/ with Node's test runner (through tsx).
// Node 20's --test takes no globs, so the files are listed here. Pass paths or substrings to filter:
//   npm test -- engine            only tests whose path contains "engine"
import { readdirSync } from 'node:fs';
import { join } from 'node:path';
import { spawnSync } from 'node:child_process';

const roots = ['packages', 'scripts'];
const filters = process.argv.slice(2);
const files = [];
for (const root of roots) {
  for (const entry of readdirSync(root, { recursive: true, withFileTypes: true })) {
    const path = join(entry.parentPath ?? entry.path, entry.name);
    if (!entry.isFile() || path.includes('node_modules') || !/\.test\.tsx?$/.test(entry.name)) continue;
    if (filters.length > 0 && !filters.some((f) => path.includes(f))) continue;
    files.push(path);
  }
}
files.sort();
if (files.length === 0) {
  console.error('run-tests: no test files matched');
  process.exit(1);
}
const result = spawnSync(
  process.execPath,
  ['--import', 'tsx', '--test', '--test-concurrency=2', '--test-reporter=spec', ...files],
  { stdio: 'inherit' },
);
process.exit(result.status ?? 1);
