/**
 * The Enreach contact centre of one run: agents (logged in, available, allocated, talking, on
 * wrap-up; one call at a time), service queues (callers waiting, allocated, connected; open by
 * their hours) and call lists (open callback requests). It moves only by the events the run emits
 * (apply), so every status it reports (QueueStatus, QueueAttachedUsers, UserStatus,
 * CallbackListStatus) can be recomputed from the timeline alone. Field meanings: the Enreach doc's
 * QueueStatus, UserStatus and CallbackListStatus tables (docs/providers.md E16, E19; §3 Q1, Q5, Q7).
 */
import { euLocalDate, euOffsetHours, formatEnreach } from '../time.ts';
import { Rng, hashString } from '../rng/seed.ts';
import type { EnreachAvailabilityProfile, EnreachCallList, EnreachQueue, EnreachWorld, OpeningHours } from '../enreach/world.ts';
import { LastStatus, type AgentId, type AgentRequest, type Holder, type StateOptions, type WorldState } from './types.ts';

type Availability = EnreachAvailabilityProfile['availability'];
type Phase = 'idle' | 'allocated' | 'talking' | 'wrapUp';

interface Agent {
  id: string;
  /** Queues the agent serves in now (membership Active; UserQueueAttached changes it). */
  queues: Set<string>;
  availability: Availability;
  phase: Phase;
  callId: string | null;
  /** The service queue of the current call (UserStatus.ActiveQueueId). */
  queueId: string | null;
  /** MaxWrapUpDurationSec when the current call has wrap-up (UserWrapUpEnabled). */
  wrapUpMax: number | null;
  wrapUpStart: number | null;
  talkingChanged: number | null;
  holder: Holder | null;
}

interface Queue {
  queue: EnreachQueue;
  /** Its members now: the world's, plus those UserQueueAttached added, less those it deleted. */
  members: { userId: string; priority: number }[];
  /** When each call still in the queue arrived (MaxWaitTime). */
  arrived: Map<string, number>;
  waiting: Set<string>;
  allocated: Set<string>;
  connected: Set<string>;
}

/** One handling attempt of a callback request, as CallbackChanged.CallbackAttempts lists it. */
interface CallbackAttempt {
  Id: string;
  UserId: string | null;
  Timestamp: string;
  /** 1: the contact was reached, 2: no answer [inference: the attempt type ids are undocumented]. */
  CallbackAttemptTypeId: number;
  Note: string | null;
  RecordingId: string | null;
  CallId: string | null;
}

/** An open callback request: what its events carry, fixed once (CreationTime, ContactMessage…), and its attempts. */
export interface CallbackRequest {
  listId: string | null;
  assigned: string | null;
  due: number | null;
  expiry: number | null;
  notBefore: number | null;
  /** The request's own fields as first sent (every later CallbackChanged repeats them). */
  fields: Record<string, unknown>;
  /** Whether a CallbackChanged was sent already (the first one has Created: true). */
  changed: boolean;
  attempts: CallbackAttempt[];
  /** Call-back calls that reached the contact. */
  connected: Set<string>;
}

interface List {
  list: EnreachCallList;
}

/** A queue's calls of one (Helsinki) day, for QueueDailyCallMetrics. */
interface Daily {
  date: string;
  total: number;
  closed: number;
  answered: number;
  rejected: number;
  queueTransfers: number;
  waitMs: number;
  /** Answered within 20 s (the service level) [inference: the target is not in the doc]. */
  inTarget: number;
  talkMs: number;
  talks: number;
  holdMs: number;
  outTotal: number;
  outAnswered: number;
  outTalkMs: number;
}

/** The fields of a request that every CallbackChanged about it repeats. */
const REQUEST_FIELDS = ['CreationTime', 'ContactMessage', 'ContactNumber', 'ContactName', 'CallId', 'RecordingId', 'TranscriptId', 'TypeId', 'QueueId', 'ChannelIn', 'DueDate', 'ExpiryDate', 'NotBefore', 'CalculatedPriority', 'CallbackExtras', 'CallbackRelatedItems'];

const ATTEMPT_NOTES = { reached: 'Asia hoidettu puhelimessa.', missed: 'Ei vastannut, yritetään myöhemmin.' } as const;

const MIN = 60_000;
const HOUR = 60 * MIN;

