/**
 * The strings that join a consumer's pact to our provider verification, as constants:
 * - the provider names pacts are written for (`PACT_PROVIDER`);
 * - the description of an interaction = the event type, exactly as on the wire (`EVENTS`);
 * - the provider states (`ENREACH_STATES`, `MLUVII_STATES`): situations in the provider's world,
 *   each leading to a set of events. On verification a state selects the situation our
 *   generators build the message in.
 * - the metadata every message carries (`messageMetadata`).
 */
import { eventNames, type Provider } from '../contracts/index.ts';
import { ENREACH_EVENT_HEADER, WEBHOOK_CONTENT_TYPE } from '../contracts/export/providers.ts';
import type { MluviiEventName, EnreachEventName } from '../contracts/generated/types.ts';

/** The provider names pacts name, and `provider-mock pact verify` verifies by default. */
export const PACT_PROVIDER = { mluvii: 'mluvii', enreach: 'enreach' } as const satisfies Record<Provider, string>;

/** Interaction descriptions: the event type itself (`EVENTS.enreach.QueueCallInUserConnected`). */
export const EVENTS = {
  mluvii: Object.fromEntries(eventNames('mluvii').map((e) => [e, e])) as { readonly [E in MluviiEventName]: E },
  enreach: Object.fromEntries(eventNames('enreach').map((e) => [e, e])) as { readonly [E in EnreachEventName]: E },
};

export type EventName<P extends Provider> = P extends 'mluvii' ? MluviiEventName : EnreachEventName;

/** Enreach situations (the doc's event groups: queue calls, direct calls, callbacks, states). */
export const ENREACH_STATES = {
  QUEUE_CALL_WAITING: 'an incoming call is waiting in a service queue',
  QUEUE_CALL_ANSWERED: 'a queue call was answered',
  QUEUE_CALL_ENDED: 'a queue call ended',
  QUEUE_CALL_RECORDED: 'a queue call was recorded',
  QUEUE_OUTBOUND_CALL: 'an agent is calling out on behalf of a queue',
  DIRECT_CALL: 'a user has a direct incoming or outgoing call',
  WRAP_UP: 'an agent is wrapping up a call',
  CALLBACK: 'a callback request is being handled',
  USER_STATE: 'a user changed their status or settings',
  QUEUE_STATE: 'a service queue changed or reported its status',
} as const;

/** mluvii situations. */
export const MLUVII_STATES = {
  SESSION_CREATED: 'a chat session was created',
  SESSION_IN_PROGRESS: 'an operator is chatting with a guest',
  SESSION_FORWARDED: 'a session was forwarded',
  SESSION_FORWARDED_TO_GROUP: 'a session was forwarded to an operator group',
  SESSION_FORWARDED_TO_OPERATOR: 'a session was forwarded to another operator',
  SESSION_ENDED: 'a chat session ended',
  AV_CALL: 'a guest is in an audio/video call',
  EMAIL_THREAD: 'an e-mail thread is being handled',
  OPERATOR_STATUS: 'an operator changed status',
  TENANT_SETTINGS: 'a tenant setting was changed',
} as const;

export type EnreachState = (typeof ENREACH_STATES)[keyof typeof ENREACH_STATES];
export type MluviiState = (typeof MLUVII_STATES)[keyof typeof MLUVII_STATES];

export interface StateDefinition {
  provider: Provider;
  /** The provider state, as the consumer writes it in `given(…)`. */
  name: string;
  /** The situation it stands for (a stable id). */
  situation: string;
  /** The built-in scenario (scenarios/<provider>/<name>.yaml) that plays this situation, where there is one. */
  scenario?: string;
  /** The events the provider sends in this situation. */
  events: readonly string[];
  /**
   * What the situation fixes in the generator context (generators/README.md), so every message
   * verified in this state has it: "forwarded to an operator group" always names a group.
   */
  context?: Readonly<Record<string, unknown>>;
}

