/**
 * Plans: each event schema is compiled once into a tree of small fill functions. A property's
 * value comes from (1) the provider's semantic rule for that property name (context- and
 * world-aware: ids, names, numbers, times), else (3) a schema-driven fallback that is valid by
 * construction; then (2) the event's hook adjusts what must agree across properties (metrics
 * that add up, durations within limits, per-activity-type nulls).
 */
import type { Faker } from '@faker-js/faker';
import type { CatalogEntry } from '../contracts/catalog.ts';
import { getSchemaById } from '../contracts/catalog.ts';
import type { Provider } from '../contracts/provider.ts';
import { contextKey, type ContextKey } from './context-access.ts';
import type { Rng } from './rng/seed.ts';
import { normalize, splitNullable, type SNode } from './schema.ts';
import { OMIT, compileShape, constant } from './shape.ts';
import { formatEnreach, formatMluvii } from './time.ts';
import type { WorldState } from './state/types.ts';
import type { GenContext, World, WorldSizes } from './types.ts';

const ABSENT: unique symbol = Symbol('absent');
/**
 * What the calls in progress need to undo their context writes, newest last; each Gen owns the
 * part from its `undoFrom`. One stack for all calls (a nested call's part lies above its
 * caller's), so that a payload allocates nothing for it. A new context of a few keys (the CLI's
 * `createContext(provider, {seq: i})` per payload) is saved whole as (key, value) pairs before the
 * call, which costs less than recording each of the many writes such a call makes; a sequence's
 * context (larger, and mostly read) gets a (key, previous value) pair per write instead.
 */
const UNDO: unknown[] = [];
/** The used part of UNDO (its length is left alone: setting an array's length is a slow call). */
let undoTop = 0;
/** Contexts of up to this many keys are saved whole. */
const SAVED_KEYS = 6;
const NO_UNDO = 0;
const JOURNAL = 1;
const SAVED = 2;

/**
 * Everything one payload's generation may use. A class, so that every payload's Gen has one
 * shape (V8 hidden class) and the fills that read it stay monomorphic.
 */
export class Gen<W extends World = World> {
  readonly eventType: string;
  /** This payload's activity id (mluvii), once drawn: several properties and the hook share it. */
  activityId: number | undefined = undefined;
  /** The activity id the context had before this payload's (PreviewUrl's originalActivityId). */
  previousActivityId: number | undefined = undefined;
  /** Where this call's part of UNDO starts. */
  private readonly undoFrom: number;
  /** NO_UNDO (a context of its own), JOURNAL or SAVED. */
  private readonly undo: number;

  constructor(
    readonly provider: Provider,
    readonly entry: CatalogEntry,
    readonly rng: Rng,
    readonly faker: Faker,
    readonly world: W,
    /**
     * The caller's context itself (not a copy: copying it in and out per payload was the main cost
     * of the context path). Read it freely; write only through put(), which can be undone.
     */
    readonly ctx: Readonly<GenContext>,
    /** When the event happens, ms since the epoch. */
    readonly time: number,
    /** The run's world state, when the payload is part of a run (status events are derived from it). */
    readonly state: WorldState | undefined,
    /** Whether the context is the caller's (so that a failed call must leave it untouched). */
    callers: boolean,
  ) {
    this.eventType = entry.eventType;
    const from = undoTop;
    this.undoFrom = from;
    let undo = NO_UNDO;
    // A context an earlier call used (it has `now`) is a sequence's, grown past a few keys: journaled.
    if (callers && ctx.now !== undefined) undo = JOURNAL;
    else if (callers) {
      undo = SAVED;
      let top = from;
      for (const k in ctx) {
        if (top - from === 2 * SAVED_KEYS) {
          undo = JOURNAL; // too many to save: the pairs written so far are overwritten by the journal
          top = from;
          break;
        }
        UNDO[top++] = k;
        UNDO[top++] = ctx[k];
      }
      undoTop = top;
    }
    this.undo = undo;
  }

