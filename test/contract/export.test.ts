/**
 * The OpenAPI 3.1 and AsyncAPI 3 exports: the real parsers find no errors, every provider
 * example validates against the exported schemas, and the documents say what the providers do
 * (one operation per event, their headers, their authentication).
 */
import { copyFileSync, mkdirSync, mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { Ajv } from 'ajv';
import { Ajv2020 } from 'ajv/dist/2020.js';
import { createConfig, lintFromString } from '@redocly/openapi-core';
import { Parser } from '@asyncapi/parser';
import { beforeAll, describe, expect, it } from 'vitest';
import { FORMATS, listEvents, validate, type Provider } from '../../contracts/index.ts';
import { buildAsyncApi, buildOpenApi, docExamples, exportText } from '../../contracts/export/index.ts';
import { REPO_ROOT } from '../../contracts/export/examples.ts';
import { ANNOTATION_KEYWORDS } from '../../contracts/schema-doc.ts';

type Json = Record<string, any>;

/**
 * Warnings the recommended Redocly rules raise, and why they stay:
 * - no-illogical-composition-keywords: QueueCallInUserAllocated's `not: { anyOf: [one schema] }`
 *   (contracts/enreach/events/QueueCallInUserAllocated.schema.json) keeps the schema readable.
 */
const ACCEPTED_REDOCLY_WARNINGS = new Set(['no-illogical-composition-keywords']);
/** AsyncAPI 3.1 exists; 3.0 is what the tools listed in the README read today. */
const ACCEPTED_ASYNCAPI_DIAGNOSTICS = new Set(['asyncapi-latest-version']);

async function redoclyProblems(doc: Json) {
  const config = await createConfig({ extends: ['recommended'] });
  return lintFromString({ source: JSON.stringify(doc), absoluteRef: '/export/openapi.json', config });
}

/** Validators of the components of an exported document, by component name (strict ajv, our formats). */
function componentValidators(AjvClass: typeof Ajv | typeof Ajv2020, components: Json) {
  const ajv = new AjvClass({ strict: true, allErrors: true });
  ajv.addVocabulary([...ANNOTATION_KEYWORDS, 'components', 'schemas']);
  for (const [f, re] of Object.entries(FORMATS)) ajv.addFormat(f, re);
  const id = 'https://provider-mock.dev/export/document.json';
  ajv.addSchema({ $id: id, components });
  return (name: string) => {
    const fn = ajv.getSchema(`${id}#/components/schemas/${name}`);
    if (!fn) throw new Error(`no component ${name}`);
    return fn;
  };
}

const eventExamples = (provider: Provider) => docExamples(provider).filter((e) => e.origin !== 'misc');

describe('OpenAPI 3.1 export', () => {
  const doc: Json = buildOpenApi();

  it('has no errors under Redocly\'s recommended rules (warnings listed)', async () => {
    const problems = await redoclyProblems(doc);
    const errors = problems.filter((p) => p.severity === 'error').map((p) => `${p.ruleId}: ${p.message} at ${p.location[0]?.pointer ?? ''}`);
    expect(errors).toEqual([]);
    const warnings = problems.filter((p) => p.severity !== 'error');
    expect(warnings.filter((w) => !ACCEPTED_REDOCLY_WARNINGS.has(w.ruleId)).map((w) => `${w.ruleId}: ${w.message}`)).toEqual([]);
  });

  it.each(['mluvii', 'enreach'] as const)('has no errors for %s alone either', async (provider) => {
    const problems = await redoclyProblems(buildOpenApi({ providers: [provider] }));
    expect(problems.filter((p) => p.severity === 'error').map((p) => p.message)).toEqual([]);
  });

  it('has one webhook operation per event of the catalog, its body the event schema', () => {
    expect(Object.keys(doc['webhooks']).sort()).toEqual(listEvents().map((e) => e.eventType).sort());
    for (const e of listEvents()) {
      const op = doc['webhooks'][e.eventType].post;
      expect(op.operationId).toBe(`${e.provider}${e.eventType}`);
      expect(op['x-provider']).toBe(e.provider);
      const ref: string = op.requestBody.content['application/json'].schema.$ref;
      expect(doc['components'].schemas[ref.replace('#/components/schemas/', '')]?.title).toBe(e.eventType);
    }
  });

  it('carries the Enreach headers and token, and mluvii\'s Basic auth or query secret', () => {
    const enreach = doc['webhooks']['QueueCallInUserConnected'].post;
    expect(enreach.parameters).toEqual([expect.objectContaining({ name: 'X-Benemen-Event', in: 'header', required: true, schema: { type: 'string', const: 'QueueCallInUserConnected' } })]);
    expect(enreach.security).toEqual([{ enreachToken: [] }]);
    expect(Object.keys(enreach.responses)).toEqual(['200', 'default']);
    const mluvii = doc['webhooks']['SessionCreated'].post;
    expect(mluvii.parameters).toBeUndefined();
    expect(mluvii.security).toEqual([{ mluviiBasicAuth: [] }, { mluviiQuerySecret: [] }]);
    expect(doc['components'].securitySchemes).toEqual({
      mluviiBasicAuth: expect.objectContaining({ type: 'http', scheme: 'basic' }),
      mluviiQuerySecret: expect.objectContaining({ type: 'apiKey', in: 'query', name: 'secret' }),
      enreachToken: expect.objectContaining({ type: 'apiKey', in: 'header', name: 'X-Benemen-Token' }),
    });
  });

  it('attaches every doc example to its operation', () => {
    for (const provider of ['mluvii', 'enreach'] as const) {
      for (const ex of eventExamples(provider)) {
        const examples = doc['webhooks'][ex.name].post.requestBody.content['application/json'].examples;
        expect(examples?.[ex.origin]?.value, ex.file).toEqual(ex.value);
      }
    }
  });

  it('validates every stored example against the exported component schema (JSON Schema 2020-12, as OpenAPI 3.1 reads it)', () => {
    const failures: string[] = [];
    const validator = componentValidators(Ajv2020, doc['components']);
    let n = 0;
    for (const provider of ['mluvii', 'enreach'] as const) {
      for (const ex of docExamples(provider)) {
        n++;
        const check = validator(`${provider === 'mluvii' ? 'Mluvii' : 'Enreach'}${ex.name}`);
        if (!check(ex.value)) failures.push(`${ex.file}: ${JSON.stringify(check.errors)}`);
      }
    }
    expect(failures).toEqual([]);
    expect(n).toBe(39 + 21 + 79 + 1 + 5);
  });

  it('refuses in the exported schema what the catalog refuses', () => {
    const check = componentValidators(Ajv2020, doc['components'])('EnreachQueueCallInUserConnected');
    const ex = structuredClone(eventExamples('enreach').find((e) => e.name === 'QueueCallInUserConnected')!.value) as Json;
    ex['CallId'] = 'not-a-guid';
    expect(check(ex)).toBe(false);
    expect(validate(ex).valid).toBe(false);
  });

  it('is committed as contracts/openapi.json, as generated', () => {
    expect(exportText('openapi')).toBe(JSON.stringify(doc, null, 2) + '\n');
  });
});

describe('AsyncAPI 3 export', () => {
  const doc: Json = buildAsyncApi();
  let parsed: Awaited<ReturnType<Parser['parse']>>;

  beforeAll(async () => {
    parsed = await new Parser().parse(JSON.stringify(doc));
  });

  it('parses with @asyncapi/parser with no errors (other diagnostics listed)', () => {
    const errors = parsed.diagnostics.filter((d) => d.severity === 0).map((d) => `${d.code}: ${d.message} at ${d.path.join('/')}`);
    expect(errors).toEqual([]);
    expect(parsed.document).toBeDefined();
    const others = parsed.diagnostics.filter((d) => d.severity !== 0 && !ACCEPTED_ASYNCAPI_DIAGNOSTICS.has(String(d.code)));
    expect(others.map((d) => `${d.code}: ${d.message}`)).toEqual([]);
  });

  it.each(['mluvii', 'enreach'] as const)('parses with no errors for %s alone', async (provider) => {
    const r = await new Parser().parse(JSON.stringify(buildAsyncApi({ providers: [provider] })));
    expect(r.diagnostics.filter((d) => d.severity === 0).map((d) => d.message)).toEqual([]);
    expect(r.document?.operations().length).toBe(listEvents(provider).length);
  });

  it('has one message and one receive operation per event, on one channel per provider', () => {
    const document = parsed.document!;
    expect(document.messages().length).toBe(listEvents().length);
    expect(document.operations().length).toBe(listEvents().length);
    expect(document.operations().all().every((o) => o.action() === 'receive')).toBe(true);
    expect(document.channels().all().map((c) => c.id()).sort()).toEqual(['enreachWebhook', 'mluviiWebhook']);
    const op = document.operations().get('enreachQueueCallInUserConnected');
    expect(op?.security().length).toBe(1);
    const msg = op?.messages().all()[0];
    expect(msg?.name()).toBe('QueueCallInUserConnected');
    expect(msg?.headers()?.json()).toMatchObject({ properties: { 'X-Benemen-Event': { const: 'QueueCallInUserConnected' } } });
  });

  it('validates every example of every message against its payload schema (draft-07, as AsyncAPI schemas read)', () => {
    const failures: string[] = [];
    const validator = componentValidators(Ajv, doc['components']);
    for (const [id, message] of Object.entries(doc['components'].messages as Json)) {
      const check = validator(String(message.payload.$ref).replace('#/components/schemas/', ''));
      for (const ex of (message.examples ?? []) as Json[]) if (!check(ex['payload'])) failures.push(`${id}/${ex['name']}: ${JSON.stringify(check.errors)}`);
    }
    expect(failures).toEqual([]);
    const count = Object.values(doc['components'].messages as Json).reduce((n, m) => n + ((m as Json)['examples']?.length ?? 0), 0);
    expect(count).toBe(eventExamples('mluvii').length + eventExamples('enreach').length);
  });
});

describe('the doc examples the exports attach', () => {
  it('are found from a checkout whose path has a space in it', async () => {
    // examples.ts and package-files.ts need only node built-ins at run time, so copies of them (and a
    // package.json with our name, which marks the package root) stand for a checkout elsewhere.
    const root = join(mkdtempSync(join(tmpdir(), 'pm-export-')), 'checkout with space');
    mkdirSync(join(root, 'contracts/export'), { recursive: true });
    mkdirSync(join(root, 'contracts/mluvii/examples/en'), { recursive: true });
    writeFileSync(join(root, 'package.json'), JSON.stringify({ name: 'provider-mock', type: 'module' }));
    copyFileSync(join(REPO_ROOT, 'contracts/export/examples.ts'), join(root, 'contracts/export/examples.ts'));
    copyFileSync(join(REPO_ROOT, 'contracts/package-files.ts'), join(root, 'contracts/package-files.ts'));
    copyFileSync(join(REPO_ROOT, 'contracts/mluvii/examples/en/SessionCreated.json'), join(root, 'contracts/mluvii/examples/en/SessionCreated.json'));
    const copy = (await import(pathToFileURL(join(root, 'contracts/export/examples.ts')).href)) as typeof import('../../contracts/export/examples.ts');
    expect(copy.REPO_ROOT).toBe(root);
    expect(copy.docExamples('mluvii').map((e) => e.file)).toEqual(['contracts/mluvii/examples/en/SessionCreated.json']);
  });
});
