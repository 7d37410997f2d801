/**
 * Everything under contracts/generated/ is derived here from the .schema.json files, the single
 * source of truth. `npm run generate` writes the result; test/contract/drift.test.ts rebuilds it
 * in memory and fails when a committed file differs.
 */
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join, relative, sep } from 'node:path';
import { compile, type JSONSchema } from 'json-schema-to-typescript';
import { pascalName as pascal, type SchemaBundle, type SchemaDoc } from '../contracts/schema-doc.ts';
import { docExamples, REPO_ROOT } from '../contracts/export/examples.ts';
import { EXPORT_FILES, exportText } from '../contracts/export/index.ts';

/** The repository root (absolute, no trailing slash). */
export const ROOT = REPO_ROOT;
const CONTRACTS = join(ROOT, 'contracts');

function walk(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const p = join(dir, name);
    if (name === 'generated' || name === 'node_modules') return [];
    return statSync(p).isDirectory() ? walk(p) : name.endsWith('.schema.json') ? [p] : [];
  });
}

const toPosix = (p: string) => p.split(sep).join('/');

/** Every schema file under contracts/, sorted, as { file (repo-relative), schema }. */
export function readSchemaFiles(): SchemaBundle['schemas'] {
  return walk(CONTRACTS)
    .map((abs) => ({ file: toPosix(relative(ROOT, abs)), schema: JSON.parse(readFileSync(abs, 'utf8')) as SchemaDoc }))
    .sort((a, b) => a.file.localeCompare(b.file));
}

/** Type name of a whole document: events get `<Provider><Event>Event`, others `<Provider><File>`. */
function docTypeName(file: string, schema: SchemaDoc): string {
  const provider = pascal(file.split('/')[1] ?? '');
  const base = file.split('/').pop() ?? '';
  return file.includes('/events/') ? `${provider}${schema['x-event-type'] ?? pascal(base)}Event` : `${provider}${pascal(base)}`;
}

/**
 * One root schema holding every document as a definition, with every $ref rewritten to
 * `#/definitions/<TypeName>`, so json-schema-to-typescript emits each shared type once.
 */
