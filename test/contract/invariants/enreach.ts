import { expect } from 'vitest';
import { assertOrder, before, distinct, eventsOf, p, single, type Invariant, type T } from '../../helpers/timeline.ts';
import type { TimelineEntry } from '../../../scenarios/index.ts';

/**
 * Invariants of the Enreach built-ins: one entry per scenarios/enreach/*.yaml, called once per
 * instance (one call, one user, one queue) with its entries in timeline order. Every Enreach order
 * is an inference (docs/providers.md §3 Q1-Q7); what is checked here is what the scenarios state.
 */

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

/** UserStatus of an agent who is free again after the call (wrap-up over, so its times are null). */
function freeAgain(e: E): void {
  expect(p(e)).toMatchObject({ Talking: false, Available: true, CanBeAllocatedTo: true, ActiveQueueId: null, WrapUpStart: null, WrapUpEnd: null });
}

/** docs/providers.md §3 Q1 (+ Q2 when a first agent misses the call). */
function queueCallAnswered(t: T): void {
  const callId = oneCall(t);
  expect(distinct(t.filter((e) => e.eventType.startsWith('Queue')).map((e) => p(e)['QueueId'])), 'one queue').toBe(1);
  assertOrder(t, ['QueueCallInComing', 'QueueCallInIvrSelection', 'QueueCallInArrived', 'QueueCallBlockingPromptStarted', 'QueueCallInUserConnected', 'UserWrapUpEnabled', 'UserWrapUpStarted', 'UserWrapUpTerminated']);
  assertOrder(t, ['QueueCallInArrived', 'QueueCallInUserAllocated', 'QueueCallInUserConnected', 'QueueCallInRecording', 'QueueCallInDisconnected']);
  const connected = single(t, 'QueueCallInUserConnected');
  const disconnected = single(t, 'QueueCallInDisconnected');
  expect(p(connected)['CallId']).toBe(callId);
  wrapUp(t, connected, disconnected);
  // One call = one CallId, a new LegId per allocation (docs/providers.md E14).
  const allocations = eventsOf(t, 'QueueCallInUserAllocated');
  expect(allocations.length).toBeGreaterThanOrEqual(1);
  expect(allocations.length).toBeLessThanOrEqual(2);
  expect(distinct(allocations.map((e) => p(e)['LegId'])), 'a new LegId per allocation').toBe(allocations.length);
  const lastAllocation = at(allocations, allocations.length - 1);
  expect(p(connected)['UserId']).toBe(p(lastAllocation)['UserId']);
  expect(p(connected)['LegId']).toBe(p(lastAllocation)['LegId']);
  if (allocations.length === 2) {
    const cancelled = single(t, 'QueueCallInUserCancelled');
    before(at(allocations, 0), cancelled);
    before(cancelled, lastAllocation);
    expect(p(cancelled)['UserId']).toBe(p(at(allocations, 0))['UserId']);
    expect(p(cancelled)['LegId']).toBe(p(at(allocations, 0))['LegId']);
    expect(p(cancelled)['UserId']).not.toBe(p(lastAllocation)['UserId']);
  } else expect(eventsOf(t, 'QueueCallInUserCancelled')).toHaveLength(0);
  // The agent's User events are about the agent who answered.
  const agent = p(connected)['UserId'];
  for (const e of eventsOf(t, /^User/)) expect(e.entityKey, e.eventType).toBe(`UserId:${String(agent)}`);
  namesAgree(t);
  const [talking, free] = eventsOf(t, 'UserStatus');
  if (!talking || !free) throw new Error('two UserStatus expected');
  expect(p(talking)).toMatchObject({ Talking: true, CanBeAllocatedTo: false });
  freeAgain(free);
  before(single(t, 'UserWrapUpTerminated'), free);
  before(disconnected, single(t, 'QueueUserCallRecorded'));
  before(single(t, 'QueueUserCallRecorded'), single(t, 'QueueCallTranscribed'));
}

