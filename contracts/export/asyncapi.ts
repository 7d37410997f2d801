/**
 * The catalog as an AsyncAPI 3 document, seen from the receiver's side: one channel per provider
 * (the callback URL the integrator registers, so its address is not known: null), one message
 * and one `receive` operation per event, the same payload schemas as the OpenAPI export, the
 * provider's headers as message headers and its authentication as security.
 */
import { PROVIDERS, type Provider } from '../provider.ts';
import { SCHEMA_REF_PREFIX, buildComponents, defaultSource, eventDescription, sourceEvents } from './components.ts';
import { eventDocExamples } from './examples.ts';
import { documentDescription, documentTitle, type ExportOptions } from './openapi.ts';
import { PROFILES, WEBHOOK_CONTENT_TYPE, type SecurityScheme } from './providers.ts';
import pkg from '../../package.json' with { type: 'json' };

type Json = Record<string, unknown>;

/** The AsyncAPI HTTP bindings version the operations declare. */
const HTTP_BINDING_VERSION = '0.3.0';

function asyncApiSecurityScheme(s: SecurityScheme): Json {
  return s.kind === 'basic'
    ? { type: 'http', scheme: 'basic', description: s.description }
    : { type: 'httpApiKey', in: s.in, name: s.name, description: s.description };
}

const channelId = (p: Provider) => `${p}Webhook`;
const messageId = (p: Provider, eventType: string) => `${p}${eventType}`;

/** The headers a provider sends with one event, as a JSON Schema, and their values. */
function headersOf(provider: Provider, eventType: string): { schema: Json; values: Record<string, string> } {
  const profile = PROFILES[provider];
  const values: Record<string, string> = { 'Content-Type': WEBHOOK_CONTENT_TYPE };
  if (profile.eventHeader) values[profile.eventHeader] = eventType;
  const properties: Json = {};
  for (const [name, value] of Object.entries(values)) properties[name] = { type: 'string', const: value };
  return { schema: { type: 'object', properties, required: Object.keys(values) }, values };
}

/** Builds the AsyncAPI 3.0 document of one or both providers. */
export function buildAsyncApi(opts: ExportOptions = {}): Json {
  const want = opts.providers ?? PROVIDERS;
  const providers = PROVIDERS.filter((p) => want.includes(p));
  const source = opts.schemas ?? defaultSource();
  const components = buildComponents(providers, source);
  const channels: Json = {};
  const operations: Json = {};
  const messages: Json = {};
  const securitySchemes: Json = {};

  for (const provider of providers) {
    const profile = PROFILES[provider];
    for (const s of profile.security) securitySchemes[s.id] = asyncApiSecurityScheme(s);
    const channelMessages: Json = {};
    for (const entry of sourceEvents(source, provider)) {
      const schema = entry.schema;
      const id = messageId(provider, entry.eventType);
      const headers = headersOf(provider, entry.eventType);
      const examples = eventDocExamples(provider, entry.eventType).map((ex) => ({
        name: ex.origin,
        summary: `${ex.file}`,
        headers: headers.values,
        payload: ex.value,
      }));
      messages[id] = {
        name: entry.eventType,
        title: entry.eventType,
        summary: schema.description ?? entry.eventType,
        description: eventDescription(schema),
        contentType: 'application/json',
        headers: headers.schema,
        payload: { $ref: `${SCHEMA_REF_PREFIX}${components.eventSchema.get(`${provider}/${entry.eventType}`)}` },
        ...(examples.length ? { examples } : {}),
        tags: [{ name: provider }],
        'x-provider': provider,
        'x-event-type': entry.eventType,
        'x-entity': entry.entity,
        'x-entity-key': entry.entityKey,
        'x-sources': entry.sources,
      };
      channelMessages[entry.eventType] = { $ref: `#/components/messages/${id}` };
      operations[id] = {
        action: 'receive',
        channel: { $ref: `#/channels/${channelId(provider)}` },
        title: `Receive ${entry.eventType}`,
        summary: schema.description ?? entry.eventType,
        messages: [{ $ref: `#/channels/${channelId(provider)}/messages/${entry.eventType}` }],
        security: profile.security.map((s) => ({ $ref: `#/components/securitySchemes/${s.id}` })),
        bindings: { http: { method: 'POST', bindingVersion: HTTP_BINDING_VERSION } },
        tags: [{ name: provider }],
      };
    }
    channels[channelId(provider)] = {
      address: null,
      title: `${PROFILES[provider].title}: your callback URL`,
      description: `The URL registered with ${provider}; ${provider} POSTs one event per request. ${profile.success.description} ${profile.failure}`,
      messages: channelMessages,
      externalDocs: { url: profile.docsUrl },
    };
  }

  return {
    asyncapi: '3.0.0',
    info: {
      title: documentTitle(providers),
      version: pkg.version,
      description: documentDescription(providers),
      license: { name: 'MIT' },
      tags: providers.map((p) => ({ name: p, description: PROFILES[p].title, externalDocs: { url: PROFILES[p].docsUrl } })),
    },
    defaultContentType: 'application/json',
    channels,
    operations,
    components: { schemas: components.schemas, messages, securitySchemes },
  };
}