function combinedSchema(docs: SchemaBundle['schemas']): JSONSchema {
  const nameOfDoc = new Map(docs.map(({ file, schema }) => [schema.$id, docTypeName(file, schema)]));
  const providerOfDoc = new Map(docs.map(({ file, schema }) => [schema.$id, pascal(file.split('/')[1] ?? '')]));
  const definitions: Record<string, unknown> = {};

  const rewrite = (node: unknown, baseId: string): unknown => {
    if (Array.isArray(node)) return node.map((n) => rewrite(n, baseId));
    if (node === null || typeof node !== 'object') return node;
    const out: Record<string, unknown> = {};
    for (const [k, v] of Object.entries(node)) {
      if (k === '$id' || k === '$schema' || k === '$comment' || k.startsWith('x-') || k === 'definitions') continue;
      if (k === '$ref' && typeof v === 'string') {
        const url = new URL(v, baseId);
        const docId = url.href.replace(/#.*$/, '');
        const pointer = decodeURIComponent(url.hash.replace(/^#/, ''));
        const docName = nameOfDoc.get(docId);
        if (!docName) throw new Error(`${baseId}: $ref ${v} points to no known schema`);
        const m = /^\/definitions\/([^/]+)$/.exec(pointer);
        if (pointer && !m) throw new Error(`${baseId}: $ref ${v}: only #/definitions/<name> pointers are supported`);
        out[k] = `#/definitions/${m ? `${providerOfDoc.get(docId)}${m[1]}` : docName}`;
        continue;
      }
      out[k] = rewrite(v, baseId);
    }
    return out;
  };

  for (const { file, schema } of docs) {
    const provider = pascal(file.split('/')[1] ?? '');
    const defs = (schema['definitions'] ?? {}) as Record<string, unknown>;
    for (const [name, def] of Object.entries(defs)) {
      definitions[`${provider}${name}`] = { ...(rewrite(def, schema.$id) as object), title: `${provider}${name}` };
    }
    const body = rewrite(schema, schema.$id) as Record<string, unknown>;
    const isSchemaItself = ['type', 'properties', 'allOf', 'anyOf', 'oneOf', 'enum', 'const', '$ref'].some((k) => k in body);
    if (isSchemaItself) definitions[docTypeName(file, schema)] = { ...body, title: docTypeName(file, schema) };
  }
  return { title: 'ProviderMockSchemas', definitions } as JSONSchema;
}

const BANNER = '// Derived from contracts/**/*.schema.json by `npm run generate`. Do not edit: edit the schemas.';

export async function buildTypes(docs: SchemaBundle['schemas']): Promise<string> {
  const root = combinedSchema(docs);
  let ts = await compile(root, 'ProviderMockSchemas', {
    bannerComment: BANNER,
    unreachableDefinitions: true,
    additionalProperties: false,
    format: true,
    strictIndexSignatures: true,
    $refOptions: { resolve: { external: false } },
  });
  // The root holder type carries nothing useful.
  ts = ts.replace(/export interface ProviderMockSchemas \{[^}]*\}\n?/, '');
  const events = docs.filter(({ file }) => file.includes('/events/'));
  const lines: string[] = [''];
  for (const provider of ['mluvii', 'enreach']) {
    const P = pascal(provider);
    const mine = events.filter(({ file }) => file.startsWith(`contracts/${provider}/`));
    lines.push(`/** Every ${provider} event type, by its name on the wire. */`);
    lines.push(`export interface ${P}EventMap {`);
    for (const { file, schema } of mine) lines.push(`  ${schema['x-event-type']}: ${docTypeName(file, schema)};`);
    lines.push('}');
    lines.push(`export type ${P}EventName = keyof ${P}EventMap;`);
    lines.push(`export type ${P}Event = ${P}EventMap[${P}EventName];`);
    lines.push('');
  }
  lines.push('export interface ProviderEventMap {\n  mluvii: MluviiEventMap;\n  enreach: EnreachEventMap;\n}');
  lines.push('/** The payload type of one event: `EventPayload<\'enreach\', \'UserStatus\'>`. */');
  lines.push('export type EventPayload<P extends keyof ProviderEventMap, E extends keyof ProviderEventMap[P]> = ProviderEventMap[P][E];');
  lines.push('export type AnyProviderEvent = MluviiEvent | EnreachEvent;');
  return ts + lines.join('\n') + '\n';
}

export function buildCatalogJson(docs: SchemaBundle['schemas']): string {
  const catalog = docs
    .filter(({ file }) => file.includes('/events/'))
    .map(({ file, schema }) => ({
      provider: schema['x-provider'],
      eventType: schema['x-event-type'],
      entity: schema['x-entity'],
      entityKey: schema['x-entity-key'],
      sources: schema['x-sources'],
      schema: file,
      description: schema.description,
    }));
  return JSON.stringify(catalog, null, 2) + '\n';
}

/** Every derived file: repo-relative path → content. */
export async function buildArtifacts(): Promise<Map<string, string>> {
  const docs = readSchemaFiles();
  const bundle: SchemaBundle = { schemas: docs };
  return new Map([
    ['contracts/generated/schemas.json', JSON.stringify(bundle) + '\n'],
    ['contracts/generated/catalog.json', buildCatalogJson(docs)],
    ['contracts/generated/types.ts', await buildTypes(docs)],
    // OpenAPI 3.1 / AsyncAPI 3 exports of both providers (contracts/export/).
    [EXPORT_FILES.openapi, exportText('openapi', undefined, docs)],
    [EXPORT_FILES.asyncapi, exportText('asyncapi', undefined, docs)],
    // The doc examples as one bundle, for where there is no file system (MSW in the browser).
    ['contracts/generated/examples.json', JSON.stringify([...docExamples('mluvii'), ...docExamples('enreach')]) + '\n'],
  ]);
}
