/**
 * Per-event hooks for Enreach: values that depend on the event's meaning (Reason remote|local,
 * AllocationType, Availability) and values that must agree with each other (queue metrics that
 * add up, wrap-up durations within MaxWrapUpDurationSec, callback attempts and their "last
 * attempt" summary). Known value sets come from the doc's property descriptions (docs/providers.md E8, E9 and
 * contracts/README.md); where the doc gives only examples, the sets are marked [inference].
 */
import type { CatalogEntry } from '../../contracts/catalog.ts';
import type { Hook } from '../plan.ts';
import { ENREACH_MAX_DATETIME, ENREACH_MIN_DATETIME, euLocalDate, formatEnreach } from '../time.ts';
import { finnishFirstName } from '../names.ts';
import { EnreachState } from '../state/enreach.ts';
import { callId, callList, contactNumber, customerNumber, isOutbound, queue, sticky, user, type G } from './entities.ts';
import type { EnreachWorld } from './world.ts';

type O = Record<string, unknown>;
type H = (o: O, g: G) => void;

const MIN = 60_000;
const DAY = 24 * 60 * MIN;

const dt = (ms: number): string => formatEnreach(ms, false);

const CONTACT_MESSAGES = ['Soittakaa takaisin iltapäivällä.', 'Laskusta kysyttävää.', 'Haluaisin muuttaa sopimustani.', 'Tilaus ei ole saapunut.', 'Ringer gärna tillbaka efter kl. 15.'];
/** What a caller leaves with a callback request: often nothing, sometimes an empty string. */
function contactMessage(g: G): string | null {
  return g.rng.weighted<string | null>([[null, 40], ['', 20], [g.rng.pick(CONTACT_MESSAGES), 40]]);
}

const NOTES = ['Asiakas pyysi soittamaan uudelleen huomenna.', 'Ei vastannut, yritetään myöhemmin.', 'Asia hoidettu puhelimessa.', 'Välitetty laskutukseen.', 'Numero ei ollut käytössä.'];

/**
 * Reason of a disconnect: who hung up (the doc: 'remote' or 'local'), and TechReason in the style
 * the doc gives each event, matching how the call went (connected or not: the context's
 * ConnectedAt). QueueCallInDisconnected: "Informative technical local reason … e.g.
 * busy_on_busy, ivr_menu_failure" (none for an ordinary end); the others: "Technical reason (e.g
 * SIP cause code)" (docs/providers.md E18). The SIP causes are Q.850's [inference: which cause the platform sends when].
 */
const disconnect: H = (o, g) => {
  // A lone disconnect (the call begins with it) could have been anything: draw how it went.
  const lone = g.ctx['CallStartedAt'] === g.time && typeof g.ctx['ConnectedAt'] !== 'number';
  const connected = lone ? g.rng.bool(0.7) : typeof g.ctx['ConnectedAt'] === 'number';
  const outbound = isOutbound(g.eventType);
  // A talk ends from either side; an unanswered inbound call ends with the caller (remote), an unanswered outbound one with the agent (local).
  const remote = connected || lone ? g.rng.bool(0.6) : !outbound;
  o['Reason'] = remote ? 'remote' : 'local';
  if (!('TechReason' in o)) return;
  if (g.eventType === 'QueueCallInDisconnected') {
    o['TechReason'] = connected || remote ? null : g.rng.pick(['busy_on_busy', 'ivr_menu_failure']);
    return;
  }
  o['TechReason'] = connected
    ? g.rng.weighted<string>([['16 Normal call clearing', 90], ['31 Normal, unspecified', 10]])
    : remote
      ? g.rng.weighted<string>([['487 Request Terminated', 60], ['16 Normal call clearing', 40]])
      : g.rng.weighted<string>([['19 No answer from user', 45], ['487 Request Terminated', 30], ['17 User busy', 15], ['480 Temporarily Unavailable', 10]]);
};

const cancelled: H = (o, g) => {
  // QueueCallInUserCancelled: 'local' or 'remote' (the doc); the detailed reason names why the offer ended [inference].
  o['Reason'] = g.rng.bool(0.55) ? 'local' : 'remote';
  o['DetailedReason'] = g.rng.weighted<string | null>([['NoAnswer', 45], ['Rejected', 20], ['CallerHangup', 20], ['AllocationTimeout', 10], [null, 5]]);
};

const allocated: H = (o, g) => {
  o['DetailedReason'] = g.rng.weighted<string | null>([[null, 50], ['', 10], ['Priority', 15], ['LongestIdle', 15], ['RoundRobin', 10]]);
};

