/**
 * Semantic rules for mluvii properties, keyed by the camelCase wire name. Each returns the fill
 * for one property of one event (decided once, when the plan is compiled), or undefined to leave
 * the property to the hook or the schema-driven fallback.
 */
import { constant, type Fill, type PropInfo, type RuleSet } from '../plan.ts';
import { formatMluvii } from '../time.ts';
import type { MluviiWorld } from './world.ts';
import { activityId, channelSource, emailThreadId, guest, operator, sessionId, startedMs, tenant } from './entities.ts';

type F = Fill<MluviiWorld>;

/**
 * The keys of the 26-key SessionActivityGenericPayload that only some activity types fill: null
 * here, set by the per-type hook (the other four, sessionId, activityId, type and time, always have a value).
 */
const GENERIC_ONLY = new Set([
  'heroCard',
  'heroCardParams',
  'callScript',
  'client',
  'text',
  'previewUrl',
  'file',
  'associatedSharedFileUrl',
  'toOperatorUserId',
  'toOperatorFullName',
  'toGroupId',
  'toGroupName',
  'toPhoneNumber',
  'note',
  'chatbotMessageContent',
  'submissionIdentification',
  'userId',
  'chatbotId',
  'chatbotHeroCardSubmissionKey',
  'chatbotHeroCardSubmissionValue',
  'formFieldSetUUID',
  'terminationReason',
]);

/** Generic SessionActivity* events: their data is the 26-key SessionActivityGenericPayload (docs/providers.md 1a). */
export function isGenericActivity(entry: { payloadClass?: string }): boolean {
  return entry.payloadClass === 'SessionActivityGenericPayload';
}

const NULL: F = constant(null);
const time: F = (g) => formatMluvii(g.time);

export const mluviiRules: RuleSet<MluviiWorld> = (p: PropInfo): F | undefined => {
  const { name, entry } = p;
  if (isGenericActivity(entry) && GENERIC_ONLY.has(name)) return NULL;
  switch (name) {
    case 'id':
      if (entry.entity === 'session') return sessionId;
      if (entry.entity === 'emailThread') return emailThreadId;
      if (entry.entity === 'guest') return (g) => guest(g).id;
      return undefined;
    case 'sessionId':
      return sessionId;
    case 'activityId':
      return activityId;
    case 'tenantId':
      return (g) => tenant(g).id;
    case 'operatorId':
      return (g) => operator(g).id;
    case 'userId':
      // Operator-in-charge events; forwarded / settings / generic events set userId in their hooks.
      if (['SessionOperatorJoined', 'SessionOperatorLeft', 'SessionOperatorConcluded', 'EmailThreadOperatorJoined', 'EmailThreadOperatorLeft', 'UserStatusChanged'].includes(entry.eventType)) {
        return (g) => operator(g).id;
      }
      return NULL;
    case 'channel':
      return (g) => channelSource(g).channel;
    case 'source':
      return (g) => channelSource(g).source;
    case 'time':
    case 'ended':
      return time;
    case 'created':
      // E-mail threads carry the message's Date header: whole seconds (the doc's 2024-05-09T14:40:38+02:00).
      return (g) => formatMluvii(g.time, 's');
    case 'started':
      if (entry.eventType === 'SessionStarted') {
        return (g) => {
          g.put('started', g.time);
          return formatMluvii(g.time);
        };
      }
      return (g) => (g.ctx['started'] === null ? null : formatMluvii(startedMs(g)));
    case 'operatorGroupId':
    case 'chatbotId':
    case 'departmentId':
    case 'companyId':
    case 'routingRuleSetId':
    case 'availabilityStatusReason':
      return NULL; // hooks
    default:
      return undefined;
  }
};
