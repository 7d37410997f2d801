/**
 * The delivery flags of `provider-mock run`, parsed from CLI-style strings into `DeliverOptions`.
 * Every bad value is a `ProviderMockError` (exit 2) naming the flag and the valid form.
 *
 * Accepts an argv slice (`['--duplicates', '0.1', '--instant']`; unknown tokens are returned in
 * `rest` for the caller) or a record of already split values (`{ duplicates: '0.1', instant: true }`,
 * kebab-case or camelCase keys), e.g. from `node:util` parseArgs.
 */
import { ProviderMockError } from '../contracts/errors.ts';
import { isProvider, PROVIDERS } from '../contracts/provider.ts';
import type { Provider } from '../contracts/provider.ts';
import { loadProfile } from './profile.ts';
import { redactUrl } from './redact.ts';
import type { DeliverOptions } from './config.ts';
import { defaultTimeMode, isHttpUrl, MAX_DRAIN_LIMIT } from './config.ts';
import { checkSpeed, parseDelayRange, parseDuration, parseRetrySchedule, TIME_LIMITS } from './schedule.ts';
import type { TimeMode } from './schedule.ts';
import { resolveTarget, urlHint } from './target.ts';
import type { DeliveryTarget } from './target.ts';

export const VALUE_FLAGS = [
  'target',
  'secret',
  'duplicates',
  'reorder',
  'delay',
  'retry-schedule',
  'retries',
  'timeout',
  'speed',
  'seed',
  'concurrency',
  'journal',
  'report',
  'json',
  'check-idempotency',
  'max-drain',
] as const;
export const BOOLEAN_FLAGS = ['instant', 'realtime', 'insecure', 'allow-http', 'check-auth'] as const;

export type FlagValues = Record<string, string | boolean | readonly string[] | undefined>;

export interface ParsedDeliveryFlags {
  options: DeliverOptions;
  /** Tokens that are not delivery flags, in order (argv form only). */
  rest: string[];
}

/** Env var read for the secret when --secret is not given (keeps it out of the process list). */
export const SECRET_ENV = 'PROVIDER_MOCK_SECRET';

const VALUE_SET = new Set<string>(VALUE_FLAGS);
const BOOLEAN_SET = new Set<string>(BOOLEAN_FLAGS);
const ALL_FLAGS = [...VALUE_FLAGS, ...BOOLEAN_FLAGS].map((f) => `--${f}`);

function kebab(name: string): string {
  return name.replace(/^--/, '').replace(/[A-Z]/g, (c) => `-${c.toLowerCase()}`);
}

function err(code: string, flag: string, what: string, hint?: string, validValues?: readonly string[]): ProviderMockError {
  return new ProviderMockError(code, what, { where: flag, ...(hint ? { hint } : {}), ...(validValues ? { validValues } : {}) });
}

/** Splits argv into delivery flag values and the rest. */
function collectArgv(argv: readonly string[]): { values: Map<string, string[]>; bools: Map<string, boolean>; rest: string[] } {
  const values = new Map<string, string[]>();
  const bools = new Map<string, boolean>();
  const rest: string[] = [];
  for (let i = 0; i < argv.length; i++) {
    const token = argv[i] ?? '';
    const m = /^--([a-z][a-z0-9-]*)(?:=(.*))?$/s.exec(token);
    const name = m?.[1];
    if (!m || name === undefined || (!VALUE_SET.has(name) && !BOOLEAN_SET.has(name))) {
      rest.push(token);
      continue;
    }
    if (BOOLEAN_SET.has(name)) {
      bools.set(name, m[2] === undefined ? true : parseBool(m[2], `--${name}`));
      continue;
    }
    let value = m[2];
    if (value === undefined) {
      const next = argv[i + 1];
      if (next === undefined || (next.startsWith('--') && next.length > 2)) {
        throw err('PM_DELIVERY_FLAG_VALUE', `--${name}`, `--${name} needs a value`, example(name));
      }
      value = next;
      i++;
    }
    const list = values.get(name) ?? [];
    list.push(value);
    values.set(name, list);
  }
  return { values, bools, rest };
}

function collectRecord(rec: FlagValues): { values: Map<string, string[]>; bools: Map<string, boolean>; rest: string[] } {
  const values = new Map<string, string[]>();
  const bools = new Map<string, boolean>();
  for (const [key, raw] of Object.entries(rec)) {
    if (raw === undefined) continue;
    const name = kebab(key);
    if (BOOLEAN_SET.has(name)) {
      if (typeof raw === 'boolean') bools.set(name, raw);
      else if (typeof raw === 'string') bools.set(name, parseBool(raw, `--${name}`));
      else throw err('PM_DELIVERY_FLAG_VALUE', `--${name}`, `--${name} is a switch and takes no list`);
    } else if (VALUE_SET.has(name)) {
      if (typeof raw === 'boolean') throw err('PM_DELIVERY_FLAG_VALUE', `--${name}`, `--${name} needs a value`, example(name));
      values.set(name, typeof raw === 'string' ? [raw] : [...raw]);
    } else {
      throw new ProviderMockError('PM_DELIVERY_UNKNOWN_FLAG', `unknown delivery flag --${name}`, { validValues: ALL_FLAGS });
    }
  }
  return { values, bools, rest: [] };
}

