import { describe, expect, it } from 'vitest';
import { validate, formatIssues } from '../../contracts/index.ts';
import { listBuiltins, readScenario } from '../../scenarios/files.ts';
import { plan, type TimelineEntry } from '../../scenarios/index.ts';

/**
 * Every built-in scenario (discovered from scenarios/<provider>/*.yaml, not a hand list) is planned
 * for 50 seeds. Generic invariants hold for all; each built-in also has its own invariants (the
 * documented order, shared ids) in INVARIANTS below: a built-in without an entry fails.
 *
 * To add a built-in's invariants: add `'<name>': (instance, seed) => { … }`, called once per
 * instance (one session / call) with that instance's entries in timeline order.
 */

const SEEDS = Array.from({ length: 50 }, (_, i) => i + 1);
type T = readonly TimelineEntry[];

// ---- helpers for invariants ----

/** The body: mluvii's `data`, Enreach's flat payload. */
export function p(e: TimelineEntry): Record<string, unknown> {
  const body = e.provider === 'mluvii' ? (e.payload as { data: unknown }).data : e.payload;
  return body as Record<string, unknown>;
}
export function eventsOf(t: T, type: string | RegExp): TimelineEntry[] {
  return t.filter((e) => (typeof type === 'string' ? e.eventType === type : type.test(e.eventType)));
}
export function single(t: T, type: string): TimelineEntry {
  const hits = eventsOf(t, type);
  expect(hits, `exactly one ${type}`).toHaveLength(1);
  return hits[0] as TimelineEntry;
}
export function byEntity(t: T): Map<string, TimelineEntry[]> {
  const m = new Map<string, TimelineEntry[]>();
  for (const e of t) {
    const list = m.get(e.entityKey);
    if (list) list.push(e);
    else m.set(e.entityKey, [e]);
  }
  return m;
}
/** Every occurrence of each listed event type comes after every occurrence of the one before (types absent from t are skipped). */
export function assertOrder(t: T, types: readonly string[]): void {
  const present = types.filter((x) => t.some((e) => e.eventType === x));
  for (let i = 1; i < present.length; i++) {
    const a = present[i - 1] as string;
    const b = present[i] as string;
    const lastA = t.findLastIndex((e) => e.eventType === a);
    const firstB = t.findIndex((e) => e.eventType === b);
    expect(lastA, `${a} before ${b} in ${t.map((e) => e.eventType).join(' → ')}`).toBeLessThan(firstB);
  }
}
/** `a` comes before `b` (entries), by position and time. */
export function before(a: TimelineEntry, b: TimelineEntry, what = `${a.eventType} before ${b.eventType}`): void {
  expect(a.seq, what).toBeLessThan(b.seq);
  expect(a.at, what).toBeLessThanOrEqual(b.at);
}
const distinct = (xs: readonly unknown[]): number => new Set(xs).size;

/** The payload's own time (mluvii time/started/ended; Enreach Timestamp), ms. */
export function payloadTime(e: TimelineEntry): number | undefined {
  const b = p(e);
  const raw = e.provider === 'mluvii' ? (b['time'] ?? b['ended'] ?? b['started']) : b['Timestamp'];
  if (typeof raw !== 'string') return undefined;
  return Date.parse(e.provider === 'enreach' && !/Z|[+-]\d\d:\d\d$/.test(raw) ? `${raw}Z` : raw);
}

// ---- per-scenario invariants ----

function chatSession(t: T): void {
  expect(distinct(eventsOf(t, /^Session/).map((e) => e.entityKey)), 'one session id').toBe(1);
  assertOrder(t, ['SessionCreated', 'SessionStarted', 'SessionActivityWelcomeMessage', 'SessionOperatorJoined', 'SessionActivityChatMessage', 'SessionEnded', 'SessionOperatorLeft', 'SessionOperatorConcluded']);
  assertOrder(t, ['SessionEnded', 'SessionActivitySessionEnded', 'SessionOperatorConcluded']);
  const joined = single(t, 'SessionOperatorJoined');
  const op = p(joined)['userId'];
  for (const type of ['SessionOperatorLeft', 'SessionOperatorConcluded']) expect(p(single(t, type))['userId'], type).toBe(op);
  const messages = eventsOf(t, 'SessionActivityChatMessage').length;
  expect(messages).toBeGreaterThanOrEqual(3);
  expect(messages).toBeLessThanOrEqual(8);
  // Activity ids grow along the session (FACTS §3 B: consecutive within a session).
  const acts = eventsOf(t, /^SessionActivity/).map((e) => p(e)['activityId'] as number);
  for (let i = 1; i < acts.length; i++) expect(acts[i]).toBeGreaterThan(acts[i - 1] as number);
  expect(p(single(t, 'SessionActivitySessionEnded'))['terminationReason']).toBeTypeOf('string');
  expect(p(single(t, 'SessionEnded'))['started']).toBe(p(single(t, 'SessionStarted'))['started']);
  // The operator's status: BUSY while serving, ONLINE after the wrap-up, always the same user.
  const status = eventsOf(t, 'UserStatusChanged');
  expect(status.map((e) => p(e)['status'])).toEqual(['BUSY', 'ONLINE']);
  for (const s of status) expect(s.entityKey).toBe(`user:${String(op)}`);
  before(joined, status[0] as TimelineEntry);
  before(single(t, 'SessionOperatorConcluded'), status[1] as TimelineEntry);
}

