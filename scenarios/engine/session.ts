import { formatIssues, validate } from '../../contracts/validate.ts';
import type { ValidationSampler } from './validation.ts';
import { jsonPointer, pointerTokens } from '../../contracts/json-pointer.ts';
import type { CatalogEntry } from '../../contracts/catalog.ts';
import type { Provider } from '../../contracts/provider.ts';
import type { AgentId, AgentRequest, Holder, WorldState } from '../../generators/state/types.ts';
import type { Dyn, EventNode, IncludeNode, Scenario, StepNode, WaitNode } from './ast.ts';
import { sample } from './duration.ts';
import { CODES, scenarioError } from './errors.ts';
import { evaluate, type Env } from './refs.ts';
import { createRng, deriveSeed, type Rng } from './rng.ts';
import type { TimelineEntry } from './timeline.ts';
import { toText } from '../../contracts/text.ts';

/**
 * One session (instance) of a scenario. Its shape (which optional steps happen, which branch,
 * how many repeats, every delay) is drawn from its seed as the session goes; its payloads are made
 * one at a time, when the run's merge reaches their instant (so the world state they read and
 * change is the state at that instant). A `wait:` stops the shape: the steps after it are drawn
 * once the run decides the wait's outcome (an agent is free, the caller gives up, the queue
 * overflows), so a segment of events between two waits is planned at a time.
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
      state?: WorldState | undefined;
    },
  ): unknown;
  createWorld(provider: Provider, opts?: { seed?: number | string; sizes?: Record<string, number> }): unknown;
  createContext(provider: Provider, init?: Record<string, unknown>): Record<string, unknown>;
  /** The run's world state of a world; without it a `wait:` is granted at once, with no agent. */
  createState?(world: unknown, opts: { agents?: 'available' | 'offWork' }): WorldState;
}

/** One world of a run and its state. */
export interface RunWorld {
  world: unknown;
  state: WorldState | undefined;
}

export interface Run {
  gen: GeneratorApi;
  seed: number | string;
  startTime: number;
  sampler: ValidationSampler;
  worlds: Map<string, RunWorld>;
}

export type Draft = Omit<TimelineEntry, 'seq'>;

/**
 * One session is planned whole between waits, to order its events by time, so its size is
 * bounded: nested repeats multiply (`repeat: 100000` inside `repeat: 100000`), and one request to
 * the server must not be able to take all its memory or time. Volume comes from `sessions: N`,
 * which streams. `work` bounds the steps walked (a repeat of only skipped or optional steps makes no events).
 */
const SESSION_LIMITS = { events: 100_000, work: 1_000_000 } as const;

interface Occurrence {
  at: number;
  order: number;
  node: EventNode | IncludeNode;
  iteration: number;
}

/** Where a session's shape stopped: a wait, starting `at` ms after the session's arrival. */
export interface WaitPoint {
  node: WaitNode;
  at: number;
  patienceMs: number;
  overflowMs: number;
}

export type Outcome = 'then' | 'abandoned' | 'overflow' | 'closed';

const NO_STEPS = (): undefined => undefined;

export function dynValue<T>(d: Dyn<T>, env: Env): T {
  return 'lit' in d ? d.lit : d.parse(evaluate(d.value, env), d.where);
}

/** `"<entity>:<value>"`: mluvii names the entity (session, emailThread, user…); Enreach the id property (CallId, CallBackId, UserId, QueueId). */
export function entityKeyOf(entry: CatalogEntry, payload: unknown): string | undefined {
  const v = jsonPointer(payload, entry.entityKey);
  if (v === undefined || v === null || v === '') return undefined;
  const label = entry.provider === 'mluvii' ? entry.entity : (pointerTokens(entry.entityKey).at(-1) ?? entry.entity);
  return `${label}:${toText(v)}`;
}

export class Session {
  readonly context: Record<string, unknown>;
  readonly holder: Holder;
  /** Agents this session was given (for `another: true`). */
  readonly granted = new Set<AgentId>();
  /** Bumped whenever the session is (re)scheduled: older heap items of it are stale. */
  version = 0;
  /** The wait the shape stopped at, until its outcome is known. */
  pending: WaitPoint | undefined;
  /** Parked: waiting for an agent; the absolute instant its patience or overflow rule ends it (Infinity: none). */
  deadline: number | undefined;
  deadlineOutcome: Outcome = 'abandoned';

