import { eventNames } from '../catalog.ts';
import { validationProblem, type ApiReply } from './http.ts';

/**
 * The mluvii webhook registration API, `/api/v1/Webhooks` (docs/providers.md M11, M12; vendor models
 * WebhookAddEditModel / WebhookModel):
 * - `GET` lists `[{ id, eventTypes, callbackUrl }]`;
 * - `POST { eventTypes, callbackUrl }` registers; both are [Required] and callbackUrl must pass
 *   ASP.NET's [Url] check (absolute http, https or ftp);
 * - a second POST with the same callbackUrl answers **409** whose body is the existing id as a
 *   plain integer: the official sample (apiintegrationsamplecs MluviiClient.SubscribeToEvents)
 *   parses exactly that and then PUTs to `/api/v1/Webhooks/{id}`;
 * - `PUT /{id}` replaces, `DELETE /{id}` removes (DELETE is an inference, docs/providers.md M12).
 * Event names bind case-insensitively (docs/providers.md M17: integrators send "sessionCreated") and are
 * stored under the catalog's spelling. The POST success body (the new id) is our inference: the
 * sample only checks for a 2xx.
 */
export interface MluviiWebhook {
  id: number;
  eventTypes: string[];
  callbackUrl: string;
}

export interface MluviiWebhookRegistry {
  list(): ApiReply;
  create(body: unknown): ApiReply;
  update(id: string, body: unknown): ApiReply;
  remove(id: string): ApiReply;
  /** Registered webhooks (a copy), for delivery fan-out. */
  all(): MluviiWebhook[];
  /** The webhooks subscribed to one event type. */
  subscribedTo(eventType: string): MluviiWebhook[];
}

const URL_MESSAGE = 'The CallbackUrl field is not a valid fully-qualified http, https, or ftp URL.';

/** Case-insensitive property lookup: ASP.NET model binding ignores the case of JSON names. */
function prop(body: Record<string, unknown>, name: string): unknown {
  const key = Object.keys(body).find((k) => k.toLowerCase() === name.toLowerCase());
  return key === undefined ? undefined : body[key];
}

function isHttpUrl(s: string): boolean {
  try {
    return ['http:', 'https:', 'ftp:'].includes(new URL(s).protocol);
  } catch {
    return false;
  }
}

/** Validates a WebhookAddEditModel; returns the normalized model or the 400 to send. */
export function parseWebhookModel(body: unknown): { model: Omit<MluviiWebhook, 'id'> } | { reply: ApiReply } {
  if (body === null || typeof body !== 'object' || Array.isArray(body)) {
    return { reply: validationProblem({ $: ['The request body must be a JSON object {"eventTypes": [...], "callbackUrl": "..."}.'] }) };
  }
  const b = body as Record<string, unknown>;
  const errors: Record<string, string[]> = {};
  const known = eventNames('mluvii');
  const byLower = new Map(known.map((n) => [n.toLowerCase(), n]));
  const rawTypes = prop(b, 'eventTypes');
  const eventTypes: string[] = [];
  if (rawTypes === undefined || rawTypes === null) errors['EventTypes'] = ['The EventTypes field is required.'];
  else if (!Array.isArray(rawTypes)) errors['EventTypes'] = ['The EventTypes field must be an array of event type names.'];
  else {
    rawTypes.forEach((t, i) => {
      const hit = typeof t === 'string' ? byLower.get(t.toLowerCase()) : undefined;
      if (hit) eventTypes.push(hit);
      else {
        errors[`EventTypes[${i}]`] = [
          `${JSON.stringify(t)} is not a WebhookEventType; enumerations must be sent as strings. Valid values: ${known.join(', ')}`,
        ];
      }
    });
  }
  const callbackUrl = prop(b, 'callbackUrl');
  if (callbackUrl === undefined || callbackUrl === null || callbackUrl === '') errors['CallbackUrl'] = ['The CallbackUrl field is required.'];
  else if (typeof callbackUrl !== 'string' || !isHttpUrl(callbackUrl)) errors['CallbackUrl'] = [URL_MESSAGE];
  if (Object.keys(errors).length > 0) return { reply: validationProblem(errors) };
  return { model: { eventTypes: [...new Set(eventTypes)], callbackUrl: callbackUrl as string } };
}

function notFound(id: string): ApiReply {
  return { status: 404, body: { title: 'Not Found', status: 404, detail: `no webhook with id ${id}` } };
}

export function createMluviiWebhookRegistry(): MluviiWebhookRegistry {
  const hooks = new Map<number, MluviiWebhook>();
  let nextId = 1;
  const find = (id: string) => (/^\d+$/.test(id) ? hooks.get(Number(id)) : undefined);
  return {
    list: () => ({ status: 200, body: [...hooks.values()] }),
    create(body) {
      const parsed = parseWebhookModel(body);
      if ('reply' in parsed) return parsed.reply;
      const existing = [...hooks.values()].find((h) => h.callbackUrl === parsed.model.callbackUrl);
      if (existing) return { status: 409, body: existing.id };
      const hook = { id: nextId++, ...parsed.model };
      hooks.set(hook.id, hook);
      return { status: 200, body: hook.id };
    },
    update(id, body) {
      const hook = find(id);
      if (!hook) return notFound(id);
      const parsed = parseWebhookModel(body);
      if ('reply' in parsed) return parsed.reply;
      Object.assign(hook, parsed.model);
      return { status: 200 };
    },
    remove(id) {
      const hook = find(id);
      if (!hook) return notFound(id);
      hooks.delete(hook.id);
      return { status: 200 };
    },
    all: () => [...hooks.values()].map((h) => ({ ...h, eventTypes: [...h.eventTypes] })),
    subscribedTo: (eventType) => [...hooks.values()].filter((h) => h.eventTypes.includes(eventType)),
  };
}