  /** Stores a context value for this and the following events of the sequence. */
  put(key: string | ContextKey, value: unknown): void {
    const k = typeof key === 'string' ? contextKey(key) : key;
    const ctx = this.ctx as GenContext;
    if (this.undo === JOURNAL) {
      const before = k.get(ctx);
      UNDO[undoTop++] = k.name;
      UNDO[undoTop++] = before !== undefined || k.has(ctx) ? before : ABSENT;
    }
    k.set(ctx, value);
  }

  /** The context's value of a key (as `g.ctx[key.name]`, through the key's own accessor). */
  get(key: ContextKey): unknown {
    return key.get(this.ctx);
  }

  /** The call succeeded: its writes stay. */
  commit(): void {
    undoTop = this.undoFrom;
  }

  /** Undoes every put(): the caller's context is as it was before the call, keys in the same order. */
  rollback(): void {
    const from = this.undoFrom;
    const ctx = this.ctx as GenContext;
    if (this.undo === SAVED) {
      for (const k in ctx) delete ctx[k];
      for (let i = from; i < undoTop; i += 2) ctx[UNDO[i] as string] = UNDO[i + 1];
    } else if (this.undo === JOURNAL) {
      for (let i = undoTop - 2; i >= from; i -= 2) {
        const key = UNDO[i] as string;
        const before = UNDO[i + 1];
        if (before === ABSENT) delete ctx[key];
        else ctx[key] = before;
      }
    }
    undoTop = from;
    UNDO.length = from; // and let go of the values
  }
}

/** What a rule is told about the property it is asked to fill. */
export interface PropInfo {
  name: string;
  node: SNode;
  /** The node without its null option. */
  inner: SNode;
  nullable: boolean;
  required: boolean;
  entry: CatalogEntry;
}

export type Fill<W extends World = World> = (g: Gen<W>) => unknown;

export { OMIT, constant } from './shape.ts';

/** Returns the fill for a property, or undefined to leave it to the schema-driven fallback. */
export type RuleSet<W extends World = World> = (p: PropInfo) => Fill<W> | undefined;
/** Runs on the event's main object (mluvii `data`, the Enreach body) after every property is filled. */
export type Hook<W extends World = World> = (obj: Record<string, unknown>, g: Gen<W>) => void;

export interface ProviderModule<W extends World = World> {
  provider: Provider;
  createWorld(seed: number | string, sizes?: Partial<WorldSizes>): W;
  /** The faker that draws from `rng` (one per provider, reseeded per payload). */
  faker: Faker;
  rng: Rng;
  /** mluvii: the envelope's `data`; Enreach: undefined (flat body). */
  mainKey: string | undefined;
  rules: RuleSet<W>;
  hook(entry: CatalogEntry): Hook<W> | undefined;
  /**
   * Runs before any property of the event is filled: settles what the properties depend on, in
   * whichever order the schema lists them (Enreach: a new call's per-call values). Given the
   * event's top-level property names.
   */
  prepare?(entry: CatalogEntry, props: ReadonlySet<string>): ((g: Gen<W>) => void) | undefined;
  /** The context key an override of this main-object property should seed (`data.userId` → userId). */
  contextKeyOf(prop: string, entry: CatalogEntry): string | undefined;
}

export interface Plan {
  entry: CatalogEntry;
  fill: (g: Gen) => unknown;
}

const DATE_PATTERN = '^[0-9]{4}-[0-9]{2}-[0-9]{2}$';

