/**
 * What mluvii's REST side knows after the webhooks a run has played: the sessions (SessionModel)
 * and the users (UserModel) as `GET /api/v1/Sessions[/{id}]` and `GET /api/v1/Users/{id}` answer
 * them (docs/providers.md M21, M24). Every value a webhook carried is taken as the webhook said it
 * (ids, channel, source, operators, times); what no webhook carries comes from the world (company,
 * operator names, chatbot names, forms) or is drawn from the session id, so one session always
 * reads the same. Pure: no I/O, no clock (the time of each event is passed in).
 */
import type { MluviiSessionModel, MluviiSessionModelActivity, MluviiSessionModelActivityFormField, MluviiUserModel } from '../../contracts/generated/types.ts';
import { Rng, hashSeed, mixSeed } from '../rng/seed.ts';
import { formatMluvii } from '../time.ts';
import { operatorById } from './entities.ts';
import { createMluviiWorld, type MluviiOperator, type MluviiWorld } from './world.ts';

export interface MluviiRecordsOptions {
  /** Sessions kept; past it the oldest are forgotten (default 10 000). */
  maxSessions?: number;
  /** Activities kept per session (default 2 000). */
  maxActivities?: number;
}

export interface MluviiRecords {
  /** Makes a world known: its operators become users, its tenants' sessions get its company. */
  addWorld(world: MluviiWorld): void;
  /**
   * One webhook as mluvii emitted it at `time` (ms since the epoch). Session events update their
   * session; other events (e-mail threads, user status, settings) change nothing here.
   */
  record(payload: unknown, time: number): void;
  /** A session a webhook has named with its channel and source; undefined otherwise. */
  session(id: number): MluviiSessionModel | undefined;
  /** Every readable session, oldest created first (then by id). */
  sessions(): MluviiSessionModel[];
  /** An operator of a known world, or one a played session named. */
  user(id: number): MluviiUserModel | undefined;
}

interface OperatorStint {
  userId: number;
  joined: string;
  joinedMs: number;
  left: string | null;
  concluded: string | null;
}

interface SessionState {
  id: number;
  tenantId: number;
  world: MluviiWorld;
  channel?: string;
  source?: string;
  status: 'CREATED' | 'IN_QUEUE' | 'ACTIVE' | 'CLOSED';
  createdMs: number;
  started: string | null;
  startedMs?: number;
  ended: string | null;
  endedMs?: number;
  operators: OperatorStint[];
  activities: MluviiSessionModelActivity[];
  terminationReason?: string;
  recordingsProcessed: boolean;
}

type Data = Record<string, unknown>;

const num = (v: unknown): number | undefined => (typeof v === 'number' && Number.isFinite(v) ? v : undefined);
const str = (v: unknown): string | undefined => (typeof v === 'string' ? v : undefined);
const orNull = <T>(v: T | undefined): T | null => (v === undefined ? null : v);

/** ISO 8601 duration, as the published swagger describes `waited` and `length` (docs/providers.md M21): `PT1M42.664S`. */
function isoDuration(ms: number): string {
  const total = Math.max(0, Math.round(ms));
  const h = Math.floor(total / 3_600_000);
  const m = Math.floor((total % 3_600_000) / 60_000);
  const s = (total % 60_000) / 1000;
  return `PT${h ? `${h}H` : ''}${m ? `${m}M` : ''}${s || (!h && !m) ? `${Number(s.toFixed(3))}S` : ''}`;
}

/** The webhook's form item (HeroCard / CallScript) as the REST ActivityFormField: no `ordinal`. */
function formField(item: unknown): MluviiSessionModelActivityFormField {
  const f = (item ?? {}) as Data;
  const options = Array.isArray(f['choiceOptions']) ? (f['choiceOptions'] as Data[]) : [];
  return {
    key: str(f['key']) ?? null,
    label: str(f['label']) ?? null,
    required: f['required'] === true,
    inputType: f['inputType'] as MluviiSessionModelActivityFormField['inputType'],
    choiceOptions: options.map((o) => ({ value: str(o['value']) ?? null, label: str(o['label']) ?? null })),
  };
}

/**
 * A generic SessionActivity* webhook (docs/providers.md §1a) as a SessionModel activity. Only
 * these carry an activityId; the A/V and HeroCardSubmission webhooks do not, so they are not
 * listed (the mock would have to invent the id).
 */
