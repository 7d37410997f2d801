import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { deliver } from '../../delivery/index.ts';
import type { AttemptRecord } from '../../delivery/index.ts';
import type { TimelineEntry } from '../../scenarios/engine/timeline.ts';
import { journalLines, receiversClosedAfterEach, tempFile } from '../helpers/delivery.ts';

const SECRET = 'MySecretString-7f3a';

function enreach(seq: number, eventType = 'QueueCallInUserAllocated', callId = 'c-1'): TimelineEntry {
  return {
    seq,
    at: seq * 10,
    provider: 'enreach',
    eventType,
    entityKey: `call:${callId}`,
    payload: {
      Id: `00000000-0000-4000-8000-${String(seq).padStart(12, '0')}`,
      Timestamp: '2020-01-01T12:00:00Z',
      RootEntityType: 'Organization',
      RootEntityId: 'fd434d24-f685-431d-8df5-386b5d5ffa73',
      EventType: eventType,
      EntityType: 'Queue',
      EntityId: '6cb31d7d-9cd9-41dc-a096-62cf31fd0281',
      CallId: callId,
      MessageTTLSeconds: -1,
    },
    scenario: 'queue-call',
    instance: 0,
    step: `step-${seq}`,
  };
}

const FAST = { time: { kind: 'instant' as const }, retryScheduleMs: [10], timeoutMs: 300 };

const startReceiver = receiversClosedAfterEach();

describe('Enreach delivery profile', () => {
  it('POSTs the flat payload with X-Benemen-Event, X-Benemen-Token and the JSON content type (docs/providers.md E1)', async () => {
    const receiver = await startReceiver();
    const entry = enreach(0);
    const result = await deliver([entry], { ...FAST, target: { url: receiver.url, secret: SECRET } });
    expect(result.summary.delivered).toBe(1);
    const req = receiver.requests[0];
    expect(req?.method).toBe('POST');
    expect(req?.url).toBe('/webhook');
    expect(req?.headers['content-type']).toBe('application/json; charset=utf-8');
    expect(req?.headers['x-benemen-event']).toBe('QueueCallInUserAllocated');
    expect(req?.headers['x-benemen-token']).toBe(SECRET);
    expect(req?.headers.connection).toBe('keep-alive');
    expect(req?.json).toEqual(entry.payload);
    expect(result.exitCode).toBe(0);
  });

  it('sends no X-Benemen-Token when no secret is configured', async () => {
    const receiver = await startReceiver();
    await deliver([enreach(0)], { ...FAST, target: { url: receiver.url } });
    expect(receiver.requests[0]?.headers['x-benemen-token']).toBeUndefined();
  });

  it('retries a 204 from an Enreach receiver, because only 200 counts (docs/providers.md E3), keeping the same Id', async () => {
    const receiver = await startReceiver({ behaviour: [{ status: 204 }, { status: 200 }] });
    const attempts: AttemptRecord[] = [];
    const result = await deliver([enreach(0)], { ...FAST, target: { url: receiver.url }, onAttempt: (a) => attempts.push(a) });
    expect(receiver.requests).toHaveLength(2);
    expect(receiver.requests[1]?.body).toBe(receiver.requests[0]?.body);
    expect(attempts.map((a) => [a.kind, a.status, a.outcome])).toEqual([
      ['first', 204, 'will-retry'],
      ['retry', 200, 'delivered'],
    ]);
    expect(new Set(attempts.map((a) => a.eventId))).toEqual(new Set(['00000000-0000-4000-8000-000000000000']));
    const status = result.checks.find((c) => c.id === 'exact-success-status');
    expect(status?.status).toBe('fail');
    expect(status?.details).toContain('204');
    expect(result.exitCode).toBe(1);
  });

  it('retries a 500 three times by default and then discards the event', async () => {
    const receiver = await startReceiver({ behaviour: { status: 500 } });
    const result = await deliver([enreach(0)], { time: { kind: 'instant' }, retryScheduleMs: [5], target: { url: receiver.url } });
    expect(receiver.requests).toHaveLength(4);
    expect(result.summary).toMatchObject({ planned: 1, delivered: 0, discarded: 1, notSent: 0, attempts: 4, retries: 3 });
    expect(result.checks.find((c) => c.id === 'delivered')?.status).toBe('fail');
    expect(result.exitCode).toBe(1);
  });

  it('honours --retries: with 1 retry it stops after the second attempt', async () => {
    const receiver = await startReceiver({ behaviour: { status: 503 } });
    const result = await deliver([enreach(0)], { ...FAST, retries: 1, target: { url: receiver.url } });
    expect(receiver.requests).toHaveLength(2);
    expect(result.summary.discarded).toBe(1);
  });

  it('retries after a timeout and counts the timed-out attempt against the within-timeout check', async () => {
    const receiver = await startReceiver({ behaviour: [{ hang: true }, { status: 200 }] });
    const attempts: AttemptRecord[] = [];
    const result = await deliver([enreach(0)], { ...FAST, timeoutMs: 150, target: { url: receiver.url }, onAttempt: (a) => attempts.push(a) });
    expect(attempts.map((a) => [a.kind, a.error, a.outcome])).toEqual([
      ['first', 'timeout', 'will-retry'],
      ['retry', null, 'delivered'],
    ]);
    expect(result.summary.delivered).toBe(1);
    expect(result.checks.find((c) => c.id === 'within-timeout')?.status).toBe('fail');
    expect(result.summary.statusCodes).toMatchObject({ timeout: 1, '200': 1 });
  });

  it('does not follow a 302: the redirect target gets nothing and the event is retried', async () => {
    const elsewhere = await startReceiver();
    const receiver = await startReceiver({ behaviour: [{ redirect: elsewhere.url, status: 302 }, { status: 200 }] });
    const result = await deliver([enreach(0)], { ...FAST, target: { url: receiver.url } });
    expect(elsewhere.requests).toHaveLength(0);
    expect(receiver.requests).toHaveLength(2);
    expect(result.summary.statusCodes).toMatchObject({ '302': 1, '200': 1 });
  });

  it('warns (not fails) when a 200 carries a body, which Enreach ignores (docs/providers.md E4)', async () => {
    const receiver = await startReceiver({ behaviour: { status: 200, body: '{"ok":true}' } });
    const result = await deliver([enreach(0)], { ...FAST, target: { url: receiver.url } });
    expect(result.checks.find((c) => c.id === 'no-response-body')?.status).toBe('warn');
    expect(result.exitCode).toBe(0);
  });

  it('journals each event with the very body it sent: non-ASCII text, and a body larger than the journal buffer (1 MiB)', async () => {
    const receiver = await startReceiver();
    const journal = tempFile('run.ndjson', 'pm-journal-');
    const big = enreach(0);
    (big.payload as Record<string, unknown>)['CallerName'] = `Jääskeläinen ${'ø'.repeat(600_000)}`;
    const small = enreach(1);
    (small.payload as Record<string, unknown>)['CallerName'] = 'Žluťoučký kůň';
    const result = await deliver([big, small, enreach(2)], { ...FAST, journal, target: { url: receiver.url, secret: SECRET } });
    expect(result.summary.delivered).toBe(3);
    const text = readFileSync(journal, 'utf8');
    const events = journalLines(journal).filter((l) => l.type === 'event');
    expect(events.map((e) => e['payload'])).toEqual([big.payload, small.payload, enreach(2).payload]);
    for (const entry of [big, small]) {
      // Byte for byte what the receiver got (the journal copies the sent bytes, it does not re-encode).
      const sent = receiver.requests.find((r) => (r.json as { Id: string }).Id === (entry.payload as { Id: string }).Id);
      expect(text).toContain(`"payload":${sent?.body}}\n`);
    }
  });

  it('re-delivers a duplicate with the same body and Id, marked as a duplicate in the journal', async () => {
    const receiver = await startReceiver();
    const journal = tempFile('run.ndjson', 'pm-journal-');
    const entries = [enreach(0), enreach(1), enreach(2)];
    const result = await deliver(entries, { ...FAST, faults: { duplicates: 1 }, journal, target: { url: receiver.url, secret: SECRET } });
    expect(receiver.requests).toHaveLength(6);
    expect(result.summary).toMatchObject({ delivered: 3, duplicatesSent: 3, attempts: 6 });
    const lines = journalLines(journal).filter((l) => l.type === 'attempt');
    for (const e of entries) {
      const id = (e.payload as { Id: string }).Id;
      const mine = lines.filter((l) => l.eventId === id);
      expect(mine.map((l) => l.kind)).toEqual(['first', 'duplicate']);
      const bodies = receiver.requests.filter((r) => (r.json as { Id: string }).Id === id).map((r) => r.body);
      expect(bodies).toHaveLength(2);
      expect(bodies[0]).toBe(bodies[1]);
    }
    expect(readFileSync(journal, 'utf8')).not.toContain(SECRET);
  });
});

