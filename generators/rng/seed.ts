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
 * The decimal digits of `n` as String(n) writes them, for hashing without building the string:
 * written least significant first into DIGITS, their count returned; -1 when `n` is not a
 * non-negative safe integer (the caller then hashes String(n)). Times and sequence numbers are
 * hashed four times per payload (mixSeed128), and number-to-string conversion was the main cost.
 */
const DIGITS = new Int32Array(16);
function decimalDigits(n: number): number {
  if (!(n >= 0 && n <= Number.MAX_SAFE_INTEGER) || Math.floor(n) !== n) return -1;
  // % on a number beyond 32 bits is a slow floating-point remainder: one splits a time (13
  // digits) into two 32-bit halves, whose digits come from integer arithmetic.
  if (n < 0x80000000) return int32Digits(n | 0, 0, 0);
  const low = n % 1e8;
  const len = int32Digits(low | 0, 0, 8);
  return int32Digits(((n - low) / 1e8) | 0, len, 0);
}

/** Appends the digits of `x` (≥ 0, at least `width` of them, zero-padded) to DIGITS from `at`; the new count. */
function int32Digits(x: number, at: number, width: number): number {
  let len = at;
  do {
    const q = (x / 10) | 0;
    DIGITS[len++] = 48 + x - q * 10;
    x = q;
  } while (x > 0);
  while (len - at < width) DIGITS[len++] = 48;
  return len;
}

const FNV_PRIME = 0x01000193;
const SALT = 0x5bd1e995;

/**
 * mixSeed128(seed, provider, eventType, time, seq) of one event type, written into `words`: the
 * same four words, faster. The hashing of the two constant parts is kept for the last seed seen
 * (a CLI `--count` and a bench use one seed throughout); each number is hashed from its digits,
 * the four words side by side; and the FNV state after all but the last four digits of the time
 * is kept too, since the times of a sequence share their leading digits.
 */
export class EventSeed {
  private seed = -1;
  private p0 = 0;
  private p1 = 0;
  private p2 = 0;
  private p3 = 0;
  /** The time's leading digits (time / 10^4) whose FNV states h0..h3 are kept, -1: none. */
  private lead = -1;
  private h0 = 0;
  private h1 = 0;
  private h2 = 0;
  private h3 = 0;
  readonly words: [number, number, number, number] = [0, 0, 0, 0];

  constructor(
    private readonly provider: string,
    private readonly eventType: string,
  ) {}

