/**
 * Settings from outside the command line: `PROVIDER_MOCK_<FLAG>` environment variables and a config
 * file (`provider-mock.config.json`, `.yaml`/`.yml`, or a `"provider-mock"` key in package.json,
 * the first found from the working directory up). Precedence: flag > env > file > default.
 *
 * They are folded into the command's argv (as `--name=value` after the user's own flags), so every
 * command parses one argv and every flag, a new one too, can come from env or file unless its spec
 * says `config: false`. `--print-config` shows each value and where it came from.
 *
 * The file: top-level keys are settings shared by every command that has the flag; a key named
 * after a command holds settings for that command only, and wins over the shared ones.
 *
 *   target: http://127.0.0.1:8080/webhooks
 *   run:
 *     retries: 1
 *     journal: runs/last.ndjson      # relative to this file's folder
 *   serve:
 *     port: 4010
 */
import { existsSync, readFileSync } from 'node:fs';
import { basename, dirname, isAbsolute, join, resolve } from 'node:path';
import { listValues, ProviderMockError, suggestion } from '../contracts/errors.ts';
import type { FlagSpec, OptionSpec } from './args.ts';

export const CONFIG_FILES = ['provider-mock.config.json', 'provider-mock.config.yaml', 'provider-mock.config.yml'] as const;
export const PACKAGE_KEY = 'provider-mock';
export const ENV_PREFIX = 'PROVIDER_MOCK_';

export type SettingSource = 'flag' | 'env' | 'file' | 'default';

export interface Setting {
  name: string;
  /** As shown (secrets masked). */
  shown: string;
  source: SettingSource;
  /** `env PROVIDER_MOCK_TARGET`, `file provider-mock.config.yaml (run.retries)`, … */
  from: string;
}

export interface ConfigFile {
  path: string;
  /** package.json is committed and published: no secrets there. */
  isPackageJson: boolean;
  data: Record<string, unknown>;
}

export interface Resolved {
  /** The user's argv with the env and file settings appended. */
  argv: string[];
  settings: Setting[];
  file: ConfigFile | undefined;
}

/** `check-auth` → `PROVIDER_MOCK_CHECK_AUTH`. */
export function envName(flag: string): string {
  return `${ENV_PREFIX}${flag.toUpperCase().replaceAll('-', '_')}`;
}

function configError(file: string, path: string, what: string, extra: { hint?: string; validValues?: readonly string[] } = {}): ProviderMockError {
  return new ProviderMockError('PM_CONFIG', what, { where: `${file}: ${path}`, ...extra });
}

function isObject(v: unknown): v is Record<string, unknown> {
  return typeof v === 'object' && v !== null && !Array.isArray(v);
}

async function readConfig(path: string): Promise<ConfigFile> {
  let text: string;
  try {
    text = readFileSync(path, 'utf8');
  } catch (e) {
    throw new ProviderMockError('PM_CONFIG', `cannot read the config file: ${(e as NodeJS.ErrnoException).code ?? (e as Error).message}`, { where: path });
  }
  const isPackageJson = basename(path) === 'package.json';
  // YAML is a superset of JSON: one parser gives line:column for both. Loaded only when a file is there.
  const { parseDocument } = await import('yaml');
  const doc = parseDocument(text, { prettyErrors: true, uniqueKeys: true });
  const first = doc.errors[0];
  if (first) {
    const pos = first.linePos?.[0];
    throw new ProviderMockError('PM_CONFIG', `not ${path.endsWith('.json') ? 'JSON' : 'YAML'}: ${(first.message.split('\n')[0] ?? '').replace(/ at line \d+, column \d+:?$/, '')}`, { where: pos ? `${path}:${pos.line}:${pos.col}` : path });
  }
  const root: unknown = doc.toJS();
  const data = isPackageJson ? (isObject(root) ? root[PACKAGE_KEY] : undefined) : (root ?? {});
  if (!isObject(data)) {
    throw configError(path, isPackageJson ? `$["${PACKAGE_KEY}"]` : '$', `the settings must be an object of flag names, got ${Array.isArray(data) ? 'an array' : typeof data}`, {
      hint: 'e.g. {"target": "http://127.0.0.1:8080/webhooks", "run": {"retries": 1}}',
    });
  }
  return { path, isPackageJson, data };
}

/** The config file that applies in `cwd`: the first found walking up to the root. */
export async function findConfigFile(cwd: string): Promise<ConfigFile | undefined> {
  for (let dir = resolve(cwd); ; dir = dirname(dir)) {
    for (const name of CONFIG_FILES) {
      const p = join(dir, name);
      if (existsSync(p)) return readConfig(p);
    }
    const pkg = join(dir, 'package.json');
    if (existsSync(pkg)) {
      let json: unknown;
      try {
        json = JSON.parse(readFileSync(pkg, 'utf8'));
      } catch {
        json = undefined;
      }
      // A package.json without our key does not stop the search (a monorepo package inside a configured root).
      if (isObject(json) && PACKAGE_KEY in json) return readConfig(pkg);
    }
    if (dirname(dir) === dir) return undefined;
  }
}

