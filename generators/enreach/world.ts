/**
 * The Enreach world: one Finnish organization with its users (first.last@<company>.example,
 * E.164 mobile numbers), service queues with their numbers, technical (IVR) queues, call lists,
 * queue groups, security groups and availability profiles. Every id is a Guid, as on the wire.
 */
import type { WorldSizes } from '../world-sizes.ts';
import { asciiSlug, finnishFaker } from '../rng/faker.ts';
import { Rng, hashSeed } from '../rng/seed.ts';
import { distinctNames, sizesFor } from '../worlds.ts';
import { finnishFirstName } from '../names.ts';

export interface EnreachUser {
  id: string;
  firstName: string;
  lastName: string;
  fullName: string;
  /** `first.last@company.example`: the UserName / Username of the events. */
  userName: string;
  /** E.164 mobile number (+3584x…, +35850…). */
  number: string;
  isSupervisor: boolean;
  queueIds: string[];
  securityGroupIds: string[];
}

interface EnreachQueueMember {
  userId: string;
  active: boolean;
  priority: number;
}

/**
 * When a service queue takes calls, in Helsinki local time: per weekday (0 = Sunday … 6 =
 * Saturday) the opening and closing minute after midnight, or null when closed all day; the
 * whole value null for a queue open around the clock. [inference: the doc names the schedules
 * (ServiceOpen, AdHoc_), not their hours.]
 */
export type OpeningHours = readonly ([number, number] | null)[] | null;

export interface EnreachQueue {
  id: string;
  name: string;
  /** E.164 service number (+35810…, +358207…, +3589…). */
  number: string;
  /** Further numbers attached to the queue (QueueChanged.Numbers). */
  numbers: string[];
  techQueueId: string;
  techQueueName: string;
  maxWrapUpDurationSec: number;
  usePriorities: boolean;
  typeId: number;
  templateId: string | null;
  culture: string;
  region: string;
  groupIds: string[];
  members: EnreachQueueMember[];
  /** Opening hours (OpeningHours); QueueStatus.OpenStatus and a `wait:`'s `closed` outcome follow them. */
  hours: OpeningHours;
}

export interface EnreachCallList {
  id: string;
  name: string;
  /** The queue whose overflow or callback requests land on this list. */
  queueId: string;
  /** Number shown to the callee (CLI / CallAsNumber). */
  number: string;
  isAutoAllocate: boolean;
}

interface EnreachSecurityGroup {
  id: string;
  name: string;
  userIds: string[];
}

interface EnreachQueueGroup {
  id: string;
  name: string;
  description: string | null;
}

export interface EnreachAvailabilityProfile {
  id: string;
  availability: 'Available' | 'Busy' | 'DoNotDisturb' | 'OffWork' | 'BRB' | 'Away';
  note: string | null;
}

export interface EnreachWorld {
  provider: 'enreach';
  seed: number;
  organization: { id: string; name: string; domain: string };
  users: EnreachUser[];
  queues: EnreachQueue[];
  callLists: EnreachCallList[];
  securityGroups: EnreachSecurityGroup[];
  queueGroups: EnreachQueueGroup[];
  availabilityProfiles: EnreachAvailabilityProfile[];
}

const ENREACH_DEFAULT_SIZES = { users: 15, queues: 5, callLists: 3, securityGroups: 4 } as const;

const ORGANIZATIONS = [
  'Pohjolan Energia Oy',
  'Saimaan Vesihuolto Oy',
  'Kaleva Vakuutus Oy',
  'Lapin Matkapalvelut Oy',
  'Aurora Telekom Oy',
  'Järvi-Suomen Kuljetus Oy',
  'Merituuli Asunnot Oy',
  'Kuusamon Kauppa Oy',
];

const QUEUE_NAMES = ['Asiakaspalvelu', 'Myynti', 'Tekninen tuki', 'Laskutus', 'Vaihde', 'Reklamaatiot', 'Yritysasiakkaat', 'Huolto', 'Ajanvaraus', 'Kundtjänst'];
const CALL_LIST_NAMES = ['Takaisinsoitot', 'Soittopyynnöt – Myynti', 'Kevätkampanja 2024', 'Laskumuistutukset', 'Asiakastyytyväisyys'];
const SECURITY_GROUP_NAMES = ['Pääkäyttäjät', 'Esimiehet', 'Agentit', 'Raportointi', 'Tukipalvelut', 'Myyntitiimi'];
const QUEUE_GROUPS: readonly [string, string | null][] = [
  ['Kuluttajat', 'Kuluttaja-asiakkaiden jonot'],
  ['Yritykset', 'Yritysasiakkaiden palvelu'],
  ['Tuki', null],
];
const PROFILES: readonly [EnreachAvailabilityProfile['availability'], string | null][] = [
  ['Available', null],
  ['Busy', 'Palaverissa'],
  ['DoNotDisturb', 'Keskittymistä vaativa työ'],
  ['OffWork', null],
  ['BRB', 'Kahvitauko'],
  ['Away', 'Lounas'],
  ['Away', 'Asiakaskäynti'],
  ['OffWork', 'Lomalla'],
];

const weekdays = (open: number, close: number, saturday: [number, number] | null = null): OpeningHours => [null, [open, close], [open, close], [open, close], [open, close], [open, close], saturday];
const H = 60;
/**
 * Opening hours by queue position, not drawn, so a scenario can name a queue that is open (or
 * closed) at the default start (Monday 2024-05-06 16:00 in Helsinki): queue 0 08-20 (Saturday
 * 10-16), queue 1 around the clock, queue 2 08-16 (closed at the default start), queue 3 08-18,
 * queue 4 09-17; then the pattern repeats.
 */