  private readonly rng: Rng;
  private readonly recorded = new Map<string, unknown>();
  private iteration = 0;
  private readonly env: Env;
  private readonly shapeEnv: Env;
  private readonly expander: Generator<WaitPoint, number, Outcome | undefined>;
  private segment: Occurrence[] = [];
  private buffer: Occurrence[] = [];
  private next = 0;
  private order = 0;
  private events = 0;
  private work = 0;
  private outcomeAt = 0;
  /** An abandoned / overflow / closed outcome ended the session: no step after the wait happens. */
  private ended = false;

  constructor(
    readonly sc: Scenario,
    readonly dup: number,
    readonly inst: number,
    readonly arrivalAt: number,
    readonly rank: number,
    private readonly run: Run,
    readonly rw: RunWorld,
  ) {
    const world = rw.world;
    this.rng = createRng(deriveSeed(run.seed, sc.name, dup, inst, 'plan'));
    // The env is read by refs while the session runs; `iteration` must be the live value.
    const iterationNow = (): number => this.iteration;
    this.env = {
      world,
      context: {},
      step: (name) => this.recorded.get(name),
      instance: inst,
      get iteration() {
        return iterationNow();
      },
    };
    this.shapeEnv = { world, context: {}, step: NO_STEPS, instance: inst, iteration: 0 };
    const init: Record<string, unknown> = {};
    for (const [k, v] of sc.context) {
      const x = evaluate(v, this.shapeEnv);
      if (x !== undefined) init[k] = x;
    }
    this.context = run.gen.createContext(sc.provider, init);
    this.env.context = this.context;
    this.holder = { context: this.context };
    this.expander = this.expand(sc.steps, 0, 0);
    this.advance(undefined);
  }

  /** The absolute instant (ms after the run's start) of what comes next: an event, or the start of a wait; undefined when waiting or done. */
  nextAt(): number | undefined {
    const o = this.segment[this.next];
    if (o) return this.arrivalAt + o.at;
    if (this.pending && this.deadline === undefined) return this.arrivalAt + this.pending.at;
    return undefined;
  }

  get done(): boolean {
    return this.next >= this.segment.length && this.pending === undefined;
  }

  /** True when the next thing is an event (else the start of the pending wait). */
  get atEvent(): boolean {
    return this.next < this.segment.length;
  }

  /** Continues the shape after the pending wait, with its outcome, at `at` (absolute). */
  resume(outcome: Outcome, at: number): void {
    this.pending = undefined;
    this.deadline = undefined;
    this.outcomeAt = at - this.arrivalAt;
    this.advance(outcome);
  }

  /** What the pending wait asks the world state for (its agent and queue read steps and the context now). */
  request(): AgentRequest {
    const node = (this.pending as WaitPoint).node;
    const value = (v: WaitNode['agent']): AgentId | undefined => {
      if (v === undefined) return undefined;
      const x = evaluate(v, this.env);
      return typeof x === 'string' || typeof x === 'number' ? x : undefined;
    };
    const agent = value(node.agent);
    const queue = value(node.queue);
    return {
      context: this.context,
      ...(agent !== undefined ? { agent } : {}),
      ...(queue !== undefined ? { queue } : {}),
      ...(node.another ? { exclude: this.granted } : {}),
    };
  }

  private advance(outcome: Outcome | undefined): void {
    this.buffer = [];
    const r = this.expander.next(outcome);
    this.buffer.sort((a, b) => a.at - b.at || a.order - b.order);
    this.segment = this.buffer;
    this.buffer = [];
    this.next = 0;
    this.pending = r.done ? undefined : r.value;
  }

  private tooBig(n: StepNode): never {
    throw scenarioError(CODES.badValue, `one session of "${this.sc.name}" would be more than ${this.events >= SESSION_LIMITS.events ? `${SESSION_LIMITS.events} events` : `${SESSION_LIMITS.work} steps`}`, {
      where: n.where,
      hint: 'repeat counts multiply when nested; lower them, and use sessions: N for volume (sessions are streamed, a session is planned whole)',
    });
  }

