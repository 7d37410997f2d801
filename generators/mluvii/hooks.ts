/**
 * Per-event hooks for mluvii: what must agree across the properties of one payload. Generic
 * SessionActivity* payloads send all 26 keys (docs/providers.md M15); the rules leave them null and the hook
 * of each activity type fills only the ones the doc examples fill for that type.
 */
import type { CatalogEntry } from '../../contracts/catalog.ts';
import type { Hook } from '../plan.ts';
import { WeightTable } from '../rng/seed.ts';
import { activityId, channelSource, chatbot, copy, form, guest, operator, operatorGroup, otherOperator, sessionId, stateOf, tenant, type G } from './entities.ts';
import { isGenericActivity } from './rules.ts';
import {
  AUTO_ACTIVITY_AS_OPERATOR_TEXTS,
  AUTO_ACTIVITY_TEXTS,
  AWAY_REASONS,
  CHATBOT_MESSAGES,
  EXTERNAL_MESSAGES,
  FAREWELL_MESSAGES,
  FILE_NAMES,
  GUEST_MESSAGES,
  INVITE_NOTES,
  OPERATOR_MESSAGES,
  PARAM_VALUES,
  PREVIEW_PAGES,
  SETTING_NAMES,
  WELCOME_MESSAGES,
} from './texts.ts';
import type { Presence } from '../state/mluvii.ts';
import { MLUVII_ID_RANGES, type MluviiWorld } from './world.ts';

type O = Record<string, unknown>;
type H = (o: O, g: G) => void;

/** client = User and userId = the operator in charge. */
const byOperator: H = (o, g) => {
  o['client'] = 'User';
  o['userId'] = operator(g).id;
};
const byGuest: H = (o) => {
  o['client'] = 'Guest';
};
const byChatbot: H = (o, g) => {
  o['client'] = 'Chatbot';
  o['chatbotId'] = chatbot(g).id;
};

/** toOperatorUserId / toOperatorFullName: the other operator (invited, kicked, forwarded to). */
const toOtherOperator: H = (o, g) => {
  const to = otherOperator(g);
  o['toOperatorUserId'] = to.id;
  o['toOperatorFullName'] = to.fullName;
};

/**
 * Where a forward goes, when the context says: `forwardTarget` ('operator' | 'group', e.g. preset
 * by a Pact provider state), else a target id already in the context. Undefined: draw one.
 */
type ForwardTarget = 'operator' | 'group' | 'chatbot' | 'phone';
const FORWARD_TARGETS: readonly string[] = ['operator', 'group', 'chatbot', 'phone'];

function presetForwardTarget(g: G, order: readonly ('operator' | 'group')[]): ForwardTarget | undefined {
  const preset = g.ctx['forwardTarget'];
  if (typeof preset === 'string' && FORWARD_TARGETS.includes(preset)) return preset as ForwardTarget;
  const ids = { operator: g.ctx['toOperatorUserId'], group: g.ctx['toGroupId'] };
  return order.find((t) => typeof ids[t] === 'number');
}

function operatorText(g: G, texts: readonly string[]): string {
  return g.rng.pick(texts).replace('{name}', operator(g).firstName);
}

/** Fills the form's input keys the way a guest would. */
function formParams(g: G, fields: readonly { key?: string; inputType: string; choiceOptions?: { value: string }[] }[]): Record<string, string> {
  const out: Record<string, string> = {};
  const gu = guest(g);
  for (const f of fields) {
    if (!f.key) continue;
    if (f.choiceOptions?.length) out[f.key] = g.rng.pick(f.choiceOptions).value;
    else if (f.key === 'oo1_guest_ident') out[f.key] = gu.fullName;
    else if (f.key === 'oo1_guest_email') out[f.key] = gu.email || 'host@example.cz';
    else if (f.key === 'oo1_guest_phone' && gu.phone) out[f.key] = gu.phone;
    else if (f.key === 'gdpr') out[f.key] = 'true';
    else if (PARAM_VALUES[f.key]) out[f.key] = g.rng.pick(PARAM_VALUES[f.key] as readonly string[]);
    else out[f.key] = g.faker.lorem.word();
  }
  return out;
}

type Writer = 'Guest' | 'User' | 'Chatbot';
const ANY_WRITER = new WeightTable<Writer>([['Guest', 50], ['User', 40], ['Chatbot', 10]]);
const WITH_OPERATOR = new WeightTable<Writer>([['Guest', 55], ['User', 45]]);
const WITH_CHATBOT = new WeightTable<Writer>([['Guest', 50], ['Chatbot', 50]]);
const GUEST_ALONE = new WeightTable<Writer>([['Guest', 1]]);