/** Settings given to a command in its own argv: `--name`, `--name=…` and its short aliases. */
function givenOnCommandLine(argv: readonly string[], options: OptionSpec): Set<string> {
  const shorts = new Map<string, string>(Object.entries(options).flatMap(([n, s]) => (s.short ? [[`-${s.short}`, n] as [string, string]] : [])));
  const given = new Set<string>();
  for (const t of argv) {
    if (t === '--') break;
    if (t.startsWith('--')) given.add(t.slice(2).split('=')[0] ?? '');
    const short = shorts.get(t);
    if (short) given.add(short);
  }
  return given;
}

/** A value from the file as the flag's text(s); a wrong type names the key and the form. */
function fileValues(spec: FlagSpec, raw: unknown, file: ConfigFile, key: string): string[] {
  const one = (v: unknown, at: string): string => {
    const path = `$.${at}`;
    if (spec.type === 'boolean') {
      if (typeof v === 'boolean') return String(v);
      if (typeof v === 'string' && /^(true|false|1|0|yes|no)$/i.test(v.trim())) return v.trim();
      throw configError(file.path, path, `must be true or false, got ${JSON.stringify(v)}`);
    }
    if (typeof v === 'string' || typeof v === 'number') {
      const text = String(v);
      return spec.path && text !== '' && text !== '-' && !isAbsolute(text) ? resolve(dirname(file.path), text) : text;
    }
    throw configError(file.path, path, `must be ${spec.multiple ? 'a text or a list of texts' : 'a text or a number'}, got ${v === null ? 'null' : Array.isArray(v) ? 'a list' : typeof v}`);
  };
  if (Array.isArray(raw)) {
    if (!spec.multiple) throw configError(file.path, `$.${key}`, 'takes one value, not a list');
    return raw.map((v, i) => one(v, `${key}[${i}]`));
  }
  return [one(raw, key)];
}

function envValues(spec: FlagSpec, raw: string, name: string): string[] {
  if (spec.type === 'boolean' && !/^(true|false|1|0|yes|no|)$/i.test(raw.trim())) {
    throw new ProviderMockError('PM_CONFIG', `must be true or false, got ${JSON.stringify(raw)}`, { where: `env ${name}`, validValues: ['true', 'false', '1', '0'] });
  }
  // A list in one variable: comma-separated (PROVIDER_MOCK_ALLOW_TARGET=a:80,b:80).
  return spec.multiple ? raw.split(',').map((s) => s.trim()).filter((s) => s !== '') : [raw.trim() === '' && spec.type === 'boolean' ? 'true' : raw];
}

function token(name: string, spec: FlagSpec, value: string): string {
  if (spec.type === 'boolean') return /^(true|1|yes)$/i.test(value) ? `--${name}` : `--${name}=false`;
  return `--${name}=${value}`;
}

export interface ResolveOptions {
  command: string;
  options: OptionSpec;
  argv: readonly string[];
  env: Record<string, string | undefined>;
  cwd: string;
  /** Every command's flags, loaded only to judge a file key that is not this command's flag. */
  allFlags: () => Promise<{ commands: readonly string[]; flags: ReadonlySet<string> }>;
  commands: readonly string[];
}

/** Folds env and the config file into the argv of one command. */
export async function resolveSettings(o: ResolveOptions): Promise<Resolved> {
  const { command, options } = o;
  const file = await findConfigFile(o.cwd);
  const given = givenOnCommandLine(o.argv, options);
  const fromFile = new Map<string, { raw: unknown; key: string }>();
  if (file) {
    // Shared keys first, then the command's own section, which wins.
    for (const [key, raw] of Object.entries(file.data)) {
      if (o.commands.includes(key)) {
        if (!isObject(raw)) throw configError(file.path, `$.${key}`, `the settings of "${key}" must be an object of its flag names`);
        continue;
      }
      const name = kebab(key);
      const spec = options[name];
      if (spec) {
        if (spec.config !== false) fromFile.set(name, { raw, key });
        continue;
      }
      const all = await o.allFlags();
      if (!all.flags.has(name)) {
        throw configError(file.path, `$.${key}`, `unknown setting "${key}"${suggestion(name, [...all.flags, ...all.commands])}`, {
          hint: `top-level keys are flag names shared by the commands, or a command name (${listValues(all.commands)}) holding that command's settings`,
        });
      }
    }
    const own = file.data[command];
    for (const [k, v] of Object.entries(isObject(own) ? own : {})) {
      const n = kebab(k);
      const spec = options[n];
      const where = `$.${command}.${k}`;
      if (!spec) throw configError(file.path, where, `"${k}" is not a flag of ${command}${suggestion(n, Object.keys(options))}`, { validValues: Object.keys(options).filter((f) => options[f]?.config !== false) });
      if (spec.config === false) throw configError(file.path, where, `--${n} is given per invocation only, not in the config file`);
      fromFile.set(n, { raw: v, key: `${command}.${k}` });
    }
  }

  const extra: string[] = [];
  const settings: Setting[] = [];
  const fileLabel = file ? basename(file.path) : '';
  for (const [name, spec] of Object.entries(options)) {
    if (given.has(name)) {
      settings.push({ name, shown: spec.secret ? '***' : shownFromArgv(o.argv, name, spec), source: 'flag', from: 'flag' });
      continue;
    }
    if (spec.config === false) continue;
    const envKey = envName(name);
    const envRaw = o.env[envKey];
    if (envRaw !== undefined && envRaw !== '') {
      const values = envValues(spec, envRaw, envKey);
      extra.push(...values.map((v) => token(name, spec, v)));
      settings.push({ name, shown: spec.secret ? '***' : values.join(', '), source: 'env', from: `env ${envKey}` });
      continue;
    }
    const f = fromFile.get(name);
    if (f && file && f.raw !== null && f.raw !== undefined) {
      if (spec.secret && file.isPackageJson) {
        throw configError(file.path, `$["${PACKAGE_KEY}"].${f.key}`, `--${name} is a secret and package.json is committed and published`, {
          hint: `set ${envName(name)}, or put it in a git-ignored ${CONFIG_FILES[1]}`,
        });
      }
      const values = fileValues(spec, f.raw, file, f.key);
      extra.push(...values.map((v) => token(name, spec, v)));
      settings.push({ name, shown: spec.secret ? '***' : values.join(', '), source: 'file', from: `file ${fileLabel} (${f.key})` });
      continue;
    }
    settings.push({ name, shown: spec.default ?? (spec.type === 'boolean' ? 'false' : '(none)'), source: 'default', from: 'default' });
  }
  // Settings go before a `--` so they stay flags.
  const dash = o.argv.indexOf('--');
  const argv = dash < 0 ? [...o.argv, ...extra] : [...o.argv.slice(0, dash), ...extra, ...o.argv.slice(dash)];
  return { argv, settings, file };
}

