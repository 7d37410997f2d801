/**
 * Where a webhook goes: parses a target URL under a provider's profile into what an attempt
 * needs (origin, path, auth headers) and what may be printed (a redacted URL).
 */
import { isIP } from 'node:net';
import { editDistance, ProviderMockError } from '../contracts/errors.ts';
import type { DeliveryProfile } from './profile.ts';
import { checkDurationRange, TIME_LIMITS } from './schedule.ts';
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
  /**
   * The auth check's probes: the same request with one credential made wrong, one probe per
   * credential the target carries (token header, Basic userinfo, each secret query parameter);
   * empty when it carries none.
   */
  wrongAuths: WrongAuth[];
  /** Every secret string of this target, for the text redactor. */
  secrets: string[];
}

/** One auth probe: the request's path and credential headers with exactly one credential wrong. */
export interface WrongAuth {
  path: string;
  /** The credential headers to send (the right ones, except the one this probe gets wrong). */
  headers: Record<string, string>;
  /** What was made wrong, e.g. `wrong Basic password`, `wrong query secret "key"`. */
  what: string;
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
  if (target.timeoutMs !== undefined) {
    if (!Number.isInteger(target.timeoutMs)) throw new ProviderMockError('PM_DELIVERY_TIMEOUT', `timeout ${String(target.timeoutMs)} ms is not a whole number of milliseconds`, { where });
    checkDurationRange(target.timeoutMs, TIME_LIMITS.timeoutMs, where, 'the timeout');
  }
  const query = rawQuery(target.url);
  const path = `${url.pathname || '/'}${query === undefined ? '' : `?${query}`}`;
  const hasUserinfo = url.username !== '' || url.password !== '';
  const user = decodeUserinfo(url.username);
  const pass = decodeUserinfo(url.password);
  const secrets = [...querySecrets(query)];
  const authHeaders: Record<string, string> = {};
  const wrongAuths: WrongAuth[] = [];

  if (profile.auth.kind === 'basic-from-userinfo') {
    if (hasUserinfo) {
      // docs/providers.md M4: mluvii turns userinfo into a Basic header and calls the URL without it.
      authHeaders.Authorization = basicAuth(user, pass);
      secrets.push(pass, url.password, authHeaders.Authorization, Buffer.from(`${user}:${pass}`).toString('base64'));
      wrongAuths.push({ path, headers: { Authorization: basicAuth(user, wrongValue(pass)) }, what: 'wrong Basic password' });
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
      wrongAuths.push({ path, headers: { [profile.auth.header]: wrongValue(target.secret) }, what: `wrong ${profile.auth.header}` });
    }
  }
  // docs/providers.md M5: a secret in the query string is passed through as written; each one gets
  // its own probe (the other credentials right), so a receiver that checks only some is caught.
  for (const name of secretParams(query)) {
    wrongAuths.push({ path: `${url.pathname || '/'}?${wrongQuery(query ?? '', name)}`, headers: { ...authHeaders }, what: `wrong query secret "${name}"` });
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
    wrongAuths,
    secrets: secrets.filter((s) => s !== ''),
  };
}

/** `Authorization: Basic` credentials of a (decoded) user and password. */
export function basicAuth(user: string, pass: string): string {
  return `Basic ${Buffer.from(`${user}:${pass}`, 'utf8').toString('base64')}`;
}

/** A credential value that is surely wrong (and differs even from a user's `provider-mock-wrong-credential`). */
function wrongValue(right: string): string {
  return right === WRONG ? `${WRONG}-2` : WRONG;
}

/** The names of the secret-looking parameters of a raw query, each once, in order. */
function secretParams(query: string | undefined): string[] {
  const names: string[] = [];
  for (const pair of query?.split('&') ?? []) {
    const eq = pair.indexOf('=');
    if (eq < 0) continue;
    const name = safeDecode(pair.slice(0, eq));
    if (SECRET_PARAM_RE.test(name) && !names.includes(name)) names.push(name);
  }
  return names;
}

/** The query with the parameter `name` (every occurrence) made wrong, the rest as written. */
function wrongQuery(query: string, name: string): string {
  return query
    .split('&')
    .map((pair) => {
      const eq = pair.indexOf('=');
      if (eq < 0 || safeDecode(pair.slice(0, eq)) !== name) return pair;
      return `${pair.slice(0, eq)}=${wrongValue(safeDecode(pair.slice(eq + 1)))}`;
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

/**
 * `--check-auth` against a target with no credential has nothing to get wrong: bad input (exit 2),
 * not a passing check. Undefined when the target carries at least one credential. Without a
 * profile (one target for both providers) the hint covers both.
 */
export function nothingToProbe(target: ResolvedTarget, profile: DeliveryProfile | undefined, where: string): ProviderMockError | undefined {
  if (target.wrongAuths.length > 0) return undefined;
  const basic = 'put user:password@ in the URL (mluvii Basic auth, docs/providers.md M4) or a secret query parameter such as ?secret=… (M5)';
  const token = (header: string): string => `pass --secret or PROVIDER_MOCK_SECRET (sent as ${header}, docs/providers.md E1) or put a secret query parameter in the URL`;
  const how = !profile ? `${basic}; for Enreach ${token('X-Benemen-Token')}` : profile.auth.kind === 'basic-from-userinfo' ? basic : token(profile.auth.header);
  return new ProviderMockError('PM_DELIVERY_CHECK_AUTH', `--check-auth has nothing to get wrong: the ${profile ? `${profile.provider} ` : ''}target "${target.displayUrl}" carries no credentials`, {
    where,
    hint: `${how}, or leave out --check-auth`,
  });
}
