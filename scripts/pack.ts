/**
 * The package as users get it: `npm pack` (its `prepack` builds dist/) run in a copy of this checkout, so
 * the result is what a clean clone packs and two test runs never write the same dist/ folder. Used by
 * test/package/ and bench/startup.ts; `tsx scripts/pack.ts DIR` packs into DIR and prints the tarball.
 */
import { execFileSync } from 'node:child_process';
import { copyFileSync, existsSync, mkdirSync, readFileSync, readdirSync, statSync, symlinkSync, writeFileSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import pkg from '../package.json' with { type: 'json' };

export const ROOT = resolve(dirname(fileURLToPath(import.meta.url)), '..');

/** Every file of the checkout git knows or would add (tracked, and untracked but not ignored). */
function checkoutFiles(): string[] {
  const out = execFileSync('git', ['ls-files', '-z', '--cached', '--others', '--exclude-standard'], { cwd: ROOT, maxBuffer: 64 << 20 });
  return out
    .toString('utf8')
    .split('\0')
    .filter((f) => f && existsSync(join(ROOT, f)) && statSync(join(ROOT, f)).isFile());
}

/** Packs a copy of the checkout into `dir` (which must exist) and returns the tarball's path. */
export function packInto(dir: string): string {
  const copy = join(dir, 'checkout');
  for (const file of checkoutFiles()) {
    mkdirSync(dirname(join(copy, file)), { recursive: true });
    copyFileSync(join(ROOT, file), join(copy, file));
  }
  // The build tools come from this checkout's install; nothing in node_modules is written.
  symlinkSync(join(ROOT, 'node_modules'), join(copy, 'node_modules'), 'dir');
  execFileSync('npm', ['pack', '--pack-destination', dir], { cwd: copy, stdio: ['ignore', 'ignore', 'pipe'] });
  const tarball = join(dir, `${pkg.name}-${pkg.version}.tgz`);
  if (!existsSync(tarball)) throw new Error(`npm pack left no ${tarball} (found: ${readdirSync(dir).join(', ')})`);
  return tarball;
}

/** The version of a package this checkout has installed, so a consumer install is served from npm's cache. */
export function installedVersion(name: string): string {
  const manifest = join(ROOT, 'node_modules', name, 'package.json');
  return (JSON.parse(readFileSync(manifest, 'utf8')) as { version: string }).version;
}

/**
 * A fresh consumer project in `dir`, with `packages` installed as a user would (`npm install`), preferring
 * npm's cache (everything this checkout installed is in it).
 */
export function consumerProject(dir: string, packages: readonly string[]): string {
  mkdirSync(dir, { recursive: true });
  if (!existsSync(join(dir, 'package.json'))) writeFileSync(join(dir, 'package.json'), JSON.stringify({ name: 'consumer', private: true, type: 'module' }, null, 2));
  npmInstall(dir, packages);
  return dir;
}

export function npmInstall(dir: string, packages: readonly string[]): void {
  execFileSync('npm', ['install', '--prefer-offline', '--no-audit', '--no-fund', '--loglevel=error', ...packages], { cwd: dir, stdio: ['ignore', 'ignore', 'pipe'] });
}

if (process.argv[1] && resolve(process.argv[1]) === fileURLToPath(import.meta.url)) {
  const dir = resolve(process.argv[2] ?? '.');
  mkdirSync(dir, { recursive: true });
  console.log(packInto(dir));
}
