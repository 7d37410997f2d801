import { parseProvider } from '../contracts/catalog.ts';
import { didYouMean, ProviderMockError } from '../contracts/errors.ts';
import type { Provider } from '../contracts/provider.ts';

/** One flag of a command. The shape is node:util parseArgs' option, plus what the CLI needs around it. */
export interface FlagSpec {
  type: 'string' | 'boolean';
  multiple?: boolean;
  /** A one-letter alias (`-t` for `--target`), listed in the command's help. */
  short?: string;
  /**
   * Read from `PROVIDER_MOCK_<NAME>` and the config file when the command line does not give it
   * (cli/config.ts). Default true; false for what only makes sense per invocation (--set, --seq…).
   */
  config?: boolean;
  /** A credential: masked by --print-config, and better given by env or config file than in argv (visible in `ps`). */
  secret?: boolean;
  /** A file or folder: a relative path in a config file is relative to that file's folder. */
  path?: boolean;
  /** What applies when nothing sets it, for --print-config. */
  default?: string;
}

export type OptionSpec = Record<string, FlagSpec>;

export interface Parsed {
  values: Record<string, string | boolean | (string | boolean)[] | undefined>;
  positionals: string[];
}

/** Flags every command takes (main.ts handles them). */
const GLOBAL_FLAGS = ['--help', '--verbose', '--print-config'] as const;

function badFlag(command: string, what: string, flag: string, hint?: string): ProviderMockError {
  return new ProviderMockError('PM_BAD_FLAG', what, { where: `${command} ${flag}`, hint: hint ?? `provider-mock help ${command}` });
}

/** `-t` → `target` for the command's short aliases. */
function shortIndex(options: OptionSpec): Map<string, string> {
  const m = new Map<string, string>();
  for (const [name, spec] of Object.entries(options)) if (spec.short) m.set(spec.short, name);
  return m;
}

/** The valid flags of a command as the user types them: `--target (-t)`, …, then the global ones. */
function validFlags(options: OptionSpec): string[] {
  return [...Object.entries(options).map(([name, s]) => (s.short ? `--${name} (-${s.short})` : `--${name}`)), ...GLOBAL_FLAGS];
}

function unknownFlag(command: string, token: string, options: OptionSpec): ProviderMockError {
  const longs = [...Object.keys(options).map((o) => `--${o}`), ...GLOBAL_FLAGS];
  const isShort = !token.startsWith('--');
  // `-target` is a long flag typed with one dash; `-z` a short one this command does not have.
  const asLong = isShort && token.length > 2 ? `-${token}` : token;
  const near = isShort && token.length === 2 ? [] : longs.includes(asLong) ? [asLong] : didYouMean(asLong, longs);
  const shorts = Object.entries(options).filter(([, s]) => s.short).map(([n, s]) => `-${s.short} (--${n})`);
  const hint = isShort && token.length === 2 ? (shorts.length ? `short flags of ${command}: ${shorts.join(', ')}` : `${command} has no short flags`) : undefined;
  const mean = near.length ? `; did you mean ${near.map((n) => `"${n}"`).join(' or ')}?` : '';
  return new ProviderMockError('PM_UNKNOWN_FLAG', `unknown flag for "${command}" "${token}"${mean}`, {
    ...(hint ? { hint } : {}),
    validValues: validFlags(options),
  });
}

function boolValue(command: string, flag: string, raw: string): boolean {
  const v = raw.trim().toLowerCase();
  if (['', 'true', '1', 'yes', 'on'].includes(v)) return true;
  if (['false', '0', 'no', 'off'].includes(v)) return false;
  throw new ProviderMockError('PM_BAD_FLAG', `${flag} is a switch: "${raw}" is not true or false`, { where: command, validValues: ['true', 'false'] });
}

/**
 * The command line of one command: `--name value`, `--name=value`, `-x value` (the aliases the
 * command declares), switches (`--insecure`, `--insecure=false`), `--` ends the flags. An unknown
 * flag is answered with "did you mean" among this command's own flags and the list of them; a
 * flag missing its value names the flag.
 */
