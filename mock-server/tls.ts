/**
 * HTTPS for `serve --tls`. mluvii's official samples talk to the API over https only
 * (docs/providers.md M23), so the mock must too. Either the user's own certificate and key
 * (`--tls-cert`, `--tls-key`), or a self-signed certificate for localhost / 127.0.0.1 / ::1 made
 * at start (the `selfsigned` package, on Node's WebCrypto) and written as PEM files whose path
 * and SHA-256 fingerprint the banner prints, so a client can trust exactly it.
 */
import { X509Certificate, createPrivateKey } from 'node:crypto';
import { chmodSync, existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { ProviderMockError } from '../contracts/errors.ts';

export interface TlsOptions {
  /** PEM certificate file (with `keyFile`). */
  certFile?: string;
  /** PEM private key file (with `certFile`). */
  keyFile?: string;
  /**
   * Where a generated pair is kept (`<dir>/cert.pem`, `<dir>/key.pem`) and reused on the next
   * start while it is valid, so a client's trust survives restarts. Default: a fresh temporary
   * folder, removed when the server closes.
   */
  dir?: string;
  /** Names the certificate must cover besides localhost, 127.0.0.1 and ::1 (the --host). */
  hosts?: readonly string[];
  /** Injected clock, for validity checks (ms). */
  now?: () => number;
}

export interface TlsMaterial {
  key: string;
  cert: string;
  /** The certificate file clients should trust. */
  certPath: string;
  /** `AB:CD:…`, SHA-256 of the certificate, as browsers and openssl show it. */
  fingerprint256: string;
  /** The names the certificate covers, as its subjectAltName lists them. */
  names: string[];
  /** `generated`, `reused` (from `dir`) or `given` (--tls-cert/--tls-key). */
  origin: 'generated' | 'reused' | 'given';
  validTo: Date;
  /** Removes a temporary folder of a generated pair (no-op otherwise). */
  cleanup(): void;
}

const CODE = 'PM_SERVE_TLS';
const BASE_NAMES = ['localhost', '127.0.0.1', '::1'];
const VALID_DAYS = 30;
const DAY = 86_400_000;

const isIp = (h: string): boolean => /^\d{1,3}(\.\d{1,3}){3}$/.test(h) || h.includes(':');

/** `DNS:localhost, IP Address:127.0.0.1, IP Address:0:0:0:0:0:0:0:1` → `['localhost', '127.0.0.1', '::1']`. */
function sanNames(x: X509Certificate): string[] {
  return (x.subjectAltName ?? '')
    .split(', ')
    .map((e) => e.replace(/^(DNS|IP Address):/, ''))
    .map((n) => (n === '0:0:0:0:0:0:0:1' ? '::1' : n))
    .filter(Boolean);
}

function read(path: string, flag: string): string {
  try {
    return readFileSync(path, 'utf8');
  } catch (cause) {
    throw new ProviderMockError(CODE, `cannot read "${path}": ${(cause as NodeJS.ErrnoException).code ?? (cause as Error).message}`, { where: flag, cause });
  }
}

/** Parses and pairs a certificate and key, or says which of them is wrong. */
function pair(cert: string, key: string, certWhere: string, keyWhere: string): X509Certificate {
  let x: X509Certificate;
  try {
    x = new X509Certificate(cert);
  } catch (cause) {
    throw new ProviderMockError(CODE, 'not a PEM certificate', { where: certWhere, hint: 'a file that starts with -----BEGIN CERTIFICATE-----', cause });
  }
  let k: ReturnType<typeof createPrivateKey>;
  try {
    k = createPrivateKey(key);
  } catch (cause) {
    throw new ProviderMockError(CODE, 'not a PEM private key (or one with a passphrase, which serve cannot ask for)', { where: keyWhere, hint: 'an unencrypted key: -----BEGIN PRIVATE KEY----- or -----BEGIN EC/RSA PRIVATE KEY-----', cause });
  }
  if (!x.checkPrivateKey(k)) {
    throw new ProviderMockError(CODE, `the key does not belong to the certificate`, { where: `${keyWhere} / ${certWhere}`, hint: 'pass the key the certificate was issued for' });
  }
  return x;
}

function material(x: X509Certificate, key: string, cert: string, certPath: string, origin: TlsMaterial['origin'], cleanup: () => void = () => {}): TlsMaterial {
  return { key, cert, certPath, fingerprint256: x.fingerprint256, names: sanNames(x), origin, validTo: new Date(x.validTo), cleanup };
}

async function generatePair(names: readonly string[], now: number): Promise<{ key: string; cert: string }> {
  const { generate } = await import('selfsigned');
  const pems = await generate([{ name: 'commonName', value: 'localhost' }, { name: 'organizationName', value: 'provider-mock' }], {
    keyType: 'ec',
    curve: 'P-256',
    algorithm: 'sha256',
    notBeforeDate: new Date(now - 60_000),
    notAfterDate: new Date(now + VALID_DAYS * DAY),
    extensions: [
      // Its own root, as `openssl req -x509` makes it: trust stores that want a CA accept it.
      { name: 'basicConstraints', cA: true, critical: true },
      { name: 'keyUsage', digitalSignature: true, keyCertSign: true, critical: true },
      { name: 'extKeyUsage', serverAuth: true },
      { name: 'subjectAltName', altNames: names.map((n) => (isIp(n) ? { type: 7 as const, ip: n } : { type: 2 as const, value: n })) },
    ],
  });
  return { key: pems.private, cert: pems.cert };
}

/** The certificate and key to serve with (see TlsOptions); throws ProviderMockError PM_SERVE_TLS naming the flag at fault. */
export async function loadTls(opts: TlsOptions = {}): Promise<TlsMaterial> {
  const now = (opts.now ?? Date.now)();
  if ((opts.certFile === undefined) !== (opts.keyFile === undefined)) {
    throw new ProviderMockError(CODE, `${opts.certFile === undefined ? '--tls-key' : '--tls-cert'} needs ${opts.certFile === undefined ? '--tls-cert' : '--tls-key'} too`, {
      where: opts.certFile === undefined ? '--tls-key' : '--tls-cert',
      hint: 'give both files, or neither for a generated self-signed certificate',
    });
  }
  if (opts.certFile !== undefined && opts.keyFile !== undefined) {
    const cert = read(opts.certFile, '--tls-cert');
    const key = read(opts.keyFile, '--tls-key');
    return material(pair(cert, key, `--tls-cert ${opts.certFile}`, `--tls-key ${opts.keyFile}`), key, cert, opts.certFile, 'given');
  }
  const names = [...new Set([...BASE_NAMES, ...(opts.hosts ?? []).filter((h) => h && h !== '0.0.0.0' && h !== '::')])];
  if (opts.dir !== undefined) {
    const certPath = join(opts.dir, 'cert.pem');
    const keyPath = join(opts.dir, 'key.pem');
    if (existsSync(certPath) && existsSync(keyPath)) {
      try {
        const cert = readFileSync(certPath, 'utf8');
        const key = readFileSync(keyPath, 'utf8');
        const x = pair(cert, key, certPath, keyPath);
        const covered = names.every((n) => sanNames(x).includes(n));
        if (covered && Date.parse(x.validTo) - now > DAY && Date.parse(x.validFrom) <= now) return material(x, key, cert, certPath, 'reused');
      } catch {
        // unusable leftovers are replaced below
      }
    }
    try {
      mkdirSync(opts.dir, { recursive: true });
      const made = await generatePair(names, now);
      writeFileSync(keyPath, made.key, { mode: 0o600 });
      chmodSync(keyPath, 0o600);
      writeFileSync(certPath, made.cert);
      return material(new X509Certificate(made.cert), made.key, made.cert, certPath, 'generated');
    } catch (cause) {
      throw new ProviderMockError(CODE, `cannot write the generated certificate into "${opts.dir}": ${(cause as NodeJS.ErrnoException).code ?? (cause as Error).message}`, { where: '--data-dir', cause });
    }
  }
  const dir = mkdtempSync(join(tmpdir(), 'provider-mock-tls-'));
  const made = await generatePair(names, now);
  const certPath = join(dir, 'cert.pem');
  writeFileSync(join(dir, 'key.pem'), made.key, { mode: 0o600 });
  writeFileSync(certPath, made.cert);
  return material(new X509Certificate(made.cert), made.key, made.cert, certPath, 'generated', () => rmSync(dir, { recursive: true, force: true }));
}
