/**
 * How the mluvii Public API (ASP.NET Core with Json.NET, docs/providers.md M22) binds what a
 * client sends: JSON property names and query keys case-insensitively, enum members by name in
 * any case or by their integer value (the member's position in the declared enum), integers and
 * date-times from text. Each binder answers a value or the message for ASP.NET's 400, naming the
 * field and the valid values. See README.md beside this file for the choices made where ASP.NET
 * and the spec leave room.
 */
import { suggestion } from '../errors.ts';
import vendor from '../mluvii/api/vendor-models.json' with { type: 'json' };

/** The vendor enums in declaration order (index = integer value), from mluvii.ApiModels. */
const MLUVII_ENUMS: Readonly<Record<string, readonly string[]>> = vendor.enums;

export type Bound<T> = { value: T } | { error: string };

/** A property of a JSON object by name, case-insensitively; `keys` says how the client spelt it (two spellings are ambiguous). */
export function jsonProperty(body: Record<string, unknown>, name: string): { value: unknown; keys: string[] } {
  const keys = Object.keys(body).filter((k) => k.toLowerCase() === name.toLowerCase());
  return { value: keys.length ? body[keys[keys.length - 1]!] : undefined, keys };
}

function shown(v: unknown): string {
  return typeof v === 'string' ? `'${v}'` : JSON.stringify(v) ?? String(v);
}

/** `SessionStarted (3), SessionEnded (4), …`: the accepted members with the integers that stand for them. */
function enumChoices(enumName: string, exclude: readonly string[] = []): string {
  const members = MLUVII_ENUMS[enumName] ?? [];
  return members.flatMap((m, i) => (exclude.includes(m) ? [] : [`${m} (${i})`])).join(', ');
}

/**
 * One enum value as Json.NET's StringEnumConverter reads it: a member name in any case, an
 * integer token, or a string holding an integer; `exclude` members are refused even so (the
 * caller says why). Undefined integers are refused, although Json.NET would cast them: nothing
 * on the mluvii side could mean them.
 */
export function bindEnum(enumName: string, raw: unknown, field: string, exclude: readonly string[] = [], why = ''): Bound<string> {
  const members = MLUVII_ENUMS[enumName] ?? [];
  let hit: string | undefined;
  if (typeof raw === 'number' && Number.isInteger(raw)) hit = members[raw];
  else if (typeof raw === 'string' && /^\s*\d+\s*$/.test(raw)) hit = members[Number(raw)];
  else if (typeof raw === 'string') hit = members.find((m) => m.toLowerCase() === raw.trim().toLowerCase());
  if (hit !== undefined && !exclude.includes(hit)) return { value: hit };
  const near = typeof raw === 'string' ? suggestion(raw, members.filter((m) => !exclude.includes(m))).replace(/^; did/, ' Did') : '';
  const excluded = hit !== undefined ? ` (${hit}${why ? `: ${why}` : ' is not accepted here'})` : '';
  return {
    error: `The value ${shown(raw)}${excluded} is not valid for ${field}.${near} Send a ${enumName} member's name (any case) or its integer value: ${enumChoices(enumName, exclude)}.`,
  };
}

const INT_RANGES = { int32: [-(2 ** 31), 2 ** 31 - 1], int64: [Number.MIN_SAFE_INTEGER, Number.MAX_SAFE_INTEGER] } as const;

/**
 * A whole number from a route or query value, in the range of its C# type (int64 ids beyond
 * 2^53 cannot be told apart in JavaScript, so the safe-integer range stands for int64).
 */
export function bindInt(raw: string, field: string, type: keyof typeof INT_RANGES): Bound<number> {
  const [min, max] = INT_RANGES[type];
  const n = /^\s*[-+]?\d+\s*$/.test(raw) ? Number(raw) : Number.NaN;
  if (Number.isInteger(n) && n >= min && n <= max) return { value: n };
  return { error: `The value '${raw}' is not valid for ${field}: send a whole number from ${min} to ${max}.` };
}

const DATE_TIME = /^(\d{4})-(\d{2})-(\d{2})(?:[T ](\d{2}):(\d{2})(?::(\d{2})(?:\.(\d{1,7}))?)?)?(?:\s*(Z|[+-]\d{2}:?\d{2})|\s(\d{2}:?\d{2}))?$/i;

const PRAGUE = new Intl.DateTimeFormat('en-GB', { timeZone: 'Europe/Prague', hourCycle: 'h23', year: 'numeric', month: '2-digit', day: '2-digit', hour: '2-digit', minute: '2-digit', second: '2-digit' });

/** Minutes Prague is ahead of UTC at an instant (60 in winter, 120 in summer). */
function pragueOffsetMinutes(ms: number): number {
  const p = Object.fromEntries(PRAGUE.formatToParts(new Date(ms)).map((x) => [x.type, x.value]));
  const wall = Date.UTC(Number(p['year']), Number(p['month']) - 1, Number(p['day']), Number(p['hour']), Number(p['minute']), Number(p['second']));
  return Math.round((wall - Math.floor(ms / 1000) * 1000) / 60_000);
}

/**
 * A DateTimeOffset from a query value: `2024-05-06` (what the official sample sends, M24),
 * `2024-05-06T08:00`, `2024-05-06T08:00:00.5+02:00`, `…Z`. Without an offset the time is the
 * tenant's local time, Europe/Prague, as every mluvii timestamp is (M16). A `+` sent unencoded
 * arrives as a space and is read as `+`.
 */
export function bindDateTime(raw: string, field: string): Bound<number> {
  const m = DATE_TIME.exec(raw.trim());
  const bad = { error: `The value '${raw}' is not valid for ${field}: send a date or date-time such as 2024-05-06, 2024-05-06T08:00:00 (Prague time) or 2024-05-06T08:00:00+02:00.` };
  if (!m) return bad;
  const [, y, mo, d, h = '0', mi = '0', s = '0', frac = '', signed, spaced] = m;
  const zone = signed ?? (spaced === undefined ? undefined : `+${spaced}`);
  const wall = Date.UTC(Number(y), Number(mo) - 1, Number(d), Number(h), Number(mi), Number(s), Number(frac.padEnd(3, '0').slice(0, 3)));
  const check = new Date(wall);
  if (Number.isNaN(wall) || check.getUTCDate() !== Number(d) || check.getUTCMonth() !== Number(mo) - 1 || Number(h) > 23 || Number(mi) > 59 || Number(s) > 59) return bad;
  if (zone === undefined) {
    // The offset in force at that wall time: try the offset at the guess, then correct once (DST edges).
    const first = wall - pragueOffsetMinutes(wall) * 60_000;
    return { value: wall - pragueOffsetMinutes(first) * 60_000 };
  }
  if (/^z$/i.test(zone)) return { value: wall };
  const z = zone.replace(':', '');
  const sign = zone.startsWith('-') ? -1 : 1;
  const minutes = Number(z.slice(-4, -2)) * 60 + Number(z.slice(-2));
  return { value: wall - sign * minutes * 60_000 };
}
