/**
 * The keys the generators read and keep in a sequence's context, per provider (documented with
 * their meaning in generators/README.md, "Context keys"). A scenario's `context:`, `unset:` and
 * `${context.…}` may name only these: any other key would be stored and never read, so a typo
 * (`chanel`) would silently change nothing. test/unit/generate.test.ts checks this list against
 * the generators' code and the README table.
 */
import type { Provider } from '../contracts/provider.ts';

export const CONTEXT_KEYS: Readonly<Record<Provider, readonly string[]>> = {
  mluvii: [
    'sessionId',
    'emailThreadId',
    'guestId',
    'tenantId',
    'userId',
    'operatorGroupId',
    'chatbotId',
    'channel',
    'source',
    'activityId',
    'started',
    'toOperatorUserId',
    'toGroupId',
    'forwardTarget',
    'formFieldSetUUID',
    'presence',
  ],
  enreach: [
    'OrganizationId',
    'CallId',
    'LegId',
    'AgentLegId',
    'QueueId',
    'UserId',
    'CallerNumber',
    'TargetNumber',
    'ContactNumber',
    'CallBackId',
    'CallListId',
    'RecordingId',
    'TranscriptId',
    'RequestId',
    'MaxWrapUpDurationSec',
    'WrapUpStartedAt',
    'ProfileId',
    'SupervisorUserId',
    'SupervisorLegId',
    'TransferTarget',
    'CallStartedAt',
    'ConnectedAt',
    'CallEndedAt',
    'TranscribeRecordingType',
    'TransferApplet',
    'OverflowApplet',
  ],
};

/** Kept by generate() itself in every context: the provider, the last event's time and a sequence number. */
export const INTERNAL_CONTEXT_KEYS = ['provider', 'now', 'seq'] as const;

export function contextKeys(provider: Provider): readonly string[] {
  return CONTEXT_KEYS[provider];
}