const overflow: H = (o, g) => {
  const type = g.rng.pick(['QueueOverflowDefault', 'AdHoc_1', 'ServiceOpen', 'QueueHandler', 'UserTransferAll', 'ActPreEnter', 'TerminationHandling']);
  o['OverflowType'] = type;
  o['OverflowReason'] = g.rng.pick(['NoAvailableProviders', 'QueueFull', 'UserActivelyDeclined', 'MaxWaitTimeExceeded']);
  // The routing point is one applet of the call's route: the same name in every event of the call.
  o['OverflowApplet'] = sticky(g, 'OverflowApplet', () => g.rng.pick(['Ylivuoto', 'QueueOverflow', 'Jonotus täynnä', 'Aukioloajat']));
  o['TechSource'] = g.eventType.startsWith('User') ? 'User' : 'Queue';
  o['TechNumber'] = g.eventType.startsWith('User') ? user(g).number : queue(g).number;
  o['TechEvent'] = g.rng.pick(['Overflow', 'Timeout', 'QueueFull']);
  if ('ConnectedTarget' in o) o['ConnectedTarget'] = g.rng.bool(0.5) ? g.rng.pick(g.world.queues).number : customerNumber(g);
};

/** A transfer target: another queue (by Guid) or a phone number (the doc: "Guid or phone number"). */
function transferTarget(g: G): string {
  return sticky(g, 'TransferTarget', () => {
    const others = g.world.queues.filter((q) => q.id !== queue(g).id);
    return others.length && g.rng.bool(0.6) ? g.rng.pick(others).id : customerNumber(g);
  });
}

const transfer: H = (o, g) => {
  if ('TransferTarget' in o) o['TransferTarget'] = transferTarget(g);
  if ('ConnectedTarget' in o) o['ConnectedTarget'] = transferTarget(g);
  if ('TransferSource' in o) o['TransferSource'] = g.eventType.startsWith('User') ? user(g).id : queue(g).id;
  if ('TransferApplet' in o) o['TransferApplet'] = sticky(g, 'TransferApplet', () => g.rng.pick(['Siirto', 'Siirto jonoon', 'TransferToQueue', 'Ulkoinen siirto']));
  if ('TechSource' in o) o['TechSource'] = g.eventType.startsWith('User') ? 'User' : 'Queue';
  // What the transfer targets: a queue (its Guid) or a phone number (the doc: "Guid or phone number").
  if ('TechType' in o) o['TechType'] = /^\+\d+$/.test(transferTarget(g)) ? 'Number' : 'Queue';
  if ('Reason' in o) o['Reason'] = g.rng.pick(['NoAnswer', 'Busy', 'Timeout', 'Rejected']);
  if ('DetailedReason' in o) o['DetailedReason'] = g.rng.bool(0.7) ? null : g.rng.pick(['TargetUnavailable', 'NoFreeAgents']);
};

const blockingPrompt: H = (o, g) => {
  // The doc: Reason e.g. "MandatoryEnter"; PromptDetail e.g. "PRO_Enter", or "SAY:" when using say.
  o['Reason'] = g.rng.weighted([['MandatoryEnter', 60], ['QueuePosition', 20], ['ServiceClosed', 10], ['Announcement', 10]]);
  o['PlayApplet'] = g.rng.pick(['Tervehdys', 'Jonotustiedote', 'Nauhoitustiedote', 'Aukioloajat']);
  o['PromptDetail'] = g.rng.weighted([['PRO_Enter', 50], ['PRO_Queue', 20], [`SAY:Olet jonossa sijalla ${g.rng.int(1, 9)}.`, 20], ['PRO_Recording', 10]]);
};

const callbackCreated: H = (o, g) => {
  // The call that prompted the request (null when created without a call), and a voicemail-style
  // recording when the caller left a message.
  const fromCall = typeof g.ctx['CallId'] === 'string' || g.rng.bool(0.8);
  o['CallId'] = fromCall ? sticky(g, 'CallId') : null;
  if (!fromCall) o['LegId'] = null;
  // A personal request (UserCallInCallbackCreated) comes with the caller's spoken message [inference];
  // a queue's request sometimes does.
  const leftMessage = g.eventType === 'UserCallInCallbackCreated' || g.rng.bool(0.25);
  o['RecordingId'] = leftMessage ? sticky(g, 'RecordingId') : null;
  o['ContactMessage'] = contactMessage(g);
  o['CreationTime'] = dt(g.time);
  if (leftMessage) g.put('TranscribeRecordingType', 'IncomingCallListCall'); // the message left by the caller
};

function metricsSplit(g: G, total: number, parts: number): number[] {
  // `parts` non-negative integers that add up to at most `total`.
  const out: number[] = [];
  let left = total;
  for (let i = 0; i < parts; i++) {
    const v = g.rng.int(0, left);
    out.push(v);
    left -= v;
  }
  return out;
}

/** 1 to 3 attempts of one agent on a callback request, the last one on the call in the context. */
function callbackAttempts(g: G, userId: string) {
  const n = g.rng.int(1, 3);
  return Array.from({ length: n }, (_, i) => {
    const last = i === n - 1;
    return {
      Id: g.rng.guid(),
      UserId: userId,
      Timestamp: dt(g.time - (n - 1 - i) * g.rng.int(30, 240) * MIN),
      CallbackAttemptTypeId: last ? g.rng.int(1, 4) : g.rng.int(2, 4),
      Note: g.rng.bool(0.5) ? g.rng.pick(NOTES) : null,
      RecordingId: last && g.rng.bool(0.5) ? sticky(g, 'RecordingId') : null,
      CallId: last ? sticky(g, 'CallId') : g.rng.guid(),
    };
  });
}

