import { didYouMean } from '../errors.ts';
import { bindEnum, bindInt, jsonProperty } from './aspnet-binding.ts';
import { notFound, validationProblem, type ApiReply } from './http.ts';

/**
 * The mluvii webhook registration API, `/api/v1/Webhooks`, as mluvii publishes it
 * (docs/providers.md M11, M12, M21; vendor models WebhookAddEditModel / WebhookModel):
 * - `POST { eventTypes, callbackUrl }` registers: **201** with the new id (int32) as the body;
 *   both fields are [Required] and callbackUrl must pass ASP.NET's [Url] check (absolute http,
 *   https or ftp); a second POST with a registered callbackUrl answers **409** with the existing
 *   id, which the official sample parses before it PUTs (M12);
 * - `GET /{id}` → 200 WebhookModel, `PUT /{id}` → **204**, `DELETE /{id}` → **204**, `DELETE`
 *   (all) → **204**; an unknown id → 404; an id that is no int32 → 400;
 * - `GET` lists `[{ id, eventTypes, callbackUrl }]` (not in the 2019 swagger; the models and
 *   ObseumEU's client use it, M11).
 * Bodies bind as ASP.NET binds them (aspnet-binding.ts): `{"EventTypes":[3,5,4],"CallbackUrl":…}`
 * from the official C# sample (M22) and `{"eventTypes":["sessionCreated"],…}` (M17) both work.
 * Choices the spec leaves open are in README.md beside this file.
 */
export interface MluviiWebhook {
  id: number;
  eventTypes: string[];
  callbackUrl: string;
}

export interface MluviiWebhookRegistry {
  list(): ApiReply;
  create(body: unknown): ApiReply;
  get(id: string): ApiReply;
  update(id: string, body: unknown): ApiReply;
  remove(id: string): ApiReply;
  removeAll(): ApiReply;
  /** Registered webhooks (a copy), for delivery fan-out. */
  all(): MluviiWebhook[];
  /** The webhooks subscribed to one event type. */
  subscribedTo(eventType: string): MluviiWebhook[];
}

const URL_MESSAGE = 'The CallbackUrl field is not a valid fully-qualified http, https, or ftp URL.';
const FIELDS = ['EventTypes', 'CallbackUrl'] as const;

function isHttpUrl(s: string): boolean {
  try {
    return ['http:', 'https:', 'ftp:'].includes(new URL(s).protocol);
  } catch {
    return false;
  }
}

/** ` (the body has "callbakUrl"; did you mean CallbackUrl?)` when an unknown key is close to the missing field. */
function misspelt(body: Record<string, unknown>, field: string): string {
  const near = Object.keys(body).find((k) => k.toLowerCase() !== field.toLowerCase() && didYouMean(k, [field]).length > 0);
  return near ? ` (the body has "${near}"; did you mean ${field}?)` : '';
}

