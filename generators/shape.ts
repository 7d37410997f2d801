/**
 * Precompiled object shapes: how a plan builds the object of one schema node whose properties
 * are all present (the payload's main object, the mluvii envelope, nested objects without
 * optional properties), fast.
 *
 * Built key by key, an object of more than ~16 properties becomes a slow V8 dictionary (and the
 * validator then reads it slowly), and the one loop every plan shared saw every event's shape,
 * so none of its calls or stores could be specialised. A shape is compiled instead into a function
 * of its own: the fills called one after another in schema order, then one object literal with
 * the keys in schema order and the constants written in, so each event gets its own fast hidden
 * class and its own (monomorphic) call sites. Where code cannot be compiled at run time (a page
 * whose Content-Security-Policy forbids eval), a clone of a template object does the same job,
 * more slowly. Either way the result is the same object, byte for byte.
 */

/** A fill may return this to leave its property out. */
export const OMIT: unique symbol = Symbol('omit');

/** Marks a fill that always returns one JSON primitive and draws nothing: written into the shape. */
const CONSTANT: unique symbol = Symbol('constant');
type Primitive = string | number | boolean | null;

/** A fill that always gives `value` (a JSON primitive) and draws no randomness. */
export function constant<F>(value: Primitive): F {
  const f = (() => value) as (() => Primitive) & { [CONSTANT]?: Primitive };
  f[CONSTANT] = value;
  return f as unknown as F;
}

function constantOf(f: unknown): { value: Primitive } | undefined {
  return typeof f === 'function' && Object.hasOwn(f, CONSTANT) ? { value: (f as unknown as { [CONSTANT]: Primitive })[CONSTANT] } : undefined;
}

export interface ShapeProp<G> {
  name: string;
  fill: (g: G) => unknown;
}

export interface ShapeOptions<G> {
  /** Runs before the first fill. */
  before?: ((g: G) => void) | undefined;
  /** Runs on the finished object. */
  after?: ((o: Record<string, unknown>, g: G) => void) | undefined;
  /** Whether a fill's undefined leaves its property out too (else the property is there, undefined). */
  undefinedOmits: boolean;
}

export type ShapeFill<G> = (g: G) => Record<string, unknown>;

/** The object without the properties its fills left out, keys in the same order. */
function without(o: Record<string, unknown>, undefinedOmits: boolean): Record<string, unknown> {
  const out: Record<string, unknown> = {};
  for (const k in o) {
    const v = o[k];
    if (v !== OMIT && !(undefinedOmits && v === undefined)) out[k] = v;
  }
  return out;
}

/** The fill of an object with these properties, in this order (every one filled, unless its fill omits it). */
export function compileShape<G>(props: readonly ShapeProp<G>[], options: ShapeOptions<G>): ShapeFill<G> {
  return generated(props, options) ?? cloned(props, options);
}

function generated<G>(props: readonly ShapeProp<G>[], options: ShapeOptions<G>): ShapeFill<G> | undefined {
  // `__proto__` in a literal would set the prototype instead of a property.
  if (props.some((p) => p.name === '__proto__')) return undefined;
  const fills: ShapeProp<G>['fill'][] = [];
  const entries: string[] = [];
  const misses: string[] = [];
  for (const p of props) {
    const c = constantOf(p.fill);
    if (c) {
      entries.push(`${JSON.stringify(p.name)}: ${JSON.stringify(c.value)}`);
      continue;
    }
    const v = `v${fills.length}`;
    entries.push(`${JSON.stringify(p.name)}: ${v}`);
    misses.push(`${v} === OMIT${options.undefinedOmits ? ` || ${v} === undefined` : ''}`);
    fills.push(p.fill);
  }
  // Only names and JSON literals of our own schemas go into the code: keys and constants as JSON
  // strings, the fills by position.
  const body = [
    '"use strict";',
    ...fills.map((_, i) => `const f${i} = fills[${i}];`),
    'return function fillShape(g) {',
    options.before ? '  before(g);' : '',
    ...fills.map((_, i) => `  const v${i} = f${i}(g);`),
    `  let o = {${entries.join(', ')}};`,
    misses.length ? `  if (${misses.join(' || ')}) o = without(o, ${String(options.undefinedOmits)});` : '',
    options.after ? '  after(o, g);' : '',
    '  return o;',
    '};',
  ].join('\n');
  try {
    // eslint-disable-next-line @typescript-eslint/no-implied-eval -- a compiled object literal per event shape keeps V8's hidden classes (bench/README.md "Generating"); ajv compiles its validators the same way.
    const make = new Function('fills', 'OMIT', 'without', 'before', 'after', body) as (...a: unknown[]) => ShapeFill<G>;
    return make(fills, OMIT, without, options.before, options.after);
  } catch {
    return undefined; // no eval here (Content-Security-Policy): the template clone below
  }
}

function cloned<G>(props: readonly ShapeProp<G>[], options: ShapeOptions<G>): ShapeFill<G> {
  const init: Record<string, unknown> = {};
  const dynamic: ShapeProp<G>[] = [];
  for (const p of props) {
    const c = constantOf(p.fill);
    init[p.name] = c ? c.value : null;
    if (!c) dynamic.push(p);
  }
  // JSON.parse builds fast (non-dictionary) objects, whatever their size; a spread copies that shape.
  const template = JSON.parse(JSON.stringify(init)) as Record<string, unknown>;
  const { before, after, undefinedOmits } = options;
  return (g) => {
    if (before !== undefined) before(g);
    let o = { ...template };
    let omitted = false;
    for (let i = 0; i < dynamic.length; i++) {
      const p = dynamic[i] as ShapeProp<G>;
      const v = p.fill(g);
      if (v === OMIT || (undefinedOmits && v === undefined)) omitted = true;
      o[p.name] = v;
    }
    if (omitted) o = without(o, undefinedOmits);
    if (after !== undefined) after(o, g);
    return o;
  };
}

/** For the tests: the fallback a page without eval gets. */
export const compileClonedShape = cloned;