function activityOf(d: Data, world: MluviiWorld): MluviiSessionModelActivity {
  const uuid = str(d['formFieldSetUUID']);
  const form = uuid ? world.forms.find((f) => f.uuid === uuid) : undefined;
  const file = d['file'] as Data | null | undefined;
  const forms = (v: unknown) => (Array.isArray(v) ? v.map(formField) : null);
  return {
    activityId: d['activityId'] as number,
    time: d['time'] as string,
    type: d['type'] as MluviiSessionModelActivity['type'],
    client: (d['client'] ?? null) as MluviiSessionModelActivity['client'],
    userId: orNull(num(d['userId'])),
    chatbotId: orNull(num(d['chatbotId'])),
    file: file
      ? {
          id: file['id'] as number,
          operatorOwner: orNull(num(file['operatorOwner'])),
          departmentOwner: orNull(num(file['departmentOwner'])),
          name: orNull(str(file['name'])),
          downloadUrl: orNull(str(file['downloadUrl'])),
          isUploading: file['isUploading'] === true,
          isDeleted: file['isDeleted'] === true,
        }
      : null,
    text: orNull(str(d['text'])),
    chatbotMessageContent: d['chatbotMessageContent'] ?? null,
    response: null,
    result: null,
    streamAvailable: null,
    toOperatorUserId: orNull(num(d['toOperatorUserId'])),
    toOperatorFullName: orNull(str(d['toOperatorFullName'])),
    toGroupId: orNull(num(d['toGroupId'])),
    toGroupName: orNull(str(d['toGroupName'])),
    toPhoneNumber: orNull(str(d['toPhoneNumber'])),
    note: orNull(str(d['note'])),
    callScriptId: form?.kind === 'callScript' ? form.id : null,
    heroCardId: form?.kind === 'heroCard' ? form.id : null,
    originalFormId: form ? form.id : null,
    heroCard: forms(d['heroCard']),
    callScript: forms(d['callScript']),
    replyToActivityId: null,
    submissionOfActivityId: null,
    submissionByOperatorId: null,
    submissionResult: null,
    submissionParams: null,
    submissionIdentification: orNull(str(d['submissionIdentification'])),
    terminationReason: (d['terminationReason'] ?? null) as MluviiSessionModelActivity['terminationReason'],
    chatbotHeroCardSubmissionKey: orNull(str(d['chatbotHeroCardSubmissionKey'])),
    chatbotHeroCardSubmissionValue: orNull(str(d['chatbotHeroCardSubmissionValue'])),
    status: null,
  };
}

const BROWSERS = [['CHROME', 55], ['SAFARI', 18], ['CHROMIUM_EDGE', 12], ['FF', 8], ['OPERA', 4], ['OTHER', 3]] as const;
const SYSTEMS = [['WINDOWS', 45], ['ANDROID', 28], ['IOS', 15], ['OSX', 9], ['LINUX', 3]] as const;
/** Outbound phone sessions: the customer joins when the call is answered. */
const OUTBOUND = new Set(['OutgoingCall', 'Campaign']);

function userOf(op: MluviiOperator): MluviiUserModel {
  return {
    id: op.id,
    firstName: op.firstName,
    lastName: op.lastName,
    // Operators sign in with their e-mail address: the world has no other user name.
    username: op.email || null,
    email: op.email || null,
    note: null,
    enabled: true,
    departments: [op.tenantId],
    groups: [...op.groupIds],
    globalRoles: [],
  };
}

