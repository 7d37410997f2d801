/**
 * Which planned payloads are checked against their event schema.
 *
 * Every generator is proven by the contract tests (test/contract/generate.test.ts: each of the 129
 * events x 100 seeds against the strict schemas; test/scenarios: every built-in scenario planned
 * with every payload checked), and a literal `set:` override is
 * checked when the scenario loads (plan.ts checkOverrides), so what a check while planning can
 * still catch is a value the scenario computes per session: a `${reference}` in `set:` or
 * `context:` that gives the wrong type for one session but not another. `sample` keeps the
 * checks that catch those and drops the rest:
 * - every payload of a step whose `set:` holds a reference (its values change per session);
 * - the first SAMPLE.first payloads of every other step (a bad context reference shows at once:
 *   it is the same expression in every session), then one in SAMPLE.every, spread over the run.
 * Checking is about a tenth of planning's time (bench/README.md "Planning"), so `sample` is the
 * default of `provider-mock run` (its --validate says so), and `true` (all) stays the default
 * of the library, `plan`, `validate` and the tests.
 */
import type { EventNode } from './ast.ts';

export type ValidationMode = boolean | 'sample';

export const SAMPLE = { first: 16, every: 32 } as const;

export class ValidationSampler {
  readonly #mode: ValidationMode;
  readonly #stats: { validated: number };
  /** Payloads planned so far per step (the node, shared by every session of its scenario). */
  #seen = new WeakMap<EventNode, number>();
  readonly #always = new WeakMap<EventNode, boolean>();

  constructor(mode: ValidationMode, stats: { validated: number }) {
    this.#mode = mode;
    this.#stats = stats;
  }

  /** A new pass over the plan counts from the start again (same choices, same plan). */
  reset(): void {
    this.#seen = new WeakMap();
  }

  /** Whether this payload of `node` is checked; counted in the plan's stats when it is. */
  wants(node: EventNode): boolean {
    if (this.#mode === false) return false;
    if (this.#mode === 'sample' && !this.#dynamic(node)) {
      const n = this.#seen.get(node) ?? 0;
      this.#seen.set(node, n + 1);
      if (n >= SAMPLE.first && (n - SAMPLE.first) % SAMPLE.every !== SAMPLE.every - 1) return false;
    }
    this.#stats.validated++;
    return true;
  }

  #dynamic(node: EventNode): boolean {
    let d = this.#always.get(node);
    if (d === undefined) {
      d = node.set.some((op) => op.value.k !== 'lit');
      this.#always.set(node, d);
    }
    return d;
  }
}
