import { formatIssues, validate } from '../../contracts/validate.ts';
import { didYouMean, suggestion } from '../../contracts/errors.ts';
import type { CatalogEntry } from '../../contracts/catalog.ts';
import { jsonPointer, pointerTokens } from '../../contracts/json-pointer.ts';
import type { Provider } from '../../contracts/provider.ts';
import type { Dyn, EventNode, IncludeNode, Scenario, SetOp, StepNode } from './ast.ts';
import { sample } from './duration.ts';
import { CODES, scenarioError } from './errors.ts';
import { evaluate, getPath, mapRefs, type Env, type PathSeg, type Ref, type Value } from './refs.ts';
import { createRng, deriveSeed, type Rng } from './rng.ts';
import type { TimelineEntry } from './timeline.ts';

/**
 * The planner: turns resolved scenarios into a timeline. No I/O, no clock: time starts at
 * `startTime` and every random choice comes from the seed. `sessions: N` instances are started
 * lazily as their arrival time comes and merged in time order (a k-way merge over per-instance
 * generators), so a long run never holds more than the instances that overlap in time.
 */

/** What the planner needs from generators/ (injected, so the engine can be tested alone). */
export interface GeneratorApi {
  generate(
    provider: Provider,
    eventType: string,
    opts: {
      seed?: number | string;
      world?: unknown;
      context?: Record<string, unknown>;
      time?: number;
      overrides?: Record<string, unknown>;
      validate?: boolean;
    },
  ): unknown;
  createWorld(provider: Provider, opts?: { seed?: number | string; sizes?: Record<string, number> }): unknown;
  createContext(provider: Provider, init?: Record<string, unknown>): Record<string, unknown>;
}

export interface PlanOptions {
  /** Everything random derives from it; default 1. */
  seed?: number | string;
  /** Epoch ms of offset 0; default 2024-05-06T13:00:00Z (fixed, so plans are reproducible). */
  startTime?: number;
  /** Check every payload against its schema while planning (default true). */
  validate?: boolean;
}

export interface PlanStats {
  /** Instances started so far. */
  started: number;
  /** Instances running now (started, not finished). */
  live: number;
  /** The most instances running at once. */
  maxLive: number;
  /** Entries yielded so far. */
  emitted: number;
}

/** A lazily planned timeline; iterate it once (each iteration re-plans from the start). */
export interface Timeline extends Iterable<TimelineEntry> {
  readonly stats: PlanStats;
}

export const DEFAULT_START = Date.UTC(2024, 4, 6, 13, 0, 0);

type Draft = Omit<TimelineEntry, 'seq'>;

interface Occurrence {
  at: number;
  order: number;
  node: EventNode | IncludeNode;
  iteration: number;
}

interface Run {
  gen: GeneratorApi;
  seed: number | string;
  startTime: number;
  validate: boolean;
  worlds: Map<string, unknown>;
}

const NO_STEPS = (): undefined => undefined;

/**
 * One session (instance) is planned whole, to order its events by time, so its size is bounded:
 * nested repeats multiply (`repeat: 100000` inside `repeat: 100000`), and one request to the
 * server must not be able to take all its memory or time. Volume comes from `sessions: N`, which
 * streams. `work` bounds the steps walked (a repeat of only skipped or optional steps makes no events).
 */
export const SESSION_LIMITS = { events: 100_000, work: 1_000_000 } as const;

function dynValue<T>(d: Dyn<T>, env: Env): T {
  return 'lit' in d ? d.lit : d.parse(evaluate(d.value, env), d.where);
}

function worldFor(sc: Scenario, run: Run): unknown {
  const key = `${sc.provider}\u0000${JSON.stringify(sc.world)}`;
  let w = run.worlds.get(key);
  if (w === undefined) {
    try {
      w = run.gen.createWorld(sc.provider, {
        seed: sc.world.seed ?? deriveSeed(run.seed, 'world', sc.provider),
        ...(sc.world.sizes ? { sizes: sc.world.sizes } : {}),
      });
    } catch (e) {
      const err = e as { message?: string; hint?: string; validValues?: readonly string[] };
      throw scenarioError(CODES.badValue, `world: ${(err.message ?? String(e)).replace(/^provider-mock /, '')}`, {
        where: sc.worldWhere,
        ...(err.hint ? { hint: err.hint } : {}),
        ...(err.validValues ? { validValues: err.validValues } : {}),
        cause: e,
      });
    }
    run.worlds.set(key, w);
  }
  return w;
}

