import { join } from 'node:path';
import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startServer, type RunningServer } from '../../mock-server/server.ts';
import { ARTIFACTS, launchBrowser } from '../helpers/browser.ts';
import { startReceiver, type Behaviour, type Receiver, type RecordedRequest } from '../helpers/receiver.ts';

/**
 * The inspector page in a real headless Chromium: a run started through the control API shows
 * up live (its marks arrive over Server-Sent Events), and clicking a mark shows the payload,
 * the masked request headers and the attempts. The screenshot is left in test-artifacts/.
 */
describe('inspector page in a real Chromium', () => {
  // The first attempt of each SessionCreated / QueueCallInComing fails, so the timeline shows retried marks too.
  const seen = new Set<string>();
  const env = inspectorUnderTest((req) => {
    const body = req.json as { eventType?: string; EventType?: string } | undefined;
    const type = body?.eventType ?? body?.EventType ?? '';
    const first = !seen.has(req.body);
    seen.add(req.body);
    return first && (type === 'SessionCreated' || type === 'QueueCallInComing') ? { status: 503 } : { status: 200 };
  });

  it('follows a run live, then shows one lane per entity and a clicked mark\'s payload and masked headers', async () => {
    const page = await env.browser.newPage({ viewport: { width: 1500, height: 950 } });
    const errors: string[] = [];
    page.on('pageerror', (e) => errors.push(e.message));
    await page.goto(`${env.server.url}/`);
    await expect(page.title()).resolves.toBe('provider-mock inspector');
    // The start form lists the built-ins from GET /catalog.
    await page.waitForSelector('#start-scenario option[value="mluvii/chat-session"]', { state: 'attached', timeout: 15_000 });

    // A run started elsewhere (as a receiver's test suite would), slow enough (speed 10: about a
    // minute) that it is certainly still running while the page follows it: its first marks arrive live.
    const live = await startRun(env.server.url, { scenario: 'queue-call-answered', seed: 7, time: { speed: 10 }, target: { url: env.receiver.url, secret: 'top-secret' } });
    // The run list polls; with nothing picked, the page follows the newest run.
    await page.waitForSelector(`#runs a[data-run="${live}"]`, { timeout: 15_000 });
    await page.waitForSelector('#run-status.s-running', { timeout: 15_000 });
    await page.waitForSelector('#timeline .mark[data-outcome="delivered"]', { timeout: 15_000 });
    expect(await page.textContent('#run-status')).toBe('running');
    await page.click('#run-cancel');
    await page.waitForSelector('#run-status.s-cancelled', { timeout: 15_000 });
    // The rest of the plan is accounted for as not sent.
    await page.waitForSelector('#timeline .mark[data-outcome="not-sent"]', { timeout: 15_000 });

    // mluvii userinfo credentials on a target that also gets Enreach events: refused up front (docs/providers.md E1).
    const refused = await fetch(`${env.server.url}/runs`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ scenario: ['chat-session', 'queue-call-answered'], target: { url: `http://inspector:s3cret@127.0.0.1:${env.receiver.port}/webhook` } }),
    });
    expect(refused.status).toBe(400);

    // A second run, both providers, with a retry each for SessionCreated and QueueCallInComing.
    const id = await startRun(env.server.url, { scenario: ['chat-session', 'queue-call-answered'], seed: 2, time: 'instant', retrySchedule: '10ms', target: { url: env.receiver.url, secret: 'top-secret' } });
    await page.waitForSelector(`#runs a[data-run="${id}"][aria-current="true"]`, { timeout: 15_000 });
    await page.waitForSelector('#run-status.s-done', { timeout: 30_000 });
    // Every event delivered (after its retry): the run passed, and says so.
    expect(await page.textContent('#run-status')).toBe('passed');

    const marks = await page.$$eval('#timeline .mark', (els) => els.map((e) => (e as HTMLElement).dataset['outcome']));
    const runState = (await (await fetch(`${env.server.url}/runs/${id}`)).json()) as { events: { entityKey: string; outcome: string }[] };
    expect(marks.length).toBe(runState.events.length);
    expect(new Set(marks)).toEqual(new Set(runState.events.map((e) => e.outcome)));
    expect(marks.filter((m) => m === 'retried')).toHaveLength(2);
    expect(marks.filter((m) => m !== 'retried').every((m) => m === 'delivered')).toBe(true);
    const lanes = await page.$$eval('#timeline .lane[data-entity]', (els) => els.map((e) => (e as HTMLElement).dataset['entity']));
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
    const page = await env.browser.newPage();
    await page.goto(`${env.server.url}/`);
    await page.waitForSelector('#start-scenario option[value="mluvii/chat-session"]', { state: 'attached', timeout: 15_000 });
    const before = await runCount(env.server.url);
    await page.selectOption('#start-scenario', 'mluvii/chat-session');
    await page.selectOption('#start-time', 'instant');
    await page.fill('#start-target', env.receiver.url);
    await page.click('#start-form button[type="submit"]');
    await page.waitForSelector('#run-status.s-done', { timeout: 30_000 });
    expect(await page.textContent('#start-error')).toBe('');
    expect(await runCount(env.server.url)).toBe(before + 1);

    // Another origin (the receiver's port): a classic cross-site form post of JSON-looking text/plain,
    // and a no-cors fetch. The browser sends both; the server must refuse both.
    const evil = await env.browser.newPage();
    await evil.goto(env.receiver.url);
    const fetched = await evil.evaluate(async (target) => {
      await fetch(`${target}/runs`, { method: 'POST', mode: 'no-cors', body: JSON.stringify({ scenario: 'chat-session', time: 'instant' }) });
      return 'sent';
    }, env.server.url);
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
      }, env.server.url),
    ]);
    expect([403, 415]).toContain(answer?.status());
    expect(await evil.textContent('body')).toMatch(/PM_FOREIGN_ORIGIN|PM_CONTENT_TYPE/);
    expect(await runCount(env.server.url)).toBe(before + 1);
    await evil.close();
    await page.close();
  }, 90_000);
});

