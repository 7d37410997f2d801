// provider-mock inspector: plain JavaScript, no build step. It reads the control API (GET /runs,
// GET /runs/{id}/deliveries/{seq}) and follows a run live over Server-Sent Events
// (GET /runs/{id}/events). Every value from the server is written with textContent, never as HTML.
// The server renders the run list into the page (first paint without this script); links are
// `/#run=<id>` (and `&seq=<n>` for one delivery).

const COL = 132; // px per event column: one column per event, in plan order, its offset on the axis
const POLL_MS = 1500; // run list refresh
const TOKEN_KEY = 'provider-mock-token';

const $ = (id) => /** @type {HTMLElement} */ (document.getElementById(id));

const state = {
  token: sessionStorage.getItem(TOKEN_KEY) ?? '',
  runs: [],
  /** @type {string | null} */ selected: null,
  userPicked: false,
  /** @type {EventSource | null} */ source: null,
  /** Events of the selected run by seq: summary + attempts. */
  events: new Map(),
  /** entityKey → { el, track } */
  lanes: new Map(),
  /** The scenario-time axis row: { el, track } */
  axis: null,
  order: [],
  /** @type {number | null} */ detailSeq: null,
  detailData: null,
  run: null,
};

function el(tag, props = {}, ...children) {
  const node = document.createElement(tag);
  for (const [k, v] of Object.entries(props)) {
    if (k === 'class') node.className = v;
    else if (k === 'text') node.textContent = v;
    else if (k.startsWith('aria-') || k.startsWith('data-') || k === 'type' || k === 'title' || k === 'scope') node.setAttribute(k, v);
    else node[k] = v;
  }
  for (const c of children) if (c !== null && c !== undefined) node.append(c);
  return node;
}

function headers(extra = {}) {
  return state.token ? { ...extra, authorization: `Bearer ${state.token}` } : extra;
}

async function api(path, init = {}) {
  const res = await fetch(path, { ...init, headers: headers(init.headers ?? {}) });
  if (res.status === 401) {
    $('token-form').hidden = false;
    throw new Error('the control token is required');
  }
  const body = res.status === 204 ? null : await res.json();
  if (!res.ok) throw new Error(body?.message ?? `HTTP ${res.status}`);
  return body;
}

const shortId = (id) => id.slice(0, 8);
/** `#run=<id>&seq=<n>` */
function hashState() {
  const h = new URLSearchParams(location.hash.slice(1));
  const seq = h.get('seq');
  return { run: h.get('run'), seq: seq !== null && /^\d+$/.test(seq) ? Number(seq) : null };
}
function setHash(run, seq) {
  const next = `#run=${encodeURIComponent(run)}${seq !== null && seq !== undefined ? `&seq=${seq}` : ''}`;
  if (location.hash !== next) history.replaceState(null, '', next);
}
/** Same rule as the server's page (mock-server/routes/inspector.ts verdictOf): a run that ended with undelivered events or a failed check failed. */
function verdictOf(run) {
  if (run.status !== 'done') return run.status;
  return (run.exitCode ?? 0) === 0 && run.counts.discarded + run.counts.notSent === 0 ? 'passed' : 'failed';
}
const shortKey = (key) => key.replace(/([0-9a-f]{8})-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}/gi, '$1…');

function offset(ms) {
  const s = ms / 1000;
  const m = Math.floor(s / 60);
  const h = Math.floor(m / 60);
  const ss = (s % 60).toFixed(1).padStart(4, '0');
  return h > 0 ? `+${h}:${String(m % 60).padStart(2, '0')}:${ss}` : `+${String(m).padStart(2, '0')}:${ss}`;
}

