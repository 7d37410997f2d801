/**
 * What the commands that deliver (run, trigger, send, resend) share: their delivery flags, the
 * preflight, the live progress, and the output (summary, --json, --quiet verdict, colour).
 */
import { PROVIDERS } from '../contracts/provider.ts';
import type { Provider } from '../contracts/provider.ts';
import { resolve } from 'node:path';
import { findBuiltin } from '../scenarios/files.ts';
import {
  computeExitCode,
  createProgress,
  deliver,
  formatDuration,
  formatRetrySchedule,
  formatSummary,
  formatVerdict,
  loadProfile,
  parseDeliveryFlags,
  nothingToProbe,
  preflight,
  resolveTarget,
  toJsonSummary,
} from '../delivery/index.ts';
import type { DeliverOptions, DeliveryEntry, FlagValues, PreflightTarget } from '../delivery/index.ts';
import { findEvent } from '../contracts/catalog.ts';
import { entityKeyOf } from '../scenarios/engine/plan.ts';
import { ProviderMockError } from '../contracts/errors.ts';
import type { OptionSpec, Parsed } from './args.ts';
import { boolFlag } from './args.ts';
import { out, type CliIO } from './io.ts';

function profileDefault(pick: (p: Provider) => string): string {
  return `profile: ${PROVIDERS.map((p) => `${p} ${pick(p)}`).join(', ')}`;
}

/** The delivery flags of parseDeliveryFlags, as CLI flag specs (aliases, env/config, print-config defaults). */
export const DELIVERY_FLAGS: OptionSpec = {
  target: { type: 'string', multiple: true, short: 't' },
  secret: { type: 'string', secret: true },
  insecure: { type: 'boolean' },
  'allow-http': { type: 'boolean' },
  instant: { type: 'boolean', default: 'true (instant is the default time mode)' },
  speed: { type: 'string' },
  realtime: { type: 'boolean' },
  seed: { type: 'string', default: '1' },
  duplicates: { type: 'string', default: '0' },
  reorder: { type: 'string', default: '0' },
  delay: { type: 'string', default: '0' },
  retries: { type: 'string', default: profileDefault((p) => String(loadProfile(p).retries)) },
  'retry-schedule': { type: 'string', default: profileDefault((p) => formatRetrySchedule(loadProfile(p).retryScheduleMs)) },
  timeout: { type: 'string', default: profileDefault((p) => formatDuration(loadProfile(p).timeoutMs)) },
  concurrency: { type: 'string', default: '8' },
  'check-auth': { type: 'boolean' },
  'check-idempotency': { type: 'string' },
  journal: { type: 'string', path: true },
  report: { type: 'string', path: true },
  json: { type: 'string', path: true, config: false },
  'max-drain': { type: 'string', default: '10000' },
};

/** How the delivering commands talk: quiet, the preflight, fail-fast. */
export const OUTPUT_FLAGS: OptionSpec = {
  quiet: { type: 'boolean', short: 'q' },
  'no-preflight': { type: 'boolean' },
  'fail-fast': { type: 'boolean' },
};

/** The delivery flags without some (one event has no timing: no --instant/--speed/--realtime). */
export function deliveryFlags(without: readonly string[] = []): OptionSpec {
  return Object.fromEntries(Object.entries(DELIVERY_FLAGS).filter(([k]) => !without.includes(k)));
}

/** The parsed delivery flags → DeliverOptions (every bad value is a ProviderMockError, exit 2); output paths relative to the working directory. */
export function deliveryOptions(p: Parsed, io: Pick<CliIO, 'env' | 'cwd'>): DeliverOptions {
  const rec: FlagValues = {};
  for (const name of Object.keys(DELIVERY_FLAGS)) {
    const v = p.values[name];
    if (v === undefined) continue;
    rec[name] = Array.isArray(v) ? v.filter((x): x is string => typeof x === 'string') : v;
  }
  const options = parseDeliveryFlags(rec, io.env).options;
  for (const name of ['journal', 'report', 'json'] as const) {
    const path = options[name];
    if (typeof path === 'string') options[name] = resolve(io.cwd, path);
  }
  return options;
}

/**
 * Every provider the scenarios play needs a target its profile accepts (Enreach: https unless
 * loopback or --allow-http, no userinfo). Checked before anything is sent or journaled, so bad
 * input never ends a run half way.
 */
export function checkTargetsFor(providers: Iterable<Provider>, options: Pick<DeliverOptions, 'target' | 'targets' | 'checkAuth'>): void {
  for (const provider of new Set(providers)) {
    const target = options.target ?? options.targets?.[provider];
    if (!target) {
      const given = Object.keys(options.targets ?? {});
      throw new ProviderMockError('PM_DELIVERY_NO_TARGET', `the scenarios play ${provider} but no ${provider} target was given${given.length ? ` (only ${given.join(', ')})` : ''}`, {
        where: '--target',
        hint: `add --target ${provider}=<url>, or give one --target <url> for all events`,
      });
    }
    const where = options.target ? '--target' : `--target ${provider}=…`;
    const profile = loadProfile(provider);
    const resolved = resolveTarget(target, profile, where);
    const blind = options.checkAuth ? nothingToProbe(resolved, profile, where) : undefined;
    if (blind) throw blind;
  }
}

