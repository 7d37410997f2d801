import { describe, expect, it } from 'vitest';
import { listBuiltins } from '../../scenarios/files.ts';
import type { TimelineEntry } from '../../scenarios/index.ts';
import { cli } from '../helpers/cli.ts';

const F = 'test/fixtures/scenarios';

describe('provider-mock scenarios', () => {
  it('lists every built-in with its provider and one-line description', async () => {
    const r = await cli(['scenarios']);
    expect(r.code).toBe(0);
    for (const b of listBuiltins()) expect(r.stdout).toMatch(new RegExp(`${b.name}\\s+${b.provider}\\s+\\S`));
    expect(r.stdout).toMatch(/chat-session\s+mluvii\s+Chat with one operator/);
  });

  it('filters by provider and prints JSON', async () => {
    const r = await cli(['scenarios', '--provider', 'enreach', '--json']);
    const list = JSON.parse(r.stdout) as { name: string; provider: string; file: string }[];
    expect(list.every((s) => s.provider === 'enreach')).toBe(true);
    expect(list.map((s) => s.name)).toContain('queue-call-answered');
    expect(list.find((s) => s.name === 'queue-load')?.file).toBe('scenarios/enreach/queue-load.yaml');
  });
});

describe('provider-mock plan', () => {
  it('prints the timeline as a table: offset, event, entity, key ids', async () => {
    const r = await cli(['plan', 'chat-session', '--seed', '3']);
    expect(r.code, r.stderr).toBe(0);
    const lines = r.stdout.split('\n');
    expect(lines[0]).toMatch(/^offset\s+event\s+entity\s+ids$/);
    expect(r.stdout).toMatch(/\+00:00\.000\s+SessionCreated\s+session:\d+/);
    expect(r.stdout).toMatch(/\+\d\d:\d\d\.\d{3}\s+SessionOperatorJoined\s+session:\d+\s+userId=\d+/);
    expect(r.stdout).toMatch(/UserStatusChanged\s+user:\d+\s+.*status=BUSY/);
    expect(r.stdout).toMatch(/\d+ events from 1 instance of chat-session; seed 3/);
  });

  it('prints JSON: an array of timeline entries with at, eventType and the payload; same seed, same output', async () => {
    const a = await cli(['plan', 'queue-call-answered', '--seed', '7', '--json']);
    const b = await cli(['plan', 'queue-call-answered', '--seed', '7', '--json']);
    expect(a.code, a.stderr).toBe(0);
    expect(a.stdout).toBe(b.stdout);
    const entries = JSON.parse(a.stdout) as TimelineEntry[];
    expect(entries[0]).toMatchObject({ seq: 0, at: 0, provider: 'enreach', eventType: 'QueueCallInComing', scenario: 'queue-call-answered', instance: 0, step: 'incoming' });
    expect(entries[0]?.entityKey).toMatch(/^CallId:[0-9a-f-]{36}$/);
    expect((entries[0]?.payload as { EventType: string }).EventType).toBe('QueueCallInComing');
    const other = await cli(['plan', 'queue-call-answered', '--seed', '8', '--json']);
    expect(other.stdout).not.toBe(a.stdout);
  });

  it('applies --set and --skip, and --start moves the timestamps', async () => {
    const r = await cli(['plan', `${F}/minimal.yaml`, '--json', '--set', 'joined.data.userId=2710', '--skip', 'welcome', '--start', '2024-06-01T08:00:00Z']);
    expect(r.code, r.stderr).toBe(0);
    const entries = JSON.parse(r.stdout) as TimelineEntry[];
    expect(entries.map((e) => e.step)).toEqual(['created', 'started', 'joined', 'ended']);
    const joined = entries[2]?.payload as { data: { userId: number; time: string } };
    expect(joined.data.userId).toBe(2710);
    // The skipped step's own delay (1s) goes with it: joined comes 20s after created.
    expect(Date.parse(joined.data.time)).toBe(Date.parse('2024-06-01T08:00:20Z'));
  });

  it('plans several scenarios side by side, merged by time, with the instance column', async () => {
    const r = await cli(['plan', 'chat-session', 'callback-request', '--seed', '2']);
    expect(r.code, r.stderr).toBe(0);
    expect(r.stdout).toMatch(/^offset\s+instance\s+event/);
    expect(r.stdout).toMatch(/chat-session#0\s+SessionCreated/);
    expect(r.stdout).toMatch(/callback-request#0\s+QueueCallInComing\s+CallId:[0-9a-f]{8}\s/);
    const json = JSON.parse((await cli(['plan', 'chat-session', 'callback-request', '--seed', '2', '--json'])).stdout) as TimelineEntry[];
    expect(new Set(json.map((e) => e.scenario))).toEqual(new Set(['chat-session', 'callback-request']));
    for (let i = 1; i < json.length; i++) expect((json[i] as TimelineEntry).at).toBeGreaterThanOrEqual((json[i - 1] as TimelineEntry).at);
  });

  it('stops at --limit', async () => {
    const r = await cli(['plan', 'queue-load', '--json', '--limit', '25']);
    expect(JSON.parse(r.stdout)).toHaveLength(25);
  });

  it('refuses a bad --start and a plan without a scenario', async () => {
    expect((await cli(['plan', 'chat-session', '--start', 'yesterday'])).stderr).toMatch(/PM_BAD_TIME: --start: "yesterday" is not an instant: give an ISO-8601 date-time, ms since the epoch or "now"/);
    const r = await cli(['plan']);
    expect(r.code).toBe(2);
    expect(r.stderr).toMatch(/plan needs at least one scenario/);
  });
});
