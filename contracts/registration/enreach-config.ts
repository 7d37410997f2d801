import type { ErrorObject } from 'ajv';
import { validatorFor } from '../ajv.ts';
import { eventNames } from '../catalog.ts';
import { ProviderMockError, unknownName } from '../errors.ts';
import { jsonPointer } from '../json-pointer.ts';
import { pointerToPath } from '../validate.ts';

/**
 * Enreach webhook configuration (docs/providers.md E6): there is no self-service API; Enreach support
 * configures an endpoint (`Webhook`) and binds subscriptions to it. The mock accepts the same
 * document the doc shows, one or several endpoints.
 */
export interface EnreachWebhookConfig {
  Webhook: { Endpoint: string; InsecureSSL?: boolean; Secret?: string; Description?: string; TimeoutSeconds?: number };
  Subscriptions: { EventType: string; EntityId?: string; SecurityGroupId?: string; AllEntities?: boolean }[];
}

const ENREACH_CONFIG_SCHEMA_ID = 'https://provider-mock.dev/contracts/enreach/config.schema.json';

const CODE = 'PM_BAD_ENREACH_CONFIG';
const GUID = 'a GUID such as e0072f3a-cc7c-42ee-b0ac-34cd7238150a';
const BOOLEAN = { form: 'a boolean', values: ['true', 'false'] };

/**
 * What each place of the document takes, for the messages (keys: the JSON path without `$` and
 * with array indexes as `[]`). Mirrors contracts/enreach/config.schema.json and the doc's tables.
 */
const FORMS: Record<string, { label: string; form: string; values?: readonly string[] }> = {
  '': { label: 'the configuration', form: 'an object {"Webhook": {…}, "Subscriptions": […]}' },
  Webhook: { label: 'Webhook', form: 'an object {"Endpoint": …} with optional InsecureSSL, Secret, Description, TimeoutSeconds' },
  'Webhook.Endpoint': { label: 'Endpoint', form: 'an absolute URL such as https://my.integration.com/webhook/' },
  'Webhook.InsecureSSL': { label: 'InsecureSSL', ...BOOLEAN },
  'Webhook.Secret': { label: 'Secret', form: 'a string' },
  'Webhook.Description': { label: 'Description', form: 'a string' },
  'Webhook.TimeoutSeconds': { label: 'TimeoutSeconds', form: 'a whole number of seconds, 1 or more' },
  Subscriptions: { label: 'Subscriptions', form: 'an array of subscriptions [{"EventType": …, "AllEntities": true}, …]' },
  'Subscriptions[]': { label: 'the subscription', form: 'an object {"EventType": …} with one of EntityId, SecurityGroupId or AllEntities: true' },
  'Subscriptions[].EventType': { label: 'EventType', form: 'an Enreach event type name such as QueueCallInUserConnected' },
  'Subscriptions[].EntityId': { label: 'EntityId', form: GUID },
  'Subscriptions[].SecurityGroupId': { label: 'SecurityGroupId', form: GUID },
  'Subscriptions[].AllEntities': { label: 'AllEntities', ...BOOLEAN },
};

/** How an unknown key of each object is named: `unknown Webhook key "Secrt"`. */
const KEY_KINDS: Record<string, string> = { '': 'top-level key', Webhook: 'Webhook key', 'Subscriptions[]': 'subscription key' };

const SELECTORS = 'EntityId (a GUID), SecurityGroupId (a GUID) or AllEntities: true';

/** `/Subscriptions/0/EventType` → `Subscriptions[].EventType`, the key of FORMS. */
function shapeKey(pointer: string): string {
  return pointerToPath(pointer).slice(1).replace(/\[\d+\]/g, '[]').replace(/^\./, '');
}

function place(pointer: string, topIsList: boolean): { label: string; form: string; values?: readonly string[] } {
  const key = shapeKey(pointer);
  const known = FORMS[key];
  if (!known) return { label: pointerToPath(pointer).slice(1).replace(/^\./, '') || 'the configuration', form: 'as documented' };
  return key === '' && !topIsList ? { ...known, form: `${known.form}, or an array of them` } : known;
}

/** The offending value, short: secrets and whole documents are not echoed back. */
function shown(v: unknown): string {
  if (v === undefined) return 'nothing';
  if (v === null) return 'null';
  if (Array.isArray(v)) return 'an array';
  if (typeof v === 'object') return Object.keys(v).length ? `an object with keys ${Object.keys(v).slice(0, 8).join(', ')}` : 'an empty object';
  const s = JSON.stringify(v);
  return `${typeof v} ${s.length > 60 ? `${s.slice(0, 57)}...` : s}`;
}

/** Which ajv error explains the document best: a misspelt key before the missing one it causes. */
const RANK: Record<string, number> = { additionalProperties: 0, type: 1, required: 2, oneOf: 4 };

/**
 * One schema error as one line: where (`cfg.json: $.Webhook.Secrt`), what is wrong, "did you
 * mean" for a misspelt key, and the valid values or the form the place takes.
 */
