/**
 * Secrets never reach the journal, logs or reports. Structured output is built without them
 * (no headers, URLs shown redacted); `Redactor` is the second line of defence for free text such
 * as error messages.
 */

/** Query parameter names that look like credentials (docs/providers.md M5: `?secret=XYZ` is common). */
export const SECRET_PARAM_RE = /secret|token|key|auth|pass|pwd|sig|credential|signature|apikey/i;

const MASK = '***';

/**
 * A URL safe to print: userinfo dropped, values of secret-looking query parameters masked.
 * Never throws; text that is no http(s) URL (a typo such as `127.0.0.1:8088/x`) is shown as
 * typed, with anything that looks like credentials masked, so the user sees what was wrong.
 */
export function redactUrl(raw: string): string {
  let url: URL;
  try {
    url = new URL(raw);
  } catch {
    return redactLoose(raw);
  }
  if (url.protocol !== 'http:' && url.protocol !== 'https:') return redactLoose(raw);
  url.username = '';
  url.password = '';
  url.hash = '';
  const query = rawQuery(raw);
  const base = `${url.protocol}//${url.host}${url.pathname}`;
  return query === undefined ? base : `${base}?${redactQuery(query)}`;
}

/** Text as typed, `user:pass@` and secret query values masked, cut to a readable length. */
export function redactLoose(raw: string): string {
  const noHash = raw.trim().split('#', 1)[0] ?? '';
  const q = noHash.indexOf('?');
  const head = (q < 0 ? noHash : noHash.slice(0, q)).replace(/^((?:[a-z][a-z0-9+.-]*:)?\/\/)?[^/?#]*@/i, (_m, scheme: string | undefined) => `${scheme ?? ''}${MASK}@`);
  const text = q < 0 ? head : `${head}?${redactQuery(noHash.slice(q + 1))}`;
  return text.length > 200 ? `${text.slice(0, 200)}…` : text;
}

/**
 * A URL with its credentials masked but its shape kept (`https://user:***@host/path?secret=***`):
 * for answers that show a registration back to someone who may not see its password.
 */
export function maskUrlCredentials(raw: string): string {
  let url: URL;
  try {
    url = new URL(raw);
  } catch {
    return redactUrl(raw);
  }
  const query = rawQuery(raw);
  const user = url.username ? `${url.username}${url.password ? `:${MASK}` : ''}@` : url.password ? `:${MASK}@` : '';
  return `${url.protocol}//${user}${url.host}${url.pathname}${query === undefined ? '' : `?${redactQuery(query)}`}`;
}

/** The query exactly as written (no re-encoding), without `?` and fragment; undefined if none. */
export function rawQuery(raw: string): string | undefined {
  const noHash = raw.split('#', 1)[0] ?? '';
  const i = noHash.indexOf('?');
  return i < 0 ? undefined : noHash.slice(i + 1);
}

/** Masks the values of secret-looking parameters in a raw query string. */
export function redactQuery(query: string): string {
  return query
    .split('&')
    .map((pair) => {
      const eq = pair.indexOf('=');
      if (eq < 0) return pair;
      const name = safeDecode(pair.slice(0, eq));
      return SECRET_PARAM_RE.test(name) ? `${pair.slice(0, eq)}=${MASK}` : pair;
    })
    .join('&');
}

/** Secret values found in a raw query string (decoded and as written). */
export function querySecrets(query: string | undefined): string[] {
  if (query === undefined) return [];
  const out: string[] = [];
  for (const pair of query.split('&')) {
    const eq = pair.indexOf('=');
    if (eq < 0) continue;
    if (!SECRET_PARAM_RE.test(safeDecode(pair.slice(0, eq)))) continue;
    const value = pair.slice(eq + 1);
    if (value) out.push(value, safeDecode(value));
  }
  return out;
}

/** Percent-decoding for URL userinfo: `+` stays `+` (it means space only in query strings). */
export function decodeUserinfo(s: string): string {
  try {
    return decodeURIComponent(s);
  } catch {
    return s;
  }
}

/** Percent-decoding for query strings (`+` is a space); malformed input is returned as is. */
export function safeDecode(s: string): string {
  try {
    return decodeURIComponent(s.replaceAll('+', ' '));
  } catch {
    return s;
  }
}

/**
 * Secrets shorter than this are masked only where they stand alone (not inside a longer run of
 * letters and digits): `--secret s` must not turn "status 500" into "***tatu*** 500", and a
 * secret of three characters protects nothing worth garbling every message for.
 */
const SHORT_SECRET = 4;

/** `text` where no letter or digit touches it on either side (nor a mask: what is left of a word a longer secret was cut from). */
function standingAlone(text: string): RegExp {
  const literal = text.replace(/[\\^$.*+?()[\]{}|]/g, '\\$&');
  return new RegExp(`(?<![\\p{L}\\p{N}*])${literal}(?![\\p{L}\\p{N}*])`, 'gu');
}

/** Replaces every known secret in free text (error messages, probe answers) with `***`. */
export class Redactor {
  #secrets: { text: string; alone?: RegExp }[] = [];

  add(...secrets: readonly (string | undefined)[]): void {
    for (const s of secrets) {
      if (!s || this.#secrets.some((k) => k.text === s)) continue;
      this.#secrets.push(s.length < SHORT_SECRET ? { text: s, alone: standingAlone(s) } : { text: s });
    }
    // Longest first, so a secret containing another is masked whole.
    this.#secrets.sort((a, b) => b.text.length - a.text.length);
  }

  text(s: string): string {
    let out = s;
    for (const { text, alone } of this.#secrets) {
      if (!out.includes(text)) continue;
      out = alone ? out.replace(alone, MASK) : out.replaceAll(text, MASK);
    }
    return out;
  }
}

/** The secrets in a URL (password, secret-looking query values), for the text redactor. */
export function urlSecrets(raw: string): string[] {
  try {
    const u = new URL(raw);
    const out: string[] = [];
    if (u.password) out.push(u.password, decodeUserinfo(u.password));
    for (const [name, value] of u.searchParams) if (SECRET_PARAM_RE.test(name) && value) out.push(value);
    return out;
  } catch {
    return [];
  }
}
