/**
 * Czech (and a little English) text a mluvii tenant's chats are made of. Hand-written so that a
 * receiver sees real diacritics, HTML in operator texts and the doc's own phrasing (the examples'
 * "Dobrý den", "<p>zpráva</p>", the WhatsApp 24-hour farewell).
 */

export const GUEST_MESSAGES = [
  'Dobrý den, potřeboval bych poradit s objednávkou.',
  'Dobrý den',
  'Ahoj, nefunguje mi přihlášení do aplikace.',
  'Kdy mi dorazí zásilka? Číslo objednávky je 2024-118734.',
  'Chtěla bych změnit adresu doručení.',
  'Jaká je otevírací doba pobočky v Brně?',
  'Můžete mi prosím poslat fakturu znovu? Nepřišla mi.',
  'Děkuji, to je vše.',
  'Mám zájem o prodloužení smlouvy.',
  'Platba kartou neprošla, co mám dělat?',
  'Je možné vrátit zboží bez účtenky?',
  'Super, moc děkuji za pomoc!',
  'Volal jsem včera, ale nikdo mi nezavolal zpět.',
  'Dobrý den, jak dlouho trvá vyřízení reklamace?',
  'Potřebuji zrušit objednávku, omylem jsem ji odeslal dvakrát.',
  'Nevím, kde najdu číslo zákaznické karty.',
  'ok',
  'Ano, přesně tak.',
];

export const OPERATOR_MESSAGES = [
  'Dobrý den, jmenuji se {name}, jak vám mohu pomoci?',
  'Moment, podívám se na to.',
  'Děkuji za strpení, objednávku jsem dohledal.',
  'Zásilka byla předána dopravci a dorazí zítra mezi 8:00 a 12:00.',
  'Fakturu jsem vám právě odeslal na e-mail.',
  'Adresu doručení jsem změnil, potvrzení přijde e-mailem.',
  'Reklamaci vyřizujeme do 30 dnů, obvykle ale do týdne.',
  'Můžete mi prosím napsat číslo objednávky?',
  'Rozumím, předám to kolegům z technické podpory.',
  'Je ještě něco, s čím vám mohu pomoci?',
  'Děkuji za kontaktování, přeji hezký den!',
  'Zkuste se prosím odhlásit a znovu přihlásit, mělo by to pomoci.',
  'Pobočka v Brně má otevřeno Po–Pá 9:00–18:00.',
];

export const CHATBOT_MESSAGES = [
  'Dobrý den, jsem virtuální asistent. S čím vám mohu pomoci?',
  'Vyberte prosím téma vašeho dotazu.',
  'Přepojuji vás na operátora, chvíli strpení.',
  'Omlouvám se, tomu nerozumím. Zkuste to prosím jinak.',
  'Stav objednávky zjistíte po zadání jejího čísla.',
  'Naši operátoři jsou k dispozici Po–Pá 8:00–20:00.',
];

export const WELCOME_MESSAGES = [
  'Dobrý den, jsme rádi, že využíváte chat firmy {company}. \n             Co vás k nám přivádí? ',
  'Dobrý den, vítejte na chatu {company}. Jak vám můžeme pomoci?',
  'Dobrý den, za chvíli se vám bude věnovat první volný operátor.',
  'Vítejte! Napište nám svůj dotaz, odpovíme co nejdříve.',
];

export const FAREWELL_MESSAGES = [
  'We’re sorry, but your request was automatically closed due to exceeding the 24-hour response time set by WhatsApp and Facebook. If your question is still up to date, please contact us again. Thank you.',
  'Omlouváme se, ale váš požadavek byl automaticky uzavřen, protože uplynulo 24 hodin na odpověď stanovených službami WhatsApp a Facebook. Pokud je váš dotaz stále aktuální, kontaktujte nás prosím znovu. Děkujeme.',
];

export const AUTO_ACTIVITY_TEXTS = [
  '<p>zpráva</p>',
  '<p>Děkujeme za zprávu, operátor se vám bude věnovat za okamžik.</p>',
  '<p>Všichni operátoři jsou momentálně obsazeni. Zůstaňte prosím ve frontě.</p>',
  '<p>Mimo pracovní dobu nám můžete zanechat zprávu, odpovíme následující pracovní den.</p>',
];

export const AUTO_ACTIVITY_AS_OPERATOR_TEXTS = [
  '<p>Dobrý den, děkuji za trpělivost. Jak vám mohu pomoci?</p>',
  '<p>Vzhledem k neaktivitě bude chat za 2 minuty ukončen.</p>',
  '<p>Přeji hezký den a děkuji za využití našeho chatu.</p>',
];

