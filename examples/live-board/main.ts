import { setupWorker } from 'msw/browser';
import { eventStreamHandlers, loadScenario } from '../../msw/index.ts';
// Bundled as text by examples/live-board/build.ts (esbuild's text loader).
import chatSession from '../../scenarios/mluvii/chat-session.yaml';
import queueCall from '../../scenarios/enreach/queue-call-answered.yaml';
import answeredFlow from '../../scenarios/enreach/flows/answered.yaml';
import closedFlow from '../../scenarios/enreach/flows/closed.yaml';
import { loadYaml } from '../../scenarios/index.ts';
import { applyEvent, render, type Row } from './board.ts';

// queue-call-answered includes these flows; a browser has no files, so they are bundled too.
const flows: Record<string, string> = { 'flows/answered.yaml': answeredFlow, 'flows/closed.yaml': closedFlow };
const load = (ref: string) => {
  const text = flows[ref];
  if (text === undefined) throw new Error(`no bundled scenario ${ref}`);
  return loadYaml(text, `scenarios/enreach/${ref}`);
};

const params = new URLSearchParams(location.search);
const status = document.getElementById('status')!;
// ?speed=600 plays ten minutes per second; ?speed=instant sends everything at once.
const speedParam = params.get('speed') ?? '600';
const speed = speedParam === 'instant' ? 'instant' : Number(speedParam);

try {
  const worker = setupWorker(
    ...eventStreamHandlers({
      url: '/api/events',
      scenario: [loadScenario(chatSession, 'chat-session.yaml'), loadScenario(queueCall, 'queue-call-answered.yaml', { load })],
      seed: params.get('seed') ?? 1,
      speed,
    }),
  );
  await worker.start({ onUnhandledRequest: 'bypass', serviceWorker: { url: './mockServiceWorker.js' }, quiet: true });
} catch (e) {
  // A bad ?speed= or ?seed= is refused where the handlers are made; say so on the page, not only in the console.
  status.textContent = `cannot start with ${location.search}: ${(e as Error).message}`;
  document.body.dataset['error'] = 'true';
  throw e;
}

// From here on this is ordinary app code talking to its own backend endpoint.
const rows = new Map<string, Row>();
const tbody = document.getElementById('board')!;
const count = document.getElementById('count')!;
let n = 0;
const source = new EventSource('/api/events');
source.onopen = () => (status.textContent = 'live:');
source.onmessage = (e) => {
  applyEvent(rows, JSON.parse(e.data as string) as Record<string, unknown>);
  count.textContent = String(++n);
  render(rows, tbody);
};
// ?close=0 leaves the EventSource open after `end`, as an app that forgets to close it would: its own
// reconnect is answered 204 and it stops (readyState CLOSED) instead of playing the scenario again.
const closeOnEnd = params.get('close') !== '0';
source.addEventListener('end', () => {
  status.textContent = 'scenario complete:';
  document.body.dataset['done'] = 'true';
  if (closeOnEnd) source.close();
});
source.onerror = () => {
  if (source.readyState === EventSource.CLOSED) document.body.dataset['stream'] = 'closed';
};
