import { join } from 'node:path';
import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startServer, type RunningServer } from '../../mock-server/server.ts';
import { ARTIFACTS, launchBrowser } from '../helpers/browser.ts';
import { startReceiver, type Receiver } from '../helpers/receiver.ts';

/**
 * The inspector page in a real headless Chromium: a run started through the control API shows
 * up live (its marks arrive over Server-Sent Events), and clicking a mark shows the payload,
 * the masked request headers and the attempts. The screenshot is left in test-artifacts/.
 */
describe('inspector page in a real Chromium', () => {
  let server: RunningServer;
  let receiver: Receiver;
  let browser: Browser;

  beforeAll(async () => {
    server = await startServer({ port: 0, handleSignals: false, print: () => {}, env: {} });
    // The first attempt of each SessionCreated / QueueCallInComing fails, so the timeline shows retried marks too.
    const seen = new Set<string>();
    receiver = await startReceiver({
      behaviour: (req) => {
        const body = req.json as { eventType?: string; EventType?: string } | undefined;
        const type = body?.eventType ?? body?.EventType ?? '';
        const first = !seen.has(req.body);
        seen.add(req.body);
        return first && (type === 'SessionCreated' || type === 'QueueCallInComing') ? { status: 503 } : { status: 200 };
      },
    });
    browser = await launchBrowser();
  }, 120_000);

  afterAll(async () => {
    await browser?.close();
    await receiver?.close();
    await server?.close();
  });

  it('follows a run live, then shows one lane per entity and a clicked mark\'s payload and masked headers', async () => {
    const page = await browser.newPage({ viewport: { width: 1500, height: 950 } });
    const errors: string[] = [];
    page.on('pageerror', (e) => errors.push(e.message));
    await page.goto(`${server.url}/`);
    await expect(page.title()).resolves.toBe('provider-mock inspector');
    // The start form lists the built-ins from GET /catalog.
    await page.waitForSelector('#start-scenario option[value="mluvii/chat-session"]', { state: 'attached', timeout: 15_000 });

    // A run started elsewhere (as a receiver's test suite would), slow enough (speed 10: about a
    // minute) that it is certainly still running while the page follows it: its first marks arrive live.
    const live = await startRun(server.url, { scenario: 'queue-call-answered', seed: 7, time: { speed: 10 }, target: { url: receiver.url, secret: 'top-secret' } });
    // The run list polls; with nothing picked, the page follows the newest run.
    await page.waitForSelector(`#runs button[data-run="${live}"]`, { timeout: 15_000 });
    await page.waitForSelector('#run-status.s-running', { timeout: 15_000 });
    await page.waitForSelector('#timeline .mark[data-outcome="delivered"]', { timeout: 15_000 });
    expect(await page.textContent('#run-status')).toBe('running');
    await page.click('#run-cancel');
    await page.waitForSelector('#run-status.s-cancelled', { timeout: 15_000 });
    // The rest of the plan is accounted for as not sent.
    await page.waitForSelector('#timeline .mark[data-outcome="not-sent"]', { timeout: 15_000 });

    // mluvii userinfo credentials on a target that also gets Enreach events: refused up front (docs/providers.md E1).
    const refused = await fetch(`${server.url}/runs`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ scenario: ['chat-session', 'queue-call-answered'], target: { url: `http://inspector:s3cret@127.0.0.1:${receiver.port}/webhook` } }),
    });
    expect(refused.status).toBe(400);

    // A second run, both providers, with a retry each for SessionCreated and QueueCallInComing.
    const id = await startRun(server.url, { scenario: ['chat-session', 'queue-call-answered'], seed: 2, time: 'instant', retrySchedule: '10ms', target: { url: receiver.url, secret: 'top-secret' } });
    await page.waitForSelector(`#runs button[data-run="${id}"][aria-current="true"]`, { timeout: 15_000 });
    await page.waitForSelector('#run-status.s-done', { timeout: 30_000 });

    const marks = await page.$$eval('#timeline .mark', (els) => els.map((e) => (e as HTMLElement).dataset['outcome']));
    const runState = (await (await fetch(`${server.url}/runs/${id}`)).json()) as { events: { entityKey: string; outcome: string }[] };
    expect(marks.length).toBe(runState.events.length);
    expect(new Set(marks)).toEqual(new Set(runState.events.map((e) => e.outcome)));
    expect(marks.filter((m) => m === 'retried')).toHaveLength(2);
    expect(marks.filter((m) => m !== 'retried').every((m) => m === 'delivered')).toBe(true);
    const lanes = await page.$$eval('#timeline .lane', (els) => els.map((e) => (e as HTMLElement).dataset['entity']));
    expect(new Set(lanes)).toEqual(new Set(runState.events.map((e) => e.entityKey)));

    // An Enreach event: its X-Benemen-Token is masked, the payload is shown.
    const enreach = page.locator('#timeline .lane[data-entity^="CallId:"] .mark').first();
    await enreach.click();
    await page.waitForFunction(() => (document.getElementById('detail-payload')?.textContent ?? '').includes('"EventType"'), undefined, { timeout: 10_000 });
    const headersText = await page.textContent('#detail-requests');
    expect(headersText).toContain('X-Benemen-Token');
    expect(headersText).toContain('***');
    expect(headersText).not.toContain('top-secret');
    // QueueCallInComing: a 503, then the retry delivered.
    expect(await page.locator('#detail-attempts tr').count()).toBe(2);
    expect(await page.textContent('#detail-title')).toMatch(/^QueueCallInComing #/);
    expect(await enreach.getAttribute('aria-pressed')).toBe('true');

    await page.screenshot({ path: join(ARTIFACTS, 'inspector.png'), fullPage: true });
    expect(errors).toEqual([]);
    await page.close();
  }, 90_000);

  it('starts a run from its own form; a page on another origin can neither post a form nor fetch to start one', async () => {
    const page = await browser.newPage();
    await page.goto(`${server.url}/`);
    await page.waitForSelector('#start-scenario option[value="mluvii/chat-session"]', { state: 'attached', timeout: 15_000 });
    const before = await runCount(server.url);
    await page.selectOption('#start-scenario', 'mluvii/chat-session');
    await page.selectOption('#start-time', 'instant');
    await page.fill('#start-target', receiver.url);
    await page.click('#start-form button[type="submit"]');
    await page.waitForSelector('#run-status.s-done', { timeout: 30_000 });
    expect(await page.textContent('#start-error')).toBe('');
    expect(await runCount(server.url)).toBe(before + 1);

    // Another origin (the receiver's port): a classic cross-site form post of JSON-looking text/plain,
    // and a no-cors fetch. The browser sends both; the server must refuse both.
    const evil = await browser.newPage();
    await evil.goto(receiver.url);
    const fetched = await evil.evaluate(async (target) => {
      await fetch(`${target}/runs`, { method: 'POST', mode: 'no-cors', body: JSON.stringify({ scenario: 'chat-session', time: 'instant' }) });
      return 'sent';
    }, server.url);
    expect(fetched).toBe('sent');
    const [answer] = await Promise.all([
      evil.waitForNavigation({ timeout: 15_000 }),
      evil.evaluate((target) => {
        const form = document.createElement('form');
        form.method = 'POST';
        form.action = `${target}/runs`;
        form.enctype = 'text/plain';
        const input = document.createElement('input');
        input.name = '{"scenario":"chat-session","time":"instant","x":"';
        input.value = '"}';
        form.append(input);
        document.body.append(form);
        form.submit();
      }, server.url),
    ]);
    expect([403, 415]).toContain(answer?.status());
    expect(await evil.textContent('body')).toMatch(/PM_FOREIGN_ORIGIN|PM_CONTENT_TYPE/);
    expect(await runCount(server.url)).toBe(before + 1);
    await evil.close();
    await page.close();
  }, 90_000);
});

async function runCount(base: string): Promise<number> {
  return ((await (await fetch(`${base}/runs`)).json()) as { runs: unknown[] }).runs.length;
}

async function startRun(base: string, body: object): Promise<string> {
  const res = await fetch(`${base}/runs`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify(body) });
  expect(res.status).toBe(202);
  return ((await res.json()) as { id: string }).id;
}
