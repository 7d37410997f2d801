/**
 * Generators: realistic, seeded webhook payloads for every catalog event, drawn from one
 * consistent world per provider. No I/O, no clock, no Math.random: the same (seed, world, context
 * state, time, overrides) give byte-identical JSON.
 *
 *   const world = createWorld('enreach', { seed: 7 });
 *   const context = createContext('enreach');
 *   generate('enreach', 'QueueCallInComing', { seed: 1, world, context });   // makes CallId, QueueId…
 *   generate('enreach', 'QueueCallInArrived', { seed: 2, world, context });  // …and reuses them
 */
import type { ValidateFunction } from 'ajv';
import { parseProvider, resolveEvent, type CatalogEntry } from '../contracts/catalog.ts';
import { ProviderMockError } from '../contracts/errors.ts';
import { toText } from '../contracts/text.ts';
import type { EventPayload, ProviderEventMap } from '../contracts/generated/types.ts';
import type { Provider } from '../contracts/provider.ts';
import { readableErrors, type ValidationIssue } from '../contracts/validate.ts';
import { enreachModule } from './enreach/index.ts';
import { mluviiModule } from './mluvii/index.ts';
import { applyOverridesInPlace, formatPath, parsePath } from './overrides.ts';
import { Gen, compilePlan, type Plan, type ProviderModule } from './plan.ts';
import { EventSeed, hashSeed } from './rng/seed.ts';
import { failure, fastValidatorFor } from './self-check.ts';
import { DEFAULT_TIME } from './time.ts';
import type { GenContext, GenerateOptions, World, WorldSizes } from './types.ts';

export type { GenContext, GenerateOptions, World, WorldSizes, MluviiWorld, EnreachWorld } from './types.ts';
export { applyOverrides, parseOverride, parsePath, formatPath } from './overrides.ts';
export { formatTime, DEFAULT_TIME, ENREACH_MAX_DATETIME, ENREACH_MIN_DATETIME } from './time.ts';
export { seriesTimes, DEFAULT_SERIES_GAP, DEFAULT_SEQUENCE_GAP } from './series.ts';
export type { Gap } from './series.ts';
export { hashSeed } from './rng/seed.ts';
export { contextKeys, CONTEXT_KEYS } from './context-keys.ts';
export { parseSeed, parseInstant, DEFAULT_SEED } from './inputs.ts';
export { dereference } from './schema.ts';
export { createState, type WorldState, type AgentRequest, type AgentId, type Holder, type StateOptions } from './state/index.ts';

const MODULES: Record<Provider, ProviderModule> = {
  mluvii: mluviiModule as unknown as ProviderModule,
  enreach: enreachModule as unknown as ProviderModule,
};

/** Upper bounds keep world building bounded (ids are drawn without repeats from fixed ranges). */
const SIZE_LIMITS: Record<keyof WorldSizes, number> = {
  tenants: 100,
  operators: 5000,
  operatorGroups: 9,
  chatbots: 7,
  guests: 100_000,
  campaigns: 400,
  forms: 500,
  users: 5000,
  queues: 500,
  callLists: 500,
  securityGroups: 200,
};

/** The provider a (JavaScript) caller passed, or PM_UNKNOWN_PROVIDER with "did you mean". */
function checkProvider(provider: unknown, where: string): Provider {
  return parseProvider(String(provider), where);
}

function checkSizes(sizes: Partial<WorldSizes>): void {
  for (const [k, v] of Object.entries(sizes)) {
    const limit = SIZE_LIMITS[k as keyof WorldSizes];
    if (limit === undefined) {
      throw new ProviderMockError('PM_BAD_WORLD_SIZE', `unknown world size "${k}"`, { where: `sizes.${k}`, validValues: Object.keys(SIZE_LIMITS) });
    }
    if (typeof v !== 'number' || !Number.isInteger(v) || v < 1 || v > limit) {
      throw new ProviderMockError('PM_BAD_WORLD_SIZE', `world size ${k} must be a whole number from 1 to ${limit}`, { where: `sizes.${k}`, hint: `got ${JSON.stringify(v)}` });
    }
  }
}

/** A provider's world (tenants, operators, queues…) built from a seed; sizes are configurable. */
export function createWorld(provider: Provider, options: { seed?: number | string; sizes?: Partial<WorldSizes> } = {}): World {
  const p = checkProvider(provider, 'createWorld(provider)');
  checkSizes(options.sizes ?? {});
  return MODULES[p].createWorld(options.seed ?? 1, options.sizes ?? {});
}

