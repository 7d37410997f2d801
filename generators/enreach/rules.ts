/**
 * Semantic rules for Enreach properties, keyed by the PascalCase wire name (docs/providers.md §2, the doc's
 * property tables). Each returns the fill for one property of one event, or undefined to leave it
 * to the event hook or the schema-driven fallback.
 */
import type { CatalogEntry } from '../../contracts/catalog.ts';
import { OMIT, constant, type Fill, type PropInfo, type RuleSet } from '../plan.ts';
import { formatEnreach } from '../time.ts';
import type { EnreachWorld } from './world.ts';
import { callList, contactNumber, customerNumber, isOutbound, organizationId, queue, sticky, supervisor, user, type G } from './entities.ts';

type F = Fill<EnreachWorld>;

/** MessageTTLSeconds of the reference examples (docs/providers.md E7); -1 for every other event. */
const TTL: Record<string, number> = {
  CallbackChanged: 120,
  CallbackListStatus: 600,
  QueueAttachedUsers: 120,
  QueueDailyCallMetrics: 60,
  QueueStatus: 60,
  UserCallAllocationRequest: 20,
  UserCallAllocationResponse: 20,
  UserConfigurationSetNextCallOut: 30,
  UserConfigurationSetNextCallOutRaw: 30,
  UserStatus: 60,
};

type Family = 'Queue' | 'User' | 'Callback';

function family(eventType: string): Family {
  return eventType.startsWith('Queue') ? 'Queue' : eventType.startsWith('Callback') ? 'Callback' : 'User';
}

/** The number an outbound call shows to the callee: the call list's, the queue's or the user's own. */
function callAsNumber(g: G): string {
  const fam = family(g.eventType);
  return fam === 'Callback' ? callList(g).number : fam === 'Queue' ? queue(g).number : user(g).number;
}

function callerNumber(g: G): string {
  return sticky(g, 'CallerNumber', () => (isOutbound(g.eventType) ? callAsNumber(g) : customerNumber(g)));
}

function targetNumber(g: G): string {
  const fam = family(g.eventType);
  if (fam === 'Callback') return contactNumber(g);
  return sticky(g, 'TargetNumber', () => (isOutbound(g.eventType) ? customerNumber(g) : fam === 'Queue' ? queue(g).number : user(g).number));
}

function entityId(entry: CatalogEntry): F {
  if (entry.entity === 'Queue') return (g) => queue(g).id;
  if (entry.entity === 'CallList') return (g) => callList(g).id;
  return (g) => user(g).id;
}

function recordedFilePath(g: G): string {
  const d = formatEnreach(g.time, false);
  return `recordings/${organizationId(g)}/${d.slice(0, 4)}/${d.slice(5, 7)}/${d.slice(8, 10)}/${sticky(g, 'CallId')}_${sticky(g, 'LegId')}.wav`;
}

const TRANSCRIBE_TYPES: Record<Family, readonly (readonly [string, number])[]> = {
  Queue: [['IncomingQueueCall', 80], ['OutgoingQueueCall', 20]],
  User: [['UserIncoming', 55], ['UserOutgoing', 35], ['VoiceMailRecording', 10]],
  Callback: [['OutgoingCallListCall', 85], ['IncomingCallListCall', 15]],
};

/**
 * A transcript's length: never longer than the recorded part of the call: the talk (connect to
 * hang-up), or for a voicemail or a message left, the call itself; a lone event draws one.
 */
function transcriptLength(g: G): number {
  const n = (k: string): number | undefined => (typeof g.ctx[k] === 'number' ? (g.ctx[k]) : undefined);
  const end = n('CallEndedAt');
  const from = n('ConnectedAt') ?? n('CallStartedAt');
  if (end !== undefined && from !== undefined && end > from) return Math.max(1000, Math.round((end - from) * g.rng.float(0.9, 1, 3)));
  return g.rng.int(15, 20 * 60) * 1000 + g.rng.int(0, 999);
}

const c = (v: string | number): F => constant(v);

