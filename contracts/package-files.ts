/**
 * Where the package's data files are at run time. The JSON schemas, examples, delivery profiles, built-in
 * scenarios and the inspector page ship as plain files at the same paths as in the repository, and code
 * finds them from the package root: its own location differs between the sources (`contracts/x.ts`) and
 * the bundled chunks (`dist/x.js`), the root does not. Node only (the browser entry points never need it).
 */
import { existsSync, readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

const NAME = 'provider-mock';
let root: string | undefined;

/** The nearest folder above this module whose package.json is ours. */
function findRoot(): string {
  const start = dirname(fileURLToPath(import.meta.url));
  for (let dir = start; ; dir = dirname(dir)) {
    const pkg = join(dir, 'package.json');
    if (existsSync(pkg) && (JSON.parse(readFileSync(pkg, 'utf8')) as { name?: string }).name === NAME) return dir;
    if (dirname(dir) === dir) throw new Error(`provider-mock: no package.json named "${NAME}" above ${start}; the package is incomplete`);
  }
}

/** The package root: the repository in development, `node_modules/provider-mock` when installed. */
export function packageRoot(): string {
  return (root ??= findRoot());
}

/** A shipped file or folder, by its path in the package (`scenarios/mluvii`, `contracts/mluvii/delivery.json`). */
export function packagePath(...segments: string[]): string {
  return join(packageRoot(), ...segments);
}
