/**
 * A schema node read for Pact: `$ref`s followed, `allOf` merged, `anyOf`/`oneOf` with a null
 * branch turned into "nullable", `type: [T, "null"]` likewise. Both the matcher builder and the
 * verification pre-check walk payloads with it.
 */
import { getSchemaById } from '../contracts/index.ts';

export type JsonType = 'string' | 'integer' | 'number' | 'boolean' | 'object' | 'array' | 'null';

/** A schema node and the `$id` its relative `$ref`s resolve against. */
export interface SchemaAt {
  node: unknown;
  base: string;
}

export interface Shape {
  /** The allowed JSON types; empty means any. `integer` stands for whole numbers only. */
  types: Set<JsonType>;
  nullable: boolean;
  hasConst: boolean;
  constValue?: unknown;
  enum?: unknown[];
  format?: string;
  pattern?: string;
  /** Known properties; one key may be constrained by several schemas (allOf). */
  properties: Map<string, SchemaAt[]>;
  /** `false` when unknown properties are refused; schemas they must match otherwise. */
  additional: false | SchemaAt[];
  items: SchemaAt[];
}

type Node = Record<string, unknown>;

const isNode = (v: unknown): v is Node => typeof v === 'object' && v !== null && !Array.isArray(v);

/** Follows `$ref`s to the node they name. */
function deref(at: SchemaAt): SchemaAt {
  let { node, base } = at;
  for (let i = 0; i < 32 && isNode(node) && typeof node['$ref'] === 'string'; i++) {
    const url = new URL(node['$ref'], base);
    const docId = url.href.replace(/#.*$/, '');
    const doc = getSchemaById(docId);
    if (!doc) throw new Error(`unresolvable $ref ${node['$ref']} from ${base}`);
    let target: unknown = doc;
    for (const seg of decodeURIComponent(url.hash.replace(/^#/, '')).split('/').slice(1)) {
      target = isNode(target) ? target[seg.replace(/~1/g, '/').replace(/~0/g, '~')] : undefined;
    }
    if (target === undefined) throw new Error(`$ref ${node['$ref']} from ${base} points to nothing`);
    node = target;
    base = docId;
  }
  return { node, base };
}

const isNullBranch = (at: SchemaAt): boolean => {
  const { node } = deref(at);
  return isNode(node) && (node['type'] === 'null' || (Array.isArray(node['enum']) && node['enum'].length === 1 && node['enum'][0] === null));
};

function emptyShape(): Shape {
  return { types: new Set(), nullable: false, hasConst: false, properties: new Map(), additional: [], items: [] };
}

function intersectTypes(a: Set<JsonType>, b: Set<JsonType>): Set<JsonType> {
  if (a.size === 0) return new Set(b);
  if (b.size === 0) return new Set(a);
  const out = new Set<JsonType>();
  for (const t of a) {
    if (b.has(t)) out.add(t);
    else if (t === 'integer' && b.has('number')) out.add('integer');
    else if (t === 'number' && b.has('integer')) out.add('integer');
  }
  return out;
}

/** Adds one schema node's constraints to `shape` (allOf semantics). */
function addNode(shape: Shape, at: SchemaAt): void {
  const { node, base } = deref(at);
  if (node === true || node === undefined) return;
  if (!isNode(node)) return;
  if (node['type'] !== undefined) {
    const t = new Set((Array.isArray(node['type']) ? node['type'] : [node['type']]) as JsonType[]);
    shape.types = intersectTypes(shape.types, t);
  }
  if ('const' in node) {
    shape.hasConst = true;
    shape.constValue = node['const'];
  }
  if (Array.isArray(node['enum'])) {
    const members = node['enum'] as unknown[];
    shape.enum = shape.enum ? shape.enum.filter((m) => members.includes(m)) : [...members];
  }
  if (typeof node['format'] === 'string') shape.format = node['format'];
  if (typeof node['pattern'] === 'string') shape.pattern = node['pattern'];
  if (isNode(node['properties'])) {
    for (const [k, v] of Object.entries(node['properties'])) {
      // `true` (used by oneOf branches only to name a key) adds nothing to a known property.
      if (v === true && shape.properties.has(k)) continue;
      shape.properties.set(k, [...(shape.properties.get(k) ?? []), { node: v, base }]);
    }
  }
  if (node['additionalProperties'] === false) shape.additional = false;
  else if (node['additionalProperties'] !== undefined && shape.additional !== false) {
    shape.additional.push({ node: node['additionalProperties'], base });
  }
  if (node['items'] !== undefined) shape.items.push({ node: node['items'], base });
  if (Array.isArray(node['allOf'])) for (const sub of node['allOf']) addNode(shape, { node: sub, base });
  for (const k of ['anyOf', 'oneOf'] as const) {
    const branches = node[k];
    if (!Array.isArray(branches)) continue;
    const all = branches.map((b: unknown) => ({ node: b, base }));
    const nonNull = all.filter((b) => !isNullBranch(b));
    const hasNull = nonNull.length < all.length;
    if (nonNull.length === 1) {
      addNode(shape, nonNull[0]!);
    } else {
      // Alternatives: the union of what they name (enough to know which fields and types exist).
      const union = nonNull.map((b) => shapeOf([b]));
      const types = new Set<JsonType>(union.flatMap((u) => [...u.types]));
      if (types.size && !union.some((u) => u.types.size === 0)) shape.types = intersectTypes(shape.types, types);
      for (const u of union) {
        for (const [key, list] of u.properties) {
          if (!shape.properties.has(key)) shape.properties.set(key, list);
        }
      }
    }
    if (hasNull) shape.nullable = true;
  }
}

/** The combined shape of one or more schema nodes that all apply to the same value. */
export function shapeOf(ats: readonly SchemaAt[]): Shape {
  const shape = emptyShape();
  for (const at of ats) addNode(shape, at);
  if (shape.types.has('null') || shape.enum?.includes(null)) shape.nullable = true;
  shape.types.delete('null');
  if (shape.enum) shape.enum = shape.enum.filter((m) => m !== null);
  return shape;
}

/** The JSON type of a value, `integer` for whole numbers. */
export function jsonTypeOf(v: unknown): JsonType {
  if (v === null) return 'null';
  if (Array.isArray(v)) return 'array';
  if (typeof v === 'number') return Number.isInteger(v) ? 'integer' : 'number';
  return typeof v as JsonType;
}

/** Whether a schema of these types accepts a value of type `t` (null is judged by `nullable`). */
export function acceptsType(shape: Shape, t: JsonType): boolean {
  if (t === 'null') return shape.nullable || (shape.types.size === 0 && !shape.hasConst && !shape.enum);
  if (shape.types.size === 0) return true;
  if (shape.types.has(t)) return true;
  return t === 'integer' && shape.types.has('number');
}

/** The schema(s) of one property of an object shape, or undefined when the object refuses it. */
export function propertySchemas(shape: Shape, key: string): SchemaAt[] | undefined {
  const known = shape.properties.get(key);
  if (known) return known;
  if (shape.additional === false) return undefined;
  return shape.additional;
}

/** Human-readable list of the allowed types, for messages. */
export function describeTypes(shape: Shape): string {
  if (shape.hasConst) return JSON.stringify(shape.constValue);
  const types = [...shape.types];
  const base = types.length ? types.join(' or ') : 'any type';
  return shape.nullable ? `${base} or null` : base;
}

/** The root schema of an event. */
export function rootOf(schemaId: string): SchemaAt {
  return { node: getSchemaById(schemaId), base: schemaId };
}
