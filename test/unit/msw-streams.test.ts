import { EventSource as UndiciEventSource, WebSocket as UndiciWebSocket } from 'undici';
// Node 20 has neither a global WebSocket nor EventSource; MSW's ws() and sse() need them (it
// intercepts whichever WebSocket class is global when it starts). undici provides both.
const g = globalThis as { WebSocket?: unknown; EventSource?: unknown };
g.WebSocket ??= UndiciWebSocket;
g.EventSource ??= UndiciEventSource;

import { setupServer } from 'msw/node';
import { afterAll, afterEach, beforeAll, describe, expect, it, vi } from 'vitest';
import { validate } from '../../contracts/index.ts';
import { catalogHandlers, eventStreamHandlers } from '../../msw/index.ts';
import { readScenario } from '../../scenarios/files.ts';
import { plan } from '../../scenarios/index.ts';
import { cli } from '../helpers/cli.ts';

const server = setupServer();
beforeAll(() => server.listen({ onUnhandledRequest: 'error' }));
afterEach(() => server.resetHandlers());
afterAll(() => server.close());

/** Reads an SSE response to its end: the `message` events' data and the names of other events. */
async function readSse(res: Response): Promise<{ messages: { id: string | undefined; data: string }[]; events: string[] }> {
  const text = await res.text();
  const messages: { id: string | undefined; data: string }[] = [];
  const events: string[] = [];
  for (const block of text.split('\n\n')) {
    if (!block.trim()) continue;
    const fields = block.split('\n').map((l) => [l.slice(0, l.indexOf(':')), l.slice(l.indexOf(':') + 1).replace(/^ /, '')] as const);
    // A block without data (e.g. only `retry:`) dispatches no event (the SSE spec).
    if (!fields.some(([k]) => k === 'data')) continue;
    const event = fields.find(([k]) => k === 'event')?.[1] ?? 'message';
    const data = fields.filter(([k]) => k === 'data').map(([, v]) => v).join('\n');
    if (event === 'message') messages.push({ id: fields.find(([k]) => k === 'id')?.[1], data });
    else events.push(event);
  }
  return { messages, events };
}

