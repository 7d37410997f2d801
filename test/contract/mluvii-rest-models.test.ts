import { describe, expect, it } from 'vitest';
import { validatorFor } from '../../contracts/ajv.ts';
import { eventNames, getSchemaById } from '../../contracts/catalog.ts';
import { createMluviiApi, SESSION_MODEL_SCHEMA_ID, USER_MODEL_SCHEMA_ID } from '../../contracts/registration/index.ts';
import vendor from '../../contracts/mluvii/api/vendor-models.json' with { type: 'json' };
import { createMluviiRecords } from '../../generators/mluvii/records.ts';
import { playInto } from '../../msw/mluvii-api.ts';
import { listBuiltins, readScenario } from '../../scenarios/files.ts';
import { plan } from '../../scenarios/index.ts';

/**
 * The REST models (contracts/mluvii/api/*.schema.json) against the vendor's C# models they are
 * written from (contracts/mluvii/api/vendor-models.json, mluvii.ApiModels), and the read side
 * against what the built-in scenarios' webhooks say.
 */

type Schema = { properties?: Record<string, Schema>; required?: string[]; definitions?: Record<string, Schema>; type?: string | string[]; anyOf?: Schema[]; $ref?: string; items?: Schema; enum?: string[] };

/** Json.NET's CamelCasePropertyNamesContractResolver: `AVSupport` → `avSupport`, `ID` → `id`. */
function camel(s: string): string {
  const c = [...s];
  for (let i = 0; i < c.length; i++) {
    if (i === 1 && c[i] !== c[i]!.toUpperCase()) break;
    const next = c[i + 1];
    if (i > 0 && next !== undefined && next !== next.toUpperCase()) break;
    c[i] = c[i]!.toLowerCase();
  }
  return c.join('');
}

const classes = vendor.classes as Record<string, { base: string | null; props: Record<string, string> }>;
const props = (cls: string): Record<string, string> => ({ ...(classes[cls]!.base === 'GeneralOperatorInfo' ? classes['Common.GeneralOperatorInfo']!.props : {}), ...classes[cls]!.props });
const session = getSchemaById(SESSION_MODEL_SCHEMA_ID) as Schema;
const user = getSchemaById(USER_MODEL_SCHEMA_ID) as Schema;
const REST_ENUMS = getSchemaById('https://provider-mock.dev/contracts/mluvii/api/enums.schema.json') as Schema;
const COMMON_ENUMS = getSchemaById('https://provider-mock.dev/contracts/mluvii/common/enums.schema.json') as Schema;

/** Which schema object stands for which vendor class. */
const SHAPES: [string, Schema][] = [
  ['Sessions.SessionModel', session],
  ['Sessions.GuestInfo', session.definitions!['SessionModelGuestInfo']!],
  ['Common.SessionOperators', session.definitions!['SessionModelOperator']!],
  ['Sessions.ReviewerInfo', session.definitions!['SessionModelReviewer']!],
  ['Sessions.Activity', session.definitions!['SessionModelActivity']!],
  ['Sessions.ActivityFile', session.definitions!['SessionModelActivityFile']!],
  ['Sessions.ActivityFormField', session.definitions!['SessionModelActivityFormField']!],
  ['Sessions.ExportedActivityFormChoiceOption', session.definitions!['SessionModelActivityFormChoiceOption']!],
  ['Sessions.Recording', session.definitions!['SessionModelRecording']!],
  ['Sessions.ChatbotInfo', session.definitions!['SessionModelChatbot']!],
  ['Common.AssignedTag', session.definitions!['SessionModelTag']!],
  ['Users.UserModel', user],
];