function forwardedSession(t: T): void {
  expect(distinct(eventsOf(t, /^Session/).map((e) => e.entityKey)), 'one session id').toBe(1);
  const [joinedA, joinedB, extra] = eventsOf(t, 'SessionOperatorJoined');
  expect(extra).toBeUndefined();
  if (!joinedA || !joinedB) throw new Error('two SessionOperatorJoined expected');
  const a = p(joinedA)['userId'];
  const b = p(joinedB)['userId'];
  expect(a).not.toBe(b);
  const activity = single(t, 'SessionActivitySessionForwarded');
  const forwarded = single(t, 'SessionForwarded');
  const [concludedA, concludedB] = eventsOf(t, 'SessionOperatorConcluded');
  if (!concludedA || !concludedB) throw new Error('two SessionOperatorConcluded expected');
  const left = single(t, 'SessionOperatorLeft');
  const ended = single(t, 'SessionEnded');
  // FACTS §3 B: Joined(A) → forwarded (activity + event, same instant) → Concluded(A) → Joined(B) → … → Ended → Left(B) → Concluded(B).
  before(single(t, 'SessionStarted'), joinedA);
  before(joinedA, activity);
  before(activity, forwarded);
  expect(forwarded.at).toBe(activity.at);
  before(forwarded, concludedA);
  before(concludedA, joinedB);
  before(joinedB, ended);
  before(ended, left);
  before(left, concludedB);
  expect(p(activity)['userId']).toBe(a);
  expect(p(concludedA)['userId']).toBe(a);
  expect(p(left)['userId']).toBe(b);
  expect(p(concludedB)['userId']).toBe(b);
  const toOp = p(activity)['toOperatorUserId'];
  if (toOp !== null) {
    expect(toOp).toBe(b);
    expect(p(forwarded)['userId']).toBe(b);
    expect(p(forwarded)['operatorGroupId']).toBeNull();
  } else {
    expect(p(activity)['toGroupId']).toBeTypeOf('number');
    expect(p(forwarded)['operatorGroupId']).toBe(p(activity)['toGroupId']);
    expect(p(forwarded)['userId']).toBeNull();
  }
  const acts = eventsOf(t, /^SessionActivity/).map((e) => p(e)['activityId'] as number);
  for (let i = 1; i < acts.length; i++) expect(acts[i]).toBeGreaterThan(acts[i - 1] as number);
}

