/**
 * The mluvii world: one company with its tenants (departments), Czech operators, operator groups,
 * chatbots, guests, phone campaigns and the HeroCard / call-script forms they use. Ids are in the
 * ranges the doc's examples show (tenant 62, user 2710, group 7299, chatbot 329, form 2273,
 * guest 3539865, session 7383798, activity 50899288, e-mail thread 749422, file 2572911).
 */
import type { WorldSizes } from '../world-sizes.ts';
import { asciiSlug, czechFaker } from '../rng/faker.ts';
import { Rng, hashSeed } from '../rng/seed.ts';
import { distinctNames, sizesFor } from '../worlds.ts';
import { CAMPAIGN_NAMES, CHATBOT_NAMES, GROUP_NAMES, TENANT_NAMES } from './texts.ts';
import { czechFirstName } from '../names.ts';

export interface MluviiTenant {
  id: number;
  name: string;
}

export interface MluviiOperator {
  id: number;
  firstName: string;
  lastName: string;
  fullName: string;
  email: string;
  tenantId: number;
  groupIds: number[];
}

export interface MluviiOperatorGroup {
  id: number;
  name: string;
  tenantId: number;
}

export interface MluviiChatbot {
  id: number;
  name: string;
  tenantId: number;
}

export interface MluviiGuest {
  id: number;
  fullName: string;
  email: string;
  phone: string;
  tenantId: number;
}

/** One item of a HeroCard or call-script form, key order as in the doc's examples. */
interface MluviiFormField {
  inputType: string;
  label: string;
  key?: string;
  required?: boolean;
  ordinal: number;
  choiceOptions?: { value: string; label: string }[];
}

export interface MluviiForm {
  /** `originalFormID` of SessionActivityHeroCardSubmission. */
  id: number;
  /** `formFieldSetUUID` of the generic activity. */
  uuid: string;
  kind: 'heroCard' | 'callScript';
  name: string;
  tenantId: number;
  fields: MluviiFormField[];
}

interface MluviiCampaign {
  id: number;
  name: string;
  tenantId: number;
  /** Id of the call-script form the operator fills in. */
  callScriptFormId: number;
}

export interface MluviiWorld {
  provider: 'mluvii';
  seed: number;
  company: { id: number; name: string; domain: string };
  tenants: MluviiTenant[];
  operators: MluviiOperator[];
  operatorGroups: MluviiOperatorGroup[];
  chatbots: MluviiChatbot[];
  guests: MluviiGuest[];
  campaigns: MluviiCampaign[];
  forms: MluviiForm[];
  routingRuleSetIds: number[];
}

const MLUVII_DEFAULT_SIZES = { tenants: 1, operators: 12, operatorGroups: 4, chatbots: 2, guests: 40, campaigns: 3, forms: 4 } as const;

/** Id ranges of things made per event rather than per world (around the doc examples' values). */
export const MLUVII_ID_RANGES = {
  session: [7_300_000, 7_499_999],
  activity: [50_800_000, 51_199_999],
  emailThread: [740_000, 759_999],
  file: [2_500_000, 2_599_999],
} as const;

function distinctInts(rng: Rng, n: number, min: number, max: number, taken = new Set<number>()): number[] {
  const out: number[] = [];
  while (out.length < n) {
    const v = rng.int(min, max);
    if (taken.has(v)) continue;
    taken.add(v);
    out.push(v);
  }
  return out;
}

const opt = (value: string, label = value): { value: string; label: string } => ({ value, label });
/** Options whose label is their value. */
const choices = (...values: string[]): { value: string; label: string }[] => values.map((v) => opt(v));

type FieldSpec = Omit<MluviiFormField, 'ordinal'>;

