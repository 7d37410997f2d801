/**
 * Who and what a mluvii event is about, resolved through the context first (sticky identity:
 * whatever a sequence already uses is reused), then made consistent with the world and stored in
 * the context for the events that follow.
 */
import { contextKey, type ContextKey } from '../context-access.ts';
import type { Gen } from '../plan.ts';
import { MluviiState, type MluviiIdKind } from '../state/mluvii.ts';
import { czechFaker } from '../rng/faker.ts';
import { Rng, WeightTable, hashSeed } from '../rng/seed.ts';
import { MLUVII_ID_RANGES, type MluviiChatbot, type MluviiForm, type MluviiGuest, type MluviiOperator, type MluviiOperatorGroup, type MluviiTenant, type MluviiWorld } from './world.ts';
import { czechFirstName } from '../names.ts';

export type G = Gen<MluviiWorld>;

// Names for ids the world does not know (set by a scenario or an override): derived from the id
// alone, so the same unknown operator has the same name in every event.
const synthRng = new Rng(1);
const synthFaker = czechFaker(synthRng);

function num(v: unknown): number | undefined {
  return typeof v === 'number' && Number.isFinite(v) ? v : undefined;
}

// The helpers below take module-level functions of `g` rather than closures: they run several
// times per payload, and a closure per call was an allocation each time.

/** The number the context keeps under `key`; else `make(g)` one and keep it for the events after this one. */
function sticky(g: G, key: ContextKey, make: (g: G) => number): number {
  const v = num(g.get(key));
  if (v !== undefined) return v;
  const made = make(g);
  g.put(key, made);
  return made;
}

/** The entity whose id the context keeps under `key`; else `choose(g)` one and keep its id. */
function kept<T extends { id: number }>(g: G, key: ContextKey, byId: (g: G, id: number) => T, choose: (g: G) => T): T {
  const id = num(g.get(key));
  if (id !== undefined) return byId(g, id);
  const e = choose(g);
  g.put(key, e.id);
  return e;
}

// The keys read most, with accessors of their own (generators/context-access.ts).
const SESSION_ID = contextKey('sessionId');
const EMAIL_THREAD_ID = contextKey('emailThreadId');
const TENANT_ID = contextKey('tenantId');
const USER_ID = contextKey('userId');
const CHATBOT_ID = contextKey('chatbotId');
const GUEST_ID = contextKey('guestId');
const CHANNEL = contextKey('channel');
const SOURCE = contextKey('source');
const ACTIVITY_ID = contextKey('activityId');
const STARTED = contextKey('started');

const tenantById = (world: MluviiWorld, id: number): MluviiTenant => world.tenants.find((t) => t.id === id) ?? { id, name: `Tenant ${id}` };
const tenantOf = (g: G, id: number): MluviiTenant => tenantById(g.world, id);
function chooseTenant(g: G): MluviiTenant {
  const userId = num(g.get(USER_ID));
  const op = userId === undefined ? undefined : g.world.operators.find((o) => o.id === userId);
  return op ? tenantById(g.world, op.tenantId) : g.rng.pick(g.world.tenants);
}

/** The tenant (context `tenantId`): the operator's when the operator is known. */
export function tenant(g: G): MluviiTenant {
  return kept(g, TENANT_ID, tenantOf, chooseTenant);
}

export function operatorById(world: MluviiWorld, id: number): MluviiOperator {
  const found = world.operators.find((o) => o.id === id);
  if (found) return found;
  synthRng.seed(hashSeed(`mluvii-operator:${id}`));
  const sex = synthRng.bool() ? 'female' : 'male';
  const firstName = czechFirstName(synthRng, sex);
  const lastName = synthFaker.person.lastName(sex);
  return { id, firstName, lastName, fullName: `${firstName} ${lastName}`, email: '', tenantId: world.tenants[0]?.id ?? 0, groupIds: [] };
}

const operatorOf = (g: G, id: number): MluviiOperator => operatorById(g.world, id);
function chooseOperator(g: G): MluviiOperator {
  const t = tenant(g);
  const mine = g.world.operators.filter((o) => o.tenantId === t.id);
  return g.rng.pick(mine.length ? mine : g.world.operators);
}