function schemaFault(errors: readonly ErrorObject[], doc: unknown, at: (path: string) => string, topIsList: boolean): ProviderMockError {
  // The branches of the subscription's oneOf (one selector) are answered by the oneOf itself.
  const own = errors.filter((e) => !e.schemaPath.includes('/oneOf/'));
  const e = [...own].sort((a, b) => (RANK[a.keyword] ?? 3) - (RANK[b.keyword] ?? 3))[0];
  if (!e) return new ProviderMockError(CODE, 'the configuration is invalid', { where: at('$') });
  const p = e.params as Record<string, unknown>;
  const here = place(e.instancePath, topIsList);
  switch (e.keyword) {
    case 'additionalProperties': {
      const name = String(p['additionalProperty']);
      const parent = e.parentSchema as { properties?: Record<string, unknown> } | undefined;
      const kind = KEY_KINDS[shapeKey(e.instancePath)] ?? `key of ${here.label}`;
      return unknownName(CODE, kind, name, Object.keys(parent?.properties ?? {}), at(pointerToPath(`${e.instancePath}/${name}`)));
    }
    case 'required': {
      const name = String(p['missingProperty']);
      const child = `${e.instancePath}/${name}`;
      const { form, values } = place(child, topIsList);
      return new ProviderMockError(CODE, `${here.label} is missing the required key "${name}" (${form})`, {
        where: at(pointerToPath(child)),
        ...(values ? { validValues: values } : {}),
      });
    }
    case 'oneOf':
      return selectorFault(e.instancePath, jsonPointer(doc, e.instancePath), at);
    default: {
      const value = jsonPointer(doc, e.instancePath);
      const what = FORMS[shapeKey(e.instancePath)] ? `must be ${here.form}` : (e.message ?? `fails ${e.keyword}`);
      return new ProviderMockError(CODE, `${here.label} ${what} (got ${shown(value)})`, {
        where: at(pointerToPath(e.instancePath)),
        ...(here.values ? { validValues: here.values } : {}),
      });
    }
  }
}

/** A subscription selects entities by exactly one of EntityId, SecurityGroupId, AllEntities: true (docs/providers.md E6). */
function selectorFault(pointer: string, sub: unknown, at: (path: string) => string): ProviderMockError {
  const s = (typeof sub === 'object' && sub !== null ? sub : {}) as Record<string, unknown>;
  const set = [
    ...(s['EntityId'] !== undefined ? ['EntityId'] : []),
    ...(s['SecurityGroupId'] !== undefined ? ['SecurityGroupId'] : []),
    ...(s['AllEntities'] === true ? ['AllEntities: true'] : []),
  ];
  const path = pointerToPath(pointer);
  if (set.length > 1) {
    return new ProviderMockError(CODE, `the subscription sets ${set.slice(0, -1).join(', ')} and ${set.at(-1)}; it takes exactly one of ${SELECTORS}`, {
      where: at(path),
    });
  }
  if (s['AllEntities'] === false) {
    return new ProviderMockError(CODE, `AllEntities is false, so the subscription selects no entity; set AllEntities: true, or EntityId or SecurityGroupId instead`, {
      where: at(`${path}.AllEntities`),
    });
  }
  return new ProviderMockError(CODE, `the subscription selects no entity; it takes one of ${SELECTORS}`, { where: at(path) });
}

/**
 * Checks one configuration document or an array of them: shape by `contracts/enreach/config.schema.json`,
 * then every EventType against the catalog. Real configurations name events that do not exist
 * (the doc's own sample subscribes to QueueCallInConnected, docs/providers.md E12), and Enreach would then
 * silently send nothing, so the mock refuses them with "did you mean".
 * Throws ProviderMockError whose `where` is `source: $json.path`, one line per problem: what is
 * wrong, "did you mean" for a close name, the valid values or form.
 */
export function parseEnreachConfig(doc: unknown, source = 'config'): EnreachWebhookConfig[] {
  const topIsList = Array.isArray(doc);
  const docs = topIsList ? doc : [doc];
  const check = validatorFor(ENREACH_CONFIG_SCHEMA_ID);
  const known = eventNames('enreach');
  docs.forEach((d, i) => {
    const prefix = topIsList ? `[${i}]` : '';
    const at = (path: string) => `${source}: $${prefix}${path.slice(1)}`;
    if (!check(d)) throw schemaFault(check.errors ?? [], d, at, topIsList);
    (d as EnreachWebhookConfig).Subscriptions.forEach((s, j) => {
      if (known.includes(s.EventType)) return;
      throw unknownName(CODE, 'Enreach event type', s.EventType, known, at(`$.Subscriptions[${j}].EventType`));
    });
  });
  return docs as EnreachWebhookConfig[];
}

/**
 * Whether a subscription selects an event (docs/providers.md E6): the event type, and the entity itself, a
 * security group the entity belongs to, or all entities.
 */
function subscriptionSelects(
  sub: EnreachWebhookConfig['Subscriptions'][number],
  event: { EventType?: unknown; EntityId?: unknown },
  securityGroupsOf: (entityId: string) => readonly string[] = () => [],
): boolean {
  if (sub.EventType !== event.EventType) return false;
  if (sub.AllEntities) return true;
  const entityId = typeof event.EntityId === 'string' ? event.EntityId.toLowerCase() : undefined;
  if (!entityId) return false;
  if (sub.EntityId) return sub.EntityId.toLowerCase() === entityId;
  if (sub.SecurityGroupId) return securityGroupsOf(entityId).some((g) => g.toLowerCase() === sub.SecurityGroupId!.toLowerCase());
  return false;
}

/** The endpoints an event goes to: every configuration with a subscription that selects it. */
export function endpointsFor(
  configs: readonly EnreachWebhookConfig[],
  event: { EventType?: unknown; EntityId?: unknown },
  securityGroupsOf?: (entityId: string) => readonly string[],
): EnreachWebhookConfig['Webhook'][] {
  return configs.filter((c) => c.Subscriptions.some((s) => subscriptionSelects(s, event, securityGroupsOf))).map((c) => c.Webhook);
}
