/**
 * Seeded randomness. Nothing in generators/ may call Math.random or read the clock (DESIGN.md):
 * every draw comes from an Rng seeded from the caller's seed, so the same inputs give the same
 * bytes on every machine.
 */

/** A 32-bit FNV-1a hash of a string, then avalanched (murmur3 fmix32) so near-identical inputs differ. */
export function hashString(s: string, h = 0x811c9dc5): number {
  for (let i = 0; i < s.length; i++) {
    h ^= s.charCodeAt(i);
    h = Math.imul(h, 0x01000193);
  }
  return fmix32(h);
}

function fmix32(h: number): number {
  h ^= h >>> 16;
  h = Math.imul(h, 0x85ebca6b);
  h ^= h >>> 13;
  h = Math.imul(h, 0xc2b2ae35);
  h ^= h >>> 16;
  return h >>> 0;
}

/**
 * A seed as a 32-bit unsigned integer. Numbers that are already whole and in range are kept as
 * they are (so `--seed 7` means 7); other numbers and strings are hashed.
 */
export function hashSeed(seed: number | string): number {
  if (typeof seed === 'number' && Number.isInteger(seed) && seed >= 0 && seed <= 0xffffffff) return seed >>> 0;
  return hashString(typeof seed === 'number' ? `n:${seed}` : `s:${seed}`);
}

/** Mixes further inputs (event type, time, sequence number…) into a 32-bit seed. */
export function mixSeed(seed: number, ...parts: readonly (string | number)[]): number {
  let h = fmix32((seed ^ 0x9e3779b9) >>> 0);
  for (const p of parts) h = hashString(typeof p === 'number' ? String(p) : p, h ^ 0x5bd1e995);
  return h;
}

/**
 * Four independent 32-bit hashes of the same inputs: a 128-bit seed. A payload's Rng is seeded
 * with all four words (Rng.seedState), so two payloads share a random stream only when all their
 * inputs agree, and the Guids they draw use the full random space instead of the 2^32 streams a
 * 32-bit seed gives (at 200 000 events a 32-bit seed repeats a few times: the birthday bound).
 */
export function mixSeed128(seed: number, ...parts: readonly (string | number)[]): [number, number, number, number] {
  const words: number[] = [];
  for (let k = 0; k < 4; k++) {
    let h = fmix32(((seed ^ 0x9e3779b9) + Math.imul(k + 1, 0x632be59b)) >>> 0);
    for (const p of parts) h = hashString(typeof p === 'number' ? String(p) : p, h ^ (0x5bd1e995 + k));
    words.push(h);
  }
  return words as [number, number, number, number];
}

/**
 * The decimal digits of `n` as String(n) writes them, for hashing without building the string:
 * written least significant first into DIGITS, their count returned; -1 when `n` is not a
 * non-negative safe integer (the caller then hashes String(n)). Times and sequence numbers are
 * hashed four times per payload (mixSeed128), and number-to-string conversion was the main cost.
 */
const DIGITS = new Uint8Array(16);
function decimalDigits(n: number): number {
  if (!(n >= 0 && n <= Number.MAX_SAFE_INTEGER) || Math.floor(n) !== n) return -1;
  let len = 0;
  do {
    const d = n % 10;
    DIGITS[len++] = 48 + d;
    n = (n - d) / 10;
  } while (n > 0);
  return len;
}

/** hashString(String(n), h) for a number whose digits decimalDigits() left in DIGITS (`len` of them). */
function hashDigits(len: number, h: number): number {
  for (let i = len - 1; i >= 0; i--) {
    h ^= DIGITS[i] as number;
    h = Math.imul(h, 0x01000193);
  }
  return fmix32(h);
}

/**
 * mixSeed128(seed, provider, eventType, time, seq) of one event type, written into `out`: the same
 * four words, with the hashing of the two constant parts kept for the last seed seen (a CLI
 * `--count` and a bench use one seed throughout) and each number hashed from its digits.
 */
export class EventSeed {
  private seed = -1;
  private readonly prefix = [0, 0, 0, 0];
  readonly words: [number, number, number, number] = [0, 0, 0, 0];

  constructor(
    private readonly provider: string,
    private readonly eventType: string,
  ) {}

  mix(seed: number, time: number, seq: number): [number, number, number, number] {
    const { prefix, words } = this;
    if (seed !== this.seed) {
      for (let k = 0; k < 4; k++) {
        let h = fmix32(((seed ^ 0x9e3779b9) + Math.imul(k + 1, 0x632be59b)) >>> 0);
        h = hashString(this.provider, h ^ (0x5bd1e995 + k));
        prefix[k] = hashString(this.eventType, h ^ (0x5bd1e995 + k));
      }
      this.seed = seed;
    }
    const tLen = decimalDigits(time);
    const tText = tLen < 0 ? String(time) : '';
    for (let k = 0; k < 4; k++) {
      const salt = 0x5bd1e995 + k;
      const h = tLen < 0 ? hashString(tText, (prefix[k] as number) ^ salt) : hashDigits(tLen, (prefix[k] as number) ^ salt);
      words[k] = h;
    }
    // seq after time: its digits replace time's in DIGITS, so the time hashes above come first.
    const sLen = decimalDigits(seq);
    const sText = sLen < 0 ? String(seq) : '';
    for (let k = 0; k < 4; k++) {
      const salt = 0x5bd1e995 + k;
      words[k] = sLen < 0 ? hashString(sText, (words[k] as number) ^ salt) : hashDigits(sLen, (words[k] as number) ^ salt);
    }
    return words;
  }
}