/** Validates a WebhookAddEditModel; returns the normalized model or the 400 to send. */
function parseWebhookModel(body: unknown): { model: Omit<MluviiWebhook, 'id'> } | { reply: ApiReply } {
  if (body === null || typeof body !== 'object' || Array.isArray(body)) {
    return { reply: validationProblem({ $: ['The request body must be a JSON object {"eventTypes": [...], "callbackUrl": "..."}.'] }) };
  }
  const b = body as Record<string, unknown>;
  const errors: Record<string, string[]> = {};
  for (const f of FIELDS) {
    const { keys } = jsonProperty(b, f);
    if (keys.length > 1) errors[f] = [`The ${f} field is sent twice, as ${keys.map((k) => `"${k}"`).join(' and ')}; property names are case-insensitive, send it once.`];
  }
  const rawTypes = jsonProperty(b, 'EventTypes').value;
  const eventTypes: string[] = [];
  if (errors['EventTypes']) {
    // reported above
  } else if (rawTypes === undefined || rawTypes === null) errors['EventTypes'] = [`The EventTypes field is required.${misspelt(b, 'EventTypes')}`];
  else if (!Array.isArray(rawTypes)) errors['EventTypes'] = ['The EventTypes field must be an array of WebhookEventType names or integer values.'];
  else {
    rawTypes.forEach((t, i) => {
      const field = `EventTypes[${i}]`;
      const bound = bindEnum('WebhookEventType', t, field, ['UNKNOWN'], 'UNKNOWN is no event one can subscribe to');
      if ('error' in bound) errors[field] = [bound.error];
      else eventTypes.push(bound.value);
    });
  }
  const callbackUrl = jsonProperty(b, 'CallbackUrl').value;
  if (errors['CallbackUrl']) {
    // reported above
  } else if (callbackUrl === undefined || callbackUrl === null || callbackUrl === '') errors['CallbackUrl'] = [`The CallbackUrl field is required.${misspelt(b, 'CallbackUrl')}`];
  else if (typeof callbackUrl !== 'string' || !isHttpUrl(callbackUrl)) errors['CallbackUrl'] = [URL_MESSAGE];
  if (Object.keys(errors).length > 0) return { reply: validationProblem(errors) };
  return { model: { eventTypes: [...new Set(eventTypes)], callbackUrl: callbackUrl as string } };
}

export function createMluviiWebhookRegistry(): MluviiWebhookRegistry {
  const hooks = new Map<number, MluviiWebhook>();
  let nextId = 1;
  const copy = (h: MluviiWebhook): MluviiWebhook => ({ ...h, eventTypes: [...h.eventTypes] });
  /** The webhook of a route id: the id as ASP.NET binds an int32, then the lookup. */
  const find = (id: string): { hook: MluviiWebhook } | { reply: ApiReply } => {
    const bound = bindInt(id, 'id', 'int32');
    if ('error' in bound) return { reply: validationProblem({ id: [bound.error] }) };
    const hook = hooks.get(bound.value);
    return hook ? { hook } : { reply: notFound(`no webhook with id ${bound.value}`) };
  };
  return {
    list: () => ({ status: 200, body: [...hooks.values()].map(copy) }),
    create(body) {
      const parsed = parseWebhookModel(body);
      if ('reply' in parsed) return parsed.reply;
      const existing = [...hooks.values()].find((h) => h.callbackUrl === parsed.model.callbackUrl);
      if (existing) return { status: 409, body: existing.id };
      const hook = { id: nextId++, ...parsed.model };
      hooks.set(hook.id, hook);
      // CreatedAtAction's Location header, as ASP.NET writes it.
      return { status: 201, body: hook.id, headers: { location: `/api/v1/Webhooks/${hook.id}` } };
    },
    get(id) {
      const found = find(id);
      return 'reply' in found ? found.reply : { status: 200, body: copy(found.hook) };
    },
    update(id, body) {
      const found = find(id);
      if ('reply' in found) return found.reply;
      const parsed = parseWebhookModel(body);
      if ('reply' in parsed) return parsed.reply;
      const other = [...hooks.values()].find((h) => h.id !== found.hook.id && h.callbackUrl === parsed.model.callbackUrl);
      if (other) return validationProblem({ CallbackUrl: [`The CallbackUrl is registered already, by webhook ${other.id}; PUT to /api/v1/Webhooks/${other.id} or DELETE it first.`] });
      Object.assign(found.hook, parsed.model);
      return { status: 204 };
    },
    remove(id) {
      const found = find(id);
      if ('reply' in found) return found.reply;
      hooks.delete(found.hook.id);
      return { status: 204 };
    },
    removeAll() {
      if (hooks.size === 0) return notFound('no webhook is registered');
      hooks.clear();
      return { status: 204 };
    },
    all: () => [...hooks.values()].map(copy),
    subscribedTo: (eventType) => [...hooks.values()].filter((h) => h.eventTypes.includes(eventType)).map(copy),
  };
}
