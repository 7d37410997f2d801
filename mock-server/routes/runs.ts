import type { FastifyPluginAsync, FastifyReply, FastifyRequest } from 'fastify';
import { ProviderMockError } from '../../contracts/errors.ts';
import { TIME_LIMITS } from '../../delivery/index.ts';
import type { Run, RunMessage } from '../run-manager.ts';
import { prepareScenarioRun, type RunRequest } from '../run-spec.ts';
import {
  deliveryProps,
  errorSchema,
  eventDetailSchema,
  eventViewSchema,
  noBody,
  noQuery,
  runIdParams,
  runViewSchema,
  seedSchema,
  sendError,
  targetSchema,
  tokenQuery,
} from '../schemas.ts';

const runBody = {
  type: 'object',
  description: 'A run: scenarios (built-in names or files) and/or an inline YAML scenario, delivered to `target` or, without it, to every matching registration',
  properties: {
    scenario: {
      anyOf: [
        { type: 'string', minLength: 1, maxLength: 500 },
        { type: 'array', minItems: 1, maxItems: 20, items: { type: 'string', minLength: 1, maxLength: 500 } },
      ],
      description: 'built-in name(s) (`chat-session`, `enreach/queue-call-answered`) or .yaml path(s)',
    },
    yaml: { type: 'string', minLength: 1, maxLength: 256 * 1024, description: 'an inline scenario; its include: may name built-ins only' },
    seed: seedSchema,
    time: {
      anyOf: [
        { type: 'string', enum: ['instant', 'realtime'] },
        { type: 'object', properties: { speed: { type: 'number', minimum: TIME_LIMITS.speed.min, maximum: TIME_LIMITS.speed.max } }, required: ['speed'], additionalProperties: false },
      ],
      description: 'instant (no waiting), realtime (the default: the scenario as timed), or {"speed": 60} (a scenario minute per second)',
    },
    start: { type: 'string', maxLength: 64, description: 'ISO time of offset 0, or "now" (default 2024-05-06T13:00:00Z)' },
    set: { type: 'array', maxItems: 100, items: { type: 'string', minLength: 1, maxLength: 2000 }, description: 'step.path=value overrides' },
    skip: { type: 'array', maxItems: 100, items: { type: 'string', minLength: 1, maxLength: 200 }, description: 'steps to leave out' },
    faults: {
      type: 'object',
      properties: {
        duplicates: { type: 'number', minimum: 0, maximum: 1 },
        reorder: { type: 'number', minimum: 0, maximum: 1 },
        delay: { type: 'string', maxLength: 50, description: 'jitter before each attempt, e.g. "0..200ms"' },
      },
      additionalProperties: false,
    },
    ...deliveryProps,
    concurrency: { type: 'integer', minimum: 1, maximum: 64 },
    target: targetSchema,
  },
  additionalProperties: false,
} as const;

const accepted = {
  type: 'object',
  properties: { id: { type: 'string' }, status: { type: 'string' }, url: { type: 'string' }, events: { type: 'string' }, run: runViewSchema },
  required: ['id', 'status', 'url', 'events', 'run'],
} as const;

/** One Server-Sent Event. */
function sse(msg: RunMessage): string {
  return `event: ${msg.type}\ndata: ${JSON.stringify(msg.data)}\n\n`;
}

/** Unsent SSE bytes above this drop a client that does not read (bounded memory per subscriber). */
const MAX_BUFFERED = 4 * 1024 * 1024;
const HEARTBEAT_MS = 15_000;

function runOr404(req: FastifyRequest<{ Params: { id: string } }>, reply: FastifyReply): Run | undefined {
  const run = req.server.runs.manager.get(req.params.id);
  if (!run) {
    void sendError(reply, new ProviderMockError('PM_UNKNOWN_RUN', `no run with id "${req.params.id}"`, { where: 'path.id', hint: 'GET /runs lists the runs kept in memory' }));
  }
  return run;
}

