/**
 * The read side of the mluvii Public API (docs/providers.md M21, M24): `GET /api/v1/Sessions`
 * with the SessionGetParams filters receivers use, `GET /api/v1/Sessions/{id}` and
 * `GET /api/v1/Users/{id}`. The data comes from a `MluviiReadSide` (generators/mluvii/records.ts
 * fills one from the webhooks a run played); every answer is checked against its schema
 * (contracts/mluvii/api/*.schema.json) before it leaves, so a mock bug is a clear 500, never a
 * silently wrong body.
 */
import type { MluviiSessionModel, MluviiUserModel } from '../generated/types.ts';
import { validatorFor } from '../ajv.ts';
import { suggestion } from '../errors.ts';
import { pointerToPath } from '../validate.ts';
import vendor from '../mluvii/api/vendor-models.json' with { type: 'json' };
import { bindDateTime, bindEnum, bindInt, type Bound } from './aspnet-binding.ts';
import { notFound, validationProblem, type ApiReply } from './http.ts';

export const SESSION_MODEL_SCHEMA_ID = 'https://provider-mock.dev/contracts/mluvii/api/SessionModel.schema.json';
export const USER_MODEL_SCHEMA_ID = 'https://provider-mock.dev/contracts/mluvii/api/UserModel.schema.json';

/** Where the read routes get their data. */
export interface MluviiReadSide {
  session(id: number): MluviiSessionModel | undefined;
  /** Every session, in the order the list answers them. */
  sessions(): readonly MluviiSessionModel[];
  user(id: number): MluviiUserModel | undefined;
}

/** A read side with nothing played: every session and user is 404. */
export const EMPTY_READ_SIDE: MluviiReadSide = { session: () => undefined, sessions: () => [], user: () => undefined };

/** `limit` when the client sends none, and the most one page holds (README.md beside this file). */
const DEFAULT_LIMIT = 100;
const MAX_LIMIT = 1000;

interface SessionQuery {
  sessionIds?: Set<number>;
  departmentIds?: Set<number>;
  operatorUserIds?: Set<number>;
  statuses?: Set<string>;
  channels?: Set<string>;
  sources?: Set<string>;
  created: TimeRange;
  ended: TimeRange;
  limit: number;
  offset: number;
}

interface TimeRange {
  min?: number;
  max?: number;
  /** `Null=true`: only sessions without the time; `false`: only those with it. */
  isNull?: boolean;
}

type Pairs = readonly (readonly [string, string])[];

/** The query keys the mock binds (case-insensitive, as ASP.NET). */
const SET_KEYS = { SessionId: 'int64', DepartmentId: 'int32', OperatorUserId: 'int32' } as const;
const ENUM_KEYS = { Status: 'SessionStatus', Channel: 'SessionChannel', Source: 'SessionSource' } as const;
const RANGE_KEYS = ['Created', 'Ended'] as const;
const RANGE_PARTS = ['Min', 'Max', 'Null'] as const;
const PAGE_KEYS = ['limit', 'offset'] as const;
const SESSION_QUERY_KEYS: readonly string[] = [
  ...Object.keys(SET_KEYS),
  ...Object.keys(ENUM_KEYS),
  ...RANGE_KEYS.flatMap((k) => RANGE_PARTS.map((p) => `${k}.${p}`)),
  ...PAGE_KEYS,
];
/** SessionGetParams filters mluvii has and the mock does not apply: refused, not ignored. */
const UNSUPPORTED = Object.keys(vendor.classes['Sessions.SessionGetParams'].props).filter(
  (k) => !(k in SET_KEYS) && !(k in ENUM_KEYS) && !(RANGE_KEYS as readonly string[]).includes(k),
);

/** `Status[0]` → `Status`, `created.min` → `Created.Min`: the canonical key, or undefined. */
function canonical(key: string): string | undefined {
  const bare = key.replace(/\[\d*\]$/, '').toLowerCase();
  return SESSION_QUERY_KEYS.find((k) => k.toLowerCase() === bare);
}

/** Query parameters a route does not take: the 400 naming them, with did-you-mean and the valid ones. */
export function unknownQuery(pairs: Pairs, valid: readonly string[], sessionFilters = false): ApiReply | undefined {
  const errors: Record<string, string[]> = {};
  for (const [key] of pairs) {
    const bare = key.replace(/\[\d*\]$/, '');
    if (valid.some((v) => v.toLowerCase() === bare.toLowerCase())) continue;
    const root = bare.split('.')[0] ?? bare;
    const why = sessionFilters && UNSUPPORTED.some((u) => u.toLowerCase() === root.toLowerCase())
      ? `provider-mock does not apply the SessionGetParams filter ${root}, so it refuses it rather than answer sessions you did not ask for`
      : `unknown query parameter "${key}"${suggestion(bare, valid)}`;
    errors[key] = [`${why}; ${valid.length ? `this route takes ${valid.join(', ')}` : 'this route takes no query parameters'}.`];
  }
  return Object.keys(errors).length ? validationProblem(errors) : undefined;
}

