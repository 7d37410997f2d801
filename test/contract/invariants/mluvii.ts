import { expect } from 'vitest';
import { assertOrder, before, distinct, eventsOf, p, single, type Invariant, type T } from '../../helpers/timeline.ts';
import type { TimelineEntry } from '../../../scenarios/index.ts';

/**
 * Invariants of the mluvii built-ins: one entry per scenarios/mluvii/*.yaml (per part of one with
 * parts), called once per instance (one session) with its entries in timeline order.
 *
 * In a built-in whose sessions share operators (contact-centre-day, `shared` below), an operator's
 * UserStatusChanged is sent only when it changed (another session may have made them BUSY already)
 * and a session may find no free operator: those checks are the world's (invariants/world.ts).
 */
let shared = false;

/** Runs an instance's invariant as part of a run whose sessions share the operators. */
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

/** A session that found no free operator before the guest gave up: no operator, GuestAbandoned. */
function unserved(t: T): boolean {
  if (t.some((e) => e.eventType === 'SessionOperatorJoined')) return false;
  const end = single(t, 'SessionActivitySessionEnded');
  if (p(end)['terminationReason'] !== 'GuestAbandoned') return false;
  expect(eventsOf(t, /^SessionOperator/), 'no operator served it').toHaveLength(0);
  expect(p(end)).toMatchObject({ terminationReason: 'GuestAbandoned', client: null, userId: null });
  before(single(t, 'SessionEnded'), end);
  return true;
}