const ACTIVITY: Record<string, H> = {
  ChatMessage(o, g) {
    // In a run, who may write follows who serves the session: the guest alone before anyone does,
    // then the guest and the operator, or the guest and the chatbot (never a chatbot in an operator's chat).
    const servedBy = stateOf(g)?.servedBy(sessionId(g));
    const state = stateOf(g);
    const who = g.rng.weightedFrom(!state ? ANY_WRITER : servedBy === 'operator' ? WITH_OPERATOR : servedBy === 'chatbot' ? WITH_CHATBOT : GUEST_ALONE);
    if (who === 'Guest') {
      byGuest(o, g);
      o['text'] = g.rng.pick(GUEST_MESSAGES);
    } else if (who === 'User') {
      byOperator(o, g);
      o['text'] = operatorText(g, OPERATOR_MESSAGES);
    } else {
      byChatbot(o, g);
      o['text'] = g.rng.pick(CHATBOT_MESSAGES);
    }
  },
  SharedFile(o, g) {
    const byOp = g.rng.bool(0.7);
    if (byOp) byOperator(o, g);
    else byGuest(o, g);
    const id = g.rng.int(MLUVII_ID_RANGES.file[0], MLUVII_ID_RANGES.file[1]);
    const fromDepartment = byOp && g.rng.bool(0.2);
    const name = g.rng.pick(FILE_NAMES);
    o['file'] = {
      id,
      operatorOwner: byOp && !fromDepartment ? operator(g).id : null,
      departmentOwner: fromDepartment ? tenant(g).id : null,
      name,
      downloadUrl: g.rng.bool(0.6) ? null : `https://app.mluvii.com/api/v1/Files/${id}/${encodeURIComponent(name)}`,
      isUploading: !byOp && g.rng.bool(0.1),
      isDeleted: false,
    };
  },
  SharedScreen(o, g) {
    (g.rng.bool(0.6) ? byOperator : byGuest)(o, g);
  },
  CobrowsingStarted(o, g) {
    (g.rng.bool(0.6) ? byGuest : byOperator)(o, g);
  },
  CobrowsingStoppedByGuest: byGuest,
  ScreenSharingFailedByGuest: byGuest,
  FileUploadFailed: byGuest,
  HeroCard(o, g) {
    // "client can take values (User, Chatbot)": whoever serves the session in a run.
    const servedBy = stateOf(g)?.servedBy(sessionId(g));
    (servedBy === 'operator' ? byOperator : servedBy === 'chatbot' ? byChatbot : g.rng.bool(0.6) ? byChatbot : byOperator)(o, g);
    const f = form(g, 'heroCard');
    o['heroCard'] = copy(f.fields);
    o['formFieldSetUUID'] = f.uuid;
  },
  ChatbotMessage(o, g) {
    byChatbot(o, g);
    o['text'] = g.rng.pick(CHATBOT_MESSAGES);
  },
  CallScript(o, g) {
    // Delivered when the client accepts the campaign session (docs/providers.md §1 notes); the doc example leaves client and userId null.
    const f = form(g, 'callScript');
    o['callScript'] = copy(f.fields);
    o['formFieldSetUUID'] = f.uuid;
  },
  CallScriptSubmission(o) {
    // The doc example says client "Guest" although the operator confirms the script (docs/providers.md §1 notes).
    o['client'] = 'Guest';
  },
  WelcomeMessage(o, g) {
    o['text'] = g.rng.pick(WELCOME_MESSAGES).replace('{company}', g.world.company.name.split(/[ ,]/)[0] ?? 'mluvii');
  },
  LastFarewellMessage(o, g) {
    o['text'] = g.rng.pick(FAREWELL_MESSAGES);
  },
  PreviewUrl(o, g) {
    (g.rng.bool(0.7) ? byGuest : byOperator)(o, g);
    const page = g.rng.pick(PREVIEW_PAGES);
    const prev = g.previousActivityId;
    const id = activityId(g);
    o['previewUrl'] = { title: page.title, imageUrl: page.imageUrl, contentType: 1, originalUrl: page.originalUrl, originalActivityId: typeof prev === 'number' ? prev : id - g.rng.int(1, 3) };
  },
  ExternalMessage(o, g) {
    o['text'] = g.rng.pick(EXTERNAL_MESSAGES);
  },
  OnHold: byOperator,
  ResumeGuest: byOperator,
  ChatToMail: byOperator,
  OperatorInviteCanceled: byOperator,
  OperatorInvited(o, g) {
    byOperator(o, g);
    toOtherOperator(o, g);
    o['note'] = g.rng.pick(INVITE_NOTES);
  },
  OperatorInviteRejected(o, g) {
    // The invitee rejects: the doc example's userId (4254) is the invited operator, not the inviter.
    o['client'] = 'User';
    o['userId'] = otherOperator(g).id;
  },
  OperatorKicked(o, g) {
    byOperator(o, g);
    toOtherOperator(o, g);
  },
  AutoActivity(o, g) {
    o['text'] = g.rng.pick(AUTO_ACTIVITY_TEXTS);
  },
  AutoActivityAsOperator(o, g) {
    byOperator(o, g);
    o['text'] = g.rng.pick(AUTO_ACTIVITY_AS_OPERATOR_TEXTS);
  },
  ChatbotHeroCardSubmission(o, g) {
    o['client'] = 'Guest';
    o['chatbotId'] = chatbot(g).id;
    const f = form(g, 'heroCard');
    const field = f.fields.find((x) => x.key && x.choiceOptions?.length) ?? f.fields.find((x) => x.key);
    const params = formParams(g, field ? [field] : []);
    const key = field?.key ?? 'duvod';
    o['chatbotHeroCardSubmissionKey'] = key;
    o['chatbotHeroCardSubmissionValue'] = params[key] ?? 'Jiné';
    o['formFieldSetUUID'] = f.uuid;
  },
  SessionEnded(o, g) {
    const { channel, source } = channelSource(g);
    // In a run, the reasons fit who served the session (an operator's chat never ends by ChatbotLeft).
    const state = stateOf(g);
    const servedBy = state?.servedBy(sessionId(g));
    const by = (who: 'operator' | 'chatbot' | 'nobody', w: number): number => (!state || (servedBy ?? 'nobody') === who ? w : 0);
    const reasons: [string, 'Guest' | 'User' | 'Chatbot' | null, number][] = [
      ['GuestLeft', 'Guest', 45],
      ['OperatorLeft', 'User', by('operator', 25)],
      ['ChatbotLeft', 'Chatbot', channel === 'Chat' ? by('chatbot', 6) : 0],
      ['GuestAbandoned', null, by('nobody', 8)],
      ['OperatorAbandoned', null, by('operator', 2)],
      ['ExternalSessionExpired', null, source === 'WhatsApp' || source === 'Facebook' ? 8 : 0],
      ['SessionApiCall', null, source === 'API' ? 10 : state ? 0 : 1],
      ['FailedRouting', null, by('nobody', 1)],
      ['SingleUseSession', null, state ? 0 : 1],
      ['UnknownReason', null, state ? 0 : 1],
      ['ExternalPartyLeft', null, channel === 'Phone' ? 20 : 0],
      ['CallForwardedToExternalPhone', 'User', channel === 'Phone' ? by('operator', 3) : 0],
      ['OperatorWithoutExtension', null, channel === 'Phone' ? by('nobody', 1) : 0],
      ['ForwardToExternalPhoneFailed', null, channel === 'Phone' ? by('operator', 1) : 0],
      ['CampaignFailedDial', null, source === 'Campaign' ? 8 : 0],
      ['CampaignTerminated', null, source === 'Campaign' ? 3 : 0],
    ];
    const [reason, client] = g.rng.weighted(reasons.filter((r) => r[2] > 0).map((r) => [[r[0], r[1]] as const, r[2]] as const));
    o['terminationReason'] = reason;
    if (client === 'User') byOperator(o, g);
    else if (client === 'Chatbot') byChatbot(o, g);
    else o['client'] = client;
  },
  SessionForwarded(o, g) {
    byOperator(o, g);
    const { channel } = channelSource(g);
    const target = presetForwardTarget(g, ['group', 'operator']) ?? g.rng.weighted<ForwardTarget>([['operator', 55], ['group', 35], ['phone', channel === 'Phone' ? 10 : 0]]);
    // SessionForwarded (the event) names the same target.
    g.put('forwardTarget', target);
    if (target === 'operator') {
      toOtherOperator(o, g);
    } else if (target === 'group') {
      const grp = operatorGroup(g, 'toGroupId');
      o['toGroupId'] = grp.id;
      o['toGroupName'] = grp.name;
    } else if (target === 'chatbot') {
      // "the same parameters [toGroupId, toGroupName] are also used when forwarding to a chatbot" (the doc's hint).
      const bot = chatbot(g);
      o['toGroupId'] = bot.id;
      o['toGroupName'] = bot.name;
    } else {
      o['toPhoneNumber'] = `+420${g.rng.pick(['2', '5', '6', '7'])}${g.rng.digits(8)}`;
    }
  },
};

