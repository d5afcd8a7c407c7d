/**
 * A tiny static file server for the browser benchmark: files as they are on disk (no compression, like `vite
 * preview` serves the archive), index.html for any path without a file extension (the app's routes), and a count of
 * the body bytes it has sent, so the benchmark can read what a page downloaded up to a moment.
 */
import { createReadStream } from 'node:fs';
import { stat } from 'node:fs/promises';
import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import path from 'node:path';

const CONTENT_TYPES: Readonly<Record<string, string>> = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.mjs': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.json': 'application/json; charset=utf-8',
  '.webmanifest': 'application/manifest+json; charset=utf-8',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
  '.ico': 'image/x-icon',
  '.txt': 'text/plain; charset=utf-8',
  '.wasm': 'application/wasm',
};

/** One request as the server answered it. */
export interface ServedRequest {
  path: string;
  bytes: number;
}

/** A running server. */
export interface StaticServer {
  origin: string;
  /** Body bytes written to every client since the server started. */
  bytesSent: () => number;
  /** Every request since the server started: its path and the body bytes sent for it so far. */
  requests: () => readonly ServedRequest[];
  close: () => Promise<void>;
}

async function resolveFile(root: string, pathname: string): Promise<string | null> {
  const file = path.join(root, path.normalize(decodeURIComponent(pathname)));
  if (file !== root && !file.startsWith(`${root}${path.sep}`)) return null;
  const info = await stat(file).catch(() => null);
  if (info?.isFile()) return file;
  if (info?.isDirectory()) {
    const index = path.join(file, 'index.html');
    if ((await stat(index).catch(() => null))?.isFile()) return index;
  }
  // A route of the single-page app, as `vite preview` answers it; a missing file (with an extension) is a 404.
  return path.extname(pathname) === '' ? path.join(root, 'index.html') : null;
}

/** Serves `root` on 127.0.0.1:`port` until closed. */
export async function serveStatic(root: string, port: number): Promise<StaticServer> {
  const absoluteRoot = path.resolve(root);
  let bytes = 0;
  const requests: ServedRequest[] = [];
  const handle = async (request: IncomingMessage, response: ServerResponse) => {
    const { pathname } = new URL(request.url ?? '/', 'http://localhost');
    const served: ServedRequest = { path: pathname, bytes: 0 };
    requests.push(served);
    const file = await resolveFile(absoluteRoot, pathname);
    const info = file ? await stat(file).catch(() => null) : null;
    if (!file || !info) {
      response.writeHead(404, { 'Content-Type': 'text/plain; charset=utf-8' }).end('not found');
      return;
    }
    response.writeHead(200, {
      'Content-Type': CONTENT_TYPES[path.extname(file)] ?? 'application/octet-stream',
      'Content-Length': info.size,
      'Cache-Control': 'no-cache',
    });
    if (request.method === 'HEAD') {
      response.end();
      return;
    }
    const stream = createReadStream(file);
    stream.on('data', (chunk) => {
      bytes += chunk.length;
      served.bytes += chunk.length;
    });
    stream.on('error', () => response.destroy());
    stream.pipe(response);
  };
  const server = createServer((request, response) => {
    handle(request, response).catch(() => response.destroy());
  });
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(port, '127.0.0.1', () => resolve());
  });
  return {
    origin: `http://127.0.0.1:${port}`,
    bytesSent: () => bytes,
    requests: () => requests,
    close: () =>
      new Promise((resolve) => {
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
}