/** Events that carry the agent's own call: they start (or keep) it. */
const ALLOCATED = new Set(['QueueCallInUserAllocated', 'UserCallInUserAllocated']);
const CONNECTED = new Set(['QueueCallInUserConnected', 'UserCallInUserConnected', 'QueueUserCallOutConnected', 'UserCallOutConnected', 'CallbackUserCallOutConnected']);
/** "Incoming and outgoing calls are considered as active calls even before call is connected to user" (UserStatus.Talking). */
const CALL_OUT = new Set(['QueueUserCallOutGoing', 'UserCallOutGoing', 'CallbackUserCallOutGoing']);
const CANCELLED = new Set(['QueueCallInUserCancelled', 'UserCallInUserCancelled']);
/** Disconnects of calls that name their agent (UserId); QueueCallInDisconnected names only the call. */
const AGENT_DISCONNECTED = new Set(['UserCallInDisconnected', 'UserCallOutDisconnected', 'QueueUserCallOutDisconnected', 'CallbackUserCallOutDisconnected']);
/** The call leaves the queue (to the next routing point, or it ends). */
const LEAVES_QUEUE = new Set(['QueueCallInDisconnected', 'QueueCallInOverflow', 'QueueCallInTransferConnected']);

/** Sent "if changed" (docs/providers.md E16; UserStatus "changed"). */
const STATUS_EVENTS = new Set(['QueueStatus', 'QueueAttachedUsers', 'CallbackListStatus', 'UserStatus']);

const str = (v: unknown): string | null => (typeof v === 'string' && v !== '' ? v : null);
/** An Enreach DateTime without zone is UTC (docs/providers.md E10). */
const ms = (v: unknown): number | null => (typeof v === 'string' && v !== '' ? Date.parse(/Z$/.test(v) ? v : `${v}Z`) : null);
const dt = (t: number): string => formatEnreach(t, false);
const guidRng = new Rng(1);
/** A Guid derived from a text (an attempt's own id, from the event that made it). */
const guidOf = (text: string): string => {
  guidRng.seed(hashString(text));
  return guidRng.guid();
};

/** Whether a queue takes calls at an instant, by its hours (Helsinki time, EU summer time). */
export function isOpen(hours: OpeningHours, t: number): boolean {
  if (hours === null) return true;
  const local = new Date(t + euOffsetHours(t, 2) * HOUR);
  const day = hours[local.getUTCDay()];
  const minute = local.getUTCHours() * 60 + local.getUTCMinutes();
  return day !== null && day !== undefined && minute >= day[0] && minute < day[1];
}

export class EnreachState implements WorldState {
  readonly provider = 'enreach' as const;
  readonly agentKey = 'UserId';
  private readonly agents = new Map<string, Agent>();
  private readonly queues = new Map<string, Queue>();
  private readonly lists = new Map<string, List>();
  private readonly requests = new Map<string, CallbackRequest>();
  private readonly daily = new Map<string, Daily>();
  /** When each queue call was connected (talk time), and put on hold. */
  private readonly connectedAt = new Map<string, number>();
  private readonly holdAt = new Map<string, number>();
  /** Which agent has which call (QueueCallInDisconnected names only the call). */
  private readonly callAgent = new Map<string, string>();
  private freed: string[] = [];
  /** The agents each session holds (so a session's end frees them without a look at every agent). */
  private readonly held = new Map<Holder, Set<Agent>>();
  private readonly status = new LastStatus(STATUS_EVENTS, ['Id', 'Timestamp']);

  constructor(
    readonly world: EnreachWorld,
    options: StateOptions = {},
  ) {
    const atStart: Availability = options.agents === 'offWork' ? 'OffWork' : 'Available';
    for (const u of world.users) {
      this.agents.set(u.id, { id: u.id, queues: new Set(), availability: atStart, phase: 'idle', callId: null, queueId: null, wrapUpMax: null, wrapUpStart: null, talkingChanged: null, holder: null });
    }
    for (const q of world.queues) {
      this.queues.set(q.id, { queue: q, members: q.members.map((m) => ({ userId: m.userId, priority: m.priority })), arrived: new Map(), waiting: new Set(), allocated: new Set(), connected: new Set() });
      for (const m of q.members) if (m.active) this.agents.get(m.userId)?.queues.add(q.id);
    }
    for (const l of world.callLists) this.lists.set(l.id, { list: l });
  }

