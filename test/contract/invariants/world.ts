import { expect } from "vitest";
import type { EnreachWorld, MluviiWorld } from '../../../generators/index.ts';
import type { Scenario, TimelineEntry } from '../../../scenarios/index.ts';
import { p, type T } from '../../helpers/timeline.ts';
import { agentCallIntervals, CHATS_PER_OPERATOR, enreachStatusMismatches, mluviiStatusMismatches, operatorSessions, type Mismatch } from '../../helpers/world-replay.ts';
import { toText } from '../../../contracts/text.ts';

/**
 * What must hold across the sessions of one run (the world state, scenarios/README.md): checked
 * on the whole timeline of a built-in, for every seed. Per-instance checks are in enreach.ts and
 * mluvii.ts beside this file.
 */

const show = (m: Mismatch): string => `#${m.entry.seq} ${m.entry.step} (${m.entry.eventType}, ${m.entry.entityKey}) ${m.field}: expected ${JSON.stringify(m.expected)}, got ${JSON.stringify(m.got)}`;
const str = (v: unknown): string | undefined => (typeof v === 'string' && v !== '' ? v : undefined);
const ms = (s: unknown): number => (typeof s === 'string' ? Date.parse(/Z$/.test(s) ? s : `${s}Z`) : NaN);

/** Status events of one entity are sent only when they changed (docs/providers.md E16; mluvii "when the operator state changes"). */
function sentWhenChanged(t: T, types: ReadonlySet<string>, volatile: readonly string[]): void {
  const last = new Map<string, string>();
  for (const e of t) {
    if (!types.has(e.eventType)) continue;
    const body: Record<string, unknown> = { ...p(e) };
    for (const k of volatile) delete body[k];
    const text = JSON.stringify(body);
    const key = `${e.eventType} ${e.entityKey}`;
    expect(last.get(key), `#${e.seq} ${e.step}: ${key} repeats the last one`).not.toBe(text);
    last.set(key, text);
  }
}

/** No Id twice in a timeline: a receiver dedups on Id (docs/providers.md E3). */
export function uniqueEnreachIds(t: T): void {
  const seen = new Set<string>();
  for (const e of t) {
    const id = String(p(e)['Id']);
    expect(seen.has(id), `#${e.seq} ${e.step}: Id ${id} used twice`).toBe(false);
    seen.add(id);
  }
}

/** A session id belongs to one session (instance), an activity id to one activity. */
export function uniqueMluviiIds(t: T): void {
  const sessionOf = new Map<number, string>();
  const activities = new Set<number>();
  for (const e of t) {
    const b = p(e);
    const sid = e.entityKey.startsWith('session:') ? Number(e.entityKey.slice(8)) : undefined;
    const who = `${e.scenario}#${e.instance}`;
    if (sid !== undefined) {
      const owner = sessionOf.get(sid);
      if (owner === undefined) sessionOf.set(sid, who);
      else expect(owner, `#${e.seq} ${e.step}: session id ${sid} of ${owner} used by ${who}`).toBe(who);
    }
    const act = b['activityId'];
    if (typeof act === 'number') {
      expect(activities.has(act), `#${e.seq} ${e.step}: activity id ${act} used twice`).toBe(false);
      activities.add(act);
    }
  }
}

const TRANSCRIPT_KIND: [RegExp, string[]][] = [
  [/^QueueCallIn/, ['IncomingQueueCall', 'IncomingCallListCall']],
  [/^QueueUserCall/, ['OutgoingQueueCall']],
  [/^UserCallIn/, ['UserIncoming', 'VoiceMailRecording', 'IncomingCallListCall']],
  [/^UserCallOut/, ['UserOutgoing']],
  [/^CallbackUserCall/, ['OutgoingCallListCall']],
];