export function parseFlags(command: string, argv: readonly string[], options: OptionSpec): Parsed {
  const values: Parsed['values'] = {};
  const positionals: string[] = [];
  const shorts = shortIndex(options);
  const isFlagToken = (t: string | undefined): boolean =>
    t !== undefined && ((t.startsWith('--') && t.length > 2 && Object.hasOwn(options, t.slice(2).split('=')[0] ?? '')) || (/^-[A-Za-z]$/.test(t) && shorts.has(t.slice(1))));
  for (let i = 0; i < argv.length; i++) {
    const token = argv[i] ?? '';
    if (token === '--') {
      positionals.push(...argv.slice(i + 1));
      break;
    }
    let name: string | undefined;
    let inline: string | undefined;
    let shown: string;
    if (token.startsWith('--') && token.length > 2) {
      const eq = token.indexOf('=');
      name = eq < 0 ? token.slice(2) : token.slice(2, eq);
      inline = eq < 0 ? undefined : token.slice(eq + 1);
      shown = `--${name}`;
      if (!Object.hasOwn(options, name)) throw unknownFlag(command, shown, options);
    } else if (/^-[A-Za-z]/.test(token)) {
      const letter = token.slice(1, 2);
      name = token.length === 2 ? shorts.get(letter) : undefined;
      if (name === undefined) throw unknownFlag(command, token, options);
      shown = `-${letter} (--${name})`;
    } else {
      positionals.push(token);
      continue;
    }
    const spec = options[name] as FlagSpec;
    let value: string | boolean;
    if (spec.type === 'boolean') {
      value = inline === undefined ? true : boolValue(command, shown, inline);
    } else if (inline !== undefined) {
      value = inline;
    } else {
      const next = argv[i + 1];
      if (next === undefined || isFlagToken(next) || next === '--') throw badFlag(command, `${shown} needs a value`, shown);
      value = next;
      i++;
    }
    if (spec.multiple) {
      const list = (values[name] as (string | boolean)[] | undefined) ?? [];
      list.push(value);
      values[name] = list;
    } else {
      values[name] = value;
    }
  }
  return { values, positionals };
}

/**
 * The one word a command takes first (`export openapi`, `pact verify`): missing, unknown or
 * followed by more words is PM_USAGE with the valid words.
 */
export function oneOf<T extends string>(p: Parsed, command: string, what: string, valid: readonly T[], hint: string): T {
  const [word, ...extra] = p.positionals;
  if (!word || !(valid as readonly string[]).includes(word) || extra.length) {
    const near = word && !extra.length ? didYouMean(word, valid) : [];
    const mean = near.length ? `; did you mean ${near.map((n) => `"${n}"`).join(' or ')}?` : '';
    throw new ProviderMockError('PM_USAGE', word ? `unknown ${command} ${what} "${[word, ...extra].join(' ')}"${mean}` : `${command} needs a ${what}`, { validValues: valid, hint });
  }
  return word as T;
}

export function stringFlag(p: Parsed, name: string): string | undefined {
  const v = p.values[name];
  if (Array.isArray(v)) return typeof v.at(-1) === 'string' ? (v.at(-1) as string) : undefined;
  return typeof v === 'string' ? v : undefined;
}

export function listFlag(p: Parsed, name: string): string[] {
  const v = p.values[name];
  if (v === undefined) return [];
  return (Array.isArray(v) ? v : [v]).filter((x): x is string => typeof x === 'string');
}

/** `--provider P`: undefined when absent; an unknown name gets "did you mean" and the valid ones. */
export function providerFlag(p: Parsed): Provider | undefined {
  const raw = stringFlag(p, 'provider');
  return raw === undefined ? undefined : parseProvider(raw, '--provider');
}

export function boolFlag(p: Parsed, name: string): boolean {
  return p.values[name] === true;
}

/** A non-negative integer flag, e.g. --count 10; `max` bounds it where a limit applies. */
export function intFlag(p: Parsed, name: string, fallback: number, min = 0, max = Number.MAX_SAFE_INTEGER): number {
  const raw = stringFlag(p, name);
  if (raw === undefined) return fallback;
  if (!/^\d+$/.test(raw.trim()) || Number(raw) < min || Number(raw) > max) {
    const range = max === Number.MAX_SAFE_INTEGER ? `≥ ${min}` : `from ${min} to ${max}`;
    throw new ProviderMockError('PM_BAD_FLAG', `--${name} must be a whole number ${range}`, { where: `--${name} ${raw}` });
  }
  return Number(raw);
}