export const EXTERNAL_MESSAGES = ['Dobrý den', 'Dobrý den, mám dotaz k objednávce.', 'Díky!', 'Můžete mi zavolat zpět?', 'Kdy máte otevřeno?'];

export const INVITE_NOTES = ['', 'Prosím o převzetí, zákazník řeší fakturaci.', 'Potřebuji konzultaci k technickému dotazu.', 'VIP klient, prosím o pomoc.'];

export const AWAY_REASONS = ['Oběd', 'Porada', 'Školení', 'Pauza', 'Administrativa'];

export const FILE_NAMES = [
  'png-clipart-alarm-clock-nightstand-graphy-clock-digital-clock-time.png',
  'faktura_2024_0518.pdf',
  'smlouva-podepsana.pdf',
  'IMG_20240506_141233.jpg',
  'screenshot-chyba-prihlaseni.png',
  'reklamacni_protokol.docx',
  'vypis_z_uctu_duben.pdf',
  'navod-k-obsluze.pdf',
];

export const PREVIEW_PAGES: readonly { title: string | null; imageUrl: string | null; originalUrl: string }[] = [
  { title: 'Seznam – najdu tam, co neznám', imageUrl: 'http://www.seznam.cz/media/img/logo-share-square_v2.png', originalUrl: 'http://www.seznam.cz/' },
  { title: 'mluvii – Zákaznická péče na jednom místě', imageUrl: 'https://www.mluvii.com/img/og-image.png', originalUrl: 'https://www.mluvii.com/' },
  { title: 'iDNES.cz – zprávy a zpravodajství', imageUrl: 'https://1gr.cz/o/idnes/og-image.png', originalUrl: 'https://www.idnes.cz/' },
  { title: 'Obchodní podmínky', imageUrl: null, originalUrl: 'https://www.example.cz/obchodni-podminky' },
  { title: null, imageUrl: null, originalUrl: 'https://www.example.cz/objednavka/2024-118734' },
];

/** General settings of the EN doc's table, plus the name the doc's own example sends. */
export const SETTING_NAMES = [
  'phoneCallNumberBlockMinutes',
  'guestPreview',
  'phoneNumberBlockMinutes',
  'widgetStateWhenAway',
  'emailTranscriptFrom',
  'allowOfflinePhoneCalls',
  'deleteSessionFiles',
  'guestInfinityChat',
  'operatorCanBan',
  'recordSession',
  'autoAnonymizeSessions',
  'guestUploadFiles',
  'guestDisconnectedTime',
  'operatorCanChooseCallerId',
  'showRoutedOperators',
  'emailRoutingRequestsThrottlingPrecedence',
];

export const TENANT_NAMES = ['Zákaznický servis', 'Obchod', 'Technická podpora', 'Fakturace', 'E-shop', 'Pojištění'];
export const GROUP_NAMES = ['Podpora', 'Obchod', 'Reklamace', 'VIP klienti', 'Noční směna', 'Slovensko', 'E-shop', 'Fakturace', 'Technici'];
export const CHATBOT_NAMES = ['Virtuální asistent', 'Bot Eliška', 'FAQ bot', 'Objednávkový bot', 'Bot Pepa'];
export const CAMPAIGN_NAMES = ['Jarní nabídka 2024', 'Prodloužení smlouvy', 'Průzkum spokojenosti', 'Připomenutí platby', 'Nabídka pojištění', 'Reaktivace zákazníků'];

/** Values a guest types into HeroCard inputs, by key. */
export const PARAM_VALUES: Record<string, readonly string[]> = {
  značka: ['Volkswagen', 'Škoda', 'Ford', 'Toyota', 'Hyundai'],
  model: ['Focus', 'Octavia', 'Golf', 'Yaris', 'i30'],
  palivo: ['Benzín', 'Nafta', 'Elektro', 'Hybrid', 'LPG'],
  barva: ['Červená', 'Modrá', 'Černá', 'Bílá', 'Stříbrná'],
  'číslo ŘP': ['147852369', 'EA123456', '963258741'],
  oo1_guest_phone: ['+420 777 123 456', '+420 603 987 654'],
  duvod: ['Reklamace', 'Dotaz k objednávce', 'Změna tarifu', 'Jiné'],
  hodnoceni: ['5', '4', '3'],
  poznamka: ['Děkuji za rychlé vyřízení.', 'Operátor byl velmi ochotný.', ''],
  termin: ['2024-05-14 10:00', '2024-05-15 14:30'],
};