const byPrefix = (provider: Provider, test: (e: string) => boolean) => eventNames(provider).filter(test);
const is = (...names: string[]) => (e: string) => names.includes(e);

/** One state: its key in the constants, its situation id, the built-in scenario that plays it, which events it leads to, what it presets. */
type StateRow<K> = [key: K, situation: string, scenario: string | undefined, leadsTo: (e: string) => boolean, context?: Record<string, unknown>];

const ENREACH_TABLE: StateRow<keyof typeof ENREACH_STATES>[] = [
  [
    'QUEUE_CALL_WAITING',
    'queue-call-waiting',
    'queue-call-answered',
    is(
      'QueueCallInArrived',
      'QueueCallInComing',
      'QueueCallBlockingPromptStarted',
      'QueueCallInIvrSelection',
      'QueueCallInSmartRoutingResult',
      'QueueCallInScheduleClosed',
      'QueueCallInUserAllocated',
      'QueueCallInUserCancelled',
      'QueueCallInOverflow',
      'QueueCallInCallbackCreated',
      'QueueCallInDisconnected',
      'UserCallInUserAllocated',
      'UserCallInUserCancelled',
      'UserCallAllocationRequest',
      'UserCallAllocationResponse',
    ),
  ],
  [
    'QUEUE_CALL_ANSWERED',
    'queue-call-answered',
    'queue-call-answered',
    is(
      'QueueCallInUserConnected',
      'UserCallInUserConnected',
      'QueueCallInHoldStart',
      'QueueCallInHoldEnd',
      'QueueCallInTransferStarted',
      'QueueCallInTransferConnected',
      'QueueCallInTransferCancelled',
      'QueueCallInRecording',
      'UserCallPublicityChanged',
    ),
  ],
  ['QUEUE_CALL_ENDED', 'queue-call-ended', 'queue-call-answered', is('QueueCallInDisconnected', 'QueueCallInUserCancelled', 'QueueCallTranscribed', 'UserWrapUpStarted')],
  ['QUEUE_CALL_RECORDED', 'queue-call-recorded', 'queue-call-answered', is('QueueUserCallRecorded', 'QueueUserCallInRecordingConverted', 'QueueCallTranscribed')],
  ['QUEUE_OUTBOUND_CALL', 'queue-outbound-call', 'outbound-queue-call', (e) => e.startsWith('QueueUserCallOut')],
  [
    'DIRECT_CALL',
    'direct-call',
    'direct-call',
    (e) =>
      (e.startsWith('UserCallIn') || e.startsWith('UserCallOut') || e.startsWith('UserCallBlocking') || e === 'UserCallRecorded' || e === 'UserCallTranscribed' || e === 'UserVoiceMailRecordingConverted') &&
      !['UserCallInUserAllocated', 'UserCallInUserCancelled'].includes(e),
  ],
  ['WRAP_UP', 'wrap-up', 'queue-call-answered', (e) => e.startsWith('UserWrapUp')],
  ['CALLBACK', 'callback', 'callback-request', (e) => e.startsWith('Callback')],
  [
    'USER_STATE',
    'user-state',
    'agent-shift',
    is('UserStatus', 'UserAvailability', 'UserSetting', 'UserQueueAttached', 'UserSupervisionStatus', 'UserConfigurationSetNextCallOut', 'UserConfigurationSetNextCallOutRaw'),
  ],
  ['QUEUE_STATE', 'queue-state', 'queue-ticks', is('QueueStatus', 'QueueChanged', 'QueueAttachedUsers', 'QueueDailyCallMetrics')],
];