/** A fill for any schema node that is valid by construction (the fallback). */
function fallback(node: SNode): Fill {
  switch (node.k) {
    case 'const': {
      const v = node.value;
      return typeof v === 'object' && v !== null ? () => JSON.parse(JSON.stringify(v)) as unknown : constant(v as string | number | boolean);
    }
    case 'enum': {
      const values = node.values;
      return (g) => g.rng.pick(values);
    }
    case 'null':
    case 'any':
      return constant(null);
    case 'union': {
      const { nullable, inner } = splitNullable(node);
      const options = (inner.k === 'union' ? inner.options : [inner]).map(fallback);
      return (g) => (nullable && g.rng.bool(0.2) ? null : g.rng.pick<Fill>(options)(g));
    }
    case 'boolean':
      return (g) => g.rng.bool();
    case 'integer': {
      const min = node.minimum ?? 0;
      const max = node.maximum ?? Math.max(min + 1000, 1000);
      return (g) => g.rng.int(min, max);
    }
    case 'number': {
      const min = node.minimum ?? 0;
      const max = node.maximum ?? Math.max(min + 1000, 1000);
      return (g) => g.rng.float(min, max, 2);
    }
    case 'string': {
      switch (node.format) {
        case 'guid':
          return (g) => g.rng.guid();
        case 'mluvii-datetime':
          return (g) => formatMluvii(g.time);
        case 'enreach-datetime':
          return (g) => formatEnreach(g.time, false);
        case 'uri':
          return () => 'https://example.com/';
        default:
      }
      if (node.pattern === DATE_PATTERN) return (g) => formatEnreach(g.time, false).slice(0, 10);
      if (node.pattern) throw new Error(`no fallback for pattern ${node.pattern}: add a rule`);
      const min = node.minLength ?? 0;
      return (g) => {
        const w = g.faker.lorem.word();
        return w.length >= min ? w : w.padEnd(min, 'x');
      };
    }
    case 'array': {
      const item = node.items ? fallback(node.items) : () => null;
      const min = node.minItems ?? 0;
      const max = Math.max(min, Math.min(node.maxItems ?? 2, 2));
      return (g) => {
        const n = g.rng.int(min, max);
        const out: unknown[] = [];
        for (let i = 0; i < n; i++) out.push(item(g));
        return out;
      };
    }
    case 'object':
      return compileObject(node, undefined);
  }
}

/** An object fill: properties in schema order; optional ones present about half the time. */
function compileObject<W extends World>(node: Extract<SNode, { k: 'object' }>, fillFor: ((name: string, prop: SNode, required: boolean) => Fill<W> | undefined) | undefined): Fill<W> {
  const props = node.props.map((p) => ({ name: p.name, required: p.required, fill: (fillFor?.(p.name, p.node, p.required) ?? fallback(p.node)) }));
  if (props.every((p) => p.required)) return compileShape(props, { undefinedOmits: false });
  return (g) => {
    const o: Record<string, unknown> = {};
    for (const p of props) {
      if (!p.required && g.rng.bool(0.5)) continue;
      const v = p.fill(g);
      if (v !== OMIT) o[p.name] = v;
    }
    return o;
  };
}

function compileMain<W extends World>(mod: ProviderModule<W>, entry: CatalogEntry, node: SNode): Fill<W> {
  if (node.k !== 'object') throw new Error(`${entry.provider}/${entry.eventType}: the payload is not an object schema`);
  const props = node.props.map((p) => {
    const { nullable, inner } = splitNullable(p.node);
    const info: PropInfo = { name: p.name, node: p.node, inner, nullable, required: p.required, entry };
    return { name: p.name, fill: mod.rules(info) ?? (fallback(p.node)) };
  });
  // Every property is filled (a rule leaves one out with OMIT or undefined), so the shape is fixed.
  return compileShape(props, { before: mod.prepare?.(entry, new Set(node.props.map((p) => p.name))), after: mod.hook(entry), undefinedOmits: true });
}

/** Compiles one event's plan (done once per event type and cached by the caller). */
export function compilePlan<W extends World>(mod: ProviderModule<W>, entry: CatalogEntry): Plan {
  const schema = getSchemaById(entry.schemaId);
  if (!schema) throw new Error(`no schema ${entry.schemaId}`);
  const root = normalize(schema, entry.schemaId);
  let fill: Fill<W>;
  if (mod.mainKey === undefined) fill = compileMain(mod, entry, root);
  else {
    if (root.k !== 'object') throw new Error(`${entry.eventType}: the envelope is not an object schema`);
    const key = mod.mainKey;
    fill = compileObject<W>(root, (name, prop) => (name === key ? compileMain(mod, entry, prop) : undefined));
  }
  return { entry, fill: fill as (g: Gen) => unknown };
}
