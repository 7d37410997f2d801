import { http, HttpResponse, sse, ws, type HttpHandler, type WebSocketHandler } from 'msw';
import { ProviderMockError, unknownName } from '../contracts/errors.ts';
import { sleep, TIME_LIMITS } from '../contracts/timing.ts';
import { isProvider } from '../contracts/provider.ts';
import { parseSeed } from '../generators/inputs.ts';
import type { Scenario } from '../scenarios/engine/ast.ts';
import type { TimelineEntry } from '../scenarios/engine/timeline.ts';
import { plan } from '../scenarios/index.ts';

export interface EventStreamOptions {
  /** Your app's own event-stream endpoint (an MSW path, or a ws:// URL for the WebSocket transport). */
  url: string;
  /** One or several resolved scenarios (`loadScenario(yamlText, name)`, or `readScenario(name)` in Node). */
  scenario: Scenario | readonly Scenario[];
  seed?: number | string;
  /** Start of the timeline (ms since epoch); payload times follow from it. */
  startTime?: number;
  /**
   * Pacing: `'instant'` (the default, for tests) sends everything at once; a number is a speed
   * factor over the scenario's own timing (1 = real time, 60 = a minute per second).
   */
  speed?: 'instant' | number;
  /** `sse` (Server-Sent Events, the default) or `ws` (WebSocket). */
  transport?: 'sse' | 'ws';
}

/** Reconnection time sent before `end`, so the reconnect that gets the 204 comes at once (not after a browser's ~3 s). */
const END_RETRY_MS = 100;
/** In a browser: how soon after a stream's end a request counts as its reconnect. */
const RECONNECT_WINDOW_MS = 1000;
/** A page with service workers (where MSW's browser worker runs), not Node or jsdom. */
const IN_BROWSER = typeof navigator !== 'undefined' && 'serviceWorker' in navigator;

/** Plays the timeline: calls `send` per entry, paced by `speed`, until done or aborted. */
async function play(o: EventStreamOptions, send: (e: TimelineEntry) => void, signal: AbortSignal): Promise<void> {
  const speed = o.speed ?? 'instant';
  let last = 0;
  for (const entry of plan(o.scenario, { ...(o.seed !== undefined ? { seed: o.seed } : {}), ...(o.startTime !== undefined ? { startTime: o.startTime } : {}) })) {
    if (signal.aborted) return;
    if (speed !== 'instant') await sleep((entry.at - last) / speed, signal);
    last = entry.at;
    if (signal.aborted) return;
    send(entry);
  }
}

/**
 * Answers your app's event-stream endpoint with a scenario's events, so a live call board or
 * session monitor can be built and tested without a backend. Over SSE each payload is the `data`
 * of a plain `message` event (so `onmessage` sees it) with `id` = its timeline position, and a
 * final `end` event says the scenario is over. An EventSource reconnects on its own when a
 * stream ends; its reconnect carries `Last-Event-ID` = the id of the stream's last message, and a
 * reconnect from a client that has seen a whole stream is answered `204 No Content`, which per the
 * SSE spec makes it stop for good (readyState CLOSED): an app that does not close on `end` sees the
 * scenario once, not in a loop. (In a browser, where the service worker does not see that header,
 * the first request within a second of a stream's end is taken as its reconnect.) Over a WebSocket
 * each message is the payload's JSON text, and the socket is closed (1000) at the end.
 */