const HOOKS: Record<string, H> = {
  CallbackUserCallOutDisconnected: disconnect,
  QueueCallInDisconnected: disconnect,
  QueueUserCallOutDisconnected: disconnect,
  UserCallInDisconnected: disconnect,
  UserCallOutDisconnected: disconnect,
  QueueCallInUserCancelled: cancelled,
  UserCallInUserCancelled: cancelled,
  QueueCallInUserAllocated: allocated,
  UserCallInUserAllocated: allocated,
  QueueCallInOverflow: overflow,
  UserCallInOverflow: overflow,
  QueueCallInTransferCancelled: transfer,
  QueueCallInTransferConnected: transfer,
  QueueCallInTransferStarted: transfer,
  UserCallInTransferCancelled: transfer,
  UserCallInTransferConnected: transfer,
  UserCallInTransferStarted: transfer,
  QueueCallBlockingPromptStarted: blockingPrompt,
  UserCallBlockingPromptStarted: blockingPrompt,
  QueueCallInCallbackCreated: callbackCreated,
  UserCallInCallbackCreated: callbackCreated,

  QueueCallInRecording(o) {
    o['Reason'] = 'servicequeue'; // the doc: Reason for the recording, "servicequeue"
  },
  QueueCallInIvrSelection(o, g) {
    o['EnteredValue'] = g.rng.weighted([['1', 35], ['2', 30], ['3', 15], ['4', 5], ['9', 5], ['', 10]]);
    o['DetailedReason'] = g.rng.bool(0.8) ? null : 'Timeout';
  },
  QueueCallInScheduleClosed(o, g) {
    o['OverflowApplet'] = g.rng.pick(['Aukioloajat', 'Suljettu', 'Poikkeusaukiolo']);
    o['OverflowReason'] = g.rng.weighted([['ServiceClosed', 70], ['Holiday', 20], ['ExceptionalClosure', 10]]); // [inference]
    o['DetailedReason'] = g.rng.bool(0.7) ? null : g.rng.pick(['Juhannus', 'Itsenäisyyspäivä', 'Koulutuspäivä']);
  },
  QueueCallInSmartRoutingResult(o, g) {
    // The doc: Result OK, NOT_FOUND or FAILED; DetailedReason <empty>, CONVERSION_ERROR or the remote service's reason.
    const result = g.rng.weighted([['OK', 80], ['NOT_FOUND', 15], ['FAILED', 5]]);
    o['Result'] = result;
    o['DetailedReason'] = result === 'OK' ? '' : result === 'FAILED' ? g.rng.pick(['CONVERSION_ERROR', 'Timeout', 'HTTP 503']) : null;
    o['Targets'] = null; // SmartRoutingTarget is never defined by the doc (null in its example)
    o['Priority'] = result === 'OK' ? g.rng.int(1, 10) : null;
    o['ExtraPriority'] = result === 'OK' ? g.rng.int(0, 100) : null;
    o['ExtraData'] = result === 'OK' && g.rng.bool(0.4) ? { Segment: g.rng.pick(['Gold', 'Silver', 'Bronze']), CustomerId: g.rng.digits(7) } : null;
  },
  UserCallInUserOverflow(o, g) {
    // The doc lists: AVAActiveProfile, BusyForTechnicalError, DND, OffWork, NoAnswer, InterruptOverflow, BusyOnBusy, TransferAll, BlindTransfer.
    o['Reason'] = g.rng.weighted([['NoAnswer', 30], ['BusyOnBusy', 15], ['DND', 15], ['OffWork', 10], ['AVAActiveProfile', 10], ['TransferAll', 8], ['BlindTransfer', 6], ['InterruptOverflow', 4], ['BusyForTechnicalError', 2]]);
    const colleagues = g.world.users.filter((u) => u.id !== user(g).id);
    o['Target'] = g.rng.bool(0.5) && colleagues.length ? g.rng.pick(colleagues).number : g.rng.pick(g.world.queues).number;
  },
  UserSupervisionStatus(o, g) {
    const inQueue = typeof g.ctx['QueueId'] === 'string' || g.rng.bool(0.7);
    o['QueueId'] = inQueue ? queue(g).id : null;
    o['QueueName'] = inQueue ? queue(g).name : null;
  },
  UserWrapUpStarted(_o, g) {
    // When the wrap-up started (ms), so UserWrapUpTerminated can tell how long it was on.
    g.put('WrapUpStartedAt', g.time);
  },
  UserWrapUpTerminated(o, g) {
    // Reason: "manual" or "timer" (the doc); a timer ends it at MaxWrapUpDurationSec.
    const maxV = g.ctx['MaxWrapUpDurationSec'];
    const max = typeof maxV === 'number' ? maxV : queue(g).maxWrapUpDurationSec;
    const timer = g.rng.bool(0.4);
    o['Reason'] = timer ? 'timer' : 'manual';
    o['ElapsedTimeSec'] = timer ? max : g.rng.int(Math.min(3, max), Math.max(0, max - 1));
    // In a sequence, the time since UserWrapUpStarted decides: the timer ends it at the maximum.
    const started = g.ctx['WrapUpStartedAt'];
    if (typeof started === 'number' && g.time >= started) {
      const elapsed = Math.min(max, Math.round((g.time - started) / 1000));
      o['Reason'] = elapsed >= max ? 'timer' : 'manual';
      o['ElapsedTimeSec'] = elapsed;
      g.put('WrapUpStartedAt', null); // a null, not a delete: g.put sets, never deletes
    }
  },
  UserVoiceMailRecordingConverted(_o, g) {
    g.put('TranscribeRecordingType', 'VoiceMailRecording'); // its transcript is of the voicemail
  },
  UserCallAllocationRequest(o, g) {
    o['AllocationType'] = 'allocate'; // the only documented value
    o['TTLSeconds'] = g.rng.pick([10, 20, 30, 60]);
  },
  UserCallAllocationResponse(o, g) {
    // In a sequence with a caller waiting (a CallId in the context) the fetch gets that call.
    const type = typeof g.ctx['CallId'] === 'string' ? 'allocated' : g.rng.weighted([['allocated', 60], ['nocalls', 30], ['agentunavailable', 10]]);
    o['AllocationType'] = type;
    const got = type === 'allocated';
    o['CallId'] = got ? sticky(g, 'CallId') : null;
    o['LegId'] = got ? sticky(g, 'LegId') : null;
    o['QueueId'] = got ? queue(g).id : null;
    o['CallerNumber'] = got ? sticky(g, 'CallerNumber', () => customerNumber(g)) : null;
    o['TargetNumber'] = got ? queue(g).number : null;
  },
  UserAvailability(o, g) {
    // The profile in the context (ProfileId, e.g. a scenario's `context:`), else any.
    const pid = g.ctx['ProfileId'];
    const profile = g.world.availabilityProfiles.find((x) => x.id === pid) ?? g.rng.pick(g.world.availabilityProfiles);
    o['ProfileId'] = profile.id;
    o['Availability'] = profile.availability;
    o['Note'] = profile.note;
    o['EventSource'] = g.rng.weighted([['User', 55], ['Schedule', 20], ['Calendar', 15], ['API', 10]]); // "availability event source from db" [inference]
    const start = g.time;
    let end: string;
    switch (profile.availability) {
      case 'Available':
        end = ENREACH_MAX_DATETIME; // continuous state: DateTime.MaxValue (docs/providers.md E9)
        break;
      case 'BRB':
        end = dt(start + g.rng.pick([5, 10, 15]) * MIN);
        break;
      case 'Away':
        end = dt(start + g.rng.pick([30, 45, 60, 120]) * MIN);
        break;
      case 'Busy':
        end = dt(start + g.rng.pick([30, 60, 90]) * MIN);
        break;
      case 'DoNotDisturb':
        end = g.rng.bool(0.5) ? ENREACH_MAX_DATETIME : dt(start + g.rng.pick([60, 120]) * MIN);
        break;
      default:
        end = profile.note ? dt(start + g.rng.int(3, 14) * DAY) : dt(start + g.rng.int(12, 16) * 60 * MIN);
    }
    // The default availability has no start of its own: DateTime.MinValue, as the doc's example prints it.
    o['StartTime'] = profile.availability === 'Available' && g.rng.bool(0.25) ? ENREACH_MIN_DATETIME : dt(start);
    o['EndTime'] = end;
    o['TransferNumber'] = profile.availability === 'Available' ? null : g.rng.weighted<string | null>([[null, 50], [queue(g).number, 30], [`+358${g.rng.pick(['40', '50'])}${g.rng.digits(7)}`, 20]]);
  },
  UserStatus(o, g) {
    const u = user(g);
    const derived = stateOf(g)?.userStatus(u.id);
    if (derived) {
      Object.assign(o, derived);
      return;
    }
    const talking = g.rng.bool(0.35);
    const available = g.rng.bool(0.8);
    const schedule = g.rng.bool(0.9);
    const serving = g.rng.bool(0.75);
    const fetch = serving && g.rng.bool(0.1);
    const wrapUp = !talking && serving && g.rng.bool(0.2);
    const maxWrap = queue(g).maxWrapUpDurationSec;
    const memberships = g.world.queues.filter((q) => q.members.some((m) => m.userId === u.id && m.active)).length;
    o['Talking'] = talking;
    o['TalkingStatusChanged'] = g.rng.bool(0.05) ? null : dt(g.time - g.rng.int(5, 1800) * 1000);
    o['ActiveQueueId'] = talking && g.rng.bool(0.7) ? queue(g).id : null;
    o['Available'] = available;
    o['Schedule'] = schedule;
    o['Serving'] = serving;
    o['FetchMode'] = fetch;
    o['ServingCallback'] = serving && g.rng.bool(0.3);
    o['ServiceTerminals'] = g.rng.weighted([[1, 60], [2, 30], [3, 5], [0, 5]]);
    o['ActiveQueues'] = serving ? Math.max(1, memberships) : 0;
    o['ParkedCalls'] = talking && g.rng.bool(0.1) ? 1 : 0;
    if (wrapUp) {
      const started = g.time - g.rng.int(1, Math.max(1, maxWrap - 1)) * 1000;
      o['WrapUpStart'] = dt(started);
      o['WrapUpEnd'] = dt(started + maxWrap * 1000);
    } else {
      o['WrapUpStart'] = null;
      o['WrapUpEnd'] = null;
    }
    // "Composite value … best guess": allocatable only when every other status allows it.
    o['CanBeAllocatedTo'] = available && schedule && serving && !talking && !wrapUp && !fetch && (o['ServiceTerminals'] as number) > 0;
  },
  QueueStatus(o, g) {
    const q = queue(g);
    const derived = stateOf(g)?.queueStatus(q.id, g.time);
    if (derived) {
      Object.assign(o, derived);
      return;
    }
    const open = g.rng.weighted([[5, 75], [6, 8], [3, 10], [4, 2], [1, 3], [2, 1], [0, 1]]);
    const providers = q.members.length;
    const checkedIn = open >= 5 ? g.rng.int(Math.min(1, providers), providers) : g.rng.int(0, Math.min(1, providers));
    const [talkingAgents = 0, wrapUp = 0, longAway = 0] = metricsSplit(g, checkedIn, 3);
    const free = g.rng.int(0, checkedIn - talkingAgents - wrapUp - longAway);
    const connected = g.rng.int(0, talkingAgents);
    const allocated = g.rng.int(0, free);
    const queuing = open >= 5 ? g.rng.int(0, 12) : 0;
    o['NbrOfProviders'] = providers;
    o['NbrOfAgentsCheckedInQueue'] = checkedIn;
    o['NbrOfAgentsLongTermAway'] = longAway;
    o['NbrOfAgentsShortTermAway'] = talkingAgents;
    o['NbrOfAgentsOnWrapUp'] = wrapUp;
    o['NbrOfAgentsImmediatelyFree'] = free;
    o['NbrOfAgentsOnFetchMode'] = g.rng.int(0, Math.min(1, checkedIn - longAway));
    o['NbrOfServingAgentsEstimate'] = checkedIn - longAway;
    o['NbrOfConnected'] = connected;
    o['NbrOfAllocated'] = allocated;
    o['NbrOfQueuingRequesters'] = queuing;
    o['NbrOfNotServedRequesters'] = queuing + allocated;
    o['NbrOfRequesters'] = queuing + allocated + connected;
    o['MaxWaitTime'] = queuing > 0 ? g.rng.int(5, 900) : 0;
    o['OpenStatus'] = open;
  },
  QueueDailyCallMetrics(o, g) {
    const derived = stateOf(g)?.dailyMetrics(queue(g).id, g.time);
    if (derived) {
      Object.assign(o, derived);
      return;
    }
    o['QueueDate'] = euLocalDate(g.time, 2); // the queue's own time zone: Europe/Helsinki
    const total = g.rng.int(0, 600);
    const [closed = 0, answered = 0, rejected = 0, queueTransfers = 0] = (() => {
      const c = g.rng.int(0, Math.floor(total * 0.08));
      const a = g.rng.int(Math.floor((total - c) * 0.6), total - c);
      const r = g.rng.int(0, total - c - a);
      const qt = total - c - a - r;
      return [c, a, r, qt];
    })();
    o['InboundTotalCalls'] = total;
    o['InboundServiceClosedCalls'] = closed;
    o['InboundAnsweredCalls'] = answered;
    o['InboundRejectedCalls'] = rejected;
    o['InboundQueueTransfers'] = queueTransfers;
    o['InboundUserTransfers'] = g.rng.int(0, Math.floor(answered * 0.15));
    o['InboundAvgWaitTimeSec'] = total ? g.rng.float(3, 240, 1) : 0;
    o['InboundAvgTalkTimeSec'] = answered ? g.rng.float(60, 600, 1) : 0;
    o['InboundAvgHoldTimeSec'] = answered ? g.rng.float(0, 45, 1) : 0;
    o['InboundServiceLevelPercentage'] = total ? g.rng.float(55, 100, 2) : 0;
    const outTotal = g.rng.int(0, 150);
    const outAnswered = g.rng.int(Math.floor(outTotal * 0.4), outTotal);
    o['OutboundTotalCalls'] = outTotal;
    o['OutboundAnsweredCalls'] = outAnswered;
    o['OutboundRejectedCalls'] = outTotal - outAnswered;
    o['OutboundAvgTalkTimeSec'] = outAnswered ? g.rng.int(45, 480) : 0;
    o['OutboundAvgWaitTime'] = outAnswered ? g.rng.int(5, 30) : 0;
  },
  CallbackListStatus(o, g) {
    const list = callList(g);
    const derived = stateOf(g)?.callbackListStatus(list.id, g.time);
    if (derived) {
      Object.assign(o, derived);
      return;
    }
    const open = g.rng.int(0, 250);
    const assigned = g.rng.int(0, Math.min(open, 20));
    const hiding = g.rng.int(0, open - assigned);
    const overDue = g.rng.int(0, open);
    const active = g.rng.int(0, 15);
    const servingAgents = g.rng.int(0, active);
    const autoAgents = g.rng.int(0, servingAgents);
    o['IsAutoAllocate'] = list.isAutoAllocate;
    o['TotalOpenRequests'] = open;
    o['TotalAssigned'] = assigned;
    o['TotalHidingNotBefore'] = hiding;
    o['TotalFreeForAllocation'] = open - assigned - hiding;
    o['NextHourRevealedNotBefore'] = g.rng.int(0, hiding);
    o['TotalOverDueDate'] = overDue;
    o['NextHourOverDueDate'] = g.rng.int(0, open - overDue);
    o['ExpiresIn24h'] = g.rng.int(0, open);
    o['TotalActiveAgents'] = active;
    o['TotalServingAgents'] = servingAgents;
    o['TotalAutoAllocateAgents'] = autoAgents;
    o['TotalServingAutoAllocateAgents'] = list.isAutoAllocate ? g.rng.int(0, autoAgents) : 0;
  },
  CallbackChanged(o, g) {
    const list = callList(g);
    const known = typeof g.ctx['CallBackId'] === 'string';
    const withCall = typeof g.ctx['CallId'] === 'string';
    o['CallBackId'] = sticky(g, 'CallBackId');
    // Phase of the request: new, assigned, or attempted (closed or not). In a sequence, the agent
    // in the context has it; a lone event is any phase.
    const hasAgent = typeof g.ctx['UserId'] === 'string';
    const phase = known || hasAgent ? (hasAgent ? g.rng.weighted([['assigned', 40], ['attempted', 60]]) : 'new') : g.rng.weighted([['new', 40], ['assigned', 20], ['attempted', 40]]);
    const typeId = withCall ? g.rng.weighted([[2, 60], [1, 40]]) : g.rng.weighted([[1, 45], [2, 35], [3, 20]]);
    const created = phase === 'new' ? g.time : g.time - g.rng.int(10, 3 * 24 * 60) * MIN;
    const agent = phase === 'new' ? undefined : user(g);
    o['TypeId'] = typeId;
    o['Created'] = phase === 'new';
    o['CreationTime'] = dt(created);
    o['Modified'] = dt(g.time);
    o['QueueId'] = typeId === 3 ? null : list.queueId;
    o['ChannelIn'] = typeId === 3 ? null : (g.world.queues.find((q) => q.id === list.queueId)?.name ?? null);
    o['CallId'] = typeId === 3 ? null : sticky(g, 'CallId');
    o['ContactNumber'] = contactNumber(g);
    o['ContactName'] = g.rng.bool(0.5) ? null : `${finnishFirstName(g.rng, g.rng.bool() ? 'female' : 'male')} ${g.faker.person.lastName()}`;
    o['ContactMessage'] = contactMessage(g);
    o['Note'] = phase === 'new' ? null : g.rng.bool(0.5) ? null : g.rng.pick(NOTES);
    o['AssignedUserId'] = agent ? agent.id : null;
    o['LastModifiedUserId'] = agent && g.rng.bool(0.8) ? agent.id : null;
    o['RecordingId'] = typeId !== 3 && g.rng.bool(0.2) ? sticky(g, 'RecordingId') : null;
    o['TranscriptId'] = o['RecordingId'] !== null && g.rng.bool(0.5) ? sticky(g, 'TranscriptId') : null;
    o['DueDate'] = g.rng.bool(0.6) ? dt(created + g.rng.int(1, 3) * DAY) : null;
    o['ExpiryDate'] = g.rng.bool(0.5) ? dt(created + g.rng.int(7, 14) * DAY) : null;
    // In a run a request is handled when an agent is free, so it is never hidden (NotBefore) [ours].
    o['NotBefore'] = !stateOf(g) && g.rng.bool(0.2) ? dt(created + g.rng.int(1, 4) * 60 * MIN) : null;
    o['CalculatedPriority'] = String(g.rng.int(1, 20) * 10);
    o['CallbackExtras'] = g.rng.bool(0.6)
      ? null
      : [
          { Id: 1, Name: 'Asiakasnumero', Value: g.rng.digits(6) },
          { Id: 2, Name: 'Kieli', Value: g.rng.pick(['fi', 'sv', 'en']) },
        ];
    o['CallbackRelatedItems'] = g.rng.bool(0.8) ? null : [{ Id: g.rng.guid(), ListId: list.id, IsClosed: true, StatusId: g.rng.int(1, 4) }];
    const attempts = phase === 'attempted' && agent ? callbackAttempts(g, agent.id) : undefined;
    const last = attempts?.[attempts.length - 1];
    o['CallbackAttempts'] = attempts ?? (g.rng.bool(0.5) ? null : []);
    // The "last attempt" summary repeats the last entry of CallbackAttempts.
    o['LastAttemptUserId'] = last?.UserId ?? null;
    o['LastAttemptTypeId'] = last?.CallbackAttemptTypeId ?? null;
    o['LastAttemptTimestamp'] = last?.Timestamp ?? null;
    o['LastAttemptNote'] = last?.Note ?? null;
    // Attempt type 1 is taken as "reached the contact" [inference: the type ids are not documented].
    const reached = last?.CallbackAttemptTypeId === 1;
    o['IsClosed'] = reached;
    o['ClassificationId'] = reached && g.rng.bool(0.5) ? g.rng.guid() : null;
    const request = stateOf(g)?.callbackRequest(sticky(g, 'CallBackId'));
    if (request) knownRequest(o, g, request);
  },
  QueueAttachedUsers(o, g) {
    const q = queue(g);
    const derived = stateOf(g)?.attachedUsers(q.id);
    if (derived) {
      o['AttachedUsers'] = derived;
      return;
    }
    o['AttachedUsers'] = q.members.length === 0 && g.rng.bool(0.5) ? null : q.members.map((m) => ({ UserId: m.userId, Active: m.active, Priority: m.priority }));
  },
  UserQueueAttached(o, g) {
    const q = queue(g);
    const u = user(g);
    const m = q.members.find((x) => x.userId === u.id);
    o['Active'] = m ? m.active : true;
    o['Priority'] = q.usePriorities ? (m?.priority ?? 1) : null;
    o['Deleted'] = g.rng.bool(0.1);
  },
  QueueChanged(o, g) {
    const q = queue(g);
    const what = g.rng.weighted([['Updated', 80], ['Created', 12], ['Deleted', 8]]);
    o['QueueName'] = q.name;
    o['TypeId'] = g.rng.bool(0.9) ? q.typeId : null;
    o['TemplateId'] = q.templateId;
    o['UsePriorities'] = q.usePriorities;
    o['CallAgeBonus'] = g.rng.bool(0.5) ? null : g.rng.pick([0, 0, 30, 60, 300, 1000]);
    o['Region'] = q.region;
    o['Culture'] = q.culture;
    o['Numbers'] = what === 'Deleted' ? null : [...q.numbers];
    o['QueueGroups'] = g.rng.bool(0.2) ? null : g.world.queueGroups.filter((x) => q.groupIds.includes(x.id)).map((x) => ({ Id: x.id, Name: x.name, Description: x.description }));
    o['Created'] = what === 'Created';
    o['Updated'] = what === 'Updated';
    o['Deleted'] = what === 'Deleted';
  },
  UserSetting(o, g) {
    const u = user(g);
    const [keyword, value, allowed] = g.rng.pick<readonly [string, string, Record<string, string> | null]>([
      ['Language', 'fi-FI', { 'fi-FI': 'Suomi', 'sv-FI': 'Svenska', 'en-GB': 'English' }],
      ['CallerIdNumber', u.number, null],
      ['WrapUpTimeSec', String(queue(g).maxWrapUpDurationSec), null],
      ['RingTimeoutSec', g.rng.pick(['15', '20', '25', '30']), null],
      ['MobileRecording', g.rng.pick(['true', 'false']), { true: 'Päällä', false: 'Pois' }],
      ['TimeZone', 'FLE Standard Time', null],
    ]);
    o['Keyword'] = keyword;
    o['Value'] = value;
    o['Values'] = g.rng.bool(0.7) ? null : { [keyword]: value };
    o['AllowedValues'] = allowed ? { ...allowed } : null;
    o['Deleted'] = g.rng.bool(0.05);
  },
  UserConfigurationSetNextCallOut(o, g) {
    setNextCallOut(o, g);
    const record = g.rng.bool(0.6);
    o['ServiceRecord'] = record;
    o['AllowUserRecord'] = g.rng.bool(0.5);
    o['ShowUIControl'] = record && g.rng.bool(0.5);
    o['PrePromptPath'] = record ? g.rng.pick(['prompts/fi-FI/puhelu_nauhoitetaan.wav', 'prompts/sv-FI/samtalet_spelas_in.wav']) : null;
  },
  UserConfigurationSetNextCallOutRaw: setNextCallOut,
};

