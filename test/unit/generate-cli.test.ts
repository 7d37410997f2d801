import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { validate } from '../../contracts/index.ts';
import { generate } from '../../generators/index.ts';
import { cli } from '../helpers/cli.ts';
import { ROOT } from '../helpers/examples.ts';

const lines = (stdout: string): unknown[] => stdout.trimEnd().split('\n').map((l) => JSON.parse(l) as unknown);

describe('provider-mock generate', () => {
  it('prints one valid payload per line (NDJSON), --count of them', async () => {
    const r = await cli(['generate', 'SessionCreated', '--count', '5']);
    expect(r.code).toBe(0);
    expect(r.stderr).toBe('');
    const out = lines(r.stdout);
    expect(out).toHaveLength(5);
    for (const p of out) expect(validate(p)).toMatchObject({ valid: true, provider: 'mluvii', eventType: 'SessionCreated' });
    // Independent payloads: five sessions.
    expect(new Set(out.map((p) => (p as { data: { id: number } }).data.id)).size).toBe(5);
  });

  it('prints the mluvii envelope and the flat Enreach body', async () => {
    const m = lines((await cli(['generate', 'SessionStarted'])).stdout)[0] as Record<string, unknown>;
    expect(Object.keys(m)).toEqual(['eventType', 'data']);
    const e = lines((await cli(['generate', 'QueueCallInComing'])).stdout)[0] as Record<string, unknown>;
    expect(e['EventType']).toBe('QueueCallInComing');
    expect(e).not.toHaveProperty('data');
  });

  it('prints the same bytes for the same --seed and other ids for another', async () => {
    const a = await cli(['generate', 'QueueCallInUserConnected', '--seed', '42', '--count', '3']);
    const b = await cli(['generate', 'QueueCallInUserConnected', '--seed', '42', '--count', '3']);
    const c = await cli(['generate', 'QueueCallInUserConnected', '--seed', '43', '--count', '3']);
    expect(a.stdout).toBe(b.stdout);
    expect(c.stdout).not.toBe(a.stdout);
    expect((lines(c.stdout)[0] as { Id: string }).Id).not.toBe((lines(a.stdout)[0] as { Id: string }).Id);
  });

  it('prints what the library gives for the same seed', async () => {
    const r = await cli(['generate', 'UserStatus', '--seed', '7']);
    expect(r.stdout).toBe(`${JSON.stringify(generate('enreach', 'UserStatus', { seed: 7 }))}\n`);
  });

  it('shares one context with --sequence: one session, activity ids increasing', async () => {
    const out = lines((await cli(['generate', 'SessionActivityChatMessage', '--count', '4', '--sequence'])).stdout) as { data: { sessionId: number; activityId: number } }[];
    expect(new Set(out.map((p) => p.data.sessionId)).size).toBe(1);
    for (let i = 1; i < out.length; i++) expect(out[i]?.data.activityId).toBeGreaterThan(out[i - 1]?.data.activityId ?? Infinity);
  });

  it('applies --set overrides by JSON path', async () => {
    const r = await cli(['generate', 'QueueCallInComing', '--set', 'CallerNumber=+358401234567', '--set', 'QueueName=Asiakaspalvelu']);
    expect(r.code).toBe(0);
    expect(lines(r.stdout)[0]).toMatchObject({ CallerNumber: '+358401234567', QueueName: 'Asiakaspalvelu' });
    const m = await cli(['generate', 'SessionOperatorJoined', '--provider', 'mluvii', '--set', 'data.userId=2710']);
    expect((lines(m.stdout)[0] as { data: { userId: number } }).data.userId).toBe(2710);
  });

  it('answers an unknown event with "did you mean", exit 2', async () => {
    const r = await cli(['generate', 'QueueCallInConnected']);
    expect(r.code).toBe(2);
    expect(r.stdout).toBe('');
    expect(r.stderr).toMatch(/PM_UNKNOWN_EVENT: .*unknown event type "QueueCallInConnected"; did you mean .*"QueueCallInUserConnected"/);
  });

  it('answers an event of the other provider named with --provider, exit 2', async () => {
    const r = await cli(['generate', 'SessionCreated', '--provider', 'enreach']);
    expect(r.code).toBe(2);
    expect(r.stderr).toMatch(/unknown enreach event type "SessionCreated"/);
  });

  it('refuses a bad --set with the path and the reason, exit 2', async () => {
    const wrongType = await cli(['generate', 'SessionOperatorJoined', '--set', 'data.userId=abc']);
    expect(wrongType.code).toBe(2);
    expect(wrongType.stderr).toMatch(/PM_BAD_OVERRIDE: data\.userId: .*must be integer \(got string "abc"\)/);
    const noEquals = await cli(['generate', 'SessionCreated', '--set', 'data.userId']);
    expect(noEquals.code).toBe(2);
    expect(noEquals.stderr).toMatch(/expected path=value/);
    const unknownKey = await cli(['generate', 'QueueStatus', '--set', 'Foo=1']);
    expect(unknownKey.code).toBe(2);
    expect(unknownKey.stderr).toMatch(/Foo: .*unknown property/);
    const typo = await cli(['generate', 'QueueStatus', '--set', 'QueueNme=Vaihde']);
    expect(typo.code).toBe(2);
    expect(typo.stderr).toMatch(/QueueNme: .*did you mean [^?]*"QueueName".*one of the properties .*QueueName/);
  });

  it('refuses a bad --count, exit 2', async () => {
    for (const n of ['0', '-1', 'many', '1.5']) {
      const r = await cli(['generate', 'SessionCreated', '--count', n]);
      expect(r.code, n).toBe(2);
      expect(r.stderr).toMatch(/--count/);
    }
  });

  it('refuses a missing event type and a bad --time, exit 2', async () => {
    expect((await cli(['generate'])).code).toBe(2);
    const t = await cli(['generate', 'SessionCreated', '--time', 'yesterday']);
    expect(t.code).toBe(2);
    expect(t.stderr).toMatch(/--time/);
  });

  it('takes --time as ISO-8601', async () => {
    const r = await cli(['generate', 'SessionOperatorJoined', '--time', '2024-12-24T16:00:00.5Z']);
    expect((lines(r.stdout)[0] as { data: { time: string } }).data.time).toMatch(/^2024-12-24T17:00:00\.5\d*\+01:00$/);
  });

  it('is listed in the help', async () => {
    const r = await cli(['--help']);
    expect(r.stdout).toMatch(/generate\s+print realistic, seeded payloads/);
    expect((await cli(['generate', '--help'])).stdout).toMatch(/--set path=value/);
  });

  it('prints exactly what the README shows, for each provider', async () => {
    const readme = readFileSync(join(ROOT, 'README.md'), 'utf8');
    const section = readme.slice(readme.indexOf('\n## generate\n'));
    const shown = [...section.matchAll(/^\$ provider-mock (generate .+)\n(.+)$/gm)];
    expect(shown.map((m) => lines(m[2] ?? '')[0]).map((p) => validate(p).provider).sort()).toEqual(['enreach', 'mluvii']);
    for (const m of shown) {
      const r = await cli((m[1] ?? '').split(' '));
      expect(r.stdout.trimEnd(), m[1]).toBe(m[2]);
    }
  });
});

