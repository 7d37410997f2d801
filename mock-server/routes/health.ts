import type { FastifyPluginAsync } from 'fastify';
import pkg from '../../package.json' with { type: 'json' };

/** For test orchestration (start-server-and-test and the like): 200 once the app is ready. */
export const healthRoutes: FastifyPluginAsync = async (app) => {
  app.get('/health', {
    schema: {
      tags: ['control'],
      summary: 'Liveness for orchestration',
      response: { 200: { type: 'object', properties: { status: { type: 'string' }, version: { type: 'string' } }, required: ['status'] } },
    },
    handler: async () => ({ status: 'ok', version: pkg.version }),
  });
};
