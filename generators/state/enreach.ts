/**
 * The Enreach contact centre of one run: agents (logged in, available, allocated, talking, on
 * wrap-up; one call at a time), service queues (callers waiting, allocated, connected; open by
 * their hours) and call lists (open callback requests). It moves only by the events the run emits
 * (apply), so every status it reports (QueueStatus, QueueAttachedUsers, UserStatus,
 * CallbackListStatus) can be recomputed from the timeline alone. Field meanings: the Enreach doc
 * (webhooks.txt), QueueStatus, UserStatus and CallbackListStatus tables (docs/providers.md §3 Q1, Q5, Q7).
 */
import { euOffsetHours, formatEnreach } from '../time.ts';
import type { EnreachAvailabilityProfile, EnreachCallList, EnreachQueue, EnreachWorld, OpeningHours } from '../enreach/world.ts';
import { LastStatus, type AgentId, type AgentRequest, type Holder, type PoolInfo, type StateOptions, type WorldState } from './types.ts';

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
  /** When each call still in the queue arrived (MaxWaitTime). */
  arrived: Map<string, number>;
  waiting: Set<string>;
  allocated: Set<string>;
  connected: Set<string>;
}

interface Request {
  assigned: string | null;
  due: number | null;
  expiry: number | null;
  notBefore: number | null;
}

interface List {
  list: EnreachCallList;
  open: Map<string, Request>;
}

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
  /** Which agent has which call (QueueCallInDisconnected names only the call). */
  private readonly callAgent = new Map<string, string>();
  private freed: string[] = [];
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
      this.queues.set(q.id, { queue: q, arrived: new Map(), waiting: new Set(), allocated: new Set(), connected: new Set() });
      for (const m of q.members) if (m.active) this.agents.get(m.userId)?.queues.add(q.id);
    }
    for (const l of world.callLists) this.lists.set(l.id, { list: l, open: new Map() });
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
      if (q && callId) {
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
          if (on && !a.queues.has(q.queue.id)) {
            a.queues.add(q.queue.id);
            this.freed.push(a.id);
          } else if (!on) a.queues.delete(q.queue.id);
        }
        break;
      case 'QueueCallInCallbackCreated':
      case 'UserCallInCallbackCreated': {
        const list = this.lists.get(str(b['CallListId']) ?? '');
        const id = str(b['CallBackId']);
        if (list && id && !list.open.has(id)) list.open.set(id, { assigned: null, due: null, expiry: null, notBefore: null });
        break;
      }
      case 'CallbackChanged': {
        const list = this.lists.get(str(b['CallListId']) ?? '');
        const id = str(b['CallBackId']);
        if (!list || !id) break;
        if (b['IsClosed'] === true) list.open.delete(id);
        else list.open.set(id, { assigned: str(b['AssignedUserId']), due: ms(b['DueDate']), expiry: ms(b['ExpiryDate']), notBefore: ms(b['NotBefore']) });
        break;
      }
      default:
    }
  }

  // ---- waits ----

  private loggedIn(a: Agent): boolean {
    return a.availability !== 'OffWork';
  }

  private free(a: Agent, req: AgentRequest): boolean {
    return a.availability === 'Available' && a.phase === 'idle' && a.holder === null && !req.exclude?.has(a.id);
  }

  private requestedQueue(req: AgentRequest): Queue | undefined {
    return this.queueOf(req.queue ?? req.context['QueueId']);
  }

  pool(req: AgentRequest, time: number): PoolInfo {
    if (req.agent !== undefined) {
      const a = this.agent(req.agent);
      return { key: `user:${String(req.agent)}`, open: true, loggedIn: a && this.loggedIn(a) ? 1 : 0 };
    }
    const q = this.requestedQueue(req);
    if (!q) return { key: 'queue:', open: true, loggedIn: 0 };
    let loggedIn = 0;
    for (const m of q.queue.members) {
      const a = this.agents.get(m.userId);
      if (a && a.queues.has(q.queue.id) && this.loggedIn(a)) loggedIn++;
    }
    return { key: `queue:${q.queue.id}`, open: isOpen(q.queue.hours, time), loggedIn };
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
      for (const m of q.queue.members) {
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
    return pick.id;
  }

  release(holder: Holder): void {
    for (const a of this.agents.values()) {
      if (a.holder !== holder) continue;
      a.holder = null;
      this.freed.push(a.id);
    }
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
    for (const m of q.queue.members) {
      const a = this.agents.get(m.userId);
      if (!a || !a.queues.has(queueId) || !this.loggedIn(a)) continue;
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
      NbrOfProviders: q.queue.members.length,
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
    return q.queue.members.map((m) => ({ UserId: m.userId, Active: this.agents.get(m.userId)?.queues.has(queueId) ?? false, Priority: m.priority }));
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
    for (const r of l.open.values()) {
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
    for (const m of q?.queue.members ?? []) {
      const a = this.agents.get(m.userId);
      if (!a || !a.queues.has(l.list.queueId)) continue;
      active++;
      if (this.loggedIn(a) && a.availability === 'Available') serving++;
    }
    return {
      IsAutoAllocate: l.list.isAutoAllocate,
      TotalOpenRequests: l.open.size,
      TotalAssigned: assigned,
      TotalHidingNotBefore: hiding,
      TotalFreeForAllocation: l.open.size - assigned - hiding,
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
