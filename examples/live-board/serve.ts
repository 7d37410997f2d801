/** `npm run example:live-board`: build the example and serve it on http://127.0.0.1:5173/. */
import { createReadStream, existsSync } from 'node:fs';
import { createServer } from 'node:http';
import { join, normalize, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { buildLiveBoard } from './build.ts';

const TYPES: Record<string, string> = { '.html': 'text/html; charset=utf-8', '.js': 'text/javascript; charset=utf-8' };

/** A static server for the built folder, on loopback only. */
export function serveStatic(dir: string, port = 0): Promise<{ url: string; close: () => Promise<void> }> {
  const server = createServer((req, res) => {
    let path: string;
    try {
      path = normalize(decodeURIComponent((req.url ?? '/').split('?')[0] ?? '/')).replace(/^(\.\.[/\\])+/, '');
    } catch {
      res.writeHead(400).end('bad URL'); // a malformed %-escape must not take the server down
      return;
    }
    const file = join(dir, path.endsWith('/') ? `${path}index.html` : path);
    if (!file.startsWith(dir) || !existsSync(file)) {
      res.writeHead(404).end('not found');
      return;
    }
    res.writeHead(200, { 'content-type': TYPES[file.slice(file.lastIndexOf('.'))] ?? 'application/octet-stream' });
    createReadStream(file).pipe(res);
  });
  return new Promise((done) =>
    server.listen(port, '127.0.0.1', () => {
      const addr = server.address() as { port: number };
      done({ url: `http://127.0.0.1:${addr.port}/`, close: () => new Promise<void>((r) => server.close(() => r())) });
    }),
  );
}

const self = fileURLToPath(import.meta.url);
if (process.argv[1] !== undefined && resolve(process.argv[1]) === self) {
  const dir = await buildLiveBoard(join(self, '..', 'dist'));
  const { url } = await serveStatic(dir, Number(process.env['PORT'] ?? 5173));
  console.log(`live board: ${url}  (?speed=600 default, ?speed=instant, ?seed=N); Ctrl+C to stop`);
}
