/**
 * Builds the live-board example into a folder: the bundled app, its page, and MSW's service worker.
 * `npm run example:live-board` builds it and serves it on 127.0.0.1.
 */
import { copyFileSync, mkdirSync } from 'node:fs';
import { createRequire } from 'node:module';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { build } from 'esbuild';

// fileURLToPath, not URL.pathname: a checkout path with spaces or non-ASCII stays a usable path.
const here = fileURLToPath(new URL('.', import.meta.url));

export async function buildLiveBoard(outDir: string): Promise<string> {
  mkdirSync(outDir, { recursive: true });
  await build({
    entryPoints: [join(here, 'main.ts')],
    bundle: true,
    format: 'esm',
    platform: 'browser',
    target: 'es2022',
    outfile: join(outDir, 'app.js'),
    loader: { '.yaml': 'text' },
    logLevel: 'warning',
  });
  copyFileSync(join(here, 'index.html'), join(outDir, 'index.html'));
  const require = createRequire(import.meta.url);
  copyFileSync(join(require.resolve('msw/package.json').replace(/package\.json$/, ''), 'lib/mockServiceWorker.js'), join(outDir, 'mockServiceWorker.js'));
  return outDir;
}