/** The run's Enreach state, when the payload is part of a run. */
function stateOf(g: G): EnreachState | undefined {
  const s = g.state;
  return s !== undefined && s instanceof EnreachState ? s : undefined;
}

/**
 * A CallbackChanged of a request the run has seen: its own fields as first sent (CreationTime,
 * ContactMessage, TypeId, DueDate…), its attempts so far with the "last attempt" summary, and
 * closed once an attempt reached the contact. The agent in the context (the one who took the
 * request) is the assignee; the first change is the creation (Created: true, unassigned).
 */
function knownRequest(o: O, g: G, r: NonNullable<ReturnType<EnreachState['callbackRequest']>>): void {
  const list = callList(g);
  for (const [k, v] of Object.entries(r.fields)) if (k in o) o[k] = JSON.parse(JSON.stringify(v)) as unknown;
  o['CallListId'] = r.listId ?? list.id;
  o['Modified'] = dt(g.time);
  o['Created'] = !r.changed;
  const last = r.attempts[r.attempts.length - 1];
  const closed = last?.CallbackAttemptTypeId === 1;
  const agent = r.changed && typeof g.ctx['UserId'] === 'string' ? (g.ctx['UserId']) : null;
  o['AssignedUserId'] = agent;
  o['LastModifiedUserId'] = agent ?? last?.UserId ?? null;
  o['CallbackAttempts'] = r.attempts.length ? r.attempts.map((a) => ({ ...a })) : null;
  o['LastAttemptUserId'] = last?.UserId ?? null;
  o['LastAttemptTypeId'] = last?.CallbackAttemptTypeId ?? null;
  o['LastAttemptTimestamp'] = last?.Timestamp ?? null;
  o['LastAttemptNote'] = last?.Note ?? null;
  o['IsClosed'] = closed;
  o['Note'] = closed ? (last?.Note ?? null) : null;
  o['ClassificationId'] = closed && g.rng.bool(0.5) ? g.rng.guid() : null;
}

