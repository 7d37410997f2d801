/**
 * The architecture guards that `npm test` runs before vitest (lint, boundaries, dead code) fail on a
 * planted violation and pass without it. Each case plants into its own copy of the checkout (tracked
 * files, node_modules linked), never into this one: another suite may be running here.
 */
import { spawnSync } from 'node:child_process';
import { appendFileSync, cpSync, mkdirSync, mkdtempSync, readFileSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';

const ROOT = join(import.meta.dirname, '..', '..');
const copies: string[] = [];

function copyOfCheckout(): string {
  const dir = mkdtempSync(join(tmpdir(), 'provider-mock-guards-'));
  copies.push(dir);
  const files = spawnSync('git', ['ls-files', '-z', '--cached', '--others', '--exclude-standard'], { cwd: ROOT, encoding: 'utf8' }).stdout.split('\0').filter(Boolean);
  for (const f of files) {
    mkdirSync(dirname(join(dir, f)), { recursive: true });
    try {
      cpSync(join(ROOT, f), join(dir, f));
    } catch {
      // A tracked file deleted in the working tree is not part of this checkout's state.
    }
  }
  symlinkSync(join(ROOT, 'node_modules'), join(dir, 'node_modules'), 'dir');
  return dir;
}

const ENV = { ...process.env, NO_COLOR: '1', FORCE_COLOR: '0' };

function npmRun(dir: string, script: string): { code: number | null; out: string } {
  const r = spawnSync('npm', ['run', '-s', script], { cwd: dir, encoding: 'utf8', env: ENV });
  return { code: r.status, out: `${r.stdout}${r.stderr}` };
}

/** ESLint with the copy's config on one file (the whole tree takes a minute; `npm test` lints it). */
function eslintOn(dir: string, file: string): { code: number | null; out: string } {
  const r = spawnSync(join(dir, 'node_modules/.bin/eslint'), [file], { cwd: dir, encoding: 'utf8', env: ENV });
  return { code: r.status, out: `${r.stdout}${r.stderr}` };
}

afterAll(() => {
  for (const d of copies) rmSync(d, { recursive: true, force: true });
});

describe('ESLint (npm run lint), type-aware', () => {
  it('fails on a floating promise and passes once it is awaited', () => {
    const dir = copyOfCheckout();
    const file = 'delivery/planted.ts';
    writeFileSync(join(dir, file), 'export async function later(): Promise<number> {\n  return 1;\n}\nexport function planted(): void {\n  later();\n}\n');
    const bad = eslintOn(dir, file);
    expect(bad.code).toBe(1);
    expect(bad.out).toContain('@typescript-eslint/no-floating-promises');
    writeFileSync(join(dir, file), 'export async function later(): Promise<number> {\n  return 1;\n}\nexport async function planted(): Promise<void> {\n  await later();\n}\n');
    const good = eslintOn(dir, file);
    expect(good.out).toBe('');
    expect(good.code).toBe(0);
  });
});

describe('npm run boundaries (dependency-cruiser over scripts/boundaries.json)', () => {
  const dir = copyOfCheckout();

  it('passes on the tree', () => {
    const r = npmRun(dir, 'boundaries');
    expect(r.out).toContain('no dependency violations found');
    expect(r.code).toBe(0);
  });

  it('fails on a layer import upwards, a package outside its folder and a type-only cycle, naming each', () => {
    writeFileSync(join(dir, 'generators/planted-up.ts'), "import { deliver } from '../delivery/index.ts';\nexport const planted = deliver;\n");
    writeFileSync(join(dir, 'scenarios/planted-pkg.ts'), "import type { FastifyInstance } from 'fastify';\nexport type Planted = FastifyInstance;\n");
    writeFileSync(join(dir, 'contracts/planted-a.ts'), "import type { B } from './planted-b.ts';\nexport interface A { b?: B }\n");
    writeFileSync(join(dir, 'contracts/planted-b.ts'), "import type { A } from './planted-a.ts';\nexport interface B { a?: A }\n");
    const r = npmRun(dir, 'boundaries');
    expect(r.code).not.toBe(0);
    expect(r.out).toMatch(/layer:generators: generators\/planted-up\.ts → delivery\/index\.ts/);
    expect(r.out).toMatch(/package:fastify: scenarios\/planted-pkg\.ts → \S*node_modules\/fastify\//);
    expect(r.out).toMatch(/no-circular: contracts\/planted-a\.ts →\s+contracts\/planted-b\.ts →\s+contracts\/planted-a\.ts/);
  });
});

describe('npm run deadcode (knip over the package entry points)', () => {
  const dir = copyOfCheckout();

  it('passes on the tree', () => {
    const r = npmRun(dir, 'deadcode');
    expect(r.out.trim()).toBe('');
    expect(r.code).toBe(0);
  });

  it('fails on a file nothing imports and on an export nothing uses', () => {
    writeFileSync(join(dir, 'generators/orphan.ts'), 'export const orphan = 1;\n');
    appendFileSync(join(dir, 'generators/time.ts'), '\nexport const plantedUnused = 2;\n');
    const r = npmRun(dir, 'deadcode');
    expect(r.code).not.toBe(0);
    expect(r.out).toMatch(/Unused files[\s\S]*generators\/orphan\.ts/);
    expect(r.out).toMatch(/Unused exports[\s\S]*plantedUnused\s+generators\/time\.ts/);
  });
});

describe('ARCHITECTURE.md "Boundaries"', () => {
  it('shows exactly the rules scripts/boundaries.json gives the check', () => {
    const rules = JSON.parse(readFileSync(join(ROOT, 'scripts/boundaries.json'), 'utf8')) as {
      layers: Record<string, string[]>;
      packages: Record<string, { modules: string[]; only: string[] }>;
    };
    const code = (xs: string[], suffix = ''): string => xs.map((x) => `\`${x}${suffix}\``).join(', ');
    const table = [
      '| rule | from | may import |',
      '|---|---|---|',
      ...Object.entries(rules.layers).map(([layer, allowed]) => `| layer | \`${layer}/\` | ${allowed.length ? code(allowed, '/') : 'no other layer'} |`),
      ...Object.values(rules.packages).map(({ modules, only }) => `| package | ${code(only, '/')} only | ${code(modules)} |`),
    ].join('\n');
    expect(readFileSync(join(ROOT, 'ARCHITECTURE.md'), 'utf8')).toContain(table);
  });
});
