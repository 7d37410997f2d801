/**
 * bench:generate: payloads per second of provider-mock's generate() on the context paths the CLI
 * uses, against two baselines measured in the same run: a hand-written faker loop producing the
 * same shape, and json-schema-faker on the same schema.
 *
 *   npm run bench:generate [-- --seconds 3 --rounds 5]      (smaller numbers: a smoke run)
 *   node --cpu-prof --import tsx bench/generate.ts --only ChatMessage --seconds 2 --rounds 1   (a profile of one group)
 *
 * Events: mluvii SessionCreated, mluvii SessionActivityChatMessage, Enreach
 * QueueCallInUserConnected, and a round of all 129 event types (no hand-written loop there).
 * provider-mock runs four ways, validation off and on:
 *   - one context (`generate --sequence`): createContext once, then generate(…, {context, time})
 *     per payload; the ids of the sequence are made once and reused;
 *   - a context per payload (`generate --count N`): createContext(provider, {seq: i}) per payload,
 *     so every value is drawn afresh, as the hand-written loop does.
 * The hand-written loop is what one would write instead: @faker-js/faker (cs_CZ for mluvii, fi for
 * Enreach, as the generators use), a small world made with faker up front, the same keys and kinds
 * of values, faker's uuid for ids and the same timestamp formatting (formatTime).
 *
 * Each round gives every contender of an event ≥ `--seconds` of timed work, in short slices taken
 * in turn, so that a load spike on this shared machine hits all of them alike; the figures are
 * medians over the rounds, the ratios medians of the per-round ratios. Every payload made is
 * checked against its schema (contracts' validate()) after its slice, outside the timed part.
 *
 * Verdict: every measured event (each path, validation off and on) ≥ 0.35× the hand-written loop
 * and ≥ 10× json-schema-faker, with 100% of provider-mock's (and the hand loop's) payloads valid.
 * Exit code 1 when it is missed.
 */
import { execFileSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { cpus, loadavg } from 'node:os';
import { parseArgs } from 'node:util';
import { faker as cz } from '@faker-js/faker/locale/cs_CZ';
import { faker as fi } from '@faker-js/faker/locale/fi';
import { JSONSchemaFaker, type Schema } from 'json-schema-faker';
import { getSchemaById, listEvents, validate, type CatalogEntry } from '../contracts/index.ts';
import type { Provider } from '../contracts/provider.ts';
import { createContext, createWorld, dereference, formatTime, generate, type GenContext, type World } from '../generators/index.ts';
import { CHATBOT_MESSAGES, GUEST_MESSAGES, OPERATOR_MESSAGES } from '../generators/mluvii/texts.ts';
import { Rng } from '../generators/rng/seed.ts';
import { median } from './stats.ts';

const { values: args } = parseArgs({ options: { seconds: { type: 'string', default: '3' }, rounds: { type: 'string', default: '5' }, only: { type: 'string' } } });
const SAMPLE_MS = Number(args.seconds) * 1000;
const ROUNDS = Math.max(1, Math.floor(Number(args.rounds)));
if (!(SAMPLE_MS > 0)) throw new Error('--seconds must be a positive number');
/** Contenders take turns in slices this long (the clock is read every BATCH payloads). */
const SLICE_MS = 20;
const BATCH = 32;
const HAND_MIN = 0.35;
const JSF_MIN = 10;

const T0 = Date.UTC(2024, 4, 2, 8, 0);
const GAP = 5_000;
const SEED = 1;

// ---------------------------------------------------------------- contenders

interface Contender {
  name: string;
  kind: 'ours' | 'hand' | 'jsf';
  /** Payload number i of this contender (i counts up over the whole run). */
  make: (i: number) => unknown;
  /** Which event payload i is (for the schema check). */
  eventOf: (i: number) => CatalogEntry;
  made: number;
  rates: number[];
  checked: number;
  valid: number;
  threw: number;
  firstProblem?: string;
}

interface Group {
  title: string;
  contenders: Contender[];
}

function contender(name: string, kind: Contender['kind'], eventOf: Contender['eventOf'], make: Contender['make']): Contender {
  return { name, kind, make, eventOf, made: 0, rates: [], checked: 0, valid: 0, threw: 0 };
}

const worlds: Record<Provider, World> = { mluvii: createWorld('mluvii', { seed: SEED }), enreach: createWorld('enreach', { seed: SEED }) };

/** provider-mock on both context paths, validation off and on, for a stream of event types. */
function ours(eventOf: (i: number) => CatalogEntry): Contender[] {
  const out: Contender[] = [];
  for (const validation of [false, true]) {
    const shared: Record<Provider, GenContext> = { mluvii: createContext('mluvii'), enreach: createContext('enreach') };
    out.push(
      contender(`generate, one context (--sequence), validate ${validation ? 'on' : 'off'}`, 'ours', eventOf, (i) => {
        const e = eventOf(i);
        return generate(e.provider, e.eventType, { seed: SEED, world: worlds[e.provider], context: shared[e.provider], time: T0 + i * GAP, validate: validation });
      }),
    );
  }
  for (const validation of [false, true]) {
    out.push(
      contender(`generate, a context per payload (--count), validate ${validation ? 'on' : 'off'}`, 'ours', eventOf, (i) => {
        const e = eventOf(i);
        const context = createContext(e.provider, { seq: i });
        return generate(e.provider, e.eventType, { seed: SEED, world: worlds[e.provider], context, time: T0 + i * GAP, validate: validation });
      }),
    );
  }
  return out;
}

// json-schema-faker gets a fair chance: self-contained schemas (every $ref inlined, since it cannot
// follow our relative file $refs), our named formats registered, optionals always faked, and a
// seeded random so its run is reproducible too.
const jsfRng = new Rng(2024);
JSONSchemaFaker.option({ alwaysFakeOptionals: true, useDefaultValue: false, random: () => jsfRng.next() });
JSONSchemaFaker.format('guid', () => jsfRng.guid());
JSONSchemaFaker.format('mluvii-datetime', () => formatTime('mluvii', T0 + jsfRng.int(0, 86_400_000)));
JSONSchemaFaker.format('enreach-datetime', () => formatTime('enreach', T0 + jsfRng.int(0, 86_400_000)));
const jsfSchemas = new Map<CatalogEntry, Schema>();
function jsfSchema(e: CatalogEntry): Schema {
  let s = jsfSchemas.get(e);
  if (!s) {
    s = dereference(getSchemaById(e.schemaId), e.schemaId) as Schema;
    jsfSchemas.set(e, s);
  }
  return s;
}
const JSF_VERSION = (JSON.parse(readFileSync(new URL('../node_modules/json-schema-faker/package.json', import.meta.url), 'utf8')) as { version: string }).version;
const jsf = (eventOf: (i: number) => CatalogEntry): Contender => contender(`json-schema-faker ${JSF_VERSION}`, 'jsf', eventOf, (i) => JSONSchemaFaker.generate(jsfSchema(eventOf(i))));

// ---------------------------------------------------------------- the hand-written loops

cz.seed(SEED);
fi.seed(SEED);

/** A small mluvii world, made with faker once (the generators' world is made once too). */
const handMluvii = (() => {
  const tenants = Array.from({ length: 3 }, (_, i) => ({ id: 100 + i }));
  const operators = Array.from({ length: 12 }, (_, i) => {
    const firstName = cz.person.firstName();
    return { id: 4000 + i, firstName, fullName: `${firstName} ${cz.person.lastName()}`, tenantId: (tenants[i % tenants.length] as { id: number }).id };
  });
  const chatbots = [{ id: 31 }, { id: 32 }];
  return { tenants, operators, chatbots };
})();

const w = <T>(pairs: readonly (readonly [T, number])[]): { weight: number; value: T }[] => pairs.map(([value, weight]) => ({ value, weight }));
const CHANNELS = w([['Chat', 60], ['Phone', 30], ['AV', 10]] as const);
const SOURCES: Record<string, { weight: number; value: string }[]> = {
  Chat: w([['Default', 50], ['Invitation', 8], ['ChatInvitation', 7], ['API', 4], ['Facebook', 10], ['WhatsApp', 12], ['VK', 1], ['Apple', 2], ['GenericChannel', 6]]),
  Phone: w([['IncomingCall', 45], ['OutgoingCall', 25], ['Callback', 15], ['Campaign', 15]]),
  AV: w([['Default', 50], ['Invitation', 30], ['ChatInvitation', 10], ['Callback', 10]]),
};
const WRITERS = w([['Guest', 50], ['User', 40], ['Chatbot', 10]] as const);

function handSessionCreated(): unknown {
  const channel = cz.helpers.weightedArrayElement(CHANNELS);
  return {
    eventType: 'SessionCreated',
    data: {
      id: cz.number.int({ min: 7_300_000, max: 7_499_999 }),
      tenantId: cz.helpers.arrayElement(handMluvii.tenants).id,
      channel,
      source: cz.helpers.weightedArrayElement(SOURCES[channel] as { weight: number; value: string }[]),
    },
  };
}

function handChatMessage(i: number): unknown {
  const client = cz.helpers.weightedArrayElement(WRITERS);
  const operator = client === 'User' ? cz.helpers.arrayElement(handMluvii.operators) : undefined;
  const chatbot = client === 'Chatbot' ? cz.helpers.arrayElement(handMluvii.chatbots) : undefined;
  const text = operator ? cz.helpers.arrayElement(OPERATOR_MESSAGES).replace('{name}', operator.firstName) : cz.helpers.arrayElement(chatbot ? CHATBOT_MESSAGES : GUEST_MESSAGES);
  return {
    eventType: 'SessionActivityChatMessage',
    data: {
      sessionId: cz.number.int({ min: 7_300_000, max: 7_499_999 }),
      activityId: cz.number.int({ min: 40_000_000, max: 49_999_999 }),
      time: formatTime('mluvii', T0 + i * GAP),
      type: 'ChatMessage',
      heroCard: null,
      heroCardParams: null,
      callScript: null,
      client,
      text,
      previewUrl: null,
      file: null,
      associatedSharedFileUrl: null,
      toOperatorUserId: null,
      toOperatorFullName: null,
      toGroupId: null,
      toGroupName: null,
      toPhoneNumber: null,
      note: null,
      chatbotMessageContent: null,
      submissionIdentification: null,
      userId: operator ? operator.id : null,
      chatbotId: chatbot ? chatbot.id : null,
      chatbotHeroCardSubmissionKey: null,
      chatbotHeroCardSubmissionValue: null,
      formFieldSetUUID: null,
      terminationReason: null,
    },
  };
}

/** A small Enreach organization, made with faker once. */
const handEnreach = (() => {
  const organizationId = fi.string.uuid();
  const users = Array.from({ length: 15 }, () => {
    const firstName = fi.person.firstName();
    const lastName = fi.person.lastName();
    return { id: fi.string.uuid(), userName: fi.internet.email({ firstName, lastName, provider: 'yritys.example' }).toLowerCase(), number: `+35840${fi.string.numeric(7)}` };
  });
  const queues = Array.from({ length: 5 }, (_, i) => ({
    id: fi.string.uuid(),
    name: fi.helpers.arrayElement(['Asiakaspalvelu', 'Myynti', 'Laskutus', 'Tekninen tuki', 'Vaihde']),
    number: `+3581${fi.string.numeric(8)}`,
    members: users.slice(i * 3, i * 3 + 5),
  }));
  return { organizationId, users, queues };
})();

function handQueueCallInUserConnected(i: number): unknown {
  const queue = fi.helpers.arrayElement(handEnreach.queues);
  const user = fi.helpers.arrayElement(queue.members.length ? queue.members : handEnreach.users);
  const org = handEnreach.organizationId;
  return {
    RootEntityType: 'Organization',
    RootEntityId: org,
    EventType: 'QueueCallInUserConnected',
    EntityType: 'Queue',
    EntityId: queue.id,
    CallId: fi.string.uuid(),
    LegId: fi.string.uuid(),
    AgentLegId: fi.string.uuid(),
    QueueId: queue.id,
    OrganizationId: org,
    QueueName: queue.name,
    QueueNumber: queue.number,
    UserId: user.id,
    UserName: user.userName,
    UserNumber: user.number,
    CallerNumber: `+35840${fi.string.numeric(7)}`,
    TargetNumber: queue.number,
    Id: fi.string.uuid(),
    Timestamp: formatTime('enreach', T0 + i * GAP, 'timestamp'),
    MessageTTLSeconds: -1,
  };
}

// ---------------------------------------------------------------- the groups

const catalog = listEvents();
function entry(provider: Provider, eventType: string): CatalogEntry {
  const e = catalog.find((x) => x.provider === provider && x.eventType === eventType);
  if (!e) throw new Error(`no event ${provider} ${eventType}`);
  return e;
}

function single(provider: Provider, eventType: string, hand: (i: number) => unknown): Group {
  const e = entry(provider, eventType);
  const eventOf = (): CatalogEntry => e;
  return { title: `${provider} ${eventType}`, contenders: [...ours(eventOf), contender('hand-written faker loop', 'hand', eventOf, hand), jsf(eventOf)] };
}

const allOf = (i: number): CatalogEntry => catalog[i % catalog.length] as CatalogEntry;
const groups: Group[] = ([
  single('mluvii', 'SessionCreated', handSessionCreated),
  single('mluvii', 'SessionActivityChatMessage', handChatMessage),
  single('enreach', 'QueueCallInUserConnected', handQueueCallInUserConnected),
  { title: `all ${catalog.length} event types in turn`, contenders: [...ours(allOf), jsf(allOf)] },
] as Group[]).filter((g) => args.only === undefined || g.title.includes(args.only));
if (!groups.length) throw new Error(`--only ${args.only}: no such group`);

// ---------------------------------------------------------------- measuring

const buffer: unknown[] = [];

/** Checks the payloads of the last slice against their schemas (not timed), then drops them. */
function check(c: Contender, first: number): void {
  for (let k = 0; k < buffer.length; k++) {
    const p = buffer[k];
    c.checked++;
    if (p === undefined) continue; // threw: counted already
    const e = c.eventOf(first + k);
    const r = validate(p, { provider: e.provider, eventType: e.eventType });
    if (r.valid) c.valid++;
    else c.firstProblem ??= `${e.eventType}: ${r.errors.map((x) => `${x.path} ${x.message}`).join('; ')}`;
  }
  buffer.length = 0;
}

/** One timed slice of up to `ms` milliseconds; returns the time spent. */
function slice(c: Contender, ms: number): number {
  const first = c.made;
  let i = first;
  const t0 = performance.now();
  let t: number;
  do {
    for (let k = 0; k < BATCH; k++, i++) {
      try {
        buffer.push(c.make(i));
      } catch (e) {
        c.threw++;
        c.firstProblem ??= `threw: ${(e as Error).message}`;
        buffer.push(undefined);
      }
    }
    t = performance.now();
  } while (t - t0 < ms);
  c.made = i;
  check(c, first);
  return t - t0;
}

/** One round of a group: every contender gets SAMPLE_MS of timed work, in turns. */
function round(g: Group): void {
  const spent = g.contenders.map(() => 0);
  const made = g.contenders.map((c) => c.made);
  let open = true;
  while (open) {
    open = false;
    g.contenders.forEach((c, k) => {
      if ((spent[k] as number) >= SAMPLE_MS) return;
      spent[k] = (spent[k] as number) + slice(c, Math.min(SLICE_MS, SAMPLE_MS - (spent[k] as number)));
      open = true;
    });
  }
  g.contenders.forEach((c, k) => c.rates.push(((c.made - (made[k] as number)) / (spent[k] as number)) * 1000));
}

/** Median over the rounds of a's rate / b's rate in the same round. */
const ratio = (a: Contender, b: Contender): number => median(a.rates.map((r, k) => r / (b.rates[k] as number)));

function cpuModel(): string {
  try {
    return /model name\s*:\s*(.*)/.exec(readFileSync('/proc/cpuinfo', 'utf8'))?.[1] ?? cpus()[0]?.model ?? '?';
  } catch {
    return cpus()[0]?.model ?? '?';
  }
}

function nproc(): string {
  try {
    return execFileSync('nproc', { encoding: 'utf8' }).trim();
  } catch {
    return String(cpus().length);
  }
}

// Warm-up, not counted: every contender makes each of its event types a few times (plans compiled,
// validators built) and runs a while longer (JIT settled).
for (const g of groups) {
  for (const c of g.contenders) {
    while (c.made < 3 * catalog.length) slice(c, 1);
    slice(c, Math.min(300, SAMPLE_MS / 4));
  }
}
for (const g of groups) for (const c of g.contenders) Object.assign(c, { rates: [], checked: 0, valid: 0, threw: 0 });

const load0 = loadavg()[0] as number;
const started = performance.now();
for (let r = 0; r < ROUNDS; r++) for (const g of groups) round(g);
const elapsed = (performance.now() - started) / 1000;

// ---------------------------------------------------------------- report

const fmt = (n: number): string => Math.round(n).toLocaleString('en-US');
const pct = (c: Contender): string => `${((c.valid / Math.max(1, c.checked)) * 100).toFixed(c.valid === c.checked ? 0 : 2)}%`;
console.log(`bench:generate: ${ROUNDS} rounds × ${SAMPLE_MS / 1000} s per contender (interleaved ${SLICE_MS} ms slices); medians; every payload schema-checked outside the timed part`);
console.log(`machine: ${nproc()} cores (${cpuModel()}), node ${process.version}, load average ${load0.toFixed(2)} at the start, ${(loadavg()[0] as number).toFixed(2)} at the end; ${elapsed.toFixed(0)} s`);
const misses: string[] = [];
const nameWidth = Math.max(...groups.flatMap((g) => g.contenders.map((c) => c.name.length)));
for (const g of groups) {
  const hand = g.contenders.find((c) => c.kind === 'hand');
  const base = g.contenders.find((c) => c.kind === 'jsf') as Contender;
  console.log(`\n${g.title}`);
  console.log(`  ${'contender'.padEnd(nameWidth)}  ${'payloads/s'.padStart(10)}  ${'(min … max)'.padStart(21)}  ${'valid'.padStart(7)}  ${'× hand'.padStart(6)}  ${'× jsf'.padStart(6)}`);
  for (const c of g.contenders) {
    const range = `(${fmt(Math.min(...c.rates))} … ${fmt(Math.max(...c.rates))})`;
    const xHand = c.kind === 'ours' && hand ? ratio(c, hand) : undefined;
    const xJsf = c.kind !== 'jsf' ? ratio(c, base) : undefined;
    console.log(`  ${c.name.padEnd(nameWidth)}  ${fmt(median(c.rates)).padStart(10)}  ${range.padStart(21)}  ${pct(c).padStart(7)}  ${(xHand === undefined ? '' : xHand.toFixed(2)).padStart(6)}  ${(xJsf === undefined ? '' : xJsf.toFixed(1)).padStart(6)}${c.threw ? `  (${c.threw} threw)` : ''}`);
    if (c.kind === 'jsf') continue;
    if (c.valid !== c.checked) misses.push(`${g.title}, ${c.name}: ${pct(c)} valid (${c.firstProblem ?? '?'})`);
    if (c.kind !== 'ours') continue;
    if (xHand !== undefined && xHand < HAND_MIN) misses.push(`${g.title}, ${c.name}: ${xHand.toFixed(2)}× the hand-written loop`);
    if (xJsf !== undefined && xJsf < JSF_MIN) misses.push(`${g.title}, ${c.name}: ${xJsf.toFixed(1)}× json-schema-faker`);
  }
  if (base.valid !== base.checked) console.log(`  (json-schema-faker: ${base.firstProblem ?? ''})`.slice(0, 200));
}
const pass = misses.length === 0;
console.log(`\nverdict: every measured event ≥ ${HAND_MIN}× the hand-written loop and ≥ ${JSF_MIN}× json-schema-faker, 100% valid: ${pass ? 'PASS' : 'FAIL'}`);
for (const m of misses) console.log(`  missed: ${m}`);
if (!pass) process.exitCode = 1;
