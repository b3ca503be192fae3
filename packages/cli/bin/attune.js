#!/usr/bin/env node
// The sources are TypeScript run through tsx, so there is no build step between a change and the command.
import { register } from 'tsx/esm/api';

register();
const { runFromProcess } = await import('../src/main.ts');
await runFromProcess();