function parseBool(v: string, flag: string): boolean {
  if (v === 'true' || v === '1' || v === '') return true;
  if (v === 'false' || v === '0') return false;
  throw err('PM_DELIVERY_FLAG_VALUE', flag, `"${v}" is not true or false`, undefined, ['true', 'false']);
}

function example(name: string): string {
  const examples: Record<string, string> = {
    target: '--target https://receiver.example/webhook, or --target enreach=https://…',
    secret: `--secret <token>, or set ${SECRET_ENV}`,
    duplicates: '--duplicates 0.1 (a rate from 0 to 1, or 10%)',
    reorder: '--reorder 0.1 (a rate from 0 to 1, or 10%)',
    delay: '--delay 0..200ms',
    'retry-schedule': '--retry-schedule 1s,5s,30s',
    retries: '--retries 3',
    timeout: '--timeout 5s',
    speed: '--speed 60',
    seed: '--seed 42',
    concurrency: '--concurrency 8',
    journal: '--journal run.ndjson',
    report: '--report junit.xml',
    json: '--json summary.json',
    'check-idempotency': '--check-idempotency http://127.0.0.1:8080/probe',
    'max-drain': '--max-drain 10000 (0 = journal none of the unread plan one by one)',
  };
  return `e.g. ${examples[name] ?? `--${name} <value>`}`;
}

/** The last value given for a flag (later flags win, as usual on command lines). */
function last(values: Map<string, string[]>, name: string): string | undefined {
  const list = values.get(name);
  return list?.[list.length - 1];
}

/** `0.1`, `10%` → 0.1. */
export function parseRate(text: string, flag: string): number {
  const t = text.trim();
  const pct = /^(\d+(?:\.\d+)?)%$/.exec(t);
  const n = pct ? Number(pct[1]) / 100 : /^\d*\.?\d+$/.test(t) ? Number(t) : Number.NaN;
  if (!(n >= 0 && n <= 1)) throw err('PM_DELIVERY_RATE', flag, `"${text}" is not a rate`, 'a number from 0 to 1 (0.1) or a percentage (10%)');
  return n;
}

function parseIntFlag(text: string, flag: string, min: number, max: number, code: string): number {
  const t = text.trim();
  const n = /^\d+$/.test(t) ? Number(t) : Number.NaN;
  if (!(Number.isInteger(n) && n >= min && n <= max)) throw err(code, flag, `"${text}" is not a whole number from ${min} to ${max}`, example(flag.slice(2)));
  return n;
}

/** `60`, `60x`, `0.5` → a factor within TIME_LIMITS.speed. */
export function parseSpeed(text: string, flag = '--speed'): number {
  const t = text.trim().replace(/x$/i, '');
  const n = /^(\d*\.?\d+)(e[+-]?\d+)?$/i.test(t) ? Number(t) : Number.NaN;
  if (Number.isNaN(n)) throw err('PM_DELIVERY_SPEED', flag, `"${text}" is not a speed factor`, 'a positive number: 60 = a scenario minute per second, 1 = real time');
  return checkSpeed(n, flag);
}

function checkHttpUrl(text: string, flag: string, code: string): void {
  if (!isHttpUrl(text)) throw err(code, flag, `"${redactUrl(text)}" is not an http(s) URL`, urlHint(text, example(flag.slice(2))));
}

