import type { CatalogEntry } from '../../contracts/catalog.ts';
import type { ProviderModule } from '../plan.ts';
import { czechFaker } from '../rng/faker.ts';
import { Rng } from '../rng/seed.ts';
import { mluviiHook } from './hooks.ts';
import { mluviiRules } from './rules.ts';
import { createMluviiWorld, type MluviiWorld } from './world.ts';

const rng = new Rng(1);

/** Context keys an override of `data.<prop>` seeds, so later events of the sequence agree with it. */
function contextKeyOf(prop: string, entry: CatalogEntry): string | undefined {
  if (prop === 'id') return entry.entity === 'session' ? 'sessionId' : entry.entity === 'emailThread' ? 'emailThreadId' : entry.entity === 'guest' ? 'guestId' : undefined;
  if (prop === 'operatorId') return 'userId';
  if (prop === 'activityId') return 'activityId';
  if (prop === 'userId') {
    // In forwards and settings userId is a target or a level, not the operator in charge.
    return ['SessionForwarded', 'EmailThreadForwarded', 'ApplicationSettingChanged', 'SessionActivityOperatorInviteRejected'].includes(entry.eventType) ? undefined : 'userId';
  }
  return ['sessionId', 'tenantId', 'channel', 'source', 'chatbotId', 'toOperatorUserId', 'toGroupId', 'formFieldSetUUID'].includes(prop) ? prop : undefined;
}

export const mluviiModule: ProviderModule<MluviiWorld> = {
  provider: 'mluvii',
  createWorld: createMluviiWorld,
  faker: czechFaker(rng),
  rng,
  mainKey: 'data',
  rules: mluviiRules,
  hook: mluviiHook,
  contextKeyOf,
};