/** HeroCard forms: the doc example's contact form, the car form of its submission example, and others. */
const HERO_CARD_TEMPLATES: readonly { name: string; fields: FieldSpec[] }[] = [
  {
    name: 'Kontaktní údaje',
    fields: [
      { inputType: 'RichText', label: '<p>Prosím, zadejte své kontaktní údaje.</p>' },
      { inputType: 'Text', label: 'Jméno', key: 'oo1_guest_ident', required: true },
      { inputType: 'Text', label: 'E-mail', key: 'oo1_guest_email', required: true },
      { inputType: 'Text', label: 'Telefon', key: 'oo1_guest_phone', required: false },
      { inputType: 'Confirmation', label: 'Odeslat' },
    ],
  },
  {
    name: 'Pojištění vozidla',
    fields: [
      { inputType: 'RichText', label: '<p>Spočítáme vám povinné ručení. Vyplňte prosím údaje o vozidle.</p>' },
      { inputType: 'Text', label: 'Jméno a příjmení', key: 'oo1_guest_ident', required: true },
      { inputType: 'Select', label: 'Značka', key: 'značka', required: true, choiceOptions: choices('Volkswagen', 'Škoda', 'Ford', 'Toyota', 'Hyundai') },
      { inputType: 'Text', label: 'Model', key: 'model', required: true },
      { inputType: 'Radio', label: 'Palivo', key: 'palivo', required: true, choiceOptions: choices('Benzín', 'Nafta', 'Elektro', 'Hybrid', 'LPG') },
      { inputType: 'Select', label: 'Barva', key: 'barva', required: false, choiceOptions: choices('Červená', 'Modrá', 'Černá', 'Bílá', 'Stříbrná') },
      { inputType: 'Text', label: 'Číslo řidičského průkazu', key: 'číslo ŘP', required: true },
      { inputType: 'Submit', label: 'Spočítat' },
    ],
  },
  {
    name: 'Hodnocení chatu',
    fields: [
      { inputType: 'RichText', label: '<p>Jak jste byli spokojeni s naší odpovědí?</p>' },
      { inputType: 'Stars', label: 'Hodnocení', key: 'hodnoceni', required: true },
      { inputType: 'TextArea', label: 'Poznámka', key: 'poznamka', required: false },
      { inputType: 'Submit', label: 'Odeslat hodnocení' },
    ],
  },
  {
    name: 'Rezervace termínu',
    fields: [
      { inputType: 'RichText', label: '<p>Vyberte si termín schůzky na pobočce.</p>' },
      { inputType: 'TimePicker', label: 'Termín', key: 'termin', required: true },
      { inputType: 'Text', label: 'Jméno', key: 'oo1_guest_ident', required: true },
      { inputType: 'Phone', label: 'Telefon', key: 'oo1_guest_phone', required: true },
      { inputType: 'Gdpr', label: 'Souhlasím se zpracováním osobních údajů', key: 'gdpr', required: true },
      { inputType: 'Submit', label: 'Rezervovat' },
    ],
  },
  {
    name: 'Téma dotazu',
    fields: [
      { inputType: 'RichText', label: '<p>S čím vám můžeme pomoci?</p>' },
      { inputType: 'QuickReply', label: 'Téma', key: 'duvod', required: true, choiceOptions: choices('Reklamace', 'Dotaz k objednávce', 'Změna tarifu', 'Jiné') },
    ],
  },
];

function callScriptFields(campaign: string): FieldSpec[] {
  return [
    { inputType: 'RichText', label: `<p>Dobrý den, volám ohledně kampaně „${campaign}“. Máte chvilku?</p>` },
    { inputType: 'Text', label: 'Dispozice', key: 'dispozice', required: true },
    { inputType: 'Radio', label: 'Zájem o nabídku', key: 'zajem', required: true, choiceOptions: [opt('ano'), opt('ne'), opt('později', 'zavolat později')] },
    {
      inputType: 'Select',
      label: 'Důvod odmítnutí',
      key: 'duvod_odmitnuti',
      required: false,
      choiceOptions: [opt('cena', 'Vysoká cena'), opt('konkurence', 'Má jiného dodavatele'), opt('nezajem', 'Nemá zájem')],
    },
    { inputType: 'TextArea', label: 'Poznámka', key: 'poznamka', required: false },
  ];
}

function numbered(fields: FieldSpec[]): MluviiFormField[] {
  // Key order as in the doc examples: inputType, label, key, required, ordinal, choiceOptions.
  return fields.map((f, i) => ({
    inputType: f.inputType,
    label: f.label,
    ...(f.key !== undefined ? { key: f.key } : {}),
    ...(f.required !== undefined ? { required: f.required } : {}),
    ordinal: i + 1,
    ...(f.choiceOptions ? { choiceOptions: f.choiceOptions.map((c) => ({ ...c })) } : {}),
  }));
}

function czechMobile(rng: Rng): string {
  return `+420 ${rng.pick(['601', '602', '603', '604', '605', '606', '607', '702', '720', '730', '736', '739', '773', '775', '777', '792'])} ${rng.digits(3)} ${rng.digits(3)}`;
}

