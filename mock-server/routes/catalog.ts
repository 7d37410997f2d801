import type { FastifyPluginAsync } from 'fastify';
import { getSchema, listEvents, resolveEvent, type CatalogEntry } from '../../contracts/catalog.ts';
import type { Provider } from '../../contracts/provider.ts';
import { dereference, generate } from '../../generators/index.ts';
import { listBuiltins } from '../../scenarios/files.ts';
import { parseSeed } from '../../generators/inputs.ts';
import { errorSchema, eventParams, providerParam, sendError, tokenQuery } from '../schemas.ts';

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

/** The catalog: event types (with schema and a generated example) and the built-in scenarios. */
export const catalogRoutes: FastifyPluginAsync = async (app) => {
  const tags = ['catalog'];
  const security = [{ bearer: [] }];
  app.get<{ Querystring: { provider?: Provider } }>('/catalog', {
    schema: {
      tags,
      security,
      summary: 'Every event type and every built-in scenario',
      querystring: { type: 'object', properties: { provider: providerParam, ...tokenQuery.properties }, additionalProperties: false },
      response: {
        200: {
          type: 'object',
          properties: {
            events: { type: 'array', items: eventItem },
            scenarios: {
              type: 'array',
              items: { type: 'object', properties: { name: { type: 'string' }, provider: { type: 'string' }, description: { type: 'string' } }, required: ['name', 'provider', 'description'] },
            },
          },
          required: ['events', 'scenarios'],
        },
        400: errorSchema,
        401: errorSchema,
      },
    },
    handler: async (req) => ({
      events: listEvents(req.query.provider).map(itemOf),
      scenarios: listBuiltins(req.query.provider).map((b) => ({ name: b.name, provider: b.provider, description: b.description })),
    }),
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
        const schema = getSchema(e.provider, e.eventType);
        return {
          ...itemOf(e),
          schema,
          resolvedSchema: dereference(schema, e.schemaId),
          example: generate(e.provider, e.eventType, { seed: parseSeed(req.query.seed, 'query.seed') }),
        };
      } catch (err) {
        return sendError(reply, err);
      }
    },
  });
};