  private agent(id: unknown): Agent | undefined {
    return typeof id === 'string' ? this.agents.get(id) : undefined;
  }

  private setPhase(a: Agent, phase: Phase, t: number): void {
    const talking = (p: Phase): boolean => p === 'allocated' || p === 'talking';
    if (talking(a.phase) !== talking(phase)) a.talkingChanged = t;
    a.phase = phase;
    if (phase === 'idle') {
      if (a.callId) this.callAgent.delete(a.callId);
      a.callId = null;
      a.queueId = null;
      a.wrapUpMax = null;
      a.wrapUpStart = null;
      if (a.holder) this.held.get(a.holder)?.delete(a);
      a.holder = null;
      this.freed.push(a.id);
    }
  }

  private startCall(a: Agent, callId: string | null, queueId: string | null, phase: Phase, t: number): void {
    if (a.callId && a.callId !== callId) this.callAgent.delete(a.callId);
    a.callId = callId;
    if (callId) this.callAgent.set(callId, a.id);
    a.queueId = queueId;
    if (a.phase === 'idle' || a.phase === 'wrapUp') {
      a.wrapUpMax = null;
      a.wrapUpStart = null;
    }
    this.setPhase(a, phase, t);
  }

  /** The call is over for its agent: wrap-up when the call had it (UserWrapUpEnabled), else free. */
  private callEnded(a: Agent, t: number): void {
    if (a.wrapUpMax !== null) this.setPhase(a, 'wrapUp', t);
    else this.setPhase(a, 'idle', t);
  }

  private queueOf(id: unknown): Queue | undefined {
    return typeof id === 'string' ? this.queues.get(id) : undefined;
  }

  apply(eventType: string, b: Record<string, unknown>, t: number): void {
    const callId = str(b['CallId']);
    const a = this.agent(b['UserId']);
    const q = this.queueOf(b['QueueId']);
    if (eventType.startsWith('Queue')) this.count(eventType, q, callId, t);
    if (eventType === 'QueueCallInArrived' && q && callId) {
      if (!q.arrived.has(callId)) q.arrived.set(callId, t);
      q.waiting.add(callId);
    }
    if (ALLOCATED.has(eventType) && a) {
      this.startCall(a, callId, eventType.startsWith('Queue') ? (q?.queue.id ?? null) : null, 'allocated', t);
      if (q && callId) {
        q.waiting.delete(callId);
        q.allocated.add(callId);
      }
    } else if (CALL_OUT.has(eventType) && a) {
      this.startCall(a, callId, eventType.startsWith('Queue') ? (q?.queue.id ?? null) : null, 'talking', t);
    } else if (CONNECTED.has(eventType) && a) {
      if (a.callId !== callId) this.startCall(a, callId, a.queueId ?? (eventType.startsWith('Queue') ? (q?.queue.id ?? null) : null), 'talking', t);
      else this.setPhase(a, 'talking', t);
      // Only inbound calls are the queue's requesters (an outbound call in its name is not).
      if (q && callId && eventType === 'QueueCallInUserConnected') {
        q.allocated.delete(callId);
        q.connected.add(callId);
      }
    } else if (CANCELLED.has(eventType)) {
      if (a && a.callId === callId) this.setPhase(a, 'idle', t);
      if (q && callId && q.allocated.delete(callId)) q.waiting.add(callId);
    } else if (AGENT_DISCONNECTED.has(eventType) && a && a.callId === callId) {
      this.callEnded(a, t);
    }
    if (LEAVES_QUEUE.has(eventType) && callId) {
      for (const x of this.queues.values()) {
        if (x.arrived.delete(callId)) {
          x.waiting.delete(callId);
          x.allocated.delete(callId);
          x.connected.delete(callId);
        }
      }
      if (eventType === 'QueueCallInDisconnected') {
        const who = this.agents.get(this.callAgent.get(callId) ?? '');
        if (who && who.callId === callId && who.phase !== 'wrapUp') this.callEnded(who, t);
      }
    }
    switch (eventType) {
      case 'UserWrapUpEnabled':
        if (a) a.wrapUpMax = typeof b['MaxWrapUpDurationSec'] === 'number' ? b['MaxWrapUpDurationSec'] : 0;
        break;
      case 'UserWrapUpStarted':
        if (a) {
          a.wrapUpMax = typeof b['MaxWrapUpDurationSec'] === 'number' ? b['MaxWrapUpDurationSec'] : (a.wrapUpMax ?? 0);
          a.wrapUpStart = t;
          if (a.phase !== 'wrapUp') this.setPhase(a, 'wrapUp', t);
        }
        break;
      case 'UserWrapUpTerminated':
        if (a && a.phase === 'wrapUp') this.setPhase(a, 'idle', t);
        break;
      case 'UserAvailability':
        if (a && typeof b['Availability'] === 'string') {
          const was = a.availability;
          a.availability = b['Availability'] as Availability;
          if (a.availability === 'Available' && was !== 'Available') this.freed.push(a.id);
        }
        break;
      case 'UserQueueAttached':
        if (a && q) {
          const on = b['Active'] === true && b['Deleted'] !== true;
          // "When queue user is added or removed from queue": a new user becomes a member, a deleted one is no longer.
          const member = q.members.find((m) => m.userId === a.id);
          if (b['Deleted'] === true) q.members = q.members.filter((m) => m.userId !== a.id);
          else if (!member) q.members.push({ userId: a.id, priority: typeof b['Priority'] === 'number' ? b['Priority'] : 0 });
          if (on && !a.queues.has(q.queue.id)) {
            a.queues.add(q.queue.id);
            this.freed.push(a.id);
          } else if (!on) a.queues.delete(q.queue.id);
        }
        break;
      case 'QueueCallInCallbackCreated':
      case 'UserCallInCallbackCreated':
      case 'CallbackChanged':
        this.requestChanged(eventType, b);
        break;
      case 'CallbackUserCallOutConnected':
      case 'CallbackUserCallOutDisconnected':
      case 'CallbackUserCallRecorded':
      case 'CallbackUserCallOutRecordingConverted':
        this.attempt(eventType, b);
        break;
      default:
    }
  }

