/**
 * Turns a control-API request (POST /runs, POST /emit) into what a run needs: resolved
 * scenarios, a lazy timeline, the worlds it draws from, and delivery options. Everything wrong
 * with the request is a ProviderMockError thrown here, before the run is accepted (→ 400).
 */
import { parseInstant, parseSeed } from '../generators/inputs.ts';
import { randomUUID } from 'node:crypto';
import { dirname, isAbsolute, resolve, sep } from 'node:path';
import { resolveEvent } from '../contracts/catalog.ts';
import { listValues, ProviderMockError } from '../contracts/errors.ts';
import type { Provider } from '../contracts/provider.ts';
import { checkDurationRange, checkSpeed, parseDelayRange, parseDuration, parseRetrySchedule, prepareRun, TIME_LIMITS } from '../delivery/index.ts';
import type { DeliverOptions, DeliveryTarget, TimeMode } from '../delivery/index.ts';
import { createWorld, DEFAULT_TIME, generate } from '../generators/index.ts';
import type { World } from '../generators/index.ts';
import { CODES, scenarioError, unknownName } from '../scenarios/engine/errors.ts';
import { SCENARIOS_DIR, readSource } from '../scenarios/files.ts';
import { entityKeyOf, loadYaml, planWithWorlds, resolveScenario } from '../scenarios/index.ts';
import type { LoadedSource, Scenario, TimelineEntry } from '../scenarios/index.ts';

/** The body of POST /runs (the route's JSON Schema checks the shapes; this checks the meaning). */
export interface RunRequest {
  /** Built-in names (`chat-session`, `enreach/queue-call-answered`) or scenario file paths. */
  scenario?: string | string[];
  /** An inline scenario (YAML); its `include:` may name built-ins only. */
  yaml?: string;
  seed?: string | number;
  time?: 'instant' | 'realtime' | { speed: number };
  /** ISO time of offset 0, or "now". */
  start?: string;
  set?: string[];
  skip?: string[];
  faults?: { duplicates?: number; reorder?: number; delay?: string };
  retries?: number;
  /** e.g. "1s,5s,15s" (the last repeats), or "none". */
  retrySchedule?: string;
  /** Per-attempt timeout: "5s" or milliseconds. */
  timeout?: string | number;
  concurrency?: number;
  /** One receiver for every event; without it, events go to the registered webhooks. */
  target?: TargetRequest;
}

interface TargetRequest {
  url: string;
  /** Enreach X-Benemen-Token. */
  secret?: string;
  insecure?: boolean;
  allowHttp?: boolean;
}

export interface PreparedRun {
  /** Scenario names, for the run list. */
  names: string[];
  providers: Set<Provider>;
  seed: string | number;
  time: TimeMode;
  timeline: Iterable<TimelineEntry>;
  /** The instant of offset 0 (ms): an entry happens at `startTime + at`. */
  startTime: number;
  /** Worlds the timeline draws from (Enreach security groups for SecurityGroupId subscriptions). */
  worlds: World[];
  /** Delivery options of the request (no target, signal or listeners). */
  options: Omit<DeliverOptions, 'target' | 'targets' | 'resolveTargets'>;
  target?: DeliveryTarget;
}

export interface PrepareContext {
  cwd: string;
  /** False when the server is exposed: only built-ins and inline YAML. */
  allowFiles: boolean;
}

const INLINE = 'inline.yaml';

function isFileRef(ref: string): boolean {
  return /\.ya?ml$/i.test(ref) || ref.startsWith('.') || isAbsolute(ref);
}

function inside(dir: string, abs: string): boolean {
  return abs === dir || abs.startsWith(dir + sep);
}

/** Include loader that reads built-ins only (and the built-ins' own includes), never other files. */
function builtinsOnlyLoader(cwd: string, why: string): (ref: string, from: string, where: string) => LoadedSource {
  return (ref, from, where) => {
    if (isFileRef(ref)) {
      const fromAbs = resolve(cwd, from);
      const abs = resolve(dirname(fromAbs), ref);
      if (from === INLINE || !inside(SCENARIOS_DIR, fromAbs) || !inside(SCENARIOS_DIR, abs)) {
        throw scenarioError(CODES.unknownScenario, `cannot include the file "${ref}": ${why}`, { where, hint: 'include a built-in by name, e.g. include: { scenario: chat-session }' });
      }
    }
    return readSource(ref, { cwd, from, where });
  };
}

function fileLoader(cwd: string): (ref: string, from: string, where: string) => LoadedSource {
  return (ref, from, where) => readSource(ref, { cwd, from, where });
}