/** The control API for runs. */
export const runsRoutes: FastifyPluginAsync = async (app) => {
  const tags = ['runs'];
  const security = [{ bearer: [] }];

  app.post<{ Body: RunRequest }>('/runs', {
    bodyLimit: 512 * 1024,
    schema: {
      tags,
      security,
      summary: 'Start a run (202 with its id); without target, events go to every matching mluvii webhook / Enreach subscription',
      querystring: noQuery,
      body: runBody,
      response: { 202: accepted, 400: errorSchema, 401: errorSchema, 409: errorSchema, 429: errorSchema, 503: errorSchema },
    },
    handler: async (req, reply) => {
      try {
        const prepared = prepareScenarioRun(req.body, { cwd: app.runs.cwd, allowFiles: app.security.allowScenarioFiles });
        const run = app.runs.launch(prepared);
        return reply
          .code(202)
          .header('location', `/runs/${run.id}`)
          .send({ id: run.id, status: run.status, url: `/runs/${run.id}`, events: `/runs/${run.id}/events`, run: run.view() });
      } catch (e) {
        return sendError(reply, e);
      }
    },
  });

  app.get('/runs', {
    schema: {
      tags,
      security,
      summary: 'The runs kept in memory, newest first',
      querystring: tokenQuery,
      response: { 200: { type: 'object', properties: { runs: { type: 'array', items: runViewSchema } }, required: ['runs'] }, 400: errorSchema, 401: errorSchema },
    },
    handler: async () => ({ runs: app.runs.manager.list().map((r) => r.view()) }),
  });

  app.get<{ Params: { id: string } }>('/runs/:id', {
    schema: {
      tags,
      security,
      summary: 'A run: status, counts, and its events with every attempt (payloads: GET /runs/{id}/deliveries/{seq})',
      params: runIdParams,
      querystring: tokenQuery,
      response: {
        200: { type: 'object', properties: { run: runViewSchema, events: { type: 'array', items: eventViewSchema } }, required: ['run', 'events'] },
        400: errorSchema,
        401: errorSchema,
        404: errorSchema,
      },
    },
    handler: async (req, reply) => {
      const run = runOr404(req, reply);
      if (!run) return reply;
      return { run: run.view(), events: run.events() };
    },
  });

  app.get<{ Params: { id: string; seq: number } }>('/runs/:id/deliveries/:seq', {
    schema: {
      tags,
      security,
      summary: 'One event of a run: its payload, the request headers per target (credentials masked), and each attempt',
      params: { type: 'object', properties: { id: runIdParams.properties.id, seq: { type: 'integer', minimum: 0 } }, required: ['id', 'seq'], additionalProperties: false },
      querystring: tokenQuery,
      response: { 200: eventDetailSchema, 400: errorSchema, 401: errorSchema, 404: errorSchema },
    },
    handler: async (req, reply) => {
      const run = runOr404(req, reply);
      if (!run) return reply;
      const detail = run.detail(req.params.seq);
      if (!detail) {
        return sendError(
          reply,
          new ProviderMockError('PM_UNKNOWN_RUN', `run ${run.id} has no event ${req.params.seq}${run.truncated ? ' kept (the run went over the per-run cap)' : ''}`, { where: 'path.seq' }),
        );
      }
      return detail;
    },
  });

  app.post<{ Params: { id: string } }>('/runs/:id/cancel', {
    schema: {
      tags,
      security,
      summary: 'Cancel a queued or running run (in-flight attempts get a short grace period); a finished run is answered as it is',
      params: runIdParams,
      querystring: noQuery,
      body: noBody,
      response: { 200: runViewSchema, 400: errorSchema, 401: errorSchema, 404: errorSchema },
    },
    handler: async (req, reply) => {
      const run = runOr404(req, reply);
      if (!run) return reply;
      app.runs.manager.cancel(run.id);
      return run.view();
    },
  });

  app.get<{ Params: { id: string } }>('/runs/:id/events', {
    schema: {
      tags,
      security,
      summary:
        'Server-Sent Events: `run` (status), then `event` (an event read, with its targets) and `attempt` (every HTTP attempt) as they happen, replayed from the start; `end` when the run is over. EventSource cannot send headers: pass the control token as ?access_token=',
      params: runIdParams,
      querystring: tokenQuery,
      produces: ['text/event-stream'],
      response: { 200: { type: 'string', description: 'text/event-stream' }, 400: errorSchema, 401: errorSchema, 404: errorSchema },
    },
    handler: async (req, reply) => {
      const run = runOr404(req, reply);
      if (!run) return reply;
      reply.hijack();
      const res = reply.raw;
      res.writeHead(200, {
        'content-type': 'text/event-stream; charset=utf-8',
        'cache-control': 'no-cache, no-transform',
        connection: 'keep-alive',
        'x-accel-buffering': 'no',
      });
      let open = true;
      let heartbeat: NodeJS.Timeout | undefined;
      const close = (): void => {
        if (!open) return;
        open = false;
        if (heartbeat) clearInterval(heartbeat);
        run.subscribers.delete(send);
        if (!res.writableEnded) res.end();
      };
      const send = (msg: RunMessage): void => {
        if (!open || res.destroyed) return close();
        res.write(sse(msg));
        if (msg.type === 'end') return close();
        if (res.writableLength > MAX_BUFFERED) {
          res.write(`event: error\ndata: ${JSON.stringify({ message: 'the client reads too slowly; stream closed' })}\n\n`);
          close();
        }
      };
      res.on('close', close);
      res.on('error', close);
      res.write('retry: 2000\n\n');
      // Synchronous: nothing can happen to the run between the replay and the subscription.
      run.replay(send);
      if (run.finished) send({ type: 'end', data: run.view() });
      else if (open) {
        run.subscribers.add(send);
        heartbeat = setInterval(() => {
          if (open) res.write(': keep-alive\n\n');
        }, HEARTBEAT_MS);
        heartbeat.unref();
      }
      return reply;
    },
  });
};