/** `"<entity>:<value>"`: mluvii names the entity (session, emailThread, user…); Enreach the id property (CallId, CallBackId, UserId, QueueId). */
export function entityKeyOf(entry: CatalogEntry, payload: unknown): string | undefined {
  const v = jsonPointer(payload, entry.entityKey);
  if (v === undefined || v === null || v === '') return undefined;
  const label = entry.provider === 'mluvii' ? entry.entity : (pointerTokens(entry.entityKey).at(-1) ?? entry.entity);
  return `${label}:${String(v)}`;
}

function pathText(segs: readonly PathSeg[]): string {
  return '$' + segs.map((s) => (typeof s === 'object' ? `[${s.mod}]` : typeof s === 'number' ? `[${s}]` : /^[A-Za-z_$][\w$]*$/.test(s) ? `.${s}` : `[${JSON.stringify(s)}]`)).join('');
}

/** One instance of a scenario: decides its shape, then generates its payloads in time order. */
function* instance(sc: Scenario, dup: number, inst: number, arrivalAt: number, run: Run): Generator<Draft> {
  const world = worldFor(sc, run);
  const rng: Rng = createRng(deriveSeed(run.seed, sc.name, dup, inst, 'plan'));
  const recorded = new Map<string, unknown>();
  let iteration = 0;
  const env: Env = {
    world,
    context: {},
    step: (name) => recorded.get(name),
    instance: inst,
    get iteration() {
      return iteration;
    },
  };
  const shapeEnv: Env = { world, context: {}, step: NO_STEPS, instance: inst, iteration: 0 };
  const init: Record<string, unknown> = {};
  for (const [k, v] of sc.context) {
    const x = evaluate(v, shapeEnv);
    if (x !== undefined) init[k] = x;
  }
  const context = run.gen.createContext(sc.provider, init);
  env.context = context;

  // 1. The shape: which steps happen, how often, and when (relative to the arrival).
  const occ: Occurrence[] = [];
  let work = 0;
  const tooBig = (n: StepNode): never => {
    throw scenarioError(CODES.badValue, `one session of "${sc.name}" would be more than ${occ.length >= SESSION_LIMITS.events ? `${SESSION_LIMITS.events} events` : `${SESSION_LIMITS.work} steps`}`, {
      where: n.where,
      hint: 'repeat counts multiply when nested; lower them, and use sessions: N for volume (sessions are streamed, a session is planned whole)',
    });
  };
  const expand = (nodes: readonly StepNode[], t0: number, iter: number): number => {
    let cur = t0;
    for (const n of nodes) {
      if (n.skipped) continue;
      if (++work > SESSION_LIMITS.work) tooBig(n);
      shapeEnv.iteration = iter;
      if (n.optional !== undefined && !(rng.next() < dynValue(n.optional, shapeEnv))) continue;
      const t = cur + (n.after ? sample(dynValue(n.after, shapeEnv), rng) : 0);
      switch (n.kind) {
        case 'event':
          if (occ.length >= SESSION_LIMITS.events) tooBig(n);
          occ.push({ at: t, order: occ.length, node: n, iteration: iter });
          cur = t;
          break;
        case 'steps':
          cur = expand(n.steps, t, iter);
          break;
        case 'repeat': {
          const { min, max } = dynValue(n.count, shapeEnv);
          const times = rng.int(min, max);
          let c = t;
          for (let i = 0; i < times; i++) {
            if (++work > SESSION_LIMITS.work) tooBig(n);
            c = expand(n.steps, c, i);
          }
          cur = c;
          break;
        }
        case 'oneOf': {
          const weights = n.branches.map((b) => dynValue(b.weight, shapeEnv));
          let pick = rng.next() * weights.reduce((a, b) => a + b, 0);
          let chosen = n.branches.length - 1;
          for (let i = 0; i < weights.length; i++) {
            pick -= weights[i] ?? 0;
            if (pick < 0) {
              chosen = i;
              break;
            }
          }
          cur = expand(n.branches[chosen]?.steps ?? [], t, iter);
          break;
        }
        case 'parallel': {
          let end = t;
          for (const b of n.branches) end = Math.max(end, expand(b.steps, t + (b.after ? sample(dynValue(b.after, shapeEnv), rng) : 0), iter));
          cur = end;
          break;
        }
        case 'include':
          if (n.context.length) occ.push({ at: t, order: occ.length, node: n, iteration: iter });
          cur = expand(n.steps, t, iter);
          break;
      }
    }
    return cur;
  };
  expand(sc.steps, 0, 0);
  occ.sort((a, b) => a.at - b.at || a.order - b.order);

  // 2. The payloads, in time order, so ids and activity counters evolve as the provider's would.
  for (let i = 0; i < occ.length; i++) {
    const o = occ[i] as Occurrence;
    iteration = o.iteration;
    const node = o.node;
    for (const [k, v] of node.context) {
      const x = evaluate(v, env);
      if (x !== undefined) context[k] = x;
    }
    if (node.kind === 'include') continue;
    for (const k of node.unset) delete context[k];
    const overrides: Record<string, unknown> = {};
    for (const op of node.set) {
      const x = evaluate(op.value, env);
      if (x !== undefined) overrides[op.path] = x;
    }
    const at = arrivalAt + o.at;
    let payload: unknown;
    try {
      payload = run.gen.generate(sc.provider, node.event, {
        seed: deriveSeed(run.seed, sc.name, dup, inst, node.qname, i),
        world,
        context,
        time: run.startTime + at,
        overrides,
      });
    } catch (e) {
      throw scenarioError(CODES.generator, `step "${node.qname}" (${node.event}): the generator failed: ${(e as Error).message}`, { where: node.where, cause: e });
    }
    if (run.validate) {
      const r = validate(payload, { provider: sc.provider, eventType: node.event });
      if (!r.valid) {
        throw scenarioError(CODES.invalidPayload, `step "${node.qname}" (${node.event}) planned a payload that breaks its schema: ${formatIssues(r.errors).join('; ')}`, {
          where: node.where,
          hint: 'a ${reference} in set: or context: gave a value of the wrong type; add a default (${x.path:-value}) or fix the reference',
        });
      }
    }
    if (sc.referenced.has(node.qname)) recorded.set(node.qname, payload);
    const entityKey = entityKeyOf(node.entry, payload);
    if (!entityKey) {
      throw scenarioError(CODES.generator, `step "${node.qname}" (${node.event}): the payload has no entity key at ${node.entry.entityKey}`, { where: node.where });
    }
    yield { at, provider: sc.provider, eventType: node.event, entityKey, payload, scenario: sc.name, instance: inst, step: node.qname };
  }
}