function timeModeOf(time: RunRequest['time']): TimeMode {
  if (time === undefined || time === 'realtime') return { kind: 'realtime' };
  if (time === 'instant') return { kind: 'instant' };
  return { kind: 'speed', factor: checkSpeed(time.speed, 'body.time.speed') };
}

/** The delivery options shared by POST /runs and POST /emit. */
function deliveryOptionsOf(req: Pick<RunRequest, 'faults' | 'retries' | 'retrySchedule' | 'timeout' | 'concurrency'>): PreparedRun['options'] {
  const options: PreparedRun['options'] = {};
  if (req.faults) {
    options.faults = {
      ...(req.faults.duplicates !== undefined ? { duplicates: req.faults.duplicates } : {}),
      ...(req.faults.reorder !== undefined ? { reorder: req.faults.reorder } : {}),
      ...(req.faults.delay !== undefined ? { delay: parseDelayRange(req.faults.delay, 'body.faults.delay') } : {}),
    };
  }
  if (req.retries !== undefined) options.retries = req.retries;
  if (req.retrySchedule !== undefined) options.retryScheduleMs = parseRetrySchedule(req.retrySchedule, 'body.retrySchedule');
  if (req.timeout !== undefined) {
    options.timeoutMs =
      typeof req.timeout === 'number' ? checkDurationRange(req.timeout, TIME_LIMITS.timeoutMs, 'body.timeout', 'the timeout') : parseDuration(req.timeout, 'body.timeout', TIME_LIMITS.timeoutMs);
  }
  if (req.concurrency !== undefined) options.concurrency = req.concurrency;
  // The delivery layer's own checks (rates, ranges), before the run is accepted.
  prepareRun({ ...options, resolveTargets: () => [] });
  return options;
}

function targetOf(t: TargetRequest): DeliveryTarget {
  return {
    url: t.url,
    ...(t.secret !== undefined && t.secret !== '' ? { secret: t.secret } : {}),
    ...(t.insecure ? { insecure: true } : {}),
    ...(t.allowHttp ? { allowHttp: true } : {}),
  };
}

/**
 * The scenario engine names a `set`/`skip` entry the way the CLI passes it (`--set a.b=1`); the
 * API names it by its place in the body (`body.set[0]`), and its hints in the body's terms.
 */
function asBodyPath(e: unknown, req: Pick<RunRequest, 'set' | 'skip'>): unknown {
  if (!(e instanceof ProviderMockError) || e.where === undefined) return e;
  const m = /^--(set|skip) ([\s\S]*)$/.exec(e.where);
  if (!m) return e;
  const key = m[1] as 'set' | 'skip';
  const arg = m[2] ?? '';
  const prefix = `provider-mock ${e.code}: ${e.where}: `;
  const suffix = `${e.hint ? ` (${e.hint})` : ''}${e.validValues && e.validValues.length > 0 ? `; valid values: ${listValues(e.validValues)}` : ''}`;
  if (!e.message.startsWith(prefix) || !e.message.endsWith(suffix)) return e;
  const what = e.message.slice(prefix.length, e.message.length - suffix.length).replace(/ in --(set|skip) /g, ' in $1 ');
  const i = (req[key] ?? []).indexOf(arg);
  const hint = e.hint?.replace(/--(set|skip) (\S+)/g, '"$1": ["$2"]');
  return new ProviderMockError(e.code, what, {
    where: i >= 0 ? `body.${key}[${i}]` : `body.${key}`,
    ...(hint !== undefined ? { hint } : {}),
    ...(e.validValues ? { validValues: e.validValues } : {}),
    exitCode: e.exitCode,
    cause: e,
  });
}