const QUEUE_HOURS: readonly OpeningHours[] = [weekdays(8 * H, 20 * H, [10 * H, 16 * H]), null, weekdays(8 * H, 16 * H), weekdays(8 * H, 18 * H), weekdays(9 * H, 17 * H)];

/** A Finnish mobile number in E.164: +358 4x or 50 + 7 digits. */
export function finnishMobile(rng: Rng): string {
  return `+358${rng.pick(['40', '41', '44', '45', '46', '50'])}${rng.digits(7)}`;
}

/** A Finnish service or landline number in E.164. */
function finnishServiceNumber(rng: Rng): string {
  return rng.weighted<() => string>([
    [() => `+35810${rng.digits(7)}`, 5],
    [() => `+358207${rng.digits(6)}`, 3],
    [() => `+3589${rng.digits(7)}`, 2],
  ])();
}

export function createEnreachWorld(seed: number | string, sizes: Partial<WorldSizes> = {}): EnreachWorld {
  const n = sizesFor(ENREACH_DEFAULT_SIZES, sizes);
  const s = hashSeed(seed);
  const rng = new Rng(s);
  const faker = finnishFaker(rng);

  const orgName = rng.pick(ORGANIZATIONS);
  const domain = `${asciiSlug(orgName.replace(/ Oy$/, ''), '')}.example`;
  const organization = { id: rng.guid(), name: orgName, domain };

  const used = new Set<string>();
  const users: EnreachUser[] = Array.from({ length: n.users }, (_, i) => {
    const sex = rng.bool() ? 'female' : 'male';
    const firstName = finnishFirstName(rng, sex);
    const lastName = faker.person.lastName();
    let userName = `${asciiSlug(firstName)}.${asciiSlug(lastName)}@${domain}`;
    for (let k = 2; used.has(userName); k++) userName = `${asciiSlug(firstName)}.${asciiSlug(lastName)}${k}@${domain}`;
    used.add(userName);
    let number = finnishMobile(rng);
    while (used.has(number)) number = finnishMobile(rng);
    used.add(number);
    // Roughly one supervisor per six agents; the first user always is one, so supervision events have someone.
    return { id: rng.guid(), firstName, lastName, fullName: `${firstName} ${lastName}`, userName, number, isSupervisor: i === 0 || rng.bool(0.12), queueIds: [], securityGroupIds: [] };
  });

  const byId = new Map(users.map((u) => [u.id, u]));
  const queueGroups: EnreachQueueGroup[] = QUEUE_GROUPS.map(([name, description]) => ({ id: rng.guid(), name, description }));

  const queues: EnreachQueue[] = distinctNames(rng, QUEUE_NAMES, n.queues).map((name, i) => {
    let number = finnishServiceNumber(rng);
    while (used.has(number)) number = finnishServiceNumber(rng);
    used.add(number);
    const usePriorities = rng.bool(0.4);
    const members = rng.sample(users, Math.max(1, Math.min(users.length, rng.int(3, 8)))).map((u) => ({
      userId: u.id,
      active: rng.bool(0.85),
      priority: usePriorities ? rng.int(1, 5) : 0,
    }));
    // Every user serves in at least one queue: spread the users the random pick left out.
    for (let ui = i; ui < users.length; ui += n.queues) {
      const u = users[ui] as EnreachUser;
      if (!members.some((m) => m.userId === u.id)) members.push({ userId: u.id, active: true, priority: usePriorities ? rng.int(1, 5) : 0 });
    }
    for (const m of members) byId.get(m.userId)?.queueIds.push(i.toString());
    return {
      id: rng.guid(),
      name,
      number,
      numbers: [number, ...(rng.bool(0.3) ? [`+3589${rng.digits(7)}`] : [])],
      techQueueId: rng.guid(),
      techQueueName: `IVR ${name}`,
      maxWrapUpDurationSec: rng.pick([30, 60, 60, 90, 120, 180]),
      usePriorities,
      typeId: 1,
      templateId: rng.bool(0.5) ? rng.guid() : null,
      culture: name === 'Kundtjänst' ? 'sv-FI' : rng.weighted([['fi-FI', 8], ['en-GB', 1], ['sv-FI', 1]]),
      region: 'FI',
      groupIds: [rng.pick(queueGroups).id],
      members,
      hours: QUEUE_HOURS[i % QUEUE_HOURS.length] ?? null,
    };
  });
  // queueIds were collected as indexes while the queue ids did not exist yet.
  for (const u of users) u.queueIds = u.queueIds.map((ix) => (queues[Number(ix)] as EnreachQueue).id);

  const callLists: EnreachCallList[] = distinctNames(rng, CALL_LIST_NAMES, n.callLists).map((name, i) => {
    const queue = queues[i % queues.length] as EnreachQueue;
    return { id: rng.guid(), name, queueId: queue.id, number: queue.number, isAutoAllocate: rng.bool(0.5) };
  });

  const securityGroups: EnreachSecurityGroup[] = distinctNames(rng, SECURITY_GROUP_NAMES, n.securityGroups).map((name) => ({ id: rng.guid(), name, userIds: [] }));
  for (const u of users) {
    const groups = securityGroups.length ? rng.sample(securityGroups, rng.int(1, Math.min(2, securityGroups.length))) : [];
    for (const g of groups) {
      g.userIds.push(u.id);
      u.securityGroupIds.push(g.id);
    }
  }

  const availabilityProfiles: EnreachAvailabilityProfile[] = PROFILES.map(([availability, note]) => ({ id: rng.guid(), availability, note }));
  return { provider: 'enreach', seed: s, organization, users, queues, callLists, securityGroups, queueGroups, availabilityProfiles };
}
