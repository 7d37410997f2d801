import { X509Certificate } from 'node:crypto';
import { existsSync, mkdtempSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { Agent, fetch as undiciFetch } from 'undici';
import { describe, expect, it } from 'vitest';
import { startServer } from '../../mock-server/server.ts';
import { loadTls } from '../../mock-server/tls.ts';
import { cli } from '../helpers/cli.ts';

const DAY = 86_400_000;

describe('serve --tls: certificates', () => {
  it('generates a self-signed certificate for localhost, 127.0.0.1 and ::1 into a temporary folder it removes again', async () => {
    const tls = await loadTls();
    try {
      const x = new X509Certificate(readFileSync(tls.certPath, 'utf8'));
      expect(tls.origin).toBe('generated');
      expect(tls.names).toEqual(['localhost', '127.0.0.1', '::1']);
      expect(x.checkHost('localhost')).toBe('localhost');
      expect(x.checkIP('127.0.0.1')).toBe('127.0.0.1');
      expect(tls.fingerprint256).toBe(x.fingerprint256);
      expect(statSync(join(dirname(tls.certPath), 'key.pem')).mode & 0o077).toBe(0);
    } finally {
      tls.cleanup();
    }
    expect(existsSync(dirname(tls.certPath))).toBe(false);
  });

  it('keeps a generated pair in the data dir and reuses it while valid, so trust survives restarts; renews it when it runs out', async () => {
    const dir = join(mkdtempSync(join(tmpdir(), 'pm-tls-')), 'tls');
    const now = Date.now();
    const first = await loadTls({ dir, now: () => now });
    const second = await loadTls({ dir, now: () => now + DAY });
    expect([first.origin, second.origin]).toEqual(['generated', 'reused']);
    expect(second.fingerprint256).toBe(first.fingerprint256);
    const later = await loadTls({ dir, now: () => now + 40 * DAY });
    expect(later.origin).toBe('generated');
    expect(later.fingerprint256).not.toBe(first.fingerprint256);
    const wider = await loadTls({ dir, now: () => now + 40 * DAY, hosts: ['192.168.10.5'] });
    expect(wider.origin).toBe('generated');
    expect(wider.names).toContain('192.168.10.5');
  });

  it('takes the user\'s own PEM pair, and names the flag when one is missing, unreadable, no PEM, or not a pair', async () => {
    const a = await loadTls();
    const b = await loadTls();
    try {
      const keyOf = (t: typeof a) => join(dirname(t.certPath), 'key.pem');
      const given = await loadTls({ certFile: a.certPath, keyFile: keyOf(a) });
      expect(given).toMatchObject({ origin: 'given', certPath: a.certPath, fingerprint256: a.fingerprint256 });
      await expect(loadTls({ certFile: a.certPath })).rejects.toThrow('provider-mock PM_SERVE_TLS: --tls-cert: --tls-cert needs --tls-key too (give both files, or neither for a generated self-signed certificate)');
      await expect(loadTls({ certFile: join(tmpdir(), 'pm-no-such-cert.pem'), keyFile: keyOf(a) })).rejects.toThrow(/PM_SERVE_TLS: --tls-cert: cannot read ".*pm-no-such-cert\.pem": ENOENT/);
      await expect(loadTls({ certFile: keyOf(a), keyFile: keyOf(a) })).rejects.toThrow(/PM_SERVE_TLS: --tls-cert .*key\.pem: not a PEM certificate \(a file that starts with -----BEGIN CERTIFICATE-----\)/);
      await expect(loadTls({ certFile: a.certPath, keyFile: a.certPath })).rejects.toThrow(/PM_SERVE_TLS: --tls-key .*cert\.pem: not a PEM private key/);
      await expect(loadTls({ certFile: a.certPath, keyFile: keyOf(b) })).rejects.toThrow(/PM_SERVE_TLS: --tls-key .* \/ --tls-cert .*: the key does not belong to the certificate/);
    } finally {
      a.cleanup();
      b.cleanup();
    }
  });

  it('refuses --tls-key without --tls-cert on the command line, before listening', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'pm-tls-flag-'));
    try {
      writeFileSync(join(dir, 'k.pem'), 'x');
      const r = await cli(['serve', '--port', '0', '--tls-key', join(dir, 'k.pem')], { env: {} });
      expect(r.code).toBe(2);
      expect(r.stderr).toContain('provider-mock PM_SERVE_TLS: --tls-key: --tls-key needs --tls-cert too');
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });

  it('serves every surface over https; a client trusting the printed certificate gets through, one that does not is refused', async () => {
    const lines: string[] = [];
    const server = await startServer({ port: 0, tls: true, handleSignals: false, print: (l) => lines.push(l), env: {} });
    try {
      expect(server.url).toMatch(/^https:\/\/127\.0\.0\.1:\d+$/);
      const text = lines.join('\n');
      expect(text).toContain(`  certificate   ${server.tls!.certPath}`);
      expect(text).toContain(`  SHA-256       ${server.tls!.fingerprint256}`);
      expect(text).toContain(`SSL_CERT_FILE=${server.tls!.certPath}`);
      const ca = readFileSync(server.tls!.certPath, 'utf8');
      const ok = await undiciFetch(`${server.url}/health`, { dispatcher: new Agent({ connect: { ca } }) });
      expect(ok.status).toBe(200);
      // The name localhost is covered too (checked by SNI name, without relying on how localhost resolves here).
      const viaName = await undiciFetch(`${server.url}/api/v1/Webhooks`, { dispatcher: new Agent({ connect: { ca, servername: 'localhost' } }) });
      expect(viaName.status).toBe(401);
      await expect(undiciFetch(`${server.url}/health`)).rejects.toThrow();
    } finally {
      await server.close();
    }
    expect(existsSync(server.tls!.certPath)).toBe(false);
  });
});
