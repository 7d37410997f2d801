import type { EnreachWorld, MluviiWorld, World } from '../../generators/index.ts';
import { CHATS_PER_OPERATOR, isOpen } from '../../generators/state/index.ts';
import { generators, planScenarios, type Scenario, type TimelineEntry } from '../../scenarios/index.ts';
import { p, type T } from './timeline.ts';

/**
 * The test's own reading of a timeline: it replays the events a receiver would get and says
 * what every status event should have said at its instant (the providers' documented meaning of
 * each counter), so a status that does not follow from the events before it is caught. It is a
 * second, plain implementation on purpose: it knows nothing of generators/state.
 */

/** Plans a scenario and keeps the worlds it was planned over (as the server does for subscriptions). */
export function planWithWorlds(sc: Scenario, seed: number): { t: TimelineEntry[]; worlds: World[] } {
  const worlds: World[] = [];
  const gen = { ...generators, createWorld: (pr: Parameters<typeof generators.createWorld>[0], o: Parameters<typeof generators.createWorld>[1]) => {
    const w = generators.createWorld(pr, o) as World;
    worlds.push(w);
    return w;
  } };
  const t = [...planScenarios([sc], { seed, validate: false, generators: gen })];
  return { t, worlds };
}

const str = (v: unknown): string | undefined => (typeof v === 'string' && v !== '' ? v : undefined);
const num = (v: unknown): number | undefined => (typeof v === 'number' ? v : undefined);
const ms = (s: unknown): number => (typeof s === 'string' ? Date.parse(/Z$/.test(s) ? s : `${s}Z`) : NaN);
const START = Date.UTC(2024, 4, 6, 13);

export interface Mismatch {
  entry: TimelineEntry;
  field: string;
  expected: unknown;
  got: unknown;
}

// ---------- Enreach ----------

interface Agent {
  availability: string;
  queues: Set<string>;
  /** The call the agent is in (ringing or talking), with its queue. */
  call: { id: string; queue: string | null } | null;
  /** On wrap-up after a call: since when (UserWrapUpStarted), and the limit. */
  wrap: { start: number | null; max: number } | null;
  talkingChanged: number | null;
}

const AGENT_CALL_START = /^(QueueCallInUserAllocated|UserCallInUserAllocated|QueueUserCallOutGoing|UserCallOutGoing|CallbackUserCallOutGoing)$/;
const AGENT_CONNECT = /^(QueueCallInUserConnected|UserCallInUserConnected|QueueUserCallOutConnected|UserCallOutConnected|CallbackUserCallOutConnected)$/;
const AGENT_HANGUP = /^(UserCallInDisconnected|UserCallOutDisconnected|QueueUserCallOutDisconnected|CallbackUserCallOutDisconnected)$/;

/**
 * Every Enreach status event compared with what the events before it say:
 * QueueStatus (the doc's counter table), QueueAttachedUsers, UserStatus, CallbackListStatus.
 */
