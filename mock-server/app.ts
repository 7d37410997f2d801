import Fastify, { type FastifyInstance, type FastifyServerOptions } from 'fastify';
import swagger from '@fastify/swagger';
import swaggerUi from '@fastify/swagger-ui';
import pkg from '../package.json' with { type: 'json' };
import { providersPlugin, type ProvidersOptions } from './plugins/providers.ts';
import { enreachRoutes } from './routes/enreach.ts';
import { healthRoutes } from './routes/health.ts';
import { mluviiRoutes } from './routes/mluvii.ts';

export interface AppOptions extends ProvidersOptions {
  /** Largest request body accepted, bytes (default 1 MiB). */
  bodyLimit?: number;
  logger?: FastifyServerOptions['logger'];
}

/**
 * The mock server as a Fastify app. It never listens: `server.ts` does, and tests use inject().
 */
export async function buildApp(opts: AppOptions = {}): Promise<FastifyInstance> {
  // caseSensitive: false because the real mluvii host (ASP.NET on IIS) matches routes so, and
  // integrators write `/api/v1/webhooks` as often as `/api/v1/Webhooks`.
  const app = Fastify({ logger: opts.logger ?? false, caseSensitive: false, bodyLimit: opts.bodyLimit ?? 1024 * 1024 });

  // The mluvii token endpoint takes a form body (FACTS M13).
  app.addContentTypeParser('application/x-www-form-urlencoded', { parseAs: 'string' }, (_req, body, done) => {
    done(null, Object.fromEntries(new URLSearchParams(body as string)));
  });

  app.setErrorHandler((error: { statusCode?: number; code?: string; message: string; validation?: unknown }, req, reply) => {
    const status = error.statusCode && error.statusCode >= 400 && error.statusCode < 500 ? error.statusCode : 500;
    if (status === 500) req.log.error(error);
    return reply.code(status).send({
      error: status === 500 ? 'Internal Server Error' : (error.code ?? 'Bad Request'),
      // Fastify's own messages already say what was wrong (malformed JSON, body too large, a schema violation with its path).
      message: status === 500 ? 'unexpected error; see the server log' : error.message,
      statusCode: status,
    });
  });
  app.setNotFoundHandler((req, reply) =>
    reply.code(404).send({ error: 'Not Found', message: `no route ${req.method} ${req.url.split('?')[0]}; the routes are listed at /docs`, statusCode: 404 }),
  );

  await app.register(swagger, {
    openapi: {
      openapi: '3.1.0',
      info: { title: 'provider-mock', version: pkg.version, description: 'Control API and the impersonated mluvii/Enreach surfaces' },
      components: { securitySchemes: { bearer: { type: 'http', scheme: 'bearer' } } },
    },
  });
  await app.register(swaggerUi, { routePrefix: '/docs' });

  await app.register(providersPlugin, opts);
  await app.register(healthRoutes);
  await app.register(mluviiRoutes);
  await app.register(enreachRoutes);
  return app;
}