describe('eventStreamHandlers', () => {
  const scenario = readScenario('chat-session');
  const expected = [...plan(scenario, { seed: 7 })];

  it('streams a scenario as Server-Sent Events: every message schema-valid, in scenario order, then "end"', async () => {
    server.use(...eventStreamHandlers({ url: 'https://app.example/api/events', scenario, seed: 7 }));
    const res = await fetch('https://app.example/api/events', { headers: { accept: 'text/event-stream' } });
    expect(res.headers.get('content-type')).toMatch(/text\/event-stream/);
    const { messages, events } = await readSse(res);
    expect(messages.map((m) => JSON.parse(m.data))).toEqual(expected.map((e) => e.payload));
    expect(messages.map((m) => m.id)).toEqual(expected.map((e) => String(e.seq)));
    for (const m of messages) expect(validate(JSON.parse(m.data)).errors).toEqual([]);
    expect(events).toEqual(['end']);
  });

  it('answers the EventSource reconnect after "end" with 204, so an app that never closes sees the scenario once', async () => {
    const { EventSource } = await import('eventsource');
    const url = 'https://app.example/once';
    server.use(...eventStreamHandlers({ url, scenario, seed: 7 }));
    const requests: { lastEventId: string | null }[] = [];
    const onRequest = ({ request }: { request: Request }): void => {
      if (request.url === url) requests.push({ lastEventId: request.headers.get('last-event-id') });
    };
    server.events.on('request:start', onRequest);
    const source = new EventSource(url);
    const got: unknown[] = [];
    let ends = 0;
    source.onmessage = (e) => got.push(JSON.parse(e.data));
    source.addEventListener('end', () => ends++);
    try {
      // No close() on `end`: EventSource reconnects by itself, gets 204 and stops for good (readyState CLOSED).
      await vi.waitFor(() => expect(source.readyState).toBe(EventSource.CLOSED), { timeout: 20_000, interval: 50 });
    } finally {
      source.close();
      server.events.removeListener('request:start', onRequest);
    }
    expect(got).toEqual(expected.map((e) => e.payload));
    expect(ends).toBe(1);
    // The reconnect names the last message it saw; having seen the whole stream, it gets 204.
    expect(requests).toEqual([{ lastEventId: null }, { lastEventId: String(expected.at(-1)?.seq) }]);
  });

  it('streams the same events over a WebSocket, then closes normally', async () => {
    server.use(...eventStreamHandlers({ url: 'wss://app.example/live', scenario, seed: 7, transport: 'ws' }));
    const socket = new WebSocket('wss://app.example/live');
    const got: unknown[] = [];
    const code = await new Promise<number>((resolve, reject) => {
      socket.addEventListener('message', (e) => got.push(JSON.parse(String((e).data))));
      socket.addEventListener('close', (e) => resolve((e).code));
      socket.addEventListener('error', () => reject(new Error('socket error')));
    });
    expect(code).toBe(1000);
    expect(got).toEqual(expected.map((e) => e.payload));
    for (const p of got) expect(validate(p).valid).toBe(true);
  });

  it('paces messages by the scenario timing times the speed factor', async () => {
    // chat-session spans minutes; at 1e5× it still takes a few ms, but the order and content stay.
    server.use(...eventStreamHandlers({ url: 'https://app.example/paced', scenario, seed: 7, speed: 1e5 }));
    const { messages } = await readSse(await fetch('https://app.example/paced', { headers: { accept: 'text/event-stream' } }));
    expect(messages).toHaveLength(expected.length);
  });

  it('paces a long stream without piling abort listeners on the request signal', async () => {
    // One sleep per event on one signal: listeners that outlive their sleep trip Node's leak warning.
    const warnings: string[] = [];
    const onWarning = (w: Error): void => void warnings.push(w.message);
    process.on('warning', onWarning);
    try {
      server.use(...eventStreamHandlers({ url: 'https://app.example/long', scenario: readScenario('queue-call-answered'), seed: 7, speed: 1e6 }));
      const { messages } = await readSse(await fetch('https://app.example/long', { headers: { accept: 'text/event-stream' } }));
      expect(messages.length).toBeGreaterThan(10);
      await new Promise((r) => setImmediate(r));
    } finally {
      process.off('warning', onWarning);
    }
    expect(warnings.filter((w) => /listener/i.test(w))).toEqual([]);
  });

  it('refuses a speed that is not instant or a number from 0.001 to 1000000, and an unknown transport, when the handlers are made', () => {
    for (const speed of [-1, 0, 1e-9, 2e6, Number.NaN, Number.POSITIVE_INFINITY]) {
      expect(() => eventStreamHandlers({ url: 'https://app.example/bad', scenario, speed }), String(speed)).toThrow(
        /^provider-mock PM_BAD_OPTION: eventStreamHandlers\(options\.speed\): speed must be 'instant' or a number from 0\.001 to 1000000, got (-1|0|1e-9|2000000|NaN|Infinity) \(1 = the scenario's own timing/,
      );
    }
    expect(() => eventStreamHandlers({ url: 'https://app.example/bad', scenario, speed: 'fast' as never })).toThrow(`got "fast"`);
    expect(() => eventStreamHandlers({ url: 'https://app.example/bad', scenario, transport: 'websocket' as never })).toThrow(
      'eventStreamHandlers(options.transport): unknown transport "websocket"',
    );
  });

  it('refuses, when the handlers are made, a scenario that is not resolved, an empty seed and a bad startTime', () => {
    expect(() => eventStreamHandlers({ url: 'https://app.example/bad', scenario: 'chat-session' as never })).toThrow(
      /^provider-mock PM_BAD_OPTION: eventStreamHandlers\(options\.scenario\): scenario must be a resolved scenario, got "chat-session" \(loadScenario\(yamlText, 'name\.yaml'\), or readScenario\('name'\) in Node\)$/,
    );
    expect(() => eventStreamHandlers({ url: 'https://app.example/bad', scenario: [scenario, undefined as never] })).toThrow(
      'eventStreamHandlers(options.scenario[1]): scenario must be a resolved scenario, got undefined',
    );
    expect(() => eventStreamHandlers({ url: 'https://app.example/bad', scenario: [] })).toThrow('eventStreamHandlers(options.scenario): no scenario to play');
    expect(() => eventStreamHandlers({ url: 'https://app.example/bad', scenario, seed: ' ' })).toThrow(/PM_BAD_SEED: eventStreamHandlers\(options\.seed\): the seed is empty \(a whole number \(7\) or any text/);
    expect(() => eventStreamHandlers({ url: 'https://app.example/bad', scenario, seed: Number.NaN })).toThrow('eventStreamHandlers(options.seed): the seed must be a finite number or text, got NaN');
    expect(() => eventStreamHandlers({ url: 'https://app.example/bad', scenario, startTime: Number.NaN })).toThrow(
      "eventStreamHandlers(options.startTime): startTime must be ms since the epoch, got NaN (e.g. Date.parse('2024-05-06T15:00:00+02:00'))",
    );
  });

  it('reads a seed given as text like the CLI does: "7" plays as 7', async () => {
    server.use(...eventStreamHandlers({ url: 'https://app.example/text-seed', scenario, seed: '7' }));
    const { messages } = await readSse(await fetch('https://app.example/text-seed', { headers: { accept: 'text/event-stream' } }));
    expect(messages.map((m) => JSON.parse(m.data))).toEqual(expected.map((e) => e.payload));
  });
});

describe('catalogHandlers', () => {
  const base = 'https://mock.example/catalog';
  beforeAll(() => undefined);

  it('answers generated, schema-valid payloads; the same seed gives the same bytes', async () => {
    server.use(...catalogHandlers({ baseUrl: base }));
    const a = await (await fetch(`${base}/enreach/QueueCallInUserConnected?seed=3&count=5`)).text();
    const b = await (await fetch(`${base}/enreach/QueueCallInUserConnected?seed=3&count=5`)).text();
    expect(a).toBe(b);
    const list = JSON.parse(a) as unknown[];
    expect(list).toHaveLength(5);
    for (const p of list) expect(validate(p)).toMatchObject({ valid: true, eventType: 'QueueCallInUserConnected' });
    const c = await (await fetch(`${base}/enreach/QueueCallInUserConnected?seed=4&count=5`)).text();
    expect(c).not.toBe(a);
    // The same payloads `provider-mock generate --seed 3 --count 5` prints, one after another in time.
    const printed = (await cli(['generate', 'QueueCallInUserConnected', '--seed', '3', '--count', '5'])).stdout.trim().split('\n').map((l) => JSON.parse(l) as unknown);
    expect(list).toEqual(printed);
    const stamps = list.map((p) => Date.parse((p as { Timestamp: string }).Timestamp));
    expect(stamps.every((t, i) => i === 0 || t > (stamps[i - 1] ?? 0))).toBe(true);
  });

  it("answers the provider doc's own examples", async () => {
    server.use(...catalogHandlers({ baseUrl: base }));
    const list = (await (await fetch(`${base}/mluvii/SessionCreated/examples`)).json()) as { origin: string; payload: unknown }[];
    expect(list.map((e) => e.origin)).toEqual(['en', 'cs']);
    expect(list[0]?.payload).toEqual({ eventType: 'SessionCreated', data: { id: 7371450, tenantId: 62, channel: 'Phone', source: 'OutgoingCall' } });
  });

  it('answers an unknown event with 404, did-you-mean and the valid names', async () => {
    server.use(...catalogHandlers({ baseUrl: base }));
    const r = await fetch(`${base}/enreach/QueueCallInConnected`);
    expect(r.status).toBe(404);
    const body = (await r.json()) as { message: string; validValues: string[] };
    expect(body.message).toMatch(/did you mean "QueueCallIn/);
    expect(body.validValues).toContain('QueueCallInUserConnected');
    expect((await fetch(`${base}/teams/SessionCreated`)).status).toBe(404);
  });

  it('answers an unknown provider with 404, did-you-mean and the valid providers', async () => {
    server.use(...catalogHandlers({ baseUrl: base }));
    const r = await fetch(`${base}/mluvi/SessionCreated`);
    expect(r.status).toBe(404);
    expect(await r.json()).toMatchObject({ message: 'unknown provider "mluvi"; did you mean "mluvii"?', validValues: ['mluvii', 'enreach'] });
  });

  it('answers the same payloads as `provider-mock generate --seed S --count N`', async () => {
    server.use(...catalogHandlers({ baseUrl: base }));
    for (const seed of ['3', 'nightly']) {
      const fromMsw = (await (await fetch(`${base}/enreach/QueueCallInUserConnected?seed=${seed}&count=3`)).json()) as unknown[];
      const fromCli = await cli(['generate', 'QueueCallInUserConnected', '--seed', seed, '--count', '3']);
      expect(fromCli.code).toBe(0);
      expect(fromMsw).toEqual(fromCli.stdout.trim().split('\n').map((l) => JSON.parse(l) as unknown));
    }
    const unseeded = (await (await fetch(`${base}/mluvii/SessionCreated`)).json()) as unknown[];
    expect(unseeded).toEqual([JSON.parse((await cli(['generate', 'SessionCreated'])).stdout)]);
  });

  it('answers an empty seed with 400 naming query.seed', async () => {
    server.use(...catalogHandlers({ baseUrl: base }));
    const r = await fetch(`${base}/mluvii/SessionCreated?seed=`);
    expect(r.status).toBe(400);
    expect(await r.json()).toMatchObject({ error: 'bad request', where: 'query.seed', message: expect.stringMatching(/query\.seed: the seed is empty \(a whole number \(7\) or any text/) });
  });

  it('answers a bad count with 400 and the valid range', async () => {
    server.use(...catalogHandlers({ baseUrl: base }));
    for (const count of ['0', '101', 'many']) {
      const r = await fetch(`${base}/mluvii/SessionCreated?count=${count}`);
      expect(r.status).toBe(400);
      expect(((await r.json()) as { message: string }).message).toMatch(/count must be a whole number from 1 to 100/);
    }
  });
});