export function enreachStatusMismatches(t: T, world: EnreachWorld, agentsAtStart: 'available' | 'offWork' = 'available'): Mismatch[] {
  const out: Mismatch[] = [];
  const agents = new Map<string, Agent>();
  for (const u of world.users) agents.set(u.id, { availability: agentsAtStart === 'offWork' ? 'OffWork' : 'Available', queues: new Set(), call: null, wrap: null, talkingChanged: null });
  for (const q of world.queues) for (const m of q.members) if (m.active) agents.get(m.userId)?.queues.add(q.id);
  const wrapEnabled = new Map<string, number>();
  /** Calls in queues: where, since when, and how far. */
  const inQueue = new Map<string, { queue: string; arrived: number; stage: 'waiting' | 'allocated' | 'connected' }>();
  const requests = new Map<string, { list: string; assigned: string | null }>();
  /** Each queue's members: the world's, with the users UserQueueAttached adds or deletes. */
  const members = new Map(world.queues.map((q) => [q.id, q.members.map((m) => ({ userId: m.userId, priority: m.priority }))]));
  const setCall = (a: Agent, call: Agent['call'], at: number): void => {
    if ((a.call === null) !== (call === null)) a.talkingChanged = at;
    a.call = call;
  };
  const endCall = (a: Agent, callId: string, at: number): void => {
    setCall(a, null, at);
    const max = wrapEnabled.get(callId);
    if (max !== undefined) a.wrap = { start: null, max };
  };
  const compare = (e: TimelineEntry, expected: Record<string, unknown>): void => {
    const b = p(e);
    for (const [k, v] of Object.entries(expected)) if (JSON.stringify(b[k]) !== JSON.stringify(v)) out.push({ entry: e, field: k, expected: v, got: b[k] });
  };
  for (const e of t) {
    const b = p(e);
    const now = START + e.at;
    const et = e.eventType;
    const a = agents.get(str(b['UserId']) ?? '');
    const callId = str(b['CallId']);
    const queueId = str(b['QueueId']);
    // ---- the status events: what the state before them says ----
    if (et === 'QueueStatus' && queueId) {
      const q = world.queues.find((x) => x.id === queueId);
      if (!q) continue;
      let checkedIn = 0, longAway = 0, shortAway = 0, onWrap = 0, free = 0;
      for (const m of members.get(q.id) ?? []) {
        const x = agents.get(m.userId);
        if (!x || !x.queues.has(q.id) || x.availability === 'OffWork') continue;
        checkedIn++;
        if (x.availability !== 'Available') longAway++;
        else if (x.call) shortAway++;
        else if (x.wrap) onWrap++;
        else free++;
      }
      const calls = [...inQueue.values()].filter((c) => c.queue === q.id);
      const waiting = calls.filter((c) => c.stage === 'waiting');
      const allocated = calls.filter((c) => c.stage === 'allocated').length;
      const connected = calls.filter((c) => c.stage === 'connected').length;
      compare(e, {
        NbrOfProviders: (members.get(q.id) ?? []).length,
        NbrOfAgentsCheckedInQueue: checkedIn,
        NbrOfAgentsLongTermAway: longAway,
        NbrOfAgentsShortTermAway: shortAway,
        NbrOfAgentsOnWrapUp: onWrap,
        NbrOfAgentsImmediatelyFree: free,
        NbrOfServingAgentsEstimate: checkedIn - longAway,
        NbrOfQueuingRequesters: waiting.length,
        NbrOfAllocated: allocated,
        NbrOfConnected: connected,
        NbrOfNotServedRequesters: waiting.length + allocated,
        NbrOfRequesters: waiting.length + allocated + connected,
        MaxWaitTime: waiting.reduce((m, c) => Math.max(m, Math.floor((now - c.arrived) / 1000)), 0),
        OpenStatus: isOpen(q.hours, now) ? 5 : 3,
      });
      continue;
    }
    if (et === 'QueueAttachedUsers' && queueId) {
      const q = world.queues.find((x) => x.id === queueId);
      if (q) compare(e, { AttachedUsers: (members.get(q.id) ?? []).map((m) => ({ UserId: m.userId, Active: agents.get(m.userId)?.queues.has(q.id) ?? false, Priority: m.priority })) });
      continue;
    }
    if (et === 'UserStatus' && a) {
      const schedule = a.availability !== 'OffWork';
      const serving = schedule && a.queues.size > 0;
      const listQueues = new Set(world.callLists.map((l) => l.queueId));
      compare(e, {
        Talking: a.call !== null,
        ActiveQueueId: a.call?.queue ?? null,
        Available: a.availability === 'Available',
        Schedule: schedule,
        Serving: serving,
        ServingCallback: serving && [...a.queues].some((q) => listQueues.has(q)),
        ActiveQueues: schedule ? a.queues.size : 0,
        ServiceTerminals: schedule ? 1 : 0,
        CanBeAllocatedTo: a.availability === 'Available' && serving && a.call === null && a.wrap === null,
      });
      const tsc = b['TalkingStatusChanged'];
      if ((a.talkingChanged === null) !== (tsc === null) || (tsc !== null && ms(tsc) !== a.talkingChanged)) out.push({ entry: e, field: 'TalkingStatusChanged', expected: a.talkingChanged, got: tsc });
      const w = a.wrap?.start ?? null;
      const start = b['WrapUpStart'];
      if ((w === null) !== (start === null) || (w !== null && ms(start) !== w)) out.push({ entry: e, field: 'WrapUpStart', expected: w, got: start });
      if (w !== null && ms(b['WrapUpEnd']) !== w + (a.wrap?.max ?? 0) * 1000) out.push({ entry: e, field: 'WrapUpEnd', expected: w + (a.wrap?.max ?? 0) * 1000, got: b['WrapUpEnd'] });
      continue;
    }
    if (et === 'CallbackListStatus') {
      const listId = str(b['CallListId']);
      const list = world.callLists.find((l) => l.id === listId);
      if (!list) continue;
      const open = [...requests.values()].filter((r) => r.list === list.id);
      const q = world.queues.find((x) => x.id === list.queueId);
      const inList = (q ? (members.get(q.id) ?? []) : []).map((m) => agents.get(m.userId)).filter((x): x is Agent => !!x && x.queues.has(list.queueId));
      const serving = inList.filter((x) => x.availability === 'Available').length;
      compare(e, {
        TotalOpenRequests: open.length,
        TotalAssigned: open.filter((r) => r.assigned !== null).length,
        TotalFreeForAllocation: open.filter((r) => r.assigned === null).length,
        TotalActiveAgents: inList.length,
        TotalServingAgents: serving,
      });
      continue;
    }
    // ---- what the other events change ----
    if (et === 'QueueCallInArrived' && callId && queueId && !inQueue.has(callId)) inQueue.set(callId, { queue: queueId, arrived: now, stage: 'waiting' });
    else if (et === 'QueueCallInArrived' && callId && queueId) (inQueue.get(callId) as { stage: string }).stage = 'waiting';
    const c = callId ? inQueue.get(callId) : undefined;
    if (c && et === 'QueueCallInUserAllocated') c.stage = 'allocated';
    if (c && et === 'QueueCallInUserCancelled' && c.stage === 'allocated') c.stage = 'waiting';
    if (c && et === 'QueueCallInUserConnected') c.stage = 'connected';
    if (callId && /^QueueCallIn(Disconnected|Overflow|TransferConnected)$/.test(et)) inQueue.delete(callId);
    if (a && callId && AGENT_CALL_START.test(et)) {
      a.wrap = null;
      setCall(a, { id: callId, queue: et.startsWith('Queue') ? (queueId ?? null) : null }, now);
    }
    if (a && callId && AGENT_CONNECT.test(et) && a.call?.id !== callId) setCall(a, { id: callId, queue: et.startsWith('Queue') ? (queueId ?? null) : null }, now);
    if (a && callId && /UserCancelled$/.test(et) && a.call?.id === callId) setCall(a, null, now);
    if (a && callId && AGENT_HANGUP.test(et) && a.call?.id === callId) endCall(a, callId, now);
    if (et === 'QueueCallInDisconnected' && callId) for (const x of agents.values()) if (x.call?.id === callId) endCall(x, callId, now);
    if (a && et === 'UserWrapUpEnabled' && callId) wrapEnabled.set(callId, num(b['MaxWrapUpDurationSec']) ?? 0);
    if (a && et === 'UserWrapUpStarted') a.wrap = { start: now, max: num(b['MaxWrapUpDurationSec']) ?? 0 };
    if (a && et === 'UserWrapUpTerminated') a.wrap = null;
    if (a && et === 'UserAvailability') a.availability = String(b['Availability']);
    if (a && et === 'UserQueueAttached' && queueId) {
      const list = members.get(queueId) ?? [];
      const id = str(b['UserId']) as string;
      if (b['Deleted'] === true) members.set(queueId, list.filter((m) => m.userId !== id));
      else if (!list.some((m) => m.userId === id)) list.push({ userId: id, priority: num(b['Priority']) ?? 0 });
      if (b['Active'] === true && b['Deleted'] !== true) a.queues.add(queueId);
      else a.queues.delete(queueId);
    }
    const cb = str(b['CallBackId']);
    if (cb && /CallbackCreated$/.test(et) && !requests.has(cb)) requests.set(cb, { list: String(b['CallListId']), assigned: null });
    if (cb && et === 'CallbackChanged') {
      if (b['IsClosed'] === true) requests.delete(cb);
      else requests.set(cb, { list: String(b['CallListId']), assigned: str(b['AssignedUserId']) ?? null });
    }
  }
  return out;
}

