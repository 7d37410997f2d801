import type { CatalogEntry } from '../../contracts/catalog.ts';
import type { ProviderModule } from '../plan.ts';
import { finnishFaker } from '../rng/faker.ts';
import { Rng } from '../rng/seed.ts';
import { enreachHook, enreachPrepare } from './hooks.ts';
import { enreachRules } from './rules.ts';
import { createEnreachWorld, type EnreachWorld } from './world.ts';

const rng = new Rng(1);

/** Body properties that are context keys: an override of one seeds the context, so the sequence agrees. */
const CONTEXT_KEYS = new Set([
  'CallId',
  'LegId',
  'AgentLegId',
  'CallBackId',
  'CallListId',
  'QueueId',
  'UserId',
  'CallerNumber',
  'TargetNumber',
  'ContactNumber',
  'OrganizationId',
  'RecordingId',
  'TranscriptId',
  'RequestId',
  'MaxWrapUpDurationSec',
  'SupervisorUserId',
  'SupervisorLegId',
  'TransferTarget',
]);

function contextKeyOf(prop: string, entry: CatalogEntry): string | undefined {
  if (prop === 'TargetUserId' || prop === 'AllocatedUserId') return 'UserId';
  if (prop === 'EntityId') return entry.entity === 'Queue' ? 'QueueId' : entry.entity === 'CallList' ? 'CallListId' : 'UserId';
  if (prop === 'RootEntityId') return 'OrganizationId';
  return CONTEXT_KEYS.has(prop) ? prop : undefined;
}

export const enreachModule: ProviderModule<EnreachWorld> = {
  provider: 'enreach',
  createWorld: createEnreachWorld,
  faker: finnishFaker(rng),
  rng,
  mainKey: undefined,
  rules: enreachRules,
  hook: enreachHook,
  prepare: enreachPrepare,
  contextKeyOf,
};