/** A deterministic 32-bit hash of a number (used to derive sub-millisecond digits from an instant). */
export function hashNumber(n: number): number {
  const lo = n % 0x100000000;
  const hi = Math.floor(n / 0x100000000);
  return fmix32((fmix32(lo >>> 0) ^ Math.imul(hi | 0, 0x27d4eb2d)) >>> 0);
}

const HEX = '0123456789abcdef';

/**
 * sfc32 (Small Fast Counter, from PractRand): 128 bits of state, fast, passes BigCrush. It also
 * implements faker's Randomizer interface, so faker and our own draws share one stream.
 */
export class Rng {
  private a = 0;
  private b = 0;
  private c = 0;
  private d = 0;

  constructor(seed = 1) {
    this.seed(seed);
  }

  /** faker's Randomizer.seed. */
  seed(seed: number | number[]): void {
    const s = Array.isArray(seed) ? seed.reduce((h: number, x) => mixSeed(h, x), 0) : hashSeed(seed);
    // splitmix32 to spread one 32-bit seed over the 128-bit state.
    let x = s >>> 0;
    const next = (): number => {
      x = (x + 0x9e3779b9) >>> 0;
      let z = x;
      z = Math.imul(z ^ (z >>> 16), 0x85ebca6b);
      z = Math.imul(z ^ (z >>> 13), 0xc2b2ae35);
      return (z ^ (z >>> 16)) >>> 0;
    };
    this.a = next();
    this.b = next();
    this.c = next();
    this.d = next();
    for (let i = 0; i < 12; i++) this.u32();
  }

  /** Seeds the full 128-bit state (from mixSeed128), so distinct inputs give distinct streams. */
  seedState(words: readonly [number, number, number, number]): void {
    const [a, b, c, d] = words;
    this.a = a | 0;
    this.b = b | 0;
    this.c = c | 0;
    this.d = d | 0;
    // sfc32 must not start all-zero; the warm-up spreads the words over the state.
    if ((this.a | this.b | this.c | this.d) === 0) this.d = 1;
    for (let i = 0; i < 12; i++) this.u32();
  }

  /** A uniform unsigned 32-bit integer. */
  u32(): number {
    const t = (((this.a + this.b) | 0) + this.d) | 0;
    this.d = (this.d + 1) | 0;
    this.a = this.b ^ (this.b >>> 9);
    this.b = (this.c + (this.c << 3)) | 0;
    this.c = (this.c << 21) | (this.c >>> 11);
    this.c = (this.c + t) | 0;
    return t >>> 0;
  }

  /** faker's Randomizer.next: a float in [0, 1). */
  next(): number {
    return this.u32() / 0x100000000;
  }

  /** A whole number in [min, max] (both included). */
  int(min: number, max: number): number {
    if (max <= min) return min;
    const span = max - min + 1;
    if (span <= 0x100000000) return min + Math.floor(this.next() * span);
    return min + Math.floor((this.u32() * 0x100000000 + this.u32()) / 2 ** 64 * span);
  }

  /** A float in [min, max), rounded to `digits` decimals. */
  float(min: number, max: number, digits = 2): number {
    const f = 10 ** digits;
    return Math.round((min + this.next() * (max - min)) * f) / f;
  }

  /** true with probability p. */
  bool(p = 0.5): boolean {
    return this.next() < p;
  }

  pick<T>(items: readonly T[]): T {
    if (items.length === 0) throw new Error('pick from an empty list');
    return items[Math.floor(this.next() * items.length)] as T;
  }

  /** Picks by weight: `weighted([['Chat', 6], ['Phone', 3]])`. */
  weighted<T>(items: readonly (readonly [T, number])[]): T {
    let total = 0;
    for (const [, w] of items) total += w;
    let r = this.next() * total;
    for (const [v, w] of items) {
      r -= w;
      if (r < 0) return v;
    }
    return (items[items.length - 1] as readonly [T, number])[0];
  }

  /** `n` distinct items (or all of them when there are fewer), in random order. */
  sample<T>(items: readonly T[], n: number): T[] {
    const copy = items.slice();
    const out: T[] = [];
    while (out.length < n && copy.length > 0) out.push(copy.splice(Math.floor(this.next() * copy.length), 1)[0] as T);
    return out;
  }

  /** `n` random decimal digits. */
  digits(n: number): string {
    let s = '';
    for (let i = 0; i < n; i++) s += String(Math.floor(this.next() * 10));
    return s;
  }

  /** A random (version 4) Guid, lowercase, as Json.NET writes System.Guid. */
  guid(): string {
    let s = '';
    for (let w = 0; w < 4; w++) {
      let x = this.u32();
      for (let i = 0; i < 8; i++) {
        const pos = w * 8 + i;
        let nibble = x & 15;
        x >>>= 4;
        if (pos === 12) nibble = 4;
        else if (pos === 16) nibble = 8 | (nibble & 3);
        s += HEX[nibble];
        if (pos === 7 || pos === 11 || pos === 15 || pos === 19) s += '-';
      }
    }
    return s;
  }
}
