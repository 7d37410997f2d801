import { expect } from 'vitest';
import { assertOrder, before, distinct, eventsOf, p, single, type Invariant, type T } from '../../helpers/timeline.ts';
import type { TimelineEntry } from '../../../scenarios/index.ts';

/**
 * Invariants of the Enreach built-ins: one entry per scenarios/enreach/*.yaml (per part of one with
 * parts), called once per instance (one call, one user, one queue) with its entries in timeline
 * order. Every Enreach order is an inference (docs/providers.md §3 Q1-Q7); what is checked here is
 * what the scenarios state. Agents come from the run's world state (a wait), so which agent takes
 * a call, and whether a caller waits, gives up or overflows, depends on the other calls: the
 * checks follow the outcome the timeline shows. The status values themselves are checked against
 * the whole timeline in invariants/world.ts.
 *
 * In a built-in whose calls share the agents (contact-centre-day, `shared` below), a status event
 * is sent only when it changed, so one instance's status steps may be missing.
 */
let shared = false;

/** Runs an instance's invariant as part of a run whose calls share the agents. */
const inSharedRun =
  (check: Invariant): Invariant =>
  (t, seed) => {
    shared = true;
    try {
      check(t, seed);
    } finally {
      shared = false;
    }
  };

/** The part of a built-in an instance belongs to, by its step names (`calls.queueCall.incoming` → queueCall). */
function dispatch(table: Record<string, Invariant>, inShared = true): Invariant {
  return (t, seed) => {
    const kind = (t[0] as TimelineEntry).step.split('.')[1] ?? '';
    const check = table[kind];
    if (!check) throw new Error(`no invariants for ${(t[0] as TimelineEntry).scenario} ${kind}`);
    (inShared ? inSharedRun(check) : check)(t, seed);
  };
}

type E = TimelineEntry;

const MAX_DATETIME = '9999-12-31T23:59:59.9999999';

const at = (t: T, i: number): E => {
  const e = t[i];
  if (!e) throw new Error(`no entry #${i}`);
  return e;
};
const first = (t: T, type: string | RegExp): E => at(eventsOf(t, type), 0);
const last = (t: T, type: string | RegExp): E => {
  const hits = eventsOf(t, type);
  return at(hits, hits.length - 1);
};
const str = (e: E, key: string): string => {
  const v = p(e)[key];
  if (typeof v !== 'string') throw new Error(`${e.eventType}.${key} is not a string: ${JSON.stringify(v)}`);
  return v;
};
/** Enreach DateTimes without Z are UTC too (docs/providers.md §2 E10). */
const ms = (s: string): number => Date.parse(/Z$/.test(s) ? s : `${s}Z`);

/** The events keyed by CallId (the Queue/User/Callback call events) all name one call. */
function oneCall(t: T, type: RegExp = /./): string {
  const calls = t.filter((e) => e.entityKey.startsWith('CallId:') && type.test(e.eventType));
  expect(calls.length, 'call events').toBeGreaterThan(0);
  expect(distinct(calls.map((e) => e.entityKey)), 'one CallId for the whole call (docs/providers.md E14)').toBe(1);
  const withId = t.filter((e) => typeof p(e)['CallId'] === 'string' && type.test(e.eventType));
  expect(distinct(withId.map((e) => p(e)['CallId'])), 'every CallId of the call').toBe(1);
  return str(at(calls, 0), 'CallId');
}

/** A user's UserName / Username (the casing differs by event, docs/providers.md E11) is the same everywhere. */
function namesAgree(t: T): void {
  const names = new Map<string, string>();
  for (const e of t) {
    const b = p(e);
    const id = b['UserId'];
    const name = b['UserName'] ?? b['Username'];
    if (typeof id !== 'string' || typeof name !== 'string') continue;
    const known = names.get(id);
    if (known === undefined) names.set(id, name);
    else expect(name, `${e.eventType} name of ${id}`).toBe(known);
  }
}

/**
 * The agent's wrap-up of an answered service call: Enabled after the connect, Started after the
 * disconnect, Terminated within MaxWrapUpDurationSec, its ElapsedTimeSec the time it was on
 * (Reason "timer" when the maximum was reached, else "manual"); all about the connected leg.
 */
function wrapUp(t: T, connected: E, disconnected: E): void {
  const enabled = single(t, 'UserWrapUpEnabled');
  const started = single(t, 'UserWrapUpStarted');
  const ended = single(t, 'UserWrapUpTerminated');
  before(connected, enabled, 'UserWrapUpEnabled after the connect');
  before(disconnected, started, 'UserWrapUpStarted only after the disconnect');
  before(started, ended);
  for (const e of [enabled, started, ended]) {
    for (const k of ['CallId', 'LegId', 'UserId', 'QueueId']) expect(p(e)[k], `${e.eventType}.${k}`).toBe(p(connected)[k]);
    expect(e.entityKey).toBe(`UserId:${str(connected, 'UserId')}`);
  }
  const max = p(started)['MaxWrapUpDurationSec'] as number;
  expect(p(enabled)['MaxWrapUpDurationSec']).toBe(max);
  const gap = ended.at - started.at;
  expect(gap, 'wrap-up within MaxWrapUpDurationSec').toBeLessThanOrEqual(max * 1000);
  const elapsed = p(ended)['ElapsedTimeSec'];
  expect(elapsed, 'ElapsedTimeSec is the time the wrap-up was on').toBe(Math.round(gap / 1000));
  expect(p(ended)['Reason']).toBe(elapsed === max ? 'timer' : 'manual');
}



/** A caller who gave up waiting: the last queue event is the caller's hang-up, no agent talked. */
function gaveUp(t: T, incoming: E): boolean {
  const connected = eventsOf(t, 'QueueCallInUserConnected');
  const disconnected = eventsOf(t, 'QueueCallInDisconnected');
  if (connected.length || !t.some((e) => /gaveUp/.test(e.step))) return false;
  const end = single(t, 'QueueCallInDisconnected');
  expect(p(end)).toMatchObject({ Reason: 'remote', LegId: p(incoming)['LegId'] });
  expect(disconnected).toHaveLength(1);
  expect(eventsOf(t, /^UserWrapUp/), 'no wrap-up without a talk').toHaveLength(0);
  // Offers before the hang-up (a missed first one) are cancelled.
  expect(eventsOf(t, 'QueueCallInUserCancelled')).toHaveLength(eventsOf(t, 'QueueCallInUserAllocated').length);
  return true;
}