/** docs/providers.md §3 Q2: allocated to A, cancelled, re-allocated (1-2 misses), answered by another agent. */
function agentNoAnswer(t: T): void {
  const callId = oneCall(t);
  expect(distinct(t.filter((e) => e.eventType.startsWith('Queue')).map((e) => p(e)['QueueId'])), 'one queue').toBe(1);
  assertOrder(t, ['QueueCallInComing', 'QueueCallInArrived', 'QueueCallInUserCancelled', 'QueueCallInUserConnected', 'UserWrapUpEnabled', 'UserWrapUpStarted', 'UserWrapUpTerminated']);
  assertOrder(t, ['QueueCallInArrived', 'QueueCallInUserAllocated', 'QueueCallInUserConnected', 'QueueCallInRecording', 'QueueCallInDisconnected', 'QueueUserCallRecorded']);
  const allocations = eventsOf(t, 'QueueCallInUserAllocated');
  const cancels = eventsOf(t, 'QueueCallInUserCancelled');
  expect(allocations.length, '1-2 missed allocations, then the answered one').toBeGreaterThanOrEqual(2);
  expect(allocations.length).toBeLessThanOrEqual(3);
  expect(cancels).toHaveLength(allocations.length - 1);
  // A new leg per allocation (none of them the caller's leg), one CallId throughout (docs/providers.md E14).
  const legs = allocations.map((e) => p(e)['LegId']);
  expect(distinct(legs), 'a new LegId per allocation').toBe(allocations.length);
  expect(legs).not.toContain(p(single(t, 'QueueCallInComing'))['LegId']);
  expect(distinct(allocations.map((e) => p(e)['UserId'])), 'a different agent each time').toBe(allocations.length);
  for (const e of [...allocations, ...cancels]) expect(p(e)['CallId']).toBe(callId);
  cancels.forEach((c, i) => {
    const offer = at(allocations, i);
    before(offer, c);
    before(c, at(allocations, i + 1), 'the next offer after the cancel');
    expect(p(c)['UserId'], 'cancelled for the agent it was offered to').toBe(p(offer)['UserId']);
    expect(p(c)['LegId']).toBe(p(offer)['LegId']);
    expect([['local', 'NoAnswer'], ['remote', 'Rejected']]).toContainEqual([p(c)['Reason'], p(c)['DetailedReason']]);
    // A ring time: a rejection within seconds, a timeout within 15-30 s.
    expect(c.at - offer.at).toBeLessThanOrEqual(30_000);
  });
  const answered = at(allocations, allocations.length - 1);
  const connected = single(t, 'QueueCallInUserConnected');
  const disconnected = single(t, 'QueueCallInDisconnected');
  expect(p(connected)['UserId']).toBe(p(answered)['UserId']);
  expect(p(connected)['LegId']).toBe(p(answered)['LegId']);
  expect(legs).not.toContain(p(connected)['AgentLegId']);
  expect(p(disconnected)['LegId']).toBe(p(answered)['LegId']);
  wrapUp(t, connected, disconnected);
  const agent = str(connected, 'UserId');
  for (const e of eventsOf(t, /^User/)) expect(e.entityKey, e.eventType).toBe(`UserId:${agent}`);
  namesAgree(t);
  const [talking, free] = eventsOf(t, 'UserStatus');
  if (!talking || !free) throw new Error('two UserStatus expected');
  before(answered, talking);
  expect(p(talking)).toMatchObject({ Talking: true, CanBeAllocatedTo: false, ActiveQueueId: p(connected)['QueueId'] });
  before(single(t, 'UserWrapUpTerminated'), free);
  freeAgain(free);
}

/** The caller hangs up in the queue (sometimes while an agent rings): no agent is connected. */
function abandonedInQueue(t: T): void {
  oneCall(t);
  expect(eventsOf(t, 'QueueCallInUserConnected'), 'no agent connected').toHaveLength(0);
  expect(eventsOf(t, /^User/), 'no agent events (no wrap-up)').toHaveLength(0);
  const incoming = single(t, 'QueueCallInComing');
  const disconnected = single(t, 'QueueCallInDisconnected');
  assertOrder(t, ['QueueCallInComing', 'QueueCallInArrived', 'QueueCallBlockingPromptStarted', 'QueueCallInUserAllocated', 'QueueCallInUserCancelled', 'QueueCallInDisconnected']);
  expect(last(t, /^QueueCallIn/), 'the disconnect ends the call').toBe(disconnected);
  expect(p(disconnected)['Reason'], 'the caller hung up').toBe('remote');
  expect(p(disconnected)['LegId'], "the caller's leg").toBe(p(incoming)['LegId']);
  const offers = eventsOf(t, 'QueueCallInUserAllocated');
  expect(offers.length).toBeLessThanOrEqual(1);
  if (offers.length === 1) {
    const offer = at(offers, 0);
    const cancelled = single(t, 'QueueCallInUserCancelled');
    expect(p(cancelled)).toMatchObject({ Reason: 'remote', DetailedReason: 'CallerHangup', UserId: p(offer)['UserId'], LegId: p(offer)['LegId'] });
    expect(p(offer)['LegId']).not.toBe(p(incoming)['LegId']);
    expect(disconnected.at - cancelled.at).toBeLessThanOrEqual(500);
  } else expect(eventsOf(t, 'QueueCallInUserCancelled')).toHaveLength(0);
  const statuses = eventsOf(t, 'QueueStatus');
  expect(statuses).toHaveLength(2);
  before(disconnected, at(statuses, 1));
  expect(distinct(t.map((e) => p(e)['QueueId'])), 'one queue').toBe(1);
}

