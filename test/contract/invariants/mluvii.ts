import { expect } from 'vitest';
import { assertOrder, before, byEntity, distinct, eventsOf, p, payloadTime, single, type Invariant, type T } from '../../helpers/timeline.ts';
import type { TimelineEntry } from '../../../scenarios/index.ts';

/**
 * Invariants of the mluvii built-ins: one entry per scenarios/mluvii/*.yaml, called once per
 * instance (one session) with its entries in timeline order.
 */
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

export const MLUVII_INVARIANTS: Record<string, Invariant> = {
  'chat-session': chatSession,
  'forwarded-session': forwardedSession,
};
