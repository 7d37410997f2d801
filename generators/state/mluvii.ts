/**
 * The mluvii tenant of one run: operators (logged in, away, sessions in hand, on a call),
 * chatbots (sessions they serve) and the run's id counters. It moves only by the events the run
 * emits (apply), so UserStatusChanged, derived from it, can be recomputed from the timeline.
 */
import type { MluviiWorld } from '../mluvii/world.ts';
import { MLUVII_ID_RANGES } from '../mluvii/world.ts';
import { Rng } from '../rng/seed.ts';
import { LastStatus, type AgentId, type AgentRequest, type Holder, type StateOptions, type WorldState } from './types.ts';
import { toText } from '../../contracts/text.ts';

export type Presence = 'ONLINE' | 'AWAY' | 'OFFLINE';

interface Operator {
  id: number;
  tenantId: number;
  groupIds: readonly number[];
  presence: Presence;
  reason: string | null;
  /** Sessions the operator joined and has not concluded (after-call work included), by session id. */
  sessions: Map<number, { channel: string; onCall: boolean }>;
  /** Sessions granted to the operator by a `wait:` (the session may not have joined yet). */
  holds: Set<Holder>;
}

/**
 * How many chats an operator serves at once. The doc speaks of "an operator being busy handling
 * multiple interactions at once" (SessionActivityAutoActivity, docs/providers.md M28); the number
 * is ours. A phone or A/V session ("AV or phone call", ON_CALL) takes the operator alone [inference].
 */
export const CHATS_PER_OPERATOR = 3;

export type MluviiIdKind = 'session' | 'activity' | 'emailThread';

const num = (v: unknown): number | null => (typeof v === 'number' && Number.isFinite(v) ? v : null);

export class MluviiState implements WorldState {
  readonly provider = 'mluvii' as const;
  readonly agentKey = 'userId';
  private readonly operators = new Map<number, Operator>();
  /** Which operators are in each session (SessionEnded names only the session). */
  private readonly sessionOperators = new Map<number, Set<number>>();
  /** The chatbot serving each session, until it forwards the session or the session ends. */
  private readonly chatbotOf = new Map<number, number>();
  private freed: number[] = [];
  /** The operators each session holds (a session's end frees them without a look at every operator). */
  private readonly heldBy = new Map<Holder, Set<Operator>>();
  private readonly status = new LastStatus(new Set(['UserStatusChanged']), []);
  private readonly next: Record<MluviiIdKind, number>;

  constructor(
    readonly world: MluviiWorld,
    options: StateOptions = {},
  ) {
    const presence: Presence = options.agents === 'offWork' ? 'OFFLINE' : 'ONLINE';
    for (const o of world.operators) this.operators.set(o.id, { id: o.id, tenantId: o.tenantId, groupIds: o.groupIds, presence, reason: null, sessions: new Map(), holds: new Set() });
    // The run's ids start somewhere in the lower part of each range (the doc examples' values), from the world's seed.
    const rng = new Rng(world.seed ^ 0x5e55);
    const start = ([lo, hi]: readonly [number, number]): number => rng.int(lo, lo + Math.floor((hi - lo) / 4));
    this.next = { session: start(MLUVII_ID_RANGES.session), activity: start(MLUVII_ID_RANGES.activity), emailThread: start(MLUVII_ID_RANGES.emailThread) };
  }

  /**
   * The next id of a kind, unique in the run and growing with time. The ids are database
   * identities shared by every tenant of mluvii, so other tenants' sessions and activities take
   * the ids in between: the gaps (ours: sessions and threads skip 0-6, activities mostly none,
   * like the consecutive ids within one session in the doc's examples, docs/providers.md §3 B).
   */
  nextId(kind: MluviiIdKind, rng: Rng): number {
    const id = this.next[kind];
    const gap = kind === 'activity' ? (rng.bool(0.85) ? 1 : rng.int(2, 3)) : 1 + (rng.bool(0.5) ? 0 : rng.int(1, 6));
    this.next[kind] = id + gap;
    return id;
  }

  private op(id: unknown): Operator | undefined {
    const n = num(id);
    return n === null ? undefined : this.operators.get(n);
  }