describe('transport', () => {
  it('bounds concurrency per target and reuses keep-alive connections', async () => {
    const receiver = await startReceiver({ behaviour: { status: 200, delayMs: 15 } });
    const entries = Array.from({ length: 20 }, (_, i) => enreach(i, 'UserStatus', `c-${i}`));
    const result = await deliver(entries, { ...FAST, concurrency: 3, target: { url: receiver.url } });
    expect(result.summary.delivered).toBe(20);
    expect(receiver.maxInFlight).toBeLessThanOrEqual(3);
    expect(receiver.maxInFlight).toBeGreaterThan(1);
    expect(receiver.connections).toBeLessThanOrEqual(3);
  });

  it('waits the retry schedule between attempts, the last wait repeating (seen by the injected clock)', async () => {
    const receiver = await startReceiver({ behaviour: { status: 500 } });
    const sleeps: number[] = [];
    const clock = {
      now: () => performance.now(),
      date: () => new Date(),
      sleep: async (ms: number) => {
        sleeps.push(ms);
      },
    };
    await deliver([enreach(0)], { time: { kind: 'instant' }, retries: 4, retryScheduleMs: [10, 20], clock, target: { url: receiver.url } });
    expect(sleeps).toEqual([10, 20, 20, 20]);
    expect(receiver.requests).toHaveLength(5);
  });

  it('adds seeded --delay jitter before attempts and records it in the journal', async () => {
    const receiver = await startReceiver();
    const sleeps: number[] = [];
    const clock = { now: () => performance.now(), date: () => new Date(), sleep: async (ms: number) => void sleeps.push(ms) };
    const jitters: (number | undefined)[] = [];
    await deliver([enreach(0), enreach(1), enreach(2)], {
      time: { kind: 'instant' },
      clock,
      faults: { delay: { minMs: 5, maxMs: 50 } },
      target: { url: receiver.url },
      onAttempt: (a) => jitters.push(a.jitterMs),
    });
    expect(jitters).toHaveLength(3);
    for (const j of jitters) {
      expect(j).toBeGreaterThanOrEqual(5);
      expect(j).toBeLessThanOrEqual(50);
    }
    expect([...sleeps].sort()).toEqual([...(jitters as number[])].sort());
  });
});