  private requestChanged(eventType: string, b: Record<string, unknown>): void {
    const id = str(b['CallBackId']);
    if (!id) return;
    let r = this.requests.get(id);
    if (!r) {
      r = { listId: null, assigned: null, due: null, expiry: null, notBefore: null, fields: {}, changed: false, attempts: [], connected: new Set() };
      this.requests.set(id, r);
    }
    r.listId = str(b['CallListId']) ?? r.listId;
    for (const k of REQUEST_FIELDS) if (k in b && !(k in r.fields)) r.fields[k] = b[k];
    if (eventType !== 'CallbackChanged') return;
    r.changed = true;
    if (b['IsClosed'] === true) {
      this.requests.delete(id);
      return;
    }
    r.assigned = str(b['AssignedUserId']);
    r.due = ms(b['DueDate']);
    r.expiry = ms(b['ExpiryDate']);
    r.notBefore = ms(b['NotBefore']);
  }

  /** A call back of a request: reached (connected) or not, recorded, in the request's attempts. */
  private attempt(eventType: string, b: Record<string, unknown>): void {
    const r = this.requests.get(str(b['CallBackId']) ?? '');
    const call = str(b['CallId']);
    if (!r || !call) return;
    if (eventType === 'CallbackUserCallOutConnected') r.connected.add(call);
    else if (eventType === 'CallbackUserCallOutDisconnected') {
      const reached = r.connected.has(call);
      r.attempts.push({
        Id: guidOf(`attempt:${String(b['Id'])}`),
        UserId: str(b['UserId']),
        // The attempt's time is the hang-up's Timestamp (with Z, as the doc's CallbackAttempt example).
        Timestamp: String(b['Timestamp']),
        CallbackAttemptTypeId: reached ? 1 : 2,
        Note: reached ? ATTEMPT_NOTES.reached : ATTEMPT_NOTES.missed,
        RecordingId: null,
        CallId: call,
      });
    } else {
      const a = r.attempts.find((x) => x.CallId === call);
      if (a && str(b['RecordingId'])) a.RecordingId = str(b['RecordingId']);
    }
  }

  /** An open callback request (fixed fields and attempts so far), when the run has seen it. */
  callbackRequest(callBackId: string): Readonly<CallbackRequest> | undefined {
    return this.requests.get(callBackId);
  }