/** The values one call (CallId) or one request (CallBackId) carries are the same in every event about it. */
function perCallValues(t: T): void {
  const calls = new Map<string, { first: TimelineEntry; start: number; end: number | undefined; connected: boolean; values: Map<string, unknown> }>();
  for (const e of t) {
    const b = p(e);
    const id = str(b['CallId']);
    if (!id || e.eventType === 'CallbackChanged' || /CallbackCreated$/.test(e.eventType) || e.eventType === 'UserCallAllocationResponse') continue;
    let c = calls.get(id);
    if (!c) calls.set(id, (c = { first: e, start: e.at, end: undefined, connected: false, values: new Map() }));
    if (/Connected$/.test(e.eventType) && !/Transfer/.test(e.eventType)) c.connected = true;
    if (/Disconnected$/.test(e.eventType)) c.end = e.at;
    // One caller and one dialled number for the whole call; one applet per transfer and overflow route.
    for (const k of ['CallerNumber', 'TargetNumber', 'TransferApplet', 'OverflowApplet']) {
      if (!(k in b) || b[k] === null) continue;
      const was = c.values.get(k);
      if (was === undefined) c.values.set(k, b[k]);
      else expect(b[k], `#${e.seq} ${e.step}: ${k} of call ${id}`).toBe(was);
    }
    // Disconnect reasons in the doc's style for each event, matching whether the call was answered.
    if (/Disconnected$/.test(e.eventType) && b['TechReason'] !== undefined && b['TechReason'] !== null) {
      const reason = toText(b['TechReason']);
      if (e.eventType === 'QueueCallInDisconnected') expect(reason, `#${e.seq} ${e.step}: QueueCallInDisconnected has informative local reasons, not SIP causes`).not.toMatch(/^\d+ /);
      else expect(reason, `#${e.seq} ${e.step}: a SIP cause`).toMatch(/^\d+ /);
      if (c.connected) expect(reason, `#${e.seq} ${e.step}: an answered call does not end for no answer`).not.toMatch(/^(19|17|480|487) /);
    }
    // Transcripts: the kind of the call, and never longer than the call.
    if (/Transcribed$/.test(e.eventType)) {
      const kinds = TRANSCRIPT_KIND.find(([re]) => re.test(c.first.eventType))?.[1];
      if (kinds) expect(kinds, `#${e.seq} ${e.step}: TranscribeRecordingType of a call that began with ${c.first.eventType}`).toContain(b['TranscribeRecordingType']);
      if (c.end !== undefined) expect(b['DurationMillis'] as number, `#${e.seq} ${e.step}: DurationMillis within the call`).toBeLessThanOrEqual(c.end - c.start);
    }
    // A call back dials the contact from the list's number: the inbound caller never leaks into it.
    if (e.eventType.startsWith('CallbackUserCallOut') && 'CallerNumber' in b) expect(b['CallerNumber'], `#${e.seq} ${e.step}: CallerNumber ≠ TargetNumber`).not.toBe(b['TargetNumber']);
  }
  const requests = new Map<string, Record<string, unknown>>();
  for (const e of t) {
    if (e.eventType !== 'CallbackChanged' && !/CallbackCreated$/.test(e.eventType)) continue;
    const b = p(e);
    const id = String(b['CallBackId']);
    const r = requests.get(id);
    if (!r) {
      requests.set(id, { ...b });
      continue;
    }
    for (const k of ['CreationTime', 'ContactMessage', 'ContactNumber', 'CallId', 'ContactName', 'TypeId', 'DueDate', 'ExpiryDate', 'CalculatedPriority', 'QueueId', 'ChannelIn']) {
      if (!(k in b)) continue;
      if (k in r) expect(b[k], `#${e.seq} ${e.step}: ${k} of request ${id}`).toEqual(r[k]);
      else r[k] = b[k];
    }
    // The attempts grow, each the hang-up of one of the request's calls back.
    const attempts = b['CallbackAttempts'];
    if (Array.isArray(attempts)) for (const a of attempts as Record<string, unknown>[]) expect(ms(a['Timestamp']), `#${e.seq} ${e.step}: an attempt before the change`).toBeLessThanOrEqual(ms(b['Timestamp']));
  }
}

