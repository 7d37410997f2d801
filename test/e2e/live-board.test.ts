import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildLiveBoard } from '../../examples/live-board/build.ts';
import { serveStatic } from '../../examples/live-board/serve.ts';
import { readScenario } from '../../scenarios/files.ts';
import { plan } from '../../scenarios/index.ts';
import { ARTIFACTS, launchBrowser } from '../helpers/browser.ts';

describe('MSW live-board example in a real Chromium', () => {
  let browser: Browser;
  let site: { url: string; close: () => Promise<void> };

  beforeAll(async () => {
    const dir = await buildLiveBoard(mkdtempSync(join(tmpdir(), 'pm-live-board-')));
    site = await serveStatic(dir);
    browser = await launchBrowser();
  }, 120_000);

  afterAll(async () => {
    await browser?.close();
    await site?.close();
  });

  it('shows calls and sessions arriving from the MSW event stream, then completes', async () => {
    const page = await browser.newPage();
    const errors: string[] = [];
    page.on('pageerror', (e) => errors.push(e.message));
    // 1e4×: the scenarios' minutes play in well under a second, but still one message at a time.
    await page.goto(`${site.url}?speed=10000&seed=3`);
    await page.waitForSelector('#board tr', { timeout: 30_000 });
    await page.waitForSelector('body[data-done="true"]', { timeout: 30_000 });
    const expected = [...plan([readScenario('chat-session'), readScenario('queue-call-answered')], { seed: 3 })].length;
    expect(await page.textContent('#count')).toBe(String(expected));
    const providers = await page.$$eval('#board td.provider', (tds) => tds.map((t) => t.textContent));
    expect(new Set(providers)).toEqual(new Set(['mluvii', 'enreach']));
    expect(await page.textContent('#status')).toBe('scenario complete:');
    await page.screenshot({ path: join(ARTIFACTS, 'live-board.png'), fullPage: true });
    expect(errors).toEqual([]);
  }, 60_000);

  it('stops after "end" even when the page does not close its EventSource: the reconnect gets 204, nothing plays twice', async () => {
    const page = await browser.newPage();
    const errors: string[] = [];
    page.on('pageerror', (e) => errors.push(e.message));
    await page.goto(`${site.url}?speed=instant&seed=3&close=0`);
    await page.waitForSelector('body[data-done="true"]', { timeout: 30_000 });
    // The browser reconnects on its own; the handler answers 204 and the EventSource closes for good.
    await page.waitForSelector('body[data-stream="closed"]', { timeout: 30_000 });
    const expected = [...plan([readScenario('chat-session'), readScenario('queue-call-answered')], { seed: 3 })].length;
    expect(await page.textContent('#count')).toBe(String(expected));
    expect(errors).toEqual([]);
    await page.close();
  }, 60_000);

  it.each([
    ['?speed=fast', /eventStreamHandlers\(options\.speed\): speed must be 'instant' or a number from 0\.001 to 1000000, got NaN/],
    ['?seed=', /eventStreamHandlers\(options\.seed\): the seed is empty/],
  ])('says on the page why it cannot start with %s', async (query, reason) => {
    const page = await browser.newPage();
    const errors: string[] = [];
    page.on('pageerror', (e) => errors.push(e.message));
    await page.goto(`${site.url}${query}`);
    await page.waitForSelector('body[data-error="true"]', { timeout: 30_000 });
    expect(await page.textContent('#status')).toMatch(`cannot start with ${query}: provider-mock`);
    expect(await page.textContent('#status')).toMatch(reason);
    expect(await page.$$('#board tr')).toHaveLength(0);
    expect(errors).toEqual([expect.stringMatching(reason)]);
    await page.close();
  }, 60_000);
});