  mix(seed: number, time: number, seq: number): [number, number, number, number] {
    if (seed !== this.seed) {
      const pre = (k: number): number => {
        const h = hashString(this.provider, fmix32(((seed ^ 0x9e3779b9) + Math.imul(k + 1, 0x632be59b)) >>> 0) ^ (SALT + k));
        return hashString(this.eventType, h ^ (SALT + k));
      };
      this.p0 = pre(0);
      this.p1 = pre(1);
      this.p2 = pre(2);
      this.p3 = pre(3);
      this.seed = seed;
      this.lead = -1;
    }
    let w0: number;
    let w1: number;
    let w2: number;
    let w3: number;
    // A time's digits: its leading ones (time / 10^4, most significant first), then the last four.
    // The FNV states after the leading digits are kept: the times of a sequence share them.
    const lead = Math.floor(time / 10_000);
    const tail = time - lead * 10_000;
    if (!(time >= 0 && time <= Number.MAX_SAFE_INTEGER) || Math.floor(time) !== time) {
      const text = String(time);
      w0 = hashString(text, this.p0 ^ SALT);
      w1 = hashString(text, this.p1 ^ (SALT + 1));
      w2 = hashString(text, this.p2 ^ (SALT + 2));
      w3 = hashString(text, this.p3 ^ (SALT + 3));
    } else {
      let h0: number;
      let h1: number;
      let h2: number;
      let h3: number;
      if (lead === this.lead) {
        h0 = this.h0;
        h1 = this.h1;
        h2 = this.h2;
        h3 = this.h3;
      } else {
        h0 = this.p0 ^ SALT;
        h1 = this.p1 ^ (SALT + 1);
        h2 = this.p2 ^ (SALT + 2);
        h3 = this.p3 ^ (SALT + 3);
        if (lead > 0) {
          for (let i = decimalDigits(lead) - 1; i >= 0; i--) {
            const c = DIGITS[i] as number;
            h0 = Math.imul(h0 ^ c, FNV_PRIME);
            h1 = Math.imul(h1 ^ c, FNV_PRIME);
            h2 = Math.imul(h2 ^ c, FNV_PRIME);
            h3 = Math.imul(h3 ^ c, FNV_PRIME);
          }
        }
        this.lead = lead;
        this.h0 = h0;
        this.h1 = h1;
        this.h2 = h2;
        this.h3 = h3;
      }
      // The last four digits, zero-padded after leading ones; alone (a time below 10 000) as written.
      if (lead > 0) {
        const t = tail | 0;
        const c3 = 48 + ((t / 1000) | 0);
        const c2 = 48 + (((t / 100) | 0) % 10);
        const c1 = 48 + (((t / 10) | 0) % 10);
        const c0 = 48 + (t % 10);
        h0 = Math.imul(Math.imul(Math.imul(Math.imul(h0 ^ c3, FNV_PRIME) ^ c2, FNV_PRIME) ^ c1, FNV_PRIME) ^ c0, FNV_PRIME);
        h1 = Math.imul(Math.imul(Math.imul(Math.imul(h1 ^ c3, FNV_PRIME) ^ c2, FNV_PRIME) ^ c1, FNV_PRIME) ^ c0, FNV_PRIME);
        h2 = Math.imul(Math.imul(Math.imul(Math.imul(h2 ^ c3, FNV_PRIME) ^ c2, FNV_PRIME) ^ c1, FNV_PRIME) ^ c0, FNV_PRIME);
        h3 = Math.imul(Math.imul(Math.imul(Math.imul(h3 ^ c3, FNV_PRIME) ^ c2, FNV_PRIME) ^ c1, FNV_PRIME) ^ c0, FNV_PRIME);
      } else {
        for (let i = decimalDigits(tail) - 1; i >= 0; i--) {
          const c = DIGITS[i] as number;
          h0 = Math.imul(h0 ^ c, FNV_PRIME);
          h1 = Math.imul(h1 ^ c, FNV_PRIME);
          h2 = Math.imul(h2 ^ c, FNV_PRIME);
          h3 = Math.imul(h3 ^ c, FNV_PRIME);
        }
      }
      w0 = fmix32(h0);
      w1 = fmix32(h1);
      w2 = fmix32(h2);
      w3 = fmix32(h3);
    }
    const sLen = decimalDigits(seq);
    const words = this.words;
    if (sLen < 0) {
      const text = String(seq);
      words[0] = hashString(text, w0 ^ SALT);
      words[1] = hashString(text, w1 ^ (SALT + 1));
      words[2] = hashString(text, w2 ^ (SALT + 2));
      words[3] = hashString(text, w3 ^ (SALT + 3));
      return words;
    }
    let h0 = w0 ^ SALT;
    let h1 = w1 ^ (SALT + 1);
    let h2 = w2 ^ (SALT + 2);
    let h3 = w3 ^ (SALT + 3);
    for (let i = sLen - 1; i >= 0; i--) {
      const c = DIGITS[i] as number;
      h0 = Math.imul(h0 ^ c, FNV_PRIME);
      h1 = Math.imul(h1 ^ c, FNV_PRIME);
      h2 = Math.imul(h2 ^ c, FNV_PRIME);
      h3 = Math.imul(h3 ^ c, FNV_PRIME);
    }
    words[0] = fmix32(h0);
    words[1] = fmix32(h1);
    words[2] = fmix32(h2);
    words[3] = fmix32(h3);
    return words;
  }
}