describe('inspector page: first paint, names, time axis, failed runs, answers and links', () => {
  let failedRun: string;
  let passedRun: string;
  // Enreach events are refused with a JSON body (every attempt): that run fails; mluvii ones are taken.
  const env = inspectorUnderTest(
    (req) => ((req.json as { EventType?: string } | undefined)?.EventType ? { status: 500, body: '{"error":"database down"}', headers: { 'content-type': 'application/json' } } : { status: 200 }),
    async (server, receiver) => {
      failedRun = await startRun(server.url, { scenario: 'queue-call-answered', seed: 3, time: 'instant', retries: 1, retrySchedule: '1ms', target: { url: receiver.url, secret: 'enreach-secret' } });
      passedRun = await startRun(server.url, { scenario: 'chat-session', seed: 3, time: 'instant', target: { url: receiver.url } });
      for (const id of [failedRun, passedRun]) {
        for (let i = 0; i < 300; i++) {
          const r = (await (await fetch(`${server.url}/runs/${id}`)).json()) as { status: string };
          if (r.status === 'done') break;
          await new Promise((res) => setTimeout(res, 50));
        }
      }
    },
  );

  it('paints the run list from the server, before (and without) its script', async () => {
    const context = await env.browser.newContext({ javaScriptEnabled: false, viewport: { width: 1300, height: 700 } });
    const page = await context.newPage();
    await page.goto(`${env.server.url}/`);
    const items = await page.$$eval('#runs a.run-link', (els) => els.map((e) => ({ run: (e as HTMLElement).dataset['run'], href: e.getAttribute('href'), text: e.textContent, failed: e.classList.contains('v-failed') })));
    expect(items.map((i) => i.run).sort()).toEqual([failedRun, passedRun].sort());
    expect(items.find((i) => i.run === failedRun)).toMatchObject({ href: `#run=${failedRun}`, failed: true });
    expect(items.find((i) => i.run === failedRun)?.text).toMatch(/^queue-call-answered\s*failed · 0\/\d+ delivered/);
    expect(await page.isVisible('#runs-empty')).toBe(false);
    await page.screenshot({ path: join(ARTIFACTS, 'inspector-first-paint.png') });
    await context.close();
  });

  it('opens a run from its /#run=<id> link: a failed run looks failed, marks carry event names on a time axis, lanes are readable, and the answer body is shown', async () => {
    const page = await env.browser.newPage({ viewport: { width: 1500, height: 950 } });
    const errors: string[] = [];
    page.on('pageerror', (e) => errors.push(e.message));
    await page.goto(`${env.server.url}/#run=${failedRun}&seq=0`);
    await page.waitForSelector(`#runs a[data-run="${failedRun}"][aria-current="true"]`, { timeout: 15_000 });
    await page.waitForSelector('#run-status.v-failed', { timeout: 15_000 });
    expect(await page.textContent('#run-status')).toBe('failed');
    const runState = (await (await fetch(`${env.server.url}/runs/${failedRun}`)).json()) as { events: { seq: number; eventType: string; at: number }[] };
    await page.waitForFunction((n) => document.querySelectorAll('#timeline .mark').length === n, runState.events.length, { timeout: 15_000 });
    // Each mark names its event; the axis has one tick per event, from +00:00.0 on.
    const names = await page.$$eval('#timeline .mark', (els) => els.map((e) => e.textContent));
    expect(names.sort()).toEqual(runState.events.map((e) => e.eventType).sort());
    const ticks = await page.$$eval('#timeline .axis .tick', (els) => els.map((e) => e.textContent));
    expect(ticks).toHaveLength(runState.events.length);
    expect(ticks[0]).toBe('+00:00.0');
    expect(new Set(await page.$$eval('#timeline .mark', (els) => els.map((e) => (e as HTMLElement).dataset['outcome'])))).toEqual(new Set(['discarded']));
    // Lane names are whole: nothing cut off.
    const cut = await page.$$eval('#timeline .lane-label', (els) => els.filter((e) => e.scrollWidth > e.clientWidth + 1).map((e) => e.textContent));
    expect(cut).toEqual([]);
    // The link's &seq=0 opened that delivery: its attempts with the receiver's answer body.
    await page.waitForFunction(() => (document.getElementById('detail-title')?.textContent ?? '').endsWith('#0'), undefined, { timeout: 10_000 });
    await page.waitForSelector('#detail-attempts .response', { timeout: 10_000 });
    expect(await page.textContent('#detail-attempts .response')).toContain('database down');
    expect(await page.locator('#timeline .mark[data-seq="0"]').getAttribute('aria-pressed')).toBe('true');
    await page.screenshot({ path: join(ARTIFACTS, 'inspector-failed-run.png'), fullPage: true });

    // Clicking another run in the list follows its link.
    await page.click(`#runs a[data-run="${passedRun}"]`);
    await page.waitForFunction((id) => location.hash === `#run=${id}`, passedRun, { timeout: 10_000 });
    await page.waitForSelector('#run-status.v-passed', { timeout: 15_000 });
    expect(await page.textContent('#run-status')).toBe('passed');
    expect(errors).toEqual([]);
    await page.close();
  }, 90_000);
});

/** A server, a receiver with this behaviour and a Chromium for one describe block, closed after it. */
function inspectorUnderTest(behaviour: (req: RecordedRequest) => Behaviour, setUp?: (server: RunningServer, receiver: Receiver) => Promise<void>): { server: RunningServer; receiver: Receiver; browser: Browser } {
  const env = {} as { server: RunningServer; receiver: Receiver; browser: Browser };
  beforeAll(async () => {
    env.server = await startServer({ port: 0, handleSignals: false, print: () => {}, env: {} });
    env.receiver = await startReceiver({ behaviour });
    await setUp?.(env.server, env.receiver);
    env.browser = await launchBrowser();
  }, 120_000);
  afterAll(async () => {
    await env.browser?.close();
    await env.receiver?.close();
    await env.server?.close();
  });
  return env;
}

async function runCount(base: string): Promise<number> {
  return ((await (await fetch(`${base}/runs`)).json()) as { runs: unknown[] }).runs.length;
}

async function startRun(base: string, body: object): Promise<string> {
  const res = await fetch(`${base}/runs`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify(body) });
  expect(res.status).toBe(202);
  return ((await res.json()) as { id: string }).id;
}
