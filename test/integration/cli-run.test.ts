import { spawn } from 'node:child_process';
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { cli, DEV_CLI } from '../helpers/cli.ts';
import { ROOT } from '../helpers/examples.ts';
import { journalLines, receiversClosedAfterEach, tempDir } from '../helpers/delivery.ts';
import { startLocalReceiver } from '../../mock-server/local-receiver.ts';

const startReceiver = receiversClosedAfterEach();

const tmp = (): string => tempDir('pm-run-');

describe('provider-mock run', () => {
  it('delivers a built-in scenario to a receiver, writes the journal, and exits 0', async () => {
    const receiver = await startReceiver();
    const dir = tmp();
    const r = await cli(['run', 'queue-call-answered', '--target', receiver.url, '--secret', 'tok-123', '--journal', join(dir, 'run.ndjson'), '--report', join(dir, 'junit.xml')]);
    expect(r.stderr).not.toMatch(/PM_/);
    expect(r.code).toBe(0);
    expect(r.stdout).toMatch(/PASS \[queue-call-answered\] delivered/);
    expect(receiver.requests.length).toBeGreaterThan(5);
    for (const req of receiver.requests) {
      expect(req.headers['x-benemen-token']).toBe('tok-123');
      expect(req.headers['x-benemen-event']).toBe((req.json as { EventType: string }).EventType);
    }
    const lines = journalLines(join(dir, 'run.ndjson'));
    expect(lines[0]).toMatchObject({ type: 'run' });
    expect(lines.at(-1)).toMatchObject({ type: 'summary' });
    expect(readFileSync(join(dir, 'run.ndjson'), 'utf8')).not.toContain('tok-123');
    expect(readFileSync(join(dir, 'junit.xml'), 'utf8')).toMatch(/<testsuite[^>]*name="queue-call-answered"/);
  });

  it('exits 1 when the receiver answers 204 to Enreach, because only 200 counts', async () => {
    const receiver = await startReceiver({ behaviour: { status: 204 } });
    const r = await cli(['run', 'queue-call-answered', '--target', receiver.url, '--retry-schedule', '1ms']);
    expect(r.code).toBe(1);
    expect(r.stdout).toMatch(/FAIL \[queue-call-answered\] delivered/);
  });

  it('prints the JSON summary on stdout with a bare --json', async () => {
    const receiver = await startReceiver();
    const r = await cli(['run', 'chat-session', '--target', receiver.url, '--json']);
    expect(r.code).toBe(0);
    const summary = JSON.parse(r.stdout) as { exitCode: number };
    expect(summary.exitCode).toBe(0);
  });

  it('reads a scenario right after --json as a scenario (JSON on stdout), and anything else as the file', async () => {
    const receiver = await startReceiver();
    const r = await cli(['run', '--json', 'chat-session', '--target', receiver.url]);
    expect(r.code, r.stderr).toBe(0);
    expect((JSON.parse(r.stdout) as { exitCode: number }).exitCode).toBe(0);
    const file = join(tmp(), 'summary.json');
    const toFile = await cli(['run', '--json', file, 'chat-session', '--target', receiver.url]);
    expect(toFile.code, toFile.stderr).toBe(0);
    expect((JSON.parse(readFileSync(file, 'utf8')) as { exitCode: number }).exitCode).toBe(0);
  });

  it('refuses a missing --target, an unknown scenario and a bad flag value with exit 2 and a readable line', async () => {
    const noTarget = await cli(['run', 'chat-session']);
    expect(noTarget.code).toBe(2);
    expect(noTarget.stderr).toMatch(/--target is required/);
    const unknown = await cli(['run', 'chat-sesion', '--target', 'http://127.0.0.1:9/x']);
    expect(unknown.code).toBe(2);
    expect(unknown.stderr).toMatch(/did you mean "chat-session"/);
    const badRate = await cli(['run', 'chat-session', '--target', 'http://127.0.0.1:9/x', '--duplicates', '3']);
    expect(badRate.code).toBe(2);
    expect(badRate.stderr).toMatch(/--duplicates/);
    const none = await cli(['run', '--target', 'http://127.0.0.1:9/x']);
    expect(none.code).toBe(2);
    expect(none.stderr).toMatch(/run needs at least one scenario/);
  });

  it('refuses, before sending or journaling anything, a scenario without a target for its provider and a target its profile refuses', async () => {
    const receiver = await startReceiver();
    const dir = tmp();
    const journal = join(dir, 'run.ndjson');
    // Enreach first in time, then mluvii: without the check the Enreach events went out before the run failed.
    const noMluvii = await cli(['run', 'queue-call-answered', 'chat-session', '--target', `enreach=${receiver.url}`, '--instant', '--journal', journal]);
    expect(noMluvii.code).toBe(2);
    expect(noMluvii.stderr).toMatch(/PM_DELIVERY_NO_TARGET: --target: .*no mluvii target.*--target mluvii=<url>/);
    // Enreach does not send URL credentials (docs/providers.md E1): refused for the Enreach scenario.
    const userinfo = await cli(['run', 'queue-call-answered', '--target', `http://u:p@127.0.0.1:${receiver.port}/webhook`, '--instant', '--journal', journal]);
    expect(userinfo.code).toBe(2);
    expect(userinfo.stderr).toMatch(/PM_DELIVERY_TARGET_USERINFO: --target: .*--secret/);
    expect(userinfo.stderr).not.toContain('u:p');
    expect(receiver.requests).toHaveLength(0);
    expect(existsSync(journal)).toBe(false);
    // Plain http to a remote host: refused before any connection (nothing leaves loopback).
    const remote = await cli(['run', 'queue-call-answered', '--target', 'http://receiver.example/webhook', '--instant', '--journal', journal]);
    expect(remote.code).toBe(2);
    expect(remote.stderr).toMatch(/PM_DELIVERY_PLAIN_HTTP: --target: .*--allow-http/);
    expect(existsSync(journal)).toBe(false);
  });

  it('refuses --check-auth with nothing to get wrong (exit 2, nothing sent), and probes every credential otherwise', async () => {
    const receiver = await startReceiver({ behaviour: (req) => (req.headers['x-benemen-token'] === 'tok-1' && !req.url.includes('wrong') ? { status: 200 } : { status: 401 }) });
    const dir = tmp();
    const journal = join(dir, 'run.ndjson');
    const blind = await cli(['run', 'queue-call-answered', '--target', receiver.url, '--check-auth', '--journal', journal]);
    expect(blind.code).toBe(2);
    expect(blind.stderr).toMatch(/PM_DELIVERY_CHECK_AUTH: --target: --check-auth has nothing to get wrong: the enreach target .* carries no credentials.*--secret or PROVIDER_MOCK_SECRET/);
    expect(receiver.requests).toHaveLength(0);
    expect(existsSync(journal)).toBe(false);
    const probed = await cli(['run', 'queue-call-answered', '--target', `${receiver.url}?key=k-1`, '--secret', 'tok-1', '--check-auth', '--journal', journal]);
    expect(probed.code, probed.stdout).toBe(0);
    expect(probed.stdout).toMatch(/PASS auth-rejected: .*\(wrong X-Benemen-Token\) → 401; .*\(wrong query secret "key"\) → 401/);
    const probes = journalLines(journal).filter((l) => l['kind'] === 'auth-probe');
    expect(probes.map((l) => l['reason'])).toEqual(['wrong X-Benemen-Token', 'wrong query secret "key"']);
  });

  it('sends nothing for a scenario that fails to load', async () => {
    const receiver = await startReceiver();
    const r = await cli(['run', 'chat-session', '--target', receiver.url, '--set', 'nosuchstep.data.userId=1']);
    expect(r.code).toBe(2);
    expect(receiver.requests).toHaveLength(0);
  });

  it('stops on SIGINT, marks the rest not sent in a complete journal, and exits 130', async () => {
    const receiver = await startReceiver();
    const dir = tmp();
    const journal = join(dir, 'run.ndjson');
    // Real time: chat-session spans minutes, so the signal lands mid-run.
    const child = spawn(process.execPath, [...DEV_CLI, 'run', 'chat-session', '--target', receiver.url, '--realtime', '--journal', journal], {
      cwd: ROOT,
      env: { ...process.env, CI: '' },
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    let stderr = '';
    child.stderr.on('data', (d: Buffer) => (stderr += d.toString()));
    // Wait for the first delivery (bounded), then interrupt.
    for (let i = 0; i < 200 && receiver.requests.length === 0; i++) await new Promise((r) => setTimeout(r, 50));
    expect(receiver.requests.length).toBeGreaterThan(0);
    child.kill('SIGINT');
    const code = await new Promise<number | null>((r) => child.on('close', r));
    expect(code, stderr).toBe(130);
    const lines = journalLines(journal);
    const summary = lines.at(-1) as { type: string; interrupted: string; summary: { planned: number; delivered: number; discarded: number; notSent: number } };
    expect(summary).toMatchObject({ type: 'summary', interrupted: 'SIGINT' });
    const s = summary.summary;
    expect(s.notSent).toBeGreaterThan(0);
    expect(s.delivered + s.discarded + s.notSent).toBe(s.planned);
    const finals = lines.filter((l) => l['final'] === true);
    expect(finals).toHaveLength(s.planned);
  }, 60_000);
});

describe('provider-mock demo', () => {
  it('drives both providers into its own receiver and passes every check', async () => {
    const r = await cli(['demo', '--seed', '5']);
    expect(r.stderr).toBe('');
    expect(r.code).toBe(0);
    expect(r.stdout).toMatch(/enreach\/queue-call-answered, mluvii\/chat-session/);
    expect(r.stdout).toMatch(/PASS idempotency/);
    expect(r.stdout).toMatch(/PASS auth-rejected/);
    expect(r.stdout).not.toMatch(/FAIL/);
  });
});

describe('the local receiver', () => {
  it('refuses wrong credentials and bodies the provider never sends, and ignores repeats', async () => {
    const rx = await startLocalReceiver({ enreachSecret: 's' });
    try {
      const post = (body: string, headers: Record<string, string>) => fetch(`${rx.url}/enreach`, { method: 'POST', headers: { 'content-type': 'application/json', ...headers }, body });
      const bad = await post('{"EventType":"UserStatus"}', { 'x-benemen-token': 's', 'x-benemen-event': 'UserStatus' });
      expect(bad.status).toBe(400);
      expect((await post('{}', { 'x-benemen-token': 'wrong' })).status).toBe(401);
      expect(rx.stats.refused.map((x) => x.status)).toEqual([400, 401]);
      expect(await (await fetch(`${rx.url}/probe`)).json()).toEqual({ count: 0 });
    } finally {
      await rx.close();
    }
  });
});
