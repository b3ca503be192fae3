#!/usr/bin/env node
// Builds the web app into packages/web/dist with Vite's JS API (the server serves that folder).
//   node packages/web/build.mjs          production build
//   node packages/web/build.mjs --watch  rebuild on change
import { fileURLToPath } from 'node:url';
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
console.log(`attune web: built into ${root}dist`);
