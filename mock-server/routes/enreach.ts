import type { FastifyPluginAsync } from 'fastify';
import { parseEnreachConfig, type EnreachWebhookConfig } from '../../contracts/registration/enreach-config.ts';
import { checkEnreachTimeout } from '../plugins/runs.ts';
import { errorSchema, noBody, noQuery, sendError, tokenQuery } from '../schemas.ts';

/** Secrets never leave the server in a listing. */
function maskConfig(c: EnreachWebhookConfig): EnreachWebhookConfig {
  return { ...c, Webhook: { ...c.Webhook, ...(c.Webhook.Secret !== undefined ? { Secret: '***' } : {}) } };
}

/**
 * Enreach has no registration API: its support desk configures endpoints and subscriptions
 * (docs/providers.md E6). The mock takes the same configuration document through this admin route (and
 * `serve --config`), one document or an array of them.
 */
export const enreachRoutes: FastifyPluginAsync = async (app) => {
  const tags = ['enreach'];
  const list = { type: 'array', items: { type: 'object', additionalProperties: true } } as const;
  app.get('/enreach/webhooks', {
    schema: { tags, summary: 'The configured Enreach endpoints and subscriptions (secrets masked)', querystring: tokenQuery, response: { 200: list, 400: errorSchema } },
    handler: async () => app.enreach.configs.map(maskConfig),
  });
  app.post('/enreach/webhooks', {
    schema: {
      tags,
      summary: 'Add endpoint configuration(s): the document of the Enreach webhook doc, or an array of them',
      querystring: noQuery,
      body: { description: 'Enreach webhook configuration document (contracts/enreach/config.schema.json) or an array of them' },
      response: { 201: list, 400: errorSchema },
    },
    handler: async (req, reply) => {
      try {
        const added = parseEnreachConfig(req.body, 'body');
        // Off loopback (or with --allow-target) no endpoint outside the allow-list: no open relay.
        added.forEach((c, i) => {
          const at = `body: $${Array.isArray(req.body) ? `[${i}]` : ''}.Webhook`;
          app.security.checkTarget(c.Webhook.Endpoint, `${at}.Endpoint`);
          checkEnreachTimeout(c, `${at}.TimeoutSeconds`);
        });
        app.enreach.configs.push(...added);
        return reply.code(201).send(app.enreach.configs.map(maskConfig));
      } catch (e) {
        // Every ProviderMockError here is the document's fault (an unknown event name too): 400.
        return sendError(reply, e, 400);
      }
    },
  });
  app.delete('/enreach/webhooks', {
    schema: { tags, summary: 'Remove every Enreach configuration', querystring: noQuery, body: noBody, response: { 204: { type: 'null' }, 400: errorSchema } },
    handler: async (_req, reply) => {
      app.enreach.configs.length = 0;
      return reply.code(204).send();
    },
  });
};
