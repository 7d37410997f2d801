import { formatIssues, validate } from '../../contracts/validate.ts';
import { ValidationSampler, type ValidationMode } from './validation.ts';
import { didYouMean, suggestion } from '../../contracts/errors.ts';
import type { Provider } from '../../contracts/provider.ts';
import type { WorldState } from '../../generators/state/types.ts';
import { childSteps, type Dyn, type EventNode, type Scenario, type SetOp, type StepNode } from './ast.ts';
import { sample } from './duration.ts';
import { CODES, scenarioError } from './errors.ts';
import { Heap } from './heap.ts';
import { getPath, mapRefs, type Env, type PathSeg, type Ref, type Value } from './refs.ts';
import { createRng, deriveSeed, type Rng } from './rng.ts';
import { dynValue, Session, type GeneratorApi, type Outcome, type Run, type RunWorld } from './session.ts';
import type { TimelineEntry } from './timeline.ts';
import { Waits, type Parked } from './waits.ts';
import { toText } from '../../contracts/text.ts';

export { entityKeyOf, type GeneratorApi } from './session.ts';

/**
 * The planner: turns resolved scenarios into a timeline. No I/O, no clock: time starts at
 * `startTime` and every random choice comes from the seed. `sessions: N` instances are started
 * lazily as their arrival time comes and merged in time order (a k-way merge over the live
 * sessions), so a long run never holds more than the sessions that overlap in time. Payloads are
 * made when the merge reaches their instant, so the run's world state (one per world, shared by
 * every session) is read and advanced in the timeline's own time; `wait:` steps ask it for agents.
 */

export interface PlanOptions {
  /** Everything random derives from it; default 1. */
  seed?: number | string;
  /** Epoch ms of offset 0; default 2024-05-06T13:00:00Z (fixed, so plans are reproducible). */
  startTime?: number;
  /**
   * Check payloads against their schema while planning: `true` (the default) every one; `'sample'`
   * the first SAMPLE.first of each step and one in SAMPLE.every after that, but every payload of a
   * step whose `set:` holds a reference (validation.ts says why that is enough); `false` none.
   */
  validate?: ValidationMode;
}

export interface PlanStats {
  /** Payloads checked against their schema so far (all of them unless `validate` is 'sample' or false). */
  validated: number;
  /** Instances started so far. */
  started: number;
  /** Instances running now (started, not finished). */
  live: number;
  /** The most instances running at once. */
  maxLive: number;
  /** Entries yielded so far. */
  emitted: number;
  /** Sessions waiting for an agent now (`wait:`). */
  waiting: number;
}

/** A lazily planned timeline; iterate it once (each iteration re-plans from the start). */
export interface Timeline extends Iterable<TimelineEntry> {
  readonly stats: PlanStats;
}

export const DEFAULT_START = Date.UTC(2024, 4, 6, 13, 0, 0);

