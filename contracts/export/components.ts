/**
 * The catalog's schemas as one flat set of named components, for the OpenAPI 3.1 and AsyncAPI 3
 * exports. Every relative file `$ref` (`../common/enums.schema.json#/definitions/SessionChannel`)
 * becomes `#/components/schemas/<Name>`; `$schema`, `$id` and `definitions` are dropped (an `$id`
 * left inside a component would change the base URI its `$ref`s resolve against). Annotations
 * (`title`, `description`, `$comment`, `x-*`) stay: both formats allow `x-` extensions.
 *
 * Draft-07 and JSON Schema 2020-12 (OpenAPI 3.1's dialect) read our schemas the same way: no
 * tuple `items`, no `dependencies`, and no `$ref` has sibling keywords (checked here).
 */
import { bundle } from '../bundle.ts';
import type { Provider } from '../provider.ts';
import { pascalName as pascal, type SchemaBundle, type SchemaDoc } from '../schema-doc.ts';
import { docExamples } from './examples.ts';

/** The schema documents an export is built from: the committed bundle, or freshly read files (npm run generate). */
export type SchemaSource = SchemaBundle['schemas'];

/** One event of the source, as the exports need it. */
export interface SourceEvent {
  provider: Provider;
  eventType: string;
  entity: string;
  entityKey: string;
  sources: string[];
  payloadClass?: string;
  schema: SchemaDoc;
}

/** The events of a provider, sorted by name (as the catalog sorts them). */
export function sourceEvents(source: SchemaSource, provider: Provider): SourceEvent[] {
  return source
    .filter(({ file, schema }) => file.includes('/events/') && schema['x-provider'] === provider && schema['x-event-type'])
    .map(({ schema }) => ({
      provider,
      eventType: schema['x-event-type'] ?? '',
      entity: schema['x-entity'] ?? '',
      entityKey: schema['x-entity-key'] ?? '',
      sources: schema['x-sources'] ?? [],
      ...(schema['x-payload-class'] ? { payloadClass: schema['x-payload-class'] } : {}),
      schema,
    }))
    .sort((a, b) => a.eventType.localeCompare(b.eventType));
}

export const defaultSource = (): SchemaSource => bundle.schemas;

export const SCHEMA_REF_PREFIX = '#/components/schemas/';

export interface Components {
  /** Component name → schema, sorted by name. */
  schemas: Record<string, unknown>;
  /** `provider/eventType` → component name of the event's payload schema. */
  eventSchema: Map<string, string>;
}

/** Component name of a schema document or of one of its definitions. */
function componentName(docsById: Map<string, SchemaSource[number]>, docId: string, definition: string | undefined): string {
  const doc = docsById.get(docId);
  if (!doc) throw new Error(`no schema with $id ${docId}`);
  const provider = pascal(doc.file.split('/')[1] ?? '');
  if (definition) return `${provider}${definition}`;
  const event = doc.schema['x-event-type'];
  return `${provider}${event ?? pascal(doc.file.split('/').pop() ?? '')}`;
}

function splitRef(ref: string, baseId: string): { docId: string; definition: string | undefined } {
  const url = new URL(ref, baseId);
  const docId = url.href.replace(/#.*$/, '');
  const pointer = decodeURIComponent(url.hash.replace(/^#/, ''));
  if (!pointer) return { docId, definition: undefined };
  const m = /^\/definitions\/([^/]+)$/.exec(pointer);
  if (!m) throw new Error(`${baseId}: $ref ${ref}: only whole documents and #/definitions/<name> can be exported`);
  return { docId, definition: m[1] };
}

function targetOf(docsById: Map<string, SchemaSource[number]>, docId: string, definition: string | undefined): unknown {
  const doc = docsById.get(docId);
  if (!doc) throw new Error(`$ref to unknown schema ${docId}`);
  if (!definition) return doc.schema;
  const defs = (doc.schema['definitions'] ?? {}) as Record<string, unknown>;
  if (!(definition in defs)) throw new Error(`${docId} has no definition ${definition}`);
  return defs[definition];
}

/** Builds the components of the given providers' events and everything they reference. */
export function buildComponents(providers: readonly Provider[], source: SchemaSource = defaultSource()): Components {
  const docsById = new Map(source.map((d) => [d.schema.$id, d]));
  const schemas: Record<string, unknown> = {};
  const eventSchema = new Map<string, string>();
  const origin = new Map<string, string>();
  const queue: { docId: string; definition: string | undefined }[] = [];

  const claim = (name: string, key: string) => {
    const prev = origin.get(name);
    if (prev !== undefined && prev !== key) throw new Error(`component name ${name} is used by both ${prev} and ${key}`);
    const fresh = prev === undefined;
    origin.set(name, key);
    return fresh;
  };

  const rewrite = (node: unknown, baseId: string): unknown => {
    if (Array.isArray(node)) return node.map((n) => rewrite(n, baseId));
    if (node === null || typeof node !== 'object') return node;
    const obj = node as Record<string, unknown>;
    if (typeof obj['$ref'] === 'string') {
      if (Object.keys(obj).length > 1) throw new Error(`${baseId}: a $ref with sibling keywords reads differently in draft-07 and 2020-12`);
      const target = splitRef(obj['$ref'], baseId);
      const name = componentName(docsById, target.docId, target.definition);
      if (claim(name, `${target.docId}#${target.definition ?? ''}`)) queue.push(target);
      return { $ref: `${SCHEMA_REF_PREFIX}${name}` };
    }
    const out: Record<string, unknown> = {};
    for (const [k, v] of Object.entries(obj)) {
      if (k === '$schema' || k === '$id' || k === 'definitions') continue;
      // Keywords whose values are data, not schemas.
      out[k] = k === 'const' || k === 'enum' || k === 'examples' || k === 'default' || k.startsWith('x-') ? v : rewrite(v, baseId);
    }
    return out;
  };

  for (const provider of providers) {
    for (const entry of sourceEvents(source, provider)) {
      const name = componentName(docsById, entry.schema.$id, undefined);
      claim(name, `${entry.schema.$id}#`);
      eventSchema.set(`${provider}/${entry.eventType}`, name);
      queue.push({ docId: entry.schema.$id, definition: undefined });
    }
  }
  for (let item = queue.shift(); item; item = queue.shift()) {
    const name = componentName(docsById, item.docId, item.definition);
    if (name in schemas) continue;
    schemas[name] = rewrite(targetOf(docsById, item.docId, item.definition), item.docId);
  }

  // Enreach's "Misc" examples show the helper types; attach them where the type is exported.
  for (const provider of providers) {
    for (const ex of docExamples(provider).filter((e) => e.origin === 'misc')) {
      const name = `${pascal(provider)}${ex.name}`;
      const s = schemas[name] as Record<string, unknown> | undefined;
      if (s) s['examples'] = [ex.value];
    }
  }

  const sorted: Record<string, unknown> = {};
  for (const k of Object.keys(schemas).sort()) sorted[k] = schemas[k];
  return { schemas: sorted, eventSchema };
}

/** Description of an event operation/message: the doc's sentence, then what the schema settles. */
export function eventDescription(schema: SchemaDoc): string {
  const parts = [schema.description ?? ''];
  if (typeof schema['$comment'] === 'string') parts.push(`Note: ${schema['$comment']}`);
  return parts.filter(Boolean).join('\n\n');
}
