/**
 * The catalog as an OpenAPI 3.1 document: one `webhooks` operation per event (POST to the
 * integrator's callback URL), the request body = the event schema, the provider's headers as
 * parameters, its authentication as security, the doc examples attached. For Prism, Microcks,
 * Specmatic, Redocly, openapi-typescript and the like.
 */
import { PROVIDERS, type Provider } from '../provider.ts';
import { SCHEMA_REF_PREFIX, buildComponents, defaultSource, eventDescription, sourceEvents, type SchemaSource } from './components.ts';
import { eventDocExamples } from './examples.ts';
import { PROFILES, WEBHOOK_CONTENT_TYPE, type SecurityScheme } from './providers.ts';
import pkg from '../../package.json' with { type: 'json' };

export interface ExportOptions {
  /** Only these providers' events (default: both). */
  providers?: readonly Provider[];
  /** The schema documents to export (default: the committed bundle; npm run generate passes the files it just read). */
  schemas?: SchemaSource;
}

type Json = Record<string, unknown>;

function providersOf(opts: ExportOptions): Provider[] {
  const want = opts.providers ?? PROVIDERS;
  return PROVIDERS.filter((p) => want.includes(p));
}

export function documentTitle(providers: readonly Provider[]): string {
  return providers.length === 1 ? `${PROFILES[providers[0]!].title} (provider-mock)` : 'mluvii and Enreach webhooks (provider-mock)';
}

export function documentDescription(providers: readonly Provider[]): string {
  return [
    `Every webhook event ${providers.map((p) => PROFILES[p].title).join(' and ')} send${providers.length === 1 ? 's' : ''}, as catalogued by provider-mock:`,
    'one operation per event type, named exactly as on the wire. The payload schemas are the catalog\'s strict schemas (exactly what the provider sends:',
    'unknown properties are refused, so a forward-compatible receiver should accept more than they do).',
    'Derived from contracts/**/*.schema.json by `npm run generate`; do not edit.',
  ].join(' ');
}

function openApiSecurityScheme(s: SecurityScheme): Json {
  return s.kind === 'basic'
    ? { type: 'http', scheme: 'basic', description: s.description }
    : { type: 'apiKey', in: s.in, name: s.name, description: s.description };
}

function operationId(provider: Provider, eventType: string): string {
  return `${provider}${eventType}`;
}

function exampleSummary(provider: Provider, origin: string): string {
  const label: Record<string, string> = {
    en: 'mluvii English doc',
    cs: 'mluvii Czech doc',
    reference: 'Enreach doc, event reference',
    intro: 'Enreach doc, intro "Example full request"',
  };
  return `Example from the ${label[origin] ?? `${provider} ${origin}`}`;
}

/** Builds the OpenAPI 3.1 document of one or both providers. */
export function buildOpenApi(opts: ExportOptions = {}): Json {
  const providers = providersOf(opts);
  const source = opts.schemas ?? defaultSource();
  const components = buildComponents(providers, source);
  const webhooks: Json = {};
  const securitySchemes: Json = {};

  for (const provider of providers) {
    const profile = PROFILES[provider];
    for (const s of profile.security) securitySchemes[s.id] = openApiSecurityScheme(s);
    for (const entry of sourceEvents(source, provider)) {
      const schema = entry.schema;
      if (entry.eventType in webhooks) throw new Error(`event type ${entry.eventType} exists for several providers: the webhook keys would clash`);
      const examples: Json = {};
      for (const ex of eventDocExamples(provider, entry.eventType)) {
        examples[ex.origin] = { summary: exampleSummary(provider, ex.origin), description: `contracts: ${ex.file}`, value: ex.value };
      }
      const parameters = profile.eventHeader
        ? [
            {
              name: profile.eventHeader,
              in: 'header',
              required: true,
              description: 'The event type, equal to the body\'s EventType (docs/providers.md E1).',
              schema: { type: 'string', const: entry.eventType },
              example: entry.eventType,
            },
          ]
        : [];
      webhooks[entry.eventType] = {
        post: {
          operationId: operationId(provider, entry.eventType),
          summary: entry.eventType,
          description: eventDescription(schema),
          tags: [provider],
          ...(parameters.length ? { parameters } : {}),
          requestBody: {
            required: true,
            description: `One ${entry.eventType} event, sent as ${WEBHOOK_CONTENT_TYPE}.`,
            content: {
              'application/json': {
                schema: { $ref: `${SCHEMA_REF_PREFIX}${components.eventSchema.get(`${provider}/${entry.eventType}`)}` },
                ...(Object.keys(examples).length ? { examples } : {}),
              },
            },
          },
          responses: {
            [profile.success.key]: { description: profile.success.description },
            default: { description: profile.failure },
          },
          security: profile.security.map((s) => ({ [s.id]: [] })),
          'x-provider': provider,
          'x-event-type': entry.eventType,
          'x-entity': entry.entity,
          'x-entity-key': entry.entityKey,
          'x-sources': entry.sources,
          ...(entry.payloadClass ? { 'x-payload-class': entry.payloadClass } : {}),
        },
      };
    }
  }

  return {
    openapi: '3.1.0',
    info: {
      title: documentTitle(providers),
      version: pkg.version,
      summary: 'Webhook events as the providers send them',
      description: documentDescription(providers),
      license: { name: 'MIT', identifier: 'MIT' },
    },
    // Webhooks go to whatever callback URL the integrator registers; the document has no paths.
    servers: [
      {
        url: '{callbackUrl}',
        description: 'Your webhook receiver: the callback URL registered with the provider.',
        variables: { callbackUrl: { default: 'http://127.0.0.1:8080/webhook', description: 'The callback URL you register.' } },
      },
    ],
    tags: providers.map((p) => ({
      name: p,
      description: PROFILES[p].title,
      externalDocs: { description: `${PROFILES[p].title}: documentation`, url: PROFILES[p].docsUrl },
    })),
    webhooks,
    components: { schemas: components.schemas, securitySchemes },
  };
}

