/**
 * The session tracker's consumer contract tests against mluvii's session events.
 * In your own repository: import from 'provider-mock/pact' and write `describe(…)` at the top level.
 */
import { describe, expect, it } from 'vitest';
import { MLUVII_STATES, mluviiMessage, providerPact, receive } from '../../../pact/index.ts';
import { SessionTracker } from './session-tracker.ts';

export const SESSION_TRACKER_CONSUMER = 'session-tracker';

export function sessionTrackerPactTests(pactDir: string): void {
  describe('session tracker (consumer of mluvii webhooks)', () => {
    const pact = providerPact('mluvii', { consumer: SESSION_TRACKER_CONSUMER, dir: pactDir });

    it('records the channel of a new session', async () => {
      const tracker = new SessionTracker();
      await receive(pact, mluviiMessage('SessionCreated', { state: MLUVII_STATES.SESSION_CREATED }), (body) => tracker.handle(body));
      expect(tracker.sessions.get(7371450)?.channel).toBe('Phone');
    });

    it('marks a session started', async () => {
      const tracker = new SessionTracker();
      const msg = mluviiMessage('SessionStarted', { state: MLUVII_STATES.SESSION_CREATED, fields: ['data.id', 'data.channel', 'data.started'] });
      await receive(pact, msg, (body) => tracker.handle(body));
      expect(tracker.sessions.get(7371450)).toMatchObject({ state: 'started', started: '2024-05-02T16:05:24.454661+02:00' });
    });

    it('remembers the operator group a session was forwarded to', async () => {
      const tracker = new SessionTracker();
      const msg = mluviiMessage('SessionForwarded', { state: MLUVII_STATES.SESSION_FORWARDED_TO_GROUP, fields: ['data.id', 'data.operatorGroupId'] });
      await receive(pact, msg, (body) => tracker.handle(body));
      expect(tracker.sessions.get(7373420)?.forwardedToGroup).toBe(7299);
    });

    it('marks a session ended', async () => {
      const tracker = new SessionTracker();
      const msg = mluviiMessage('SessionEnded', { state: MLUVII_STATES.SESSION_ENDED, fields: ['data.id', 'data.ended'] });
      await receive(pact, msg, (body) => tracker.handle(body));
      expect(tracker.sessions.get(7363963)?.state).toBe('ended');
    });
  });
}