/** A deterministic 32-bit hash of a number (used to derive sub-millisecond digits from an instant). */
export function hashNumber(n: number): number {
  // n % 2^32, without the slow floating-point remainder: n/2^32 is exact, and so is the difference.
  const lo = n - Math.trunc(n / 0x100000000) * 0x100000000;
  const hi = Math.floor(n / 0x100000000);
  return fmix32((fmix32(lo >>> 0) ^ Math.imul(hi | 0, 0x27d4eb2d)) >>> 0);
}

const HEX_CODES = Array.from('0123456789abcdef', (c) => c.charCodeAt(0));

/**
 * Strings are made from character codes in one go: built `s += c` a character at a time, a Guid
 * was a chain of 36 string pieces that every later reader (the schema check's regular
 * expression, JSON.stringify) first had to copy into one, at twice the cost of making it.
 * CODES[n] is a reusable array of n character codes.
 */
const CODES: number[][] = Array.from({ length: 40 }, (_, n) => new Array<number>(n).fill(0));

/** The items of a weighted() list, taken apart once (for lists drawn from on every payload). */
export class WeightTable<T> {
  readonly values: T[];
  readonly weights: number[];
  /** Summed in the same order as weighted() does, so both draw the same. */
  readonly total: number;

  constructor(items: readonly (readonly [T, number])[]) {
    this.values = items.map((x) => x[0]);
    this.weights = items.map((x) => x[1]);
    let total = 0;
    for (const w of this.weights) total += w;
    this.total = total;
  }
}

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
    let a = words[0] | 0;
    let b = words[1] | 0;
    let c = words[2] | 0;
    let d = words[3] | 0;
    // sfc32 must not start all-zero; the warm-up spreads the words over the state (u32() twelve
    // times, on locals: this runs once per payload).
    if ((a | b | c | d) === 0) d = 1;
    for (let i = 0; i < 12; i++) {
      const t = (((a + b) | 0) + d) | 0;
      d = (d + 1) | 0;
      a = b ^ (b >>> 9);
      b = (c + (c << 3)) | 0;
      c = (c << 21) | (c >>> 11);
      c = (c + t) | 0;
    }
    this.a = a;
    this.b = b;
    this.c = c;
    this.d = d;
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
    for (let i = 0; i < items.length; i++) total += (items[i] as readonly [T, number])[1];
    let r = this.next() * total;
    for (let i = 0; i < items.length; i++) {
      const item = items[i] as readonly [T, number];
      r -= item[1];
      if (r < 0) return item[0];
    }
    return (items[items.length - 1] as readonly [T, number])[0];
  }

  /** weighted() of a table made once: the same draw, without summing the weights each time. */
  weightedFrom<T>(table: WeightTable<T>): T {
    const { values, weights } = table;
    let r = this.next() * table.total;
    for (let i = 0; i < weights.length; i++) {
      r -= weights[i] as number;
      if (r < 0) return values[i] as T;
    }
    return values[values.length - 1] as T;
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
    const codes = CODES[n] ?? new Array<number>(Math.max(0, n)).fill(0);
    for (let i = 0; i < n; i++) codes[i] = 48 + Math.floor(this.next() * 10);
    return String.fromCharCode.apply(null, codes);
  }

  /** A random (version 4) Guid, lowercase, as Json.NET writes System.Guid. */
  guid(): string {
    const codes = CODES[36] as number[];
    let k = 0;
    for (let w = 0; w < 4; w++) {
      let x = this.u32();
      for (let i = 0; i < 8; i++) {
        const pos = w * 8 + i;
        let nibble = x & 15;
        x >>>= 4;
        if (pos === 12) nibble = 4;
        else if (pos === 16) nibble = 8 | (nibble & 3);
        codes[k++] = HEX_CODES[nibble] as number;
        if (pos === 7 || pos === 11 || pos === 15 || pos === 19) codes[k++] = 45; // '-'
      }
    }
    return String.fromCharCode.apply(null, codes);
  }
}