/**
 * Checks every literal `set:` (and --set) against the event's schema before planning: the
 * generator makes a probe payload with the overrides applied, and a schema problem under an
 * overridden path is reported with the field and the reason.
 */
export function checkOverrides(sc: Scenario, gen: GeneratorApi, world: unknown): void {
  const visit = (nodes: readonly StepNode[]): void => {
    for (const n of nodes) {
      if (n.skipped) continue;
      if (n.kind === 'event') checkEventOverrides(sc.provider, n, gen, world);
      else if (n.kind === 'oneOf' || n.kind === 'parallel') n.branches.forEach((b) => visit(b.steps));
      else visit(n.steps);
    }
  };
  visit(sc.steps);
}

function checkEventOverrides(provider: Provider, n: EventNode, gen: GeneratorApi, world: unknown): void {
  const literal = n.set.filter((op): op is SetOp & { value: { k: 'lit'; v: unknown } } => op.value.k === 'lit');
  if (literal.length === 0) return;
  const probe = (ops: readonly SetOp[]): unknown =>
    gen.generate(provider, n.event, {
      seed: 1,
      world,
      context: gen.createContext(provider, {}),
      time: DEFAULT_START,
      overrides: Object.fromEntries(ops.map((op) => [op.path, (op.value as { v: unknown }).v])),
    });
  let payload: unknown;
  try {
    payload = probe(literal);
  } catch (e) {
    throw scenarioError(CODES.badOverride, `step "${n.qname}" (${n.event}): the override cannot be applied: ${(e as Error).message}`, {
      where: literal[0]?.where ?? n.where,
      hint: `set keys are JSON paths on the wire; see provider-mock events --provider ${provider} and the schema ${n.entry.schemaFile}`,
    });
  }
  const r = validate(payload, { provider, eventType: n.event });
  if (r.valid) return;
  for (const op of literal) {
    const p = pathText(op.segs);
    const issue = r.errors.find((i) => i.path === p || i.path.startsWith(`${p}.`) || i.path.startsWith(`${p}[`) || p.startsWith(`${i.path}.`));
    if (!issue) continue;
    let hint = `see ${n.entry.schemaFile}`;
    if (issue.message.includes('unknown property')) {
      const parent = getPath(payload, op.segs.slice(0, -1));
      const siblings = parent && typeof parent === 'object' ? Object.keys(parent).filter((k) => k !== op.segs[op.segs.length - 1]) : [];
      const near = didYouMean(String(op.segs[op.segs.length - 1]), siblings);
      const prefix = op.path.includes('.') ? op.path.slice(0, op.path.lastIndexOf('.') + 1) : '';
      hint = near.length ? `did you mean ${near.map((x) => `${prefix}${x}`).join(' or ')}? (${n.entry.schemaFile})` : `the ${n.event} payload has: ${siblings.join(', ')}`;
    }
    throw scenarioError(CODES.badOverride, `step "${n.qname}" (${n.event}): set ${op.path}: ${issue.message}${issue.got ? ` (got ${issue.got})` : ''}`, {
      where: op.where,
      hint,
    });
  }
  // Not under an overridden path: blame the overrides only if the payload is valid without them.
  let plain: unknown;
  try {
    plain = probe([]);
  } catch {
    return;
  }
  if (validate(plain, { provider, eventType: n.event }).valid) {
    throw scenarioError(CODES.badOverride, `step "${n.qname}" (${n.event}): the overrides ${literal.map((o) => o.path).join(', ')} break the schema: ${formatIssues(r.errors).join('; ')}`, {
      where: literal[0]?.where ?? n.where,
      hint: `see ${n.entry.schemaFile}`,
    });
  }
}

