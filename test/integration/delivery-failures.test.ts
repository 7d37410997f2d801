import { describe, expect, it } from 'vitest';
import { deliver } from '../../delivery/index.ts';
import type { RunResult } from '../../delivery/index.ts';
import type { TimelineEntry } from '../../scenarios/engine/timeline.ts';
import { journalLines, receiversClosedAfterEach, tempFile } from '../helpers/delivery.ts';
import { refusedPort } from '../helpers/receiver.ts';
import type { Behaviour } from '../helpers/receiver.ts';

function entry(seq: number, provider: 'mluvii' | 'enreach'): TimelineEntry {
  const session = seq % 5;
  return provider === 'mluvii'
    ? {
        seq, at: seq, provider, eventType: 'SessionCreated', entityKey: `session:${session}`,
        payload: { eventType: 'SessionCreated', data: { id: session, seq, tenantId: 62, channel: 'Chat', source: 'Web' } },
        scenario: 'mixed', instance: session, step: `s${seq}`,
      }
    : {
        seq, at: seq, provider, eventType: 'UserStatus', entityKey: `user:${session}`,
        payload: { Id: `id-${seq}`, EventType: 'UserStatus', UserId: `u-${session}`, Timestamp: '2020-01-01T12:00:00Z' },
        scenario: 'mixed', instance: session, step: `s${seq}`,
      };
}

function timeline(n: number): TimelineEntry[] {
  return Array.from({ length: n }, (_, i) => entry(i, i % 2 === 0 ? 'mluvii' : 'enreach'));
}

const FAST = { time: { kind: 'instant' as const }, retryScheduleMs: [5], retries: 1, timeoutMs: 200 };

const tempJournal = (): string => tempFile('run.ndjson', 'pm-journal-');

/** Every planned delivery has exactly one final line, and the counts add up. */
function expectAccounted(journal: string, result: RunResult, planned: number): Record<string, unknown>[] {
  const lines = journalLines(journal);
  expect(lines[0]?.type).toBe('run');
  expect(lines[lines.length - 1]?.type).toBe('summary');
  const finals = lines.filter((l) => l.type === 'attempt' && l.final === true);
  expect(finals).toHaveLength(planned);
  expect(new Set(finals.map((l) => l.seq)).size).toBe(planned);
  const s = result.summary;
  expect(s.planned).toBe(planned);
  expect(s.delivered + s.discarded + s.notSent).toBe(planned);
  expect(finals.filter((l) => l.outcome === 'delivered')).toHaveLength(s.delivered);
  expect(finals.filter((l) => l.outcome === 'discarded')).toHaveLength(s.discarded);
  expect(finals.filter((l) => l.outcome === 'not-sent')).toHaveLength(s.notSent);
  return lines;
}

const startReceiver = receiversClosedAfterEach();