/** Enreach: agents take one call at a time, statuses follow from the events, per-call values hold, Ids never repeat. */
export function enreachWorldInvariants(t: T, world: EnreachWorld, sc: Scenario): void {
  for (const [agent, list] of agentCallIntervals(t)) {
    const sorted = [...list].sort((a, b) => a.fromSeq - b.fromSeq);
    for (let i = 1; i < sorted.length; i++) {
      const prev = sorted[i - 1] as (typeof sorted)[number];
      const cur = sorted[i] as (typeof sorted)[number];
      expect(cur.fromSeq, `agent ${agent} is offered call ${cur.callId} while still busy with ${prev.callId} (its call or wrap-up ends at #${prev.toSeq})`).toBeGreaterThan(prev.toSeq);
    }
  }
  const mismatches = enreachStatusMismatches(t, world, sc.world.agents);
  expect(mismatches.slice(0, 5).map(show), 'status events follow from the timeline').toEqual([]);
  sentWhenChanged(t, new Set(['QueueStatus', 'QueueAttachedUsers', 'CallbackListStatus', 'UserStatus']), ['Id', 'Timestamp']);
  perCallValues(t);
  uniqueEnreachIds(t);
}

/** mluvii: an operator serves a few chats or one call at a time, statuses follow, ids never repeat, operator-only chats have no chatbot. */
export function mluviiWorldInvariants(t: T, world: MluviiWorld, sc: Scenario): void {
  for (const [op, list] of operatorSessions(t)) {
    for (const s of list) {
      const overlapping = list.filter((x) => x !== s && x.fromSeq < s.toSeq && s.fromSeq < x.toSeq);
      if (s.channel !== 'Chat') expect(overlapping.map((x) => x.session), `operator ${op} in the ${s.channel} session ${s.session} serves no other session (ON_CALL: "AV or phone call")`).toEqual([]);
      else expect(overlapping.filter((x) => x.fromSeq <= s.fromSeq).length, `operator ${op} serves at most ${CHATS_PER_OPERATOR} chats at once`).toBeLessThan(CHATS_PER_OPERATOR);
    }
  }
  const mismatches = mluviiStatusMismatches(t, world, sc.world.agents);
  expect(mismatches.slice(0, 5).map(show), 'UserStatusChanged follows from the sessions').toEqual([]);
  sentWhenChanged(t, new Set(['UserStatusChanged']), []);
  uniqueMluviiIds(t);
  // Operator-only sessions: no chatbot spoke before an operator joined, none was forwarded to a chatbot: no chatbot at all.
  const bySession = new Map<string, TimelineEntry[]>();
  for (const e of t) if (e.entityKey.startsWith('session:')) bySession.set(e.entityKey, [...(bySession.get(e.entityKey) ?? []), e]);
  for (const [key, events] of bySession) {
    const joined = events.findIndex((e) => e.eventType === 'SessionOperatorJoined');
    if (joined < 0) continue;
    const chatbotish = (e: TimelineEntry): boolean => p(e)['client'] === 'Chatbot' || /Chatbot/.test(e.eventType) || (e.eventType === 'SessionForwarded' && p(e)['chatbotId'] !== null);
    if (events.slice(0, joined).some(chatbotish) || events.some((e) => e.eventType === 'SessionForwarded' && p(e)['chatbotId'] !== null)) continue;
    for (const e of events) {
      expect(chatbotish(e), `${key} is served by operators only, yet #${e.seq} ${e.step} (${e.eventType}) is a chatbot's`).toBe(false);
      if (e.eventType === 'SessionActivitySessionEnded') expect(p(e)['terminationReason'], `${key}: an operator's session does not end as the chatbot's`).not.toBe('ChatbotLeft');
    }
  }
}