  private day(q: Queue, t: number): Daily {
    const date = euLocalDate(t, 2);
    let d = this.daily.get(q.queue.id);
    if (!d || d.date !== date) {
      d = { date, total: 0, closed: 0, answered: 0, rejected: 0, queueTransfers: 0, waitMs: 0, inTarget: 0, talkMs: 0, talks: 0, holdMs: 0, outTotal: 0, outAnswered: 0, outTalkMs: 0 };
      this.daily.set(q.queue.id, d);
    }
    return d;
  }

  /** Counts a queue event into the queue's day (QueueDailyCallMetrics). */
  private count(eventType: string, q: Queue | undefined, callId: string | null, t: number): void {
    if (!q || !callId) return;
    const d = this.day(q, t);
    switch (eventType) {
      case 'QueueCallInArrived':
        if (!q.arrived.has(callId)) d.total++;
        break;
      case 'QueueCallInScheduleClosed':
        d.total++;
        d.closed++;
        break;
      case 'QueueCallInUserConnected': {
        d.answered++;
        const wait = t - (q.arrived.get(callId) ?? t);
        d.waitMs += wait;
        if (wait <= 20_000) d.inTarget++;
        this.connectedAt.set(callId, t);
        break;
      }
      case 'QueueCallInHoldStart':
        this.holdAt.set(callId, t);
        break;
      case 'QueueCallInHoldEnd':
        d.holdMs += t - (this.holdAt.get(callId) ?? t);
        this.holdAt.delete(callId);
        break;
      case 'QueueCallInTransferConnected':
        d.queueTransfers++;
        break;
      case 'QueueCallInDisconnected': {
        const c = this.connectedAt.get(callId);
        if (c === undefined && q.arrived.has(callId)) d.rejected++;
        if (c !== undefined) {
          d.talkMs += t - c;
          d.talks++;
        }
        this.connectedAt.delete(callId);
        this.holdAt.delete(callId);
        break;
      }
      case 'QueueUserCallOutGoing':
        d.outTotal++;
        break;
      case 'QueueUserCallOutConnected':
        d.outAnswered++;
        this.connectedAt.set(callId, t);
        break;
      case 'QueueUserCallOutDisconnected': {
        const c = this.connectedAt.get(callId);
        if (c !== undefined) d.outTalkMs += t - c;
        this.connectedAt.delete(callId);
        break;
      }
      default:
    }
  }

  /** QueueDailyCallMetrics of a queue: its calls so far today (Helsinki date), counted from the run's events. */
  dailyMetrics(queueId: string, t: number): Record<string, number | string> | undefined {
    const q = this.queues.get(queueId);
    if (!q) return undefined;
    const d = this.day(q, t);
    const avg = (sum: number, n: number): number => (n ? Math.round(sum / n / 100) / 10 : 0);
    return {
      QueueDate: d.date,
      InboundTotalCalls: d.total,
      InboundServiceClosedCalls: d.closed,
      InboundAnsweredCalls: d.answered,
      InboundRejectedCalls: d.rejected,
      InboundQueueTransfers: d.queueTransfers,
      InboundUserTransfers: 0,
      InboundAvgWaitTimeSec: avg(d.waitMs, d.answered),
      InboundAvgTalkTimeSec: avg(d.talkMs, d.talks),
      InboundAvgHoldTimeSec: avg(d.holdMs, d.answered),
      InboundServiceLevelPercentage: d.answered ? Math.round((d.inTarget / d.answered) * 10_000) / 100 : 0,
      OutboundTotalCalls: d.outTotal,
      OutboundAnsweredCalls: d.outAnswered,
      OutboundRejectedCalls: d.outTotal - d.outAnswered,
      OutboundAvgTalkTimeSec: d.outAnswered ? Math.round(d.outTalkMs / d.outAnswered / 1000) : 0,
      OutboundAvgWaitTime: 0,
    };
  }

  // ---- waits ----

  private isLoggedIn(a: Agent): boolean {
    return a.availability !== 'OffWork';
  }

  private free(a: Agent, req: AgentRequest): boolean {
    return a.availability === 'Available' && a.phase === 'idle' && a.holder === null && !req.exclude?.has(a.id);
  }

  private requestedQueue(req: AgentRequest): Queue | undefined {
    return this.queueOf(req.queue ?? req.context['QueueId']);
  }

