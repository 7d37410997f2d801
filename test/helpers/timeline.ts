import { expect } from 'vitest';
import type { TimelineEntry } from '../../scenarios/index.ts';

/** Helpers for the invariants of built-in scenarios (test/contract/invariants/*.ts). */
export type T = readonly TimelineEntry[];
export type Invariant = (instance: T, seed: number) => void;

/** The body: mluvii's `data`, Enreach's flat payload. */
export function p(e: TimelineEntry): Record<string, unknown> {
  const body = e.provider === 'mluvii' ? (e.payload as { data: unknown }).data : e.payload;
  return body as Record<string, unknown>;
}
export function eventsOf(t: T, type: string | RegExp): TimelineEntry[] {
  return t.filter((e) => (typeof type === 'string' ? e.eventType === type : type.test(e.eventType)));
}
export function single(t: T, type: string): TimelineEntry {
  const hits = eventsOf(t, type);
  expect(hits, `exactly one ${type}`).toHaveLength(1);
  return hits[0] as TimelineEntry;
}
export function byEntity(t: T): Map<string, TimelineEntry[]> {
  const m = new Map<string, TimelineEntry[]>();
  for (const e of t) {
    const list = m.get(e.entityKey);
    if (list) list.push(e);
    else m.set(e.entityKey, [e]);
  }
  return m;
}
/** Every occurrence of each listed event type comes after every occurrence of the one before (types absent from t are skipped). */
export function assertOrder(t: T, types: readonly string[]): void {
  const present = types.filter((x) => t.some((e) => e.eventType === x));
  for (let i = 1; i < present.length; i++) {
    const a = present[i - 1] as string;
    const b = present[i] as string;
    const lastA = t.findLastIndex((e) => e.eventType === a);
    const firstB = t.findIndex((e) => e.eventType === b);
    expect(lastA, `${a} before ${b} in ${t.map((e) => e.eventType).join(' → ')}`).toBeLessThan(firstB);
  }
}
/** `a` comes before `b` (entries), by position and time. */
export function before(a: TimelineEntry, b: TimelineEntry, what = `${a.eventType} before ${b.eventType}`): void {
  expect(a.seq, what).toBeLessThan(b.seq);
  expect(a.at, what).toBeLessThanOrEqual(b.at);
}
export const distinct = (xs: readonly unknown[]): number => new Set(xs).size;

/** The payload's own time (mluvii time/started/ended; Enreach Timestamp), ms. */
export function payloadTime(e: TimelineEntry): number | undefined {
  const b = p(e);
  const raw = e.provider === 'mluvii' ? (b['time'] ?? b['ended'] ?? b['started']) : b['Timestamp'];
  if (typeof raw !== 'string') return undefined;
  return Date.parse(e.provider === 'enreach' && !/Z|[+-]\d\d:\d\d$/.test(raw) ? `${raw}Z` : raw);
}
