import type { AgentRequest } from '../../generators/state/types.ts';
import type { Session } from './session.ts';

/**
 * Sessions waiting for an agent, by the pool they wait in (a queue, a group, one agent). When an
 * agent becomes free, the sessions of its pools are offered it longest-waiting first, as a queue
 * serves its callers in order.
 */
export interface Parked {
  session: Session;
  request: AgentRequest;
  /** Order of parking (first come, first served). */
  seq: number;
  done: boolean;
}

export class Waits {
  private readonly byPool = new Map<string, Parked[]>();
  private seq = 0;
  private count = 0;

  get size(): number {
    return this.count;
  }

  park(pool: string, session: Session, request: AgentRequest): Parked {
    const p: Parked = { session, request, seq: this.seq++, done: false };
    let list = this.byPool.get(pool);
    if (!list) this.byPool.set(pool, (list = []));
    list.push(p);
    this.count++;
    return p;
  }

  /** Ends a wait (granted, or its deadline came); its entry is dropped from its list lazily. */
  finish(p: Parked): void {
    if (p.done) return;
    p.done = true;
    this.count--;
  }

  /** The open waits of these pools, longest-waiting first. */
  waitingIn(pools: readonly string[]): Parked[] {
    const out: Parked[] = [];
    for (const key of pools) {
      const list = this.byPool.get(key);
      if (!list) continue;
      const open = list.filter((p) => !p.done);
      if (open.length) this.byPool.set(key, open);
      else this.byPool.delete(key);
      out.push(...open);
    }
    return out.sort((a, b) => a.seq - b.seq);
  }

  /** Every open wait, in parking order (the run has nothing left that could free an agent). */
  all(): Parked[] {
    return this.waitingIn([...this.byPool.keys()]);
  }
}