/** Connected and disconnected events of a call: when its talk started and ended (transcripts, TechReason). */
const CONNECTS = new Set(['QueueCallInUserConnected', 'UserCallInUserConnected', 'QueueUserCallOutConnected', 'UserCallOutConnected', 'CallbackUserCallOutConnected']);
const ENDS = new Set(['QueueCallInDisconnected', 'UserCallInDisconnected', 'UserCallOutDisconnected', 'QueueUserCallOutDisconnected', 'CallbackUserCallOutDisconnected']);
/** Events whose CallId may be null: they settle it in their hooks. */
const NULLABLE_CALL = new Set(['CallbackChanged', 'QueueCallInCallbackCreated', 'UserCallInCallbackCreated', 'UserCallAllocationResponse']);

/** The kind of recording a call makes, by the family of its first event (TranscribeRecordingType). */
function callKind(eventType: string): string | undefined {
  if (eventType.startsWith('QueueCallIn')) return 'IncomingQueueCall';
  if (eventType.startsWith('QueueUserCall')) return 'OutgoingQueueCall';
  if (eventType.startsWith('UserCallIn')) return 'UserIncoming';
  if (eventType.startsWith('UserCallOut')) return 'UserOutgoing';
  if (eventType.startsWith('CallbackUserCall')) return 'OutgoingCallListCall';
  return undefined;
}

