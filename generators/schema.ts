/**
 * Reads an event's JSON Schema (with its $refs into the common schemas) into a small normalized
 * tree the planner walks: const / enum / union (nullable, anyOf) / scalar / array / object.
 * allOf is merged, and a oneOf of object shapes is settled on its first branch (the shape the
 * reference examples show: see contracts/README.md, QueueCallInUserAllocated).
 */
import { getSchemaById } from '../contracts/catalog.ts';
import { ANNOTATION_KEYWORDS } from '../contracts/schema-doc.ts';

export type SNode =
  | { k: 'const'; value: unknown }
  | { k: 'enum'; values: readonly unknown[] }
  | { k: 'union'; options: SNode[] }
  | { k: 'null' }
  | { k: 'string'; format?: string; pattern?: string; minLength?: number; maxLength?: number }
  | { k: 'integer' | 'number'; minimum?: number; maximum?: number }
  | { k: 'boolean' }
  | { k: 'array'; items?: SNode; minItems?: number; maxItems?: number }
  | { k: 'object'; props: SProp[]; additional: SNode | boolean }
  | { k: 'any' };

interface SProp {
  name: string;
  node: SNode;
  required: boolean;
}

type Json = Record<string, unknown>;

function isObj(v: unknown): v is Json {
  return typeof v === 'object' && v !== null && !Array.isArray(v);
}

