/**
 * The compiled executable (dist/cli/index.js as `npm run build` makes it), built into a fresh temp
 * folder, never into the shared dist/ (test/integration/cli-signals.test.ts, bench/interrupt.ts):
 * for what only the real binary shows, such as a signal in the
 * first milliseconds (tsx would add its own loading time before the first line runs). The folder
 * looks like the installed package: package.json and the data folders (symlinked to this checkout),
 * so the code finds its package root and data files the way it does when installed.
 */
import { execFile } from 'node:child_process';
import { copyFileSync, mkdtempSync, rmSync, symlinkSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { ROOT } from './pack.ts';

export interface BuiltCli {
  /** The package-like folder. */
  dir: string;
  /** `<dir>/dist/cli/index.js` */
  bin: string;
  remove(): void;
}

const DATA = ['contracts', 'scenarios', 'mock-server', 'docs', 'node_modules'];

export async function buildCli(): Promise<BuiltCli> {
  const dir = mkdtempSync(join(tmpdir(), 'pm-bin-'));
  copyFileSync(join(ROOT, 'package.json'), join(dir, 'package.json'));
  for (const d of DATA) symlinkSync(join(ROOT, d), join(dir, d), 'dir');
  await promisify(execFile)(process.execPath, [join(ROOT, 'node_modules/tsdown/dist/run.mjs')], {
    cwd: ROOT,
    env: { ...process.env, PROVIDER_MOCK_OUT_DIR: join(dir, 'dist') },
    maxBuffer: 64 << 20,
  });
  return { dir, bin: join(dir, 'dist/cli/index.js'), remove: () => rmSync(dir, { recursive: true, force: true }) };
}