/** The closed queue's flow (flows/closed.yaml, §3 Q3 last line): no call in, the schedule overflows it, then a transfer or the closed message. */
function closedCall(t: T): boolean {
  const closed = eventsOf(t, 'QueueCallInScheduleClosed');
  if (!closed.length) return false;
  expect(eventsOf(t, /^QueueCallIn(Arrived|UserAllocated|UserConnected)$/), 'a closed queue takes no call in').toHaveLength(0);
  expect(eventsOf(t, /^User/)).toHaveLength(0);
  const c = single(t, 'QueueCallInScheduleClosed');
  const overflow = single(t, 'QueueCallInOverflow');
  const disconnected = single(t, 'QueueCallInDisconnected');
  before(single(t, 'QueueCallInComing'), c);
  before(c, overflow);
  expect(last(t, /./), 'the disconnect ends the call').toBe(disconnected);
  const type = p(overflow)['OverflowType'];
  expect(['ServiceOpen', 'AdHoc_1']).toContain(type);
  expect(p(c)['OverflowReason']).toBe(type === 'ServiceOpen' ? 'ServiceClosed' : 'ExceptionalClosure');
  expect(p(overflow)['OverflowReason']).toBe(p(c)['OverflowReason']);
  expect(p(overflow)['OverflowApplet']).toBe(p(c)['OverflowApplet']);
  const transfers = eventsOf(t, 'QueueCallInTransferStarted');
  const prompts = eventsOf(t, 'QueueCallBlockingPromptStarted').filter((e) => e.seq > overflow.seq);
  expect(transfers.length + prompts.length, 'either a transfer or the closed message').toBe(1);
  if (transfers.length === 1) {
    const started = at(transfers, 0);
    const outcome = eventsOf(t, /^QueueCallInTransfer(Connected|Cancelled)$/);
    expect(outcome).toHaveLength(1);
    before(started, at(outcome, 0));
    before(at(outcome, 0), disconnected);
    expect(p(started)['TransferTarget']).toMatch(/^\+\d+$/);
    expect(p(started)['TechType'], 'a transfer to a number').toBe('Number');
    if (at(outcome, 0).eventType === 'QueueCallInTransferConnected') expect(p(at(outcome, 0))['ConnectedTarget']).toBe(p(started)['TransferTarget']);
    else expect(p(disconnected)['Reason']).toBe('remote');
  } else {
    expect(p(at(prompts, 0))['Reason']).toBe('ServiceClosed');
    expect(p(disconnected)['Reason'], 'the queue hangs up after the closed message').toBe('local');
  }
  return true;
}

/** The agent's part of an answered queue call (flows/answered.yaml): allocated, connected, wrap-up, statuses, recording. */
function answeredByAgent(t: T, from: E): void {
  const part = t.filter((e) => e.seq >= from.seq);
  const connected = single(part, 'QueueCallInUserConnected');
  const disconnected = single(part, 'QueueCallInDisconnected');
  const allocated = last(part.filter((e) => e.seq < connected.seq), 'QueueCallInUserAllocated');
  expect(p(connected)['UserId']).toBe(p(allocated)['UserId']);
  expect(p(connected)['LegId']).toBe(p(allocated)['LegId']);
  assertOrder(part, ['QueueCallInUserAllocated', 'QueueCallInUserConnected', 'QueueCallInRecording', 'QueueCallInDisconnected', 'QueueUserCallRecorded', 'QueueCallTranscribed']);
  wrapUp(part, connected, disconnected);
  const agent = str(connected, 'UserId');
  for (const e of eventsOf(part, /^UserWrapUp/)) expect(e.entityKey, e.eventType).toBe(`UserId:${agent}`);
  // The agent's statuses as the call goes: ringing (Talking), on wrap-up (WrapUpStart), after it (no wrap-up).
  const statuses = eventsOf(part, 'UserStatus').filter((e) => e.entityKey === `UserId:${agent}`);
  const ringing = statuses.find((e) => /ringing$/.test(e.step));
  const onWrap = statuses.find((e) => /wrapUpStatus$/.test(e.step));
  const free = statuses.find((e) => /\.free$|^free$/.test(e.step));
  if (!shared) for (const x of [ringing, onWrap, free]) expect(x, 'the agent\'s UserStatus at each change').toBeDefined();
  if (ringing) expect(p(ringing)).toMatchObject({ Talking: true, CanBeAllocatedTo: false, ActiveQueueId: p(connected)['QueueId'] });
  if (onWrap) expect(ms(str(onWrap, 'WrapUpStart'))).toBe(ms(str(single(part, 'UserWrapUpStarted'), 'Timestamp')));
  if (free) expect(p(free)).toMatchObject({ WrapUpStart: null, WrapUpEnd: null });
  if (!shared && free) expect(p(free)).toMatchObject({ Talking: false, CanBeAllocatedTo: true });
  before(disconnected, single(part, 'QueueUserCallRecorded'));
}

/** docs/providers.md §3 Q1 (+ Q2 when a first agent misses the call): answered, or the caller gives up, or the queue is closed. */
function queueCallAnswered(t: T): void {
  const callId = oneCall(t);
  if (closedCall(t)) return;
  const incoming = single(t, 'QueueCallInComing');
  expect(distinct(t.filter((e) => e.eventType.startsWith('Queue')).map((e) => p(e)['QueueId'])), 'one queue').toBe(1);
  assertOrder(t, ['QueueCallInComing', 'QueueCallInIvrSelection', 'QueueCallInArrived', 'QueueCallBlockingPromptStarted']);
  const allocations = eventsOf(t, 'QueueCallInUserAllocated');
  expect(allocations.length).toBeLessThanOrEqual(2);
  expect(distinct(allocations.map((e) => p(e)['LegId'])), 'a new LegId per allocation (docs/providers.md E14)').toBe(allocations.length);
  expect(distinct(allocations.map((e) => p(e)['UserId'])), 'a new offer goes to another agent').toBe(allocations.length);
  for (const a of allocations) expect(p(a)['CallId']).toBe(callId);
  for (const c of eventsOf(t, 'QueueCallInUserCancelled')) {
    const offer = last(allocations.filter((a) => a.seq < c.seq), 'QueueCallInUserAllocated');
    expect(p(c)).toMatchObject({ UserId: p(offer)['UserId'], LegId: p(offer)['LegId'], Reason: 'local', DetailedReason: 'NoAnswer' });
  }
  if (gaveUp(t, incoming)) return;
  answeredByAgent(t, at(allocations, allocations.length - 1));
  expect(eventsOf(t, 'QueueCallInUserCancelled')).toHaveLength(allocations.length - 1);
  namesAgree(t);
}