const MLUVII_TABLE: StateRow<keyof typeof MLUVII_STATES>[] = [
  ['SESSION_CREATED', 'session-created', 'chat-session', is('SessionCreated', 'SessionStarted', 'SessionActivityWelcomeMessage', 'GuestIdentityUpdated', 'SessionCallParamsUpdated')],
  [
    'SESSION_IN_PROGRESS',
    'session-in-progress',
    'chat-session',
    (e) =>
      (e.startsWith('SessionActivity') && !e.startsWith('SessionActivityAv') && !['SessionActivitySessionEnded', 'SessionActivitySessionForwarded', 'SessionActivityLastFarewellMessage'].includes(e)) ||
      ['SessionOperatorJoined', 'SessionCallParamsUpdated', 'GuestIdentityUpdated'].includes(e),
  ],
  ['SESSION_FORWARDED', 'session-forwarded', 'forwarded-session', is('SessionForwarded', 'SessionActivitySessionForwarded', 'SessionOperatorLeft', 'SessionOperatorJoined')],
  // The forward's target decides which of SessionForwarded's userId / operatorGroupId / chatbotId
  // is set (the others are null): a consumer that reads one of them needs a state that fixes it.
  ['SESSION_FORWARDED_TO_GROUP', 'session-forwarded-to-group', 'forwarded-session', is('SessionForwarded', 'SessionActivitySessionForwarded'), { forwardTarget: 'group' }],
  ['SESSION_FORWARDED_TO_OPERATOR', 'session-forwarded-to-operator', 'forwarded-session', is('SessionForwarded', 'SessionActivitySessionForwarded'), { forwardTarget: 'operator' }],
  [
    'SESSION_ENDED',
    'session-ended',
    'chat-session',
    is('SessionEnded', 'SessionActivitySessionEnded', 'SessionActivityLastFarewellMessage', 'SessionOperatorLeft', 'SessionOperatorConcluded', 'SessionRecordingPostProcessingCompleted', 'SessionActivityChatToMail'),
  ],
  ['AV_CALL', 'av-call', 'chat-to-av', (e) => e.startsWith('SessionActivityAv')],
  ['EMAIL_THREAD', 'email-thread', 'email-thread', (e) => e.startsWith('EmailThread')],
  ['OPERATOR_STATUS', 'operator-status', 'operator-shift', is('UserStatusChanged')],
  ['TENANT_SETTINGS', 'tenant-settings', 'tenant-settings', is('ApplicationSettingChanged')],
];

function table<K extends string>(provider: Provider, names: Record<K, string>, rows: readonly StateRow<K>[]): StateDefinition[] {
  return rows.map(([key, situation, scenario, test, context]) => ({
    provider,
    name: names[key],
    situation,
    ...(scenario ? { scenario } : {}),
    events: byPrefix(provider, test),
    ...(context ? { context } : {}),
  }));
}

const STATES: Record<Provider, StateDefinition[]> = { mluvii: table('mluvii', MLUVII_STATES, MLUVII_TABLE), enreach: table('enreach', ENREACH_STATES, ENREACH_TABLE) };

/** Every provider state of a provider, in declaration order. */
export function providerStates(provider: Provider): readonly StateDefinition[] {
  return STATES[provider];
}

export function findState(provider: Provider, name: string): StateDefinition | undefined {
  return STATES[provider].find((s) => s.name === name);
}

/** The states in which the provider sends an event; the first one is the default for consumers. */
export function statesFor(provider: Provider, eventType: string): StateDefinition[] {
  return STATES[provider].filter((s) => s.events.includes(eventType));
}

/** The body field that names the event: mluvii's envelope `eventType`, Enreach's flat `EventType`. */
export const EVENT_TYPE_FIELD: Record<Provider, string> = { mluvii: 'eventType', enreach: 'EventType' };

/** Message metadata as the provider sends it: content type; Enreach adds the X-Benemen-Event header (docs/providers.md E1). */
export function messageMetadata(provider: Provider, eventType: string): Record<string, string> {
  return provider === 'enreach'
    ? { contentType: WEBHOOK_CONTENT_TYPE, [ENREACH_EVENT_HEADER]: eventType }
    : { contentType: WEBHOOK_CONTENT_TYPE };
}