export function createMluviiRecords(options: MluviiRecordsOptions = {}): MluviiRecords {
  const maxSessions = options.maxSessions ?? 10_000;
  const maxActivities = options.maxActivities ?? 2_000;
  const sessions = new Map<number, SessionState>();
  const worlds: MluviiWorld[] = [];
  const users = new Map<number, MluviiUserModel>();
  let fallback: MluviiWorld | undefined;

  /** The world of a tenant: the latest known world that has it, else the generators' default world (seed 1). */
  const worldOf = (tenantId: number): MluviiWorld => {
    for (let i = worlds.length - 1; i >= 0; i--) if (worlds[i]!.tenants.some((t) => t.id === tenantId)) return worlds[i]!;
    return (fallback ??= createMluviiWorld(1));
  };

  const stateOf = (id: number, tenantId: number | undefined, time: number): SessionState => {
    let s = sessions.get(id);
    if (!s) {
      const tenant = tenantId ?? worlds.at(-1)?.tenants[0]?.id ?? 0;
      s = { id, tenantId: tenant, world: worldOf(tenant), status: 'CREATED', createdMs: time, started: null, ended: null, operators: [], activities: [], recordingsProcessed: false };
      sessions.set(id, s);
      if (sessions.size > maxSessions) sessions.delete(sessions.keys().next().value as number);
    }
    return s;
  };

  const noteOperator = (s: SessionState, userId: number): void => {
    if (!users.has(userId)) users.set(userId, userOf(operatorById(s.world, userId)));
  };

  const apply = (eventType: string, d: Data, time: number): void => {
    const id = num(d['id']) ?? num(d['sessionId']);
    if (id === undefined) return;
    const s = stateOf(id, num(d['tenantId']), time);
    const channel = str(d['channel']);
    const source = str(d['source']);
    if (channel) s.channel = channel;
    if (source) s.source = source;
    const at = str(d['time']);
    const userId = num(d['userId']) ?? num(d['operatorId']);
    switch (eventType) {
      case 'SessionStarted':
      case 'SessionEnded': {
        const started = d['started'];
        if (typeof started === 'string') {
          s.started = started;
          s.startedMs = Date.parse(started);
        }
        if (eventType === 'SessionStarted') {
          if (s.status === 'CREATED') s.status = 'IN_QUEUE';
          break;
        }
        const ended = str(d['ended']);
        if (ended) {
          s.ended = ended;
          s.endedMs = Date.parse(ended);
        }
        // A session a run ended is CLOSED at once: the sample lists Status=CLOSED right after SessionEnded (M24).
        s.status = 'CLOSED';
        break;
      }
      case 'SessionOperatorJoined':
        if (userId === undefined || !at) break;
        s.operators.push({ userId, joined: at, joinedMs: Date.parse(at), left: null, concluded: null });
        noteOperator(s, userId);
        if (s.status !== 'CLOSED') s.status = 'ACTIVE';
        break;
      case 'SessionOperatorLeft':
      case 'SessionOperatorConcluded': {
        if (userId === undefined || !at) break;
        const stint = [...s.operators].reverse().find((o) => o.userId === userId);
        if (!stint) break;
        if (eventType === 'SessionOperatorLeft') stint.left ??= at;
        else {
          // Concluded also fires for the operators who did not get SessionOperatorLeft (docs/providers.md §3 B, C).
          stint.left ??= at;
          stint.concluded ??= at;
        }
        break;
      }
      case 'SessionRecordingPostProcessingCompleted':
        s.recordingsProcessed = true;
        break;
      default:
        if (eventType.startsWith('SessionActivity') && num(d['activityId']) !== undefined && typeof d['type'] === 'string') {
          if (s.activities.length < maxActivities) s.activities.push(activityOf(d, s.world));
          const reason = str(d['terminationReason']);
          if (reason) s.terminationReason = reason;
        }
    }
  };

  const view = (s: SessionState): MluviiSessionModel => {
    const w = s.world;
    const phone = s.channel === 'Phone';
    const rng = new Rng(mixSeed(hashSeed(w.seed), 'session-model', s.id));
    const firstJoin = s.operators[0];
    const created = formatMluvii(s.createdMs);
    const outbound = OUTBOUND.has(s.source ?? '');
    const waitEnd = firstJoin?.joinedMs ?? s.endedMs;
    const chatbotIds = [...new Set(s.activities.map((a) => a.chatbotId).filter((c): c is number => c !== null))];
    const campaignForm = s.activities.find((a) => a.callScriptId !== null)?.callScriptId;
    const guestLeft =
      s.status !== 'CLOSED' ? 'StillConnected' : !firstJoin ? 'LeftQueue' : s.terminationReason === 'GuestLeft' ? 'LeftSession' : 'LeftAfterSession';
    const ops = s.operators.map((o) => {
      const op = operatorById(w, o.userId);
      return { userId: o.userId, userName: op.email || null, firstName: op.firstName, lastName: op.lastName, joined: o.joined, left: o.left, concluded: o.concluded, feedbackResult: null, note: null };
    });
    return {
      id: s.id,
      companyId: w.company.id,
      departmentId: s.tenantId,
      guest: {
        tempId: rng.int(10_000_000, 99_999_999),
        // Documentation addresses (RFC 5737): never someone's real address.
        ipAddress: phone ? null : `${rng.pick(['192.0.2', '198.51.100', '203.0.113'])}.${rng.int(1, 254)}`,
        trackedId: phone ? null : rng.guid(),
        identity: null,
        channelIdentity: null,
        os: phone ? 'OTHER' : rng.weighted(SYSTEMS),
        browser: phone ? 'OTHER' : rng.weighted(BROWSERS),
        language: 'cs',
        callParams: {},
        gdprVersion: null,
      },
      channel: s.channel as MluviiSessionModel['channel'],
      source: s.source as MluviiSessionModel['source'],
      status: s.status,
      avSupport: phone ? 'NONE' : 'WEB_RTC',
      directCallNumber: null,
      phoneCallbackNumber: s.source === 'Callback' ? (w.guests[s.id % Math.max(1, w.guests.length)]?.phone ?? null) : null,
      isDirectChat: false,
      url: phone ? null : `https://www.${w.company.domain}/kontakt`,
      widget: null,
      operators: ops,
      reviewers: [],
      created,
      guestJoined: outbound ? (firstJoin?.joined ?? null) : created,
      started: s.started,
      ended: s.ended,
      waited: s.startedMs !== undefined && waitEnd !== undefined ? isoDuration(waitEnd - s.startedMs) : null,
      length: firstJoin && s.endedMs !== undefined ? isoDuration(s.endedMs - firstJoin.joinedMs) : null,
      blacklisted: false,
      phoneCallbackDialed: s.source === 'Callback' ? (firstJoin?.joined ?? null) : null,
      activities: s.activities.map((a) => ({ ...a })),
      tags: [],
      chatbots: chatbotIds.map((chatbotId) => {
        const first = s.activities.find((a) => a.chatbotId === chatbotId)!;
        const firstMs = Date.parse(first.time);
        const handedOver = s.operators.find((o) => o.joinedMs >= firstMs);
        return { chatbotId, name: w.chatbots.find((c) => c.id === chatbotId)?.name ?? null, joined: first.time, left: handedOver?.joined ?? s.ended };
      }),
      guestFeedbackStars: null,
      guestFeedbackScale: null,
      guestFeedbackText: null,
      autoAccepted: false,
      guestFeedbackCustomFields: {},
      recordings: s.recordingsProcessed
        ? [
            {
              id: rng.int(100_000, 999_999),
              name: `${s.id}.${phone ? 'mp3' : 'webm'}`,
              started: firstJoin?.joined ?? s.started,
              duration: firstJoin && s.endedMs !== undefined ? isoDuration(s.endedMs - firstJoin.joinedMs) : null,
              type: 'AllParticipants',
              userId: firstJoin?.userId ?? null,
              serviceId: null,
              downloadUrl: null,
              isUploading: false,
              isDeleted: false,
            },
          ]
        : [],
      recordingsState: s.recordingsProcessed ? 'Processed' : null,
      guestLeftSession: guestLeft,
      outboundDialResult: outbound ? (firstJoin ? 'ANSWERED' : s.status === 'CLOSED' ? 'NO_ANSWER' : 'DIALING') : null,
      campaignId: s.source === 'Campaign' ? (w.campaigns.find((c) => c.callScriptFormId === campaignForm)?.id ?? null) : null,
    };
  };

  const readable = (s: SessionState | undefined): s is SessionState => s !== undefined && s.channel !== undefined && s.source !== undefined;

  return {
    addWorld(world) {
      if (worlds.includes(world)) return;
      worlds.push(world);
      for (const op of world.operators) users.set(op.id, userOf(op));
    },
    record(payload, time) {
      if (payload === null || typeof payload !== 'object') return;
      const { eventType, data } = payload as { eventType?: unknown; data?: unknown };
      if (typeof eventType !== 'string' || !eventType.startsWith('Session') || data === null || typeof data !== 'object') return;
      apply(eventType, data as Data, time);
    },
    session(id) {
      const s = sessions.get(id);
      return readable(s) ? view(s) : undefined;
    },
    sessions() {
      return [...sessions.values()]
        .filter(readable)
        .sort((a, b) => a.createdMs - b.createdMs || a.id - b.id)
        .map(view);
    },
    user: (id) => {
      const u = users.get(id);
      return u ? { ...u, departments: [...u.departments], groups: [...u.groups], globalRoles: [...u.globalRoles] } : undefined;
    },
  };
}