function chatSession(t: T): void {
  if (unserved(t)) return;
  expect(distinct(eventsOf(t, /^Session/).map((e) => e.entityKey)), 'one session id').toBe(1);
  assertOrder(t, ['SessionCreated', 'SessionStarted', 'SessionActivityWelcomeMessage', 'SessionOperatorJoined', 'SessionActivityChatMessage', 'SessionEnded', 'SessionOperatorLeft', 'SessionOperatorConcluded']);
  assertOrder(t, ['SessionEnded', 'SessionActivitySessionEnded', 'SessionOperatorConcluded']);
  const joined = single(t, 'SessionOperatorJoined');
  const op = p(joined)['userId'];
  for (const type of ['SessionOperatorLeft', 'SessionOperatorConcluded']) expect(p(single(t, type))['userId'], type).toBe(op);
  const messages = eventsOf(t, 'SessionActivityChatMessage').length;
  expect(messages).toBeGreaterThanOrEqual(3);
  expect(messages).toBeLessThanOrEqual(8);
  // Activity ids grow along the session (docs/providers.md §3 B: consecutive within a session).
  const acts = eventsOf(t, /^SessionActivity/).map((e) => p(e)['activityId'] as number);
  for (let i = 1; i < acts.length; i++) expect(acts[i]).toBeGreaterThan(acts[i - 1] as number);
  // "guest leaves": the description's ending.
  expect(p(single(t, 'SessionActivitySessionEnded'))).toMatchObject({ terminationReason: 'GuestLeft', client: 'Guest', userId: null, chatbotId: null });
  expect(p(single(t, 'SessionEnded'))['started']).toBe(p(single(t, 'SessionStarted'))['started']);
  // The operator's status: BUSY while serving, ONLINE after the wrap-up, always the same user.
  const status = eventsOf(t, 'UserStatusChanged');
  for (const s of status) expect(s.entityKey).toBe(`user:${String(op)}`);
  if (shared) return;
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
  // docs/providers.md §3 B: Joined(A) → forwarded (activity + event, same instant) → Concluded(A) → Joined(B) → … → Ended → Left(B) → Concluded(B).
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


// ---- Shared checks of the mluvii built-ins below ----

const MINUTE = 60_000;
const HOUR = 60 * MINUTE;

function first(t: T, type: string): TimelineEntry {
  const e = t.find((x) => x.eventType === type);
  if (!e) throw new Error(`no ${type} in ${t.map((x) => x.eventType).join(' → ')}`);
  return e;
}
const uid = (e: TimelineEntry): unknown => p(e)['userId'];

/** Generic SessionActivity* payloads (they carry activityId): ids grow along the session (docs/providers.md §3 B). */
function activityIdsGrow(t: T): void {
  const ids = eventsOf(t, /^SessionActivity/)
    .map((e) => p(e)['activityId'])
    .filter((x): x is number => typeof x === 'number');
  for (let i = 1; i < ids.length; i++) expect(ids[i], 'activity ids grow within a session').toBeGreaterThan(ids[i - 1] as number);
}

/** Everything with a tenantId names one tenant. */
function oneTenant(t: T): void {
  const ids = t.map((e) => p(e)['tenantId']).filter((x) => x !== undefined);
  expect(distinct(ids), 'one tenantId').toBeLessThanOrEqual(1);
}

/**
 * One session: one session id for every Session* event, one tenant, one channel/source, growing
 * activity ids; Created and Started at the same instant (the doc's lifecycle table); the single
 * SessionEnded with its SessionActivitySessionEnded at the same instant, `started` repeated.
 */
function sessionLifecycle(t: T): { created: TimelineEntry; started: TimelineEntry; ended: TimelineEntry; endedActivity: TimelineEntry } {
  expect(distinct(eventsOf(t, /^Session/).map((e) => e.entityKey)), 'one session id').toBe(1);
  oneTenant(t);
  activityIdsGrow(t);
  const created = single(t, 'SessionCreated');
  const started = single(t, 'SessionStarted');
  const ended = single(t, 'SessionEnded');
  const endedActivity = single(t, 'SessionActivitySessionEnded');
  expect(t[0], 'SessionCreated comes first').toBe(created);
  before(created, started);
  expect(started.at, 'SessionStarted at the SessionCreated instant').toBe(created.at);
  before(ended, endedActivity);
  expect(endedActivity.at).toBe(ended.at);
  expect(p(ended)['started']).toBe(p(started)['started']);
  const withChannel = t.filter((e) => p(e)['channel'] !== undefined);
  expect(distinct(withChannel.map((e) => p(e)['channel'])), 'one channel').toBe(1);
  expect(distinct(withChannel.map((e) => p(e)['source'])), 'one source').toBe(1);
  for (const e of eventsOf(t, /^Session/)) if (e !== created && e !== started) expect(e.seq, `${e.eventType} after SessionStarted`).toBeGreaterThan(started.seq);
  return { created, started, ended, endedActivity };
}

/** One operator from Joined to Concluded (§3 A): Joined → Ended → Left (same instant) → Concluded. */
function oneOperator(t: T, ended: TimelineEntry): { op: unknown; joined: TimelineEntry; left: TimelineEntry; concluded: TimelineEntry } {
  const joined = single(t, 'SessionOperatorJoined');
  const left = single(t, 'SessionOperatorLeft');
  const concluded = single(t, 'SessionOperatorConcluded');
  const op = uid(joined);
  expect(op).toBeTypeOf('number');
  before(joined, ended);
  before(ended, left);
  expect(left.at, 'SessionOperatorLeft at the SessionEnded instant').toBe(ended.at);
  before(left, concluded);
  expect(uid(left)).toBe(op);
  expect(uid(concluded)).toBe(op);
  for (const e of eventsOf(t, /^SessionActivity/)) if (p(e)['client'] === 'User') expect(uid(e), `${e.eventType} by the operator`).toBe(op);
  return { op, joined, left, concluded };
}

/** The operator's UserStatusChanged: all about `op`, with these [status, availabilityStatus] in order. */
function statuses(t: T, op: unknown, expected: readonly (readonly [string, string])[]): TimelineEntry[] | undefined {
  const list = eventsOf(t, 'UserStatusChanged');
  for (const e of list) expect(e.entityKey).toBe(`user:${String(op)}`);
  if (shared) return undefined;
  expect(list.map((e) => [p(e)['status'], p(e)['availabilityStatus']])).toEqual(expected.map((x) => [...x]));
  return list;
}

/** OnHold and ResumeGuest alternate (ResumeGuest follows its OnHold), by the operator, within the call. */
function holds(t: T, op: unknown, joined: TimelineEntry, ended: TimelineEntry, max: number): number {
  const hs = eventsOf(t, /^SessionActivity(OnHold|ResumeGuest)$/);
  expect(hs.length % 2, 'every OnHold is resumed').toBe(0);
  expect(hs.length / 2).toBeLessThanOrEqual(max);
  hs.forEach((e, i) => {
    expect(e.eventType).toBe(i % 2 === 0 ? 'SessionActivityOnHold' : 'SessionActivityResumeGuest');
    expect(p(e)['client']).toBe('User');
    expect(uid(e)).toBe(op);
    before(joined, e);
    before(e, ended);
  });
  return hs.length / 2;
}

/** docs/providers.md §3 C: invitations; exactly one SessionOperatorLeft (A), Concluded for every operator who joined. */
function severalOperators(t: T): void {
  const { started, ended, endedActivity } = sessionLifecycle(t);
  assertOrder(t, ['SessionStarted', 'SessionActivityWelcomeMessage', 'SessionActivityOperatorInvited']);
  const joins = eventsOf(t, 'SessionOperatorJoined');
  const invites = eventsOf(t, 'SessionActivityOperatorInvited');
  const rejected = eventsOf(t, 'SessionActivityOperatorInviteRejected');
  const canceled = eventsOf(t, 'SessionActivityOperatorInviteCanceled');
  const [joinedA] = joins;
  if (!joinedA) throw new Error('no SessionOperatorJoined');
  const a = uid(joinedA);
  before(started, joinedA);
  expect(joins.length).toBeLessThanOrEqual(3);
  expect(distinct(joins.map(uid)), 'each operator joins once').toBe(joins.length);
  expect(invites.length).toBeGreaterThanOrEqual(1);
  expect(invites.length).toBeLessThanOrEqual(2);
  // Every invitation (by A, to another operator) has exactly one outcome after it:
  // the invitee joins, the invitee rejects (userId = invitee) or A cancels (userId = A).
  let unanswered = 0;
  for (const inv of invites) {
    expect(uid(inv), 'the inviter is A').toBe(a);
    expect(p(inv)['client']).toBe('User');
    const x = p(inv)['toOperatorUserId'];
    expect(x).toBeTypeOf('number');
    expect(x).not.toBe(a);
    before(joinedA, inv);
    const outcomes = [...joins.filter((j) => uid(j) === x), ...rejected.filter((r) => uid(r) === x)];
    expect(outcomes.length, `one outcome of the invitation of ${String(x)}`).toBeLessThanOrEqual(1);
    if (outcomes[0]) before(inv, outcomes[0]);
    else unanswered++;
  }
  expect(canceled, 'a cancel for each invitation neither joined nor rejected').toHaveLength(unanswered);
  for (const c of canceled) {
    expect(uid(c), 'A cancels').toBe(a);
    before(invites[0] as TimelineEntry, c);
  }
  for (const r of rejected) expect(joins.some((j) => uid(j) === uid(r)), 'a rejecting operator never joins').toBe(false);
  for (const e of [...joins, ...invites, ...rejected, ...canceled]) before(e, ended);
  // A kicked operator (SessionActivityOperatorKicked by A) concludes at once, before the end.
  const kicked = eventsOf(t, 'SessionActivityOperatorKicked');
  expect(kicked.length).toBeLessThanOrEqual(1);
  const kickedOp = kicked[0] ? p(kicked[0])['toOperatorUserId'] : undefined;
  for (const k of kicked) {
    expect(uid(k), 'A kicks').toBe(a);
    expect(joins.some((j) => uid(j) === kickedOp), 'the kicked operator had joined').toBe(true);
    const c = single(t.filter((e) => uid(e) === kickedOp), 'SessionOperatorConcluded');
    before(k, c);
    before(c, ended);
  }
  // The doc's hint: only one operator gets SessionOperatorLeft; the others SessionOperatorConcluded.
  const left = single(t, 'SessionOperatorLeft');
  expect(uid(left), 'A gets the one SessionOperatorLeft').toBe(a);
  before(ended, left);
  expect(left.at).toBe(ended.at);
  const concluded = eventsOf(t, 'SessionOperatorConcluded');
  expect(concluded.map(uid).sort(), 'one Concluded per operator who joined').toEqual(joins.map(uid).sort());
  const concludedA = concluded.find((c) => uid(c) === a) as TimelineEntry;
  before(left, concludedA);
  expect(concludedA, "A's Concluded is the last event").toBe(t[t.length - 1]);
  for (const c of concluded) {
    if (uid(c) === kickedOp) continue;
    before(ended, c);
    if (c !== concludedA) expect(c.at - ended.at, 'the others conclude at the end, without a wrap-up').toBeLessThanOrEqual(1500);
  }
  const reason = p(endedActivity)['terminationReason'];
  expect(reason).toBeTypeOf('string');
  if (p(endedActivity)['client'] === 'User') expect(uid(endedActivity)).toBe(a);
}

/** docs/providers.md §3 D: AvRequest → AvResponse → [AvMediaResult] → AvTerminated (accepted only); ON_CALL and back. */
function chatToAv(t: T): void {
  if (unserved(t)) return;
  const { ended } = sessionLifecycle(t);
  const { op, joined, concluded } = oneOperator(t, ended);
  assertOrder(t, ['SessionCreated', 'SessionStarted', 'SessionActivityWelcomeMessage', 'SessionOperatorJoined', 'SessionActivityAvRequest', 'SessionActivityAvResponse', 'SessionActivityAvMediaResult', 'SessionActivityAvTerminated', 'SessionEnded', 'SessionOperatorLeft', 'SessionOperatorConcluded']);
  const request = single(t, 'SessionActivityAvRequest');
  const response = single(t, 'SessionActivityAvResponse');
  before(joined, request);
  before(request, response);
  before(response, ended);
  for (const e of eventsOf(t, /^SessionActivityAv/)) {
    expect(p(e)['operatorId'], `${e.eventType} operatorId`).toBe(op);
    expect(p(e)['activityId'], 'AV events are not generic').toBeUndefined();
  }
  const media = eventsOf(t, 'SessionActivityAvMediaResult');
  const terminated = eventsOf(t, 'SessionActivityAvTerminated');
  const accepted = p(response)['response'] === 'Accepted';
  if (accepted) {
    expect(terminated).toHaveLength(1);
    expect(media.length).toBeLessThanOrEqual(1);
    const term = terminated[0] as TimelineEntry;
    before(term, ended);
    const list = statuses(t, op, [['BUSY', 'DEFAULT'], ['BUSY', 'ON_CALL'], ['BUSY', 'DEFAULT'], ['ONLINE', 'DEFAULT']]);
    if (list) {
      const [busy, onCall, offCall, online] = list as [TimelineEntry, TimelineEntry, TimelineEntry, TimelineEntry];
      before(joined, busy);
      before(response, onCall);
      before(onCall, term);
      before(term, offCall);
      before(concluded, online);
    }
    if (media[0]) expect(p(media[0])['isStreamAvailable']).toBe(['Success', 'NoCameraOnlyMic'].includes(p(media[0])['result'] as string));
  } else {
    expect(['RejectedUser', 'RejectedNoMic']).toContain(p(response)['response']);
    expect(terminated, 'no AvTerminated after a rejection').toHaveLength(0);
    expect(media).toHaveLength(0);
    const list = statuses(t, op, [['BUSY', 'DEFAULT'], ['ONLINE', 'DEFAULT']]);
    if (list) {
      const [busy, online] = list as [TimelineEntry, TimelineEntry];
      before(joined, busy);
      before(concluded, online);
    }
  }
}

/**
 * docs/providers.md §3 F: a phone session (channel Phone) with one operator: Joined → [OnHold ↔ ResumeGuest] →
 * Ended → Left → Concluded; SessionRecordingPostProcessingCompleted (≤ 1) after the end;
 * SessionCallParamsUpdated anywhere after the start. Statuses ON_CALL → BUSY (wrap-up) → ONLINE.
 */
function phoneSession(t: T, sources: readonly string[], maxHolds: number, withStatuses = true) {
  if (unserved(t)) return undefined;
  const lc = sessionLifecycle(t);
  const { created, started, ended } = lc;
  const oo = oneOperator(t, ended);
  const { op, joined, left, concluded } = oo;
  expect(p(created)['channel']).toBe('Phone');
  expect(sources).toContain(p(created)['source']);
  assertOrder(t, ['SessionCreated', 'SessionStarted', 'SessionOperatorJoined', 'SessionActivityOnHold', 'SessionEnded', 'SessionOperatorLeft', 'SessionOperatorConcluded']);
  const nHolds = holds(t, op, joined, ended, maxHolds);
  const recording = eventsOf(t, 'SessionRecordingPostProcessingCompleted');
  expect(recording.length).toBeLessThanOrEqual(1);
  for (const r of recording) {
    before(ended, r);
    expect(r.at - ended.at, 'the recording is processed minutes after the end').toBeGreaterThanOrEqual(MINUTE);
  }
  for (const c of eventsOf(t, 'SessionCallParamsUpdated')) before(started, c);
  const list = withStatuses ? statuses(t, op, [['BUSY', 'ON_CALL'], ['BUSY', 'DEFAULT'], ['ONLINE', 'DEFAULT']]) : undefined;
  if (list) {
    const [onCall, wrapUp, online] = list as [TimelineEntry, TimelineEntry, TimelineEntry];
    before(joined, onCall);
    before(left, wrapUp);
    before(concluded, online);
  }
  return { ...lc, ...oo, nHolds, recording };
}

function phoneCall(t: T): void {
  const s = phoneSession(t, ['IncomingCall', 'OutgoingCall'], 2);
  if (!s) return;
  // The doc's OutgoingCall example: SessionStarted and SessionOperatorJoined at the same instant.
  if (p(s.created)['source'] === 'OutgoingCall') expect(s.joined.at).toBe(s.started.at);
}

function callbackSession(t: T): void {
  phoneSession(t, ['Callback'], 1);
}

/** docs/providers.md §3 F (campaign): CallScript on acceptance; CallScriptSubmission when ACW ends, not before Concluded. */
function campaignCall(t: T): void {
  const s = phoneSession(t, ['Campaign'], 1);
  if (!s) return;
  const { ended, endedActivity, joined, concluded, nHolds } = s;
  const script = single(t, 'SessionActivityCallScript');
  before(joined, script);
  before(script, ended);
  expect(script.at - joined.at).toBeLessThanOrEqual(1000);
  expect(Array.isArray(p(script)['callScript']) && (p(script)['callScript'] as unknown[]).length > 0, 'the script form').toBe(true);
  expect(p(script)['formFieldSetUUID']).toBeTypeOf('string');
  const submission = single(t, 'SessionActivityCallScriptSubmission');
  before(concluded, submission, 'CallScriptSubmission not before SessionOperatorConcluded');
  expect(submission.at - concluded.at, 'CallScriptSubmission when the ACW ends').toBeLessThanOrEqual(300);
  expect(p(submission)['client'], "the doc example's client").toBe('Guest');
  const reason = p(endedActivity)['terminationReason'];
  expect(['ExternalPartyLeft', 'OperatorLeft', 'CampaignFailedDial']).toContain(reason);
  if (reason === 'CampaignFailedDial') expect(nHolds, 'no hold on a failed dial').toBe(0);
  if (reason === 'OperatorLeft') expect(p(endedActivity)['client']).toBe('User');
}

function recordingProcessed(t: T): void {
  const s = phoneSession(t, ['IncomingCall'], 0, false);
  if (!s) return;
  const { ended, recording, concluded } = s;
  const [r] = recording;
  if (!r) throw new Error('SessionRecordingPostProcessingCompleted expected');
  expect(r.at - ended.at).toBeGreaterThanOrEqual(2 * MINUTE);
  expect(r.at - ended.at).toBeLessThanOrEqual(15 * MINUTE);
  expect(p(r)['id']).toBe(p(ended)['id']);
  expect(p(r)['tenantId']).toBe(p(ended)['tenantId']);
  expect(concluded.at - ended.at, 'the wrap-up is independent of the processing').toBeGreaterThanOrEqual(5000);
}

/** docs/providers.md §3 E (+ A/B): chatbot, HeroCard → HeroCardSubmission → the chatbot forwards → operator joins → … */
function chatbotHandoff(t: T): void {
  if (unserved(t)) return;
  const { ended, endedActivity } = sessionLifecycle(t);
  const { op, joined } = oneOperator(t, ended);
  assertOrder(t, ['SessionStarted', 'SessionActivityChatbotMessage', 'SessionActivitySessionForwarded', 'SessionForwarded', 'SessionOperatorJoined', 'SessionActivityChatMessage', 'SessionActivityChatToMail', 'SessionEnded', 'SessionOperatorLeft', 'SessionOperatorConcluded']);
  assertOrder(t, ['SessionStarted', 'SessionActivityHeroCard', 'SessionActivityHeroCardSubmission', 'SessionActivitySessionForwarded']);
  const bot = p(first(t, 'SessionActivityChatbotMessage'))['chatbotId'];
  expect(bot).toBeTypeOf('number');
  for (const e of eventsOf(t, 'SessionActivityChatbotMessage')) {
    expect(p(e)['client']).toBe('Chatbot');
    expect(p(e)['chatbotId']).toBe(bot);
  }
  const card = single(t, 'SessionActivityHeroCard');
  expect(p(card)['client']).toBe('Chatbot');
  expect(p(card)['chatbotId']).toBe(bot);
  expect(uid(card)).toBeNull();
  const submission = single(t, 'SessionActivityHeroCardSubmission');
  expect(p(submission)['submittedByClient']).toBe(true);
  if (p(submission)['result'] === 'Submitted') expect(p(submission)['params']).toBeTypeOf('object');
  else {
    expect(p(submission)['result']).toBe('Cancelled');
    expect(p(submission)['params']).toBeNull();
  }
  const activity = single(t, 'SessionActivitySessionForwarded');
  const forwarded = single(t, 'SessionForwarded');
  expect(forwarded.at).toBe(activity.at);
  expect(p(activity)['client'], 'the chatbot forwards').toBe('Chatbot');
  expect(p(activity)['chatbotId']).toBe(bot);
  expect(uid(activity)).toBeNull();
  expect(p(forwarded)['chatbotId'], 'the target is not a chatbot').toBeNull();
  const toOp = p(activity)['toOperatorUserId'];
  if (toOp !== null) {
    expect(toOp).toBe(op);
    expect(uid(forwarded)).toBe(op);
    expect(p(forwarded)['operatorGroupId']).toBeNull();
  } else {
    expect(p(activity)['toGroupId']).toBeTypeOf('number');
    expect(p(forwarded)['operatorGroupId']).toBe(p(activity)['toGroupId']);
    expect(uid(forwarded)).toBeNull();
  }
  expect(t.filter((e) => e.eventType.startsWith('SessionOperator') && e.seq < activity.seq), 'no operator before the handoff').toHaveLength(0);
  for (const m of eventsOf(t, 'SessionActivityChatToMail')) {
    before(joined, m);
    expect(p(m)['client']).toBe('User');
    expect(uid(m)).toBe(op);
  }
  expect(['GuestLeft', 'OperatorLeft']).toContain(p(endedActivity)['terminationReason']);
  expect(eventsOf(t, 'SessionOperatorConcluded'), 'no Concluded for the chatbot').toHaveLength(1);
}

/** docs/providers.md §3 G: Created → OperatorJoined → (ParamsUpdated) → OperatorLeft; a forward is Forwarded + Left together. */
function emailThread(t: T): void {
  expect(distinct(t.map((e) => e.entityKey)), 'one e-mail thread').toBe(1);
  expect(t[0]?.entityKey.startsWith('emailThread:')).toBe(true);
  oneTenant(t);
  const created = single(t, 'EmailThreadCreated');
  expect(t[0]).toBe(created);
  expect(p(created)['created'], 'whole seconds (the doc example)').toMatch(/T\d\d:\d\d:\d\d[+-]\d\d:\d\d$/);
  const joins = eventsOf(t, 'EmailThreadOperatorJoined');
  const lefts = eventsOf(t, 'EmailThreadOperatorLeft');
  const forwards = eventsOf(t, 'EmailThreadForwarded');
  expect(lefts.length).toBe(joins.length);
  // Joined(u) → Left(u) pairs, one operator at a time.
  const pairs = t.filter((e) => e.eventType === 'EmailThreadOperatorJoined' || e.eventType === 'EmailThreadOperatorLeft');
  pairs.forEach((e, i) => {
    expect(e.eventType).toBe(i % 2 === 0 ? 'EmailThreadOperatorJoined' : 'EmailThreadOperatorLeft');
    if (i % 2 === 1) expect(uid(e)).toBe(uid(pairs[i - 1] as TimelineEntry));
  });
  for (const u of eventsOf(t, 'EmailThreadParamsUpdated')) before(joins[0] as TimelineEntry, u);
  expect(forwards.length).toBeLessThanOrEqual(1);
  const [fwd] = forwards;
  if (fwd) {
    expect(joins).toHaveLength(2);
    const [joinedA, joinedB] = joins as [TimelineEntry, TimelineEntry];
    const leftA = lefts[0] as TimelineEntry;
    expect(uid(joinedB)).not.toBe(uid(joinedA));
    before(joinedA, fwd);
    before(fwd, leftA);
    expect(leftA.at, 'EmailThreadOperatorLeft along with the forward').toBe(fwd.at);
    if (uid(fwd) !== null) {
      expect(uid(fwd), 'forwarded to the operator who joins next').toBe(uid(joinedB));
      expect(p(fwd)['operatorGroupId']).toBeNull();
    } else expect(p(fwd)['operatorGroupId']).toBeTypeOf('number');
  } else expect(joins).toHaveLength(1);
  expect((joins[0] as TimelineEntry).at - created.at, 'e-mail waits in the queue').toBeGreaterThanOrEqual(20_000);
}

/**
 * One operator's shift: ONLINE first, OFFLINE last, breaks AWAY (availability AWAY, reason Pauza
 * or Oběd), one lunch, every event a change, hours long. Alone the operator has no sessions (never
 * BUSY); in a run of sessions a return from a break may find them BUSY already.
 */
function operatorShift(t: T): void {
  expect(eventsOf(t, 'UserStatusChanged')).toHaveLength(t.length);
  expect(distinct(t.map((e) => e.entityKey)), 'one operator').toBe(1);
  const states = t.map((e) => [p(e)['status'], p(e)['availabilityStatus'], p(e)['availabilityStatusReason']] as const);
  expect(states[states.length - 1]).toEqual(['OFFLINE', 'DEFAULT', null]);
  expect(states.filter((s) => s[0] === 'OFFLINE'), 'OFFLINE only at the end').toHaveLength(1);
  states.forEach(([status, availability, reason], i) => {
    if (i > 0) expect(`${String(status)}/${String(availability)}/${String(reason)}`, 'every webhook is a change').not.toBe(`${String(states[i - 1]?.[0])}/${String(states[i - 1]?.[1])}/${String(states[i - 1]?.[2])}`);
    expect(availability === 'AWAY', 'AWAY status ⇔ AWAY availability').toBe(status === 'AWAY');
    if (status === 'AWAY') expect(['Pauza', 'Oběd']).toContain(reason);
    else expect(reason).toBeNull();
    if (!shared) expect(status, 'no sessions, never BUSY').not.toBe('BUSY');
  });
  expect(states.filter((s) => s[2] === 'Oběd'), 'one lunch').toHaveLength(1);
  const lunch = t.findIndex((e) => p(e)['availabilityStatusReason'] === 'Oběd');
  expect((t[lunch + 1] as TimelineEntry).at - (t[lunch] as TimelineEntry).at).toBeGreaterThanOrEqual(30 * MINUTE);
  expect((t[t.length - 1] as TimelineEntry).at - (t[0] as TimelineEntry).at, 'hours long').toBeGreaterThanOrEqual(3 * HOUR);
}

/** docs/providers.md §3 H: 24 h in the queue → LastFarewellMessage → ended (ExternalSessionExpired); no operator at all. */
function whatsappExpired(t: T): void {
  const { created, started, ended, endedActivity } = sessionLifecycle(t);
  expect(p(created)['channel']).toBe('Chat');
  expect(['WhatsApp', 'Facebook']).toContain(p(created)['source']);
  assertOrder(t, ['SessionCreated', 'SessionStarted', 'SessionActivityAutoActivity', 'SessionActivityLastFarewellMessage', 'SessionEnded', 'SessionActivitySessionEnded']);
  expect(eventsOf(t, /^SessionOperator|^UserStatusChanged$|Forwarded$/), 'no operator ever').toHaveLength(0);
  for (const e of eventsOf(t, /^SessionActivity/)) expect(uid(e), `${e.eventType} without an operator`).toBeNull();
  const farewell = single(t, 'SessionActivityLastFarewellMessage');
  expect(p(farewell)['text']).toBeTypeOf('string');
  expect(farewell.at - started.at, 'after 24 hours of queuing').toBeGreaterThanOrEqual(24 * HOUR);
  expect(farewell.at - started.at).toBeLessThan(25 * HOUR);
  before(farewell, ended);
  expect(ended.at - farewell.at).toBeLessThanOrEqual(2000);
  expect(p(endedActivity)['terminationReason']).toBe('ExternalSessionExpired');
  expect(p(endedActivity)['client']).toBeNull();
}

/** §3 A chat + GuestIdentityUpdated (entity guest) while the operator serves, all about one contact. */
function guestIdentity(t: T): void {
  if (unserved(t)) return;
  const { ended } = sessionLifecycle(t);
  const { joined } = oneOperator(t, ended);
  assertOrder(t, ['SessionCreated', 'SessionStarted', 'SessionActivityWelcomeMessage', 'SessionOperatorJoined', 'SessionEnded', 'SessionOperatorLeft', 'SessionOperatorConcluded']);
  const updates = eventsOf(t, 'GuestIdentityUpdated');
  expect(updates.length).toBeGreaterThanOrEqual(1);
  expect(updates.length).toBeLessThanOrEqual(2);
  expect(distinct(updates.map((e) => e.entityKey)), 'one contact').toBe(1);
  expect(updates[0]?.entityKey).toMatch(/^guest:\d+$/);
  for (const u of updates) {
    before(joined, u);
    before(u, ended);
  }
}

/** docs/providers.md M19: one settings change → 18 ApplicationSettingChanged for that setting, within a second. */
function tenantSettings(t: T): void {
  expect(t).toHaveLength(18);
  expect(eventsOf(t, 'ApplicationSettingChanged')).toHaveLength(18);
  expect(distinct(t.map((e) => e.entityKey)), 'one company').toBe(1);
  expect(distinct(t.map((e) => p(e)['name'])), 'one setting').toBe(1);
  expect(distinct(t.map((e) => p(e)['companyId']))).toBe(1);
  expect(distinct(t.map((e) => p(e)['departmentId']).filter((x) => x !== null)), 'one tenant').toBeLessThanOrEqual(1);
  expect((t[17] as TimelineEntry).at - (t[0] as TimelineEntry).at).toBeLessThanOrEqual(1100);
  for (const e of t) {
    const levels = ['operatorGroupId', 'userId', 'routingRuleSetId'].filter((k) => p(e)[k] !== null);
    expect(levels.length, 'at most one level below the department').toBeLessThanOrEqual(1);
  }
}

/** A served chat (§3 A) with one operator: the lifecycle, the operator's events, chat messages only by the guest and the operator. */
function servedChat(t: T): { op: unknown; joined: TimelineEntry; ended: TimelineEntry; endedActivity: TimelineEntry; concluded: TimelineEntry } {
  const { ended, endedActivity } = sessionLifecycle(t);
  const { op, joined, concluded } = oneOperator(t, ended);
  expect(p(single(t, 'SessionCreated'))['channel']).toBe('Chat');
  for (const e of eventsOf(t, /^SessionActivity/)) expect(p(e)['client'], `${e.eventType}: no chatbot in an operator's chat`).not.toBe('Chatbot');
  for (const m of eventsOf(t, 'SessionActivityChatMessage')) before(joined, m, 'chat messages once the operator joined');
  return { op, joined, ended, endedActivity, concluded };
}

/** The session's tools in a served chat, each after the operator joined; cobrowsing stopped after it started; a preview of an earlier activity. */
function chatCobrowsing(t: T): void {
  if (unserved(t)) return;
  const { op, joined, ended } = servedChat(t);
  const started = single(t, 'SessionActivityCobrowsingStarted');
  const stopped = single(t, 'SessionActivityCobrowsingStoppedByGuest');
  before(started, stopped);
  expect(p(stopped)['client']).toBe('Guest');
  expect(eventsOf(t, /^SessionActivity(SharedScreen|ScreenSharingFailedByGuest)$/)).toHaveLength(1);
  const files = eventsOf(t, 'SessionActivitySharedFile');
  const failed = eventsOf(t, 'SessionActivityFileUploadFailed');
  expect(failed.length).toBeLessThanOrEqual(1);
  expect(files.length, 'a file is shared (after a failed upload, again)').toBe(1);
  for (const f of files) expect((p(f)['file'] as { name: string }).name).toBeTypeOf('string');
  const preview = single(t, 'SessionActivityPreviewUrl');
  const url = p(preview)['previewUrl'] as { originalActivityId: number; originalUrl: string };
  expect(url.originalActivityId, 'the preview of an earlier activity').toBeLessThan(p(preview)['activityId'] as number);
  const greeting = single(t, 'SessionActivityAutoActivityAsOperator');
  expect(p(greeting)).toMatchObject({ client: 'User', userId: op });
  for (const e of [started, greeting, preview, ...files]) {
    before(joined, e);
    before(e, ended);
  }
  const autos = eventsOf(t, 'SessionActivityAutoActivity');
  expect(autos.length).toBeGreaterThanOrEqual(1);
  before(autos[0] as TimelineEntry, joined, 'an automatic message while the guest waits');
  for (const a of autos) expect(p(a)['client'], 'automatic messages have no client').toBeNull();
}

/** §3 E: the operator's HeroCard (client User) and its one submission: submitted by the guest, confirmed by the operator, or cancelled. */
function operatorHerocard(t: T): void {
  if (unserved(t)) return;
  const { op, joined, ended } = servedChat(t);
  const card = single(t, 'SessionActivityHeroCard');
  expect(p(card)).toMatchObject({ client: 'User', userId: op, chatbotId: null });
  const submission = single(t, 'SessionActivityHeroCardSubmission');
  before(joined, card);
  before(card, submission);
  before(submission, ended);
  const sub = p(submission);
  if (sub['result'] === 'Cancelled') expect(sub['params']).toBeNull();
  else expect(sub['params']).toBeTypeOf('object');
}

/** Facebook Messenger: external messages before the operator joins, then a served chat ending GuestLeft. */
function messengerChat(t: T): void {
  if (unserved(t)) return;
  const { joined, endedActivity } = servedChat(t);
  expect(p(single(t, 'SessionCreated'))['source']).toBe('Facebook');
  const external = eventsOf(t, 'SessionActivityExternalMessage');
  expect(external.length).toBeGreaterThanOrEqual(2);
  for (const e of external) before(e, joined);
  expect(p(endedActivity)).toMatchObject({ terminationReason: 'GuestLeft', client: 'Guest' });
}

/** §3 B to a chatbot: the forward names the chatbot (SessionForwarded.chatbotId, the activity's toGroupId), the operator concludes, the chatbot ends it. */
function forwardToChatbot(t: T): void {
  if (unserved(t)) return;
  const { ended, endedActivity } = sessionLifecycle(t);
  const joined = single(t, 'SessionOperatorJoined');
  const activity = single(t, 'SessionActivitySessionForwarded');
  const forwarded = single(t, 'SessionForwarded');
  const concluded = single(t, 'SessionOperatorConcluded');
  const bot = p(forwarded)['chatbotId'];
  expect(bot).toBeTypeOf('number');
  expect(p(forwarded)).toMatchObject({ userId: null, operatorGroupId: null });
  expect(p(activity)).toMatchObject({ client: 'User', userId: uid(joined), toGroupId: bot, toOperatorUserId: null });
  before(joined, activity);
  before(activity, concluded);
  expect(uid(concluded)).toBe(uid(joined));
  expect(eventsOf(t, 'SessionOperatorLeft'), 'the operator concluded at the forward').toHaveLength(0);
  const botMessages = eventsOf(t, 'SessionActivityChatbotMessage');
  expect(botMessages.length).toBeGreaterThanOrEqual(1);
  for (const m of botMessages) {
    before(forwarded, m);
    expect(p(m)['chatbotId']).toBe(bot);
  }
  for (const m of eventsOf(t, 'SessionActivityChatMessage').filter((e) => e.seq > forwarded.seq)) expect(p(m)['client'], 'after the forward: the guest and the chatbot').not.toBe('User');
  before(concluded, ended);
  expect(p(endedActivity)).toMatchObject({ terminationReason: 'ChatbotLeft', client: 'Chatbot', chatbotId: bot });
}

/** §3 F + B: a phone call forwarded to an external number: no internal target, ended CallForwardedToExternalPhone. */
function phoneForwardExternal(t: T): void {
  if (unserved(t)) return;
  const { ended, endedActivity } = sessionLifecycle(t);
  const joined = single(t, 'SessionOperatorJoined');
  const activity = single(t, 'SessionActivitySessionForwarded');
  const forwarded = single(t, 'SessionForwarded');
  expect(p(single(t, 'SessionCreated'))).toMatchObject({ channel: 'Phone', source: 'IncomingCall' });
  expect(p(activity)['toPhoneNumber']).toMatch(/^\+420\d{9}$/);
  expect(p(activity)).toMatchObject({ toOperatorUserId: null, toGroupId: null, client: 'User', userId: uid(joined) });
  expect(p(forwarded)).toMatchObject({ userId: null, operatorGroupId: null, chatbotId: null });
  before(joined, activity);
  before(forwarded, ended);
  expect(p(endedActivity)).toMatchObject({ terminationReason: 'CallForwardedToExternalPhone', client: 'User', userId: uid(joined) });
  const concluded = single(t, 'SessionOperatorConcluded');
  before(ended, concluded);
  expect(uid(concluded)).toBe(uid(joined));
}

/** §3 C: A invites B and cancels, invites C who joins, kicks C (C concludes at once); A ends and concludes last. */
function inviteCancelKick(t: T): void {
  const { ended } = sessionLifecycle(t);
  const [invitedB, invitedC] = eventsOf(t, 'SessionActivityOperatorInvited') as [TimelineEntry, TimelineEntry];
  const joins = eventsOf(t, 'SessionOperatorJoined');
  expect(joins).toHaveLength(2);
  const [joinedA, joinedC] = joins as [TimelineEntry, TimelineEntry];
  const a = uid(joinedA);
  const canceled = single(t, 'SessionActivityOperatorInviteCanceled');
  const kicked = single(t, 'SessionActivityOperatorKicked');
  expect(p(invitedB)['toOperatorUserId']).not.toBe(a);
  expect(p(invitedC)['toOperatorUserId']).toBe(uid(joinedC));
  expect(uid(canceled), 'A cancels').toBe(a);
  before(invitedB, canceled);
  before(canceled, invitedC);
  before(invitedC, joinedC);
  expect(p(kicked)).toMatchObject({ client: 'User', userId: a, toOperatorUserId: uid(joinedC) });
  before(joinedC, kicked);
  const concluded = eventsOf(t, 'SessionOperatorConcluded');
  expect(concluded.map(uid)).toEqual([uid(joinedC), a]);
  before(kicked, concluded[0] as TimelineEntry);
  before(concluded[0] as TimelineEntry, ended);
  expect(uid(single(t, 'SessionOperatorLeft'))).toBe(a);
  expect(concluded[1]).toBe(t[t.length - 1]);
}

/** The part of a day an instance belongs to, by its step names (`chats.served.created` → served). */
function dispatch(table: Record<string, Invariant>): Invariant {
  return (t, seed) => {
    const kind = (t[0] as TimelineEntry).step.split('.')[1] ?? '';
    const check = table[kind];
    if (!check) throw new Error(`no invariants for ${(t[0] as TimelineEntry).scenario} ${kind}`);
    inSharedRun(check)(t, seed);
  };
}

export const MLUVII_INVARIANTS: Record<string, Invariant> = {
  'chat-session': chatSession,
  'forwarded-session': forwardedSession,
  'several-operators': severalOperators,
  'chat-to-av': chatToAv,
  'phone-call': phoneCall,
  'campaign-call': campaignCall,
  'callback-session': callbackSession,
  'chatbot-handoff': chatbotHandoff,
  'email-thread': emailThread,
  'operator-shift': operatorShift,
  'whatsapp-expired': whatsappExpired,
  'recording-processed': recordingProcessed,
  'guest-identity': guestIdentity,
  'tenant-settings': tenantSettings,
  'chat-cobrowsing': chatCobrowsing,
  'operator-herocard': operatorHerocard,
  'messenger-chat': messengerChat,
  'forward-to-chatbot': forwardToChatbot,
  'phone-forward-external': phoneForwardExternal,
  'invite-cancel-kick': inviteCancelKick,
  'customer-service-day/shifts': inSharedRun(operatorShift),
  'customer-service-day/chats': dispatch({ served: chatSession, chatbot: chatbotHandoff, identity: guestIdentity, av: chatToAv, cobrowsing: chatCobrowsing, form: operatorHerocard, messenger: messengerChat, toChatbot: forwardToChatbot }),
  'customer-service-day/calls': dispatch({ phone: phoneCall, callback: callbackSession, campaign: campaignCall, recording: recordingProcessed, external: phoneForwardExternal }),
  'customer-service-day/emails': dispatch({ email: emailThread }),
  'customer-service-day/settings': dispatch({ settings: tenantSettings }),
};
