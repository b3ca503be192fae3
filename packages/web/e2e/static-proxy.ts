/**
 * Test and development support: serves the built web app and passes /api, /integrations and /healthz (HTTP and
 * the live WebSocket) through to an Attune server, so the page and the API share one origin as they do when the
 * server serves the app itself. Headers are forwarded unchanged, so the server's own CSRF and WebSocket origin
 * checks run exactly as in production.
 */
import { createReadStream, existsSync, statSync } from 'node:fs';
import { createServer, request, type Server } from 'node:http';
import { connect } from 'node:net';
import type { AddressInfo } from 'node:net';
import { extname, join, normalize, sep } from 'node:path';

const TYPES: Readonly<Record<string, string>> = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.map': 'application/json',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
};

const PASS_THROUGH = /^\/(api|integrations|healthz)(\/|$|\?)/;

export interface StaticProxy {
  readonly url: string;
  close(): Promise<void>;
}

export async function startStaticProxy(options: {
  readonly distDir: string;
  readonly target: string;
}): Promise<StaticProxy> {
  const target = new URL(options.target);
  const root = normalize(options.distDir);
  const server: Server = createServer((req, res) => {
    const url = req.url ?? '/';
    if (PASS_THROUGH.test(url)) {
      const upstream = request(
        { host: target.hostname, port: target.port, method: req.method, path: url, headers: req.headers },
        (up) => {
          res.writeHead(up.statusCode ?? 502, up.headers);
          up.pipe(res);
        },
      );
      upstream.on('error', () => {
        res.writeHead(502).end();
      });
      req.pipe(upstream);
      return;
    }
    const path = normalize(join(root, decodeURIComponent(url.split('?')[0] ?? '/')));
    const file =
      path.startsWith(root + sep) && existsSync(path) && statSync(path).isFile() ? path : join(root, 'index.html');
    res.writeHead(200, {
      'content-type': TYPES[extname(file)] ?? 'application/octet-stream',
      'cache-control': 'no-store',
    });
    createReadStream(file).pipe(res);
  });
  server.on('upgrade', (req, socket, head) => {
    const upstream = connect(Number(target.port), target.hostname, () => {
      const lines = [`${req.method ?? 'GET'} ${req.url ?? '/'} HTTP/1.1`];
      for (let i = 0; i < req.rawHeaders.length; i += 2) lines.push(`${req.rawHeaders[i]}: ${req.rawHeaders[i + 1]}`);
      upstream.write(`${lines.join('\r\n')}\r\n\r\n`);
      if (head.length > 0) upstream.write(head);
      upstream.pipe(socket);
      socket.pipe(upstream);
    });
    const end = () => {
      upstream.destroy();
      socket.destroy();
    };
    upstream.on('error', end);
    socket.on('error', end);
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  return {
    url: `http://127.0.0.1:${(server.address() as AddressInfo).port}`,
    close: () =>
      new Promise<void>((resolve) => {
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
}
