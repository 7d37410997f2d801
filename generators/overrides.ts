/**
 * Overrides by JSON path: `data.userId=2710`, `CallerNumber=+358401234567`,
 * `CallbackAttempts[0].Note="Ei vastannut"`, `data.params["číslo ŘP"]=123`.
 */
import { ProviderMockError } from '../contracts/errors.ts';

export type PathSegment = string | number;

const IDENT = /^[A-Za-z_$][\w$]*$/;

function badPath(path: string, why: string): ProviderMockError {
  return new ProviderMockError('PM_BAD_OVERRIDE', `bad override path: ${why}`, {
    where: path,
    hint: 'a JSON path of dot names and [index] / ["key"] brackets, e.g. data.userId or CallbackAttempts[0].Note',
  });
}

/** `data.items[0]["a b"]` → ['data', 'items', 0, 'a b']. A leading `$` or `$.` is allowed. */
export function parsePath(path: string): PathSegment[] {
  let s = path.trim();
  if (s.startsWith('$')) s = s.slice(1);
  if (s.startsWith('.')) s = s.slice(1);
  const out: PathSegment[] = [];
  let i = 0;
  let expectName = true;
  while (i < s.length) {
    const ch = s[i];
    if (ch === '[') {
      const close = s.indexOf(']', i);
      if (close < 0) throw badPath(path, 'unclosed [');
      const inner = s.slice(i + 1, close).trim();
      if (/^\d+$/.test(inner)) out.push(Number(inner));
      else if (/^"(?:[^"\\]|\\.)*"$/.test(inner)) out.push(JSON.parse(inner) as string);
      else if (/^'[^']*'$/.test(inner)) out.push(inner.slice(1, -1));
      else throw badPath(path, `[${inner}] is neither an index nor a quoted key`);
      i = close + 1;
      expectName = false;
      continue;
    }
    if (ch === '.') {
      if (expectName) throw badPath(path, 'empty name');
      i++;
      expectName = true;
      if (i >= s.length) throw badPath(path, 'ends with a dot');
      continue;
    }
    if (!expectName) throw badPath(path, `unexpected "${ch}" (a dot or [ was expected)`);
    let j = i;
    while (j < s.length && s[j] !== '.' && s[j] !== '[') j++;
    const name = s.slice(i, j);
    if (!name) throw badPath(path, 'empty name');
    out.push(name);
    i = j;
    expectName = false;
  }
  if (out.length === 0) throw badPath(path, 'empty path');
  return out;
}

/** ['data', 'items', 0, 'a b'] → `$.data.items[0]["a b"]` (the form validation issues use). */
export function formatPath(segments: readonly PathSegment[]): string {
  return (
    '$' +
    segments.map((seg) => (typeof seg === 'number' ? `[${seg}]` : IDENT.test(seg) ? `.${seg}` : `[${JSON.stringify(seg)}]`)).join('')
  );
}

/**
 * `path=value` → [path, value]. The value is parsed as JSON when it parses (`2710`, `null`,
 * `true`, `"2710"`, `{"a":1}`), otherwise taken as a string (`+358401234567`, `Dobrý den`).
 */
export function parseOverride(text: string): [path: string, value: unknown] {
  const eq = text.indexOf('=');
  if (eq <= 0) {
    throw new ProviderMockError('PM_BAD_OVERRIDE', `bad override "${text}": expected path=value`, {
      where: text,
      hint: 'e.g. data.userId=2710 or CallerNumber=+358401234567',
    });
  }
  const path = text.slice(0, eq).trim();
  parsePath(path);
  const raw = text.slice(eq + 1);
  let value: unknown;
  try {
    value = JSON.parse(raw);
  } catch {
    value = raw;
  }
  return [path, value];
}

function describeKind(v: unknown): string {
  return v === null ? 'null' : Array.isArray(v) ? 'an array' : typeof v === 'object' ? 'an object' : `a ${typeof v}`;
}

/** Sets one path in place, creating missing objects/arrays on the way. */
function setPath(root: unknown, path: string, value: unknown): void {
  const segs = parsePath(path);
  if (root === null || typeof root !== 'object') throw badPath(path, 'the payload is not an object');
  let cur = root as Record<string | number, unknown>;
  for (let i = 0; i < segs.length; i++) {
    const seg = segs[i] as PathSegment;
    const last = i === segs.length - 1;
    const here = formatPath(segs.slice(0, i));
    if (typeof seg === 'number') {
      if (!Array.isArray(cur)) throw badPath(path, `${here} is ${describeKind(cur)}, not an array, so [${seg}] does not apply`);
      if (seg > cur.length) throw badPath(path, `index ${seg} is out of range: ${here} has ${cur.length} item(s), so use 0 to ${cur.length}`);
    } else if (Array.isArray(cur)) {
      throw badPath(path, `${here} is an array: use an [index], not .${seg}`);
    }
    if (last) {
      cur[seg] = value;
      return;
    }
    let next = cur[seg];
    if (next === undefined || next === null) {
      next = typeof segs[i + 1] === 'number' ? [] : {};
      cur[seg] = next;
    } else if (typeof next !== 'object') {
      throw badPath(path, `${formatPath(segs.slice(0, i + 1))} is ${describeKind(next)}; nothing can be set inside it`);
    }
    cur = next as Record<string | number, unknown>;
  }
}

/** A deep copy as JSON would give it; a string, boolean, finite number or null is its own copy (most override values are). */
function clone<T>(v: T): T {
  if (v === undefined || v === null || typeof v === 'string' || typeof v === 'boolean' || (typeof v === 'number' && Number.isFinite(v))) return v;
  return JSON.parse(JSON.stringify(v)) as T;
}

/** A copy of `payload` with every override applied, in insertion order. The input is not changed. */
export function applyOverrides(payload: unknown, overrides: Record<string, unknown>): unknown {
  const out = clone(payload);
  for (const [path, value] of Object.entries(overrides)) setPath(out, path, clone(value));
  return out;
}

/** Applies overrides to a payload the caller owns (no copy). */
export function applyOverridesInPlace(payload: unknown, overrides: Record<string, unknown>): void {
  for (const [path, value] of Object.entries(overrides)) setPath(payload, path, clone(value));
}
