import { describe, expect, it } from 'vitest';
import { validate, formatIssues } from '../../contracts/index.ts';
import { listBuiltins, readScenario } from '../../scenarios/files.ts';
import { plan, type TimelineEntry } from '../../scenarios/index.ts';
import type { EnreachWorld, MluviiWorld } from '../../generators/index.ts';
import { p, payloadTime, type Invariant, type T } from '../helpers/timeline.ts';
import { planWithWorlds } from '../helpers/world-replay.ts';
import { ENREACH_INVARIANTS } from './invariants/enreach.ts';
import { MLUVII_INVARIANTS } from './invariants/mluvii.ts';
import { enreachWorldInvariants, mluviiWorldInvariants } from './invariants/world.ts';

/**
 * Every built-in scenario (discovered from scenarios/<provider>/*.yaml, not a hand list) is planned
 * for 20 seeds. Generic invariants hold for all; the world invariants (invariants/world.ts: one
 * call per agent, statuses that follow from the timeline, per-call values, unique ids) hold for
 * the whole timeline; each built-in (each part of a built-in of parts, `<name>/<part>`) also has
 * its own invariants (the documented order, shared ids) in INVARIANTS below: one without an entry fails.
 *
 * To add a built-in's invariants: add `'<name>': (instance, seed) => { … }`, called once per
 * instance (one session / call) with that instance's entries in timeline order.
 */

const SEEDS = Array.from({ length: 20 }, (_, i) => i + 1);

const INVARIANTS: Record<string, Invariant> = { ...MLUVII_INVARIANTS, ...ENREACH_INVARIANTS };

/** Checks that hold for every timeline (plain checks: this runs for every entry of 50 plans). */
function genericInvariants(t: T, name: string, seed: number): void {
  const fail = (e: TimelineEntry, what: string): never => {
    throw new Error(`${name} seed ${seed} #${e.seq} ${e.step} (${e.eventType}, ${e.entityKey}): ${what}`);
  };
  const lastAt = new Map<string, number>();
  const lastTime = new Map<string, number>();
  t.forEach((e, i) => {
    if (e.seq !== i) fail(e, `seq ${e.seq} at position ${i}`);
    if (e.scenario !== name && !e.scenario.startsWith(`${name}/`)) fail(e, `scenario ${e.scenario}`);
    if (!/^[A-Za-z]+:.+/.test(e.entityKey)) fail(e, 'empty entityKey');
    if (i > 0 && e.at < (t[i - 1] as TimelineEntry).at) fail(e, 'at goes back in the timeline');
    const r = validate(e.payload, { provider: e.provider, eventType: e.eventType });
    if (!r.valid) fail(e, `invalid payload: ${formatIssues(r.errors).join('; ')}`);
    if (e.at < (lastAt.get(e.entityKey) ?? 0)) fail(e, 'at goes back within the entity');
    lastAt.set(e.entityKey, e.at);
    // Date.parse keeps milliseconds; the sub-millisecond digits both providers print come from the instant itself.
    const pt = payloadTime(e);
    if (pt !== undefined) {
      if (Number.isNaN(pt)) fail(e, 'unreadable payload time');
      if (pt < (lastTime.get(e.entityKey) ?? 0)) fail(e, 'payload time goes back within the entity');
      if (e.provider === 'mluvii' && pt !== Date.UTC(2024, 4, 6, 13) + e.at && (p(e)['time'] !== undefined)) fail(e, `payload time ${String(p(e)['time'])} is not start + at`);
      lastTime.set(e.entityKey, pt);
    }
  });
}

function instances(t: T): T[] {
  const m = new Map<string, TimelineEntry[]>();
  for (const e of t) {
    const key = `${e.scenario}#${e.instance}`;
    const list = m.get(key);
    if (list) list.push(e);
    else m.set(key, [e]);
  }
  return [...m.values()];
}

const builtins = listBuiltins();
/** The names invariants are kept under: each built-in, or each of its parts. */
const invariantNames = (file: string): string[] => {
  const sc = readScenario(file);
  return sc.parts ? sc.parts.map((x) => x.name) : [sc.name];
};