function parseSessionQuery(pairs: Pairs): { query: SessionQuery } | { reply: ApiReply } {
  const unknown = unknownQuery(pairs, SESSION_QUERY_KEYS, true);
  if (unknown) return { reply: unknown };
  const errors: Record<string, string[]> = {};
  const q: SessionQuery = { created: {}, ended: {}, limit: DEFAULT_LIMIT, offset: 0 };
  const take = <T>(key: string, b: Bound<T>): T | undefined => {
    if ('error' in b) {
      (errors[key] ??= []).push(b.error);
      return undefined;
    }
    return b.value;
  };
  for (const [key, raw] of pairs) {
    const k = canonical(key)!;
    if (k in SET_KEYS) {
      const n = take(key, bindInt(raw, k, SET_KEYS[k as keyof typeof SET_KEYS]));
      const field = k === 'SessionId' ? 'sessionIds' : k === 'DepartmentId' ? 'departmentIds' : 'operatorUserIds';
      if (n !== undefined) (q[field] ??= new Set()).add(n);
    } else if (k in ENUM_KEYS) {
      const v = take(key, bindEnum(ENUM_KEYS[k as keyof typeof ENUM_KEYS], raw, k));
      const field = k === 'Status' ? 'statuses' : k === 'Channel' ? 'channels' : 'sources';
      if (v !== undefined) (q[field] ??= new Set()).add(v);
    } else if (k === 'limit' || k === 'offset') {
      const n = take(key, bindInt(raw, k, 'int32'));
      if (n === undefined) continue;
      if (k === 'limit' && (n < 1 || n > MAX_LIMIT)) (errors[key] ??= []).push(`The value '${raw}' is not valid for limit: send 1 to ${MAX_LIMIT} (default ${DEFAULT_LIMIT}).`);
      else if (k === 'offset' && n < 0) (errors[key] ??= []).push(`The value '${raw}' is not valid for offset: send 0 or more.`);
      else q[k] = n;
    } else {
      const [range, part] = k.split('.') as ['Created' | 'Ended', 'Min' | 'Max' | 'Null'];
      const r = range === 'Created' ? q.created : q.ended;
      if (part === 'Null') {
        const v = raw.trim().toLowerCase();
        if (v === 'true' || v === 'false') r.isNull = v === 'true';
        else (errors[key] ??= []).push(`The value '${raw}' is not valid for ${k}: send true or false.`);
      } else {
        const t = take(key, bindDateTime(raw, k));
        if (t !== undefined) r[part === 'Min' ? 'min' : 'max'] = t;
      }
    }
  }
  return Object.keys(errors).length ? { reply: validationProblem(errors) } : { query: q };
}

function inRange(text: string | null, r: TimeRange): boolean {
  if (r.isNull !== undefined && (text === null) !== r.isNull) return false;
  if (r.min === undefined && r.max === undefined) return true;
  if (text === null) return false;
  const t = Date.parse(text);
  return (r.min === undefined || t >= r.min) && (r.max === undefined || t <= r.max);
}

function matches(s: MluviiSessionModel, q: SessionQuery): boolean {
  return (
    (!q.sessionIds || q.sessionIds.has(s.id)) &&
    (!q.departmentIds || q.departmentIds.has(s.departmentId)) &&
    (!q.operatorUserIds || s.operators.some((o) => q.operatorUserIds!.has(o.userId))) &&
    (!q.statuses || q.statuses.has(s.status)) &&
    (!q.channels || q.channels.has(s.channel)) &&
    (!q.sources || q.sources.has(s.source)) &&
    inRange(s.created, q.created) &&
    inRange(s.ended, q.ended)
  );
}

/** The 200 with a body its schema accepts, or a 500 saying what the mock got wrong. */
function checked(schemaId: string, body: unknown, what: string): ApiReply {
  const check = validatorFor(schemaId);
  const items = Array.isArray(body) ? body : [body];
  for (const [i, item] of items.entries()) {
    if (check(item)) continue;
    const e = check.errors?.[0];
    const where = `${Array.isArray(body) ? `$[${i}]` : '$'}${pointerToPath(e?.instancePath ?? '').slice(1)}`;
    return {
      status: 500,
      body: { title: 'Internal Server Error', status: 500, detail: `provider-mock built a ${what} its schema refuses at ${where}: ${e?.message ?? 'invalid'}; please report this` },
    };
  }
  return { status: 200, body };
}

export function listSessions(reads: MluviiReadSide, pairs: Pairs): ApiReply {
  const parsed = parseSessionQuery(pairs);
  if ('reply' in parsed) return parsed.reply;
  const { query } = parsed;
  const page = reads.sessions().filter((s) => matches(s, query)).slice(query.offset, query.offset + query.limit);
  return checked(SESSION_MODEL_SCHEMA_ID, page, 'SessionModel');
}

export function getSession(reads: MluviiReadSide, id: string): ApiReply {
  const bound = bindInt(id, 'id', 'int64');
  if ('error' in bound) return validationProblem({ id: [bound.error] });
  const s = reads.session(bound.value);
  if (!s) return notFound(`Session ID not found: no session ${bound.value} has been played here (a session exists once a run has played its webhooks)`);
  return checked(SESSION_MODEL_SCHEMA_ID, s, 'SessionModel');
}

export function getUser(reads: MluviiReadSide, id: string): ApiReply {
  const bound = bindInt(id, 'id', 'int64');
  if ('error' in bound) return validationProblem({ id: [bound.error] });
  const u = reads.user(bound.value);
  if (!u) return notFound(`User ID not found: no operator ${bound.value} in the worlds of the runs played here`);
  return checked(USER_MODEL_SCHEMA_ID, u, 'UserModel');
}
