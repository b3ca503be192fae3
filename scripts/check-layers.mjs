#!/usr/bin/env node
// Layering check, second half (the first is eslint's no-restricted-imports): no import cycles anywhere.
import madge from 'madge';

const result = await madge(['packages'], {
  fileExtensions: ['ts', 'tsx'],
  excludeRegExp: [/node_modules/, /\.test\.tsx?$/],
  detectiveOptions: { ts: { skipTypeImports: true }, tsx: { skipTypeImports: true } },
});
const cycles = result.circular();
if (cycles.length > 0) {
  console.error(`check-layers: ${cycles.length} import cycle(s):`);
  for (const cycle of cycles) console.error('  ' + cycle.join(' -> '));
  process.exit(1);
}
console.log(`check-layers: no import cycles in ${Object.keys(result.obj()).length} modules`);