/**
 * `--json` alone (last, or followed by another flag) prints the JSON summary on stdout, like
 * `events --json` and `plan --json`; `--json FILE` writes it to a file. A scenario after `--json`
 * (a built-in name or a .yaml file) is a scenario, not the file.
 */
export function normalizeJsonFlag(argv: readonly string[]): { argv: string[]; jsonToStdout: boolean } {
  const outArgs: string[] = [];
  let jsonToStdout = false;
  argv.forEach((a, i) => {
    const next = argv[i + 1];
    // `--json chat-session --target …` means "JSON on stdout" followed by a scenario, not a file named chat-session.
    const nextIsScenario = next !== undefined && (/\.ya?ml$/i.test(next) || findBuiltin(next) !== undefined);
    if (a === '--json' && (next === undefined || next.startsWith('--') || nextIsScenario)) jsonToStdout = true;
    else outArgs.push(a);
  });
  return { argv: outArgs, jsonToStdout };
}

/** Colour only on a terminal, and never with NO_COLOR (https://no-color.org) or TERM=dumb. */
function useColor(stream: { isTTY?: boolean }, env: Record<string, string | undefined>): boolean {
  return stream.isTTY === true && !env.NO_COLOR && env.TERM !== 'dumb';
}

/** Every receiver a run would talk to, for the preflight. */
function preflightTargets(options: DeliverOptions): PreflightTarget[] {
  const list: PreflightTarget[] = [];
  if (options.target) list.push({ url: options.target.url, insecure: options.target.insecure === true, where: '--target' });
  for (const [p, t] of Object.entries(options.targets ?? {})) if (t) list.push({ url: t.url, insecure: t.insecure === true, where: `--target ${p}=…` });
  const probe = options.checkIdempotency;
  if (probe !== undefined) list.push(typeof probe === 'string' ? { url: probe, where: '--check-idempotency' } : { url: probe.url, insecure: probe.insecure === true, where: '--check-idempotency' });
  return list;
}

/** Fail fast (unless --no-preflight): one line and exit 1 when a receiver cannot be reached. */
export async function checkReceivers(p: Parsed, options: DeliverOptions, io: CliIO): Promise<void> {
  if (boolFlag(p, 'no-preflight')) return;
  await preflight(preflightTargets(options), io.signal ? { signal: io.signal } : {});
}

export interface DeliverRun {
  timeline: Iterable<DeliveryEntry> | AsyncIterable<DeliveryEntry>;
  options: DeliverOptions;
  /** JSON summary on stdout instead of the text summary. */
  jsonToStdout?: boolean;
  expected?: DeliverOptions['expected'];
}

/** Delivers with progress on stderr, then prints the summary (or JSON, or only the verdict) and returns the exit code. */
export async function deliverAndReport(p: Parsed, io: CliIO, run: DeliverRun): Promise<number> {
  const quiet = boolFlag(p, 'quiet');
  const result = await deliver(run.timeline, {
    ...run.options,
    ...(boolFlag(p, 'fail-fast') ? { failFast: true } : {}),
    ...(run.expected ? { expected: run.expected } : {}),
    progress: createProgress(io.stderr, { quiet, verbose: io.verbose === true, color: useColor(io.stderr, io.env) }),
    ...(io.signal ? { signal: io.signal } : {}),
    ...(io.stopNow ? { stopNow: io.stopNow } : {}),
    env: io.env,
  });
  const color = useColor(io.stdout, io.env);
  if (run.jsonToStdout) out(io, JSON.stringify(toJsonSummary(result), null, 2));
  else if (quiet) out(io, formatVerdict(result, { color }));
  else out(io, formatSummary(result, { color }));
  return computeExitCode(result);
}

/**
 * One event to deliver outside a scenario (trigger, send, resend): its entity key from the catalog
 * (what mluvii orders by, docs/providers.md M7), or the event type for one the catalog does not know.
 */
export function singleEntry(e: { seq: number; at?: number; provider: Provider; eventType: string; payload: unknown; body?: string; scenario: string; step?: string; instance?: number; entityKey?: string }): DeliveryEntry {
  const known = findEvent(e.provider, e.eventType);
  const entityKey = e.entityKey ?? (known ? entityKeyOf(known, e.payload) : undefined) ?? e.eventType;
  return {
    seq: e.seq,
    at: e.at ?? 0,
    provider: e.provider,
    eventType: e.eventType,
    entityKey,
    payload: e.payload,
    scenario: e.scenario,
    instance: e.instance ?? 0,
    step: e.step ?? e.eventType,
    ...(e.body !== undefined ? { body: e.body } : {}),
  };
}

/** A delivering command needs somewhere to deliver: --target, PROVIDER_MOCK_TARGET or the config file. */
export function requireTarget(command: string, options: DeliverOptions): void {
  if (!options.target && !options.targets) {
    throw new ProviderMockError('PM_USAGE', `${command}: --target is required: where to deliver`, { hint: 'e.g. --target http://127.0.0.1:8080/webhook, PROVIDER_MOCK_TARGET, or target: in provider-mock.config.yaml' });
  }
}