/** docs/providers.md §3 Q2: 1-2 offers missed (ring timeout or reject), each to another agent, then answered (or the caller gives up). */
function agentNoAnswer(t: T): void {
  const callId = oneCall(t);
  const incoming = single(t, 'QueueCallInComing');
  assertOrder(t, ['QueueCallInComing', 'QueueCallInArrived', 'QueueCallInUserAllocated']);
  const allocations = eventsOf(t, 'QueueCallInUserAllocated');
  const cancels = eventsOf(t, 'QueueCallInUserCancelled');
  expect(allocations.length).toBeLessThanOrEqual(3);
  expect(distinct(allocations.map((e) => p(e)['LegId']))).toBe(allocations.length);
  expect(allocations.map((e) => p(e)['LegId'])).not.toContain(p(incoming)['LegId']);
  expect(distinct(allocations.map((e) => p(e)['UserId'])), 'a different agent each time').toBe(allocations.length);
  for (const e of [...allocations, ...cancels]) expect(p(e)['CallId']).toBe(callId);
  cancels.forEach((c, i) => {
    const offer = at(allocations, i);
    before(offer, c);
    expect(p(c)['UserId']).toBe(p(offer)['UserId']);
    expect(p(c)['LegId']).toBe(p(offer)['LegId']);
    expect([['local', 'NoAnswer'], ['remote', 'Rejected']]).toContainEqual([p(c)['Reason'], p(c)['DetailedReason']]);
    expect(c.at - offer.at, 'a ring: a rejection within seconds, a timeout within 15-30 s').toBeLessThanOrEqual(30_000);
    if (allocations[i + 1]) before(c, at(allocations, i + 1), 'the next offer after the cancel');
  });
  if (gaveUp(t, incoming)) return;
  expect(cancels.length, '1-2 missed offers, then the answered one').toBeGreaterThanOrEqual(1);
  expect(cancels).toHaveLength(allocations.length - 1);
  answeredByAgent(t, at(allocations, allocations.length - 1));
  namesAgree(t);
}

/** The caller in a busy queue (abandoned-in-queue/caller): hangs up waiting, or as an agent's phone rings. */
function abandonedInQueue(t: T): void {
  oneCall(t);
  expect(eventsOf(t, 'QueueCallInUserConnected'), 'no agent connected').toHaveLength(0);
  const incoming = single(t, 'QueueCallInComing');
  const disconnected = single(t, 'QueueCallInDisconnected');
  assertOrder(t, ['QueueCallInComing', 'QueueCallInArrived', 'QueueCallBlockingPromptStarted', 'QueueCallInUserAllocated', 'QueueCallInUserCancelled', 'QueueCallInDisconnected']);
  expect(last(t, /^QueueCallIn/), 'the disconnect ends the call').toBe(disconnected);
  expect(p(disconnected)).toMatchObject({ Reason: 'remote', LegId: p(incoming)['LegId'] });
  const offers = eventsOf(t, 'QueueCallInUserAllocated');
  expect(offers.length).toBeLessThanOrEqual(1);
  if (offers.length === 1) {
    const offer = at(offers, 0);
    const cancelled = single(t, 'QueueCallInUserCancelled');
    expect(p(cancelled)).toMatchObject({ Reason: 'remote', DetailedReason: 'CallerHangup', UserId: p(offer)['UserId'], LegId: p(offer)['LegId'] });
    expect(disconnected.at - cancelled.at).toBeLessThanOrEqual(500);
  } else expect(eventsOf(t, 'QueueCallInUserCancelled')).toHaveLength(0);
  expect(distinct(t.map((e) => p(e)['QueueId'])), 'one queue').toBe(1);
}

/** The call that overflows (overflow-transfer/caller, §3 Q3): onward to queue B, a number, or the caller gives up; answered in A if an agent got free first. */
function overflowTransfer(t: T): void {
  const callId = oneCall(t);
  const comings = eventsOf(t, 'QueueCallInComing');
  const queueA = str(at(comings, 0), 'QueueId');
  const overflows = eventsOf(t, 'QueueCallInOverflow');
  if (!overflows.length) {
    answeredByAgent(t, first(t, 'QueueCallInUserAllocated'));
    return;
  }
  const overflow = single(t, 'QueueCallInOverflow');
  expect(p(overflow)).toMatchObject({ OverflowType: 'QueueOverflowDefault', OverflowReason: 'MaxWaitTimeExceeded', QueueId: queueA });
  expect(eventsOf(t, 'QueueCallInUserAllocated').filter((e) => e.seq < overflow.seq), 'no agent in A before the overflow').toHaveLength(0);
  const started = single(t, 'QueueCallInTransferStarted');
  before(overflow, started);
  const outcome = eventsOf(t, /^QueueCallInTransfer(Connected|Cancelled)$/);
  expect(outcome).toHaveLength(1);
  const done = at(outcome, 0);
  for (const e of [overflow, started, done]) expect(p(e)['QueueId'], `${e.eventType} in queue A`).toBe(queueA);
  const target = str(started, 'TransferTarget');
  expect(p(started)['TransferApplet']).toBe(p(done)['TransferApplet']);
  if (done.eventType === 'QueueCallInTransferConnected') expect(p(done)['ConnectedTarget']).toBe(target);
  const disconnected = single(t, 'QueueCallInDisconnected');
  if (comings.length === 2) {
    const incomingB = at(comings, 1);
    expect(p(incomingB)).toMatchObject({ QueueId: target, CallId: callId });
    expect(p(started)['TechType']).toBe('Queue');
    before(done, incomingB);
    const connected = eventsOf(t, 'QueueCallInUserConnected');
    if (connected.length) answeredByAgent(t, first(t, 'QueueCallInUserAllocated'));
    else expect(p(disconnected)['Reason'], 'the caller gave up in B').toBe('remote');
    for (const e of t.filter((x) => x.seq >= incomingB.seq && x.eventType.startsWith('QueueCallIn'))) expect(p(e)['QueueId'], `${e.eventType} in queue B`).toBe(target);
  } else {
    expect(eventsOf(t, /^QueueCallIn(UserAllocated|UserConnected)$|^User/)).toHaveLength(0);
    expect(p(disconnected)['QueueId'], 'queue A still owns the call').toBe(queueA);
    if (done.eventType === 'QueueCallInTransferConnected') expect(target, 'a transfer to a number').toMatch(/^\+\d+$/);
    else expect(p(disconnected)['Reason'], 'the caller gives up').toBe('remote');
  }
}

