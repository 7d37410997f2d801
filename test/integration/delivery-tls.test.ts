import { describe, expect, it } from 'vitest';
import { ProviderMockError } from '../../contracts/errors.ts';
import { deliver } from '../../delivery/index.ts';
import type { AttemptRecord } from '../../delivery/index.ts';
import type { TimelineEntry } from '../../scenarios/engine/timeline.ts';
import { receiversClosedAfterEach } from '../helpers/delivery.ts';

const entry: TimelineEntry = {
  seq: 0, at: 0, provider: 'enreach', eventType: 'UserStatus', entityKey: 'user:u1',
  payload: { Id: 'a1b2', EventType: 'UserStatus', UserId: 'u1' }, scenario: 'tls', instance: 0, step: 'status',
};
const FAST = { time: { kind: 'instant' as const }, retryScheduleMs: [5], retries: 1, timeoutMs: 2000 };

const startReceiver = receiversClosedAfterEach();

describe('HTTPS and certificate checks (docs/providers.md E5)', () => {
  it('refuses a self-signed certificate without --insecure: every attempt fails with a TLS error and nothing arrives', async () => {
    const receiver = await startReceiver({ https: true });
    const attempts: AttemptRecord[] = [];
    const result = await deliver([entry], { ...FAST, target: { url: receiver.url }, onAttempt: (a) => attempts.push(a) });
    expect(receiver.requests).toHaveLength(0);
    expect(attempts.map((a) => a.error)).toEqual(['tls', 'tls']);
    expect(result.summary.discarded).toBe(1);
  });

  it('accepts the self-signed certificate with --insecure (the doc\'s InsecureSSL)', async () => {
    const receiver = await startReceiver({ https: true });
    const result = await deliver([entry], { ...FAST, target: { url: receiver.url, insecure: true, secret: 's3cret-tls' } });
    expect(result.summary.delivered).toBe(1);
    expect(receiver.requests[0]?.headers['x-benemen-token']).toBe('s3cret-tls');
  });

  it('refuses plain http to a non-loopback Enreach target unless allowHttp is set, before sending anything', async () => {
    const run = deliver([entry], { ...FAST, targets: { enreach: { url: 'http://receiver.example/webhook' } } });
    await expect(run).rejects.toBeInstanceOf(ProviderMockError);
    await expect(run).rejects.toMatchObject({ code: 'PM_DELIVERY_PLAIN_HTTP', exitCode: 2 });
  });

  it('allows plain http to loopback targets for Enreach', async () => {
    const receiver = await startReceiver();
    const result = await deliver([entry], { ...FAST, target: { url: `http://localhost:${receiver.port}/webhook` } });
    expect(result.summary.delivered).toBe(1);
  });
});
