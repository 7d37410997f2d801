import { validatorFor } from '../ajv.ts';
import { eventNames } from '../catalog.ts';
import { ProviderMockError, suggestion } from '../errors.ts';
import { readableErrors } from '../validate.ts';

/**
 * Enreach webhook configuration (FACTS E6): there is no self-service API; Enreach support
 * configures an endpoint (`Webhook`) and binds subscriptions to it. The mock accepts the same
 * document the doc shows, one or several endpoints.
 */
export interface EnreachWebhookConfig {
  Webhook: { Endpoint: string; InsecureSSL?: boolean; Secret?: string; Description?: string; TimeoutSeconds?: number };
  Subscriptions: { EventType: string; EntityId?: string; SecurityGroupId?: string; AllEntities?: boolean }[];
}

export const ENREACH_CONFIG_SCHEMA_ID = 'https://provider-mock.dev/contracts/enreach/config.schema.json';

/**
 * Checks one configuration document or an array of them: shape by `contracts/enreach/config.schema.json`,
 * then every EventType against the catalog. Real configurations name events that do not exist
 * (the doc's own sample subscribes to QueueCallInConnected, FACTS E12), and Enreach would then
 * silently send nothing, so the mock refuses them with "did you mean".
 * Throws ProviderMockError naming `source` and the JSON path.
 */
export function parseEnreachConfig(doc: unknown, source = 'config'): EnreachWebhookConfig[] {
  const docs = Array.isArray(doc) ? doc : [doc];
  const check = validatorFor(ENREACH_CONFIG_SCHEMA_ID);
  const known = eventNames('enreach');
  docs.forEach((d, i) => {
    const prefix = Array.isArray(doc) ? `[${i}]` : '';
    if (!check(d)) {
      const first = readableErrors(check.errors ?? [], d)[0];
      throw new ProviderMockError('PM_BAD_ENREACH_CONFIG', first ? `${first.message}${first.got ? ` (got ${first.got})` : ''}` : 'invalid configuration', {
        where: `${source}: $${prefix}${first ? first.path.slice(1) : ''}`,
        hint: 'the document of the Enreach webhook doc: {"Webhook": {"Endpoint", "Secret", "InsecureSSL", "TimeoutSeconds"}, "Subscriptions": [{"EventType", "EntityId" | "SecurityGroupId" | "AllEntities"}]}',
      });
    }
    (d as EnreachWebhookConfig).Subscriptions.forEach((s, j) => {
      if (known.includes(s.EventType)) return;
      throw new ProviderMockError('PM_BAD_ENREACH_CONFIG', `unknown Enreach event type "${s.EventType}"${suggestion(s.EventType, known)}`, {
        where: `${source}: $${prefix}.Subscriptions[${j}].EventType`,
        validValues: known,
      });
    });
  });
  return docs as EnreachWebhookConfig[];
}

/**
 * Whether a subscription selects an event (FACTS E6): the event type, and the entity itself, a
 * security group the entity belongs to, or all entities.
 */
export function subscriptionSelects(
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