/** Every value of a scenario that may hold references (set:, context:, timing, counts, params). */
function forEachRef(sc: Scenario, fn: (r: Ref) => void): void {
  const value = (v: Value): void => {
    mapRefs(v, (r) => {
      fn(r);
      if (r.kind === 'param') value(r.binding);
      return r;
    });
  };
  const dyn = (d: Dyn<unknown> | undefined): void => {
    if (d && 'value' in d) value(d.value);
  };
  const nodes = (list: readonly StepNode[]): void => {
    for (const n of list) {
      dyn(n.after);
      dyn(n.optional);
      switch (n.kind) {
        case 'event':
          n.set.forEach((op) => value(op.value));
          n.context.forEach(([, v]) => value(v));
          break;
        case 'include':
          n.context.forEach(([, v]) => value(v));
          nodes(n.steps);
          break;
        case 'repeat':
          dyn(n.count);
          nodes(n.steps);
          break;
        case 'steps':
          nodes(n.steps);
          break;
        case 'oneOf':
          n.branches.forEach((b) => (dyn(b.weight), nodes(b.steps)));
          break;
        case 'parallel':
          n.branches.forEach((b) => (dyn(b.after), nodes(b.steps)));
          break;
      }
    }
  };
  sc.context.forEach(([, v]) => value(v));
  dyn(sc.sessions);
  if (sc.arrivals.kind === 'every') dyn(sc.arrivals.spec);
  nodes(sc.steps);
}

/**
 * Checks every `${world.…}` reference against the world before planning (the world is fixed for a
 * run): a path that reads nothing and has no default is a misspelt key or an index past the end,
 * not a value to leave out.
 */
export function checkWorldRefs(sc: Scenario, world: unknown): void {
  forEachRef(sc, (r) => {
    if (r.kind !== 'world' || r.hasDefault) return;
    let cur: unknown = world;
    let at = 'world';
    for (const seg of r.path) {
      const next = getPath(cur, [seg]);
      if (next === undefined) {
        const keys = cur !== null && typeof cur === 'object' && !Array.isArray(cur) ? Object.keys(cur) : [];
        const what =
          Array.isArray(cur) && typeof seg === 'number'
            ? `${at} has ${cur.length} item${cur.length === 1 ? '' : 's'}, no [${seg}]`
            : Array.isArray(cur) && typeof seg === 'object'
              ? `${at} is empty`
              : typeof seg === 'string' && keys.length
                ? `${at} has no "${seg}"${suggestion(seg, keys)}`
                : `${at} is ${cur === null ? 'null' : Array.isArray(cur) ? 'a list' : typeof cur}, it has no ${typeof seg === 'string' ? `"${seg}"` : 'items'}`;
        throw scenarioError(CODES.badRef, `${r.text}: ${what}`, {
          where: r.where,
          hint: Array.isArray(cur) ? 'use [instance] / [iteration] to go round the list, or a default: ${world.path:-value}' : 'see the world of this provider (scenarios/README.md, References)',
          ...(keys.length && typeof seg === 'string' ? { validValues: keys } : {}),
        });
      }
      at += typeof seg === 'number' ? `[${seg}]` : typeof seg === 'object' ? `[${seg.mod}]` : `.${seg}`;
      cur = next;
    }
  });
}

