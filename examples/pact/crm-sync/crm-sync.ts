/**
 * An example consumer: a CRM sync service that receives Enreach webhooks and keeps one CRM
 * activity per answered queue call, closed when the agent's wrap-up ends. It reads only the
 * fields it needs, and tolerates null where Enreach may send null (docs/providers.md E11: "Optional" means
 * "may be null").
 */
import type { EventPayload } from '../../../contracts/generated/types.ts';

export interface CrmActivity {
  callId: string;
  agentId: string;
  agentName: string | null;
  queueName: string | null;
  caller: string | null;
  answeredAt: string;
  status: 'in-call' | 'wrap-up' | 'done';
  wrapUpSeconds?: number;
}

type Connected = EventPayload<'enreach', 'QueueCallInUserConnected'>;
type WrapUpStarted = EventPayload<'enreach', 'UserWrapUpStarted'>;
type WrapUpTerminated = EventPayload<'enreach', 'UserWrapUpTerminated'>;

export class CrmSync {
  readonly activities = new Map<string, CrmActivity>();

  /** The webhook handler: the body as received, the X-Benemen-Event header's value. */
  handle(body: unknown, eventHeader?: string): void {
    const event = body as { EventType?: unknown };
    const type = eventHeader ?? event.EventType;
    switch (type) {
      case 'QueueCallInUserConnected': {
        const e = body as Connected;
        if (typeof e.CallId !== 'string' || typeof e.UserId !== 'string') throw new Error('QueueCallInUserConnected without CallId/UserId');
        this.activities.set(e.CallId, {
          callId: e.CallId,
          agentId: e.UserId,
          agentName: e.UserName ?? null,
          queueName: e.QueueName ?? null,
          caller: e.CallerNumber ?? null,
          answeredAt: e.Timestamp,
          status: 'in-call',
        });
        return;
      }
      case 'UserWrapUpStarted': {
        const e = body as WrapUpStarted;
        const a = this.activity(e.CallId);
        a.status = 'wrap-up';
        return;
      }
      case 'UserWrapUpTerminated': {
        const e = body as WrapUpTerminated;
        const a = this.activity(e.CallId);
        a.status = 'done';
        a.wrapUpSeconds = e.ElapsedTimeSec;
        return;
      }
      default:
        // Other events are acknowledged and ignored (Enreach only counts 200 as delivered).
        return;
    }
  }

  private activity(callId: unknown): CrmActivity {
    if (typeof callId !== 'string') throw new Error('event without CallId');
    let a = this.activities.get(callId);
    if (!a) {
      // Wrap-up can arrive first: Enreach promises no order.
      a = { callId, agentId: '', agentName: null, queueName: null, caller: null, answeredAt: '', status: 'in-call' };
      this.activities.set(callId, a);
    }
    return a;
  }
}
