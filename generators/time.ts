/**
 * Timestamps in each provider's wire format. Pure functions of an instant (ms since the epoch):
 * no clock is read here. The sub-millisecond digits the providers send are derived from the
 * instant itself (a hash), so one instant always prints the same way, in every event that
 * mentions it, while a run still shows the fraction-digit variety of the docs.
 */
import type { Provider } from '../contracts/provider.ts';
import { hashNumber } from './rng/seed.ts';

/** The instant events happen at when neither `time` nor `context.now` says otherwise. */
export const DEFAULT_TIME = Date.UTC(2024, 4, 2, 6, 58, 58, 888); // 2024-05-02T06:58:58.888Z (08:58:58.888 in Prague, the doc's lifecycle table)

/** .NET DateTime.MinValue as Json.NET writes it: Enreach's "unset" DateTime (docs/providers.md E10). */
export const ENREACH_MIN_DATETIME = '0001-01-01T00:00:00';
/** .NET DateTime.MaxValue: Enreach's EndTime of a continuous availability state (docs/providers.md E9). */
export const ENREACH_MAX_DATETIME = '9999-12-31T23:59:59.9999999';

const HOUR = 3_600_000;

/** Last Sunday of a month, 01:00 UTC: when EU summer time starts (March) or ends (October). */
function lastSundayOneUtc(year: number, month: number): number {
  const lastDay = new Date(Date.UTC(year, month + 1, 0));
  const day = lastDay.getUTCDate() - lastDay.getUTCDay();
  return Date.UTC(year, month, day, 1, 0, 0);
}

/**
 * Whether EU summer time is in force at an instant (Directive 2000/84/EC: from 01:00 UTC on the
 * last Sunday of March to 01:00 UTC on the last Sunday of October, in every EU time zone).
 */
function isEuSummerTime(ms: number): boolean {
  // The last year asked about is kept: every timestamp of a payload (and of a run) falls in it.
  if (!(ms >= summer.yearStart && ms < summer.yearEnd)) {
    const year = new Date(ms).getUTCFullYear();
    // (Date.UTC reads years 0..99 as 1900..1999: such a year's range never matches, so it is not cached.)
    summer = { yearStart: Date.UTC(year, 0, 1), yearEnd: Date.UTC(year + 1, 0, 1), start: lastSundayOneUtc(year, 2), end: lastSundayOneUtc(year, 9) };
  }
  return ms >= summer.start && ms < summer.end;
}
let summer = { yearStart: 0, yearEnd: 0, start: 0, end: 0 };

/** Offset in hours from UTC of an EU zone whose standard offset is `standardHours` (Prague 1, Helsinki 2). */
export function euOffsetHours(ms: number, standardHours: number): number {
  return standardHours + (isEuSummerTime(ms) ? 1 : 0);
}

const pad2 = (n: number): string => (n < 10 ? `0${n}` : String(n));
/** `00` … `59`: hours, minutes and seconds without a conversion per timestamp. */
const PAD2 = Array.from({ length: 60 }, (_, i) => pad2(i));
const DAY = 86_400_000;
/** The largest instant a Date holds (±100 000 000 days). */
const MAX_DATE = 8.64e15;

function wallClock(d: Date): string {
  const y = d.getUTCFullYear();
  return `${y < 1000 ? String(y).padStart(4, '0') : y}-${pad2(d.getUTCMonth() + 1)}-${pad2(d.getUTCDate())}T${pad2(d.getUTCHours())}:${pad2(d.getUTCMinutes())}:${pad2(d.getUTCSeconds())}`;
}

/**
 * wallClock() of a whole-second instant: the date part (`2024-05-02T`) is kept for the last day
 * seen (the timestamps of a run share their days), the time of day is arithmetic.
 */
let dayNumber = Number.NaN;
let dayPrefix = '';
function wallClockOf(ms: number): string {
  if (!(Math.abs(ms) <= MAX_DATE)) return wallClock(new Date(ms)); // Invalid Date prints NaN, as before
  const day = Math.floor(ms / DAY);
  if (day !== dayNumber) {
    dayPrefix = wallClock(new Date(day * DAY)).slice(0, -8); // all but `00:00:00`
    dayNumber = day;
  }
  const secs = (ms - day * DAY) / 1000;
  const h = Math.floor(secs / 3600);
  const rest = secs - h * 3600;
  const m = Math.floor(rest / 60);
  return `${dayPrefix}${PAD2[h] as string}:${PAD2[m] as string}:${PAD2[rest - m * 60] as string}`;
}

/** `000` … `999`, and the same with trailing zeros trimmed (`120` → `12`, `005` → `005`, `000` → ``). */
const D3 = Array.from({ length: 1000 }, (_, i) => String(i).padStart(3, '0'));
const T3 = D3.map((d) => d.replace(/0+$/, ''));
const D2 = Array.from({ length: 100 }, (_, i) => String(i).padStart(2, '0'));
const T2 = D2.map((d) => d.replace(/0+$/, ''));