/**
 * Before a call event's properties are filled: its call (a new CallId starts fresh per-call
 * values), when it started and what kind of call it is, and when it connected and ended: the
 * values every event about the call carries or derives from.
 */
export function enreachPrepare(entry: CatalogEntry, props: ReadonlySet<string>): ((g: G) => void) | undefined {
  const et = entry.eventType;
  if (!props.has('CallId') || NULLABLE_CALL.has(et)) return undefined;
  const kind = callKind(et);
  return (g) => {
    callId(g);
    if (typeof g.ctx['CallStartedAt'] !== 'number') g.put('CallStartedAt', g.time);
    if (kind && typeof g.ctx['TranscribeRecordingType'] !== 'string') g.put('TranscribeRecordingType', kind);
    if (CONNECTS.has(et) && typeof g.ctx['ConnectedAt'] !== 'number') g.put('ConnectedAt', g.time);
    if (ENDS.has(et)) g.put('CallEndedAt', g.time);
  };
}

/** The next outbound call's settings: in the name of a callback list, a queue, or the user. */
function setNextCallOut(o: O, g: G): void {
  const kind = typeof g.ctx['CallBackId'] === 'string' ? 'callback' : g.rng.weighted([['callback', 30], ['queue', 40], ['user', 30]]);
  if (kind === 'callback') {
    const list = callList(g);
    o['CallBackId'] = sticky(g, 'CallBackId');
    o['CallListId'] = list.id;
    o['QueueId'] = list.queueId;
    o['CLI'] = g.rng.bool(0.7) ? list.number : null;
    o['TargetNumber'] = contactNumber(g);
  } else {
    o['CallBackId'] = null;
    o['CallListId'] = null;
    o['QueueId'] = kind === 'queue' ? queue(g).id : null;
    o['CLI'] = kind === 'queue' && g.rng.bool(0.7) ? queue(g).number : g.rng.bool(0.3) ? user(g).number : null;
  }
  o['TimeToLive'] = g.rng.pick([60, 120, 300, 600]);
  o['PersistentRequest'] = g.rng.bool(0.15);
}

export function enreachHook(entry: CatalogEntry): Hook<EnreachWorld> | undefined {
  const h = HOOKS[entry.eventType];
  return h;
}