/**
 * docs/providers.md §3 Q5 from the request on: created (Created, unassigned), then taken by a free
 * agent (assigned), each call back a new call by the agent who holds the request, the attempts
 * listed as they happen, closed once one reached the contact. A request nobody took before the
 * run ended stays open.
 */
function callbackHandled(t: T, originalCallId: unknown): void {
  const changes = eventsOf(t, 'CallbackChanged');
  expect(distinct(eventsOf(t, /^Callback|CallbackCreated$/).map((e) => p(e)['CallBackId']).filter((x) => x !== undefined)), 'one CallBackId').toBe(1);
  const created = at(changes, 0);
  expect(p(created)).toMatchObject({ Created: true, IsClosed: false, AssignedUserId: null, CallId: originalCallId });
  for (const c of changes.slice(1)) expect(p(c)['Created']).toBe(false);
  const outs = eventsOf(t, 'CallbackUserCallOutGoing');
  const ends = eventsOf(t, 'CallbackUserCallOutDisconnected');
  expect(outs.length).toBeLessThanOrEqual(2);
  expect(distinct(outs.map((e) => p(e)['CallId'])), 'each call back is a new call').toBe(outs.length);
  expect(outs.map((e) => p(e)['CallId'])).not.toContain(originalCallId);
  for (const o of outs) {
    // The call back shows the call list's number and dials the contact.
    expect(p(o)['TargetNumber']).toBe(p(created)['ContactNumber']);
    const taken = last(changes.filter((c) => c.seq < o.seq), 'CallbackChanged');
    expect(p(taken)['AssignedUserId'], 'the agent who holds the request calls').toBe(p(o)['UserId']);
  }
  const closing = changes.filter((c) => p(c)['IsClosed'] === true);
  expect(closing.length).toBeLessThanOrEqual(1);
  const closed = closing[0];
  if (!closed) return;
  expect(closed).toBe(at(changes, changes.length - 1));
  const attempts = p(closed)['CallbackAttempts'] as Record<string, unknown>[];
  expect(attempts.map((a) => a['CallId'])).toEqual(outs.map((e) => p(e)['CallId']));
  expect(attempts.map((a) => a['CallbackAttemptTypeId'])).toEqual(outs.length === 1 ? [1] : [2, 1]);
  attempts.forEach((a, i) => {
    expect(a['UserId']).toBe(p(at(outs, i))['UserId']);
    expect(a['Timestamp'], "the attempt's time is its hang-up").toBe(p(at(ends, i))['Timestamp']);
  });
  const lastAttempt = attempts[attempts.length - 1] as Record<string, unknown>;
  const converted = eventsOf(t, 'CallbackUserCallOutRecordingConverted').at(-1);
  if (converted) expect(lastAttempt['RecordingId']).toBe(p(converted)['RecordingId']);
  expect(p(closed)).toMatchObject({ LastAttemptUserId: lastAttempt['UserId'], LastAttemptTypeId: 1, LastAttemptTimestamp: lastAttempt['Timestamp'] });
  const connected = eventsOf(t, 'CallbackUserCallOutConnected');
  expect(connected, 'only the last call back reached the contact').toHaveLength(1);
  expect(p(at(connected, 0))['CallId']).toBe(p(at(outs, outs.length - 1))['CallId']);
  for (const tr of eventsOf(t, 'CallbackCallTranscribed').filter((e) => e.seq > closed.seq)) expect(p(tr)).toMatchObject({ CallId: lastAttempt['CallId'], TranscribeRecordingType: 'OutgoingCallListCall' });
  if (outs.length === 2) {
    const missLogged = changes.find((c) => c.seq > at(ends, 0).seq && c.seq < at(outs, 1).seq && p(c)['AssignedUserId'] === null);
    expect(missLogged, 'the missed attempt is logged and the request goes back to the list').toBeDefined();
  }
  expect(distinct(eventsOf(t, /^Callback/).map((e) => p(e)['CallListId'])), 'one call list').toBe(1);
}

/** docs/providers.md §3 Q5, the caller's own request: no overflow, CallbackChanged TypeId 1 (Explicit callback request). */
function callbackRequested(t: T): void {
  const original = eventsOf(t, /^QueueCallIn(Coming|Arrived|Disconnected)$/);
  expect(distinct(original.map((e) => e.entityKey)), 'the original call keeps one CallId').toBe(1);
  const originalCallId = p(at(original, 0))['CallId'];
  assertOrder(t, ['QueueCallInComing', 'QueueCallInArrived', 'QueueCallInCallbackCreated', 'QueueCallInDisconnected']);
  expect(p(single(t, 'QueueCallInCallbackCreated'))['CallId']).toBe(originalCallId);
  expect(eventsOf(t, 'QueueCallInOverflow'), 'the caller asked: no overflow').toHaveLength(0);
  for (const c of eventsOf(t, 'CallbackChanged')) expect(p(c)['TypeId'], 'TypeId 1 - Explicit callback request').toBe(1);
  callbackHandled(t, originalCallId);
}

/** The caller of overflow-to-callback: the queue overflows the call to its call list (TypeId 2), or an agent got free first. */
function overflowToCallback(t: T): void {
  const overflows = eventsOf(t, 'QueueCallInOverflow');
  if (!overflows.length) {
    answeredByAgent(t, first(t, 'QueueCallInUserAllocated'));
    return;
  }
  const overflow = single(t, 'QueueCallInOverflow');
  const created = single(t, 'QueueCallInCallbackCreated');
  before(single(t, 'QueueCallInArrived'), overflow);
  before(overflow, created);
  expect(created.at - overflow.at, 'the request is created as the call overflows').toBeLessThanOrEqual(1000);
  expect(p(overflow)).toMatchObject({ OverflowType: 'QueueOverflowDefault', OverflowReason: 'NoAvailableProviders', CallId: p(created)['CallId'], QueueId: p(created)['QueueId'] });
  before(overflow, single(t, 'QueueCallInDisconnected'));
  for (const c of eventsOf(t, 'CallbackChanged')) expect(p(c)['TypeId'], 'TypeId 2 - Overflown call').toBe(2);
  callbackHandled(t, p(created)['CallId']);
}

