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
  const year = new Date(ms).getUTCFullYear();
  return ms >= lastSundayOneUtc(year, 2) && ms < lastSundayOneUtc(year, 9);
}

/** Offset in hours from UTC of an EU zone whose standard offset is `standardHours` (Prague 1, Helsinki 2). */
export function euOffsetHours(ms: number, standardHours: number): number {
  return standardHours + (isEuSummerTime(ms) ? 1 : 0);
}

const pad2 = (n: number): string => (n < 10 ? `0${n}` : String(n));

function wallClock(d: Date): string {
  const y = d.getUTCFullYear();
  return `${y < 1000 ? String(y).padStart(4, '0') : y}-${pad2(d.getUTCMonth() + 1)}-${pad2(d.getUTCDate())}T${pad2(d.getUTCHours())}:${pad2(d.getUTCMinutes())}:${pad2(d.getUTCSeconds())}`;
}

/** `.1234567` with trailing zeros trimmed, or '' when all digits are zero. */
function fraction(digits: string): string {
  const t = digits.replace(/0+$/, '');
  return t ? `.${t}` : '';
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
  const d = new Date(whole + offset * HOUR);
  const h = hashNumber(ms);
  const p = precision ?? (h % 100 < 7 ? 'ms' : 'us');
  const millis = ms - whole;
  let frac = '';
  if (p === 'ms') frac = fraction(String(millis).padStart(3, '0'));
  else if (p === 'us') frac = fraction(String(millis * 1000 + ((h >>> 8) % 1000)).padStart(6, '0'));
  return `${wallClock(d)}${frac}+${pad2(offset)}:00`;
}

/**
 * Enreach DateTime (docs/providers.md E10): UTC, .NET ticks (up to 7 fraction digits, trailing zeros trimmed).
 * `Timestamp` carries a `Z` as in the reference examples; the other DateTime properties
 * (StartTime, CreationTime, Modified…) are written without one.
 */
export function formatEnreach(ms: number, withZ: boolean): string {
  const whole = Math.floor(ms / 1000) * 1000;
  const h = hashNumber(ms);
  const bucket = h % 100;
  const millis = ms - whole;
  // The docs show whole seconds (2020-01-01T12:00:00Z) and short fractions (08:01:23.45);
  // a live .NET clock gives 7 digits. Mostly ticks, sometimes the shorter forms; a shorter form
  // never drops milliseconds the instant has, so printed times keep the order of the instants.
  const frac =
    bucket < 25 ? fraction(String(millis).padStart(3, '0')) : fraction(String(millis * 10_000 + ((h >>> 8) % 10_000)).padStart(7, '0'));
  return `${wallClock(new Date(whole))}${frac}${withZ ? 'Z' : ''}`;
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