function worldFor(sc: Scenario, run: Run): RunWorld {
  const key = `${sc.provider}\u0000${JSON.stringify(sc.world)}`;
  let w = run.worlds.get(key);
  if (w === undefined) {
    let world: unknown;
    try {
      world = run.gen.createWorld(sc.provider, {
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
    w = { world, state: undefined };
    run.worlds.set(key, w);
  }
  return w;
}

function pathText(segs: readonly PathSeg[]): string {
  return '$' + segs.map((s) => (typeof s === 'object' ? `[${s.mod}]` : typeof s === 'number' ? `[${s}]` : /^[A-Za-z_$][\w$]*$/.test(s) ? `.${s}` : `[${JSON.stringify(s)}]`)).join('');
}

/**
 * Checks every literal `set:` (and --set) against the event's schema before planning: the
 * generator makes a probe payload with the overrides applied, and a schema problem under an
 * overridden path is reported with the field and the reason.
 */
function checkOverrides(sc: Scenario, gen: GeneratorApi, world: unknown): void {
  const visit = (nodes: readonly StepNode[]): void => {
    for (const n of nodes) {
      if (n.skipped) continue;
      if (n.kind === 'event') checkEventOverrides(sc.provider, n, gen, world);
      else childSteps(n).forEach(visit);
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
      validate: false,
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
      const near = didYouMean(toText(op.segs[op.segs.length - 1]), siblings);
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
        case 'wait':
          if (n.agent) value(n.agent);
          if (n.queue) value(n.queue);
          dyn(n.patience);
          dyn(n.overflowAfter);
          childSteps(n).forEach(nodes);
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
function checkWorldRefs(sc: Scenario, world: unknown): void {
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


interface Item {
  at: number;
  /** Start order: breaks ties so an older session's event at the same instant goes first. */
  rank: number;
  session: Session;
  version: number;
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

/** Every scenario of the run as the planner runs it: a scenario of parts is its parts. */
function flatten(scenarios: readonly Scenario[]): Scenario[] {
  return scenarios.flatMap((sc) => sc.parts ?? [sc]);
}

/**
 * Plans several scenarios (each with its `sessions`) into one timeline in time order. Problems
 * in the scenarios (overrides that break a schema) are thrown here, before anything is planned;
 * the returned timeline is lazy.
 */
export function planScenarios(scenarios: readonly Scenario[], opts: PlanOptions & { generators: GeneratorApi }): Timeline {
  const stats: PlanStats = { validated: 0, started: 0, live: 0, maxLive: 0, emitted: 0, waiting: 0 };
  const run: Run = {
    gen: opts.generators,
    seed: opts.seed ?? 1,
    startTime: opts.startTime ?? DEFAULT_START,
    sampler: new ValidationSampler(opts.validate ?? true, stats),
    worlds: new Map(),
  };
  const all = flatten(scenarios);
  for (const sc of all) {
    const { world } = worldFor(sc, run);
    checkWorldRefs(sc, world);
    checkOverrides(sc, run.gen, world);
  }

  function* merged(): Generator<TimelineEntry> {
    Object.assign(stats, { validated: 0, started: 0, live: 0, maxLive: 0, emitted: 0, waiting: 0 });
    run.sampler.reset();
    // A fresh world state per iteration: each iteration re-plans the run from its start.
    const states: WorldState[] = [];
    for (const [key, rw] of run.worlds) {
      const sc = all.find((x) => `${x.provider}\u0000${JSON.stringify(x.world)}` === key);
      rw.state = run.gen.createState?.(rw.world, sc?.world.agents ? { agents: sc.world.agents } : {});
      if (rw.state) states.push(rw.state);
    }
    const seen = new Map<string, number>();
    const sources: Arrivals[] = all.map((sc) => {
      const dup = seen.get(sc.name) ?? 0;
      seen.set(sc.name, dup + 1);
      const env: Env = { world: worldFor(sc, run).world, context: {}, step: () => undefined, instance: 0, iteration: 0 };
      return { sc, dup, sessions: dynValue(sc.sessions, env), next: 0, nextAt: 0, rng: createRng(deriveSeed(run.seed, sc.name, dup, 'arrivals')), env };
    });
    const heap = new Heap<Item>((a, b) => a.at < b.at || (a.at === b.at && a.rank < b.rank));
    const waits = new Waits();
    const parkedOf = new Map<Session, Parked>();
    let rank = 0;
    let seq = 0;
    let now = 0;

    const schedule = (s: Session): void => {
      const at = s.nextAt();
      if (at !== undefined) heap.push({ at, rank: s.rank, session: s, version: ++s.version });
      else if (s.deadline !== undefined) {
        s.version++;
        if (s.deadline !== Infinity) heap.push({ at: s.deadline, rank: s.rank, session: s, version: s.version });
      } else if (s.done) {
        stats.live--;
        s.rw.state?.release(s.holder);
        offerFreed();
      }
    };
    const settle = (s: Session, outcome: Outcome, at: number): void => {
      const p = parkedOf.get(s);
      if (p) {
        waits.finish(p);
        parkedOf.delete(s);
        stats.waiting = waits.size;
      }
      s.resume(outcome, at);
      schedule(s);
    };
    const granted = (s: Session, state: WorldState, agent: string | number, at: number): void => {
      s.context[state.agentKey] = agent;
      s.granted.add(agent);
      settle(s, 'then', at);
    };
    /** Agents freed by the last event (or a session's end) are offered to the sessions waiting in their pools. */
    function offerFreed(): void {
      for (const state of states) {
        for (let freed = state.takeFreed(); freed.length; freed = state.takeFreed()) {
          for (const agent of freed) {
            for (const p of waits.waitingIn(state.poolsOf(agent))) {
              if (p.session.rw.state !== state || p.done) continue;
              const got = state.grant(p.request, p.session.holder, run.startTime + now);
              if (got !== undefined) granted(p.session, state, got, now);
            }
          }
        }
      }
    }
    /** A wait starts: the queue is closed, nobody could answer, an agent is free, or the session waits. */
    const startWait = (s: Session): void => {
      const wp = s.pending;
      const state = s.rw.state;
      if (!wp) return;
      if (!state) return settle(s, 'then', now);
      const req = s.request();
      const t = run.startTime + now;
      if (wp.node.closed && !state.isOpen(req, t)) return settle(s, 'closed', now);
      if (wp.node.forOpen) return settle(s, 'then', now);
      if (wp.node.overflow && state.loggedIn(req) === 0) return settle(s, 'overflow', now);
      const agent = state.grant(req, s.holder, t);
      if (agent !== undefined) return granted(s, state, agent, now);
      // Wait: until an agent is free, the patience ends (abandoned) or the queue overflows.
      const overflowFirst = wp.overflowMs <= wp.patienceMs;
      s.deadline = now + Math.min(wp.patienceMs, wp.overflowMs);
      s.deadlineOutcome = overflowFirst ? 'overflow' : 'abandoned';
      parkedOf.set(s, waits.park(state.poolKey(req), s, req));
      stats.waiting = waits.size;
      schedule(s);
    };

    for (;;) {
      while (heap.size && (heap.peek() as Item).version !== (heap.peek() as Item).session.version) heap.pop();
      // The next session to start, if it starts no later than the earliest pending item.
      let src: Arrivals | undefined;
      for (const s of sources) if (s.next < s.sessions && (!src || s.nextAt < src.nextAt)) src = s;
      const top = heap.peek();
      if (src && (!top || src.nextAt <= top.at)) {
        now = Math.max(now, src.nextAt);
        const s = new Session(src.sc, src.dup, src.next, src.nextAt, rank++, run, worldFor(src.sc, run));
        stats.started++;
        stats.live++;
        stats.maxLive = Math.max(stats.maxLive, stats.live);
        schedule(s);
        src.next++;
        src.env.instance = src.next;
        const a = src.sc.arrivals;
        src.nextAt += a.kind === 'rate' ? Math.round(-Math.log(1 - src.rng.next()) * a.meanGapMs) : sample(dynValue(a.spec, src.env), src.rng);
        continue;
      }
      const item = heap.pop();
      if (!item) {
        // Nothing left could free an agent: the sessions still waiting give up now.
        const stuck = waits.all();
        if (stuck.length === 0) return;
        for (const p of stuck) settle(p.session, 'abandoned', now);
        continue;
      }
      const s = item.session;
      now = item.at;
      if (s.deadline !== undefined) {
        settle(s, s.deadlineOutcome, now);
        continue;
      }
      if (!s.atEvent) {
        startWait(s);
        continue;
      }
      const draft = s.emit();
      const state = s.rw.state;
      const repeat = draft !== undefined && state !== undefined && state.repeats(draft.eventType, draft.entityKey, draft.payload);
      offerFreed();
      schedule(s);
      if (draft === undefined || repeat) continue;
      stats.emitted++;
      yield { seq: seq++, ...draft };
    }
  }
  return { stats, [Symbol.iterator]: merged };
}
