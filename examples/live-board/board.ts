/**
 * The app under development: a live board of calls (Enreach) and sessions (mluvii). It only
 * knows its own endpoint, /api/events, and the providers' payloads; it does not know MSW.
 */
export interface Row {
  provider: 'mluvii' | 'enreach';
  key: string;
  who: string;
  latest: string;
  count: number;
  time: string;
  ended: boolean;
}

type Json = Record<string, unknown>;

/** Which call or session a payload belongs to, or undefined for events about something else. */
/** A payload value as text (ids and times are strings or numbers; anything else is shown as JSON). */
function text(v: unknown): string {
  return typeof v === 'string' ? v : typeof v === 'number' ? String(v) : JSON.stringify(v) ?? '';
}

function rowKey(payload: Json): { provider: Row['provider']; key: string } | undefined {
  if (typeof payload['eventType'] === 'string') {
    const data = (payload['data'] ?? {}) as Json;
    const id = payload['eventType'].startsWith('SessionActivity') ? data['sessionId'] : payload['eventType'].startsWith('Session') ? data['id'] : undefined;
    return id === undefined ? undefined : { provider: 'mluvii', key: `session ${text(id)}` };
  }
  const callId = payload['CallId'];
  return typeof callId === 'string' ? { provider: 'enreach', key: `call ${callId.slice(0, 8)}` } : undefined;
}

export function applyEvent(rows: Map<string, Row>, payload: Json): void {
  const at = rowKey(payload);
  if (!at) return;
  const mluvii = at.provider === 'mluvii';
  const data = (mluvii ? payload['data'] : payload) as Json;
  const eventType = String(mluvii ? payload['eventType'] : payload['EventType']);
  const row = rows.get(at.key) ?? { ...at, who: '', latest: '', count: 0, time: '', ended: false };
  row.latest = eventType;
  row.count += 1;
  row.time = text(data['time'] ?? data['ended'] ?? data['started'] ?? data['Timestamp'] ?? row.time);
  // The agent or operator in charge once known; the queue until then.
  const person = mluvii ? (data['userId'] != null ? `operator ${text(data['userId'])}` : undefined) : ((data['UserName'] ?? data['Username']) as string | null | undefined);
  if (person) row.who = person;
  else if (!row.who && !mluvii && typeof data['QueueName'] === 'string') row.who = data['QueueName'];
  if (/SessionEnded$|SessionOperatorConcluded$|Disconnected$|WrapUpTerminated$/.test(eventType)) row.ended = true;
  rows.set(at.key, row);
}

export function render(rows: Map<string, Row>, tbody: HTMLElement): void {
  tbody.replaceChildren(
    ...[...rows.values()].map((r) => {
      const tr = document.createElement('tr');
      tr.dataset['key'] = r.key;
      if (r.ended) tr.className = 'ended';
      for (const [cls, text] of [['provider', r.provider], ['key', r.key], ['who', r.who], ['latest', r.latest], ['count', String(r.count)], ['time', r.time]] as const) {
        const td = document.createElement('td');
        td.className = cls;
        td.textContent = text;
        tr.append(td);
      }
      return tr;
    }),
  );
}
