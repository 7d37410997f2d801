import { parseArgs, type ParseArgsConfig } from 'node:util';
import { parseProvider } from '../contracts/catalog.ts';
import { ProviderMockError, unknownName } from '../contracts/errors.ts';
import type { Provider } from '../contracts/provider.ts';

export type OptionSpec = NonNullable<ParseArgsConfig['options']>;

export interface Parsed {
  values: Record<string, string | boolean | (string | boolean)[] | undefined>;
  positionals: string[];
}

/**
 * node:util parseArgs with our errors: an unknown flag is answered with "did you mean" and the
 * command's valid flags; a flag missing its value names the flag.
 */
export function parseFlags(command: string, argv: readonly string[], options: OptionSpec): Parsed {
  try {
    const { values, positionals } = parseArgs({ args: [...argv], options, allowPositionals: true, strict: true });
    return { values: values as Parsed['values'], positionals };
  } catch (e) {
    const code = (e as { code?: string }).code;
    const msg = (e as Error).message;
    const valid = Object.keys(options).map((o) => `--${o}`);
    if (code === 'ERR_PARSE_ARGS_UNKNOWN_OPTION') {
      const flag = /'([^']+)'/.exec(msg)?.[1] ?? msg;
      throw unknownName('PM_UNKNOWN_FLAG', `flag for "${command}"`, flag.replace(/^-+/, '--'), valid);
    }
    if (code === 'ERR_PARSE_ARGS_INVALID_OPTION_VALUE') {
      throw new ProviderMockError('PM_BAD_FLAG', msg.replace(/\.$/, ''), { where: command, hint: `provider-mock ${command} --help` });
    }
    throw new ProviderMockError('PM_BAD_FLAG', msg, { where: command });
  }
}

/**
 * The one word a command takes first (`export openapi`, `pact verify`): missing, unknown or
 * followed by more words is PM_USAGE with the valid words.
 */
export function oneOf<T extends string>(p: Parsed, command: string, what: string, valid: readonly T[], hint: string): T {
  const [word, ...extra] = p.positionals;
  if (!word || !(valid as readonly string[]).includes(word) || extra.length) {
    throw new ProviderMockError('PM_USAGE', word ? `unknown ${command} ${what} "${[word, ...extra].join(' ')}"` : `${command} needs a ${what}`, { validValues: valid, hint });
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
