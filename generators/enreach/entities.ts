/**
 * Who and what an Enreach event is about, resolved through the context first (sticky identity),
 * then made consistent with the world and stored in the context (context keys are the wire's
 * PascalCase names: CallId, LegId, UserId, QueueId…).
 */
import { contextKey, type ContextKey } from '../context-access.ts';
import type { Gen } from '../plan.ts';
import { finnishFaker, asciiSlug } from '../rng/faker.ts';
import { Rng, hashSeed } from '../rng/seed.ts';
import { finnishMobile, type EnreachCallList, type EnreachQueue, type EnreachUser, type EnreachWorld } from './world.ts';
import { finnishFirstName } from '../names.ts';

export type G = Gen<EnreachWorld>;

const synthRng = new Rng(1);
const synthFaker = finnishFaker(synthRng);

function str(v: unknown): string | undefined {
  return typeof v === 'string' && v !== '' ? v : undefined;
}

function userById(world: EnreachWorld, id: string): EnreachUser {
  const found = world.users.find((u) => u.id === id);
  if (found) return found;
  synthRng.seed(hashSeed(`enreach-user:${id.toLowerCase()}`));
  const firstName = finnishFirstName(synthRng, synthRng.bool() ? 'female' : 'male');
  const lastName = synthFaker.person.lastName();
  return {
    id,
    firstName,
    lastName,
    fullName: `${firstName} ${lastName}`,
    userName: `${asciiSlug(firstName)}.${asciiSlug(lastName)}@${world.organization.domain}`,
    number: finnishMobile(synthRng),
    isSupervisor: false,
    queueIds: [],
    securityGroupIds: [],
  };
}

function queueById(world: EnreachWorld, id: string): EnreachQueue {
  const found = world.queues.find((q) => q.id === id);
  if (found) return found;
  const base = world.queues[0] as EnreachQueue;
  return { ...base, id, name: `Jono ${id.slice(0, 4)}`, members: [] };
}

export function organizationId(g: G): string {
  return str(g.ctx['OrganizationId']) ?? g.world.organization.id;
}

/**
 * The value the context keeps under `key` (a Guid, a number…); else `make()` one and keep it, so
 * the events after this one reuse it (CallId, CallBackId, RecordingId, CallerNumber…).
 */
export function sticky(g: G, key: string, make: (g: G) => string = newGuid): string {
  if (key === 'CallId') return callId(g);
  const k = contextKey(key);
  const v = str(g.get(k));
  if (v) return v;
  const made = make(g);
  g.put(k, made);
  return made;
}
const newGuid = (g: G): string => g.rng.guid();

/**
 * Context keys that belong to one call (docs/providers.md E14: CallId identifies the whole call):
 * when a sequence starts a new call (a new CallId, e.g. the call back of a callback request), they
 * start afresh, so the inbound caller's number or leg never leaks into the next call.
 */
const PER_CALL_KEYS = [
  'LegId',
  'AgentLegId',
  'CallerNumber',
  'TargetNumber',
  'RecordingId',
  'TranscriptId',
  'TransferTarget',
  'SupervisorLegId',
  'CallStartedAt',
  'ConnectedAt',
  'CallEndedAt',
  'TranscribeRecordingType',
  'TransferApplet',
  'OverflowApplet',
] as const;

/** The call in the context (CallId); a new one (with fresh per-call keys) when there is none. */
const CALL_ID = contextKey('CallId');
const PER_CALL = PER_CALL_KEYS.map(contextKey);

export function callId(g: G): string {
  const v = str(g.get(CALL_ID));
  if (v) return v;
  // null, not delete: the key keeps its place in the caller's context (g.put sets, never deletes).
  for (const k of PER_CALL) g.put(k, null);
  const id = g.rng.guid();
  g.put(CALL_ID, id);
  return id;
}

/**
 * The entity whose id the context keeps under `key`; else `choose(g)` one and keep its id. (Module
 * functions of `g`, not closures: this runs several times per payload.)
 */
function kept<T extends { id: string }>(g: G, key: ContextKey, byId: (g: G, id: string) => T, choose: (g: G) => T): T {
  const id = str(g.get(key));
  if (id) return byId(g, id);
  const e = choose(g);
  g.put(key, e.id);
  return e;
}

