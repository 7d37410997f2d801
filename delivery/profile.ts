/**
 * Delivery profiles: how each provider sends a webhook, loaded from
 * `contracts/<provider>/delivery.json`. Everything that differs between mluvii and Enreach
 * (headers, auth, success statuses, timeout, retries, ordering, event identity) is data there;
 * the rest of `delivery/` reads these fields and never branches on the provider's name.
 */
import { readFileSync } from 'node:fs';
import { ProviderMockError } from '../contracts/errors.ts';
import { packagePath } from '../contracts/package-files.ts';
import { PROVIDERS, isProvider } from '../contracts/provider.ts';
import type { Provider } from '../contracts/provider.ts';

export type AuthRule =
  /** docs/providers.md M4: `user:pass@` in the URL becomes `Authorization: Basic …`, and is removed from the URL. */
  | { kind: 'basic-from-userinfo' }
  /** docs/providers.md E1: the configured secret, verbatim, in this header; no header when no secret. */
  | { kind: 'header-token'; header: string };

export type Ordering = 'per-entity' | 'none';

export type EventIdRule =
  /** The payload carries its own id (Enreach `/Id`, docs/providers.md E3). */
  | { kind: 'json-pointer'; pointer: string }
  /** No id on the wire (mluvii, docs/providers.md M6): the body's SHA-256 identifies the event. */
  | { kind: 'content-hash' };

export interface HeaderTemplate {
  name: string;
  /** May contain `{eventType}`. */
  value: string;
}

export interface DeliveryProfile {
  provider: Provider;
  method: 'POST';
  headers: readonly HeaderTemplate[];
  auth: AuthRule;
  /** Exact codes (`200`) or classes (`"2xx"`). */
  successStatuses: readonly (number | string)[];
  timeoutMs: number;
  retries: number;
  /** Wait before retry n (1-based) is `retryScheduleMs[n-1]`, the last value repeating. */
  retryScheduleMs: readonly number[];
  followRedirects: false;
  ordering: Ordering;
  eventId: EventIdRule;
  /** `allowed`: http is fine (docs/providers.md M8); `loopback-or-flag`: only for loopback hosts or with allowHttp (docs/providers.md E5). */
  plainHttp: 'allowed' | 'loopback-or-flag';
  /** Whether a response body earns a warning (docs/providers.md E4). */
  expectEmptyResponseBody: boolean;
  notes?: Record<string, string>;
}

const PLACEHOLDERS = new Set(['eventType']);
const cache = new Map<Provider, DeliveryProfile>();

/** The file a provider's profile is read from. */
export function profilePath(provider: Provider): string {
  return packagePath('contracts', provider, 'delivery.json');
}

/** Loads (once) and validates the provider's delivery profile. */
export function loadProfile(provider: Provider): DeliveryProfile {
  const cached = cache.get(provider);
  if (cached) return cached;
  const url = profilePath(provider);
  const where = `contracts/${provider}/delivery.json`;
  let raw: unknown;
  try {
    raw = JSON.parse(readFileSync(url, 'utf8'));
  } catch (cause) {
    throw new ProviderMockError('PM_DELIVERY_PROFILE_INVALID', `cannot read the delivery profile: ${(cause as Error).message}`, { where, cause });
  }
  const profile = validateProfile(raw, where);
  if (profile.provider !== provider) {
    throw invalid(where, '/provider', `is "${profile.provider}" but the file belongs to "${provider}"`);
  }
  cache.set(provider, profile);
  return profile;
}

/** All built-in profiles, keyed by provider. */
export function loadProfiles(): Record<Provider, DeliveryProfile> {
  const out = {} as Record<Provider, DeliveryProfile>;
  for (const p of PROVIDERS) out[p] = loadProfile(p);
  return out;
}

function invalid(where: string, path: string, what: string, hint?: string): ProviderMockError {
  return new ProviderMockError('PM_DELIVERY_PROFILE_INVALID', `${path} ${what}`, { where: `${where}#${path}`, ...(hint ? { hint } : {}) });
}