/** docs/providers.md §3 Q1 with the IVR: Comming → IvrSelection (1-2) → Arrived in the selected queue → answered (or the caller gives up). */
function ivrSelection(t: T): void {
  oneCall(t);
  const incoming = single(t, 'QueueCallInComing');
  const entry = str(incoming, 'QueueId');
  const selections = eventsOf(t, 'QueueCallInIvrSelection');
  expect(selections.length).toBeGreaterThanOrEqual(1);
  expect(selections.length).toBeLessThanOrEqual(2);
  if (selections.length === 2) expect(p(at(selections, 0))).toMatchObject({ EnteredValue: '', DetailedReason: 'Timeout' });
  expect(['1', '2']).toContain(p(at(selections, selections.length - 1))['EnteredValue']);
  for (const s of selections) expect(p(s)['QueueId'], 'the IVR is the entry queue').toBe(entry);
  const arrived = single(t, 'QueueCallInArrived');
  const selected = str(arrived, 'QueueId');
  expect(selected, 'the call arrives in the selected queue').not.toBe(entry);
  for (const e of t.filter((x) => x.seq >= arrived.seq && x.eventType.startsWith('Queue'))) expect(p(e)['QueueId'], e.eventType).toBe(selected);
  expect(distinct(t.map((e) => p(e)['TargetNumber']).filter((x) => x !== undefined)), 'the number dialled').toBe(1);
  if (gaveUp(t, incoming)) return;
  answeredByAgent(t, single(t, 'QueueCallInUserAllocated'));
  expect(p(single(t, 'QueueCallInUserAllocated'))['LegId']).not.toBe(p(incoming)['LegId']);
  namesAgree(t);
}

/** queue-ticks' and the day's periodic status: one entity, on its tick grid, sent only when changed (invariants/world.ts). */
function ticks(type: string, tick: number): Invariant {
  return (t) => {
    const xs = eventsOf(t, type);
    expect(distinct(xs.map((e) => e.entityKey)), `one entity's ${type}`).toBeLessThanOrEqual(1);
    for (let i = 1; i < xs.length; i++) {
      const gap = at(xs, i).at - at(xs, i - 1).at;
      expect(gap, `${type} gap`).toBeGreaterThan(0);
      expect(gap % tick, `${type} gap ${gap} ms is whole ${tick / 1000} s ticks`).toBe(0);
    }
    for (const e of eventsOf(t, 'QueueDailyCallMetrics')) {
      const m = p(e) as Record<string, number>;
      expect((m['InboundAnsweredCalls'] ?? 0) + (m['InboundRejectedCalls'] ?? 0) + (m['InboundServiceClosedCalls'] ?? 0), 'answered, rejected and closed calls are some of the calls').toBeLessThanOrEqual(m['InboundTotalCalls'] ?? 0);
      expect(m['OutboundRejectedCalls']).toBe((m['OutboundTotalCalls'] ?? 0) - (m['OutboundAnsweredCalls'] ?? 0));
    }
  };
}

/** queue-ticks/attached: an agent is attached, detaches, comes back; QueueAttachedUsers (derived) follows each change within 10 s. */
function attachedAgent(t: T): void {
  const changes = eventsOf(t, 'UserQueueAttached');
  expect(changes.map((e) => p(e)['Active'])).toEqual([true, false, true]);
  const who = str(at(changes, 0), 'UserId');
  for (const c of changes) expect(str(c, 'UserId')).toBe(who);
  const users = (e: E): { UserId: string; Active: boolean }[] => p(e)['AttachedUsers'] as { UserId: string; Active: boolean }[];
  const lists = eventsOf(t, 'QueueAttachedUsers');
  for (const l of lists) {
    const change = last(changes.filter((c) => c.seq < l.seq), 'UserQueueAttached');
    expect(users(l).find((u) => u.UserId === who)?.Active, 'QueueAttachedUsers after the change').toBe(p(change)['Active']);
    expect(l.at - change.at).toBeLessThanOrEqual(10_000);
  }
  // The detach always changes the list, so it is always sent.
  expect(lists.some((l) => users(l).find((u) => u.UserId === who)?.Active === false)).toBe(true);
}

/** docs/providers.md §3 Q1 with a fetching agent: UserCallAllocationRequest → Response (same RequestId, the waiting call) → allocated to that agent. */
function fetchMode(t: T): void {
  const callId = oneCall(t, /^Queue/);
  const request = single(t, 'UserCallAllocationRequest');
  const response = single(t, 'UserCallAllocationResponse');
  before(single(t, 'QueueCallInArrived'), request);
  before(request, response);
  expect(p(response)['RequestId'], 'the response answers the request').toBe(p(request)['RequestId']);
  expect(p(request)['AllocationType']).toBe('allocate');
  const allocated = single(t, 'QueueCallInUserAllocated');
  expect(p(response)).toMatchObject({ AllocationType: 'allocated', CallId: callId, QueueId: p(allocated)['QueueId'], UserId: p(request)['UserId'], CallerNumber: p(allocated)['CallerNumber'] });
  before(response, allocated);
  expect(p(allocated)['UserId'], 'the call goes to the agent who fetched it').toBe(p(request)['UserId']);
  answeredByAgent(t, allocated);
}

/** A queue call answered after a SmartRouting query (Result OK | NOT_FOUND | FAILED, its priority only with OK). */
function smartRouting(t: T): void {
  oneCall(t);
  const result = single(t, 'QueueCallInSmartRoutingResult');
  before(single(t, 'QueueCallInComing'), result);
  before(result, single(t, 'QueueCallInArrived'));
  const r = p(result);
  expect(['OK', 'NOT_FOUND', 'FAILED']).toContain(r['Result']);
  if (r['Result'] === 'OK') expect(r['Priority']).toBeTypeOf('number');
  else expect(r['Priority']).toBeNull();
  if (gaveUp(t, single(t, 'QueueCallInComing'))) return;
  answeredByAgent(t, single(t, 'QueueCallInUserAllocated'));
}