/** Same rule as the server (mock-server/run-manager.ts markOutcome). */
function outcomeOf(ev) {
  if (ev.targets.length === 0) return ev.resolved ? 'unsubscribed' : 'pending';
  const finals = ev.attempts.filter((a) => a.final);
  if (finals.some((a) => a.outcome === 'discarded')) return 'discarded';
  if (finals.some((a) => a.outcome === 'not-sent')) return 'not-sent';
  const retried = ev.attempts.some((a) => a.kind === 'retry' || a.outcome === 'will-retry');
  if (finals.length < ev.targets.length) return retried ? 'retried' : 'pending';
  if (retried) return 'retried';
  if (ev.attempts.some((a) => a.kind === 'duplicate')) return 'duplicate';
  return 'delivered';
}

// ---------------------------------------------------------------- runs list

function runLabel(run) {
  return run.scenarios.join(' + ');
}

/** The same markup as the server's first paint (mock-server/routes/inspector.ts runItem). */
function renderRuns() {
  const list = $('runs');
  list.replaceChildren(
    ...state.runs.map((run) =>
      el(
        'li',
        {},
        el(
          'a',
          { class: `run-link v-${verdictOf(run)}`, href: `#run=${encodeURIComponent(run.id)}`, 'aria-current': String(run.id === state.selected), 'data-run': run.id },
          el('span', { class: 'name', text: runLabel(run) }),
          el('span', { class: 'small', text: `${verdictOf(run)} · ${run.counts.delivered}/${run.counts.planned} delivered · seed ${run.seed} · ${shortId(run.id)}` }),
        ),
      ),
    ),
  );
  $('runs-empty').hidden = state.runs.length > 0;
}

async function refreshRuns() {
  try {
    const { runs } = await api('/runs');
    state.runs = runs;
    $('conn').textContent = `connected · ${runs.length} run(s)`;
    renderRuns();
    // Until someone picks a run, follow the newest one: a run started elsewhere shows up live.
    const newest = runs[0];
    if (!state.userPicked && newest && newest.id !== state.selected) selectRun(newest.id, false);
  } catch (e) {
    $('conn').textContent = `not connected: ${e.message}`;
  }
}

// ---------------------------------------------------------------- one run

function renderRunHead() {
  const run = state.run;
  if (!run) return;
  $('run-title').textContent = runLabel(run);
  const badge = $('run-status');
  const verdict = verdictOf(run);
  badge.textContent = verdict;
  badge.className = `badge s-${run.status} v-${verdict}`;
  badge.dataset.status = run.status;
  badge.dataset.verdict = verdict;
  $('run-view').dataset.verdict = verdict;
  $('run-cancel').hidden = !(run.status === 'running' || run.status === 'queued');
  $('run-meta').textContent = `run ${run.id} · seed ${run.seed} · ${run.time} · ${run.targetMode === 'explicit' ? 'explicit target' : 'registered webhooks'}${run.exitCode !== undefined ? ` · exit ${run.exitCode}` : ''}${run.restored ? ' · from the data directory' : ''}${run.error ? ` · ${run.error}` : ''}${run.truncated ? ' · truncated (per-run cap)' : ''}`;
  const c = run.counts;
  const items = [
    ['events', c.events],
    ['deliveries', c.planned],
    ['delivered', c.delivered],
    ['discarded', c.discarded],
    ['not sent', c.notSent],
    ['attempts', c.attempts],
    ['retries', c.retries],
    ['duplicates', c.duplicates],
    ['no subscriber', c.unsubscribed],
  ];
  $('run-counts').replaceChildren(...items.map(([k, v]) => el('div', {}, el('dt', { text: k }), el('dd', { text: String(v) }))));
  $('run-warnings').replaceChildren(...(run.warnings ?? []).map((w) => el('li', { text: w })));
}

/** `session:7353153` → ['session', '7353153']; GUIDs shortened (the full key is the lane's title). */
function laneName(key) {
  const i = key.indexOf(':');
  return i < 0 ? ['', key] : [key.slice(0, i), shortKey(key.slice(i + 1))];
}