/** FACTS §3 Q1 (+ Q2 when a first agent misses the call). */
function queueCallAnswered(t: T): void {
  const call = t.filter((e) => e.entityKey.startsWith('CallId:'));
  expect(distinct(call.map((e) => e.entityKey)), 'one CallId for the whole call').toBe(1);
  const callId = p(call[0] as TimelineEntry)['CallId'];
  for (const e of eventsOf(t, /^UserWrapUp/)) expect(p(e)['CallId'], `${e.eventType} CallId`).toBe(callId);
  expect(distinct(t.filter((e) => e.eventType.startsWith('Queue')).map((e) => p(e)['QueueId'])), 'one queue').toBe(1);
  assertOrder(t, ['QueueCallInComing', 'QueueCallInIvrSelection', 'QueueCallInArrived', 'QueueCallBlockingPromptStarted', 'QueueCallInUserConnected', 'UserWrapUpEnabled', 'UserWrapUpStarted', 'UserWrapUpTerminated']);
  assertOrder(t, ['QueueCallInArrived', 'QueueCallInUserAllocated', 'QueueCallInUserConnected', 'QueueCallInRecording', 'QueueCallInDisconnected']);
  const connected = single(t, 'QueueCallInUserConnected');
  const disconnected = single(t, 'QueueCallInDisconnected');
  // Enreach: wrap-up starts only after the call disconnects (the doc's WrapUp order).
  before(disconnected, single(t, 'UserWrapUpStarted'), 'UserWrapUpStarted after QueueCallInDisconnected');
  before(connected, single(t, 'UserWrapUpEnabled'), 'UserWrapUpEnabled after connect');
  // One call = one CallId, a new LegId per allocation (FACTS E14).
  const allocations = eventsOf(t, 'QueueCallInUserAllocated');
  expect(allocations.length).toBeGreaterThanOrEqual(1);
  expect(allocations.length).toBeLessThanOrEqual(2);
  expect(distinct(allocations.map((e) => p(e)['LegId'])), 'a new LegId per allocation').toBe(allocations.length);
  const last = allocations[allocations.length - 1] as TimelineEntry;
  expect(p(connected)['UserId']).toBe(p(last)['UserId']);
  expect(p(connected)['LegId']).toBe(p(last)['LegId']);
  if (allocations.length === 2) {
    const cancelled = single(t, 'QueueCallInUserCancelled');
    before(allocations[0] as TimelineEntry, cancelled);
    before(cancelled, last);
    expect(p(cancelled)['UserId']).toBe(p(allocations[0] as TimelineEntry)['UserId']);
    expect(p(cancelled)['UserId']).not.toBe(p(last)['UserId']);
  } else expect(eventsOf(t, 'QueueCallInUserCancelled')).toHaveLength(0);
  // The agent's User events are about the agent who answered.
  const agent = p(connected)['UserId'];
  for (const e of eventsOf(t, /^User/)) expect(e.entityKey, e.eventType).toBe(`UserId:${String(agent)}`);
  const [talking, free] = eventsOf(t, 'UserStatus');
  if (!talking || !free) throw new Error('two UserStatus expected');
  expect(p(talking)['Talking']).toBe(true);
  expect(p(free)['Talking']).toBe(false);
  before(single(t, 'UserWrapUpTerminated'), free);
  expect(p(free)['WrapUpEnd']).toBe(p(single(t, 'UserWrapUpTerminated'))['Timestamp']);
  before(disconnected, single(t, 'QueueUserCallRecorded'));
  before(single(t, 'QueueUserCallRecorded'), single(t, 'QueueCallTranscribed'));
}

/** FACTS §3 Q5. */
function callbackRequest(t: T): void {
  const callbackIds = eventsOf(t, /^Callback(Changed|User|CallTranscribed)|^QueueCallInCallbackCreated$/).map((e) => p(e)['CallBackId']);
  expect(distinct(callbackIds), 'one CallBackId').toBe(1);
  const original = eventsOf(t, /^QueueCallIn(Coming|Arrived|Disconnected)$/);
  expect(distinct(original.map((e) => e.entityKey)), 'the original call keeps one CallId').toBe(1);
  const originalCallId = p(original[0] as TimelineEntry)['CallId'];
  expect(p(single(t, 'QueueCallInCallbackCreated'))['CallId']).toBe(originalCallId);
  const callOut = eventsOf(t, /^CallbackUserCall/);
  expect(distinct(callOut.map((e) => p(e)['CallId'])), 'the callback is one new call').toBe(1);
  expect(p(callOut[0] as TimelineEntry)['CallId']).not.toBe(originalCallId);
  assertOrder(t, ['QueueCallInComing', 'QueueCallInArrived', 'QueueCallInCallbackCreated', 'QueueCallInDisconnected', 'CallbackListStatus', 'CallbackUserCallOutGoing', 'CallbackUserCallOutConnected', 'CallbackUserCallOutDisconnected', 'CallbackUserCallRecorded', 'CallbackCallTranscribed']);
  const changes = eventsOf(t, 'CallbackChanged');
  expect(changes).toHaveLength(3);
  const [created, assigned, closed] = changes as [TimelineEntry, TimelineEntry, TimelineEntry];
  before(single(t, 'QueueCallInCallbackCreated'), created);
  before(created, single(t, 'QueueCallInDisconnected'));
  expect([p(created)['Created'], p(created)['IsClosed']]).toEqual([true, false]);
  before(single(t, 'CallbackListStatus'), assigned);
  before(assigned, single(t, 'CallbackUserCallOutGoing'));
  expect(p(assigned)['IsClosed']).toBe(false);
  before(single(t, 'CallbackUserCallRecorded'), closed);
  expect(p(closed)['IsClosed']).toBe(true);
  const agent = p(assigned)['AssignedUserId'];
  for (const e of callOut) expect(p(e)['UserId'], e.eventType).toBe(agent);
  expect(distinct(eventsOf(t, /^Callback/).map((e) => p(e)['CallListId'])), 'one call list').toBe(1);
}