const USER_ID = contextKey('UserId');
const QUEUE_ID = contextKey('QueueId');
const CALL_LIST_ID = contextKey('CallListId');
const SUPERVISOR_USER_ID = contextKey('SupervisorUserId');

const userOf = (g: G, id: string): EnreachUser => userById(g.world, id);
function chooseUser(g: G): EnreachUser {
  const qid = str(g.get(QUEUE_ID));
  const q = qid ? g.world.queues.find((x) => x.id === qid) : undefined;
  const members = q ? g.world.users.filter((u) => q.members.some((m) => m.userId === u.id)) : [];
  return g.rng.pick(members.length ? members : g.world.users);
}

/** The user in charge (context UserId): a member of the queue when the queue is known. */
export function user(g: G): EnreachUser {
  return kept(g, USER_ID, userOf, chooseUser);
}

const queueOf = (g: G, id: string): EnreachQueue => queueById(g.world, id);
function chooseQueue(g: G): EnreachQueue {
  const uid = str(g.get(USER_ID));
  const u = uid ? g.world.users.find((x) => x.id === uid) : undefined;
  const mine = u ? g.world.queues.filter((q) => u.queueIds.includes(q.id)) : [];
  const clid = str(g.get(CALL_LIST_ID));
  const list = clid ? g.world.callLists.find((c) => c.id === clid) : undefined;
  return list ? queueById(g.world, list.queueId) : g.rng.pick(mine.length ? mine : g.world.queues);
}

/** The service queue (context QueueId): the call list's, or one the user serves in when the user is known. */
export function queue(g: G): EnreachQueue {
  return kept(g, QUEUE_ID, queueOf, chooseQueue);
}

const callListOf = (g: G, id: string): EnreachCallList => g.world.callLists.find((c) => c.id === id) ?? { ...(g.world.callLists[0] as EnreachCallList), id };
function chooseCallList(g: G): EnreachCallList {
  const qid = str(g.get(QUEUE_ID));
  const mine = qid ? g.world.callLists.filter((c) => c.queueId === qid) : [];
  return g.rng.pick(mine.length ? mine : g.world.callLists);
}

/** The call list (context CallListId): one of the queue's when the queue is known. */
export function callList(g: G): EnreachCallList {
  return kept(g, CALL_LIST_ID, callListOf, chooseCallList);
}

/** A supervisor who is not the user in charge. */
export function supervisor(g: G): EnreachUser {
  return kept(g, SUPERVISOR_USER_ID, userOf, () => {
    const me = user(g);
    const sups = g.world.users.filter((u) => u.isSupervisor && u.id !== me.id);
    const pool = sups.length ? sups : g.world.users.filter((u) => u.id !== me.id);
    return pool.length ? g.rng.pick(pool) : me;
  });
}

/**
 * A caller's number: mostly Finnish mobiles, some landlines, a few Nordic/Baltic neighbours.
 */
export function customerNumber(g: G): string {
  const r = g.rng;
  return r.weighted<() => string>([
    [() => finnishMobile(r), 70],
    [() => `+3589${r.digits(7)}`, 12],
    [() => `+358${r.pick(['2', '3', '5', '6', '8', '13', '14', '17', '19'])}${r.digits(7)}`, 10],
    [() => `+46${r.pick(['70', '72', '73', '76'])}${r.digits(7)}`, 4],
    [() => `+372${r.pick(['5', '8'])}${r.digits(7)}`, 2],
    [() => `+47${r.pick(['4', '9'])}${r.digits(7)}`, 2],
  ])();
}

/** Outbound calls: the agent (or the queue / call list in whose name the agent calls) is the caller. */
export function isOutbound(eventType: string): boolean {
  return eventType.includes('CallOut') || eventType.startsWith('UserConfigurationSetNextCallOut');
}

/** The number a callback request asks to be called back on (context ContactNumber, else the caller). */
export function contactNumber(g: G): string {
  // On an inbound call the caller asks to be called back; on an outbound (callback) call the
  // caller is the call list, so the contact is someone else.
  return sticky(g, 'ContactNumber', () => (isOutbound(g.eventType) ? undefined : str(g.ctx['CallerNumber'])) ?? customerNumber(g));
}