const defaultWorlds = new Map<Provider, World>();
function defaultWorld(provider: Provider): World {
  let w = defaultWorlds.get(provider);
  if (!w) {
    w = createWorld(provider, { seed: 1 });
    defaultWorlds.set(provider, w);
  }
  return w;
}

/** A fresh context for a sequence of events; `init` presets keys (generators/README.md lists them). */
export function createContext(provider: Provider, init: Record<string, unknown> = {}): GenContext {
  const p = checkProvider(provider, 'createContext(provider)');
  if (init['provider'] !== undefined && init['provider'] !== p) {
    throw new ProviderMockError('PM_CONTEXT_PROVIDER', `context init is for ${toText(init['provider'])}, not ${p}`, { where: 'createContext(init.provider)' });
  }
  // A key loop, not `{...init, provider}`: the same keys in the same order, without the spread's
  // slow path (the CLI makes one context per payload).
  const ctx = {} as GenContext;
  for (const k in init) if (Object.hasOwn(init, k)) ctx[k] = init[k];
  ctx.provider = p;
  return ctx;
}

interface CompiledPlan extends Plan {
  check?: ValidateFunction;
}

const plans = new Map<string, CompiledPlan>();
function planFor(entry: CatalogEntry): CompiledPlan {
  const key = `${entry.provider}/${entry.eventType}`;
  let plan = plans.get(key);
  if (!plan) {
    plan = compilePlan(MODULES[entry.provider], entry);
    plans.set(key, plan);
  }
  return plan;
}

/** generate()'s own check of the plan's payloads (generators/self-check.ts). */
function checkOf(plan: CompiledPlan): ValidateFunction {
  return (plan.check ??= fastValidatorFor(plan.entry.schemaId));
}

/** What generate() needs of an event type, found by name without building a key per call. */
interface EventSlot {
  entry: CatalogEntry;
  plan: CompiledPlan;
  seeder: EventSeed;
}

const slots: Record<Provider, Map<string, EventSlot>> = { mluvii: new Map(), enreach: new Map() };
function slotFor(p: Provider, eventType: string): EventSlot {
  let slot = slots[p].get(eventType);
  if (slot === undefined) {
    const entry = resolveEvent(eventType, p); // throws "did you mean" for an unknown name
    slot = { entry, plan: planFor(entry), seeder: new EventSeed(p, entry.eventType) };
    slots[p].set(eventType, slot);
  }
  return slot;
}

/** The context key an override path stands for (`data.userId` → userId, `CallId` → CallId), if any. */
function overrideContextKey(mod: ProviderModule, entry: CatalogEntry, path: string): string | undefined {
  const segs = parsePath(path);
  if (mod.mainKey !== undefined) {
    if (segs.length !== 2 || segs[0] !== mod.mainKey || typeof segs[1] !== 'string') return undefined;
    return mod.contextKeyOf(segs[1], entry);
  }
  return segs.length === 1 && typeof segs[0] === 'string' ? mod.contextKeyOf(segs[0], entry) : undefined;
}

function isContextValue(v: unknown): boolean {
  return (typeof v === 'number' && Number.isFinite(v)) || (typeof v === 'string' && v !== '');
}

function refuseOverride(issues: readonly ValidationIssue[], overrides: Record<string, unknown>, entry: CatalogEntry): ProviderMockError {
  const paths = Object.keys(overrides).map((p) => ({ path: p, canon: formatPath(parsePath(p)) }));
  const owner = (issuePath: string): string | undefined =>
    paths.find((p) => issuePath === p.canon || issuePath.startsWith(`${p.canon}.`) || issuePath.startsWith(`${p.canon}[`))?.path;
  const issue = issues.find((i) => owner(i.path)) ?? issues[0];
  const where = (issue && owner(issue.path)) ?? paths[0]?.path ?? '$';
  const reason = issue ? `${issue.path === formatPath(parsePath(where)) ? '' : `${issue.path}: `}${issue.message}${issue.got ? ` (got ${issue.got})` : ''}` : 'the payload no longer matches the schema';
  return new ProviderMockError('PM_BAD_OVERRIDE', `override breaks the ${entry.provider} ${entry.eventType} schema: ${reason}`, {
    where,
    ...(issue?.expected && !reason.includes(issue.expected) ? { hint: `expected ${issue.expected}` } : {}),
  });
}