/** `QueueCallInUserConnected` with line-break chances between its words, so a long name wraps in its mark. */
function breakable(name) {
  return name.split(/(?<=[a-z0-9])(?=[A-Z])/).flatMap((word, i) => (i === 0 ? [word] : [document.createElement('wbr'), word]));
}

/** The axis row: scenario time (offset from the run's start) above each event's column. */
function axis() {
  let row = state.axis;
  if (!row) {
    const track = el('div', { class: 'track axis-track' });
    row = { el: el('div', { class: 'lane axis', 'aria-hidden': 'true' }, el('div', { class: 'lane-label', text: 'scenario time' }), track), track };
    $('timeline').prepend(row.el);
    state.axis = row;
  }
  return row;
}

function laneFor(ev) {
  let lane = state.lanes.get(ev.entityKey);
  if (!lane) {
    const [kind, id] = laneName(ev.entityKey);
    const track = el('div', { class: 'track' });
    const label = el('div', { class: 'lane-label', title: ev.entityKey }, el('span', { class: 'provider', text: `${ev.provider} · ${kind}` }), el('span', { class: 'lane-id', text: id }));
    const row = el('div', { class: 'lane', role: 'group', 'aria-label': `entity ${ev.entityKey}`, 'data-entity': ev.entityKey }, label, track);
    $('timeline').append(row);
    lane = { row, track };
    state.lanes.set(ev.entityKey, lane);
  }
  return lane;
}

function renderMark(ev) {
  const outcome = outcomeOf(ev);
  if (!ev.mark) {
    const lane = laneFor(ev);
    ev.index = state.order.length;
    state.order.push(ev.seq);
    // The event's name on the mark; the full text (and the outcome) in its title and label.
    ev.mark = el('button', { type: 'button', 'data-seq': String(ev.seq), onclick: () => showDetail(ev.seq) }, el('span', { class: 'mark-name' }, ...breakable(ev.eventType)));
    ev.mark.style.left = `${4 + ev.index * COL}px`;
    lane.track.append(ev.mark);
    const tick = el('span', { class: 'tick', text: offset(ev.at) });
    tick.style.left = `${4 + ev.index * COL}px`;
    axis().track.append(tick);
    const width = `${8 + state.order.length * COL}px`;
    for (const l of state.lanes.values()) l.track.style.width = width;
    axis().track.style.width = width;
  }
  ev.mark.className = `mark o-${outcome}`;
  ev.mark.dataset.outcome = outcome;
  ev.mark.setAttribute('aria-pressed', String(state.detailSeq === ev.seq));
  const label = `#${ev.seq} ${ev.eventType} at ${offset(ev.at)}: ${outcome}`;
  ev.mark.setAttribute('aria-label', label);
  ev.mark.title = label;
}

function clearTimeline() {
  state.events = new Map();
  state.lanes = new Map();
  state.axis = null;
  state.order = [];
  $('timeline').replaceChildren();
}

function resetRun() {
  state.source?.close();
  state.source = null;
  clearTimeline();
  state.detailSeq = null;
  state.detailData = null;
  state.run = null;
  $('detail').hidden = true;
  $('detail-empty').hidden = false;
}