/** The operator in charge (context `userId`). */
export function operator(g: G): MluviiOperator {
  return kept(g, USER_ID, operatorOf, chooseOperator);
}

/** Another operator of the same tenant (forward, invite, kick); the operator in charge when alone. */
export function otherOperator(g: G, key = 'toOperatorUserId'): MluviiOperator {
  return kept(g, contextKey(key), operatorOf, () => {
    const me = operator(g);
    const t = tenant(g);
    const others = g.world.operators.filter((o) => o.id !== me.id && o.tenantId === t.id);
    const pool = others.length ? others : g.world.operators.filter((o) => o.id !== me.id);
    return pool.length ? g.rng.pick(pool) : me;
  });
}

/** An operator group (context `operatorGroupId`, or `toGroupId` for a forward's target): the operator's own, else the tenant's. */
export function operatorGroup(g: G, key = 'operatorGroupId'): MluviiOperatorGroup {
  const byId = (_: G, id: number): MluviiOperatorGroup => g.world.operatorGroups.find((x) => x.id === id) ?? { id, name: `Skupina ${id}`, tenantId: tenant(g).id };
  return kept(g, contextKey(key), byId, () => {
    const t = tenant(g);
    const userId = num(g.get(USER_ID));
    const op = userId === undefined ? undefined : g.world.operators.find((o) => o.id === userId);
    const mine = op && op.groupIds.length && key === 'operatorGroupId' ? g.world.operatorGroups.filter((x) => op.groupIds.includes(x.id)) : g.world.operatorGroups.filter((x) => x.tenantId === t.id);
    return g.rng.pick(mine.length ? mine : g.world.operatorGroups);
  });
}

export function chatbot(g: G): MluviiChatbot {
  return kept(g, CHATBOT_ID, chatbotOf, chooseChatbot);
}
function chatbotOf(g: G, id: number): MluviiChatbot {
  return g.world.chatbots.find((x) => x.id === id) ?? { id, name: `Chatbot ${id}`, tenantId: tenant(g).id };
}
function chooseChatbot(g: G): MluviiChatbot {
  const t = tenant(g);
  const mine = g.world.chatbots.filter((x) => x.tenantId === t.id);
  return g.rng.pick(mine.length ? mine : g.world.chatbots);
}

export function guest(g: G): MluviiGuest {
  const byId = (_: G, id: number): MluviiGuest => {
    const found = g.world.guests.find((x) => x.id === id);
    if (found) return found;
    synthRng.seed(hashSeed(`mluvii-guest:${id}`));
    const sex = synthRng.bool() ? 'female' : 'male';
    return { id, fullName: `${czechFirstName(synthRng, sex)} ${synthFaker.person.lastName(sex)}`, email: '', phone: '', tenantId: tenant(g).id };
  };
  return kept(g, GUEST_ID, byId, () => {
    const t = tenant(g);
    const mine = g.world.guests.filter((x) => x.tenantId === t.id);
    return g.rng.pick(mine.length ? mine : g.world.guests);
  });
}

/** The run's mluvii state, when the payload is part of a run. */
export function stateOf(g: G): MluviiState | undefined {
  const s = g.state;
  return s !== undefined && s instanceof MluviiState ? s : undefined;
}

/** A new id of a kind: the run's next one (unique, growing), else a random one of the range (a lone payload). */
function newId(g: G, kind: MluviiIdKind, range: readonly [number, number]): number {
  return stateOf(g)?.nextId(kind, g.rng) ?? g.rng.int(range[0], range[1]);
}

const newSessionId = (g: G): number => newId(g, 'session', MLUVII_ID_RANGES.session);
const newEmailThreadId = (g: G): number => newId(g, 'emailThread', MLUVII_ID_RANGES.emailThread);
export const sessionId = (g: G): number => sticky(g, SESSION_ID, newSessionId);
export const emailThreadId = (g: G): number => sticky(g, EMAIL_THREAD_ID, newEmailThreadId);