/** Checks a parsed profile; the error names the JSON path that is wrong. */
export function validateProfile(raw: unknown, where = 'delivery profile'): DeliveryProfile {
  if (!isRecord(raw)) throw invalid(where, '', 'must be a JSON object');
  const p = raw;
  if (!isProvider(p.provider)) throw invalid(where, '/provider', 'must name a provider', PROVIDERS.join(', '));
  if (p.method !== 'POST') throw invalid(where, '/method', 'must be "POST" (both providers POST, docs/providers.md M3, E1)');
  if (!Array.isArray(p.headers)) throw invalid(where, '/headers', 'must be an array of {name, value}');
  const headers: HeaderTemplate[] = p.headers.map((h: unknown, i: number) => {
    if (!isRecord(h) || typeof h.name !== 'string' || typeof h.value !== 'string' || !/^[A-Za-z0-9-]+$/.test(h.name)) {
      throw invalid(where, `/headers/${i}`, 'must be {"name": <header name>, "value": <string>}');
    }
    for (const m of h.value.matchAll(/\{([^}]*)\}/g)) {
      if (!PLACEHOLDERS.has(m[1] ?? '')) throw invalid(where, `/headers/${i}/value`, `has unknown placeholder {${m[1]}}`, `known: ${[...PLACEHOLDERS].map((x) => `{${x}}`).join(', ')}`);
    }
    return { name: h.name, value: h.value };
  });
  const auth = p.auth;
  let authRule: AuthRule;
  if (isRecord(auth) && auth.kind === 'basic-from-userinfo') authRule = { kind: 'basic-from-userinfo' };
  else if (isRecord(auth) && auth.kind === 'header-token' && typeof auth.header === 'string' && auth.header !== '') authRule = { kind: 'header-token', header: auth.header };
  else throw invalid(where, '/auth', 'must be {"kind":"basic-from-userinfo"} or {"kind":"header-token","header":<name>}');
  if (!Array.isArray(p.successStatuses) || p.successStatuses.length === 0) throw invalid(where, '/successStatuses', 'must be a non-empty array');
  const successStatuses = p.successStatuses.map((s: unknown, i: number) => {
    if (typeof s === 'number' && Number.isInteger(s) && s >= 100 && s <= 599) return s;
    if (typeof s === 'string' && /^[1-5]xx$/.test(s)) return s;
    throw invalid(where, `/successStatuses/${i}`, 'must be a status code (200) or a class ("2xx")');
  });
  if (!isPositiveInt(p.timeoutMs)) throw invalid(where, '/timeoutMs', 'must be a positive integer (milliseconds)');
  if (!isNonNegInt(p.retries)) throw invalid(where, '/retries', 'must be a non-negative integer');
  if (!Array.isArray(p.retryScheduleMs) || !p.retryScheduleMs.every(isNonNegInt)) throw invalid(where, '/retryScheduleMs', 'must be an array of non-negative integers (milliseconds)');
  if (p.followRedirects !== false) throw invalid(where, '/followRedirects', 'must be false (neither provider follows redirects)');
  if (p.ordering !== 'per-entity' && p.ordering !== 'none') throw invalid(where, '/ordering', 'must be "per-entity" or "none"');
  const eid = p.eventId;
  let eventId: EventIdRule;
  if (isRecord(eid) && eid.kind === 'content-hash') eventId = { kind: 'content-hash' };
  else if (isRecord(eid) && eid.kind === 'json-pointer' && typeof eid.pointer === 'string' && eid.pointer.startsWith('/')) eventId = { kind: 'json-pointer', pointer: eid.pointer };
  else throw invalid(where, '/eventId', 'must be {"kind":"content-hash"} or {"kind":"json-pointer","pointer":"/Id"}');
  if (p.plainHttp !== 'allowed' && p.plainHttp !== 'loopback-or-flag') throw invalid(where, '/plainHttp', 'must be "allowed" or "loopback-or-flag"');
  if (typeof p.expectEmptyResponseBody !== 'boolean') throw invalid(where, '/expectEmptyResponseBody', 'must be a boolean');
  const notes = isRecord(p.notes) ? (Object.fromEntries(Object.entries(p.notes).filter(([, v]) => typeof v === 'string')) as Record<string, string>) : undefined;
  return {
    provider: p.provider,
    method: 'POST',
    headers,
    auth: authRule,
    successStatuses,
    timeoutMs: p.timeoutMs,
    retries: p.retries,
    retryScheduleMs: p.retryScheduleMs,
    followRedirects: false,
    ordering: p.ordering,
    eventId,
    plainHttp: p.plainHttp,
    expectEmptyResponseBody: p.expectEmptyResponseBody,
    ...(notes ? { notes } : {}),
  };
}

/** A predicate for "this status counts as delivered" under the profile. */
export function successPredicate(profile: Pick<DeliveryProfile, 'successStatuses'>): (status: number) => boolean {
  const exact = new Set<number>();
  const classes = new Set<number>();
  for (const s of profile.successStatuses) {
    if (typeof s === 'number') exact.add(s);
    else classes.add(Number(s[0]));
  }
  return (status) => exact.has(status) || classes.has(Math.floor(status / 100));
}

/** True when some 2xx does not count as delivered (Enreach: only 200, docs/providers.md E3). */
export function rejectsSome2xx(profile: Pick<DeliveryProfile, 'successStatuses'>): boolean {
  const ok = successPredicate(profile);
  for (let s = 200; s <= 299; s++) if (!ok(s)) return true;
  return false;
}

/** Expands `{eventType}` in the profile's header templates. */
export function renderHeaders(profile: DeliveryProfile, eventType: string): Record<string, string> {
  const out: Record<string, string> = {};
  for (const h of profile.headers) out[h.name] = h.value.replaceAll('{eventType}', eventType);
  return out;
}

function isRecord(v: unknown): v is Record<string, unknown> {
  return typeof v === 'object' && v !== null && !Array.isArray(v);
}
function isPositiveInt(v: unknown): v is number {
  return typeof v === 'number' && Number.isInteger(v) && v > 0;
}
function isNonNegInt(v: unknown): v is number {
  return typeof v === 'number' && Number.isInteger(v) && v >= 0;
}