/** Each agent's calls as intervals: from being offered (or dialling) to being free again (the end, or the end of its wrap-up). */
export function agentCallIntervals(t: T): Map<string, { callId: string; from: number; to: number; fromSeq: number; toSeq: number }[]> {
  const open = new Map<string, { callId: string; from: number; fromSeq: number; wrap: boolean }>();
  const wrapCalls = new Set<string>();
  const done = new Map<string, { callId: string; from: number; to: number; fromSeq: number; toSeq: number }[]>();
  const close = (agent: string, at: number, seq: number): void => {
    const o = open.get(agent);
    if (!o) return;
    open.delete(agent);
    const list = done.get(agent) ?? [];
    list.push({ callId: o.callId, from: o.from, to: at, fromSeq: o.fromSeq, toSeq: seq });
    done.set(agent, list);
  };
  for (const e of t) {
    const b = p(e);
    const agent = str(b['UserId']);
    const callId = str(b['CallId']);
    if (agent && callId && AGENT_CALL_START.test(e.eventType)) {
      const o = open.get(agent);
      if (o && o.callId === callId) continue;
      // A second call while the first is still open: recorded as overlapping (the check fails on it).
      if (o) close(agent, Infinity, Infinity);
      open.set(agent, { callId, from: e.at, fromSeq: e.seq, wrap: false });
    }
    if (e.eventType === 'UserWrapUpEnabled' && callId) wrapCalls.add(callId);
    const ends = (id: string): boolean => !wrapCalls.has(id);
    if (agent && callId && /UserCancelled$/.test(e.eventType) && open.get(agent)?.callId === callId) close(agent, e.at, e.seq);
    if (agent && callId && AGENT_HANGUP.test(e.eventType) && open.get(agent)?.callId === callId && ends(callId)) close(agent, e.at, e.seq);
    if (e.eventType === 'QueueCallInDisconnected' && callId) for (const [who, o] of open) if (o.callId === callId && ends(callId)) close(who, e.at, e.seq);
    if (agent && e.eventType === 'UserWrapUpTerminated') close(agent, e.at, e.seq);
  }
  for (const [agent, o] of open) {
    const list = done.get(agent) ?? [];
    list.push({ callId: o.callId, from: o.from, to: Infinity, fromSeq: o.fromSeq, toSeq: Infinity });
    done.set(agent, list);
  }
  return done;
}