/** A supervisor listens in on a talking agent: two UserSupervisionStatus about the call and the agent, within the talk. */
function supervisedCall(t: T): void {
  const callId = oneCall(t, /^Queue/);
  const connected = single(t, 'QueueCallInUserConnected');
  const disconnected = single(t, 'QueueCallInDisconnected');
  const sup = eventsOf(t, 'UserSupervisionStatus');
  expect(sup).toHaveLength(2);
  for (const s of sup) {
    expect(p(s)).toMatchObject({ CallId: callId, LegId: p(connected)['LegId'], TargetUserId: p(connected)['UserId'], QueueId: p(connected)['QueueId'] });
    expect(p(s)['SupervisorUserId']).not.toBe(p(connected)['UserId']);
    before(connected, s);
    before(s, disconnected);
  }
  expect(distinct(sup.map((s) => p(s)['SupervisorUserId'])), 'one supervisor').toBe(1);
}

/** docs/providers.md §3 Q4, outbound: UserCallOutGoing (the user's own number) → [Connected → hold → publicity] → Disconnected → recorded, converted, transcribed. */
function userCallOut(t: T): void {
  oneCall(t, /^UserCall/);
  const going = single(t, 'UserCallOutGoing');
  const disconnected = single(t, 'UserCallOutDisconnected');
  expect(t.filter((e) => e.eventType.startsWith('UserCall')).every((e) => e.entityKey === going.entityKey), 'all about the user').toBe(true);
  expect(p(going)['CallerNumber'], "the user's own number").not.toBe(p(going)['TargetNumber']);
  assertOrder(t, ['UserCallOutGoing', 'UserCallOutConnected', 'UserCallOutHoldStart', 'UserCallOutHoldEnd', 'UserCallOutDisconnected', 'UserCallRecorded', 'UserCallOutRecordingConverted', 'UserCallTranscribed']);
  if (eventsOf(t, 'UserCallOutConnected').length) {
    const converted = single(t, 'UserCallOutRecordingConverted');
    for (const tr of eventsOf(t, 'UserCallTranscribed')) expect(p(tr)).toMatchObject({ TranscribeRecordingType: 'UserOutgoing', RecordingId: p(converted)['RecordingId'] });
  } else {
    expect(eventsOf(t, /Recorded$|RecordingConverted$|Transcribed$/)).toHaveLength(0);
    expect(p(disconnected)['Reason']).toBe('local');
  }
}

/** A personal callback request for a user who is off work: the message, its transcript, the user's later call back closing it. */
function personalCallback(t: T): void {
  const incoming = single(t, 'UserCallInComing');
  const overflow = single(t, 'UserCallInUserOverflow');
  expect(p(overflow)).toMatchObject({ Reason: 'OffWork', LegId: p(incoming)['LegId'] });
  expect(eventsOf(t, 'UserCallInUserAllocated'), 'an off-work user does not ring').toHaveLength(0);
  const created = single(t, 'UserCallInCallbackCreated');
  const recordingId = p(created)['RecordingId'];
  expect(recordingId, 'the message left').toBeTypeOf('string');
  expect(p(created)['CallId']).toBe(p(incoming)['CallId']);
  const message = single(t, 'CallbackCallInRecordingConverted');
  expect(p(message)).toMatchObject({ RecordingId: recordingId, CallId: p(incoming)['CallId'] });
  const transcripts = eventsOf(t, 'CallbackCallTranscribed');
  expect(p(at(transcripts, 0))).toMatchObject({ RecordingId: recordingId, TranscribeRecordingType: 'IncomingCallListCall' });
  const checkIn = single(t, 'UserAvailability');
  expect(p(checkIn)['Availability']).toBe('Available');
  before(at(transcripts, 0), checkIn);
  const user = str(incoming, 'UserId');
  for (const o of eventsOf(t, 'CallbackUserCallOutGoing')) expect(p(o)['UserId'], 'the user calls back').toBe(user);
  callbackHandled(t, p(incoming)['CallId']);
}

/** Configuration events, one each; the queue's attached users follow the attach; the daily metrics count no calls (none in this run). */
function queueConfiguration(t: T): void {
  for (const type of ['QueueChanged', 'UserQueueAttached', 'UserSetting', 'UserConfigurationSetNextCallOutRaw', 'QueueDailyCallMetrics']) expect(eventsOf(t, type), type).toHaveLength(1);
  const attach = single(t, 'UserQueueAttached');
  const attached = eventsOf(t, 'QueueAttachedUsers');
  for (const l of attached) expect((p(l)['AttachedUsers'] as { UserId: string; Active: boolean }[]).find((u) => u.UserId === p(attach)['UserId'])?.Active).toBe(true);
  expect(p(single(t, 'QueueChanged'))).toMatchObject({ Updated: true, Created: false, Deleted: false });
  if (!shared) expect(p(single(t, 'QueueDailyCallMetrics'))['InboundTotalCalls'], 'no calls in this run').toBe(0);
}