export function eventStreamHandlers(options: EventStreamOptions): Array<HttpHandler | WebSocketHandler> {
  // Bad options fail here, where the handlers are set up, not later inside a stream the page only sees break.
  const { speed, transport = 'sse' } = options;
  const { min, max } = TIME_LIMITS.speed;
  if (speed !== undefined && speed !== 'instant' && !(typeof speed === 'number' && speed >= min && speed <= max)) {
    throw new ProviderMockError('PM_BAD_OPTION', `speed must be 'instant' or a number from ${min} to ${max}, got ${typeof speed === 'number' ? String(speed) : JSON.stringify(speed)}`, {
      where: 'eventStreamHandlers(options.speed)',
      hint: "1 = the scenario's own timing, 60 = a minute per second",
    });
  }
  if (transport !== 'sse' && transport !== 'ws') {
    throw unknownName('PM_BAD_OPTION', 'transport', String(transport), ['sse', 'ws'], 'eventStreamHandlers(options.transport)');
  }
  const list: readonly unknown[] = Array.isArray(options.scenario) ? options.scenario : [options.scenario];
  list.forEach((sc, i) => {
    const s = sc as Partial<Scenario> | null;
    if (typeof s !== 'object' || s === null || typeof s.name !== 'string' || !isProvider(s.provider) || !Array.isArray(s.steps)) {
      throw new ProviderMockError('PM_BAD_OPTION', `scenario must be a resolved scenario, got ${typeof sc === 'string' ? JSON.stringify(sc) : sc === null ? 'null' : typeof sc}`, {
        where: `eventStreamHandlers(options.scenario${Array.isArray(options.scenario) ? `[${i}]` : ''})`,
        hint: "loadScenario(yamlText, 'name.yaml'), or readScenario('name') in Node",
      });
    }
  });
  if (list.length === 0) {
    throw new ProviderMockError('PM_BAD_OPTION', 'no scenario to play', { where: 'eventStreamHandlers(options.scenario)', hint: 'give one resolved scenario or a non-empty list' });
  }
  // One reading of the seed for the CLI, the server and these handlers: `'7'` (say, from a page's ?seed=) plays as 7.
  let seed: number | string | undefined;
  if (options.seed !== undefined) {
    if (typeof options.seed === 'number' ? !Number.isFinite(options.seed) : typeof options.seed !== 'string') {
      throw new ProviderMockError('PM_BAD_SEED', `the seed must be a finite number or text, got ${String(options.seed)}`, { where: 'eventStreamHandlers(options.seed)' });
    }
    seed = parseSeed(options.seed, 'eventStreamHandlers(options.seed)');
  }
  if (options.startTime !== undefined && !(typeof options.startTime === 'number' && Number.isFinite(options.startTime))) {
    throw new ProviderMockError('PM_BAD_OPTION', `startTime must be ms since the epoch, got ${String(options.startTime)}`, {
      where: 'eventStreamHandlers(options.startTime)',
      hint: "e.g. Date.parse('2024-05-06T15:00:00+02:00')",
    });
  }
  const checked: EventStreamOptions = { ...options, ...(seed !== undefined ? { seed } : {}) };
  if (transport === 'sse') {
    // The ids of last messages of streams that reached `end`: a reconnect naming one has seen it all.
    const ended = new Set<string>();
    // In a browser, when streams reached `end` (see below).
    let endedAt: number[] = [];
    const stop = (): Response => new HttpResponse(null, { status: 204 });
    return [
      // The reconnect after `end`: 204 stops EventSource (HTML Living Standard, Server-sent events: "HTTP 204 No Content … fail the connection").
      http.get(options.url, ({ request }) => {
        const last = request.headers.get('last-event-id');
        if (last !== null) return ended.has(last) ? stop() : undefined;
        // A browser does not show Last-Event-ID to the service worker MSW answers from, so there a
        // request that comes within a moment of a stream's end (its retry is END_RETRY_MS) is taken
        // as that stream's reconnect, once per ended stream.
        if (IN_BROWSER) {
          const now = Date.now();
          endedAt = endedAt.filter((t) => now - t <= RECONNECT_WINDOW_MS);
          if (endedAt.shift() !== undefined) return stop();
        }
        return undefined;
      }),
      sse(options.url, ({ client, request }) => {
        let lastId: string | undefined;
        void play(
          checked,
          (e) => {
            lastId = String(e.seq);
            client.send({ id: lastId, data: JSON.stringify(e.payload) });
          },
          request.signal,
        )
          .then(() => {
            if (!request.signal.aborted) {
              if (lastId !== undefined) ended.add(lastId);
              if (IN_BROWSER) endedAt.push(Date.now());
              client.send({ retry: END_RETRY_MS });
              client.send({ event: 'end', data: '' } as never);
              client.close();
            }
          })
          .catch(() => client.error());
      }),
    ];
  }
  const link = ws.link(options.url);
  return [
    link.addEventListener('connection', ({ client }) => {
      const done = new AbortController();
      client.addEventListener('close', () => done.abort());
      // The connection listener runs before the page's socket is open; start on the next turn so
      // the first messages are not sent into a socket the page cannot read yet.
      void sleep(1)
        .then(() => play(checked, (e) => client.send(JSON.stringify(e.payload)), done.signal))
        .then(() => sleep(1))
        .then(() => {
          if (!done.signal.aborted) client.close(1000, 'scenario complete');
        })
        .catch(() => client.close(1011, 'scenario failed'));
    }),
  ];
}
