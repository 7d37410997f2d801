/**
 * Reading and writing one context key with accessors of its own. The generators look up and keep
 * context values through a few shared helpers (sticky, kept, Gen.put); written `ctx[key]` there,
 * every key of every event goes through the same two property accesses, which V8 can then only
 * do the slow, generic way (a dictionary-like lookup, and a search for the new hidden class when
 * the key is added). An accessor compiled for one key is a property access of its own, which
 * sees the same few context shapes every time and is as fast as `ctx.sessionId`. Where code
 * cannot be compiled at run time (a page whose Content-Security-Policy forbids eval), the
 * accessors are closures doing the generic access: slower, same results.
 */
import type { GenContext } from './types.ts';

export interface ContextKey {
  readonly name: string;
  /** ctx[name] */
  readonly get: (ctx: Readonly<GenContext>) => unknown;
  /** ctx[name] = value */
  readonly set: (ctx: GenContext, value: unknown) => void;
  /** Whether ctx has its own `name` property (an undefined value may be one). */
  readonly has: (ctx: Readonly<GenContext>) => boolean;
}

const keys = new Map<string, ContextKey>();

function compiled(name: string): ContextKey | undefined {
  // `__proto__` as a property name would reach the prototype instead.
  if (name === '__proto__') return undefined;
  const p = JSON.stringify(name);
  try {
    /* eslint-disable @typescript-eslint/no-implied-eval -- an accessor compiled per context key reads and writes it as a constant property (a monomorphic inline cache), not a keyed lookup; the key is JSON-quoted, never code; bench/README.md "Generating" */
    return {
      name,
      get: new Function('c', `return c[${p}];`) as ContextKey['get'],
      set: new Function('c', 'v', `c[${p}] = v;`) as ContextKey['set'],
      // `in` first (an inline-cached check, false for the usual absent key); hasOwn only when it is there.
      has: new Function('c', `return ${p} in c && Object.hasOwn(c, ${p});`) as ContextKey['has'],
    };
    /* eslint-enable @typescript-eslint/no-implied-eval */
  } catch {
    return undefined; // no eval here: the closures below
  }
}

/** The accessors of one context key (made once per name). */
export function contextKey(name: string): ContextKey {
  let key = keys.get(name);
  if (key === undefined) {
    key = compiled(name) ?? {
      name,
      get: (c) => c[name],
      set: (c, v) => {
        c[name] = v;
      },
      has: (c) => Object.hasOwn(c, name),
    };
    keys.set(name, key);
  }
  return key;
}