const EVENT_HOOKS: Record<string, H> = {
  SessionForwarded(o, g) {
    // The target of the forward: an operator, a group or a chatbot (the doc example: a group).
    // Shared with SessionActivitySessionForwarded through the context (toOperatorUserId / toGroupId).
    // "userId, operatorGroupId, or chatbotId, depending on the target"; none for an external number.
    const target = presetForwardTarget(g, ['operator', 'group']) ?? g.rng.weighted<ForwardTarget>([['group', 50], ['operator', 38], ['chatbot', 12]]);
    o['userId'] = target === 'operator' ? otherOperator(g).id : null;
    o['operatorGroupId'] = target === 'group' ? operatorGroup(g, 'toGroupId').id : null;
    o['chatbotId'] = target === 'chatbot' ? chatbot(g).id : null;
  },
  EmailThreadForwarded(o, g) {
    const preset = presetForwardTarget(g, ['group', 'operator']);
    const toOperator = preset ? preset === 'operator' : g.rng.bool(0.6);
    o['userId'] = toOperator ? otherOperator(g).id : null;
    o['operatorGroupId'] = toOperator ? null : operatorGroup(g, 'toGroupId').id;
  },
  ApplicationSettingChanged(o, g) {
    // One settings change is sent once per level it applies to (docs/providers.md M19); the doc example is a
    // department-level setting: companyId + departmentId, the rest null.
    const level = g.rng.weighted<'company' | 'department' | 'group' | 'user' | 'routing'>([['department', 60], ['company', 15], ['group', 10], ['user', 10], ['routing', 5]]);
    o['name'] = g.rng.pick(SETTING_NAMES);
    o['companyId'] = g.world.company.id;
    o['departmentId'] = level === 'company' ? null : tenant(g).id;
    o['operatorGroupId'] = level === 'group' ? operatorGroup(g).id : null;
    o['userId'] = level === 'user' ? operator(g).id : null;
    o['routingRuleSetId'] = level === 'routing' ? g.rng.pick(g.world.routingRuleSetIds) : null;
  },
  UserStatusChanged(o, g) {
    // The operator's own choice (context presence: log in, a break, log out), over the sessions in hand.
    const p = g.ctx['presence'];
    const chosen: { presence: Presence; reason: string | null } | undefined = p === 'ONLINE' || p === 'AWAY' || p === 'OFFLINE' ? { presence: p, reason: p === 'AWAY' ? g.rng.pick(AWAY_REASONS) : null } : undefined;
    const derived = stateOf(g)?.operatorStatus(operator(g).id, chosen);
    if (derived) {
      Object.assign(o, derived);
      return;
    }
    const [status, availability] = g.rng.weighted<readonly [string, string]>([
      [['ONLINE', 'DEFAULT'], 35],
      [['ONLINE', 'ON_CALL'], 10],
      [['AWAY', 'AWAY'], 25],
      [['BUSY', 'ON_CALL'], 10],
      [['BUSY', 'DEFAULT'], 5],
      [['OFFLINE', 'DEFAULT'], 15],
    ]);
    o['status'] = status;
    o['availabilityStatus'] = availability;
    o['availabilityStatusReason'] = availability === 'AWAY' && g.rng.bool(0.5) ? g.rng.pick(AWAY_REASONS) : null;
  },
  SessionActivityAvResponse(o, g) {
    o['response'] = g.rng.weighted([['Accepted', 70], ['RejectedUser', 15], ['RejectedNoMic', 5], ['RejectedShitBrowser', 3], ['Requested', 5], ['None', 2]]);
  },
  SessionActivityAvMediaResult(o, g) {
    const result = g.rng.weighted([['Success', 75], ['NoCameraOnlyMic', 12], ['NoDevices', 5], ['UserDenied', 8]]);
    o['result'] = result;
    o['isStreamAvailable'] = result === 'Success' || result === 'NoCameraOnlyMic';
  },
  SessionActivityHeroCardSubmission(o, g) {
    const f = form(g, 'heroCard');
    const submitted = g.rng.bool(0.85);
    o['result'] = submitted ? 'Submitted' : 'Cancelled';
    o['originalFormID'] = f.id;
    o['submittedByClient'] = g.rng.bool(0.5);
    o['params'] = submitted ? formParams(g, f.fields) : null;
  },
};

export function mluviiHook(entry: CatalogEntry): Hook<MluviiWorld> | undefined {
  if (isGenericActivity(entry)) {
    const type = entry.eventType.slice('SessionActivity'.length);
    return ACTIVITY[type];
  }
  return EVENT_HOOKS[entry.eventType];
}
