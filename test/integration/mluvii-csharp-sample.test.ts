import { spawn, type ChildProcessWithoutNullStreams } from 'node:child_process';
import { X509Certificate } from 'node:crypto';
import { existsSync, readFileSync } from 'node:fs';
import { dirname } from 'node:path';
import { Agent, fetch as undiciFetch } from 'undici';
import { afterEach, describe, expect, it } from 'vitest';
import { ROOT } from '../helpers/examples.ts';
import { startReceiver } from '../helpers/receiver.ts';
import { DEV_CLI } from '../helpers/cli.ts';

/**
 * mluvii's official C# sample (docs/providers.md §4, M12, M13, M22-M24), played step by step over
 * `provider-mock serve --tls` as a user starts it: the client trusts exactly the certificate
 * whose path the banner prints, registers the way the sample does, and reads the session back
 * the way the sample does after its SessionEnded webhook.
 */

let child: ChildProcessWithoutNullStreams | undefined;
let certDir: string | undefined;
afterEach(async () => {
  const proc = child;
  child = undefined;
  // Stopped as a user stops it (Ctrl-C's SIGTERM cousin), so serve removes its generated
  // certificate; SIGKILL only if it does not exit within a bound.
  if (proc && proc.exitCode === null && proc.signalCode === null) {
    const exited = new Promise<void>((resolve) => proc.once('exit', () => resolve()));
    proc.kill('SIGTERM');
    const timer = setTimeout(() => proc.kill('SIGKILL'), 20_000);
    await exited;
    clearTimeout(timer);
  }
  const dir = certDir;
  certDir = undefined;
  if (dir) expect(existsSync(dir), `serve --tls left its certificate folder ${dir}`).toBe(false);
});

interface Banner {
  url: string;
  certPath: string;
  fingerprint: string;
}

function serveTls(): Promise<Banner> {
  const proc = spawn(process.execPath, [...DEV_CLI, 'serve', '--tls', '--port', '0'], { cwd: ROOT, env: { ...process.env } });
  child = proc;
  let out = '';
  let err = '';
  return new Promise((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error(`serve --tls did not start within 30 s; stdout: ${out}; stderr: ${err}`)), 30_000);
    proc.stderr.on('data', (d: Buffer) => (err += d.toString()));
    proc.stdout.on('data', (d: Buffer) => {
      out += d.toString();
      const url = /listening on (https:\/\/\S+)/.exec(out)?.[1];
      const certPath = /^ {2}certificate +(\S+)$/m.exec(out)?.[1];
      const fingerprint = /^ {2}SHA-256 +([0-9A-F:]+)$/m.exec(out)?.[1];
      if (url && certPath && fingerprint && /trust it/.test(out)) {
        clearTimeout(timer);
        certDir = dirname(certPath);
        resolve({ url, certPath, fingerprint });
      }
    });
    proc.on('close', (code) => {
      clearTimeout(timer);
      reject(new Error(`serve exited with ${code}; stderr: ${err}`));
    });
  });
}

/** The sample's local date, as `DateTime.Now.ToString("yyyy-MM-dd")` writes it. */
function today(): string {
  const d = new Date();
  return `${d.getFullYear()}-${String(d.getMonth() + 1).padStart(2, '0')}-${String(d.getDate()).padStart(2, '0')}`;
}

describe("mluvii's official C# sample against serve --tls", () => {
  it('gets a token, registers (PascalCase, integer enums; 409 → PUT on restart), and after chat-session reads the CLOSED session back', async () => {
    const banner = await serveTls();
    const pem = readFileSync(banner.certPath, 'utf8');
    expect(new X509Certificate(pem).fingerprint256).toBe(banner.fingerprint);
    // Trust exactly the printed certificate, nothing else (the default store does not have it).
    const dispatcher = new Agent({ connect: { ca: pem } });
    const call = async (path: string, init: { method?: string; headers?: Record<string, string>; body?: string } = {}) => {
      const r = await undiciFetch(`${banner.url}${path}`, { ...init, dispatcher });
      const text = await r.text();
      return { status: r.status, text, json: (): unknown => JSON.parse(text) };
    };
    await expect(undiciFetch(`${banner.url}/health`)).rejects.toThrow();

    const receiver = await startReceiver();
    try {
      // MluviiClient.GetAccessToken: the form body of the sample.
      const tokenResponse = await call('/login/connect/token', {
        method: 'POST',
        headers: { 'content-type': 'application/x-www-form-urlencoded' },
        body: 'response_type=token&grant_type=client_credentials&client_id=provider-mock&client_secret=provider-mock-secret',
      });
      expect(tokenResponse.status).toBe(200);
      const auth = { authorization: `Bearer ${(tokenResponse.json() as { access_token: string }).access_token}` };
      // MluviiClient.SubscribeToEvents: PostAsJsonAsync with Json.NET defaults.
      const body = JSON.stringify({ EventTypes: [3, 5, 4], CallbackUrl: `http://csharp:isawesome@127.0.0.1:${receiver.port}/mluviiwebhook` });
      const json = { ...auth, 'content-type': 'application/json; charset=utf-8' };
      const first = await call('/api/v1/Webhooks', { method: 'POST', headers: json, body });
      expect(first.status).toBe(201);
      // The sample starts again: 409 with the id, then PUT to it.
      const again = await call('/api/v1/Webhooks', { method: 'POST', headers: json, body });
      expect(again.status).toBe(409);
      const id = Number.parseInt(again.text, 10);
      expect(id).toBe(first.json());
      expect((await call(`/api/v1/Webhooks/${id}`, { method: 'PUT', headers: json, body })).status).toBe(204);

      const run = await call('/runs', { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ scenario: 'chat-session', time: 'instant', start: 'now' }) });
      expect(run.status, run.text).toBe(202);
      const runId = (run.json() as { id: string }).id;
      let status = 'running';
      for (let i = 0; i < 400 && ['queued', 'running'].includes(status); i++) {
        await new Promise((r) => setTimeout(r, 25));
        status = ((await call(`/runs/${runId}`)).json() as { run: { status: string } }).run.status;
      }
      expect(status).toBe('done');

      // The receiver got the three subscribed event types only, with the sample's Basic credentials.
      const got = receiver.requests.map((r) => r.json as { eventType: string; data: Record<string, unknown> });
      expect(new Set(got.map((e) => e.eventType))).toEqual(new Set(['SessionStarted', 'SessionEnded']));
      expect(receiver.requests.every((r) => r.headers.authorization === `Basic ${Buffer.from('csharp:isawesome').toString('base64')}`)).toBe(true);
      const ended = got.find((e) => e.eventType === 'SessionEnded')!.data;

      // WebhookEventProcessor after SessionEnded: MluviiClient.GetSessions.
      const list = await call(`/api/v1/Sessions?Status=CLOSED&Created.Min=${today()}&limit=1000`, { headers: auth });
      expect(list.status).toBe(200);
      const sessions = list.json() as { id: number; status: string; started: string; ended: string; channel: string; departmentId: number }[];
      const mine = sessions.find((s) => s.id === ended['id']);
      expect(mine).toMatchObject({ status: 'CLOSED', started: ended['started'], ended: ended['ended'], channel: ended['channel'], departmentId: ended['tenantId'] });
    } finally {
      await receiver.close();
    }
  }, 60_000);
});
