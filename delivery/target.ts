/**
 * Where a webhook goes: parses a target URL under a provider's profile into what an attempt
 * needs (origin, path, auth headers) and what may be printed (a redacted URL).
 */
import { isIP } from 'node:net';
import { editDistance, ProviderMockError } from '../contracts/errors.ts';
import type { DeliveryProfile } from './profile.ts';
import { decodeUserinfo, querySecrets, rawQuery, redactLoose, redactQuery, redactUrl, safeDecode, SECRET_PARAM_RE } from './redact.ts';

/** One receiver endpoint, as the user (or a webhook registration) gives it. */
export interface DeliveryTarget {
  /** `https://user:pass@host/path?secret=…`; userinfo and query secrets are never printed. */
  url: string;
  /** The header-token secret (Enreach `X-Benemen-Token`, docs/providers.md E1). Profiles with Basic-from-userinfo auth ignore it. */
  secret?: string;
  /** Accept a certificate that does not verify (Enreach `InsecureSSL`, docs/providers.md E5). */
  insecure?: boolean;
  /** Allow plain http to a non-loopback host where the profile requires https (docs/providers.md E5). */
  allowHttp?: boolean;
  /** Per-attempt timeout for this target; overrides the run's and the profile's. */
  timeoutMs?: number;
}

/** A target checked against a profile: ready to send to, safe to print. */
export interface ResolvedTarget {
  /** Identity of this (target, profile) pair: connection pool, ordering and concurrency lane. */
  key: string;
  /** `https://host:port` */
  origin: string;
  /** Path plus the query exactly as written (docs/providers.md M5: query secrets pass through untouched). */
  path: string;
  /** For journal, logs and reports: no userinfo, secret query values masked. */
  displayUrl: string;
  insecure: boolean;
  timeoutMs: number | undefined;
  /** Headers that carry credentials (never printed). */
  authHeaders: Record<string, string>;
  /** The same request with wrong credentials, for the auth check; undefined when none are configured. */
  wrongAuth: { path: string; headers: Record<string, string>; what: string } | undefined;
  /** Every secret string of this target, for the text redactor. */
  secrets: string[];
}

const WRONG = 'provider-mock-wrong-credential';

export function isLoopbackHost(hostname: string): boolean {
  const h = hostname.replace(/^\[|\]$/g, '').toLowerCase();
  if (h === 'localhost' || h.endsWith('.localhost')) return true;
  if (isIP(h) === 4) return h.startsWith('127.');
  if (isIP(h) === 6) return h === '::1' || h === '0:0:0:0:0:0:0:1';
  return false;
}

/**
 * What the user probably meant by a URL that is no http(s) URL: `127.0.0.1:8088/x` and
 * `localhost:8088` lack the scheme (http for loopback hosts, https for the rest), `htps://h/x`
 * misspells it. Undefined when nothing fits.
 */
