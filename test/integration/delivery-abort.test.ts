import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { deliver, formatSummary } from '../../delivery/index.ts';
import type { TimelineEntry } from '../../scenarios/engine/timeline.ts';
import { journalLines, receiversClosedAfterEach, tempFile } from '../helpers/delivery.ts';

/** A generator, like the scenario engine's: the plan is never an array in memory. */
function* sessions(n: number): Generator<TimelineEntry> {
  for (let i = 0; i < n; i++) {
    yield {
      seq: i, at: i * 1000, provider: 'mluvii', eventType: 'SessionCreated', entityKey: `session:${i % 7}`,
      payload: { eventType: 'SessionCreated', data: { id: i % 7, n: i, tenantId: 62 } }, scenario: 'many', instance: i % 7, step: 'created',
    };
  }
}

const startReceiver = receiversClosedAfterEach();

describe('stopping a run (SIGINT / SIGTERM)', () => {
  it('on SIGINT mid-run stops sending, marks the rest not sent, writes a complete journal and exits 130', async () => {
    const receiver = await startReceiver({ behaviour: { status: 200, delayMs: 20 } });
    const controller = new AbortController();
    const journal = tempFile('run.ndjson', 'pm-abort-');
    const report = tempFile('junit.xml', 'pm-abort-');
    let delivered = 0;
    const result = await deliver(sessions(300), {
      time: { kind: 'instant' },
      concurrency: 2,
      journal,
      report,
      signal: controller.signal,
      abortGraceMs: 500,
      target: { url: receiver.url },
      onAttempt: (a) => {
        if (a.outcome === 'delivered' && ++delivered === 10) controller.abort('SIGINT');
      },
    });
    expect(result.interrupted).toBe('SIGINT');
    expect(result.exitCode).toBe(130);
    const s = result.summary;
    expect(s.events).toBe(300);
    expect(s.planned).toBe(300);
    expect(s.delivered + s.discarded + s.notSent).toBe(300);
    expect(s.notSent).toBeGreaterThan(200);
    const lines = journalLines(journal);
    const finals = lines.filter((l) => l.type === 'attempt' && l.final === true);
    expect(finals).toHaveLength(300);
    expect(new Set(finals.map((l) => l.seq)).size).toBe(300);
    expect(finals.filter((l) => l.outcome === 'not-sent').every((l) => String(l.reason).includes('SIGINT'))).toBe(true);
    expect(lines.at(-1)).toMatchObject({ type: 'summary', interrupted: 'SIGINT', exitCode: 130 });
    expect(readFileSync(report, 'utf8')).toContain('<testsuite name="many"');
    // Nothing was sent after the stop beyond what was in flight.
    expect(receiver.requests.length).toBeLessThan(20);
  });

  it('on SIGTERM while attempts hang, aborts them after the grace period and exits 143', async () => {
    const controller = new AbortController();
    // Stop once three attempts hang at the receiver.
    const receiver = await startReceiver({
      behaviour: (req) => {
        if (req.index === 2) setTimeout(() => controller.abort('SIGTERM'), 10);
        return { hang: true };
      },
    });
    const journal = tempFile('run.ndjson', 'pm-abort-');
    const result = await deliver(sessions(20), {
      time: { kind: 'instant' },
      timeoutMs: 60_000,
      concurrency: 3,
      journal,
      signal: controller.signal,
      abortGraceMs: 20,
      target: { url: receiver.url },
    });
    expect(result.exitCode).toBe(143);
    expect(result.summary.notSent).toBe(20);
    const finals = journalLines(journal).filter((l) => l.type === 'attempt' && l.final === true);
    expect(finals).toHaveLength(20);
    // The three hanging attempts were journaled as aborted attempts.
    expect(finals.filter((l) => l.error === 'aborted')).toHaveLength(3);
  });

  it('stops during a retry wait without waiting it out', async () => {
    const receiver = await startReceiver({ behaviour: { status: 500 } });
    const controller = new AbortController();
    const result = await deliver(sessions(1), {
      time: { kind: 'instant' },
      retryScheduleMs: [600_000],
      signal: controller.signal,
      target: { url: receiver.url },
      onAttempt: (a) => {
        if (a.outcome === 'will-retry') controller.abort('SIGINT');
      },
    });
    expect(result.summary).toMatchObject({ notSent: 1, attempts: 1 });
    expect(result.exitCode).toBe(130);
  });

  it('stops while waiting for realtime pacing and marks the later events not sent', async () => {
    const receiver = await startReceiver();
    const controller = new AbortController();
    // Entries are 1 s apart in realtime: stop while waiting for the second.
    const result = await deliver(sessions(5), {
      time: { kind: 'realtime' },
      signal: controller.signal,
      target: { url: receiver.url },
      onAttempt: (a) => {
        if (a.outcome === 'delivered') setTimeout(() => controller.abort('SIGINT'), 20);
      },
    });
    expect(result.summary).toMatchObject({ planned: 5, delivered: 1, notSent: 4 });
  });

  it('an already aborted signal sends nothing and still accounts for every event', async () => {
    const receiver = await startReceiver();
    const controller = new AbortController();
    controller.abort('SIGTERM');
    const result = await deliver(sessions(3), { time: { kind: 'instant' }, signal: controller.signal, target: { url: receiver.url } });
    expect(receiver.requests).toHaveLength(0);
    expect(result.summary).toMatchObject({ planned: 3, notSent: 3 });
    expect(result.exitCode).toBe(143);
  });

  it('drains at most maxDrain entries after a stop and says from which event on the plan was left unread', async () => {
    const receiver = await startReceiver();
    const controller = new AbortController();
    controller.abort('SIGINT');
    const journal = tempFile('run.ndjson', 'pm-abort-');
    const result = await deliver(sessions(5000), { time: { kind: 'instant' }, signal: controller.signal, maxDrain: 100, journal, target: { url: receiver.url } });
    expect(result.summary.drain).toEqual({ read: 100, limit: 100, unreadFrom: 100 });
    expect(result.summary).toMatchObject({ events: 100, planned: 100, notSent: 100 });
    const finals = journalLines(journal).filter((l) => l.type === 'attempt' && l.final === true);
    expect(finals).toHaveLength(100);
    expect(journalLines(journal).at(-1)).toMatchObject({ type: 'summary', summary: { drain: { unreadFrom: 100 } } });
    expect(formatSummary(result)).toMatch(/plan left unread from event 100 on, after 100 entries read after the stop \(cap --max-drain 100\)/);
    expect(receiver.requests).toHaveLength(0);
  });

  it('reads a small plan to its end: no unread rest', async () => {
    const controller = new AbortController();
    controller.abort('SIGTERM');
    const result = await deliver(sessions(3), { time: { kind: 'instant' }, signal: controller.signal, target: { url: 'http://127.0.0.1:9/x' } });
    expect(result.summary.drain).toEqual({ read: 3, limit: 10_000, unreadFrom: null });
  });

  it('has no drain in the summary of a run that was not stopped', async () => {
    const receiver = await startReceiver();
    const result = await deliver(sessions(2), { time: { kind: 'instant' }, target: { url: receiver.url } });
    expect(result.summary.drain).toBeNull();
  });

  it('ends the grace period at once on stopNow (a second Ctrl-C): hanging attempts aborted, outputs complete', async () => {
    const controller = new AbortController();
    const now = new AbortController();
    const receiver = await startReceiver({
      behaviour: (req) => {
        if (req.index === 1) {
          setTimeout(() => controller.abort('SIGINT'), 10);
          setTimeout(() => now.abort('SIGINT'), 50);
        }
        return { hang: true };
      },
    });
    const journal = tempFile('run.ndjson', 'pm-abort-');
    // A grace of ten minutes: only stopNow can end this run before the test times out.
    const result = await deliver(sessions(10), { time: { kind: 'instant' }, timeoutMs: 600_000, concurrency: 2, abortGraceMs: 600_000, signal: controller.signal, stopNow: now.signal, journal, target: { url: receiver.url } });
    expect(result.exitCode).toBe(130);
    expect(result.summary.notSent).toBe(10);
    const finals = journalLines(journal).filter((l) => l.type === 'attempt' && l.final === true);
    expect(finals).toHaveLength(10);
    expect(finals.filter((l) => l.error === 'aborted').length).toBeGreaterThan(0);
  });

  it('journals answers that arrive during the drain as answered, never as aborted', async () => {
    // Slow answers (50 ms): when the stop comes, attempts are in flight, and a long plan is being drained.
    const receiver = await startReceiver({ behaviour: { status: 200, delayMs: 50 } });
    const controller = new AbortController();
    const journal = tempFile('run.ndjson', 'pm-abort-');
    let delivered = 0;
    const result = await deliver(sessions(50_000), {
      time: { kind: 'instant' },
      concurrency: 8,
      journal,
      signal: controller.signal,
      target: { url: receiver.url },
      onAttempt: (a) => {
        if (a.outcome === 'delivered' && ++delivered === 16) controller.abort('SIGINT');
      },
    });
    const lines = journalLines(journal).filter((l) => l.type === 'attempt');
    expect(lines.filter((l) => l.error === 'aborted')).toHaveLength(0);
    // Every request the receiver got was answered 200 and is journaled delivered.
    expect(lines.filter((l) => l.outcome === 'delivered')).toHaveLength(receiver.requests.length);
    expect(result.summary.delivered).toBe(receiver.requests.length);
  });
});