// ---------- mluvii ----------

/** Each operator's sessions (Joined → Concluded), with the session's channel. */
export function operatorSessions(t: T): Map<number, { session: number; channel: string; fromSeq: number; toSeq: number }[]> {
  const open = new Map<string, { fromSeq: number; channel: string }>();
  const out = new Map<number, { session: number; channel: string; fromSeq: number; toSeq: number }[]>();
  for (const e of t) {
    const b = p(e);
    const op = num(b['userId']);
    const id = num(b['id']);
    if (op === undefined || id === undefined) continue;
    const key = `${op}/${id}`;
    if (e.eventType === 'SessionOperatorJoined' && !open.has(key)) open.set(key, { fromSeq: e.seq, channel: String(b['channel']) });
    if (e.eventType === 'SessionOperatorConcluded') {
      const o = open.get(key);
      if (!o) continue;
      open.delete(key);
      const list = out.get(op) ?? [];
      list.push({ session: id, channel: o.channel, fromSeq: o.fromSeq, toSeq: e.seq });
      out.set(op, list);
    }
  }
  for (const [key, o] of open) {
    const [op, id] = key.split('/').map(Number) as [number, number];
    const list = out.get(op) ?? [];
    list.push({ session: id, channel: o.channel, fromSeq: o.fromSeq, toSeq: Infinity });
    out.set(op, list);
  }
  return out;
}

/**
 * Every UserStatusChanged compared with the operator's sessions at that instant: BUSY exactly
 * while sessions are in hand (ON_CALL exactly while one of them is a call: a phone or A/V
 * session before its end, or a chat's accepted A/V call), ONLINE with none, AWAY/OFFLINE as chosen.
 */
export function mluviiStatusMismatches(t: T, world: MluviiWorld, agentsAtStart: 'available' | 'offWork' = 'available'): Mismatch[] {
  const out: Mismatch[] = [];
  const sessions = new Map<number, Map<number, { call: boolean }>>();
  const presence = new Map<number, string>();
  for (const o of world.operators) {
    sessions.set(o.id, new Map());
    presence.set(o.id, agentsAtStart === 'offWork' ? 'OFFLINE' : 'ONLINE');
  }
  for (const e of t) {
    const b = p(e);
    const op = num(b['userId']) ?? num(b['operatorId']);
    const id = num(b['id']) ?? num(b['sessionId']);
    const mine = op === undefined ? undefined : sessions.get(op);
    switch (e.eventType) {
      case 'UserStatusChanged': {
        if (op === undefined || !mine) break;
        const status = String(b['status']);
        const inHand = mine.size;
        const onCall = [...mine.values()].some((s) => s.call);
        const expected =
          status === 'AWAY' || status === 'OFFLINE'
            ? { status, availabilityStatus: status === 'AWAY' ? 'AWAY' : 'DEFAULT' }
            : inHand === 0
              ? { status: 'ONLINE', availabilityStatus: 'DEFAULT' }
              : { status: 'BUSY', availabilityStatus: onCall ? 'ON_CALL' : 'DEFAULT' };
        for (const [k, v] of Object.entries(expected)) if (b[k] !== v) out.push({ entry: e, field: k, expected: v, got: b[k] });
        presence.set(op, status === 'BUSY' ? 'ONLINE' : status);
        break;
      }
      case 'SessionOperatorJoined':
        if (mine && id !== undefined) mine.set(id, { call: b['channel'] !== 'Chat' });
        break;
      case 'SessionOperatorConcluded':
        if (mine && id !== undefined) mine.delete(id);
        break;
      case 'SessionEnded':
        for (const m of sessions.values()) {
          const s = id === undefined ? undefined : m.get(id);
          if (s) s.call = false;
        }
        break;
      case 'SessionActivityAvResponse': {
        const s = mine && id !== undefined ? mine.get(id) : undefined;
        if (s && b['response'] === 'Accepted') s.call = true;
        break;
      }
      case 'SessionActivityAvTerminated': {
        const s = mine && id !== undefined ? mine.get(id) : undefined;
        if (s) s.call = false;
        break;
      }
      default:
    }
  }
  return out;
}

export { CHATS_PER_OPERATOR };
