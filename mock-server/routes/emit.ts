import type { FastifyPluginAsync } from 'fastify';
import type { Provider } from '../../contracts/provider.ts';
import { prepareEmit, type EmitRequest } from '../run-spec.ts';
import { deliveryProps, errorSchema, eventParams, noQuery, runViewSchema, seedSchema, sendError, targetSchema } from '../schemas.ts';

/** POST /emit/{provider}/{eventType}: one generated event, delivered like a one-event run. */
export const emitRoutes: FastifyPluginAsync = async (app) => {
  app.post<{ Params: { provider: Provider; eventType: string }; Body: EmitRequest | undefined }>('/emit/:provider/:eventType', {
    schema: {
      tags: ['runs'],
      security: [{ bearer: [] }],
      summary: 'Emit one generated event (with overrides) to a target or to every matching registration; 202 with the run and the payload',
      params: eventParams,
      querystring: noQuery,
      body: {
        type: ['object', 'null'],
        properties: {
          seed: { ...seedSchema, description: 'seeds the payload (default: a fresh seed per emit, so each emit is a new event)' },
          start: { type: 'string', maxLength: 64, description: 'the event time: ISO or "now" (default 2024-05-02T06:58:58.888Z, as the generators)' },
          overrides: {
            type: 'object',
            maxProperties: 200,
            description: 'JSON path as on the wire → value, e.g. {"data.userId": 2710} (mluvii) or {"EntityId": "…"} (Enreach)',
            additionalProperties: true,
          },
          ...deliveryProps,
          target: targetSchema,
        },
        additionalProperties: false,
      },
      response: {
        202: {
          type: 'object',
          properties: { id: { type: 'string' }, url: { type: 'string' }, run: runViewSchema, payload: { description: 'the generated body' } },
          required: ['id', 'url', 'run', 'payload'],
        },
        400: errorSchema,
        401: errorSchema,
        404: errorSchema,
        409: errorSchema,
        429: errorSchema,
        503: errorSchema,
      },
    },
    handler: async (req, reply) => {
      try {
        const prepared = prepareEmit(req.params.provider, req.params.eventType, req.body ?? {});
        const run = app.runs.launch(prepared);
        return reply.code(202).header('location', `/runs/${run.id}`).send({ id: run.id, url: `/runs/${run.id}`, run: run.view(), payload: prepared.payload });
      } catch (e) {
        return sendError(reply, e);
      }
    },
  });
};
