import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { dirname, isAbsolute, join, relative, resolve } from 'node:path';
import { packagePath, packageRoot } from '../contracts/package-files.ts';
import { PROVIDERS, type Provider } from '../contracts/provider.ts';
import type { Scenario } from './engine/ast.ts';
import { CODES, scenarioError, unknownName } from './engine/errors.ts';
import { loadYaml, type LoadedSource } from './engine/load.ts';
import { resolveScenario, type ResolveOptions } from './engine/resolve.ts';
import { toText } from '../contracts/text.ts';

/**
 * The thin I/O layer around the engine: reads scenario files, finds built-ins by name, and
 * resolves includes against the file system. The engine itself only sees text + a file name.
 */

/** The scenarios/ folder (built-ins live in scenarios/<provider>/<name>.yaml). */
export const SCENARIOS_DIR = packagePath('scenarios');
const REPO_ROOT = packageRoot();

export interface BuiltinScenario {
  name: string;
  provider: Provider;
  description: string;
  /** Absolute path. */
  path: string;
  /** Path relative to the repository root, e.g. `scenarios/mluvii/chat-session.yaml`. */
  file: string;
}

let builtinCache: BuiltinScenario[] | undefined;

/** Every built-in scenario, found by listing the folders (never a hand-kept list). */
export function listBuiltins(provider?: Provider): BuiltinScenario[] {
  builtinCache ??= PROVIDERS.flatMap((p) => {
    const dir = join(SCENARIOS_DIR, p);
    if (!existsSync(dir)) return [];
    return readdirSync(dir)
      .filter((f) => f.endsWith('.yaml'))
      .sort()
      .map((f): BuiltinScenario => {
        const path = join(dir, f);
        const file = relative(REPO_ROOT, path);
        const data = loadYaml(readFileSync(path, 'utf8'), file).data as Record<string, unknown> | null;
        return { name: f.replace(/\.yaml$/, ''), provider: p, description: toText(data?.['description']), path, file };
      });
  });
  return provider ? builtinCache.filter((b) => b.provider === provider) : builtinCache;
}

function display(abs: string, cwd: string): string {
  const rel = relative(cwd, abs);
  return rel && !rel.startsWith('..') && !isAbsolute(rel) ? rel : abs;
}

function isFileRef(ref: string): boolean {
  return /\.ya?ml$/i.test(ref) || ref.startsWith('.') || isAbsolute(ref);
}

/** A built-in by `name` or `provider/name`; `near` prefers the includer's provider when names clash. */
export function findBuiltin(ref: string, near?: Provider): BuiltinScenario | undefined {
  const [p, n] = ref.includes('/') ? ref.split('/', 2) : [undefined, ref];
  const hits = listBuiltins().filter((b) => b.name === n && (p === undefined || b.provider === p));
  return hits.find((b) => b.provider === near) ?? hits[0];
}

function readText(abs: string, shown: string, where?: string): string {
  try {
    return readFileSync(abs, 'utf8');
  } catch (e) {
    throw scenarioError(CODES.unreadable, `cannot read scenario file ${shown}: ${(e as NodeJS.ErrnoException).code ?? (e as Error).message}`, {
      ...(where ? { where } : { where: shown }),
      hint: 'give a built-in name (provider-mock scenarios) or a path to a .yaml file',
    });
  }
}

/** Reads one scenario: a built-in name or a .yaml path (relative to `from`'s folder, else to cwd). */
export function readSource(ref: string, opts: { cwd: string; from?: string; where?: string }): LoadedSource {
  if (isFileRef(ref)) {
    const base = opts.from ? dirname(resolve(opts.cwd, opts.from)) : opts.cwd;
    const abs = resolve(base, ref);
    const shown = display(abs, opts.cwd);
    return loadYaml(readText(abs, shown, opts.where), shown);
  }
  const fromProvider = opts.from ? PROVIDERS.find((p) => resolve(opts.cwd, opts.from ?? '').includes(`/scenarios/${p}/`)) : undefined;
  const hit = findBuiltin(ref, fromProvider);
  if (!hit) {
    throw unknownName(CODES.unknownScenario, 'scenario', ref, listBuiltins().map((b) => b.name), opts.where ?? ref);
  }
  const shown = display(hit.path, opts.cwd);
  return loadYaml(readText(hit.path, shown), shown);
}

/** The include loader for the engine, backed by the file system. */
export function fileLoader(cwd: string): ResolveOptions['load'] {
  return (ref, from, where) => readSource(ref, { cwd, from, where });
}

export interface ReadOptions {
  cwd?: string;
  sets?: readonly string[];
  skips?: readonly string[];
}

/**
 * Reads and resolves scenarios by name or path. With several scenarios, a --set/--skip name only
 * needs to exist in one of them; a name no scenario has is an error with the valid names.
 */
export function readScenarios(refs: readonly string[], opts: ReadOptions = {}): Scenario[] {
  const cwd = opts.cwd ?? process.cwd();
  const several = refs.length > 1;
  const out = refs.map((ref) =>
    resolveScenario(readSource(ref, { cwd }), {
      load: fileLoader(cwd),
      sets: opts.sets ?? [],
      skips: opts.skips ?? [],
      lenientCliNames: several,
    }),
  );
  if (several) {
    const all = new Set<string>();
    for (const sc of out) for (const n of sc.names.keys()) all.add(n);
    for (const name of opts.skips ?? []) {
      if (out.every((sc) => sc.unknownCliNames.includes(name))) throw unknownName(CODES.unknownStep, 'step in --skip', name, [...all], `--skip ${name}`);
    }
    for (const arg of opts.sets ?? []) {
      if (out.every((sc) => sc.unknownCliNames.includes(arg))) {
        throw unknownName(CODES.unknownStep, 'step in --set', arg.split('=')[0]?.split('.')[0] ?? arg, [...all], `--set ${arg}`);
      }
    }
  }
  return out;
}

export function readScenario(ref: string, opts: ReadOptions = {}): Scenario {
  const [sc] = readScenarios([ref], opts);
  if (!sc) throw new Error('unreachable');
  return sc;
}