const INVARIANTS: Record<string, (instance: T, seed: number) => void> = {
  'chat-session': chatSession,
  'forwarded-session': forwardedSession,
  'queue-call-answered': queueCallAnswered,
  'callback-request': callbackRequest,
  // Every instance is a queue-call-answered call; plus instance-level checks in the test below.
  'queue-load': queueCallAnswered,
};

/** Checks that hold for every timeline (plain checks: this runs for every entry of 50 plans). */
function genericInvariants(t: T, name: string, seed: number): void {
  const fail = (e: TimelineEntry, what: string): never => {
    throw new Error(`${name} seed ${seed} #${e.seq} ${e.step} (${e.eventType}, ${e.entityKey}): ${what}`);
  };
  const lastAt = new Map<string, number>();
  const lastTime = new Map<string, number>();
  t.forEach((e, i) => {
    if (e.seq !== i) fail(e, `seq ${e.seq} at position ${i}`);
    if (e.scenario !== name) fail(e, `scenario ${e.scenario}`);
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
  const m = new Map<number, TimelineEntry[]>();
  for (const e of t) {
    const list = m.get(e.instance);
    if (list) list.push(e);
    else m.set(e.instance, [e]);
  }
  return [...m.values()];
}

const builtins = listBuiltins();

describe('built-in scenarios', () => {
  it('are discovered from scenarios/<provider>/*.yaml, each named like its file, with a cited order', async () => {
    expect(builtins.length).toBeGreaterThanOrEqual(5);
    const { readFileSync } = await import('node:fs');
    for (const b of builtins) {
      const sc = readScenario(b.file);
      expect(sc.name).toBe(b.name);
      expect(sc.provider).toBe(b.provider);
      expect(readFileSync(b.path, 'utf8'), `${b.file} cites FACTS.md §3`).toMatch(/FACTS\.md §3/);
    }
  });

  it('each have per-scenario invariants', () => {
    const missing = builtins.map((b) => b.name).filter((n) => !INVARIANTS[n]);
    expect(missing, 'add invariants for these built-ins to INVARIANTS').toEqual([]);
  });

  for (const b of builtins) {
    it(`${b.provider}/${b.name} plans for 50 seeds: schema-valid payloads, ordered times, its invariants`, () => {
      const sc = readScenario(b.file);
      const check = INVARIANTS[b.name];
      if (!check) throw new Error(`no invariants for ${b.name}`);
      for (const seed of SEEDS) {
        // The test validates every payload itself, so the engine's own check is off here.
        const t = [...plan(sc, { seed, validate: false })];
        expect(t.length).toBeGreaterThan(0);
        genericInvariants(t, b.name, seed);
        for (const inst of instances(t)) {
          try {
            check(inst, seed);
          } catch (e) {
            (e as Error).message = `${b.name} seed ${seed} instance ${inst[0]?.instance}: ${(e as Error).message}`;
            throw e;
          }
        }
      }
    }, 180_000);
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
    expect(twice.length).toBeGreaterThan(3);
    expect(twice.length).toBeLessThan(30);
  });

  it('queue-load runs its sessions as independent calls with their own CallIds, arriving over time', () => {
    const t = [...plan(readScenario('queue-load'), { seed: 3 })];
    const calls = instances(t);
    expect(calls).toHaveLength(200);
    const callIds = calls.map((c) => c.find((e) => e.eventType === 'QueueCallInComing')?.entityKey);
    expect(new Set(callIds).size).toBe(200);
    const starts = calls.map((c) => (c[0] as TimelineEntry).at).sort((a, b) => a - b);
    // Poisson arrivals at 2/s: 200 calls take roughly 100 s.
    expect(starts[199]).toBeGreaterThan(60_000);
    expect(starts[199]).toBeLessThan(150_000);
    expect(new Set(t.map((e) => e.step.split('.')[0]))).toEqual(new Set(['call']));
  });
});
