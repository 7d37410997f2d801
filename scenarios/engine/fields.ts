import { getSchemaById, type CatalogEntry } from '../../contracts/catalog.ts';
import type { PathSeg } from './refs.ts';

/**
 * Whether a path (`data.userId`, `CallbackAttempts[0].Note`) can exist in an event's payload, by
 * its JSON Schema (with $refs into the common schemas). A `${step.path}` reference is checked with
 * it before planning, so a misspelt field is an error, not an override left out at plan time.
 * A schema that leaves a place open (no properties listed, additionalProperties not false) accepts
 * any path below it.
 */

type Json = Record<string, unknown>;
interface Loc {
  schema: unknown;
  base: string;
}

const isObj = (v: unknown): v is Json => typeof v === 'object' && v !== null && !Array.isArray(v);

function resolve(ref: string, base: string): Loc | undefined {
  const url = new URL(ref, base);
  const pointer = decodeURIComponent(url.hash.replace(/^#/, ''));
  url.hash = '';
  let target: unknown = getSchemaById(url.href);
  for (const seg of pointer ? pointer.split('/').slice(1) : []) target = isObj(target) ? target[seg.replace(/~1/g, '/').replace(/~0/g, '~')] : undefined;
  return target === undefined ? undefined : { schema: target, base: url.href };
}

interface Step {
  /** Schemas of the value below the segment. */
  found: Loc[];
  /** Property names the schema lists at this level (for "did you mean"). */
  keys: string[];
  /** The schema admits values here it does not describe: no check below. */
  open: boolean;
}

const types = (s: Json): string[] | undefined => (typeof s['type'] === 'string' ? [s['type']] : Array.isArray(s['type']) ? (s['type'] as string[]) : undefined);

/** One segment down from a schema: all the alternatives (allOf / anyOf / oneOf / $ref) merged. */
function child(loc: Loc, seg: PathSeg, depth = 0): Step {
  const { schema, base } = loc;
  if (schema === true || (isObj(schema) && Object.keys(schema).length === 0)) return { found: [], keys: [], open: true };
  if (!isObj(schema) || depth > 20) return { found: [], keys: [], open: false };
  if (typeof schema['$ref'] === 'string') {
    const target = resolve(schema['$ref'], base);
    return target ? child(target, seg, depth + 1) : { found: [], keys: [], open: true };
  }
  const out: Step = { found: [], keys: [], open: false };
  const t = types(schema);
  const composed = ['allOf', 'anyOf', 'oneOf'].filter((k) => Array.isArray(schema[k]));
  if (typeof seg === 'string') {
    const props = isObj(schema['properties']) ? schema['properties'] : undefined;
    if (props) {
      out.keys.push(...Object.keys(props));
      if (seg in props) out.found.push({ schema: props[seg], base });
    }
    const mayBeObject = t === undefined ? !('const' in schema) && !Array.isArray(schema['enum']) : t.includes('object');
    // Unlisted properties are allowed here (and no allOf / anyOf / oneOf says what they are).
    out.open = mayBeObject && !props && schema['additionalProperties'] !== false && composed.length === 0;
  } else {
    const items = schema['items'];
    if (Array.isArray(items)) out.found.push(...items.map((s: unknown) => ({ schema: s, base })));
    else if (items !== undefined) out.found.push({ schema: items, base });
    else out.open = (t === undefined || t.includes('array')) && composed.length === 0 && !('const' in schema);
  }
  for (const k of composed) {
    const parts = (schema[k] as unknown[]).map((s) => child({ schema: s, base }, seg, depth + 1));
    for (const p of parts) {
      out.found.push(...p.found);
      out.keys.push(...p.keys);
    }
    // allOf: open only if every part is; anyOf / oneOf: if some branch is.
    const open = k === 'allOf' ? parts.every((p) => p.open) : parts.some((p) => p.open);
    if (open) out.open = true;
  }
  return out;
}

/**
 * `undefined` when the path can exist in the event's payload; otherwise where it stops: the
 * index of the first segment the schema does not have, and the names it has there.
 */
export function missingField(entry: CatalogEntry, path: readonly PathSeg[]): { index: number; keys: string[] } | undefined {
  const root = getSchemaById(entry.schemaId);
  if (!root) return undefined;
  let here: Loc[] = [{ schema: root, base: entry.schemaId }];
  for (let i = 0; i < path.length; i++) {
    const seg = path[i] as PathSeg;
    const steps = here.map((loc) => child(loc, seg));
    if (steps.some((s) => s.open)) return undefined;
    const found = steps.flatMap((s) => s.found);
    if (found.length === 0) return { index: i, keys: [...new Set(steps.flatMap((s) => s.keys))] };
    here = found;
  }
  return undefined;
}
