import { spawn, type ChildProcessWithoutNullStreams } from 'node:child_process';
import { mkdtempSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { startServer } from '../../mock-server/server.ts';
import { cli, DEV_CLI } from '../helpers/cli.ts';
import { ROOT } from '../helpers/examples.ts';
import { startReceiver } from '../helpers/receiver.ts';

/** `provider-mock serve` as a user starts it: prints where everything is, stops cleanly on SIGTERM. */

let child: ChildProcessWithoutNullStreams | undefined;
afterEach(() => {
  if (child && child.exitCode === null) child.kill('SIGKILL');
  child = undefined;
});

/** Starts `serve` and resolves with the banner once the server listens (bounded by a timer). */
function serve(args: string[], env: NodeJS.ProcessEnv = {}): Promise<{ url: string; output: () => string; exit: Promise<number | null> }> {
  const proc = spawn(process.execPath, [...DEV_CLI, 'serve', '--port', '0', ...args], { cwd: ROOT, env: { ...process.env, ...env } });
  child = proc;
  let out = '';
  let err = '';
  const exit = new Promise<number | null>((resolve) => proc.on('close', (code) => resolve(code)));
  return new Promise((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error(`serve did not start within 30 s; stdout: ${out}; stderr: ${err}`)), 30_000);
    proc.stderr.on('data', (d: Buffer) => (err += d.toString()));
    proc.stdout.on('data', (d: Buffer) => {
      out += d.toString();
      const m = /listening on (http:\/\/\S+)/.exec(out);
      // The banner is printed in one go; wait for its last line.
      if (m?.[1] && /health\s+http/.test(out)) {
        clearTimeout(timer);
        resolve({ url: m[1], output: () => out, exit });
      }
    });
    void exit.then((code) => {
      clearTimeout(timer);
      reject(new Error(`serve exited with ${code}; stderr: ${err}`));
    });
  });
}

describe('provider-mock serve', () => {
  it('prints the URLs, serves, and on SIGTERM cancels runs and flushes journals before exiting', async () => {
    const dataDir = mkdtempSync(join(tmpdir(), 'pm-serve-cli-'));
    const configFile = join(dataDir, 'enreach.yaml');
    const receiver = await startReceiver();
    try {
      writeFileSync(configFile, `- Webhook:\n    Endpoint: ${receiver.url}\n    Secret: cfg-secret\n  Subscriptions:\n    - EventType: UserAvailability\n      AllEntities: true\n`);
      const s = await serve(['--config', configFile, '--data-dir', dataDir]);
      expect(s.output()).toMatch(/inspector\s+http:\/\/127\.0\.0\.1:\d+\//);
      expect(s.output()).toContain(`1 endpoint(s) from ${configFile}: ${receiver.url}`);
      expect(s.output()).not.toContain('cfg-secret');
      expect((await fetch(`${s.url}/health`)).status).toBe(200);

      // A long run (realtime: hours of scenario time) to the --config endpoint, then SIGTERM.
      const r = await fetch(`${s.url}/runs`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ scenario: 'agent-shift', time: 'realtime' }) });
      expect(r.status).toBe(202);
      for (let i = 0; i < 200 && receiver.requests.length === 0; i++) await new Promise((res) => setTimeout(res, 25));
      expect(receiver.requests[0]?.headers['x-benemen-token']).toBe('cfg-secret');
      child?.kill('SIGTERM');
      expect(await s.exit).toBe(143);
      expect(s.output()).toContain('stopped (runs cancelled, journals flushed)');
      // One log line per delivery, as it settles.
      expect(s.output()).toMatch(/^\d\d:\d\d:\d\d run [0-9a-f]{8} #\d+ delivered enreach UserAvailability UserId:\S+ → http:\/\/127\.0\.0\.1:\d+\/webhook: 200 in [\d.]+ ms \(attempt 1\)$/m);
      expect(s.output()).toMatch(/data dir +.*kept across restarts \(restored 0 run\(s\)/);
      const journal = readdirSync(dataDir).find((f) => f.endsWith('.ndjson'));
      expect(journal).toBeDefined();
      const last = JSON.parse(readFileSync(join(dataDir, journal!), 'utf8').trim().split('\n').at(-1)!) as { type: string; summary: { notSent: number } };
      expect(last.type).toBe('summary');
      expect(last.summary.notSent).toBeGreaterThan(0);
    } finally {
      await receiver.close();
    }
  }, 60_000);

  it('refuses to listen beyond loopback without a token, an address or port it cannot bind, and a bad --config with its position', async () => {
    const exposed = await cli(['serve', '--host', '0.0.0.0', '--port', '0'], { env: {} });
    expect(exposed.code).toBe(2);
    expect(exposed.stderr).toMatch(/PM_SERVE_TOKEN_REQUIRED: --host: listening beyond 127\.0\.0\.1 needs a control token/);

    // Nothing is sent: binding fails at once, on an address (TEST-NET-1) this machine does not have.
    const notHere = await cli(['serve', '--host', '192.0.2.1', '--port', '0', '--token', 't'], { env: {} });
    expect(notHere.code).toBe(2);
    expect(notHere.stderr).toMatch(/PM_SERVE_LISTEN: --host: cannot listen on 192\.0\.2\.1:0: EADDRNOTAVAIL \("192\.0\.2\.1" is not an address of this machine/);
    const taken = await startServer({ port: 0, handleSignals: false, print: () => {}, env: {} });
    try {
      const busy = await cli(['serve', '--port', String(taken.port)], { env: {} });
      expect(busy.code).toBe(2);
      expect(busy.stderr).toMatch(new RegExp(`PM_SERVE_LISTEN: --port: cannot listen on 127\\.0\\.0\\.1:${taken.port}: EADDRINUSE \\(another process uses the port`));
    } finally {
      await taken.close();
    }

    const dir = mkdtempSync(join(tmpdir(), 'pm-serve-cfg-'));
    const bad = join(dir, 'bad.json');
    writeFileSync(bad, JSON.stringify({ Webhook: { Endpoint: 'https://x.example/' }, Subscriptions: [{ EventType: 'QueueCallInConnected', AllEntities: true }] }));
    const r = await cli(['serve', '--port', '0', '--config', bad], { env: {} });
    expect(r.code).toBe(2);
    expect(r.stderr).toContain(`${bad}: $.Subscriptions[0].EventType: unknown Enreach event type "QueueCallInConnected"; did you mean`);
    expect(r.stderr).toMatch(/did you mean [^;]*"QueueCallInUserConnected"/);
    const broken = join(dir, 'broken.yaml');
    writeFileSync(broken, 'Webhook: {\n  Endpoint: [\n');
    expect((await cli(['serve', '--port', '0', '--config', broken], { env: {} })).stderr).toMatch(/PM_SERVE_CONFIG: .*broken\.yaml:\d+:\d+/);
  });
});