/** docs/providers.md §3 Q3, last line: ScheduleClosed → Overflow (ServiceOpen | AdHoc_1) → transfer or disconnect. */
function queueClosed(t: T): void {
  oneCall(t);
  expect(eventsOf(t, /^QueueCallIn(Arrived|UserAllocated|UserConnected)$/), 'a closed queue takes no call in').toHaveLength(0);
  expect(eventsOf(t, /^User/)).toHaveLength(0);
  const closed = single(t, 'QueueCallInScheduleClosed');
  const overflow = single(t, 'QueueCallInOverflow');
  const disconnected = single(t, 'QueueCallInDisconnected');
  before(single(t, 'QueueCallInComing'), closed);
  before(closed, overflow);
  expect(last(t, /./), 'the disconnect ends the call').toBe(disconnected);
  const type = p(overflow)['OverflowType'];
  expect(['ServiceOpen', 'AdHoc_1']).toContain(type);
  expect(p(closed)['OverflowReason']).toBe(type === 'ServiceOpen' ? 'ServiceClosed' : 'ExceptionalClosure');
  expect(p(overflow)['OverflowReason']).toBe(p(closed)['OverflowReason']);
  expect(p(overflow)['OverflowApplet']).toBe(p(closed)['OverflowApplet']);
  const transfers = eventsOf(t, 'QueueCallInTransferStarted');
  const prompts = eventsOf(t, 'QueueCallBlockingPromptStarted');
  expect(transfers.length + prompts.length, 'either a transfer or the closed message').toBe(1);
  if (transfers.length === 1) {
    const started = at(transfers, 0);
    before(overflow, started);
    const outcome = eventsOf(t, /^QueueCallInTransfer(Connected|Cancelled)$/);
    expect(outcome).toHaveLength(1);
    before(started, at(outcome, 0));
    before(at(outcome, 0), disconnected);
    expect(p(started)['TransferTarget']).toMatch(/^\+\d+$/);
    if (at(outcome, 0).eventType === 'QueueCallInTransferConnected') expect(p(at(outcome, 0))['ConnectedTarget']).toBe(p(started)['TransferTarget']);
    else expect(p(disconnected)['Reason']).toBe('remote');
  } else {
    const prompt = at(prompts, 0);
    before(overflow, prompt);
    before(prompt, disconnected);
    expect(p(prompt)['Reason']).toBe('ServiceClosed');
    expect(p(disconnected)['Reason'], 'the queue hangs up after the closed message').toBe('local');
  }
}

