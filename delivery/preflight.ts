/**
 * Fail fast: before a run plans anything, connect to each receiver once (DNS, TCP, and TLS for
 * https) and stop with one clear line when it cannot be reached, instead of letting every event
 * run through its retries against a receiver that is not there. The TLS check is the one the
 * attempts make (certificates verified unless --insecure, docs/providers.md E5), so a certificate
 * problem is named here with its cause and its fix.
 */
import { lookup } from 'node:dns/promises';
import { isIP, connect as tcpConnect, type Socket } from 'node:net';
import { connect as tlsConnect } from 'node:tls';
import { ProviderMockError } from '../contracts/errors.ts';
import { redactUrl } from './redact.ts';

export interface PreflightTarget {
  url: string;
  insecure?: boolean;
  /** The flag it came from, for the message: `--target`, `--target enreach=…`, `--check-idempotency`. */
  where: string;
}

export interface PreflightOptions {
  /** Per target, for the connection and the TLS handshake each (default 3 s). */
  timeoutMs?: number;
  signal?: AbortSignal;
}

export const PREFLIGHT_TIMEOUT_MS = 3000;
const SKIP = '--no-preflight skips this check';

/** Certificate error codes (Node / OpenSSL) → what is wrong, in words. */
const CERT_CAUSES: Record<string, string> = {
  DEPTH_ZERO_SELF_SIGNED_CERT: 'the certificate is self-signed',
  SELF_SIGNED_CERT_IN_CHAIN: 'the certificate chain ends in a self-signed (private) CA',
  UNABLE_TO_VERIFY_LEAF_SIGNATURE: "the certificate's issuer is not trusted (a private CA, or the server omits an intermediate certificate)",
  UNABLE_TO_GET_ISSUER_CERT_LOCALLY: "the certificate's issuer is not trusted (a private CA, or the server omits an intermediate certificate)",
  UNABLE_TO_GET_ISSUER_CERT: "the certificate's issuer is unknown",
  CERT_HAS_EXPIRED: 'the certificate has expired',
  CERT_NOT_YET_VALID: 'the certificate is not valid yet (check the clocks)',
  ERR_TLS_CERT_ALTNAME_INVALID: 'the certificate is for another host name',
  CERT_SIGNATURE_FAILURE: "the certificate's signature does not verify",
  CERT_REVOKED: 'the certificate is revoked',
};

const TLS_FIX = "pass --insecure to accept it anyway, as Enreach's InsecureSSL does, docs/providers.md E5; or trust its CA: NODE_EXTRA_CA_CERTS=ca.pem provider-mock …";

function codeOf(err: unknown): string {
  for (let e: unknown = err, depth = 0; e && depth < 4; e = (e as { cause?: unknown }).cause, depth++) {
    const code = (e as { code?: unknown }).code;
    if (typeof code === 'string' && code !== '') return code;
  }
  return '';
}

/**
 * A transport failure in words, with what fixes it: used by the preflight and by the run's summary
 * (an attempt's `error` kind and low-level message).
 */
export function explainFailure(kind: string, message: string, host = ''): { cause: string; fix: string } {
  const code = /\b([A-Z][A-Z0-9_]{3,})\b/.exec(message)?.[1] ?? '';
  if (kind === 'tls' || CERT_CAUSES[code] || /certificate|ssl|tls/i.test(message)) {
    if (/wrong version number|packet length too long|unknown protocol|ECONNRESET|socket disconnected before secure/i.test(message)) {
      return { cause: `the server${host ? ` at ${host}` : ''} does not speak TLS`, fix: 'use http:// for a plain-http receiver' };
    }
    const cause = CERT_CAUSES[code] ?? (code ? `TLS failed (${code})` : `TLS failed: ${message}`);
    return { cause: code && CERT_CAUSES[code] ? `${cause} (${code})` : cause, fix: TLS_FIX };
  }
  switch (kind) {
    case 'refused':
      return { cause: `connection refused: nothing listens${host ? ` on ${host}` : ''}`, fix: 'start your receiver, or fix the host and port' };
    case 'dns':
      return { cause: `the host name${host ? ` ${host.replace(/:\d+$/, '')}` : ''} does not resolve (DNS ${code || 'lookup failed'})`, fix: 'check the host name' };
    case 'timeout':
      return { cause: `no answer${host ? ` from ${host}` : ''} in time`, fix: 'check the host and port (a firewall drops the packets?), or raise --timeout' };
    case 'reset':
      return { cause: 'the connection was closed by the other side', fix: 'check that the port serves HTTP' };
    default:
      return { cause: message || kind, fix: 'check the receiver' };
  }
}

function kindOf(code: string, message: string): string {
  if (code === 'ECONNREFUSED') return 'refused';
  if (code === 'ENOTFOUND' || code === 'EAI_AGAIN' || code === 'EAI_NONAME' || code === 'EAI_FAIL') return 'dns';
  if (code === 'ETIMEDOUT' || code === 'PM_TIMEOUT') return 'timeout';
  if (code === 'ECONNRESET' || code === 'EPIPE') return 'reset';
  if (CERT_CAUSES[code] || code.startsWith('ERR_SSL') || code.startsWith('ERR_TLS') || /ssl|tls|certificate/i.test(message)) return 'tls';
  if (code === 'EHOSTUNREACH' || code === 'ENETUNREACH') return 'unreachable';
  return 'error';
}

