import { bundle } from './bundle.ts';
import { ProviderMockError, unknownName } from './errors.ts';
import { PROVIDERS, type Provider, isProvider } from './provider.ts';
import type { SchemaDoc } from './schema-doc.ts';

/** One webhook event type, as derived from its schema file (never a hand-kept list). */
export interface CatalogEntry {
  provider: Provider;
  eventType: string;
  /** What the event is about (mluvii: session, emailThread, user, guest, tenant; Enreach: User, Queue, CallList). */
  entity: string;
  /** JSON Pointer to the id the provider orders delivery by. */
  entityKey: string;
  /** Where the event is documented: en-doc, cs-doc, vendor-models (mluvii); enreach-doc. */
  sources: string[];
  description: string;
  /** mluvii only: the vendor's C# payload class. */
  payloadClass?: string;
  schemaId: string;
  /** Path of the schema file relative to the repository root. */
  schemaFile: string;
}

function entryOf(file: string, s: SchemaDoc): CatalogEntry | undefined {
  const provider = s['x-provider'];
  const eventType = s['x-event-type'];
  if (!provider || !eventType || !file.includes('/events/')) return undefined;
  return {
    provider,
    eventType,
    entity: s['x-entity'] ?? '',
    entityKey: s['x-entity-key'] ?? '',
    sources: s['x-sources'] ?? [],
    description: s.description ?? '',
    ...(s['x-payload-class'] ? { payloadClass: s['x-payload-class'] } : {}),
    schemaId: s.$id,
    schemaFile: file,
  };
}

const entries: CatalogEntry[] = bundle.schemas
  .map(({ file, schema }) => entryOf(file, schema))
  .filter((e): e is CatalogEntry => e !== undefined)
  .sort((a, b) => a.provider.localeCompare(b.provider) || a.eventType.localeCompare(b.eventType));

const schemaById = new Map(bundle.schemas.map(({ schema }) => [schema.$id, schema]));

/** Every event type, or one provider's, sorted by provider then name. */
export function listEvents(provider?: Provider): readonly CatalogEntry[] {
  return provider ? entries.filter((e) => e.provider === provider) : entries;
}

export function eventNames(provider?: Provider): string[] {
  return listEvents(provider).map((e) => e.eventType);
}

// Per provider, so that a lookup (every validate()) builds no key string.
const byProvider = new Map<string, Map<string, CatalogEntry>>(PROVIDERS.map((p) => [p, new Map(entries.filter((e) => e.provider === p).map((e) => [e.eventType, e]))]));

export function findEvent(provider: Provider, eventType: string): CatalogEntry | undefined {
  return byProvider.get(provider)?.get(eventType);
}

/** A provider name from user input, or a readable error listing the valid ones. */
export function parseProvider(input: string, where?: string): Provider {
  if (isProvider(input)) return input;
  throw unknownName('PM_UNKNOWN_PROVIDER', 'provider', input, PROVIDERS, where);
}

/**
 * Resolves an event name given by a user. The provider may be omitted when the name exists for
 * one provider only. Unknown names are answered with "did you mean" and the valid list.
 */
export function resolveEvent(eventType: string, provider?: Provider, where?: string): CatalogEntry {
  if (provider) {
    const hit = findEvent(provider, eventType);
    if (hit) return hit;
    throw unknownName('PM_UNKNOWN_EVENT', `${provider} event type`, eventType, eventNames(provider), where);
  }
  const hits = entries.filter((e) => e.eventType === eventType);
  if (hits.length === 1 && hits[0]) return hits[0];
  if (hits.length > 1) {
    throw new ProviderMockError('PM_AMBIGUOUS_EVENT', `event type "${eventType}" exists for several providers`, {
      ...(where ? { where } : {}),
      hint: 'name the provider with --provider',
      validValues: hits.map((h) => h.provider),
    });
  }
  throw unknownName('PM_UNKNOWN_EVENT', 'event type', eventType, eventNames(), where);
}

/** The schema document of an event type (its $refs point into the common schemas). */
export function getSchema(provider: Provider, eventType: string): SchemaDoc {
  const entry = resolveEvent(eventType, provider);
  const schema = schemaById.get(entry.schemaId);
  if (!schema) throw new ProviderMockError('PM_INTERNAL', `schema ${entry.schemaId} missing from the bundle`, { hint: 'run npm run generate' });
  return schema;
}

/** Any schema document by $id (common schemas included). */
export function getSchemaById(id: string): SchemaDoc | undefined {
  return schemaById.get(id);
}

export function allSchemas(): readonly SchemaDoc[] {
  return bundle.schemas.map((s) => s.schema);
}
