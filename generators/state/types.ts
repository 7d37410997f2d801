/**
 * The world state of a run: the contact centre every session of one run shares, advanced by the
 * events the run emits, in the timeline's own time (no clock, no I/O). scenarios/README.md
 * ("The world state") says what it tracks and what a scenario may ask of it.
 */
import type { Provider } from '../../contracts/provider.ts';

/** An agent's id: an Enreach UserId (Guid) or a mluvii operator's userId (number). */
export type AgentId = string | number;

/** Who holds an agent: one session (instance) of the run, by its context. */
export interface Holder {
  /** The session's context, read when an event frees the agent (mluvii: which session ended). */
  readonly context: Readonly<Record<string, unknown>>;
}

/** What a scenario's `wait:` asks the state for. */
export interface AgentRequest {
  /** This agent only (Enreach UserId, mluvii userId). */
  agent?: AgentId;
  /** Enreach: a member of this queue (default: the context's QueueId); mluvii: of this operator group (default: the tenant's operators). */
  queue?: AgentId;
  /** Agents not to offer (those the session already had, for `another: true`). */
  exclude?: ReadonlySet<AgentId>;
  /** The session's context (QueueId, channel, tenantId…). */
  context: Readonly<Record<string, unknown>>;
}


export interface WorldState {
  readonly provider: Provider;
  /** The context key a granted agent is put under (Enreach UserId, mluvii userId). */
  readonly agentKey: string;
  /** Advances the state by one emitted event (its body: mluvii `data`, the Enreach payload). */
  apply(eventType: string, body: Record<string, unknown>, time: number): void;
  /** The pool a wait queues in: an agent freed in one of its pools (poolsOf) is offered to it. */
  poolKey(req: AgentRequest): string;
  /** Enreach: the queue is open by its opening hours at `time`; mluvii: always. */
  isOpen(req: AgentRequest, time: number): boolean;
  /** How many agents of the pool are logged in at all (0: nobody could answer, so a wait with overflow: overflows at once). */
  loggedIn(req: AgentRequest): number;
  /** A free agent for the request, now held by `holder`; undefined when nobody is free. */
  grant(req: AgentRequest, holder: Holder, time: number): AgentId | undefined;
  /** Gives back every agent the holder still holds (its session ended). */
  release(holder: Holder): void;
  /** Agents that became free (or available) since the last call, oldest first. */
  takeFreed(): AgentId[];
  /** The pool keys an agent belongs to (its queues, its groups, itself). */
  poolsOf(agent: AgentId): string[];
  /**
   * True when a status event would repeat the last one of its entity: the providers send these
   * only "if changed" (docs/providers.md E16; mluvii UserStatusChanged "when the operator state
   * changes"). Records the payload otherwise.
   */
  repeats(eventType: string, entityKey: string, payload: unknown): boolean;
}

/** How agents and operators start a run (scenario `world: { agents: … }`). */
type AgentsAtStart = 'available' | 'offWork';

export interface StateOptions {
  /** Default 'available': logged in and free, so one call or chat has someone to answer it. */
  agents?: AgentsAtStart;
}

/** Keeps the last status payload per entity (without its per-event fields) for WorldState.repeats. */
export class LastStatus {
  private readonly last = new Map<string, string>();
  private readonly volatile: ReadonlySet<string>;
  constructor(
    private readonly types: ReadonlySet<string>,
    volatile: readonly string[],
  ) {
    this.volatile = new Set(volatile);
  }

  repeats(eventType: string, entityKey: string, body: Record<string, unknown>): boolean {
    if (!this.types.has(eventType)) return false;
    // The body without its per-event fields, keys in their order; built key by key (a copy and
    // `delete` would turn every status payload's copy into a slow dictionary object).
    const copy: Record<string, unknown> = {};
    for (const k in body) if (!this.volatile.has(k)) copy[k] = body[k];
    const text = JSON.stringify(copy);
    const key = `${eventType}\u0000${entityKey}`;
    if (this.last.get(key) === text) return true;
    this.last.set(key, text);
    return false;
  }
}