  /** The shape of `nodes` from `t0`; returns the time the last step happened; stops (yields) at a wait. */
  private *expand(nodes: readonly StepNode[], t0: number, iter: number): Generator<WaitPoint, number, Outcome | undefined> {
    const { rng, shapeEnv } = this;
    let cur = t0;
    for (const n of nodes) {
      if (this.ended) break;
      if (n.skipped) continue;
      if (++this.work > SESSION_LIMITS.work) this.tooBig(n);
      shapeEnv.iteration = iter;
      if (n.optional !== undefined && !(rng.next() < dynValue(n.optional, shapeEnv))) continue;
      const t = cur + (n.after ? sample(dynValue(n.after, shapeEnv), rng) : 0);
      switch (n.kind) {
        case 'event':
          if (this.events >= SESSION_LIMITS.events) this.tooBig(n);
          this.events++;
          this.buffer.push({ at: t, order: this.order++, node: n, iteration: iter });
          cur = t;
          break;
        case 'steps':
          cur = yield* this.expand(n.steps, t, iter);
          break;
        case 'repeat': {
          const { min, max } = dynValue(n.count, shapeEnv);
          const times = rng.int(min, max);
          let c = t;
          for (let i = 0; i < times && !this.ended; i++) {
            if (++this.work > SESSION_LIMITS.work) this.tooBig(n);
            c = yield* this.expand(n.steps, c, i);
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
          cur = yield* this.expand(n.branches[chosen]?.steps ?? [], t, iter);
          break;
        }
        case 'parallel': {
          let end = t;
          for (const b of n.branches) end = Math.max(end, yield* this.expand(b.steps, t + (b.after ? sample(dynValue(b.after, shapeEnv), rng) : 0), iter));
          cur = end;
          break;
        }
        case 'include':
          if (n.context.length) this.buffer.push({ at: t, order: this.order++, node: n, iteration: iter });
          cur = yield* this.expand(n.steps, t, iter);
          break;
        case 'wait': {
          const patienceMs = n.patience ? sample(dynValue(n.patience, shapeEnv), rng) : Infinity;
          const overflowMs = n.overflowAfter ? sample(dynValue(n.overflowAfter, shapeEnv), rng) : Infinity;
          const outcome = (yield { node: n, at: t, patienceMs, overflowMs }) ?? 'then';
          cur = yield* this.expand(n[outcome] ?? [], this.outcomeAt, iter);
          if (outcome !== 'then') this.ended = true;
          break;
        }
      }
    }
    return cur;
  }

  /** Makes the next event's payload (its instant has come); undefined for an include's context step. */
  emit(): Draft | undefined {
    const { sc, run, context, env } = this;
    const o = this.segment[this.next++] as Occurrence;
    this.iteration = o.iteration;
    const node = o.node;
    for (const [k, v] of node.context) {
      const x = evaluate(v, env);
      if (x !== undefined) context[k] = x;
    }
    if (node.kind === 'include') return undefined;
    for (const k of node.unset) delete context[k];
    const overrides: Record<string, unknown> = {};
    for (const op of node.set) {
      const x = evaluate(op.value, env);
      if (x !== undefined) overrides[op.path] = x;
    }
    const at = this.arrivalAt + o.at;
    let payload: unknown;
    try {
      payload = run.gen.generate(sc.provider, node.event, {
        seed: deriveSeed(run.seed, sc.name, this.dup, this.inst, node.qname, o.order),
        world: this.rw.world,
        context,
        time: run.startTime + at,
        overrides,
        state: this.rw.state,
        // Checked below, by the run's ValidationSampler (one object literal per call: no spreads on this path).
        validate: false,
      });
    } catch (e) {
      throw scenarioError(CODES.generator, `step "${node.qname}" (${node.event}): the generator failed: ${(e as Error).message}`, { where: node.where, cause: e });
    }
    if (run.sampler.wants(node)) {
      const r = validate(payload, { provider: sc.provider, eventType: node.event });
      if (!r.valid) {
        throw scenarioError(CODES.invalidPayload, `step "${node.qname}" (${node.event}) planned a payload that breaks its schema: ${formatIssues(r.errors).join('; ')}`, {
          where: node.where,
          hint: 'a ${reference} in set: or context: gave a value of the wrong type; add a default (${x.path:-value}) or fix the reference',
        });
      }
    }
    if (sc.referenced.has(node.qname)) this.recorded.set(node.qname, payload);
    const entityKey = entityKeyOf(node.entry, payload);
    if (!entityKey) {
      throw scenarioError(CODES.generator, `step "${node.qname}" (${node.event}): the payload has no entity key at ${node.entry.entityKey}`, { where: node.where });
    }
    return { at, provider: sc.provider, eventType: node.event, entityKey, payload, scenario: sc.name, instance: this.inst, step: node.qname };
  }
}