/** A tiny binary min-heap (the k-way merge of live instances). */
class Heap<T> {
  private items: T[] = [];
  constructor(private readonly less: (a: T, b: T) => boolean) {}
  get size(): number {
    return this.items.length;
  }
  peek(): T | undefined {
    return this.items[0];
  }
  push(x: T): void {
    const a = this.items;
    a.push(x);
    let i = a.length - 1;
    while (i > 0) {
      const p = (i - 1) >> 1;
      if (!this.less(a[i] as T, a[p] as T)) break;
      [a[i], a[p]] = [a[p] as T, a[i] as T];
      i = p;
    }
  }
  pop(): T | undefined {
    const a = this.items;
    const top = a[0];
    const last = a.pop();
    if (a.length > 0 && last !== undefined) {
      a[0] = last;
      let i = 0;
      for (;;) {
        const l = 2 * i + 1;
        const r = l + 1;
        let m = i;
        if (l < a.length && this.less(a[l] as T, a[m] as T)) m = l;
        if (r < a.length && this.less(a[r] as T, a[m] as T)) m = r;
        if (m === i) break;
        [a[i], a[m]] = [a[m] as T, a[i] as T];
        i = m;
      }
    }
    return top;
  }
}

interface Live {
  it: Generator<Draft>;
  head: Draft;
  /** Start order: breaks ties so an older instance's event at the same instant goes first. */
  rank: number;
}

interface Arrivals {
  sc: Scenario;
  dup: number;
  sessions: number;
  next: number;
  nextAt: number;
  rng: Rng;
  env: Env;
}

/**
 * Plans several scenarios (each with its `sessions`) into one timeline in time order. Problems
 * in the scenarios (overrides that break a schema) are thrown here, before anything is planned;
 * the returned timeline is lazy.
 */
export function planScenarios(scenarios: readonly Scenario[], opts: PlanOptions & { generators: GeneratorApi }): Timeline {
  const run: Run = {
    gen: opts.generators,
    seed: opts.seed ?? 1,
    startTime: opts.startTime ?? DEFAULT_START,
    validate: opts.validate ?? true,
    worlds: new Map(),
  };
  for (const sc of scenarios) {
    const world = worldFor(sc, run);
    checkWorldRefs(sc, world);
    checkOverrides(sc, run.gen, world);
  }
  const stats: PlanStats = { started: 0, live: 0, maxLive: 0, emitted: 0 };

  function* merged(): Generator<TimelineEntry> {
    Object.assign(stats, { started: 0, live: 0, maxLive: 0, emitted: 0 });
    const seen = new Map<string, number>();
    const sources: Arrivals[] = scenarios.map((sc) => {
      const dup = seen.get(sc.name) ?? 0;
      seen.set(sc.name, dup + 1);
      const env: Env = { world: worldFor(sc, run), context: {}, step: NO_STEPS, instance: 0, iteration: 0 };
      return { sc, dup, sessions: dynValue(sc.sessions, env), next: 0, nextAt: 0, rng: createRng(deriveSeed(run.seed, sc.name, dup, 'arrivals')), env };
    });
    const heap = new Heap<Live>((a, b) => a.head.at < b.head.at || (a.head.at === b.head.at && a.rank < b.rank));
    let rank = 0;
    let seq = 0;
    for (;;) {
      // The next instance to start, if it starts no later than the earliest pending event.
      let src: Arrivals | undefined;
      for (const s of sources) if (s.next < s.sessions && (!src || s.nextAt < src.nextAt)) src = s;
      const top = heap.peek();
      if (src && (!top || src.nextAt <= top.head.at)) {
        const it = instance(src.sc, src.dup, src.next, src.nextAt, run);
        stats.started++;
        const first = it.next();
        if (!first.done) {
          heap.push({ it, head: first.value, rank: rank++ });
          stats.live = heap.size;
          stats.maxLive = Math.max(stats.maxLive, heap.size);
        }
        src.next++;
        src.env.instance = src.next;
        const a = src.sc.arrivals;
        src.nextAt += a.kind === 'rate' ? Math.round(-Math.log(1 - src.rng.next()) * a.meanGapMs) : sample(dynValue(a.spec, src.env), src.rng);
        continue;
      }
      const live = heap.pop();
      if (!live) return;
      const entry: TimelineEntry = { seq: seq++, ...live.head };
      const nxt = live.it.next();
      if (!nxt.done) {
        live.head = nxt.value;
        heap.push(live);
      }
      stats.live = heap.size;
      stats.emitted++;
      yield entry;
    }
  }
  return { stats, [Symbol.iterator]: merged };
}
