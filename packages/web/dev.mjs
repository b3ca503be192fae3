#!/usr/bin/env node
// Development server with hot reload, passing the API and the live socket through to a running `attune serve`:
//   node packages/web/dev.mjs [--api http://127.0.0.1:3000] [--port 5173]
import { fileURLToPath } from 'node:url';
import { createServer } from 'vite';
import react from '@vitejs/plugin-react';

const arg = (name, fallback) => {
  const i = process.argv.indexOf(name);
  return i >= 0 && process.argv[i + 1] !== undefined ? process.argv[i + 1] : fallback;
};
const api = arg('--api', 'http://127.0.0.1:3000');
const port = Number(arg('--port', '5173'));

const server = await createServer({
  root: fileURLToPath(new URL('.', import.meta.url)),
  configFile: false,
  plugins: [react()],
  server: {
    port,
    host: '127.0.0.1',
    // changeOrigin stays off: the server's CSRF and WebSocket origin checks compare Origin with Host.
    proxy: { '/api': { target: api, ws: true }, '/integrations': { target: api }, '/healthz': { target: api } },
  },
});
await server.listen();
server.printUrls();
console.log(`API: ${api}`);
