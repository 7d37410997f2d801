import Fastify, { type FastifyInstance, type FastifyServerOptions } from 'fastify';
import swagger from '@fastify/swagger';
import swaggerUi from '@fastify/swagger-ui';
import pkg from '../package.json' with { type: 'json' };
import { suggestion } from '../contracts/errors.ts';
import { cacheControl, cachedBody, sendCached, type CachedBody } from './cached-body.ts';
import { persistencePlugin } from './persistence.ts';
import { providersPlugin, type ProvidersOptions } from './plugins/providers.ts';
import { runsPlugin, type RunsOptions } from './plugins/runs.ts';
import { requestGuardPlugin, type RequestGuardOptions } from './plugins/request-guard.ts';
import { securityPlugin, type SecurityOptions } from './plugins/security.ts';
import { catalogRoutes } from './routes/catalog.ts';
import { emitRoutes } from './routes/emit.ts';
import { enreachRoutes } from './routes/enreach.ts';
import { healthRoutes } from './routes/health.ts';
import { inspectorRoutes } from './routes/inspector.ts';
import { mluviiRoutes } from './routes/mluvii.ts';
import { runsRoutes } from './routes/runs.ts';

export interface AppOptions extends ProvidersOptions {
  /** Largest request body accepted, bytes (default 1 MiB; POST /runs takes up to 512 KiB). */
  bodyLimit?: number;
  logger?: FastifyServerOptions['logger'];
  /** Control token and target allow-list (plugins/security.ts). */
  security?: SecurityOptions;
  /** Host, Origin and content-type rules against web pages (plugins/request-guard.ts). */
  requests?: RequestGuardOptions;
  /** Run history, caps, data directory (plugins/runs.ts). */
  runs?: RunsOptions;
  /** Serve HTTPS with this PEM key and certificate (server.ts passes the ones of --tls). */
  https?: { key: string; cert: string };
}

interface AjvError {
  keyword: string;
  instancePath: string;
  message?: string;
  params: Record<string, unknown>;
  /** With `verbose`: the keyword's value (for anyOf/oneOf, the branches). */
  schema?: unknown;
  parentSchema?: { properties?: Record<string, unknown> };
}

interface BranchSchema {
  type?: string | string[];
  enum?: unknown[];
  properties?: Record<string, BranchSchema>;
  items?: BranchSchema;
  minItems?: number;
}

/** One branch of an anyOf as a reader would write it: `"instant"`, `{"speed": number}`, `a non-empty list of string`. */
function describeBranch(b: BranchSchema): string {
  if (Array.isArray(b.enum)) return b.enum.map((v) => JSON.stringify(v)).join(' or ');
  const type = Array.isArray(b.type) ? b.type.join(' or ') : b.type;
  if (type === 'object' && b.properties) {
    return `{${Object.entries(b.properties).map(([k, v]) => `"${k}": ${Array.isArray(v.type) ? v.type.join(' | ') : (v.type ?? 'any')}`).join(', ')}}`;
  }
  if (type === 'array') return `a ${b.minItems ? 'non-empty ' : ''}list${b.items ? ` of ${describeBranch(b.items)}` : ''}`;
  return type ?? 'one of the documented forms';
}

/** Keywords that fail only once the value has a branch's type: the value picked that branch. */
const TYPE_KEYWORDS = new Set(['type', 'enum', 'anyOf', 'oneOf']);

/**
 * One readable line per schema violation: where (`body.target.url`), what, and the valid values
 * (unknown properties get "did you mean" and the known ones).
 */
function formatSchemaErrors(errors: readonly AjvError[], dataVar: string): Error {
  const last = errors[errors.length - 1];
  const first = errors[0];
  const e = last?.keyword === 'anyOf' || last?.keyword === 'oneOf' ? last : first;
  if (!e) return new Error(`${dataVar} is invalid`);
  const path = `${dataVar}${e.instancePath.replace(/\//g, '.')}`;
  let msg = `${path} ${e.message ?? 'is invalid'}`;
  if (e.keyword === 'additionalProperties') {
    const name = String(e.params['additionalProperty']);
    const known = Object.keys(e.parentSchema?.properties ?? {});
    msg = `${path} has an unknown property "${name}"${suggestion(name, known)}${known.length ? `; valid: ${known.join(', ')}` : '; it takes none'}`;
  } else if (e.keyword === 'type') {
    // Ajv writes a type list as "string,integer".
    msg = `${path} must be ${String(e.params['type']).split(',').join(' or ')}`;
  } else if (e.keyword === 'enum') {
    msg += `: ${(e.params['allowedValues'] as unknown[]).map((v) => JSON.stringify(v)).join(', ')}`;
  } else if (e.keyword === 'anyOf' || e.keyword === 'oneOf') {
    const types = errors.filter((x) => x.keyword === 'type' && x.instancePath === e.instancePath).map((x) => String(x.params['type']));
    const enums = errors.filter((x) => x.keyword === 'enum' && x.instancePath === e.instancePath).flatMap((x) => (x.params['allowedValues'] as unknown[]).map((v) => JSON.stringify(v)));
    const inner = errors.filter((x) => x.instancePath.startsWith(`${e.instancePath}/`));
    if (inner.length > 0 && inner[0]) return formatSchemaErrors([inner[0]], dataVar);
    // The value has a branch's type but breaks another of its rules ([] for "a non-empty list",
    // {"sped": 2} for {"speed": n}): that rule is the useful message.
    const shape = errors.find((x) => x.instancePath === e.instancePath && !TYPE_KEYWORDS.has(x.keyword));
    if (shape) return formatSchemaErrors([shape], dataVar);
    const forms = Array.isArray(e.schema) ? (e.schema as BranchSchema[]).map(describeBranch) : [...enums, ...types];
    msg = `${path} must be ${[...new Set(forms)].join(' or ') || 'one of the documented forms'}`;
  }
  return new Error(msg);
}