export const enreachRules: RuleSet<EnreachWorld> = (p: PropInfo): F | undefined => {
  const { name, entry, nullable } = p;
  const et = entry.eventType;
  switch (name) {
    case 'Id':
      return (g) => g.rng.guid(); // a new Guid per event; a duplicate delivery resends the same payload
    case 'Timestamp':
      return (g) => formatEnreach(g.time, true);
    case 'RootEntityType':
      return c('Organization');
    case 'RootEntityId':
    case 'OrganizationId':
      return (g) => organizationId(g);
    case 'EntityId':
      return entityId(entry);
    case 'MessageTTLSeconds':
      return c(TTL[et] ?? -1);
    case 'CallId':
    case 'CallBackId':
    case 'RecordingId':
    case 'TranscriptId':
      return nullable ? undefined : (g) => sticky(g, name); // the nullable ones: hooks
    case 'LegId':
    case 'AgentLegId':
      return (g) => sticky(g, name);
    case 'SupervisorLegId':
      return (g) => (g.rng.bool(0.85) ? sticky(g, 'SupervisorLegId') : null);
    case 'CallListId':
      return nullable ? undefined : (g) => callList(g).id;
    case 'QueueId':
      return nullable ? undefined : (g) => queue(g).id;
    case 'QueueName':
      return (g) => queue(g).name;
    case 'QueueNumber':
      return (g) => queue(g).number;
    case 'UserId':
      if (et === 'CallbackCallTranscribed') return (g) => (g.rng.bool(0.9) ? user(g).id : null);
      return (g) => user(g).id;
    case 'TargetUserId':
    case 'AllocatedUserId':
      return (g) => user(g).id;
    case 'UserName':
    case 'Username':
    case 'TargetUserName':
      return (g) => user(g).userName;
    case 'UserNumber':
      return (g) => user(g).number;
    case 'SupervisorUserId':
      return (g) => supervisor(g).id;
    case 'SupervisorUserName':
      return (g) => supervisor(g).userName;
    case 'CallerNumber':
      return callerNumber;
    case 'TargetNumber':
      return targetNumber;
    case 'ContactNumber':
      return contactNumber;
    case 'CallAsNumber':
      return (g) => (g.rng.bool(0.85) ? callAsNumber(g) : null);
    case 'TechQueueId':
      return nullable ? (g) => (g.rng.bool(0.6) ? queue(g).techQueueId : null) : (g) => queue(g).techQueueId;
    case 'TechQueueName':
      return (g) => queue(g).techQueueName;
    case 'ConversionId':
    case 'CallEventId':
      return (g) => g.rng.guid();
    case 'RequestId':
      if (!p.required) return (g) => (g.rng.bool(0.5) ? sticky(g, 'RequestId') : OMIT); // in the table, not in the example
      return (g) => sticky(g, 'RequestId');
    case 'RecordedFilePath':
      return recordedFilePath;
    case 'DurationMillis':
      return transcriptLength;
    case 'TranscribeRecordingType':
      // The kind of the call, fixed by its first event (prepare in hooks.ts); a lone event draws one.
      return (g) => (typeof g.ctx['TranscribeRecordingType'] === 'string' ? g.ctx['TranscribeRecordingType'] : g.rng.weighted(TRANSCRIBE_TYPES[family(et)]));
    case 'Publicity':
    case 'PreviousPublicity':
      // Members of CallEventPublicityCategory / CallPublicityCategory are undocumented: the examples' 0 and "Undefined" (docs/providers.md E8).
      return p.inner.k === 'integer' ? c(0) : c('Undefined');
    case 'State':
      return c(0); // SupervisionState: members undocumented (docs/providers.md E8)
    case 'Level':
      return c('Undefined'); // UserSettingLevelEnum: members undocumented (docs/providers.md E8)
    case 'MaxWrapUpDurationSec':
      return (g) => {
        const v = g.ctx['MaxWrapUpDurationSec'];
        if (typeof v === 'number') return v;
        const m = queue(g).maxWrapUpDurationSec;
        g.put('MaxWrapUpDurationSec', m);
        return m;
      };
    default:
      return undefined;
  }
};