export function urlSuggestion(text: string): string | undefined {
  const t = text.trim();
  const scheme = /^([a-z][a-z0-9+.-]*):\/\//i.exec(t);
  if (scheme) {
    const name = (scheme[1] ?? '').toLowerCase();
    if (name === 'http' || name === 'https') return undefined;
    const rest = t.slice(scheme[0].length);
    const near = ['https', 'http'].find((n) => editDistance(name, n) <= 1);
    return near ? `${near}://${rest}` : undefined;
  }
  // host[:port][/path], maybe with user:pass@ in front
  const m = /^(?:[^/@\s]+@)?(\[[0-9a-f:.]+\]|[a-z0-9](?:[a-z0-9.-]*[a-z0-9])?)(?::\d{1,5})?(?:[/?].*)?$/i.exec(t.replace(/^\/\//, ''));
  if (!m) return undefined;
  const host = (m[1] ?? '').toLowerCase();
  if (!host.includes('.') && !host.includes(':') && host !== 'localhost' && !host.endsWith('.localhost')) return undefined;
  return `${isLoopbackHost(host) ? 'http' : 'https'}://${t.replace(/^\/\//, '')}`;
}

/** ` (did you mean "http://…"?)`-style hint text for a URL input, or the fallback. */
export function urlHint(text: string, fallback: string): string {
  const near = urlSuggestion(text);
  return near ? `did you mean "${redactLoose(near)}"?` : fallback;
}

/**
 * Checks the target under the profile. Throws `ProviderMockError` (exit 2) for a URL that is
 * not http(s), plain http where the provider requires https, or credentials the provider
 * would not use.
 */
export function resolveTarget(target: DeliveryTarget, profile: DeliveryProfile, where = '--target'): ResolvedTarget {
  let url: URL;
  try {
    url = new URL(target.url);
  } catch {
    throw new ProviderMockError('PM_DELIVERY_TARGET_URL', `"${redactUrl(target.url)}" is not an absolute URL`, {
      where,
      hint: urlHint(target.url, 'give the receiver as https://host[:port]/path (plain http for 127.0.0.1/localhost)'),
    });
  }
  const displayUrl = redactUrl(target.url);
  if (url.protocol !== 'https:' && url.protocol !== 'http:') {
    throw new ProviderMockError('PM_DELIVERY_TARGET_SCHEME', `"${displayUrl}" uses ${url.protocol.slice(0, -1)}; webhooks go over http(s)`, {
      where,
      ...(urlSuggestion(target.url) ? { hint: urlHint(target.url, '') } : {}),
      validValues: ['https', 'http'],
    });
  }
  if (url.protocol === 'http:' && profile.plainHttp === 'loopback-or-flag' && !isLoopbackHost(url.hostname) && !target.allowHttp) {
    throw new ProviderMockError('PM_DELIVERY_PLAIN_HTTP', `${profile.provider} only calls https endpoints, but the target is "${displayUrl}"`, {
      where,
      hint: 'use https, or pass --allow-http to send plain http anyway (docs/providers.md E5: the real Enreach refuses plain http); loopback hosts are always allowed',
    });
  }
  if (target.timeoutMs !== undefined && !(Number.isInteger(target.timeoutMs) && target.timeoutMs > 0)) {
    throw new ProviderMockError('PM_DELIVERY_TIMEOUT', `timeout ${String(target.timeoutMs)} ms is not a positive integer`, { where });
  }
  const query = rawQuery(target.url);
  const path = `${url.pathname || '/'}${query === undefined ? '' : `?${query}`}`;
  const hasUserinfo = url.username !== '' || url.password !== '';
  const user = decodeUserinfo(url.username);
  const pass = decodeUserinfo(url.password);
  const secrets = [...querySecrets(query)];
  const authHeaders: Record<string, string> = {};
  let wrongAuth: ResolvedTarget['wrongAuth'];

  if (profile.auth.kind === 'basic-from-userinfo') {
    if (hasUserinfo) {
      // docs/providers.md M4: mluvii turns userinfo into a Basic header and calls the URL without it.
      authHeaders.Authorization = basicAuth(user, pass);
      secrets.push(pass, url.password, authHeaders.Authorization, Buffer.from(`${user}:${pass}`).toString('base64'));
      wrongAuth = { path, headers: { Authorization: basicAuth(user, pass === WRONG ? `${WRONG}-2` : WRONG) }, what: 'wrong Basic password' };
    } else if (query !== undefined && secrets.length > 0) {
      // docs/providers.md M5: the secret lives in the query string; the probe changes its value.
      wrongAuth = { path: `${url.pathname || '/'}?${wrongQuery(query)}`, headers: {}, what: 'wrong query-string secret' };
    }
  } else {
    if (hasUserinfo) {
      throw new ProviderMockError('PM_DELIVERY_TARGET_USERINFO', `${profile.provider} does not send URL credentials, but the target "${displayUrl}" has user:password@`, {
        where,
        hint: `remove the userinfo and pass the secret with --secret or PROVIDER_MOCK_SECRET (sent as ${profile.auth.header}, docs/providers.md E1)`,
      });
    }
    if (target.secret !== undefined && target.secret !== '') {
      authHeaders[profile.auth.header] = target.secret;
      secrets.push(target.secret);
      wrongAuth = { path, headers: { [profile.auth.header]: target.secret === WRONG ? `${WRONG}-2` : WRONG }, what: `wrong ${profile.auth.header}` };
    }
  }

  const insecure = target.insecure === true;
  const key = `${profile.provider} ${url.origin}${redactQuery(path)} ${insecure ? 'insecure' : 'verify'} ${hashSecrets(path, authHeaders)}`;
  return {
    key,
    origin: url.origin,
    path,
    displayUrl,
    insecure,
    timeoutMs: target.timeoutMs,
    authHeaders,
    wrongAuth,
    secrets: secrets.filter((s) => s !== ''),
  };
}

/** `Authorization: Basic` credentials of a (decoded) user and password. */
export function basicAuth(user: string, pass: string): string {
  return `Basic ${Buffer.from(`${user}:${pass}`, 'utf8').toString('base64')}`;
}

function wrongQuery(query: string): string {
  return query
    .split('&')
    .map((pair) => {
      const eq = pair.indexOf('=');
      if (eq < 0 || !SECRET_PARAM_RE.test(safeDecode(pair.slice(0, eq)))) return pair;
      return `${pair.slice(0, eq)}=${WRONG}`;
    })
    .join('&');
}

/** Two targets that differ only in credentials must not share an ordering lane; no secret leaks into the key's text. */
function hashSecrets(path: string, headers: Record<string, string>): string {
  let h = 0x811c9dc5;
  for (const part of [path, ...Object.entries(headers).map(([k, v]) => `${k}:${v}`)]) {
    for (const ch of `${part};`) {
      h ^= ch.charCodeAt(0);
      h = Math.imul(h, 0x01000193) >>> 0;
    }
  }
  return h.toString(16);
}
