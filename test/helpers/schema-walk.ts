import { getSchemaById, type SchemaDoc } from '../../contracts/index.ts';

type Node = Record<string, unknown>;

/** Follows a $ref (relative to `baseId`) to the schema node it names. */
export function deref(node: Node, baseId: string): { node: Node; baseId: string } {
  let cur = node;
  let base = baseId;
  for (let i = 0; i < 20 && typeof cur['$ref'] === 'string'; i++) {
    const url = new URL(cur['$ref'], base);
    const docId = url.href.replace(/#.*$/, '');
    const doc = getSchemaById(docId) as Node | undefined;
    if (!doc) throw new Error(`unresolvable $ref ${String(cur['$ref'])} from ${base}`);
    let target: unknown = doc;
    for (const seg of decodeURIComponent(url.hash.replace(/^#/, '')).split('/').slice(1)) target = (target as Node)[seg];
    cur = target as Node;
    base = docId;
  }
  return { node: cur, baseId: base };
}

/**
 * A minimal valid instance of a schema: the first enum member, the const, a format-shaped string.
 * Used by the contract tests to have a valid starting point for every event type, including the
 * ones no provider doc shows an example of.
 */
export function sample(schema: SchemaDoc | Node, baseId = (schema as SchemaDoc).$id): unknown {
  const { node, baseId: base } = deref(schema, baseId);
  if ('const' in node) return node['const'];
  if (Array.isArray(node['enum'])) return (node['enum'] as unknown[])[0];
  if (Array.isArray(node['allOf'])) {
    return Object.assign({}, ...(node['allOf'] as Node[]).map((s) => sample(s, base) ?? {}));
  }
  for (const k of ['anyOf', 'oneOf'] as const) {
    if (Array.isArray(node[k])) {
      const branches = node[k] as Node[];
      const nonNull = branches.find((b) => b['type'] !== 'null') ?? branches[0]!;
      const merged = { ...node, [k]: undefined };
      const fromBranch = sample(nonNull, base);
      if (node['properties']) return { ...(sample(merged, base) as object), ...(fromBranch as object) };
      return fromBranch;
    }
  }
  const types = Array.isArray(node['type']) ? (node['type'] as string[]) : [node['type'] as string | undefined];
  const type = types.find((t) => t !== 'null') ?? types[0];
  switch (type) {
    case 'object': {
      const props = (node['properties'] ?? {}) as Record<string, Node>;
      const out: Record<string, unknown> = {};
      for (const [k, v] of Object.entries(props)) out[k] = sample(v, base);
      return out;
    }
    case 'array':
      return node['items'] ? [sample(node['items'] as Node, base)] : [];
    case 'integer':
      return typeof node['minimum'] === 'number' ? node['minimum'] : 1;
    case 'number':
      return 1.5;
    case 'boolean':
      return true;
    case 'null':
      return null;
    case 'string':
      switch (node['format']) {
        case 'guid':
          return '6cb31d7d-9cd9-41dc-a096-62cf31fd0281';
        case 'mluvii-datetime':
          return '2024-05-02T16:05:24.454661+02:00';
        case 'enreach-datetime':
          return '2020-01-01T12:00:00Z';
        case 'uri':
          return 'https://receiver.example/webhook';
        default:
          return 'text';
      }
    default:
      return {};
  }
}

export interface Finding {
  /** JSON Pointer into an instance. */
  pointer: string;
  node: Node;
}

/** Walks the properties of an object schema (through $ref/allOf), depth-first, with pointers. */
export function walkProperties(schema: SchemaDoc | Node, visit: (f: Finding) => void, pointer = '', baseId = (schema as SchemaDoc).$id, depth = 0): void {
  if (depth > 8) return;
  const { node, baseId: base } = deref(schema, baseId);
  for (const part of (node['allOf'] as Node[] | undefined) ?? []) walkProperties(part, visit, pointer, base, depth + 1);
  const props = (node['properties'] ?? {}) as Record<string, Node>;
  for (const [k, v] of Object.entries(props)) {
    const p = `${pointer}/${k}`;
    const { node: target, baseId: tb } = deref(v, base);
    visit({ pointer: p, node: target });
    for (const b of [...((target['anyOf'] as Node[]) ?? []), ...((target['oneOf'] as Node[]) ?? [])]) {
      const { node: bn } = deref(b, tb);
      if (bn['type'] !== 'null') visit({ pointer: p, node: bn });
    }
    walkProperties(target, visit, p, tb, depth + 1);
  }
}