/** h % 100 of a 32-bit unsigned hash in integer arithmetic (on numbers beyond 2^31, % is a slow floating-point remainder). */
function mod100(h: number): number {
  return ((((h >>> 16) % 100) * 36 + (h & 0xffff)) % 100) | 0; // 65536 % 100 === 36
}

/**
 * fraction() of `a` (3 digits) followed by `b` (`bDigits` 0, 3 or 4 digits), both whole numbers in
 * range, from the digit tables: the fraction of a timestamp without a number-to-string per call.
 */
function fractionOf(a: number, b: number, bDigits: 0 | 3 | 4): string {
  if (bDigits === 3 && b !== 0) return `.${D3[a] as string}${T3[b] as string}`;
  if (bDigits === 4 && b !== 0) {
    const c = (b / 100) | 0;
    const d = b - c * 100;
    return d !== 0 ? `.${D3[a] as string}${D2[c] as string}${T2[d] as string}` : `.${D3[a] as string}${T2[c] as string}`;
  }
  return a !== 0 ? `.${T3[a] as string}` : '';
}

const OFFSETS = ['+00:00', '+01:00', '+02:00', '+03:00'];

/** `.1234567` with trailing zeros trimmed, or '' when all digits are zero. */
function fraction(digits: string): string {
  let end = digits.length;
  while (end > 0 && digits.charCodeAt(end - 1) === 48) end--;
  return end ? `.${digits.slice(0, end)}` : '';
}

/** Precision of a mluvii instant: microseconds (most examples), milliseconds (`.262`), whole seconds (`14:40:38`). */
export type MluviiPrecision = 'us' | 'ms' | 's';

/** The calendar date in Prague-style local time of an EU zone, `YYYY-MM-DD`. */
export function euLocalDate(ms: number, standardHours: number): string {
  return wallClock(new Date(ms + euOffsetHours(ms, standardHours) * HOUR)).slice(0, 10);
}

/**
 * mluvii DateTimeOffset: Europe/Prague local time with its offset (+01:00 in winter, +02:00 in
 * summer), trailing zero fraction digits trimmed (docs/providers.md M16: `2024-05-06T15:31:14.63027+02:00`,
 * `2024-05-06T14:33:06.262+02:00`, `2024-05-09T14:40:38+02:00`).
 */
export function formatMluvii(ms: number, precision?: MluviiPrecision): string {
  const offset = euOffsetHours(ms, 1);
  const whole = Math.floor(ms / 1000) * 1000;
  const h = hashNumber(ms);
  const p = precision ?? (mod100(h) < 7 ? 'ms' : 'us');
  const millis = ms - whole;
  let frac = '';
  const exact = (millis | 0) === millis && millis >= 0 && millis < 1000; // a whole millisecond (an instant may have a fraction of one)
  if (p === 'ms') frac = exact ? fractionOf(millis, 0, 0) : fraction(String(millis).padStart(3, '0'));
  else if (p === 'us') frac = exact ? fractionOf(millis, (h >>> 8) % 1000, 3) : fraction(String(millis * 1000 + ((h >>> 8) % 1000)).padStart(6, '0'));
  return `${wallClockOf(whole + offset * HOUR)}${frac}${OFFSETS[offset] ?? `+${pad2(offset)}:00`}`;
}

/**
 * Enreach DateTime (docs/providers.md E10): UTC, .NET ticks (up to 7 fraction digits, trailing zeros trimmed).
 * `Timestamp` carries a `Z` as in the reference examples; the other DateTime properties
 * (StartTime, CreationTime, Modified…) are written without one.
 */
export function formatEnreach(ms: number, withZ: boolean): string {
  const whole = Math.floor(ms / 1000) * 1000;
  const h = hashNumber(ms);
  const bucket = mod100(h);
  const millis = ms - whole;
  const exact = (millis | 0) === millis && millis >= 0 && millis < 1000;
  // The docs show whole seconds (2020-01-01T12:00:00Z) and short fractions (08:01:23.45);
  // a live .NET clock gives 7 digits. Mostly ticks, sometimes the shorter forms; a shorter form
  // never drops milliseconds the instant has, so printed times keep the order of the instants.
  const frac = exact
    ? fractionOf(millis, bucket < 25 ? 0 : (h >>> 8) % 10_000, bucket < 25 ? 0 : 4)
    : bucket < 25
      ? fraction(String(millis).padStart(3, '0'))
      : fraction(String(millis * 10_000 + ((h >>> 8) % 10_000)).padStart(7, '0'));
  return `${wallClockOf(whole)}${frac}${withZ ? 'Z' : ''}`;
}

/**
 * An instant in a provider's wire format. mluvii: local Prague time with offset (both kinds).
 * Enreach: `timestamp` = the common `Timestamp` property (UTC with Z); `datetime` = every other
 * DateTime property (UTC without Z).
 */
export function formatTime(provider: Provider, ms: number, kind: 'timestamp' | 'datetime' = 'timestamp'): string {
  if (!Number.isFinite(ms)) throw new RangeError(`formatTime: not a time: ${ms}`);
  return provider === 'mluvii' ? formatMluvii(ms) : formatEnreach(ms, kind === 'timestamp');
}