/** Resolves a $ref against the $id of the document it appears in. */
function resolveRef(ref: string, base: string): { schema: unknown; base: string } {
  const url = new URL(ref, base);
  const hash = url.hash;
  url.hash = '';
  const docId = url.href;
  const doc = getSchemaById(docId);
  if (!doc) throw new Error(`unresolvable $ref ${ref} (from ${base}): no schema ${docId}`);
  let target: unknown = doc;
  const pointer = decodeURIComponent(hash.replace(/^#/, ''));
  if (pointer) {
    for (const seg of pointer.split('/').slice(1)) {
      const key = seg.replace(/~1/g, '/').replace(/~0/g, '~');
      target = isObj(target) ? target[key] : undefined;
      if (target === undefined) throw new Error(`unresolvable $ref ${ref} (from ${base}): no ${pointer} in ${docId}`);
    }
  }
  return { schema: target, base: docId };
}

const ANY: SNode = { k: 'any' };

function specificity(n: SNode): number {
  return n.k === 'const' ? 3 : n.k === 'enum' ? 2 : n.k === 'any' ? 0 : 1;
}

function mergeNodes(a: SNode, b: SNode): SNode {
  if (a.k === 'object' && b.k === 'object') {
    const props = a.props.map((p) => ({ ...p }));
    for (const q of b.props) {
      const p = props.find((x) => x.name === q.name);
      if (!p) props.push({ ...q });
      else {
        p.node = specificity(q.node) > specificity(p.node) ? q.node : p.node;
        p.required = p.required || q.required;
      }
    }
    const additional = a.additional === false || b.additional === false ? false : a.additional === true ? b.additional : a.additional;
    return { k: 'object', props, additional };
  }
  return specificity(b) > specificity(a) ? b : a;
}

function typedNode(t: string, s: Json, base: string): SNode {
  switch (t) {
    case 'null':
      return { k: 'null' };
    case 'string':
      return {
        k: 'string',
        ...(typeof s['format'] === 'string' ? { format: s['format'] } : {}),
        ...(typeof s['pattern'] === 'string' ? { pattern: s['pattern'] } : {}),
        ...(typeof s['minLength'] === 'number' ? { minLength: s['minLength'] } : {}),
        ...(typeof s['maxLength'] === 'number' ? { maxLength: s['maxLength'] } : {}),
      };
    case 'integer':
    case 'number':
      return {
        k: t,
        ...(typeof s['minimum'] === 'number' ? { minimum: s['minimum'] } : {}),
        ...(typeof s['maximum'] === 'number' ? { maximum: s['maximum'] } : {}),
      };
    case 'boolean':
      return { k: 'boolean' };
    case 'array':
      return {
        k: 'array',
        ...(s['items'] !== undefined ? { items: normalize(s['items'], base) } : {}),
        ...(typeof s['minItems'] === 'number' ? { minItems: s['minItems'] } : {}),
        ...(typeof s['maxItems'] === 'number' ? { maxItems: s['maxItems'] } : {}),
      };
    case 'object': {
      const required = new Set(Array.isArray(s['required']) ? (s['required'] as string[]) : []);
      const props: SProp[] = isObj(s['properties'])
        ? Object.entries(s['properties']).map(([name, sub]) => ({ name, node: normalize(sub, base), required: required.has(name) }))
        : [];
      const ap = s['additionalProperties'];
      const additional: SNode | boolean = ap === false ? false : ap === undefined || ap === true ? true : normalize(ap, base);
      return { k: 'object', props, additional };
    }
    default:
      return ANY;
  }
}

/** The normalized tree of a schema (or sub-schema) whose $refs resolve against `base`. */
export function normalize(schema: unknown, base: string): SNode {
  if (schema === true || schema === undefined) return ANY;
  if (!isObj(schema)) return ANY;
  const s = schema;
  if (typeof s['$ref'] === 'string') {
    const r = resolveRef(s['$ref'], base);
    return normalize(r.schema, r.base);
  }
  if ('const' in s) return { k: 'const', value: s['const'] };
  if (Array.isArray(s['enum'])) return { k: 'enum', values: s['enum'] };
  if (Array.isArray(s['allOf'])) {
    const { allOf, ...rest } = s;
    const parts = (allOf as unknown[]).map((p) => normalize(p, base));
    const hasOwn = Object.keys(rest).some((k) => ['type', 'properties', 'required', 'additionalProperties', 'items', 'format'].includes(k));
    if (hasOwn) parts.unshift(normalize(rest, base));
    return parts.reduce(mergeNodes);
  }
  if (Array.isArray(s['anyOf'])) return { k: 'union', options: (s['anyOf'] as unknown[]).map((p) => normalize(p, base)) };
  if (Array.isArray(s['oneOf'])) {
    const { oneOf, ...rest } = s;
    const node = normalize(rest, base);
    const branch = (oneOf as unknown[])[0];
    if (node.k !== 'object' || !isObj(branch)) return node;
    // Settle on the first branch: its required properties become required, and properties its
    // `not` rules out are dropped.
    const req = new Set(Array.isArray(branch['required']) ? (branch['required'] as string[]) : []);
    const excluded = new Set<string>();
    const not = branch['not'];
    if (isObj(not)) {
      const alts = Array.isArray(not['anyOf']) ? (not['anyOf'] as unknown[]) : [not];
      for (const alt of alts) if (isObj(alt) && Array.isArray(alt['required'])) for (const r of alt['required'] as string[]) excluded.add(r);
    }
    return {
      k: 'object',
      props: node.props.filter((p) => !excluded.has(p.name)).map((p) => ({ ...p, required: p.required || req.has(p.name) })),
      additional: node.additional,
    };
  }
  const type = s['type'];
  if (Array.isArray(type)) {
    const options = (type as string[]).map((t) => typedNode(t, s, base));
    return options.length === 1 ? (options[0] as SNode) : { k: 'union', options };
  }
  if (typeof type === 'string') return typedNode(type, s, base);
  if (isObj(s['properties'])) return typedNode('object', s, base);
  return ANY;
}

/** Whether a node admits null, and the node without the null option. */
export function splitNullable(node: SNode): { nullable: boolean; inner: SNode } {
  if (node.k !== 'union') return { nullable: node.k === 'null', inner: node };
  const rest = node.options.filter((o) => o.k !== 'null');
  const nullable = rest.length !== node.options.length;
  const inner: SNode = rest.length === 1 ? (rest[0] as SNode) : rest.length === 0 ? { k: 'null' } : { k: 'union', options: rest };
  return { nullable, inner };
}

const ANNOTATIONS = new Set<string>(['$id', '$schema', '$comment', 'title', 'description', ...ANNOTATION_KEYWORDS]);

/**
 * A copy of a schema with every $ref inlined and our annotation keywords dropped: a
 * self-contained schema for tools that cannot follow relative $refs (the benchmark feeds it to
 * json-schema-faker).
 */
export function dereference(schema: unknown, base: string): unknown {
  if (Array.isArray(schema)) return schema.map((x) => dereference(x, base));
  if (!isObj(schema)) return schema;
  if (typeof schema['$ref'] === 'string') {
    const r = resolveRef(schema['$ref'], base);
    return dereference(r.schema, r.base);
  }
  const out: Json = {};
  for (const [k, v] of Object.entries(schema)) {
    if (ANNOTATIONS.has(k)) continue;
    out[k] = k === 'properties' || k === 'definitions' ? Object.fromEntries(Object.entries(v as Json).map(([pk, pv]) => [pk, dereference(pv, base)])) : dereference(v, base);
  }
  return out;
}
