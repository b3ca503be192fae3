// The absolute path of the built web app (index.html and assets), for whatever serves it:
//   import { webDistPath } from '@attune/web/dist-path.js';
// Build it first with `node packages/web/build.mjs`.
import { fileURLToPath } from 'node:url';

/** Absolute path of packages/web/dist, with no trailing slash. */
export const webDistPath = fileURLToPath(new URL('./dist', import.meta.url));