  apply(eventType: string, b: Record<string, unknown>): void {
    const sessionId = num(b['id']) ?? num(b['sessionId']);
    switch (eventType) {
      case 'SessionOperatorJoined': {
        const o = this.op(b['userId']);
        if (!o || sessionId === null) break;
        const channel = typeof b['channel'] === 'string' ? b['channel'] : 'Chat';
        o.sessions.set(sessionId, { channel, onCall: channel !== 'Chat' });
        let ops = this.sessionOperators.get(sessionId);
        if (!ops) this.sessionOperators.set(sessionId, (ops = new Set()));
        ops.add(o.id);
        break;
      }
      case 'SessionEnded':
        // The call is over; the operators' after-call work goes on until SessionOperatorConcluded.
        for (const id of this.sessionOperators.get(sessionId ?? -1) ?? []) {
          const s = this.operators.get(id)?.sessions.get(sessionId ?? -1);
          if (s) s.onCall = false;
        }
        break;
      case 'SessionActivitySessionEnded':
        if (sessionId !== null) this.chatbotOf.delete(sessionId);
        break;
      case 'SessionForwarded':
        if (sessionId !== null) this.chatbotOf.delete(sessionId);
        break;
      case 'SessionOperatorConcluded': {
        const o = this.op(b['userId']);
        if (!o || sessionId === null) break;
        o.sessions.delete(sessionId);
        const ops = this.sessionOperators.get(sessionId);
        ops?.delete(o.id);
        if (ops && ops.size === 0) this.sessionOperators.delete(sessionId);
        for (const h of o.holds) if (h.context['sessionId'] === sessionId) o.holds.delete(h);
        this.freed.push(o.id);
        break;
      }
      case 'SessionActivityAvResponse':
      case 'SessionActivityAvTerminated': {
        const s = this.op(b['operatorId'])?.sessions.get(sessionId ?? -1);
        if (s) s.onCall = eventType === 'SessionActivityAvResponse' ? b['response'] === 'Accepted' || s.onCall : false;
        break;
      }
      case 'UserStatusChanged': {
        const o = this.op(b['userId']);
        if (!o) break;
        const was = o.presence;
        // BUSY is derived (sessions in hand); the operator's own choice is ONLINE, AWAY or OFFLINE.
        o.presence = b['status'] === 'AWAY' ? 'AWAY' : b['status'] === 'OFFLINE' ? 'OFFLINE' : 'ONLINE';
        o.reason = o.presence === 'AWAY' && typeof b['availabilityStatusReason'] === 'string' ? b['availabilityStatusReason'] : null;
        if (o.presence === 'ONLINE' && was !== 'ONLINE') this.freed.push(o.id);
        break;
      }
      default:
        if (sessionId !== null && b['client'] === 'Chatbot' && num(b['chatbotId']) !== null) this.chatbotOf.set(sessionId, b['chatbotId'] as number);
    }
  }

  /** Who serves a session now: an operator who joined (until concluded), else a chatbot that spoke in it (until it forwards), else nobody yet. */
  servedBy(sessionId: number): 'operator' | 'chatbot' | undefined {
    if (this.sessionOperators.has(sessionId)) return 'operator';
    return this.chatbotOf.has(sessionId) ? 'chatbot' : undefined;
  }

  /** Sessions a chatbot serves now. */
  chatbotSessions(chatbotId: number): number {
    let n = 0;
    for (const c of this.chatbotOf.values()) if (c === chatbotId) n++;
    return n;
  }

  /** Whether a chatbot serves this session now (from its first activity to a forward or the end). */
  chatbotServes(sessionId: number): boolean {
    return this.chatbotOf.has(sessionId);
  }

  // ---- waits ----

  private inHand(o: Operator): { count: number; exclusive: boolean } {
    const ids = new Set<unknown>(o.sessions.keys());
    let exclusive = false;
    for (const s of o.sessions.values()) if (s.channel !== 'Chat' || s.onCall) exclusive = true;
    for (const h of o.holds) {
      ids.add(h.context['sessionId'] ?? h);
      if (h.context['channel'] !== 'Chat') exclusive = true;
    }
    return { count: ids.size, exclusive };
  }

