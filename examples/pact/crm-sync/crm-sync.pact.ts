/**
 * The CRM sync service's consumer contract tests: one interaction per Enreach event it handles.
 * Each test states only the fields the service reads; the pact file lands in `pactDir`.
 *
 * In your own repository this is an ordinary test file: import from 'provider-mock/pact',
 * drop the wrapper function and write `describe(…)` at the top level.
 */
import { describe, expect, it } from 'vitest';
import { ENREACH_STATES, enreachMessage, providerPact, receive } from '../../../pact/index.ts';
import { CrmSync } from './crm-sync.ts';

export const CRM_SYNC_CONSUMER = 'crm-sync';

export function crmSyncPactTests(pactDir: string): void {
  describe('CRM sync (consumer of Enreach webhooks)', () => {
    const pact = providerPact('enreach', { consumer: CRM_SYNC_CONSUMER, dir: pactDir });

    it('opens a CRM activity when an agent answers a queue call', async () => {
      const crm = new CrmSync();
      const msg = enreachMessage('QueueCallInUserConnected', {
        state: ENREACH_STATES.QUEUE_CALL_ANSWERED,
        fields: ['CallId', 'UserId', 'Timestamp', 'QueueName'],
      });
      await receive(pact, msg, (body, metadata) => crm.handle(body, metadata['X-Benemen-Event'] as string));
      const [activity] = crm.activities.values();
      expect(activity).toMatchObject({ callId: '00000000-0000-0000-0000-000000000000', status: 'in-call', queueName: 'Example QueueName' });
    });

    it('moves the activity to wrap-up when the agent starts wrapping up', async () => {
      const crm = new CrmSync();
      await receive(pact, enreachMessage('UserWrapUpStarted', { state: ENREACH_STATES.WRAP_UP, fields: ['CallId', 'UserId'] }), (body) => crm.handle(body));
      expect([...crm.activities.values()][0]?.status).toBe('wrap-up');
    });

    it('closes the activity with the wrap-up time when wrap-up ends', async () => {
      const crm = new CrmSync();
      const msg = enreachMessage('UserWrapUpTerminated', {
        state: ENREACH_STATES.WRAP_UP,
        fields: ['CallId', 'ElapsedTimeSec'],
        overrides: { ElapsedTimeSec: 42 },
      });
      await receive(pact, msg, (body) => crm.handle(body));
      expect([...crm.activities.values()][0]).toMatchObject({ status: 'done', wrapUpSeconds: 42 });
    });
  });
}