function shownFromArgv(argv: readonly string[], name: string, spec: FlagSpec): string {
  const out: string[] = [];
  for (let i = 0; i < argv.length; i++) {
    const t = argv[i] ?? '';
    if (t === '--') break;
    const long = t === `--${name}` || (spec.short !== undefined && t === `-${spec.short}`);
    if (t.startsWith(`--${name}=`)) out.push(t.slice(name.length + 3));
    else if (long) out.push(spec.type === 'boolean' ? 'true' : (argv[i + 1] ?? ''));
  }
  return out.join(', ');
}

function kebab(key: string): string {
  return key.replace(/[A-Z]/g, (c) => `-${c.toLowerCase()}`);
}

/** `--print-config`: every setting of the command, its value and where it came from. */
export function formatSettings(command: string, r: Resolved): string {
  const rows = r.settings.map((s) => [s.name, s.shown, s.from]);
  const w0 = Math.max(7, ...rows.map((x) => (x[0] ?? '').length));
  const w1 = Math.min(60, Math.max(5, ...rows.map((x) => (x[1] ?? '').length)));
  const line = (c: string[]) => `  ${(c[0] ?? '').padEnd(w0)}  ${(c[1] ?? '').padEnd(w1)}  ${c[2] ?? ''}`.trimEnd();
  return [
    `provider-mock ${command}: settings (precedence: flag > env ${ENV_PREFIX}<FLAG> > config file > default)`,
    `  config file: ${r.file ? r.file.path : `none (looked for ${CONFIG_FILES.join(', ')} or a "${PACKAGE_KEY}" key in package.json, from the working directory up)`}`,
    '',
    line(['setting', 'value', 'source']),
    line(['-'.repeat(w0), '-'.repeat(w1), '-'.repeat(6)]),
    ...rows.map(line),
  ].join('\n');
}

export const CONFIG_HELP = `Settings from the environment and a config file

Every flag that is more than a one-off (targets, timeouts, retries, outputs, serve's port…) can
also be set without the command line. Precedence: flag > environment > config file > default;
\`provider-mock <command> --print-config\` shows each value and where it came from.

Environment: ${ENV_PREFIX}<FLAG>, the flag's name in capitals with _ for -:
  ${ENV_PREFIX}TARGET=http://127.0.0.1:8080/webhooks   ${ENV_PREFIX}RETRIES=1
  ${ENV_PREFIX}SECRET=…  ${ENV_PREFIX}CHECK_AUTH=1   ${ENV_PREFIX}ALLOW_TARGET=a:80,b:80 (lists: commas)

Config file: the first of ${CONFIG_FILES.join(', ')}, or a "${PACKAGE_KEY}"
key in package.json, found from the working directory up. Top-level keys are flags shared by
every command that has them; a key named after a command holds that command's own settings
(they win). Relative paths are relative to the file's folder.

  # provider-mock.config.yaml
  target: http://127.0.0.1:8080/webhooks
  run:
    retries: 1
    journal: runs/last.ndjson
  serve:
    port: 4010

Secrets (--secret, serve's --token and --mluvii-client-secret) belong in the environment or a
git-ignored config file: on the command line they are visible to other users (ps, shell history),
so provider-mock warns there, and package.json (committed, published) refuses them.
Per-invocation flags (--set, --skip, --only, --seq, --json…) are command-line only.`;
