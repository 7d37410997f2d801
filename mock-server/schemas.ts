/**
 * JSON Schemas shared by the control routes: request bodies are checked with them (400 with
 * the path of the first problem), responses are serialized with them, and /docs shows them.
 */
import type { FastifyReply } from 'fastify';
import { ProviderMockError } from '../contracts/errors.ts';
import { PROVIDERS } from '../contracts/provider.ts';
import { TIME_LIMITS } from '../delivery/index.ts';
import { RUN_COUNT_KEYS } from './run-manager.ts';

export const errorSchema = {
  type: 'object',
  description: 'A readable error: stable code, what was wrong, where, and the fix or the valid values',
  properties: {
    error: { type: 'string' },
    message: { type: 'string' },
    statusCode: { type: 'integer' },
    where: { type: 'string' },
    hint: { type: 'string' },
    validValues: { type: 'array', items: { type: 'string' } },
  },
  required: ['error', 'message'],
} as const;

const STATUS_OF: Record<string, number> = {
  PM_NO_REGISTRATION: 409,
  PM_TOO_MANY_RUNS: 429,
  PM_SERVER_CLOSING: 503,
  PM_UNKNOWN_EVENT: 404,
  PM_UNKNOWN_RUN: 404,
};

/** Sends a ProviderMockError as 4xx (never 5xx: it is the caller's input); rethrows anything else. */
export function sendError(reply: FastifyReply, e: unknown, status?: number): FastifyReply {
  if (!(e instanceof ProviderMockError)) throw e;
  const code = status ?? STATUS_OF[e.code] ?? 400;
  return reply.code(code).send({
    error: e.code,
    message: e.message,
    statusCode: code,
    ...(e.where !== undefined ? { where: e.where } : {}),
    ...(e.hint !== undefined ? { hint: e.hint } : {}),
    ...(e.validValues ? { validValues: e.validValues.slice(0, 200) } : {}),
  });
}

export const providerParam = { type: 'string', enum: [...PROVIDERS] } as const;

/** `/{provider}/{eventType}` of the catalog and emit routes. */
export const eventParams = {
  type: 'object',
  properties: { provider: providerParam, eventType: { type: 'string', minLength: 1, maxLength: 100 } },
  required: ['provider', 'eventType'],
  additionalProperties: false,
} as const;

/**
 * The query of a control GET route that takes none of its own: only the control token, which
 * GET requests may carry as `?access_token=` (EventSource cannot send headers). Anything else
 * is refused with its name, not ignored.
 */
export const tokenQuery = {
  type: 'object',
  properties: { access_token: { type: 'string', maxLength: 1024, description: 'the control token, for clients that cannot send headers (EventSource)' } },
  additionalProperties: false,
} as const;

/** The query of a control route that takes none (POST/DELETE: the token goes in a header). */
export const noQuery = { type: 'object', properties: {}, additionalProperties: false } as const;

/** The body of a control route that takes none: nothing, or `{}` (some clients always send one). */
export const noBody = { type: ['object', 'null'], properties: {}, additionalProperties: false, description: 'none (or {})' } as const;

export const runIdParams = {
  type: 'object',
  properties: { id: { type: 'string', minLength: 1, maxLength: 64 } },
  required: ['id'],
  additionalProperties: false,
} as const;

const countsSchema = {
  type: 'object',
  properties: Object.fromEntries(RUN_COUNT_KEYS.map((k) => [k, { type: 'integer' }])),
  required: [...RUN_COUNT_KEYS],
} as const;

export const runViewSchema = {
  type: 'object',
  properties: {
    id: { type: 'string' },
    status: { type: 'string', enum: ['queued', 'running', 'done', 'cancelled', 'failed'] },
    scenarios: { type: 'array', items: { type: 'string' } },
    seed: { type: 'string' },
    time: { type: 'string' },
    targetMode: { type: 'string', enum: ['explicit', 'registrations'] },
    createdAt: { type: 'string' },
    startedAt: { type: 'string' },
    endedAt: { type: 'string' },
    counts: countsSchema,
    truncated: { type: 'boolean' },
    warnings: { type: 'array', items: { type: 'string' } },
    error: { type: 'string' },
    exitCode: { type: 'integer' },
    journal: { type: 'string' },
    restored: { type: 'boolean', description: 'read back from --data-dir when the server started (its request headers are no longer known)' },
    drain: {
      type: 'object',
      description: 'a stopped run: timeline entries read after the stop (journaled not sent), the cap (serve --max-drain), and the first event left unread (null: the plan was read to its end)',
      properties: { read: { type: 'integer' }, limit: { type: 'integer' }, unreadFrom: { type: ['integer', 'null'] } },
      required: ['read', 'limit', 'unreadFrom'],
    },
  },
  required: ['id', 'status', 'scenarios', 'seed', 'time', 'targetMode', 'createdAt', 'counts', 'truncated', 'warnings'],
} as const;

