import { CODES, scenarioError } from './errors.ts';
import { toText } from '../../contracts/text.ts';

/**
 * References in scenario values:
 *   ${joined.data.userId}            a value of an earlier step's payload (by step name)
 *   ${arrived.CallId:-none}          with a default when the step did not happen / the path is missing
 *   ${world.operators[1].userId}     the shared world (tenant, operators, queues…)
 *   ${params.count}                  a parameter (from `include: { with: … }` or the params defaults)
 *   ${context.sessionId}             the instance's context (ids in use)
 *   ${instance} / ${iteration}       the instance number (sessions: N) / the index in the innermost repeat
 *   ${world.users[instance].id}      round-robin: index = instance (or iteration) modulo the array length
 * A value that is exactly one reference keeps the referenced type (number, object…); a reference
 * inside a longer string is interpolated as text. `$${` writes a literal `${`.
 */

/** A property name, an index, or `[instance]` / `[iteration]`: round-robin over an array by that number. */
export type PathSeg = string | number | { mod: 'instance' | 'iteration' };

export const RESERVED_HEADS = ['world', 'params', 'context', 'instance', 'iteration'] as const;

interface RefCommon {
  /** The reference as written, e.g. `${joined.data.userId}`. */
  text: string;
  where: string;
  hasDefault: boolean;
  dflt: unknown;
}

/** A reference as parsed, before names are resolved: the dotted/bracketed path after `${`. */
export interface RawRef extends RefCommon {
  kind: 'raw';
  segs: PathSeg[];
  /** The include namespace the reference was written in ('' at the top level). */
  prefix: string;
}

export type Ref =
  | RawRef
  | (RefCommon & { kind: 'step'; name: string; path: PathSeg[] })
  | (RefCommon & { kind: 'world'; path: PathSeg[] })
  | (RefCommon & { kind: 'context'; path: PathSeg[] })
  | (RefCommon & { kind: 'param'; param: string; binding: Value; path: PathSeg[] })
  | (RefCommon & { kind: 'instance' })
  | (RefCommon & { kind: 'iteration' });

export type Value =
  | { k: 'lit'; v: unknown }
  | { k: 'ref'; ref: Ref }
  | { k: 'tpl'; parts: (string | Ref)[] }
  | { k: 'arr'; items: Value[] }
  | { k: 'obj'; entries: [string, Value][] };

const REF_HINT = 'write ${step.path}, ${step.path:-default}, ${world.…}, ${params.…}, ${context.…}, ${instance} or ${iteration}';

/** `a.b[0]["c d"]` → ['a', 'b', 0, 'c d'] */
export function parsePath(text: string, where: string, whole = text): PathSeg[] {
  const segs: PathSeg[] = [];
  const re = /\s*(?:(^|\.)([A-Za-z_$][A-Za-z0-9_$-]*)|\[(\d+)\]|\["((?:[^"\\]|\\.)*)"\]|\[(instance|iteration)\])/y;
  let i = 0;
  while (i < text.length) {
    re.lastIndex = i;
    const m = re.exec(text);
    if (!m || m[0].length === 0 || (m[2] !== undefined && m[1] === '' && i !== 0)) {
      throw scenarioError(CODES.badRef, `cannot read the reference ${whole}: unexpected "${text.slice(i)}"`, { where, hint: REF_HINT });
    }
    if (m[2] !== undefined) segs.push(m[2]);
    else if (m[3] !== undefined) segs.push(Number(m[3]));
    else if (m[5] !== undefined) segs.push({ mod: m[5] as 'instance' | 'iteration' });
    else segs.push(JSON.parse(`"${m[4] ?? ''}"`) as string);
    i = re.lastIndex;
  }
  if (segs.length === 0 || typeof segs[0] !== 'string') {
    throw scenarioError(CODES.badRef, `empty or malformed reference ${whole}`, { where, hint: REF_HINT });
  }
  return segs;
}

function parseDefault(text: string): unknown {
  const t = text.trim();
  if (t === '') return '';
  try {
    return JSON.parse(t);
  } catch {
    return t;
  }
}

function parseRef(body: string, where: string): RawRef {
  const text = `\${${body}}`;
  const cut = body.indexOf(':-');
  const pathText = (cut < 0 ? body : body.slice(0, cut)).trim();
  return {
    kind: 'raw',
    prefix: '',
    text,
    where,
    segs: parsePath(pathText, where, text),
    hasDefault: cut >= 0,
    dflt: cut >= 0 ? parseDefault(body.slice(cut + 2)) : undefined,
  };
}

/** Splits a string into literal text and references. */
function parseTemplate(s: string, where: string): (string | RawRef)[] {
  const parts: (string | RawRef)[] = [];
  let lit = '';
  let i = 0;
  while (i < s.length) {
    if (s.startsWith('$${', i)) {
      lit += '${';
      i += 3;
      continue;
    }
    if (s.startsWith('${', i)) {
      const end = s.indexOf('}', i + 2);
      if (end < 0) throw scenarioError(CODES.badRef, `unclosed reference in ${JSON.stringify(s)}`, { where, hint: REF_HINT });
      if (lit) parts.push(lit);
      lit = '';
      parts.push(parseRef(s.slice(i + 2, end), where));
      i = end + 1;
      continue;
    }
    lit += s[i];
    i++;
  }
  if (lit) parts.push(lit);
  return parts;
}

