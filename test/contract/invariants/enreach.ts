import { expect } from 'vitest';
import { assertOrder, before, byEntity, distinct, eventsOf, p, payloadTime, single, type Invariant, type T } from '../../helpers/timeline.ts';
import type { TimelineEntry } from '../../../scenarios/index.ts';

/**
 * Invariants of the Enreach built-ins: one entry per scenarios/enreach/*.yaml, called once per
 * instance (one call) with its entries in timeline order.
 */
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

export const ENREACH_INVARIANTS: Record<string, Invariant> = {
  'queue-call-answered': queueCallAnswered,
  'callback-request': callbackRequest,
  // Every instance is a queue-call-answered call; plus instance-level checks in scenario-builtins.test.ts.
  'queue-load': queueCallAnswered,
};
