/**
 * The scenario engine: YAML scenarios → a timeline of schema-valid payloads. Pure (no I/O, no
 * clock); `scenarios/files.ts` reads files and finds built-ins. Language: scenarios/README.md.
 */
import { createContext, createState, createWorld, generate, type World } from '../generators/index.ts';
import type { Scenario } from './engine/ast.ts';
import { loadYaml } from './engine/load.ts';
import { DEFAULT_START, planScenarios, type GeneratorApi, type PlanOptions, type Timeline } from './engine/plan.ts';
import { resolveScenario, type ResolveOptions } from './engine/resolve.ts';
import { CODES, scenarioError } from './engine/errors.ts';

export type { Scenario, StepNode, EventNode, WaitNode } from './engine/ast.ts';
export type { TimelineEntry } from './engine/timeline.ts';
export type { GeneratorApi, PlanOptions, PlanStats, Timeline } from './engine/plan.ts';
export type { ValidationMode } from './engine/validation.ts';
export type { LoadedSource } from './engine/load.ts';
export { DEFAULT_START, planScenarios, entityKeyOf } from './engine/plan.ts';
export { loadYaml } from './engine/load.ts';
export { resolveScenario } from './engine/resolve.ts';
export { checkSchema, SCENARIO_SCHEMA } from './engine/schema.ts';
export { parseDuration, formatOffset } from './engine/duration.ts';
export { CODES as SCENARIO_ERROR_CODES } from './engine/errors.ts';

/** The real generators (generators/), in the shape the planner needs. */
export const generators: GeneratorApi = {
  // The planner passes validate: false itself (it checks what its ValidationSampler picks).
  generate: (provider, eventType, opts) => generate(provider, eventType, opts as Parameters<typeof generate>[2]),
  createWorld: (provider, opts) => createWorld(provider, opts),
  createContext: (provider, init) => createContext(provider, init),
  createState: (world, opts) => createState(world as World, opts),
};

export interface SourceOptions {
  /** Loads included scenarios; without it an `include:` is an error (use scenarios/files.ts for files). */
  load?: ResolveOptions['load'];
  sets?: readonly string[];
  skips?: readonly string[];
}

/** Parses, checks and resolves one scenario from its YAML text (no I/O). */
export function loadScenario(text: string, file: string, opts: SourceOptions = {}): Scenario {
  const load: ResolveOptions['load'] =
    opts.load ??
    ((ref, _from, where) => {
      throw scenarioError(CODES.unknownScenario, `cannot include "${ref}": no loader given`, { where, hint: 'use readScenario() from scenarios/files.ts, which reads includes from disk' });
    });
  return resolveScenario(loadYaml(text, file), { load, sets: opts.sets ?? [], skips: opts.skips ?? [] });
}

/**
 * Plans one or several resolved scenarios into one timeline, ordered by time: deterministic for
 * (seed, startTime); lazy, so `sessions: 10000` streams. Bad overrides throw here, before planning.
 */
export function plan(scenarios: Scenario | readonly Scenario[], opts: PlanOptions = {}): Timeline {
  const list = Array.isArray(scenarios) ? (scenarios as readonly Scenario[]) : [scenarios as Scenario];
  return planScenarios(list, { ...opts, generators });
}

/** Same as plan() with a list: the "several scenarios in one run" form. */
export const planAll = (scenarios: readonly Scenario[], opts: PlanOptions = {}): Timeline => plan(scenarios, opts);

/**
 * plan() that also hands back the worlds the timeline draws from (created while planning starts,
 * so they are complete when this returns) and its start time: what the mock's read side needs
 * to answer for the sessions the timeline plays (generators/mluvii/records.ts).
 */
export function planWithWorlds(
  scenarios: Scenario | readonly Scenario[],
  opts: PlanOptions & { generators?: GeneratorApi } = {},
): { timeline: Timeline; worlds: unknown[]; startTime: number } {
  const list = Array.isArray(scenarios) ? (scenarios as readonly Scenario[]) : [scenarios as Scenario];
  const base = opts.generators ?? generators;
  const worlds: unknown[] = [];
  const capturing: GeneratorApi = {
    ...base,
    createWorld: (provider, o) => {
      const w = base.createWorld(provider, o);
      worlds.push(w);
      return w;
    },
  };
  const startTime = opts.startTime ?? DEFAULT_START;
  return { timeline: planScenarios(list, { ...opts, startTime, generators: capturing }), worlds, startTime };
}