describe('delivery against a misbehaving receiver', () => {
  it('retries on connection refused, discards after the last retry, and journals every event', async () => {
    const port = await refusedPort();
    const journal = tempJournal();
    const result = await deliver(timeline(10), { ...FAST, journal, target: { url: `http://127.0.0.1:${port}/webhook` } });
    const lines = expectAccounted(journal, result, 10);
    expect(result.summary).toMatchObject({ discarded: 10, attempts: 20, retries: 10 });
    expect(result.summary.statusCodes).toEqual({ refused: 20 });
    expect(lines.filter((l) => l.type === 'attempt').every((l) => l.error === 'refused')).toBe(true);
    expect(result.exitCode).toBe(1);
  });

  it('classifies a reset connection and retries it', async () => {
    const receiver = await startReceiver({ behaviour: [{ reset: true }, { status: 200 }] });
    const result = await deliver([entry(0, 'enreach')], { ...FAST, target: { url: receiver.url } });
    expect(result.summary.statusCodes).toMatchObject({ reset: 1, '200': 1 });
    expect(result.summary.delivered).toBe(1);
  });

  it('stops reading a huge response body at the cap and still counts the 200', async () => {
    const receiver = await startReceiver({ behaviour: { hugeBodyBytes: 20 * 1024 * 1024 } });
    const attempts: { responseBytes: number | null }[] = [];
    const result = await deliver([entry(0, 'enreach'), entry(1, 'enreach')], {
      ...FAST,
      timeoutMs: 5000,
      maxResponseBytes: 64 * 1024,
      target: { url: receiver.url },
      onAttempt: (a) => attempts.push(a),
    });
    expect(result.summary.delivered).toBe(2);
    for (const a of attempts) expect(a.responseBytes ?? 0).toBeLessThan(1024 * 1024);
    expect(result.checks.find((c) => c.id === 'no-response-body')?.status).toBe('warn');
  });

  it('counts a 200 whose body breaks off as a failed attempt: retried, then discarded with the reason', async () => {
    // Content-Length 100, 7 bytes, connection closed: any real HTTP client fails this response.
    const receiver = await startReceiver({ behaviour: { truncatedBody: { contentLength: 100, bytes: 7 } } });
    const journal = tempJournal();
    const result = await deliver(timeline(1), { ...FAST, retries: 2, journal, target: { url: receiver.url } });
    const lines = expectAccounted(journal, result, 1);
    const attempts = lines.filter((l) => l.type === 'attempt');
    expect(attempts.map((l) => [l.status, l.error, l.outcome])).toEqual([
      [200, 'incomplete', 'will-retry'],
      [200, 'incomplete', 'will-retry'],
      [200, 'incomplete', 'discarded'],
    ]);
    expect(receiver.requests).toHaveLength(3);
    expect(attempts[2]?.reason).toMatch(/^no success after 3 attempts; last: status 200 but the response broke off \(the response broke off after 7 body bytes: /);
    expect(result.summary).toMatchObject({ delivered: 0, discarded: 1, statusCodes: { incomplete: 3 } });
    expect(result.summary.latencyMs).toBeNull();
    expect(result.checks.find((c) => c.id === 'delivered')?.status).toBe('fail');
  });

  it('delivers on the retry after a broken 200', async () => {
    const receiver = await startReceiver({ behaviour: [{ truncatedBody: { contentLength: 100, bytes: 7 } }, { status: 200 }] });
    const result = await deliver(timeline(1), { ...FAST, target: { url: receiver.url } });
    expect(result.summary).toMatchObject({ delivered: 1, retries: 1, statusCodes: { incomplete: 1, '200': 1 } });
  });

  it('delivers to a slow receiver that answers within the timeout', async () => {
    const receiver = await startReceiver({ behaviour: { status: 200, delayMs: 50 } });
    const result = await deliver(timeline(4), { ...FAST, timeoutMs: 2000, target: { url: receiver.url } });
    expect(result.summary.delivered).toBe(4);
    expect(result.checks.find((c) => c.id === 'within-timeout')?.status).toBe('pass');
  });

  it('journals a hanging receiver as timeouts and fails the within-timeout check', async () => {
    const receiver = await startReceiver({ behaviour: { hang: true } });
    const journal = tempJournal();
    const result = await deliver(timeline(4), { ...FAST, timeoutMs: 100, journal, target: { url: receiver.url } });
    expectAccounted(journal, result, 4);
    expect(result.summary.statusCodes).toEqual({ timeout: 8 });
    const check = result.checks.find((c) => c.id === 'within-timeout');
    expect(check?.status).toBe('fail');
    expect(check?.details).toContain('100 ms');
  });

  it('keeps going through 3xx, 4xx, 5xx, resets, hangs and slow answers, accounting for every event', async () => {
    const cycle: Behaviour[] = [
      { status: 200 },
      { status: 301, body: '' },
      { status: 404 },
      { status: 500 },
      { reset: true },
      { hang: true },
      { status: 200, delayMs: 30 },
      { status: 204 },
      { hugeBodyBytes: 256 * 1024 },
      { status: 503, body: 'busy' },
      { truncatedBody: { contentLength: 100, bytes: 7 } },
    ];
    const receiver = await startReceiver({ behaviour: (req) => cycle[req.index % cycle.length] ?? { status: 200 } });
    const journal = tempJournal();
    const result = await deliver(timeline(40), { ...FAST, concurrency: 4, journal, target: { url: receiver.url } });
    expectAccounted(journal, result, 40);
    expect(result.summary.attempts).toBe(receiver.requests.length);
    expect(result.summary.delivered).toBeGreaterThan(0);
    expect(result.summary.discarded).toBeGreaterThan(0);
  });
});