function selectRun(id, byUser, seq = null) {
  if (byUser) state.userPicked = true;
  if (byUser) setHash(id, seq);
  if (state.selected === id && state.source) {
    if (seq !== null) void showDetail(seq);
    return;
  }
  resetRun();
  state.selected = id;
  if (seq !== null) void showDetail(seq);
  renderRuns();
  $('run-empty').hidden = true;
  $('run-view').hidden = false;
  const q = state.token ? `?access_token=${encodeURIComponent(state.token)}` : '';
  const source = new EventSource(`/runs/${encodeURIComponent(id)}/events${q}`);
  state.source = source;
  // After a dropped connection the browser reconnects and the server replays the run from the
  // start: begin again so no attempt is counted twice.
  let opened = false;
  source.onopen = () => {
    if (opened) clearTimeline();
    opened = true;
  };
  source.addEventListener('run', (m) => {
    state.run = JSON.parse(m.data);
    renderRunHead();
  });
  source.addEventListener('event', (m) => {
    const data = JSON.parse(m.data);
    const ev = state.events.get(data.seq) ?? { ...data, attempts: [], resolved: false };
    Object.assign(ev, { ...data, attempts: ev.attempts, mark: ev.mark, index: ev.index });
    // The server sends an event again once its targets are known.
    ev.resolved = ev.resolved || data.targets.length > 0 || data.outcome === 'unsubscribed';
    state.events.set(ev.seq, ev);
    renderMark(ev);
    if (state.detailSeq === ev.seq) renderDetail();
  });
  source.addEventListener('attempt', (m) => {
    const a = JSON.parse(m.data);
    const ev = state.events.get(a.seq);
    if (state.run) {
      state.run.counts = a.counts;
      renderRunHead();
    }
    if (!ev) return;
    delete a.counts;
    ev.attempts.push(a);
    renderMark(ev);
    if (state.detailSeq === ev.seq) renderDetail();
  });
  source.addEventListener('end', (m) => {
    state.run = JSON.parse(m.data);
    renderRunHead();
    source.close();
    void refreshRuns();
  });
  source.onerror = () => {
    if (source.readyState !== EventSource.CLOSED) return;
    $('conn').textContent = 'event stream closed';
    // A link to a run this server does not have (any more): say so instead of an empty timeline.
    if (!state.run) $('run-meta').textContent = `no run ${id} on this server (GET /runs lists the runs kept)`;
  };
}

// ---------------------------------------------------------------- detail

async function showDetail(seq) {
  const prev = state.events.get(state.detailSeq);
  state.detailSeq = seq;
  if (state.selected) setHash(state.selected, seq);
  state.detailData = null;
  if (prev) renderMark(prev);
  const ev = state.events.get(seq);
  if (ev) renderMark(ev);
  renderDetail();
  try {
    state.detailData = await api(`/runs/${encodeURIComponent(state.selected)}/deliveries/${seq}`);
  } catch (e) {
    state.detailData = { error: e.message };
  }
  if (state.detailSeq === seq) renderDetail();
}

function answer(a) {
  if (a.status !== null) return String(a.status);
  return a.error ?? '—';
}

function renderDetail() {
  const ev = state.events.get(state.detailSeq);
  if (!ev) return;
  $('detail-empty').hidden = true;
  $('detail').hidden = false;
  $('detail-title').textContent = `${ev.eventType} #${ev.seq}`;
  $('detail-meta').textContent = `${ev.provider} · ${ev.entityKey} · ${ev.scenario}/${ev.step} · ${offset(ev.at)} · ${outcomeOf(ev)}`;
  $('detail-attempts').replaceChildren(
    ...(ev.attempts.length === 0
      ? [el('tr', {}, el('td', { colSpan: 6, class: 'reason', text: ev.targets.length === 0 ? 'no registration selects this event' : 'not sent yet' }))]
      : ev.attempts.flatMap((a) => {
          const row = el(
            'tr',
            { class: `o-row-${a.outcome}` },
            el('td', { text: String(a.attempt) }),
            el('td', { text: a.kind }),
            el('td', { text: answer(a) }),
            el('td', { text: a.latencyMs === null ? '—' : `${a.latencyMs} ms` }),
            el('td', { text: a.outcome }),
            el('td', { text: a.target }),
          );
          const why = [a.errorMessage, a.reason].filter(Boolean).join(' · ');
          const rows = [row];
          if (why) rows.push(el('tr', {}, el('td', { colSpan: 6, class: 'reason', text: why })));
          // What the receiver answered, as text (its first bytes), when it sent a body.
          if (a.response) rows.push(el('tr', { class: 'response-row' }, el('td', { colSpan: 6 }, el('span', { class: 'hint', text: `answer body (${a.responseBytes} bytes)` }), el('pre', { class: 'response', text: a.response }))));
          return rows;
        })),
  );
  const d = state.detailData;
  const requests = $('detail-requests');
  const payload = $('detail-payload');
  if (!d) {
    requests.replaceChildren(el('p', { class: 'muted', text: 'loading…' }));
    payload.textContent = '';
    return;
  }
  if (d.error) {
    requests.replaceChildren(el('p', { class: 'error', text: d.error }));
    payload.textContent = '';
    return;
  }
  requests.replaceChildren(
    ...(d.requests.length === 0
      ? [el('p', { class: 'muted', text: 'no target' })]
      : d.requests.map((r) =>
          el(
            'table',
            { class: 'headers' },
            el('caption', { text: `POST ${r.target}${r.timeoutMs ? ` · timeout ${r.timeoutMs} ms` : ''}${r.insecure ? ' · insecure TLS' : ''}` }),
            el(
              'tbody',
              {},
              ...Object.entries(r.headers).map(([k, v]) => el('tr', {}, el('th', { scope: 'row', text: k }), el('td', { text: v }))),
              ...(r.error ? [el('tr', {}, el('td', { colSpan: 2, class: 'error', text: r.error }))] : []),
            ),
          ),
        )),
  );
  payload.textContent = JSON.stringify(d.payload, null, 2);
}