describe('generate --count: one payload after another', () => {
  const times = (stdout: string): number[] => lines(stdout).map((p) => Date.parse((p as { Timestamp: string }).Timestamp));

  it('advances the time per payload, a seeded 5 s to 60 s apart by default, the first at --time', async () => {
    const r = await cli(['generate', 'QueueCallInComing', '--count', '6', '--seed', '3', '--time', '2024-05-06T10:00:00Z']);
    const t = times(r.stdout);
    expect(t[0]).toBe(Date.parse('2024-05-06T10:00:00Z'));
    const gaps = t.slice(1).map((x, i) => x - (t[i] ?? 0));
    for (const g of gaps) expect(g >= 5000 && g <= 60_001).toBe(true);
    expect(new Set(gaps).size).toBeGreaterThan(1);
    // Same flags, same bytes.
    expect((await cli(['generate', 'QueueCallInComing', '--count', '6', '--seed', '3', '--time', '2024-05-06T10:00:00Z'])).stdout).toBe(r.stdout);
  });

  it('takes --interval as a fixed duration or a range, for independent payloads and a --sequence', async () => {
    const fixed = times((await cli(['generate', 'QueueCallInComing', '-n', '3', '--interval', '10s'])).stdout);
    expect(fixed.slice(1).map((x, i) => x - (fixed[i] ?? 0)).map((g) => Math.round(g / 1000))).toEqual([10, 10]);
    const seq = lines((await cli(['generate', 'SessionActivityChatMessage', '-n', '3', '--sequence', '--interval', '2s'])).stdout).map((p) => Date.parse((p as { data: { time: string } }).data.time));
    expect(seq.slice(1).map((x, i) => Math.round((x - (seq[i] ?? 0)) / 1000))).toEqual([2, 2]);
    const bad = await cli(['generate', 'SessionCreated', '-n', '2', '--interval', 'soon']);
    expect(bad.code).toBe(2);
    expect(bad.stderr).toMatch(/--interval: "soon" is not a delay range \(a range min\.\.max with units/);
  });
});