export function parseDeliveryFlags(args: readonly string[] | FlagValues, env: Record<string, string | undefined> = process.env): ParsedDeliveryFlags {
  const { values, bools, rest } = Array.isArray(args) ? collectArgv(args as readonly string[]) : collectRecord(args as FlagValues);
  const options: DeliverOptions = { env };

  // Time: --instant / --speed / --realtime are exclusive; CI=true makes instant the default.
  const speedText = last(values, 'speed');
  const modes: string[] = [];
  if (bools.get('instant')) modes.push('--instant');
  if (bools.get('realtime')) modes.push('--realtime');
  if (speedText !== undefined) modes.push('--speed');
  if (modes.length > 1) {
    throw new ProviderMockError('PM_DELIVERY_TIME_MODE_CONFLICT', `${modes.join(' and ')} contradict each other`, {
      where: modes.join(' '),
      hint: 'give one time mode',
      validValues: ['--instant', '--speed <factor>', '--realtime'],
    });
  }
  let time: TimeMode = defaultTimeMode(env);
  if (bools.get('instant')) time = { kind: 'instant' };
  else if (bools.get('realtime')) time = { kind: 'realtime' };
  else if (speedText !== undefined) time = { kind: 'speed', factor: parseSpeed(speedText) };
  options.time = time;

  const dup = last(values, 'duplicates');
  const reorder = last(values, 'reorder');
  const delay = last(values, 'delay');
  if (dup !== undefined || reorder !== undefined || delay !== undefined) {
    options.faults = {
      ...(dup !== undefined ? { duplicates: parseRate(dup, '--duplicates') } : {}),
      ...(reorder !== undefined ? { reorder: parseRate(reorder, '--reorder') } : {}),
      ...(delay !== undefined ? { delay: parseDelayRange(delay, '--delay') } : {}),
    };
  }
  const schedule = last(values, 'retry-schedule');
  if (schedule !== undefined) options.retryScheduleMs = parseRetrySchedule(schedule, '--retry-schedule');
  const retries = last(values, 'retries');
  if (retries !== undefined) options.retries = parseIntFlag(retries, '--retries', 0, 100, 'PM_DELIVERY_RETRIES');
  const timeout = last(values, 'timeout');
  if (timeout !== undefined) options.timeoutMs = parseDuration(timeout, '--timeout', TIME_LIMITS.timeoutMs);
  const maxDrain = last(values, 'max-drain');
  if (maxDrain !== undefined) options.maxDrain = parseIntFlag(maxDrain, '--max-drain', 0, MAX_DRAIN_LIMIT, 'PM_DELIVERY_OPTION');
  const concurrency = last(values, 'concurrency');
  if (concurrency !== undefined) options.concurrency = parseIntFlag(concurrency, '--concurrency', 1, 1024, 'PM_DELIVERY_CONCURRENCY');
  const seed = last(values, 'seed');
  if (seed !== undefined) {
    if (seed.trim() === '') throw err('PM_DELIVERY_FLAG_VALUE', '--seed', 'the seed is empty', example('seed'));
    options.seed = seed;
  }
  for (const name of ['journal', 'report', 'json'] as const) {
    const v = last(values, name);
    if (v === undefined) continue;
    if (v.trim() === '') throw err('PM_DELIVERY_FLAG_VALUE', `--${name}`, `--${name} needs a file path`, example(name));
    options[name] = v;
  }
  if (bools.get('check-auth')) options.checkAuth = true;
  const probe = last(values, 'check-idempotency');
  if (probe !== undefined) {
    checkHttpUrl(probe, '--check-idempotency', 'PM_DELIVERY_PROBE_URL');
    options.checkIdempotency = { url: probe, insecure: bools.get('insecure') === true };
  }

  // Targets: one URL for every event, or provider=URL per provider. The secret comes from
  // --secret or PROVIDER_MOCK_SECRET and applies to every target.
  const secret = last(values, 'secret') ?? env[SECRET_ENV];
  if (values.has('secret') && (last(values, 'secret') ?? '') === '') throw err('PM_DELIVERY_FLAG_VALUE', '--secret', 'the secret is empty', example('secret'));
  const common: Omit<DeliveryTarget, 'url'> = {
    ...(secret ? { secret } : {}),
    ...(bools.get('insecure') ? { insecure: true } : {}),
    ...(bools.get('allow-http') ? { allowHttp: true } : {}),
  };
  const targetValues = values.get('target') ?? [];
  const plain: string[] = [];
  const perProvider: Partial<Record<Provider, DeliveryTarget>> = {};
  for (const v of targetValues) {
    const m = /^([A-Za-z][\w-]*)=(.*)$/s.exec(v);
    if (m && !m[1]?.includes(':')) {
      const name = (m[1] ?? '').toLowerCase();
      if (!isProvider(name)) throw new ProviderMockError('PM_DELIVERY_UNKNOWN_PROVIDER', `unknown provider "${m[1]}" in --target`, { where: '--target', validValues: PROVIDERS });
      if (perProvider[name]) throw err('PM_DELIVERY_TARGET_CONFLICT', '--target', `two targets for ${name}`, 'give one --target per provider');
      const t: DeliveryTarget = { url: m[2] ?? '', ...common };
      resolveTarget(t, loadProfile(name), `--target ${name}=…`);
      perProvider[name] = t;
    } else {
      plain.push(v);
    }
  }
  if (plain.length > 1) throw err('PM_DELIVERY_TARGET_CONFLICT', '--target', `${plain.length} plain targets given`, 'give one --target <url> for all events, or --target mluvii=<url> --target enreach=<url>');
  if (plain.length === 1 && Object.keys(perProvider).length > 0) {
    throw err('PM_DELIVERY_TARGET_CONFLICT', '--target', 'a plain --target and per-provider targets were mixed', 'use either --target <url> or --target <provider>=<url>');
  }
  const single = plain[0];
  if (single !== undefined) {
    checkHttpUrl(single, '--target', 'PM_DELIVERY_TARGET_URL');
    options.target = { url: single, ...common };
  } else if (Object.keys(perProvider).length > 0) {
    options.targets = perProvider;
  }
  return { options, rest };
}