/** docs/providers.md §3 Q3: overflow (QueueOverflowDefault) → transfer → to queue B (same CallId) or a number, or cancelled. */
function overflowTransfer(t: T): void {
  const callId = oneCall(t);
  const comings = eventsOf(t, 'QueueCallInComing');
  const queueA = str(at(comings, 0), 'QueueId');
  const overflow = single(t, 'QueueCallInOverflow');
  expect(p(overflow)['OverflowType']).toBe('QueueOverflowDefault');
  expect(['NoAvailableProviders', 'QueueFull']).toContain(p(overflow)['OverflowReason']);
  const started = single(t, 'QueueCallInTransferStarted');
  before(first(t, 'QueueCallInArrived'), overflow);
  before(overflow, started);
  const outcome = eventsOf(t, /^QueueCallInTransfer(Connected|Cancelled)$/);
  expect(outcome, 'the transfer either connects or is cancelled').toHaveLength(1);
  const done = at(outcome, 0);
  before(started, done);
  for (const e of [overflow, started, done]) expect(p(e)['QueueId'], `${e.eventType} in queue A`).toBe(queueA);
  const target = str(started, 'TransferTarget');
  const disconnected = single(t, 'QueueCallInDisconnected');
  expect(last(t, /^QueueCallIn/)).toBe(disconnected);
  if (done.eventType === 'QueueCallInTransferConnected') expect(p(done)['ConnectedTarget']).toBe(target);
  if (comings.length === 2) {
    // To another queue: the call comes in again in queue B, with the same CallId (docs/providers.md E14).
    const [, incomingB] = comings as [E, E];
    expect(target).not.toBe(queueA);
    expect(p(incomingB)['QueueId']).toBe(target);
    expect(p(incomingB)['CallId']).toBe(callId);
    expect(done.eventType).toBe('QueueCallInTransferConnected');
    before(done, incomingB);
    const arrivedB = last(t, 'QueueCallInArrived');
    expect(p(arrivedB)['QueueId']).toBe(target);
    assertOrder(t.filter((e) => e.seq >= incomingB.seq), ['QueueCallInComing', 'QueueCallInArrived', 'QueueCallInUserAllocated', 'QueueCallInUserConnected', 'QueueCallInDisconnected']);
    const connected = single(t, 'QueueCallInUserConnected');
    expect(p(connected)['LegId']).toBe(p(single(t, 'QueueCallInUserAllocated'))['LegId']);
    for (const e of [arrivedB, single(t, 'QueueCallInUserAllocated'), connected, disconnected]) expect(p(e)['QueueId'], `${e.eventType} in queue B`).toBe(target);
    wrapUp(t, connected, disconnected);
    namesAgree(t);
  } else {
    expect(comings).toHaveLength(1);
    expect(eventsOf(t, /^QueueCallIn(UserAllocated|UserConnected)$|^User/)).toHaveLength(0);
    expect(p(disconnected)['QueueId'], 'queue A still owns the call').toBe(queueA);
    if (done.eventType === 'QueueCallInTransferConnected') expect(target, 'a transfer to a number').toMatch(/^\+\d+$/);
    else expect(p(disconnected)['Reason'], 'the caller gives up').toBe('remote');
  }
}

/** docs/providers.md §3 Q4: a direct call, answered (maybe transferred) or sent to voicemail; recording/transcript. */
function directCall(t: T): void {
  expect(distinct(t.map((e) => e.entityKey)), 'every event is about the one user').toBe(1);
  oneCall(t);
  namesAgree(t);
  expect(t.every((e) => e.eventType.startsWith('User'))).toBe(true);
  const incoming = single(t, 'UserCallInComing');
  const allocated = single(t, 'UserCallInUserAllocated');
  const disconnected = single(t, 'UserCallInDisconnected');
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

/** docs/providers.md §3 Q1 with the IVR: Comming → IvrSelection (1-2) → Arrived in the selected queue → answered. */
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
  assertOrder(t, ['QueueCallInComing', 'QueueCallInIvrSelection', 'QueueCallInArrived', 'QueueCallInUserAllocated', 'QueueCallInUserConnected', 'QueueCallInDisconnected']);
  const arrived = single(t, 'QueueCallInArrived');
  const selected = str(arrived, 'QueueId');
  expect(selected, 'the call arrives in the selected queue').not.toBe(entry);
  const after = t.filter((e) => e.seq >= arrived.seq && e.eventType.startsWith('Queue'));
  for (const e of after) expect(p(e)['QueueId'], e.eventType).toBe(selected);
  expect(distinct(t.map((e) => p(e)['TargetNumber']).filter((x) => x !== undefined)), 'the number dialled').toBe(1);
  const connected = single(t, 'QueueCallInUserConnected');
  const allocated = single(t, 'QueueCallInUserAllocated');
  expect(p(connected)['LegId']).toBe(p(allocated)['LegId']);
  expect(p(allocated)['LegId']).not.toBe(p(incoming)['LegId']);
  wrapUp(t, connected, single(t, 'QueueCallInDisconnected'));
  namesAgree(t);
}

