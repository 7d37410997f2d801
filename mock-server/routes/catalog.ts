import type { FastifyPluginAsync } from 'fastify';
import { getSchema, listEvents, resolveEvent, type CatalogEntry } from '../../contracts/catalog.ts';
import type { Provider } from '../../contracts/provider.ts';
import { dereference, generate } from '../../generators/index.ts';
import { listBuiltins } from '../../scenarios/files.ts';
import { parseSeed } from '../../generators/inputs.ts';
import { errorSchema, eventParams, providerParam, sendError, tokenQuery } from '../schemas.ts';
import { BodyCache, cacheControl, cachedBody, sendCached, type CachedBody } from '../cached-body.ts';

const JSON_TYPE = 'application/json; charset=utf-8';

const eventItem = {
  type: 'object',
  properties: {
    provider: { type: 'string' },
    eventType: { type: 'string' },
    entity: { type: 'string' },
    description: { type: 'string' },
    sources: { type: 'array', items: { type: 'string' } },
  },
  required: ['provider', 'eventType', 'entity', 'description'],
} as const;

/** One catalog entry as the routes show it (`eventItem`). */
function itemOf(e: CatalogEntry) {
  return { provider: e.provider, eventType: e.eventType, entity: e.entity, description: e.description, sources: e.sources };
}

/** GET /catalog's 200 (exported for bench/serve.ts, whose baseline serializes it per request). */
export const catalogSchema = {
  type: 'object',
  properties: {
    events: { type: 'array', items: eventItem },
    scenarios: {
      type: 'array',
      items: { type: 'object', properties: { name: { type: 'string' }, provider: { type: 'string' }, description: { type: 'string' } }, required: ['name', 'provider', 'description'] },
    },
  },
  required: ['events', 'scenarios'],
} as const;

/** The catalog's content (optionally one provider's), as GET /catalog serializes it. */
export function catalogOf(provider?: Provider) {
  return {
    events: listEvents(provider).map(itemOf),
    scenarios: listBuiltins(provider).map((b) => ({ name: b.name, provider: b.provider, description: b.description })),
  };
}

/** The catalog: event types (with schema and a generated example) and the built-in scenarios. */
export const catalogRoutes: FastifyPluginAsync = async (app) => {
  const tags = ['catalog'];
  const security = [{ bearer: [] }];
  const cache = cacheControl(app.security.tokenRequired);
  // Serialized on first request, by the route's own serializer (reply.serializeInput), so the
  // bytes are those the route sent before it cached. Keys: '' and each provider (the query
  // schema allows nothing else).
  const catalogs = new Map<string, CachedBody>();
  // Every event at the default seed fits (~130), with room for the seeds clients ask for.
  const events = new BodyCache(512);
  app.get<{ Querystring: { provider?: Provider } }>('/catalog', {
    schema: {
      tags,
      security,
      summary: 'Every event type and every built-in scenario',
      querystring: { type: 'object', properties: { provider: providerParam, ...tokenQuery.properties }, additionalProperties: false },
      response: {
        200: catalogSchema,
        400: errorSchema,
        401: errorSchema,
      },
    },
    handler: async (req, reply) => {
      const key = req.query.provider ?? '';
      let c = catalogs.get(key);
      if (!c) {
        c = cachedBody(reply.serializeInput(catalogOf(req.query.provider), '200') as string, JSON_TYPE);
        catalogs.set(key, c);
      }
      return sendCached(req, reply, c, cache);
    },
  });

  app.get<{ Params: { provider: Provider; eventType: string }; Querystring: { seed?: string | number } }>('/catalog/:provider/:eventType', {
    schema: {
      tags,
      security,
      summary: 'One event type: its JSON Schema (as is, and with $refs inlined) and a generated, schema-valid example (?seed=)',
      params: eventParams,
      querystring: { type: 'object', properties: { seed: { type: 'string', maxLength: 200 }, ...tokenQuery.properties }, additionalProperties: false },
      response: {
        200: {
          type: 'object',
          properties: { ...eventItem.properties, schema: { description: 'the JSON Schema as in contracts/ (its $refs point at the common schemas)' }, resolvedSchema: { description: 'the same with every $ref inlined (annotations dropped)' }, example: { description: 'a generated payload' } },
          required: ['provider', 'eventType', 'schema', 'resolvedSchema', 'example'],
        },
        400: errorSchema,
        401: errorSchema,
        404: errorSchema,
      },
    },
    handler: async (req, reply) => {
      try {
        const e = resolveEvent(req.params.eventType, req.params.provider, 'path.eventType');
        const seed = parseSeed(req.query.seed, 'query.seed');
        // generate() reads no clock and no state: the same event and seed give the same example.
        // The seed's type is in the key: a text seed never shares a number's entry.
        const c = events.get(`${e.provider}\n${e.eventType}\n${typeof seed}:${seed}`, () => {
          const schema = getSchema(e.provider, e.eventType);
          const body = { ...itemOf(e), schema, resolvedSchema: dereference(schema, e.schemaId), example: generate(e.provider, e.eventType, { seed }) };
          return cachedBody(reply.serializeInput(body, '200') as string, JSON_TYPE);
        });
        return sendCached(req, reply, c, cache);
      } catch (err) {
        return sendError(reply, err);
      }
    },
  });
};