  poolKey(req: AgentRequest): string {
    return req.agent !== undefined ? `user:${String(req.agent)}` : `queue:${this.requestedQueue(req)?.queue.id ?? ''}`;
  }

  isOpen(req: AgentRequest, time: number): boolean {
    const q = req.agent === undefined ? this.requestedQueue(req) : undefined;
    return q ? isOpen(q.queue.hours, time) : true;
  }

  loggedIn(req: AgentRequest): number {
    if (req.agent !== undefined) {
      const a = this.agent(req.agent);
      return a && this.isLoggedIn(a) ? 1 : 0;
    }
    const q = this.requestedQueue(req);
    let n = 0;
    for (const m of q?.members ?? []) {
      const a = this.agents.get(m.userId);
      if (a && q && a.queues.has(q.queue.id) && this.isLoggedIn(a)) n++;
    }
    return n;
  }

  grant(req: AgentRequest, holder: Holder): AgentId | undefined {
    let pick: Agent | undefined;
    if (req.agent !== undefined) {
      const a = this.agent(req.agent);
      if (a && this.free(a, req)) pick = a;
    } else {
      const q = this.requestedQueue(req);
      if (!q) return undefined;
      // Priority queues offer the call to the best priority first (lower number); otherwise in member order.
      let best = Infinity;
      for (const m of q.members) {
        const a = this.agents.get(m.userId);
        if (!a || !a.queues.has(q.queue.id) || !this.free(a, req)) continue;
        const rank = q.queue.usePriorities ? m.priority : 0;
        if (rank < best) {
          best = rank;
          pick = a;
        }
      }
    }
    if (!pick) return undefined;
    pick.holder = holder;
    let mine = this.held.get(holder);
    if (!mine) this.held.set(holder, (mine = new Set()));
    mine.add(pick);
    return pick.id;
  }

  release(holder: Holder): void {
    for (const a of this.held.get(holder) ?? []) {
      a.holder = null;
      this.freed.push(a.id);
    }
    this.held.delete(holder);
  }

  takeFreed(): AgentId[] {
    const out = this.freed;
    this.freed = [];
    return out;
  }

  poolsOf(agent: AgentId): string[] {
    const a = this.agent(agent);
    return a ? [`user:${a.id}`, ...[...a.queues].map((q) => `queue:${q}`)] : [];
  }

  repeats(eventType: string, entityKey: string, payload: unknown): boolean {
    return this.status.repeats(eventType, entityKey, payload as Record<string, unknown>);
  }

  // ---- the status events, derived ----

  /** UserStatus: "users status from queue components view" (the doc's property table). */
  userStatus(userId: string): Record<string, unknown> | undefined {
    const a = this.agents.get(userId);
    if (!a) return undefined;
    const talking = a.phase === 'allocated' || a.phase === 'talking';
    const available = a.availability === 'Available';
    const schedule = a.availability !== 'OffWork';
    const serving = schedule && a.queues.size > 0;
    const callbackQueues = new Set(this.world.callLists.map((l) => l.queueId));
    const wrapUp = a.phase === 'wrapUp' && a.wrapUpStart !== null;
    const terminals = schedule ? 1 : 0;
    return {
      Talking: talking,
      TalkingStatusChanged: a.talkingChanged === null ? null : dt(a.talkingChanged),
      ActiveQueueId: talking ? a.queueId : null,
      Available: available,
      Schedule: schedule,
      Serving: serving,
      FetchMode: false,
      ServingCallback: serving && [...a.queues].some((q) => callbackQueues.has(q)),
      ServiceTerminals: terminals,
      ActiveQueues: schedule ? a.queues.size : 0,
      ParkedCalls: 0,
      WrapUpStart: wrapUp ? dt(a.wrapUpStart as number) : null,
      WrapUpEnd: wrapUp ? dt((a.wrapUpStart as number) + (a.wrapUpMax ?? 0) * 1000) : null,
      CanBeAllocatedTo: available && schedule && serving && a.phase === 'idle' && terminals > 0,
    };
  }