/** docs/providers.md §3 Q4: a direct call, answered (maybe transferred) or sent to voicemail; recording/transcript. */
function directCall(t: T): void {
  expect(distinct(t.map((e) => e.entityKey)), 'every event is about the one user').toBe(1);
  oneCall(t);
  namesAgree(t);
  expect(t.every((e) => e.eventType.startsWith('User'))).toBe(true);
  const incoming = single(t, 'UserCallInComing');
  const disconnected = single(t, 'UserCallInDisconnected');
  // The user was in another call (or away): no ring, the call overflows to voicemail at once.
  if (eventsOf(t, 'UserCallInUserAllocated').length === 0) {
    const overflow = single(t, 'UserCallInUserOverflow');
    expect(p(overflow)).toMatchObject({ Reason: 'BusyOnBusy', LegId: p(incoming)['LegId'] });
    expect(eventsOf(t, /^UserCallIn(UserConnected|UserCancelled|Transfer)/)).toHaveLength(0);
    before(overflow, disconnected);
    expect(p(disconnected)['Reason']).toBe('remote');
    const voicemail = single(t, 'UserVoiceMailRecordingConverted');
    before(disconnected, voicemail);
    for (const tr of eventsOf(t, 'UserCallTranscribed')) expect(p(tr)).toMatchObject({ TranscribeRecordingType: 'VoiceMailRecording', RecordingId: p(voicemail)['RecordingId'] });
    return;
  }
  const allocated = single(t, 'UserCallInUserAllocated');
  assertOrder(t, ['UserCallInComing', 'UserCallInArrived', 'UserCallInUserAllocated', 'UserCallInUserConnected', 'UserCallInDisconnected']);
  assertOrder(t, ['UserCallInUserAllocated', 'UserCallInUserCancelled', 'UserCallInUserOverflow', 'UserCallInOverflow', 'UserCallInDisconnected', 'UserVoiceMailRecordingConverted']);
  expect(p(allocated)['LegId'], 'the allocation is a new leg').not.toBe(p(incoming)['LegId']);
  const connected = eventsOf(t, 'UserCallInUserConnected');
  if (connected.length === 1) {
    const c = at(connected, 0);
    expect(eventsOf(t, /^UserCallIn(UserCancelled|UserOverflow|Overflow)$|^UserVoiceMail/)).toHaveLength(0);
    expect(p(c)['LegId']).toBe(p(allocated)['LegId']);
    const started = eventsOf(t, 'UserCallInTransferStarted');
    if (started.length) {
      const s = single(t, 'UserCallInTransferStarted');
      const outcome = eventsOf(t, /^UserCallInTransfer(Connected|Cancelled)$/);
      expect(outcome).toHaveLength(1);
      before(c, s);
      before(s, at(outcome, 0));
      before(at(outcome, 0), disconnected);
      if (at(outcome, 0).eventType === 'UserCallInTransferConnected') {
        expect(p(at(outcome, 0))['ConnectedTarget']).toBe(p(s)['TransferTarget']);
        expect(p(disconnected)['Reason'], 'the user leaves after the transfer').toBe('local');
      }
    } else expect(eventsOf(t, /^UserCallInTransfer/)).toHaveLength(0);
    assertOrder(t, ['UserCallInHoldStart', 'UserCallInHoldEnd', 'UserCallInDisconnected', 'UserCallRecorded', 'UserCallInRecordingConverted', 'UserCallTranscribed']);
    const recorded = eventsOf(t, 'UserCallRecorded');
    if (recorded.length) {
      const converted = single(t, 'UserCallInRecordingConverted');
      for (const tr of eventsOf(t, 'UserCallTranscribed')) {
        expect(p(tr)['TranscribeRecordingType']).toBe('UserIncoming');
        expect(p(tr)['RecordingId']).toBe(p(converted)['RecordingId']);
      }
    } else expect(eventsOf(t, /^UserCall(InRecordingConverted|Transcribed)$/)).toHaveLength(0);
  } else {
    // Not answered: the allocation is cancelled, the call overflows to voicemail.
    expect(connected).toHaveLength(0);
    const cancelled = single(t, 'UserCallInUserCancelled');
    expect(p(cancelled)['LegId']).toBe(p(allocated)['LegId']);
    expect([['local', 'NoAnswer'], ['remote', 'Rejected']]).toContainEqual([p(cancelled)['Reason'], p(cancelled)['DetailedReason']]);
    const overflow = eventsOf(t, /^UserCallIn(UserOverflow|Overflow)$/);
    expect(overflow).toHaveLength(1);
    before(cancelled, at(overflow, 0));
    before(at(overflow, 0), disconnected);
    expect(p(at(overflow, 0))['LegId'], "the overflow carries the caller's leg").toBe(p(incoming)['LegId']);
    expect(p(disconnected)['Reason'], 'the caller hangs up after the message').toBe('remote');
    expect(eventsOf(t, /^UserCall(Recorded|InRecordingConverted)$|^UserCallInTransfer/)).toHaveLength(0);
    const voicemail = single(t, 'UserVoiceMailRecordingConverted');
    before(disconnected, voicemail);
    for (const tr of eventsOf(t, 'UserCallTranscribed')) {
      before(voicemail, tr);
      expect(p(tr)['TranscribeRecordingType']).toBe('VoiceMailRecording');
      expect(p(tr)['RecordingId']).toBe(p(voicemail)['RecordingId']);
    }
  }
}

/** docs/providers.md §3 Q6: [SetNextCallOut] → QueueUserCallOutGoing → Connected → [hold] → Disconnected → Recorded. */
function outboundQueueCall(t: T): void {
  const calls = eventsOf(t, /^Queue/);
  oneCall(t, /^Queue/);
  expect(distinct(calls.map((e) => p(e)['QueueId'])), 'one queue').toBe(1);
  expect(distinct(calls.map((e) => p(e)['UserId'] ?? p(e)['AllocatedUserId'])), 'one agent').toBe(1);
  expect(distinct(eventsOf(t, /^QueueUserCallOut(Going|Connected|HoldStart|HoldEnd|Disconnected)$|^QueueUserCallRecorded$/).map((e) => p(e)['LegId'])), 'one leg').toBe(1);
  assertOrder(t, ['UserConfigurationSetNextCallOut', 'QueueUserCallOutGoing', 'QueueUserCallOutConnected', 'QueueUserCallOutHoldStart', 'QueueUserCallOutHoldEnd', 'QueueUserCallOutDisconnected', 'QueueUserCallRecorded', 'QueueUserCallOutRecordingConverted', 'QueueCallTranscribed']);
  const going = single(t, 'QueueUserCallOutGoing');
  const disconnected = single(t, 'QueueUserCallOutDisconnected');
  expect(p(going)['CallerNumber'], 'the queue number is shown').toBe(p(going)['CallAsNumber']);
  for (const e of calls.filter((x) => 'TargetNumber' in p(x))) expect(p(e)['TargetNumber'], e.eventType).toBe(p(going)['TargetNumber']);
  for (const api of eventsOf(t, 'UserConfigurationSetNextCallOut')) {
    expect(api.entityKey).toBe(`UserId:${str(going, 'UserId')}`);
    expect(p(api)).toMatchObject({ CallBackId: null, CallListId: null, QueueId: p(going)['QueueId'], CLI: p(going)['CallerNumber'], TargetNumber: p(going)['TargetNumber'] });
  }
  if (eventsOf(t, 'QueueUserCallOutConnected').length === 1) {
    const recorded = single(t, 'QueueUserCallRecorded');
    before(disconnected, recorded);
    const converted = eventsOf(t, 'QueueUserCallOutRecordingConverted');
    for (const tr of eventsOf(t, 'QueueCallTranscribed')) {
      expect(p(tr)['TranscribeRecordingType']).toBe('OutgoingQueueCall');
      if (converted.length) expect(p(tr)['RecordingId']).toBe(p(at(converted, 0))['RecordingId']);
    }
  } else {
    expect(eventsOf(t, /^QueueUserCallOut(Connected|Hold)|Recorded$|RecordingConverted$|Transcribed$/), 'nothing to record without an answer').toHaveLength(0);
    expect(p(disconnected)['Reason']).toBe('local');
  }
  namesAgree(t);
}