const allowsNull = (s: Schema): boolean => (Array.isArray(s.type) && s.type.includes('null')) || (s.anyOf ?? []).some((b) => b.type === 'null');
const enumOf = (s: Schema): string | undefined => {
  const ref = s.$ref ?? s.anyOf?.find((b) => b.$ref)?.$ref ?? s.items?.$ref;
  return ref?.match(/#\/definitions\/(\w+)$/)?.[1];
};

describe('mluvii REST models: the schemas follow the vendor models', () => {
  it.each(SHAPES.map(([cls, s]) => [cls, s] as const))('%s: every public property, camelCase, all required, nothing else', (cls, s) => {
    const expected = Object.keys(props(cls)).map(camel);
    expect(Object.keys(s.properties ?? {})).toEqual(expected);
    expect(s.required).toEqual(expected);
  });

  it.each(SHAPES.map(([cls, s]) => [cls, s] as const))('%s: C# nullable types (int?, DateTimeOffset?, enum?) allow null, value types do not', (cls, s) => {
    for (const [name, type] of Object.entries(props(cls))) {
      const p = s.properties![camel(name)]!;
      if (type.endsWith('?')) expect(allowsNull(p), `${cls}.${name} (${type})`).toBe(true);
      else if (/^(int|long|bool|DateTimeOffset)$/.test(type) || (vendor.enums as Record<string, unknown>)[type]) expect(allowsNull(p), `${cls}.${name} (${type})`).toBe(false);
    }
  });

  it('every enum a model uses lists the vendor members in their order, without the UNKNOWN fallback', () => {
    for (const [cls, s] of SHAPES) {
      for (const [name, type] of Object.entries(props(cls))) {
        const e = type.replace(/\?$/, '').replace(/^ICollection<(.+)>$/, '$1');
        const members = (vendor.enums as Record<string, string[]>)[e];
        if (!members) continue;
        const def = enumOf(s.properties![camel(name)]!);
        expect(def, `${cls}.${name}`).toBe(e);
        const schema = REST_ENUMS.definitions![e] ?? COMMON_ENUMS.definitions![e];
        expect(schema?.enum, e).toEqual(members.filter((m) => m !== 'UNKNOWN'));
      }
    }
  });

  it("WebhookEventType's members (by which integers bind) are exactly the catalog's mluvii events", () => {
    expect([...vendor.enums.WebhookEventType].filter((m) => m !== 'UNKNOWN').sort()).toEqual([...eventNames('mluvii')].sort());
    // The official C# sample's [3,5,4] (docs/providers.md M22).
    expect([3, 5, 4].map((i) => vendor.enums.WebhookEventType[i])).toEqual(['SessionStarted', 'SessionForwarded', 'SessionEnded']);
  });
});

const SEEDS = [1, 2, 3, 4, 5];
type Envelope = { eventType: string; data: Record<string, unknown> };

describe('GET /api/v1/Sessions/{id} for every built-in mluvii scenario × 5 seeds', () => {
  const validSession = validatorFor(SESSION_MODEL_SCHEMA_ID);
  const validUser = validatorFor(USER_MODEL_SCHEMA_ID);

  for (const b of listBuiltins('mluvii')) {
    it(`${b.name}: every played session validates and says what its webhooks said`, () => {
      for (const seed of SEEDS) {
        const records = createMluviiRecords();
        const api = createMluviiApi({ reads: records, now: () => 0, newToken: () => 't' });
        const tok = api.handle({ method: 'POST', path: '/login/connect/token', headers: {}, form: { grant_type: 'client_credentials', client_id: 'provider-mock', client_secret: 'provider-mock-secret' } });
        expect(tok?.status).toBe(200);
        const get = (path: string, query: [string, string][] = []) => api.handle({ method: 'GET', path, query, headers: { authorization: 'Bearer t' } })!;
        const sc = readScenario(b.file);
        playInto(records, { scenario: sc, seed });
        const events = [...plan(sc, { seed })].map((e) => e.payload as Envelope);
        const ids = [...new Set(events.filter((e) => e.eventType.startsWith('Session')).map((e) => (e.data['id'] ?? e.data['sessionId']) as number))];
        for (const id of ids) {
          const mine = events.filter((e) => e.eventType.startsWith('Session') && (e.data['id'] ?? e.data['sessionId']) === id);
          const r = get(`/api/v1/Sessions/${id}`);
          const where = `${b.name} seed ${seed} session ${id}`;
          expect(r.status, `${where}: ${JSON.stringify(r.body)}`).toBe(200);
          expect(validSession(r.body), `${where}: ${JSON.stringify(validSession.errors)}`).toBe(true);
          const s = r.body as { status: string; channel: string; source: string; started: string | null; ended: string | null; operators: { userId: number; joined: string }[]; activities: { activityId: number }[] };
          const said = mine.find((e) => 'channel' in e.data)!.data;
          expect([s.channel, s.source], where).toEqual([said['channel'], said['source']]);
          const ended = mine.find((e) => e.eventType === 'SessionEnded')?.data;
          expect(s.status === 'CLOSED', `${where}: ${s.status}`).toBe(ended !== undefined);
          if (ended) expect([s.started, s.ended], where).toEqual([ended['started'], ended['ended']]);
          const joins = mine.filter((e) => e.eventType === 'SessionOperatorJoined').map((e) => [e.data['userId'], e.data['time']]);
          expect(s.operators.map((o) => [o.userId, o.joined]), where).toEqual(joins);
          const activityIds = mine.filter((e) => typeof e.data['activityId'] === 'number').map((e) => e.data['activityId']);
          expect(s.activities.map((a) => a.activityId), where).toEqual(activityIds);
          for (const [userId] of joins) {
            const u = get(`/api/v1/Users/${String(userId)}`);
            expect(u.status, `${where} user ${String(userId)}`).toBe(200);
            expect(validUser(u.body), `${where} user ${String(userId)}: ${JSON.stringify(validUser.errors)}`).toBe(true);
          }
        }
        const list = get('/api/v1/Sessions', [['limit', '1000']]);
        expect((list.body as { id: number }[]).map((x) => x.id).sort(), b.name).toEqual([...ids].sort());
      }
    });
  }
});
