/**
 * A self-signed certificate for 127.0.0.1, made with openssl into a temp dir, once per test
 * process. Used to prove that certificate checks are on (refused) and that --insecure works.
 */
import { execFileSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

export interface SelfSigned {
  key: string;
  cert: string;
}

let cached: SelfSigned | undefined;

/** A certificate for 127.0.0.1, made once per test file; its files are removed as soon as they are read (an exit hook never runs in a vitest worker). */
export function selfSignedCert(): SelfSigned {
  if (cached) return cached;
  const dir = mkdtempSync(join(tmpdir(), 'provider-mock-tls-'));
  try {
    const keyPath = join(dir, 'key.pem');
    const certPath = join(dir, 'cert.pem');
    execFileSync(
      'openssl',
      [
        'req', '-x509', '-newkey', 'ec', '-pkeyopt', 'ec_paramgen_curve:prime256v1', '-nodes',
        '-keyout', keyPath, '-out', certPath, '-days', '1',
        '-subj', '/CN=127.0.0.1', '-addext', 'subjectAltName=IP:127.0.0.1',
      ],
      { stdio: 'pipe', timeout: 20_000 },
    );
    cached = { key: readFileSync(keyPath, 'utf8'), cert: readFileSync(certPath, 'utf8') };
    return cached;
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}