/** docs/providers.md §3 Q7: one user's UserAvailability changes over a day, each followed by UserStatus. */
function agentShift(t: T): void {
  if (shared) {
    // A status is sent only when it changed: some of the shift's may be missing; the availability changes are all there.
    const avail = eventsOf(t, 'UserAvailability');
    expect(avail.map((e) => p(e)['Availability']).at(-1)).toBe('OffWork');
    for (const e of eventsOf(t, 'UserStatus')) {
      const before_ = avail.filter((a) => a.seq < e.seq).at(-1);
      if (before_) expect(p(e)['Available'], 'UserStatus after the change').toBe(p(before_)['Availability'] === 'Available');
    }
    return;
  }
  expect(distinct(t.map((e) => e.entityKey)), 'one user').toBe(1);
  expect(t.every((e) => e.eventType === 'UserAvailability' || e.eventType === 'UserStatus')).toBe(true);
  namesAgree(t);
  const avail = eventsOf(t, 'UserAvailability');
  const states = avail.map((e) => p(e)['Availability']);
  expect([['Available', 'BRB', 'Available', 'Away', 'Available', 'OffWork'], ['Available', 'BRB', 'Available', 'Away', 'Available', 'Busy', 'Available', 'OffWork']]).toContainEqual(states);
  expect(t.length).toBe(avail.length * 2);
  t.forEach((e, i) => {
    if (i % 2 === 0) {
      expect(e.eventType).toBe('UserAvailability');
      const state = p(e)['Availability'];
      const end = str(e, 'EndTime');
      if (state === 'Available') expect(end, 'continuous: DateTime.MaxValue').toBe(MAX_DATETIME);
      else expect(ms(end), `${String(state)} ends after it starts`).toBeGreaterThan(ms(str(e, 'StartTime')));
      if (state === 'BRB') expect(ms(end) - ms(str(e, 'StartTime'))).toBeLessThanOrEqual(15 * 60_000);
      if (state === 'OffWork') expect(ms(end) - ms(str(e, 'StartTime')), 'off until the next morning').toBeGreaterThanOrEqual(8 * 3_600_000);
      return;
    }
    // UserStatus recomputed right after the availability change.
    const change = at(t, i - 1);
    expect(e.eventType).toBe('UserStatus');
    expect(e.at - change.at).toBeLessThanOrEqual(2_000);
    const state = p(change)['Availability'];
    expect(p(e), `UserStatus after ${String(state)}`).toMatchObject({ Available: state === 'Available', Schedule: state !== 'OffWork', Serving: state !== 'OffWork' });
    // Alone, the agent has no calls; in a day, the agent may be in one as the availability changes.
    if (!shared) expect(p(e)).toMatchObject({ CanBeAllocatedTo: state === 'Available', Talking: false, WrapUpStart: null, WrapUpEnd: null });
  });
  // Each kind of state has its own availability profile.
  const profiles = new Map<unknown, unknown>();
  for (const e of avail) {
    const k = `${String(p(e)['Availability'])}/${String(p(e)['Note'])}`;
    if (profiles.has(k)) expect(p(e)['ProfileId']).toBe(profiles.get(k));
    else profiles.set(k, p(e)['ProfileId']);
  }
  expect(distinct([...profiles.values()])).toBe(profiles.size);
  // Hours, not seconds: a working day.
  const span = at(t, t.length - 1).at - at(t, 0).at;
  expect(span).toBeGreaterThanOrEqual(3 * 3_600_000);
  expect(span).toBeLessThanOrEqual(14 * 3_600_000);
}


export const ENREACH_INVARIANTS: Record<string, Invariant> = {
  'queue-call-answered': queueCallAnswered,
  'callback-request': callbackRequested,
  'overflow-to-callback/busy': inSharedRun(queueCallAnswered),
  'overflow-to-callback/caller': overflowToCallback,
  // Every instance is a queue-call-answered call; plus instance-level checks in scenario-builtins.test.ts.
  'queue-load': inSharedRun(queueCallAnswered),
  'agent-no-answer': agentNoAnswer,
  'abandoned-in-queue/busy': inSharedRun(queueCallAnswered),
  'abandoned-in-queue/caller': abandonedInQueue,
  'queue-closed': queueCallAnswered,
  'overflow-transfer/busy': inSharedRun(queueCallAnswered),
  'overflow-transfer/caller': overflowTransfer,
  'direct-call': directCall,
  'outbound-queue-call': outboundQueueCall,
  'ivr-selection': ivrSelection,
  'agent-shift': agentShift,
  'queue-ticks/calls': dispatch({ call: queueCallAnswered, callback: callbackRequested }),
  'queue-ticks/listTicks': ticks('CallbackListStatus', 15_000),
  'queue-ticks/queueTicks': ticks('QueueStatus', 10_000),
  'queue-ticks/attached': attachedAgent,
  'fetch-mode-allocation': fetchMode,
  'smart-routing': smartRouting,
  'supervised-call': supervisedCall,
  'user-call-out': userCallOut,
  'personal-callback': personalCallback,
  'queue-configuration': queueConfiguration,
  'contact-centre-day/shifts': inSharedRun(agentShift),
  'contact-centre-day/calls': dispatch({
    queueCall: queueCallAnswered,
    callback: callbackRequested,
    ivr: ivrSelection,
    smartRouting,
    fetch: fetchMode,
    noAnswer: agentNoAnswer,
    supervised: supervisedCall,
    direct: directCall,
    outbound: outboundQueueCall,
    own: userCallOut,
  }),
  'contact-centre-day/queueTicks': ticks('QueueStatus', 10_000),
  'contact-centre-day/listTicks': ticks('CallbackListStatus', 15_000),
  'contact-centre-day/admin': inSharedRun(queueConfiguration),
};