describe('built-in scenarios', () => {
  it('are discovered from scenarios/<provider>/*.yaml, each named like its file, with a cited order', async () => {
    expect(builtins.length).toBeGreaterThanOrEqual(5);
    const { readFileSync } = await import('node:fs');
    for (const b of builtins) {
      const sc = readScenario(b.file);
      expect(sc.name).toBe(b.name);
      expect(sc.provider).toBe(b.provider);
      expect(readFileSync(b.path, 'utf8'), `${b.file} cites docs/providers.md §3`).toMatch(/docs\/providers\.md §3/);
    }
  });

  it('each have per-scenario invariants', () => {
    const missing = builtins.flatMap((b) => invariantNames(b.file)).filter((n) => !INVARIANTS[n]);
    expect(missing, 'add invariants for these built-ins to INVARIANTS').toEqual([]);
  });

  for (const b of builtins) {
    it(`${b.provider}/${b.name} plans for 20 seeds: schema-valid payloads, ordered times, the world's invariants and its own`, () => {
      const sc = readScenario(b.file);
      for (const seed of SEEDS) {
        // The test validates every payload itself, so the engine's own check is off here.
        const { t, worlds } = planWithWorlds(sc, seed);
        expect(t.length).toBeGreaterThan(0);
        genericInvariants(t, b.name, seed);
        try {
          if (b.provider === 'enreach') enreachWorldInvariants(t, worlds[0] as EnreachWorld, sc);
          else mluviiWorldInvariants(t, worlds[0] as MluviiWorld, sc);
        } catch (e) {
          (e as Error).message = `${b.name} seed ${seed} (the world): ${(e as Error).message}`;
          throw e;
        }
        for (const inst of instances(t)) {
          const name = (inst[0] as TimelineEntry).scenario;
          const check = INVARIANTS[name];
          if (!check) throw new Error(`no invariants for ${name}`);
          try {
            check(inst, seed);
          } catch (e) {
            (e as Error).message = `${name} seed ${seed} instance ${inst[0]?.instance}: ${(e as Error).message}`;
            throw e;
          }
        }
      }
    }, 300_000);
  }

  it('plan the same timeline for the same seed, and a different one for another seed', () => {
    for (const b of builtins) {
      const sc = readScenario(b.file);
      const once = JSON.stringify([...plan(sc, { seed: 42 })]);
      expect(JSON.stringify([...plan(readScenario(b.file), { seed: 42 })]), b.name).toBe(once);
      expect(JSON.stringify([...plan(sc, { seed: 43 })]), b.name).not.toBe(once);
    }
  });

  it('forwarded-session takes both branches (to an operator, to a group) across seeds', () => {
    const sc = readScenario('forwarded-session');
    const kinds = new Set(SEEDS.map((seed) => ([...plan(sc, { seed })].find((e) => e.eventType === 'SessionActivitySessionForwarded')?.step ?? '')));
    expect(kinds).toEqual(new Set(['toOperatorActivity', 'toGroupActivity']));
  });

  it('queue-call-answered sometimes re-allocates the call to a second agent (new leg, same CallId)', () => {
    const sc = readScenario('queue-call-answered');
    const twice = SEEDS.filter((seed) => [...plan(sc, { seed })].filter((e) => e.eventType === 'QueueCallInUserAllocated').length === 2);
    expect(twice.length).toBeGreaterThan(1);
    expect(twice.length).toBeLessThan(12);
  });

  it('queue-load runs its sessions as independent calls with their own CallIds, arriving over time, one call per agent at a time', () => {
    const t = [...plan(readScenario('queue-load'), { seed: 3 })];
    const calls = instances(t);
    expect(calls).toHaveLength(200);
    const callIds = calls.map((c) => c.find((e) => e.eventType === 'QueueCallInComing')?.entityKey);
    expect(new Set(callIds).size).toBe(200);
    const starts = calls.map((c) => (c[0] as TimelineEntry).at).sort((a, b) => a - b);
    // Poisson arrivals at 4 a minute: 200 calls take roughly 50 minutes.
    expect(starts[199]).toBeGreaterThan(35 * 60_000);
    expect(starts[199]).toBeLessThan(70 * 60_000);
    expect(new Set(t.map((e) => e.step.split('.')[0]))).toEqual(new Set(['call']));
    // More calls than agents at times: some callers wait for a free agent, some give up.
    const answered = calls.filter((c) => c.some((e) => e.eventType === 'QueueCallInUserConnected')).length;
    expect(answered).toBeGreaterThan(100);
    expect(calls.some((c) => c.some((e) => e.step.endsWith('gaveUp')))).toBe(true);
  });
});