function unreachable(t: PreflightTarget, kind: string, message: string, host: string): ProviderMockError {
  const shown = redactUrl(t.url);
  const { cause, fix } =
    kind === 'unreachable' ? { cause: `no route to ${host}`, fix: 'check the host and your network' } : explainFailure(kind, message, host);
  const code = kind === 'tls' ? 'PM_TARGET_TLS' : 'PM_TARGET_UNREACHABLE';
  return new ProviderMockError(code, `${shown}: ${cause}`, { where: t.where, hint: `${fix}; ${SKIP}`, exitCode: 1 });
}

function withTimeout<T>(start: (done: (err: Error | undefined, value?: T) => void) => () => void, ms: number, signal?: AbortSignal): Promise<T> {
  return new Promise<T>((resolve, reject) => {
    let settled = false;
    let cleanup = (): void => {};
    const finish = (err: Error | undefined, value?: T): void => {
      if (settled) return;
      settled = true;
      clearTimeout(timer);
      signal?.removeEventListener('abort', onAbort);
      cleanup();
      if (err) reject(err);
      else resolve(value as T);
    };
    const timer = setTimeout(() => finish(Object.assign(new Error(`no answer within ${ms} ms`), { code: 'PM_TIMEOUT' })), ms);
    const onAbort = (): void => finish(Object.assign(new Error('aborted'), { code: 'ABORT_ERR' }));
    signal?.addEventListener('abort', onAbort, { once: true });
    cleanup = start(finish);
  });
}

/** One receiver: resolves when it accepts a connection (and a TLS handshake, for https). */
async function check(t: PreflightTarget, timeoutMs: number, signal?: AbortSignal): Promise<void> {
  const url = new URL(t.url);
  const https = url.protocol === 'https:';
  const hostname = url.hostname.replace(/^\[|\]$/g, '');
  const port = Number(url.port || (https ? 443 : 80));
  const host = `${url.hostname}:${port}`;
  if (!isIP(hostname)) {
    try {
      await lookup(hostname, { all: true });
    } catch (e) {
      throw unreachable(t, 'dns', (e as Error).message, host);
    }
  }
  let socket: Socket;
  try {
    socket = await withTimeout<Socket>((done) => {
      const s = tcpConnect({ host: hostname, port, autoSelectFamily: true });
      s.once('connect', () => done(undefined, s));
      s.once('error', (e: Error) => {
        s.destroy();
        done(e);
      });
      return () => s.removeAllListeners('connect');
    }, timeoutMs, signal);
  } catch (e) {
    const code = codeOf(e);
    if (code === 'ABORT_ERR') return;
    if (code === 'PM_TIMEOUT') throw timeoutError(t, host, timeoutMs);
    throw unreachable(t, kindOf(code, (e as Error).message), (e as Error).message, host);
  }
  if (!https) {
    socket.destroy();
    return;
  }
  try {
    await withTimeout<void>((done) => {
      const s = tlsConnect({ socket, ...(isIP(hostname) ? {} : { servername: hostname }), rejectUnauthorized: t.insecure !== true, ALPNProtocols: ['http/1.1'] });
      s.once('secureConnect', () => {
        s.destroy();
        done(undefined);
      });
      s.once('error', (e: Error) => {
        s.destroy();
        done(e);
      });
      return () => s.destroy();
    }, timeoutMs, signal);
  } catch (e) {
    socket.destroy();
    const code = codeOf(e);
    if (code === 'ABORT_ERR') return;
    if (code === 'PM_TIMEOUT') throw timeoutError(t, host, timeoutMs, 'the TLS handshake');
    throw unreachable(t, 'tls', `${(e as Error).message}${code ? ` (${code})` : ''}`, host);
  }
}

function timeoutError(t: PreflightTarget, host: string, ms: number, what = 'a connection'): ProviderMockError {
  return new ProviderMockError('PM_TARGET_UNREACHABLE', `${redactUrl(t.url)}: ${what} to ${host} got no answer within ${ms / 1000} s`, {
    where: t.where,
    hint: `check the host and port (a firewall drops the packets?); ${SKIP}`,
    exitCode: 1,
  });
}

/**
 * Connects to every distinct receiver (at once) and throws a ProviderMockError with exit code 1
 * for the first that cannot be reached, in the order given. URLs must already be valid http(s).
 */
export async function preflight(targets: readonly PreflightTarget[], options: PreflightOptions = {}): Promise<void> {
  const seen = new Map<string, PreflightTarget>();
  for (const t of targets) {
    const u = new URL(t.url);
    const key = `${u.protocol}//${u.host} ${t.insecure ? 'insecure' : 'verify'}`;
    if (!seen.has(key)) seen.set(key, t);
  }
  const results = await Promise.allSettled([...seen.values()].map((t) => check(t, options.timeoutMs ?? PREFLIGHT_TIMEOUT_MS, options.signal)));
  for (const r of results) if (r.status === 'rejected') throw r.reason;
}