/**
 * The id of this event's activity: the context's last activityId + 1 (sometimes a little more,
 * since activities without a webhook, such as Joined or Left, take ids too). Activity ids are
 * consecutive within a session in the doc's examples (docs/providers.md §3 B).
 */
export function activityId(g: G): number {
  if (g.activityId !== undefined) return g.activityId;
  const last = num(g.get(ACTIVITY_ID));
  const state = stateOf(g);
  // In a run the ids are the run's (activities of all sessions interleave); alone, the next after the last.
  const id = state
    ? Math.max(state.nextId('activity', g.rng), (last ?? 0) + 1)
    : last === undefined
      ? g.rng.int(MLUVII_ID_RANGES.activity[0], MLUVII_ID_RANGES.activity[1])
      : last + (g.rng.bool(0.85) ? 1 : g.rng.int(2, 3));
  g.activityId = id;
  if (last !== undefined) g.previousActivityId = last;
  g.put(ACTIVITY_ID, id);
  return id;
}

export type Channel = 'Chat' | 'AV' | 'Phone';

const SOURCES_BY_CHANNEL: Record<Channel, WeightTable<string>> = {
  Chat: new WeightTable([['Default', 50], ['Invitation', 8], ['ChatInvitation', 7], ['API', 4], ['Facebook', 10], ['WhatsApp', 12], ['VK', 1], ['Apple', 2], ['GenericChannel', 6]]),
  Phone: new WeightTable([['IncomingCall', 45], ['OutgoingCall', 25], ['Callback', 15], ['Campaign', 15]]),
  AV: new WeightTable([['Default', 50], ['Invitation', 30], ['ChatInvitation', 10], ['Callback', 10]]),
};

const PHONE_SOURCES = new Set(['IncomingCall', 'OutgoingCall', 'Campaign']);
const CHANNEL_WEIGHTS = new WeightTable<Channel>([['Chat', 60], ['Phone', 30], ['AV', 10]]);

/** A channel and a source that go together (a Phone session comes from a call, a callback or a campaign). */
export function channelSource(g: G): { channel: Channel; source: string } {
  let channel = g.get(CHANNEL) as Channel | undefined;
  let source = g.get(SOURCE) as string | undefined;
  if (typeof channel !== 'string') {
    channel = typeof source === 'string' ? (PHONE_SOURCES.has(source) || source === 'Callback' ? 'Phone' : 'Chat') : g.rng.weightedFrom(CHANNEL_WEIGHTS);
    g.put(CHANNEL, channel);
  }
  if (typeof source !== 'string') {
    source = g.rng.weightedFrom(SOURCES_BY_CHANNEL[channel] ?? SOURCES_BY_CHANNEL.Chat);
    g.put(SOURCE, source);
  }
  return { channel, source };
}

/** The form in use (context `formFieldSetUUID`), of the kind the event needs. */
export function form(g: G, kind: MluviiForm['kind']): MluviiForm {
  const uuid = g.ctx['formFieldSetUUID'];
  const current = typeof uuid === 'string' ? g.world.forms.find((f) => f.uuid === uuid) : undefined;
  if (current && current.kind === kind) return current;
  const t = tenant(g);
  let pool = g.world.forms.filter((f) => f.kind === kind && f.tenantId === t.id);
  if (!pool.length) pool = g.world.forms.filter((f) => f.kind === kind);
  const f = g.rng.pick(pool.length ? pool : g.world.forms);
  g.put('formFieldSetUUID', f.uuid);
  return f;
}

/** The session's start (context `started`, ms): SessionStarted sets it, SessionEnded reads it. */
export function startedMs(g: G): number {
  return sticky(g, STARTED, drawStarted);
}
const drawStarted = (g: G): number => g.time - g.rng.int(90, 45 * 60) * 1000 - g.rng.int(0, 999);

/** A deep copy (payloads must not share objects with the world: overrides edit payloads in place). */
export function copy<T>(v: T): T {
  return JSON.parse(JSON.stringify(v)) as T;
}