export function createMluviiWorld(seed: number | string, sizes: Partial<WorldSizes> = {}): MluviiWorld {
  const n = sizesFor(MLUVII_DEFAULT_SIZES, sizes);
  const s = hashSeed(seed);
  const rng = new Rng(s);
  const faker = czechFaker(rng);

  const companyName = faker.company.name();
  const domain = `${asciiSlug(companyName.split(/[ ,]/)[0] ?? 'firma', '')}.cz`;
  const company = { id: rng.int(1, 40), name: companyName, domain };

  const tenantNames = distinctNames(rng, TENANT_NAMES, n.tenants);
  const tenants: MluviiTenant[] = distinctInts(rng, n.tenants, 20, 400).map((id, i) => ({ id, name: tenantNames[i] as string }));

  const groupIds = distinctInts(rng, n.operatorGroups * tenants.length, 7000, 7999);
  const operatorGroups: MluviiOperatorGroup[] = [];
  tenants.forEach((t, ti) => {
    distinctNames(rng, GROUP_NAMES, n.operatorGroups).forEach((name, gi) => {
      operatorGroups.push({ id: groupIds[ti * n.operatorGroups + gi] as number, name, tenantId: t.id });
    });
  });

  const operatorIds = distinctInts(rng, n.operators, 1000, 9999);
  const usedEmails = new Set<string>();
  const operators: MluviiOperator[] = operatorIds.map((id, i) => {
    const tenant = tenants[i % tenants.length] as MluviiTenant;
    const sex = rng.bool() ? 'female' : 'male';
    const firstName = czechFirstName(rng, sex);
    const lastName = faker.person.lastName(sex);
    let email = `${asciiSlug(firstName)}.${asciiSlug(lastName)}@${domain}`;
    if (usedEmails.has(email)) email = email.replace('@', `${id}@`);
    usedEmails.add(email);
    const mine = operatorGroups.filter((g) => g.tenantId === tenant.id);
    const groups = mine.length ? rng.sample(mine, rng.int(1, Math.min(2, mine.length))).map((g) => g.id) : [];
    return { id, firstName, lastName, fullName: `${firstName} ${lastName}`, email, tenantId: tenant.id, groupIds: groups };
  });

  const chatbotIds = distinctInts(rng, n.chatbots * tenants.length, 200, 999);
  const chatbots: MluviiChatbot[] = chatbotIds.map((id, i) => ({
    id,
    name: CHATBOT_NAMES[i % CHATBOT_NAMES.length] as string,
    tenantId: (tenants[Math.floor(i / Math.max(1, n.chatbots))] ?? (tenants[0] as MluviiTenant)).id,
  }));

  const guests: MluviiGuest[] = distinctInts(rng, n.guests, 3_400_000, 3_699_999).map((id, i) => {
    const sex = rng.bool() ? 'female' : 'male';
    const fullName = `${czechFirstName(rng, sex)} ${faker.person.lastName(sex)}`;
    const mail = rng.pick(['seznam.cz', 'email.cz', 'gmail.com', 'centrum.cz', 'post.cz']);
    return { id, fullName, email: `${asciiSlug(fullName)}@${mail}`, phone: czechMobile(rng), tenantId: (tenants[i % tenants.length] as MluviiTenant).id };
  });

  const formIds = distinctInts(rng, n.forms + n.campaigns, 2000, 2999);
  const forms: MluviiForm[] = [];
  for (let i = 0; i < n.forms; i++) {
    const tpl = HERO_CARD_TEMPLATES[i % HERO_CARD_TEMPLATES.length] as (typeof HERO_CARD_TEMPLATES)[number];
    forms.push({ id: formIds[i] as number, uuid: rng.guid(), kind: 'heroCard', name: tpl.name, tenantId: (tenants[i % tenants.length] as MluviiTenant).id, fields: numbered(tpl.fields) });
  }
  const campaignNames = rng.sample(CAMPAIGN_NAMES, CAMPAIGN_NAMES.length);
  const campaigns: MluviiCampaign[] = distinctInts(rng, n.campaigns, 100, 999).map((id, i) => {
    const name = campaignNames[i % campaignNames.length] + (i >= campaignNames.length ? ` ${i + 1}` : '');
    const tenantId = (tenants[i % tenants.length] as MluviiTenant).id;
    const form: MluviiForm = { id: formIds[n.forms + i] as number, uuid: rng.guid(), kind: 'callScript', name: `Skript: ${name}`, tenantId, fields: numbered(callScriptFields(name)) };
    forms.push(form);
    return { id, name, tenantId, callScriptFormId: form.id };
  });

  const routingRuleSetIds = distinctInts(rng, Math.max(1, tenants.length), 10, 500);
  return { provider: 'mluvii', seed: s, company, tenants, operators, operatorGroups, chatbots, guests, campaigns, forms, routingRuleSetIds };
}