/** Resolves the scenarios, plans the timeline (lazily) and checks the delivery options. */
export function prepareScenarioRun(req: RunRequest, ctx: PrepareContext): PreparedRun {
  const refs = req.scenario === undefined ? [] : Array.isArray(req.scenario) ? req.scenario : [req.scenario];
  if (refs.length === 0 && req.yaml === undefined) {
    throw new ProviderMockError('PM_BAD_REQUEST', 'give "scenario" (built-in names or files) or "yaml" (an inline scenario)', {
      where: 'body',
      hint: 'e.g. {"scenario": "chat-session", "time": "instant"}; GET /catalog lists the built-ins',
    });
  }
  const why = ctx.allowFiles ? 'inline scenarios may include built-ins only' : 'this server is exposed beyond loopback, so it reads no scenario files';
  const builtinsOnly = builtinsOnlyLoader(ctx.cwd, why);
  const load = ctx.allowFiles ? fileLoader(ctx.cwd) : builtinsOnly;
  const sources: { src: LoadedSource; load: (ref: string, from: string, where: string) => LoadedSource }[] = [];
  for (const ref of refs) {
    if (isFileRef(ref) && !ctx.allowFiles) {
      throw new ProviderMockError('PM_SCENARIO_FILES_REFUSED', `cannot read the scenario file "${ref}": ${why}`, { where: 'body.scenario', hint: 'send the scenario text as "yaml", or name a built-in' });
    }
    sources.push({ src: readSource(ref, { cwd: ctx.cwd, where: 'body.scenario' }), load });
  }
  if (req.yaml !== undefined) sources.push({ src: loadYaml(req.yaml, INLINE), load: builtinsOnly });

  const sets = req.set ?? [];
  const skips = req.skip ?? [];
  const several = sources.length > 1;
  let scenarios: (Scenario & { unknownCliNames: string[] })[];
  try {
    scenarios = sources.map(({ src, load }) => resolveScenario(src, { load, sets, skips, lenientCliNames: several }));
  } catch (e) {
    throw asBodyPath(e, req);
  }
  if (several) {
    const all = new Set<string>();
    for (const sc of scenarios) for (const n of sc.names.keys()) all.add(n);
    const unknownEverywhere = (name: string): boolean => scenarios.every((sc) => sc.unknownCliNames.includes(name));
    skips.forEach((name, i) => {
      if (unknownEverywhere(name)) throw unknownName(CODES.unknownStep, 'step in skip', name, [...all], `body.skip[${i}]`);
    });
    sets.forEach((arg, i) => {
      if (unknownEverywhere(arg)) throw unknownName(CODES.unknownStep, 'step in set', arg.split('=')[0]?.split('.')[0] ?? arg, [...all], `body.set[${i}]`);
    });
  }

  const seed = parseSeed(req.seed, 'body.seed');
  const startTime = parseInstant(req.start, 'body.start', Date.now);
  // The planner's worlds are kept: Enreach SecurityGroupId subscriptions are matched against the
  // groups of the very world the payloads come from, and the mluvii read side names its operators.
  // Bad overrides and worlds throw here; the timeline itself is lazy.
  let planned: ReturnType<typeof planWithWorlds>;
  try {
    planned = planWithWorlds(scenarios, { seed, ...(startTime !== undefined ? { startTime } : {}) });
  } catch (e) {
    throw asBodyPath(e, req);
  }
  const options = deliveryOptionsOf(req);
  return {
    names: scenarios.map((s) => s.name),
    providers: new Set(scenarios.map((s) => s.provider)),
    seed,
    time: timeModeOf(req.time),
    timeline: planned.timeline,
    startTime: planned.startTime,
    worlds: planned.worlds as World[],
    options,
    ...(req.target ? { target: targetOf(req.target) } : {}),
  };
}

export interface EmitRequest {
  /** Default: a fresh one per emit, so two emits are two events (an Enreach receiver dedups by Id, docs/providers.md E3). */
  seed?: string | number;
  /** The event's time: ISO or "now" (default: the generators' fixed time). */
  start?: string;
  /** JSON path (as on the wire) → value, e.g. {"data.userId": 2710} or {"EntityId": "…"}. */
  overrides?: Record<string, unknown>;
  retries?: number;
  retrySchedule?: string;
  timeout?: string | number;
  target?: TargetRequest;
}

/** One generated event as a one-entry timeline. Unknown event types throw PM_UNKNOWN_EVENT with "did you mean". */
export function prepareEmit(provider: Provider, eventType: string, req: EmitRequest): PreparedRun & { payload: unknown } {
  const entry = resolveEvent(eventType, provider, 'path.eventType');
  const seed = req.seed === undefined ? randomUUID().slice(0, 8) : parseSeed(req.seed, 'body.seed');
  const time = parseInstant(req.start, 'body.start', Date.now);
  // The world `generate` uses by default (seed 1), kept so SecurityGroupId subscriptions can be matched.
  const world = createWorld(provider, { seed: 1 });
  const payload = generate(provider, entry.eventType, { seed, world, ...(time !== undefined ? { time } : {}), ...(req.overrides ? { overrides: req.overrides } : {}) });
  const timeline: TimelineEntry[] = [
    {
      seq: 0,
      at: 0,
      provider,
      eventType: entry.eventType,
      entityKey: entityKeyOf(entry, payload) ?? `${entry.entity || 'event'}:?`,
      payload,
      scenario: 'emit',
      instance: 0,
      step: entry.eventType,
    },
  ];
  return {
    names: [`emit ${provider}/${entry.eventType}`],
    providers: new Set([provider]),
    seed,
    time: { kind: 'instant' },
    timeline,
    startTime: time ?? DEFAULT_TIME,
    worlds: [world],
    options: deliveryOptionsOf(req),
    payload,
    ...(req.target ? { target: targetOf(req.target) } : {}),
  };
}