  private pooled(req: AgentRequest): Operator[] {
    if (req.agent !== undefined) {
      const o = this.op(req.agent);
      return o ? [o] : [];
    }
    const group = num(req.queue);
    const tenantId = num(req.context['tenantId']);
    const out: Operator[] = [];
    for (const o of this.operators.values()) {
      if (group !== null ? o.groupIds.includes(group) : tenantId === null || o.tenantId === tenantId) out.push(o);
    }
    return out;
  }

  private canTake(o: Operator, req: AgentRequest): boolean {
    if (o.presence !== 'ONLINE' || req.exclude?.has(o.id)) return false;
    const { count, exclusive } = this.inHand(o);
    const channel = req.context['channel'];
    if (channel === 'Phone' || channel === 'AV') return count === 0;
    return !exclusive && count < CHATS_PER_OPERATOR;
  }

  poolKey(req: AgentRequest): string {
    return req.agent !== undefined ? `operator:${String(req.agent)}` : req.queue !== undefined ? `group:${String(req.queue)}` : `tenant:${toText(req.context['tenantId'])}`;
  }

  isOpen(): boolean {
    return true;
  }

  loggedIn(req: AgentRequest): number {
    return this.pooled(req).filter((o) => o.presence !== 'OFFLINE').length;
  }

  grant(req: AgentRequest, holder: Holder): AgentId | undefined {
    // The least busy operator first (mluvii routes to a free operator), then in world order.
    let pick: Operator | undefined;
    let load = Infinity;
    for (const o of this.pooled(req)) {
      if (!this.canTake(o, req)) continue;
      const n = this.inHand(o).count;
      if (n < load) {
        load = n;
        pick = o;
      }
    }
    if (!pick) return undefined;
    pick.holds.add(holder);
    let mine = this.heldBy.get(holder);
    if (!mine) this.heldBy.set(holder, (mine = new Set()));
    mine.add(pick);
    return pick.id;
  }

  release(holder: Holder): void {
    for (const o of this.heldBy.get(holder) ?? []) if (o.holds.delete(holder)) this.freed.push(o.id);
    this.heldBy.delete(holder);
  }

  takeFreed(): AgentId[] {
    const out = this.freed;
    this.freed = [];
    return out;
  }

  poolsOf(agent: AgentId): string[] {
    const o = this.op(agent);
    return o ? [`operator:${o.id}`, `tenant:${o.tenantId}`, `tenant:`, ...o.groupIds.map((g) => `group:${g}`)] : [];
  }

  repeats(eventType: string, entityKey: string, payload: unknown): boolean {
    return this.status.repeats(eventType, entityKey, (payload as { data?: Record<string, unknown> }).data ?? {});
  }

  /** UserStatusChanged of an operator: OFFLINE / AWAY as chosen, else BUSY while sessions are in hand (ON_CALL in a phone or A/V call), else ONLINE. */
  operatorStatus(userId: number, chosen?: { presence: Presence; reason: string | null }): { status: string; availabilityStatus: string; availabilityStatusReason: string | null } | undefined {
    const o = this.operators.get(userId);
    if (!o) return undefined;
    const presence = chosen?.presence ?? o.presence;
    if (presence === 'OFFLINE') return { status: 'OFFLINE', availabilityStatus: 'DEFAULT', availabilityStatusReason: null };
    if (presence === 'AWAY') return { status: 'AWAY', availabilityStatus: 'AWAY', availabilityStatusReason: chosen ? chosen.reason : o.reason };
    let onCall = false;
    for (const s of o.sessions.values()) onCall ||= s.onCall;
    if (onCall) return { status: 'BUSY', availabilityStatus: 'ON_CALL', availabilityStatusReason: null };
    if (o.sessions.size > 0) return { status: 'BUSY', availabilityStatus: 'DEFAULT', availabilityStatusReason: null };
    return { status: 'ONLINE', availabilityStatus: 'DEFAULT', availabilityStatusReason: null };
  }
}