  /** QueueStatus counters of the doc's table, from the queue's calls and its members' states. */
  queueStatus(queueId: string, t: number): Record<string, number> | undefined {
    const q = this.queues.get(queueId);
    if (!q) return undefined;
    let checkedIn = 0;
    let longAway = 0;
    let shortAway = 0;
    let wrapUp = 0;
    let free = 0;
    for (const m of q.members) {
      const a = this.agents.get(m.userId);
      if (!a || !a.queues.has(queueId) || !this.isLoggedIn(a)) continue;
      checkedIn++;
      if (a.availability !== 'Available') longAway++;
      else if (a.phase === 'allocated' || a.phase === 'talking') shortAway++;
      else if (a.phase === 'wrapUp') wrapUp++;
      else free++;
    }
    let maxWait = 0;
    for (const id of q.waiting) maxWait = Math.max(maxWait, Math.floor((t - (q.arrived.get(id) ?? t)) / 1000));
    const queuing = q.waiting.size;
    const allocated = q.allocated.size;
    const connected = q.connected.size;
    return {
      NbrOfProviders: q.members.length,
      NbrOfRequesters: queuing + allocated + connected,
      NbrOfServingAgentsEstimate: checkedIn - longAway,
      NbrOfAllocated: allocated,
      NbrOfConnected: connected,
      NbrOfQueuingRequesters: queuing,
      NbrOfNotServedRequesters: queuing + allocated,
      NbrOfAgentsLongTermAway: longAway,
      NbrOfAgentsShortTermAway: shortAway,
      NbrOfAgentsImmediatelyFree: free,
      NbrOfAgentsCheckedInQueue: checkedIn,
      NbrOfAgentsOnWrapUp: wrapUp,
      NbrOfAgentsOnFetchMode: 0,
      MaxWaitTime: maxWait,
      // OpenStatus: 5 = Open, 3 = Closed ("the only active handler is ServiceClosed").
      OpenStatus: isOpen(q.queue.hours, t) ? 5 : 3,
    };
  }

  /** QueueAttachedUsers: the queue's members, Active as they serve now. */
  attachedUsers(queueId: string): { UserId: string; Active: boolean; Priority: number }[] | undefined {
    const q = this.queues.get(queueId);
    if (!q) return undefined;
    return q.members.map((m) => ({ UserId: m.userId, Active: this.agents.get(m.userId)?.queues.has(queueId) ?? false, Priority: m.priority }));
  }

  /** CallbackListStatus counters of the doc's table, from the list's open requests and its queue's members. */
  callbackListStatus(listId: string, t: number): Record<string, number | boolean> | undefined {
    const l = this.lists.get(listId);
    if (!l) return undefined;
    let assigned = 0;
    let hiding = 0;
    let revealed = 0;
    let overDue = 0;
    let nextHourOverDue = 0;
    let expiring = 0;
    let open = 0;
    for (const r of this.requests.values()) {
      if (r.listId !== listId) continue;
      open++;
      if (r.assigned !== null) assigned++;
      else if (r.notBefore !== null && r.notBefore > t) {
        hiding++;
        if (r.notBefore <= t + HOUR) revealed++;
      }
      if (r.due !== null && r.due < t) overDue++;
      else if (r.due !== null && r.due < t + HOUR) nextHourOverDue++;
      if (r.expiry !== null && r.expiry >= t && r.expiry < t + 24 * HOUR) expiring++;
    }
    const q = this.queues.get(l.list.queueId);
    let active = 0;
    let serving = 0;
    for (const m of q?.members ?? []) {
      const a = this.agents.get(m.userId);
      if (!a || !a.queues.has(l.list.queueId)) continue;
      active++;
      if (this.isLoggedIn(a) && a.availability === 'Available') serving++;
    }
    return {
      IsAutoAllocate: l.list.isAutoAllocate,
      TotalOpenRequests: open,
      TotalAssigned: assigned,
      TotalHidingNotBefore: hiding,
      TotalFreeForAllocation: open - assigned - hiding,
      NextHourRevealedNotBefore: revealed,
      TotalOverDueDate: overDue,
      NextHourOverDueDate: nextHourOverDue,
      ExpiresIn24h: expiring,
      TotalActiveAgents: active,
      TotalServingAgents: serving,
      TotalAutoAllocateAgents: serving,
      // "a bit duplicate of TotalAutoAllocateAgents for now" (the doc), on an auto-allocate list.
      TotalServingAutoAllocateAgents: l.list.isAutoAllocate ? serving : 0,
    };
  }
}
