import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { cli } from '../helpers/cli.ts';

const valid = { eventType: 'SessionCreated', data: { id: 7371450, tenantId: 62, channel: 'Phone', source: 'OutgoingCall' } };
const invalid = { eventType: 'SessionCreated', data: { id: 'x', tenantId: 62, channel: 'Phone', source: 'OutgoingCall' } };

function tmpFile(name: string, content: string): string {
  const dir = mkdtempSync(join(tmpdir(), 'pm-cli-'));
  const f = join(dir, name);
  writeFileSync(f, content);
  return f;
}

describe('provider-mock events', () => {
  it('lists 49 mluvii and 80 Enreach event types as JSON', async () => {
    const r = await cli(['events', '--json']);
    expect(r.code).toBe(0);
    const list = JSON.parse(r.stdout) as { provider: string; eventType: string }[];
    expect(list.filter((e) => e.provider === 'mluvii')).toHaveLength(49);
    expect(list.filter((e) => e.provider === 'enreach')).toHaveLength(80);
  });

  it('filters by provider and prints a table with a count', async () => {
    const r = await cli(['events', '--provider', 'enreach']);
    expect(r.stdout).toMatch(/QueueCallInUserConnected\s+Queue/);
    expect(r.stdout).not.toMatch(/SessionCreated/);
    expect(r.stdout).toMatch(/80 enreach event types/);
  });

  it('refuses an unknown provider with the valid ones, exit 2', async () => {
    const r = await cli(['events', '--provider', 'mluvi']);
    expect(r.code).toBe(2);
    expect(r.stderr).toMatch(/--provider: unknown provider "mluvi"; did you mean "mluvii"\?; valid values: mluvii, enreach/);
  });

  it('answers an unknown flag with the valid flags', async () => {
    const r = await cli(['events', '--jsn']);
    expect(r.code).toBe(2);
    expect(r.stderr).toMatch(/unknown flag for "events" "--jsn"; did you mean "--json"/);
  });

  it('answers an unknown command with "did you mean"', async () => {
    const r = await cli(['event']);
    expect(r.code).toBe(2);
    expect(r.stderr).toMatch(/unknown command "event"; did you mean "events"/);
  });
});

describe('provider-mock validate', () => {
  it('exits 0 for a valid payload', async () => {
    const r = await cli(['validate', tmpFile('ok.json', JSON.stringify(valid))]);
    expect(r.code).toBe(0);
    expect(r.stdout).toMatch(/valid\s+.*ok\.json: mluvii SessionCreated/);
  });

  it('exits 1 for an invalid payload and prints the JSON path', async () => {
    const r = await cli(['validate', tmpFile('bad.json', JSON.stringify(invalid))]);
    expect(r.code).toBe(1);
    expect(r.stdout).toMatch(/\$\.data\.id: must be integer \(got string "x"\)/);
  });

  it('validates NDJSON from stdin, one result per line with its line number', async () => {
    const r = await cli(['validate', '-'], { stdin: `${JSON.stringify(valid)}\n${JSON.stringify(invalid)}\n` });
    expect(r.code).toBe(1);
    expect(r.stdout).toMatch(/valid\s+stdin:1/);
    expect(r.stdout).toMatch(/INVALID stdin:2/);
    expect(r.stdout).toMatch(/1 valid, 1 invalid/);
  });

  it('exits 2 for input that is not JSON, naming the line', async () => {
    const r = await cli(['validate', '-'], { stdin: `${JSON.stringify(valid)}\n{oops\n` });
    expect(r.code).toBe(2);
    expect(r.stderr).toMatch(/stdin:2: line is not JSON/);
  });

  it('exits 2 for a file that cannot be read', async () => {
    const r = await cli(['validate', '/nonexistent/payload.json']);
    expect(r.code).toBe(2);
    expect(r.stderr).toMatch(/\/nonexistent\/payload\.json: cannot read file: ENOENT/);
  });

  it('accepts unknown enum members with --lenient', async () => {
    const f = tmpFile('new.json', JSON.stringify({ ...valid, data: { ...valid.data, channel: 'Hologram' } }));
    expect((await cli(['validate', f])).code).toBe(1);
    expect((await cli(['validate', f, '--lenient'])).code).toBe(0);
  });

  it('accepts an event type of a known provider the catalog does not know yet with --lenient, with a warning; strict refuses it', async () => {
    const mluvii = JSON.stringify({ eventType: 'SessionTranscribed', data: { id: 1 } });
    const strict = await cli(['validate', '-'], { stdin: mluvii });
    expect(strict.code).toBe(1);
    const lenient = await cli(['validate', '-', '--lenient'], { stdin: mluvii });
    expect(lenient.code).toBe(0);
    expect(lenient.stdout).toMatch(/^valid {3}stdin: mluvii SessionTranscribed \(with warnings\)\n {2}warning: \$\.eventType: unknown mluvii event type "SessionTranscribed": accepted in lenient mode \(providers add event types over time, docs\/providers\.md M14, M18\); its body is not checked/);
    const json = JSON.parse((await cli(['validate', '-', '--lenient', '--json'], { stdin: JSON.stringify({ EventType: 'QueueCallInTeleported', CallId: 'x' }) })).stdout) as { valid: boolean; warnings: { path: string }[] };
    expect(json).toMatchObject({ valid: true, provider: 'enreach', warnings: [{ path: '$.EventType' }] });
    // An envelope without its data object is still refused.
    expect((await cli(['validate', '-', '--lenient'], { stdin: JSON.stringify({ eventType: 'SessionTranscribed', data: 3 }) })).code).toBe(1);
  });
});
