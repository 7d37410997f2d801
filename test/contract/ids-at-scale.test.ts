import { describe, expect, it } from 'vitest';
import { fileLoader } from '../../scenarios/files.ts';
import { loadScenario, plan } from '../../scenarios/index.ts';
import { uniqueEnreachIds, uniqueMluviiIds } from './invariants/world.ts';

/**
 * Ids never repeat in a run of 10 000 sessions: Enreach event Ids (a receiver dedups on them,
 * docs/providers.md E3) are Guids from a payload's 128-bit seed; mluvii session and activity ids
 * come from the run's counters (unique, growing).
 */
const run = (yaml: string) => [...plan(loadScenario(yaml, 'test/contract/ids-at-scale.test.ts (inline)', { load: fileLoader(process.cwd()) }), { seed: 11, validate: false })];

describe('ids at scale', () => {
  it('Enreach: no event Id repeats across 10 000 queue calls', () => {
    const t = run(`provider: enreach
name: many-calls
description: 10000 queue calls
world: { sizes: { users: 600, queues: 1 } }
sessions: 10000
arrivals: { rate: 1/s }
steps:
  - name: call
    include:
      scenario: queue-call-answered
`);
    expect(t.length).toBeGreaterThan(100_000);
    uniqueEnreachIds(t);
    expect(new Set(t.filter((e) => e.eventType === 'QueueCallInComing').map((e) => e.entityKey)).size, 'a CallId per call').toBe(10_000);
  }, 300_000);

  it('mluvii: no session id or activity id repeats across 10 000 chats, and they grow with time', () => {
    const t = run(`provider: mluvii
name: many-chats
description: 10000 chats
world: { sizes: { operators: 300 } }
sessions: 10000
arrivals: { rate: 1/s }
steps:
  - name: chat
    include:
      scenario: chat-session
`);
    expect(new Set(t.filter((e) => e.eventType === 'SessionCreated').map((e) => e.entityKey)).size, 'a session id per chat').toBe(10_000);
    uniqueMluviiIds(t);
    const created = t.filter((e) => e.eventType === 'SessionCreated').map((e) => (e.payload as { data: { id: number } }).data.id);
    for (let i = 1; i < created.length; i++) expect(created[i], 'session ids grow with time').toBeGreaterThan(created[i - 1] as number);
  }, 300_000);
});