/** docs/providers.md §3 Q7: one user's UserAvailability changes over a day, each followed by UserStatus. */
function agentShift(t: T): void {
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
    expect(p(e), `UserStatus after ${String(state)}`).toMatchObject({
      Available: state === 'Available',
      Schedule: state !== 'OffWork',
      Serving: state !== 'OffWork',
      CanBeAllocatedTo: state === 'Available',
      Talking: false,
      WrapUpStart: null,
      WrapUpEnd: null,
    });
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

/** docs/providers.md §2 E16: CallbackListStatus every 15 s (when changed), QueueStatus and QueueAttachedUsers when changed. */
function queueTicks(t: T): void {
  const list = eventsOf(t, 'CallbackListStatus');
  const status = eventsOf(t, 'QueueStatus');
  const attached = eventsOf(t, 'QueueAttachedUsers');
  expect(list.length).toBeGreaterThanOrEqual(3);
  expect(status.length).toBeGreaterThanOrEqual(3);
  expect(attached).toHaveLength(3);
  expect(distinct(list.map((e) => e.entityKey)), 'one call list').toBe(1);
  expect(distinct([...status, ...attached].map((e) => e.entityKey)), 'one queue').toBe(1);
  const spaced = (xs: E[], tick: number, what: string): void => {
    for (let i = 1; i < xs.length; i++) {
      const gap = at(xs, i).at - at(xs, i - 1).at;
      expect(gap, `${what} gap`).toBeGreaterThan(0);
      expect(gap % tick, `${what} gap ${gap} ms is whole ${tick / 1000} s ticks`).toBe(0);
    }
  };
  spaced(list, 15_000, 'CallbackListStatus');
  spaced(status, 10_000, 'QueueStatus');
  const span = at(t, t.length - 1).at - at(t, 0).at;
  expect(span, 'a few minutes').toBeGreaterThanOrEqual(2 * 60_000);
  expect(span).toBeLessThanOrEqual(6 * 60_000);
  // Sent only when changed: consecutive payloads differ (apart from Id and Timestamp).
  const body = (e: E): string => JSON.stringify({ ...p(e), Id: undefined, Timestamp: undefined });
  for (const xs of [list, status, attached]) for (let i = 1; i < xs.length; i++) expect(body(at(xs, i)), `${at(xs, i).eventType} changed`).not.toBe(body(at(xs, i - 1)));
  // The counters add up.
  for (const e of list) {
    const n = p(e) as Record<string, number>;
    expect(n['TotalFreeForAllocation']).toBe((n['TotalOpenRequests'] ?? 0) - (n['TotalAssigned'] ?? 0) - (n['TotalHidingNotBefore'] ?? 0));
    expect(n['TotalFreeForAllocation']).toBeGreaterThanOrEqual(0);
    expect(n['TotalServingAgents']).toBeLessThanOrEqual(n['TotalActiveAgents'] ?? 0);
  }
  for (const e of status) {
    const n = p(e) as Record<string, number>;
    expect(n['NbrOfNotServedRequesters']).toBe((n['NbrOfQueuingRequesters'] ?? 0) + (n['NbrOfAllocated'] ?? 0));
    expect(n['NbrOfRequesters']).toBe((n['NbrOfNotServedRequesters'] ?? 0) + (n['NbrOfConnected'] ?? 0));
    expect(n['NbrOfAgentsCheckedInQueue']).toBeLessThanOrEqual(n['NbrOfProviders'] ?? 0);
  }
  expect(distinct(status.map((e) => p(e)['NbrOfProviders'])), 'the queue keeps its members').toBe(1);
  // An agent detaches (UserQueueAttached Active=false) and comes back; QueueAttachedUsers follows.
  const [before0, detached, back] = attached as [E, E, E];
  const changes = eventsOf(t, 'UserQueueAttached');
  expect(changes.map((e) => p(e)['Active'])).toEqual([false, true]);
  const [detach, reattach] = changes as [E, E];
  const users = (e: E): { UserId: string; Active: boolean }[] => p(e)['AttachedUsers'] as { UserId: string; Active: boolean }[];
  const who = str(detach, 'UserId');
  expect(str(reattach, 'UserId')).toBe(who);
  expect(users(before0).find((u) => u.UserId === who)?.Active).toBe(true);
  expect(users(detached).find((u) => u.UserId === who)?.Active).toBe(false);
  expect(users(detached).filter((u) => u.UserId !== who)).toEqual(users(before0).filter((u) => u.UserId !== who));
  expect(users(back)).toEqual(users(before0));
  before(before0, detach);
  before(detach, detached);
  before(detached, reattach);
  before(reattach, back);
  expect(detached.at - detach.at).toBeLessThanOrEqual(10_000);
  expect(back.at - reattach.at).toBeLessThanOrEqual(10_000);
}

/** docs/providers.md §3 Q5, with an unanswered first try sometimes. */
function callbackRequest(t: T): void {
  const callbackIds = eventsOf(t, /^Callback(Changed|User|CallTranscribed)|^QueueCallInCallbackCreated$/).map((e) => p(e)['CallBackId']);
  expect(distinct(callbackIds), 'one CallBackId').toBe(1);
  const original = eventsOf(t, /^QueueCallIn(Coming|Arrived|Disconnected)$/);
  expect(distinct(original.map((e) => e.entityKey)), 'the original call keeps one CallId').toBe(1);
  const originalCallId = p(at(original, 0))['CallId'];
  expect(p(single(t, 'QueueCallInCallbackCreated'))['CallId']).toBe(originalCallId);
  assertOrder(t, ['QueueCallInComing', 'QueueCallInArrived', 'QueueCallInCallbackCreated', 'QueueCallInDisconnected']);
  const changes = eventsOf(t, 'CallbackChanged');
  const outs = eventsOf(t, 'CallbackUserCallOutGoing');
  expect(outs.length, 'one or two calls back').toBeGreaterThanOrEqual(1);
  expect(outs.length).toBeLessThanOrEqual(2);
  // created, assigned, [attempt logged, taken again,] closed
  expect(changes).toHaveLength(outs.length === 1 ? 3 : 5);
  const created = at(changes, 0);
  const assigned = at(changes, 1);
  const closed = at(changes, changes.length - 1);
  before(single(t, 'QueueCallInCallbackCreated'), created);
  before(created, single(t, 'QueueCallInDisconnected'));
  expect([p(created)['Created'], p(created)['IsClosed'], p(created)['AssignedUserId']]).toEqual([true, false, null]);
  // Every CallbackChanged describes the same request: its own fields do not change.
  for (const c of changes) {
    for (const k of ['CallId', 'CreationTime', 'TypeId', 'QueueId', 'ChannelIn', 'ContactNumber', 'ContactName', 'DueDate', 'ExpiryDate', 'CalculatedPriority', 'RecordingId', 'CallListId']) {
      expect(p(c)[k], `CallbackChanged (${c.step}).${k}`).toEqual(p(created)[k]);
    }
    if (c !== created) expect(p(c)['Created']).toBe(false);
    expect(p(c)['IsClosed']).toBe(c === closed);
  }
  expect(p(created)['CallId']).toBe(originalCallId);
  before(at(eventsOf(t, 'CallbackListStatus'), 0), assigned);
  before(assigned, at(outs, 0));
  const agent = p(assigned)['AssignedUserId'];
  expect(agent).toBeTypeOf('string');
  const callOut = eventsOf(t, /^CallbackUserCall/);
  for (const e of callOut) expect(p(e)['UserId'], e.eventType).toBe(agent);
  const outCalls = outs.map((e) => p(e)['CallId']);
  expect(distinct(outCalls), 'each call back is a new call').toBe(outs.length);
  expect(outCalls).not.toContain(originalCallId);
  for (const e of callOut) expect(outCalls, `${e.eventType} CallId`).toContain(p(e)['CallId']);
  // The answered call back is the last one; an unanswered one has no Connected.
  const answered = at(outs, outs.length - 1);
  const connected = single(t, 'CallbackUserCallOutConnected');
  expect(p(connected)['CallId']).toBe(p(answered)['CallId']);
  assertOrder(t.filter((e) => e.seq >= answered.seq), ['CallbackUserCallOutGoing', 'CallbackUserCallOutConnected', 'CallbackUserCallOutHoldStart', 'CallbackUserCallOutHoldEnd', 'CallbackUserCallOutDisconnected', 'CallbackUserCallRecorded', 'CallbackUserCallOutRecordingConverted', 'CallbackChanged', 'CallbackCallTranscribed']);
  const converted = single(t, 'CallbackUserCallOutRecordingConverted');
  // The closing change lists every attempt, oldest first, the last one reaching the contact.
  const attempts = p(closed)['CallbackAttempts'] as Record<string, unknown>[];
  const attempt = (i: number): Record<string, unknown> => {
    const a = attempts[i];
    if (!a) throw new Error(`no attempt #${i}`);
    return a;
  };
  expect(attempts.map((a) => a['CallId'])).toEqual(outCalls);
  expect(attempts.map((a) => a['CallbackAttemptTypeId'])).toEqual(outs.length === 1 ? [1] : [2, 1]);
  for (const a of attempts) expect(a['UserId']).toBe(agent);
  const lastAttempt = attempt(attempts.length - 1);
  expect(lastAttempt['RecordingId']).toBe(p(converted)['RecordingId']);
  expect(p(closed)).toMatchObject({ LastAttemptUserId: agent, LastAttemptTypeId: 1, LastAttemptTimestamp: lastAttempt['Timestamp'] });
  const ends = eventsOf(t, 'CallbackUserCallOutDisconnected');
  expect(ends).toHaveLength(outs.length);
  expect(lastAttempt['Timestamp']).toBe(p(at(ends, ends.length - 1))['Timestamp']);
  if (outs.length === 2) {
    // No answer: the attempt is logged, the request goes back to the list, then is taken again.
    const [missOut] = outs as [E, E];
    const [missEnded] = ends as [E, E];
    const logged = at(changes, 2);
    const retaken = at(changes, 3);
    expect(t.some((e) => e.eventType === 'CallbackUserCallOutConnected' && p(e)['CallId'] === p(missOut)['CallId'])).toBe(false);
    before(missEnded, logged);
    before(logged, retaken);
    before(retaken, answered);
    expect(p(logged)['AssignedUserId'], 'back on the list').toBeNull();
    expect(p(retaken)['AssignedUserId']).toBe(agent);
    for (const c of [logged, retaken]) {
      expect(p(c)['CallbackAttempts']).toEqual([attempt(0)]);
      expect(p(c)).toMatchObject({ LastAttemptTypeId: 2, LastAttemptTimestamp: p(missEnded)['Timestamp'] });
    }
    before(logged, at(eventsOf(t, 'CallbackListStatus'), 1));
  }
  for (const tr of eventsOf(t, 'CallbackCallTranscribed')) {
    before(closed, tr);
    expect(p(tr)).toMatchObject({ CallId: p(answered)['CallId'], RecordingId: p(converted)['RecordingId'], TranscribeRecordingType: 'OutgoingCallListCall' });
  }
  expect(distinct(eventsOf(t, /^Callback/).map((e) => p(e)['CallListId'])), 'one call list').toBe(1);
  namesAgree(t);
}

/** docs/providers.md §3 Q5, the caller's own request: no overflow, CallbackChanged TypeId 1 (Explicit callback request). */
function callbackRequested(t: T): void {
  callbackRequest(t);
  expect(eventsOf(t, 'QueueCallInOverflow'), 'the caller asked: no overflow').toHaveLength(0);
  for (const c of eventsOf(t, 'CallbackChanged')) expect(p(c)['TypeId'], 'TypeId 1 - Explicit callback request').toBe(1);
}

/** docs/providers.md §3 Q5, the queue overflows to its call list: Overflow → CallbackCreated at once, TypeId 2 (Overflown call). */
function overflowToCallback(t: T): void {
  callbackRequest(t);
  const overflow = single(t, 'QueueCallInOverflow');
  const created = single(t, 'QueueCallInCallbackCreated');
  before(single(t, 'QueueCallInArrived'), overflow);
  before(overflow, created);
  expect(created.at - overflow.at, 'the request is created as the call overflows').toBeLessThanOrEqual(1000);
  expect(p(overflow)).toMatchObject({ OverflowType: 'QueueOverflowDefault', OverflowReason: 'NoAvailableProviders', CallId: p(created)['CallId'], QueueId: p(created)['QueueId'] });
  before(overflow, single(t, 'QueueCallInDisconnected'));
  for (const c of eventsOf(t, 'CallbackChanged')) expect(p(c)['TypeId'], 'TypeId 2 - Overflown call').toBe(2);
}

export const ENREACH_INVARIANTS: Record<string, Invariant> = {
  'queue-call-answered': queueCallAnswered,
  'callback-request': callbackRequested,
  'overflow-to-callback': overflowToCallback,
  // Every instance is a queue-call-answered call; plus instance-level checks in scenario-builtins.test.ts.
  'queue-load': queueCallAnswered,
  'agent-no-answer': agentNoAnswer,
  'abandoned-in-queue': abandonedInQueue,
  'queue-closed': queueClosed,
  'overflow-transfer': overflowTransfer,
  'direct-call': directCall,
  'outbound-queue-call': outboundQueueCall,
  'ivr-selection': ivrSelection,
  'agent-shift': agentShift,
  'queue-ticks': queueTicks,
};