/**
 * The mock server as a Fastify app. It never listens: `server.ts` does, and tests use inject().
 */
export async function buildApp(opts: AppOptions = {}): Promise<FastifyInstance> {
  // caseSensitive: false because the real mluvii host (ASP.NET on IIS) matches routes so, and
  // integrators write `/api/v1/webhooks` as often as `/api/v1/Webhooks`.
  const app = Fastify({
    ...(opts.https ? { https: opts.https } : {}),
    logger: opts.logger ?? false,
    routerOptions: { caseSensitive: false },
    bodyLimit: opts.bodyLimit ?? 1024 * 1024,
    // Unknown properties are refused (400 naming them), not silently dropped; `verbose` gives the
    // formatter the known property names.
    ajv: { customOptions: { removeAdditional: false, verbose: true, allowUnionTypes: true } },
    schemaErrorFormatter: (errors, dataVar) => formatSchemaErrors(errors as unknown as AjvError[], dataVar),
  } as FastifyServerOptions) as unknown as FastifyInstance;

  // The mluvii token endpoint takes a form body (docs/providers.md M13).
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

  // First, so every route (the docs and the inspector too) answers only requests that name this server.
  await app.register(requestGuardPlugin, opts.requests ?? {});

  await app.register(swagger, {
    openapi: {
      openapi: '3.1.0',
      info: { title: 'provider-mock', version: pkg.version, description: 'Control API and the impersonated mluvii/Enreach surfaces' },
      components: {
        securitySchemes: {
          bearer: { type: 'http', scheme: 'bearer', description: 'mluvii routes: the token of POST /login/connect/token; control routes: the server\'s control token (--token), when it has one' },
        },
      },
      tags: [
        { name: 'runs', description: 'Control API: start, watch (SSE) and cancel runs; emit one event' },
        { name: 'catalog', description: 'Event types, schemas, examples, built-in scenarios' },
        { name: 'mluvii', description: 'The impersonated mluvii Public API (token, webhook registration, the sessions and users runs have played)' },
        { name: 'enreach', description: 'Enreach webhook configuration (done by Enreach support in reality)' },
        { name: 'inspector', description: 'The inspector page' },
        { name: 'control', description: 'Health' },
      ],
    },
  });
  // The OpenAPI document is fixed once the app is ready, but swagger-ui re-serializes it (57 KB of
  // JSON) on every GET /docs/json: serve it once serialized, with an ETag, like the catalog.
  const specs = new Map<string, CachedBody>();
  const spec = (url: string | undefined): CachedBody | undefined => {
    if (url !== '/docs/json' && url !== '/docs/yaml') return undefined;
    let c = specs.get(url);
    if (!c) {
      c = url === '/docs/json' ? cachedBody(JSON.stringify(app.swagger()), 'application/json; charset=utf-8') : cachedBody(app.swagger({ yaml: true }), 'application/x-yaml');
      specs.set(url, c);
    }
    return c;
  };
  await app.register(swaggerUi, {
    routePrefix: '/docs',
    uiHooks: {
      // The public docs: no token, so the same Cache-Control as the inspector's files.
      onRequest: (req, reply, done) => {
        const c = spec(req.routeOptions.url);
        if (c) void sendCached(req, reply, c, cacheControl(false));
        else done();
      },
    },
  });

  await app.register(securityPlugin, opts.security ?? {});
  await app.register(providersPlugin, opts);
  await app.register(runsPlugin, opts.runs ?? {});
  // --data-dir: registrations survive a restart (run history is read back by the runs plugin).
  await app.register(persistencePlugin, opts.runs?.dataDir ? { dataDir: opts.runs.dataDir } : {});

  // Public: liveness, the inspector's static files, and the impersonated mluvii API (its own OAuth).
  await app.register(healthRoutes);
  await app.register(inspectorRoutes);
  await app.register(mluviiRoutes);
  // Control routes: the control token when the server has one. The Enreach configuration route is
  // ours (Enreach has no registration API, docs/providers.md E6), so it is a control route too.
  await app.register(async (control) => {
    control.addHook('onRequest', control.requestGuard.checkControl);
    control.addHook('onRequest', control.security.requireToken);
    await control.register(enreachRoutes);
    await control.register(runsRoutes);
    await control.register(emitRoutes);
    await control.register(catalogRoutes);
  });
  return app;
}
