import type { Rng } from './rng.ts';
import { CODES, scenarioError } from './errors.ts';

/**
 * Timing in the scenario language:
 *   `20s`, `1.5m`, `500ms`, `2h`, `0`            a fixed delay
 *   `5s..60s`                                     uniform in the range
 *   `{ exp: 30s }`                                exponential with that mean (waiting times)
 *   `{ normal: 30s, sd: 5s }`                     normal, never below 0
 *   `min:` / `max:` on a distribution             clamp it
 */
export type DurationSpec =
  | { kind: 'fixed'; ms: number }
  | { kind: 'uniform'; min: number; max: number }
  | { kind: 'exp'; mean: number; min: number; max: number }
  | { kind: 'normal'; mean: number; sd: number; min: number; max: number };

const DURATION_HINT =
  'a duration is a number with a unit (500ms, 20s, 1.5m, 2h), a range 5s..60s, or a distribution { exp: 30s } / { normal: 30s, sd: 5s } with optional min/max';

const UNITS: Record<string, number> = { ms: 1, s: 1000, m: 60_000, min: 60_000, h: 3_600_000 };

/** `20s` → 20000; undefined if the text is not one duration. */
function parseMs(text: string): number | undefined {
  const m = /^\s*(\d+(?:\.\d+)?)\s*(ms|s|min|m|h)\s*$/.exec(text);
  if (!m) return /^\s*0\s*$/.test(text) ? 0 : undefined;
  return Math.round(Number(m[1]) * (UNITS[m[2] ?? ''] ?? NaN));
}

function bad(raw: unknown, where: string, why?: string): never {
  throw scenarioError(CODES.badDuration, `bad duration ${JSON.stringify(raw)}${why ? `: ${why}` : ''}`, { where, hint: DURATION_HINT });
}

function one(raw: unknown, where: string): number {
  if (typeof raw === 'number' && raw === 0) return 0;
  if (typeof raw !== 'string') bad(raw, where, typeof raw === 'number' ? 'a number needs a unit' : undefined);
  const ms = parseMs(raw);
  if (ms === undefined) bad(raw, where);
  return ms;
}

/** Parses a duration as written in a scenario; errors name the location and the accepted forms. */
export function parseDuration(raw: unknown, where: string): DurationSpec {
  if (typeof raw === 'number') return { kind: 'fixed', ms: one(raw, where) };
  if (typeof raw === 'string') {
    const parts = raw.split('..');
    if (parts.length === 2) {
      const min = one(parts[0] ?? '', where);
      const max = one(parts[1] ?? '', where);
      if (max < min) bad(raw, where, 'the range ends before it starts');
      return { kind: 'uniform', min, max };
    }
    return { kind: 'fixed', ms: one(raw, where) };
  }
  if (raw !== null && typeof raw === 'object' && !Array.isArray(raw)) {
    const o = raw as Record<string, unknown>;
    const min = o['min'] === undefined ? 0 : one(o['min'], where);
    const max = o['max'] === undefined ? Infinity : one(o['max'], where);
    if (max < min) bad(raw, where, 'max is below min');
    if (o['exp'] !== undefined && o['normal'] === undefined) {
      if (o['sd'] !== undefined) bad(raw, where, 'sd belongs to normal, not exp');
      return { kind: 'exp', mean: one(o['exp'], where), min, max };
    }
    if (o['normal'] !== undefined && o['exp'] === undefined) {
      if (o['sd'] === undefined) bad(raw, where, 'normal needs sd');
      return { kind: 'normal', mean: one(o['normal'], where), sd: one(o['sd'], where), min, max };
    }
    bad(raw, where, 'name exactly one distribution: exp or normal');
  }
  bad(raw, where);
}

const clamp = (v: number, min: number, max: number): number => Math.min(max, Math.max(min, v));

/** Draws one delay in whole milliseconds. Fixed delays draw nothing, so adding one keeps other draws. */
export function sample(spec: DurationSpec, rng: Rng): number {
  switch (spec.kind) {
    case 'fixed':
      return spec.ms;
    case 'uniform':
      return spec.min + Math.round(rng.next() * (spec.max - spec.min));
    case 'exp':
      return Math.round(clamp(-Math.log(1 - rng.next()) * spec.mean, spec.min, spec.max));
    case 'normal':
      return Math.round(clamp(spec.mean + rng.normal() * spec.sd, spec.min, spec.max));
  }
}

/** Arrival rates: `2/s`, `30/m`, `120/h` → mean gap in ms. */
export function parseRate(raw: unknown, where: string): number {
  const m = typeof raw === 'string' ? /^\s*(\d+(?:\.\d+)?)\s*\/\s*(ms|s|min|m|h)\s*$/.exec(raw) : null;
  const n = Number(m?.[1]);
  const unit = UNITS[m?.[2] ?? ''];
  if (!m || !unit || !(n > 0)) {
    throw scenarioError(CODES.badDuration, `bad rate ${JSON.stringify(raw)}`, { where, hint: 'a rate is a count per unit: 2/s, 30/m, 120/h' });
  }
  return unit / n;
}

/** `3`, `3..8` → an inclusive integer range. */
export function parseCount(raw: unknown, where: string, what = 'repeat'): { min: number; max: number } {
  if (typeof raw === 'number' && Number.isInteger(raw) && raw >= 0) return { min: raw, max: raw };
  const m = typeof raw === 'string' ? /^\s*(\d+)\s*(?:\.\.\s*(\d+)\s*)?$/.exec(raw) : null;
  if (m) {
    const min = Number(m[1]);
    const max = m[2] === undefined ? min : Number(m[2]);
    if (max >= min) return { min, max };
  }
  throw scenarioError(CODES.badValue, `bad ${what} ${JSON.stringify(raw)}`, { where, hint: `${what} is a whole number (3) or a range (3..8)` });
}

/** Offset as shown in tables: `+00:20.500`, `+1:02:03.000`. */
export function formatOffset(ms: number): string {
  const sign = ms < 0 ? '-' : '+';
  const abs = Math.abs(Math.round(ms));
  const h = Math.floor(abs / 3_600_000);
  const m = Math.floor((abs % 3_600_000) / 60_000);
  const s = Math.floor((abs % 60_000) / 1000);
  const f = abs % 1000;
  const mmss = `${String(m).padStart(2, '0')}:${String(s).padStart(2, '0')}.${String(f).padStart(3, '0')}`;
  return h > 0 ? `${sign}${h}:${mmss}` : `${sign}${mmss}`;
}