/**
 * One payload of an event type (mluvii: the `{eventType, data}` envelope; Enreach: the flat body)
 * that passes the strict schema. Unknown event types are answered with "did you mean".
 */
export function generate<P extends Provider, E extends keyof ProviderEventMap[P] & string>(provider: P, eventType: E, options?: GenerateOptions): EventPayload<P, E>;
export function generate(provider: Provider, eventType: string, options?: GenerateOptions): unknown;
export function generate(provider: Provider, eventType: string, options: GenerateOptions = {}): unknown {
  const p = provider === 'mluvii' || provider === 'enreach' ? provider : checkProvider(provider, 'generate(provider)');
  const { entry, plan, seeder } = slotFor(p, eventType);
  const mod = MODULES[p];
  const world = options.world ?? defaultWorld(p);
  if (world.provider !== p) throw new ProviderMockError('PM_WORLD_PROVIDER', `the world given is for ${world.provider}, not ${p}`, { where: 'generate(options.world)' });
  const given = options.context;
  if (given && given.provider !== undefined && given.provider !== p) {
    throw new ProviderMockError('PM_CONTEXT_PROVIDER', `the context given is for ${toText(given.provider)}, not ${p}`, { where: 'generate(options.context)', hint: `createContext('${p}')` });
  }
  // The context keys the overrides seed (several may name one key: the first one present wins).
  const overrides = options.overrides;
  let seeded: [string, unknown][] | undefined;
  if (overrides) {
    for (const path in overrides) {
      if (!Object.hasOwn(overrides, path)) continue;
      const value = overrides[path];
      const key = overrideContextKey(mod, entry, path);
      if (key !== undefined && isContextValue(value)) (seeded ??= []).push([key, value]);
    }
  }
  const time = options.time ?? (given !== undefined && typeof given.now === 'number' ? given.now : DEFAULT_TIME);
  if (!Number.isFinite(time)) throw new ProviderMockError('PM_BAD_TIME', `time must be ms since the epoch, got ${String(time)}`, { where: 'generate(options.time)' });
  const state = options.state;
  if (state && state.provider !== p) throw new ProviderMockError('PM_STATE_PROVIDER', `the state given is for ${state.provider}, not ${p}`, { where: 'generate(options.state)' });
  // The payload works on the caller's context itself; g.put() records each write, so a call that
  // throws undoes them (the context is left as it was), instead of copying the context in and out.
  const ctx: GenContext = given ?? { provider: p };
  const g = new Gen(p, entry, mod.rng, mod.faker, world, ctx, time, state, given !== undefined);
  try {
    if (ctx.provider === undefined) g.put('provider', p);
    if (seeded !== undefined) {
      // Derived values follow an overridden id (UserId → UserName); activityId is the one the event
      // itself takes, so it is only recorded afterwards.
      for (const [key, value] of seeded) if (ctx[key] === undefined && key !== 'activityId') g.put(key, value);
    }
    const seq = typeof ctx.seq === 'number' ? ctx.seq : 0;
    mod.rng.seedState(seeder.mix(hashSeed(options.seed ?? 1), time, seq));
    const payload = plan.fill(g);
    if (overrides) applyOverridesInPlace(payload, overrides);
    if (options.validate !== false) {
      const strict = failure(entry.schemaId, checkOf(plan), payload);
      if (strict !== undefined) {
        const issues = readableErrors(strict.errors ?? [], payload);
        if (overrides && Object.keys(overrides).length) throw refuseOverride(issues, overrides, entry);
        throw new ProviderMockError('PM_GENERATOR_INVALID', `generated ${p} ${entry.eventType} payload fails its schema: ${issues.map((i) => `${i.path}: ${i.message}`).join('; ')}`, {
          hint: 'this is a bug in generators/',
          exitCode: 70,
        });
      }
    }
    if (seeded !== undefined) for (const [key, value] of seeded) g.put(key, value);
    state?.apply(entry.eventType, (mod.mainKey === undefined ? payload : (payload as Record<string, unknown>)[mod.mainKey]) as Record<string, unknown>, time);
    ctx.now = time;
    ctx.seq = seq + 1;
    g.commit();
    return payload;
  } catch (e) {
    g.rollback();
    throw e;
  }
}

/** Every event type a provider has a generator for (all catalog events). */
export { listEvents } from '../contracts/catalog.ts';