const attemptSchema = {
  type: 'object',
  properties: {
    seq: { type: 'integer' },
    target: { type: 'string' },
    kind: { type: 'string' },
    attempt: { type: 'integer' },
    status: { type: ['integer', 'null'] },
    error: { type: ['string', 'null'] },
    errorMessage: { type: 'string' },
    latencyMs: { type: ['number', 'null'], description: "the receiver's time: from the request's write to the response headers" },
    queuedMs: { type: ['number', 'null'], description: 'waiting for a connection and connecting, before the write' },
    responseBytes: { type: ['integer', 'null'] },
    response: { type: 'string', description: "the response body's first 2 KiB, as text" },
    outcome: { type: 'string' },
    final: { type: 'boolean' },
    reason: { type: 'string' },
    time: { type: 'string' },
  },
  required: ['seq', 'target', 'kind', 'attempt', 'status', 'error', 'latencyMs', 'outcome', 'final', 'time'],
} as const;

const eventProps = {
  seq: { type: 'integer' },
  at: { type: 'number' },
  provider: { type: 'string' },
  eventType: { type: 'string' },
  entityKey: { type: 'string' },
  scenario: { type: 'string' },
  instance: { type: 'integer' },
  step: { type: 'string' },
  targets: { type: 'array', items: { type: 'string' } },
  outcome: { type: 'string', enum: ['pending', 'delivered', 'retried', 'duplicate', 'discarded', 'not-sent', 'unsubscribed'] },
  attempts: { type: 'array', items: attemptSchema },
} as const;

export const eventViewSchema = {
  type: 'object',
  properties: eventProps,
  required: ['seq', 'at', 'provider', 'eventType', 'entityKey', 'targets', 'outcome', 'attempts'],
} as const;

export const eventDetailSchema = {
  type: 'object',
  properties: {
    ...eventProps,
    payload: { description: 'the body as the provider sends it' },
    requests: {
      type: 'array',
      items: {
        type: 'object',
        properties: {
          target: { type: 'string' },
          headers: { type: 'object', additionalProperties: { type: 'string' } },
          timeoutMs: { type: 'integer' },
          insecure: { type: 'boolean' },
          error: { type: 'string' },
        },
        required: ['target', 'headers'],
      },
    },
  },
  required: ['seq', 'provider', 'eventType', 'entityKey', 'payload', 'requests', 'attempts'],
} as const;

export const targetSchema = {
  type: 'object',
  description: 'One receiver for every event of the run. mluvii: Basic auth from the URL userinfo; Enreach: secret → X-Benemen-Token',
  properties: {
    url: { type: 'string', minLength: 1, maxLength: 2048 },
    secret: { type: 'string', maxLength: 1024 },
    insecure: { type: 'boolean', description: 'accept a self-signed certificate (Enreach InsecureSSL)' },
    allowHttp: { type: 'boolean', description: 'plain http to a non-loopback Enreach receiver' },
  },
  required: ['url'],
  additionalProperties: false,
} as const;

export const deliveryProps = {
  retries: { type: 'integer', minimum: 0, maximum: 10 },
  retrySchedule: { type: 'string', maxLength: 200, description: 'waits between retries, e.g. "1s,5s,15s" (the last repeats) or "none"' },
  timeout: { type: ['string', 'integer'], maxLength: 20, minimum: TIME_LIMITS.timeoutMs.min, maximum: TIME_LIMITS.timeoutMs.max, description: 'per-attempt timeout, "5s" or milliseconds (1 ms to 1 h)' },
} as const;

export const seedSchema = { type: ['string', 'integer'], maxLength: 200, description: 'seeds the plan and every fault decision (default 1)' } as const;
