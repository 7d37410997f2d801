import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { deliver } from '../../delivery/index.ts';
import type { AttemptRecord } from '../../delivery/index.ts';
import type { TimelineEntry } from '../../scenarios/engine/timeline.ts';
import { receiversClosedAfterEach, tempFile } from '../helpers/delivery.ts';

function mluvii(seq: number, eventType: string, sessionId: number, extra: Record<string, unknown> = {}): TimelineEntry {
  return {
    seq,
    at: seq * 10,
    provider: 'mluvii',
    eventType,
    entityKey: `session:${sessionId}`,
    payload: { eventType, data: { id: sessionId, tenantId: 62, channel: 'Phone', source: 'OutgoingCall', ...extra } },
    scenario: 'phone-session',
    instance: sessionId,
    step: `${eventType}-${seq}`,
  };
}

const FAST = { time: { kind: 'instant' as const }, retryScheduleMs: [10], timeoutMs: 300 };

const startReceiver = receiversClosedAfterEach();

describe('mluvii delivery profile', () => {
  it('POSTs the {eventType, data} envelope with Basic auth taken from the URL userinfo, which is stripped (docs/providers.md M4)', async () => {
    const receiver = await startReceiver();
    const entry = mluvii(0, 'SessionCreated', 7371450);
    const url = `http://csharp:isawesome@127.0.0.1:${receiver.port}/mluviiwebhook`;
    const result = await deliver([entry], { ...FAST, target: { url } });
    expect(result.summary.delivered).toBe(1);
    const req = receiver.requests[0];
    expect(req?.url).toBe('/mluviiwebhook');
    expect(req?.headers.authorization).toBe(`Basic ${Buffer.from('csharp:isawesome').toString('base64')}`);
    expect(req?.headers['content-type']).toBe('application/json; charset=utf-8');
    expect(req?.headers['x-benemen-event']).toBeUndefined();
    expect(req?.json).toEqual({ eventType: 'SessionCreated', data: { id: 7371450, tenantId: 62, channel: 'Phone', source: 'OutgoingCall' } });
    expect(result.targets).toEqual([`http://127.0.0.1:${receiver.port}/mluviiwebhook`]);
  });

  it('decodes percent-encoded userinfo before building the Basic header', async () => {
    const receiver = await startReceiver();
    await deliver([mluvii(0, 'SessionCreated', 1)], { ...FAST, target: { url: `http://us%40er:p%3Ass@127.0.0.1:${receiver.port}/w` } });
    expect(receiver.requests[0]?.headers.authorization).toBe(`Basic ${Buffer.from('us@er:p:ss').toString('base64')}`);
  });

  it('passes a query-string secret through untouched but masks it in the journal (docs/providers.md M5)', async () => {
    const receiver = await startReceiver();
    const journal = tempFile('run.ndjson', 'pm-journal-');
    const result = await deliver([mluvii(0, 'SessionCreated', 1)], { ...FAST, journal, target: { url: `${receiver.origin}/MluviiWebhook?secret=XYZ%2Fq&tenant=62` } });
    expect(receiver.requests[0]?.url).toBe('/MluviiWebhook?secret=XYZ%2Fq&tenant=62');
    const text = readFileSync(journal, 'utf8');
    expect(text).not.toContain('XYZ');
    expect(text).toContain('secret=***&tenant=62');
    expect(JSON.stringify(result)).not.toContain('XYZ');
  });

  it('retries a failed delivery up to 2 times and then drops it (docs/providers.md M2)', async () => {
    const receiver = await startReceiver({ behaviour: { status: 500 } });
    const result = await deliver([mluvii(0, 'SessionCreated', 1)], { time: { kind: 'instant' }, retryScheduleMs: [5], target: { url: receiver.url } });
    expect(receiver.requests).toHaveLength(3);
    expect(result.summary).toMatchObject({ discarded: 1, attempts: 3, retries: 2 });
  });

  it('counts a 204 as delivered: any 2xx succeeds for mluvii (our documented choice)', async () => {
    const receiver = await startReceiver({ behaviour: { status: 204 } });
    const result = await deliver([mluvii(0, 'SessionCreated', 1)], { ...FAST, target: { url: receiver.url } });
    expect(receiver.requests).toHaveLength(1);
    expect(result.summary.delivered).toBe(1);
    expect(result.checks.find((c) => c.id === 'exact-success-status')?.status).toBe('skip');
  });

  it('keeps order per session: the next event of a session waits for the previous one, other sessions proceed (docs/providers.md M7)', async () => {
    // Session 1's first event fails twice slowly, then succeeds; session 2 is answered at once.
    let s1Created = 0;
    const receiver = await startReceiver({
      behaviour: (req) => {
        const body = req.json as { eventType: string; data: { id: number } };
        if (body.data.id === 1 && body.eventType === 'SessionCreated') {
          s1Created++;
          return s1Created < 3 ? { status: 503, delayMs: 150 } : { status: 200 };
        }
        return { status: 200 };
      },
    });
    const entries: TimelineEntry[] = [];
    const types = ['SessionCreated', 'SessionStarted', 'SessionOperatorJoined', 'SessionEnded'];
    let seq = 0;
    for (const t of types) {
      entries.push(mluvii(seq++, t, 1));
      entries.push(mluvii(seq++, t, 2));
    }
    const result = await deliver(entries, { ...FAST, concurrency: 4, target: { url: receiver.url } });
    expect(result.summary.delivered).toBe(8);
    const seen = receiver.requests.map((r) => r.json as { eventType: string; data: { id: number } });
    const s1 = seen.filter((b) => b.data.id === 1).map((b) => b.eventType);
    expect(s1).toEqual(['SessionCreated', 'SessionCreated', 'SessionCreated', 'SessionStarted', 'SessionOperatorJoined', 'SessionEnded']);
    const s2 = seen.filter((b) => b.data.id === 2).map((b) => b.eventType);
    expect(s2).toEqual(types);
    // Session 2 finished while session 1 was still retrying its first event.
    const lastOfS2 = seen.findIndex((b) => b.data.id === 2 && b.eventType === 'SessionEnded');
    const firstOkOfS1 = seen.findIndex((b) => b.data.id === 1 && b.eventType === 'SessionStarted');
    expect(lastOfS2).toBeLessThan(firstOkOfS1);
  });

  it('sends the next event of a session after the previous one was dropped', async () => {
    const receiver = await startReceiver({ behaviour: (req) => ((req.json as { eventType: string }).eventType === 'SessionCreated' ? { status: 500 } : { status: 200 }) });
    const result = await deliver([mluvii(0, 'SessionCreated', 1), mluvii(1, 'SessionStarted', 1)], { ...FAST, retryScheduleMs: [1], target: { url: receiver.url } });
    expect(receiver.requests.map((r) => (r.json as { eventType: string }).eventType)).toEqual(['SessionCreated', 'SessionCreated', 'SessionCreated', 'SessionStarted']);
    expect(result.summary).toMatchObject({ delivered: 1, discarded: 1 });
  });

  it('identifies mluvii events by a content hash, and a duplicate is the identical payload (docs/providers.md M6)', async () => {
    const receiver = await startReceiver();
    const attempts: AttemptRecord[] = [];
    const result = await deliver([mluvii(0, 'SessionCreated', 1), mluvii(1, 'SessionStarted', 1)], {
      ...FAST,
      faults: { duplicates: 1 },
      target: { url: receiver.url },
      onAttempt: (a) => attempts.push(a),
    });
    expect(result.summary.duplicatesSent).toBe(2);
    expect(attempts.map((a) => a.kind)).toEqual(['first', 'duplicate', 'first', 'duplicate']);
    expect(attempts[0]?.eventIdKind).toBe('content-hash');
    expect(attempts[0]?.eventId).toMatch(/^sha256:[0-9a-f]{32}$/);
    expect(attempts[1]?.eventId).toBe(attempts[0]?.eventId);
    expect(attempts[2]?.eventId).not.toBe(attempts[0]?.eventId);
    expect(receiver.requests[1]?.body).toBe(receiver.requests[0]?.body);
    // Order per session holds with duplicates too: the duplicate comes before the next event.
    expect(receiver.requests.map((r) => (r.json as { eventType: string }).eventType)).toEqual(['SessionCreated', 'SessionCreated', 'SessionStarted', 'SessionStarted']);
  });

  it('reorders only across sessions, never within one (docs/providers.md M7)', async () => {
    const receiver = await startReceiver();
    const entries: TimelineEntry[] = [];
    let seq = 0;
    for (let i = 0; i < 20; i++) {
      entries.push(mluvii(seq++, 'SessionCreated', i));
      entries.push(mluvii(seq++, 'SessionStarted', i));
      entries.push(mluvii(seq++, 'SessionEnded', i));
    }
    const attempts: AttemptRecord[] = [];
    const result = await deliver(entries, { ...FAST, concurrency: 1, seed: 7, faults: { reorder: 0.5 }, target: { url: receiver.url }, onAttempt: (a) => attempts.push(a) });
    expect(result.summary.reordered).toBeGreaterThan(0);
    expect(attempts.some((a) => a.reordered)).toBe(true);
    const order = receiver.requests.map((r) => r.json as { eventType: string; data: { id: number } });
    for (let i = 0; i < 20; i++) {
      expect(order.filter((b) => b.data.id === i).map((b) => b.eventType)).toEqual(['SessionCreated', 'SessionStarted', 'SessionEnded']);
    }
    // Across sessions the order did change somewhere.
    expect(order.map((b) => b.data.id)).not.toEqual([...order.map((b) => b.data.id)].sort((a, b) => a - b));
  });

  it('is reproducible: the same seed gives the same faults', async () => {
    const receiver = await startReceiver();
    const entries = Array.from({ length: 30 }, (_, i) => mluvii(i, 'SessionCreated', i));
    const run = async (): Promise<string[]> => {
      const kinds: string[] = [];
      await deliver(entries, { ...FAST, concurrency: 1, seed: 'abc', faults: { duplicates: 0.3, reorder: 0.3 }, target: { url: receiver.url }, onAttempt: (a) => kinds.push(`${a.seq}:${a.kind}`) });
      return kinds;
    };
    expect(await run()).toEqual(await run());
  });
});
