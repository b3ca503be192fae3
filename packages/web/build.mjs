#!/usr/bin/env node
// Builds the web app into packages/web/dist with Vite's JS API (the server serves that folder).
//   node packages/web/build.mjs          production build
//   node packages/web/build.mjs --watch  rebuild on change
import { readdirSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { brotliCompressSync, constants, gzipSync } from 'node:zlib';
import { build } from 'vite';
import react from '@vitejs/plugin-react';

const root = fileURLToPath(new URL('.', import.meta.url));

await build({
  root,
  configFile: false,
  logLevel: 'warn',
  plugins: [react()],
  // Relative asset URLs: the app works wherever the server mounts it (/, /app/, the Chatwoot page).
  base: './',
  build: {
    outDir: 'dist',
    emptyOutDir: true,
    sourcemap: true,
    target: 'es2022',
    chunkSizeWarningLimit: 1500,
    watch: process.argv.includes('--watch') ? {} : null,
  },
});

/**
 * Brotli and gzip siblings of each compressible asset (`x.js.br`, `x.js.gz`), written once here at maximum
 * compression so the server sends them without compressing per request (see server/src/http/static-files.ts).
 * index.html is left alone: the server rewrites it per path and it is tiny.
 */
function precompress(dir) {
  let raw = 0;
  let brotli = 0;
  for (const entry of readdirSync(dir, { withFileTypes: true })) {
    const path = join(dir, entry.name);
    if (entry.isDirectory()) {
      const sub = precompress(path);
      raw += sub.raw;
      brotli += sub.brotli;
      continue;
    }
    if (!/\.(js|mjs|css|svg|json|map|txt)$/.test(entry.name) || statSync(path).size < 1024) continue;
    const bytes = readFileSync(path);
    const br = brotliCompressSync(bytes, { params: { [constants.BROTLI_PARAM_QUALITY]: 11 } });
    writeFileSync(`${path}.br`, br);
    writeFileSync(`${path}.gz`, gzipSync(bytes, { level: 9 }));
    raw += bytes.length;
    brotli += br.length;
  }
  return { raw, brotli };
}

if (!process.argv.includes('--watch')) {
  const { raw, brotli } = precompress(join(root, 'dist'));
  console.log(
    `attune web: precompressed ${(raw / 1024).toFixed(0)} KiB of assets to ${(brotli / 1024).toFixed(0)} KiB (brotli)`,
  );
}
console.log(`attune web: built into ${root}dist`);