// ---------------------------------------------------------------- start form, token, cancel

async function loadScenarios() {
  try {
    const { scenarios } = await api('/catalog');
    $('start-scenario').replaceChildren(...scenarios.map((s) => el('option', { value: `${s.provider}/${s.name}`, text: `${s.provider} · ${s.name}`, title: s.description })));
  } catch (e) {
    $('start-error').textContent = e.message;
  }
}

$('start-form').addEventListener('submit', async (e) => {
  e.preventDefault();
  $('start-error').textContent = '';
  const timing = /** @type {HTMLSelectElement} */ ($('start-time')).value;
  const body = {
    scenario: /** @type {HTMLSelectElement} */ ($('start-scenario')).value,
    time: timing.startsWith('speed:') ? { speed: Number(timing.slice(6)) } : timing,
  };
  const seed = /** @type {HTMLInputElement} */ ($('start-seed')).value.trim();
  if (seed) body.seed = /^\d+$/.test(seed) ? Number(seed) : seed;
  const url = /** @type {HTMLInputElement} */ ($('start-target')).value.trim();
  const secret = /** @type {HTMLInputElement} */ ($('start-secret')).value;
  if (url) body.target = secret ? { url, secret } : { url };
  try {
    const run = await api('/runs', { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify(body) });
    await refreshRuns();
    selectRun(run.id, true);
  } catch (err) {
    $('start-error').textContent = err.message;
  }
});

$('run-cancel').addEventListener('click', async () => {
  if (!state.selected) return;
  try {
    await api(`/runs/${encodeURIComponent(state.selected)}/cancel`, { method: 'POST' });
  } catch (err) {
    $('conn').textContent = err.message;
  }
});

$('token-form').addEventListener('submit', (e) => {
  e.preventDefault();
  state.token = /** @type {HTMLInputElement} */ ($('token')).value;
  sessionStorage.setItem(TOKEN_KEY, state.token);
  $('token-form').hidden = true;
  const id = state.selected;
  state.selected = null;
  if (id) selectRun(id, state.userPicked);
  void loadScenarios();
  void refreshRuns();
});

window.addEventListener('hashchange', () => {
  const h = hashState();
  if (h.run) selectRun(h.run, true, h.seq);
});

// Clicks on the server-rendered run list (before renderRuns replaces it) follow the link: the hash handler selects.
const initial = hashState();
if (initial.run) selectRun(initial.run, true, initial.seq);
void loadScenarios();
void refreshRuns();
setInterval(refreshRuns, POLL_MS);
