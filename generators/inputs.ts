/**
 * The seed and the instant as a user types them (a CLI flag, a query parameter, an API body),
 * read the same way by every command and route, so `--seed 7`, `?seed=7` and `{"seed": "7"}`
 * give the same payloads.
 */
import { ProviderMockError } from '../contracts/errors.ts';

/** The seed when none is given: the one the docs' outputs are printed with. */
export const DEFAULT_SEED = 1;

/** `7` → 7 (also `-7`), any other text → a string seed (hashed by the generators); empty is refused. */
export function parseSeed(raw: string | number | undefined, where: string): number | string {
  if (raw === undefined) return DEFAULT_SEED;
  if (typeof raw === 'number') return raw;
  const text = raw.trim();
  if (text === '') throw new ProviderMockError('PM_BAD_SEED', 'the seed is empty', { where, hint: 'a whole number (7) or any text (nightly); the same seed gives the same payloads' });
  return /^-?\d+$/.test(text) ? Number(text) : raw;
}

/**
 * An instant: ISO-8601 (`2024-05-06T15:00:00+02:00`), ms since the epoch, or `now` when the
 * caller passes its clock (generators never read it: DESIGN.md). `now` is floored to the second.
 */
export function parseInstant(raw: string | undefined, where: string, now?: () => number): number | undefined {
  if (raw === undefined) return undefined;
  const text = raw.trim();
  if (text === 'now' && now) return Math.floor(now() / 1000) * 1000;
  const ms = /^-?\d+$/.test(text) ? Number(text) : Date.parse(text);
  if (!Number.isFinite(ms)) {
    throw new ProviderMockError('PM_BAD_TIME', `${JSON.stringify(raw)} is not an instant: give an ISO-8601 date-time, ms since the epoch${now ? ' or "now"' : ''}`, {
      where,
      hint: 'e.g. 2024-05-06T15:00:00+02:00',
    });
  }
  return ms;
}