/** Turns plain YAML data into a Value tree; `where(path)` locates nested values for errors. */
export function parseValue(raw: unknown, where: (path: (string | number)[]) => string, path: (string | number)[] = []): Value {
  if (typeof raw === 'string') {
    if (!raw.includes('${')) return { k: 'lit', v: raw };
    const parts = parseTemplate(raw, where(path));
    if (parts.length === 1 && typeof parts[0] !== 'string' && parts[0]) return { k: 'ref', ref: parts[0] };
    if (parts.every((p) => typeof p === 'string')) return { k: 'lit', v: parts.join('') };
    return { k: 'tpl', parts };
  }
  if (Array.isArray(raw)) {
    const items = raw.map((x, i) => parseValue(x, where, [...path, i]));
    return items.every((x) => x.k === 'lit') ? { k: 'lit', v: items.map((x) => (x as { v: unknown }).v) } : { k: 'arr', items };
  }
  if (raw !== null && typeof raw === 'object') {
    const entries = Object.entries(raw).map(([key, v]): [string, Value] => [key, parseValue(v, where, [...path, key])]);
    return entries.every(([, x]) => x.k === 'lit')
      ? { k: 'lit', v: Object.fromEntries(entries.map(([key, x]) => [key, (x as { v: unknown }).v])) }
      : { k: 'obj', entries };
  }
  return { k: 'lit', v: raw };
}

/** Rewrites every reference in a value (used to bind names and params). */
export function mapRefs(v: Value, fn: (r: Ref) => Ref): Value {
  switch (v.k) {
    case 'lit':
      return v;
    case 'ref':
      return { k: 'ref', ref: fn(v.ref) };
    case 'tpl':
      return { k: 'tpl', parts: v.parts.map((p) => (typeof p === 'string' ? p : fn(p))) };
    case 'arr':
      return { k: 'arr', items: v.items.map((x) => mapRefs(x, fn)) };
    case 'obj':
      return { k: 'obj', entries: v.entries.map(([key, x]) => [key, mapRefs(x, fn)]) };
  }
}

export function getPath(root: unknown, path: readonly PathSeg[], env?: Pick<Env, 'instance' | 'iteration'>): unknown {
  let cur = root;
  for (const seg of path) {
    if (cur === null || typeof cur !== 'object') return undefined;
    if (typeof seg === 'object') {
      if (!Array.isArray(cur) || cur.length === 0) return undefined;
      cur = cur[(env?.[seg.mod] ?? 0) % cur.length];
      continue;
    }
    cur = (cur as Record<string | number, unknown>)[seg];
  }
  return cur;
}

/** What references read at plan time. */
export interface Env {
  world: unknown;
  context: Record<string, unknown>;
  /** The latest payload of a step by its (qualified) name; undefined if it did not happen (yet). */
  step(name: string): unknown;
  instance: number;
  iteration: number;
}

function evalRef(r: Ref, env: Env): unknown {
  let v: unknown;
  switch (r.kind) {
    case 'raw':
      throw new Error(`internal: unresolved reference ${r.text}`);
    case 'step':
      v = getPath(env.step(r.name), r.path, env);
      break;
    case 'world':
      v = getPath(env.world, r.path, env);
      break;
    case 'context':
      v = getPath(env.context, r.path, env);
      break;
    case 'param':
      v = getPath(evaluate(r.binding, env), r.path, env);
      break;
    case 'instance':
      v = env.instance;
      break;
    case 'iteration':
      v = env.iteration;
      break;
  }
  return v === undefined && r.hasDefault ? r.dflt : v;
}

/**
 * Evaluates a value. A reference that reads nothing (the step was optional and did not happen,
 * or the path is missing) and has no default gives `undefined`: the override or context value is
 * then left out, and the generator's own value stays.
 */
export function evaluate(v: Value, env: Env): unknown {
  switch (v.k) {
    case 'lit':
      return v.v;
    case 'ref':
      return evalRef(v.ref, env);
    case 'tpl': {
      let s = '';
      for (const p of v.parts) {
        if (typeof p === 'string') s += p;
        else {
          const x = evalRef(p, env);
          if (x === undefined) return undefined;
          s += typeof x === 'object' && x !== null ? JSON.stringify(x) : toText(x);
        }
      }
      return s;
    }
    case 'arr':
      return v.items.map((x) => evaluate(x, env));
    case 'obj': {
      const o: Record<string, unknown> = {};
      for (const [key, x] of v.entries) {
        const e = evaluate(x, env);
        if (e !== undefined) o[key] = e;
      }
      return o;
    }
  }
}
