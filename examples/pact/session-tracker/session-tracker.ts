/**
 * An example consumer: a session tracker fed by mluvii webhooks (the {eventType, data} envelope,
 * docs/providers.md M14). It keeps one record per session: channel, when it started, who it was forwarded
 * to, when it ended.
 */
import type { EventPayload } from '../../../contracts/generated/types.ts';

export interface TrackedSession {
  id: number;
  channel?: string;
  started?: string | null;
  ended?: string;
  forwardedToGroup?: number | null;
  state: 'created' | 'started' | 'ended';
}

type Envelope = { eventType: string; data: unknown };

export class SessionTracker {
  readonly sessions = new Map<number, TrackedSession>();

  handle(body: unknown): void {
    const { eventType, data } = body as Envelope;
    switch (eventType) {
      case 'SessionCreated': {
        const d = data as EventPayload<'mluvii', 'SessionCreated'>['data'];
        this.session(d.id).channel = d.channel;
        return;
      }
      case 'SessionStarted': {
        const d = data as EventPayload<'mluvii', 'SessionStarted'>['data'];
        Object.assign(this.session(d.id), { channel: d.channel, started: d.started, state: 'started' });
        return;
      }
      case 'SessionForwarded': {
        const d = data as EventPayload<'mluvii', 'SessionForwarded'>['data'];
        this.session(d.id).forwardedToGroup = d.operatorGroupId ?? null;
        return;
      }
      case 'SessionEnded': {
        const d = data as EventPayload<'mluvii', 'SessionEnded'>['data'];
        Object.assign(this.session(d.id), { ended: d.ended, state: 'ended' });
        return;
      }
      default:
        return;
    }
  }

  private session(id: number): TrackedSession {
    let s = this.sessions.get(id);
    if (!s) {
      s = { id, state: 'created' };
      this.sessions.set(id, s);
    }
    return s;
  }
}
