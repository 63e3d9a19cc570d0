/**
 * Every format regex of the detectors, in one place (zod keeps its format regexes in one file
 * too). Patterns with a `value` group redact only that group: the label before it stays readable
 * ("Klantnummer: [5.1.2e]").
 */
const D = String.raw`\d`;
const SEP = String.raw`[ .-]?`;

// Layout splits addresses ("p.jansen    @rvo.nl"); OCR puts digits in domains ("minfin.n1") and
// reads the last dot as a space ("@minfin nl", "@ shell com") or not at all ("@sheltcom").
const TLD_AFTER_SPACE = String.raw`(?:nl|com|org|net|eu|be|de|int|gov|info|nu|biz|uk|fr|lu)(?=\d|[\]|)}]|[^\p{L}\d]|$)`;
// OCR reads the @ of a scanned address as "@®", "©@", or "©" alone: "©" or "®" stands for the @
// only between a local part and a dotted domain ("© 2026 Rijksoverheid" is no address).
const AT = String.raw`(?:@[©®]?|[©®]@|[©®](?=\p{L}[\p{L}\d-]*\.\p{L}))`;
export const EMAIL = new RegExp(
  String.raw`(?<![\p{L}\d._%+-])[\p{L}\d][\p{L}\d._%+'-]*[ \t]?${AT}[ \t]?\p{L}[\p{L}\d-]*(?:(?:\.|[ ](?=${TLD_AFTER_SPACE}))[\p{L}\d-]+)*`,
  'gu',
);
/** The @ of a matched address, or OCR's sign for it. */
const AT_SIGN = /[@©®]/u;

/** The part of a matched address before its @ (or OCR's sign for it). */
export function emailLocalPart(value: string): string {
  return value.slice(0, Math.max(0, value.search(AT_SIGN)));
}

/**
 * A match of EMAIL is an address when its domain has a dot (or OCR's space for one) or is a word
 * of 4+ letters, or when its local part is shaped as a person's ("m.zwanenburg@i": OCR lost the
 * rest of the domain, and the local part alone names the person).
 */
export function plausibleEmail(value: string): boolean {
  const at = value.search(AT_SIGN);
  const domain = value.slice(at + 1).replace(/^[@©®]/u, '').trim();
  const local = emailLocalPart(value).trim();
  // One character before the @ is a remnant ("j@shell com" where the publisher removed the rest).
  if (local.length < 2) return false;
  return /[. ]/.test(domain) || /^\p{L}{4,}/u.test(domain) || /^\p{L}+[._-]\p{L}{2,}/u.test(local);
}

/**
 * A line or page break inside a number, with the layout's indentation around it: layout wraps an
 * IBAN or a phone number onto the next line ("NL92 ABNA\n    0410 5561 57").
 */
const BREAK = String.raw`[ \t]*(?:\n\f?|\f\n?)[ \t]*`;
const PHONE_SEP = String.raw`(?:${SEP}|-?${BREAK})`;

/** Dutch phone numbers: +31 (0)6 ..., 0031 ..., (0297) 38 75 75, 06-12345678, 070 123 4567; one break inside allowed (see phone.ts). */
export const PHONE = new RegExp(
  [
    String.raw`(?:\+|00) ?31\s?(?:\(0\)\s?)?[1-9](?:${PHONE_SEP}${D}){8}`,
    String.raw`\(0${D}{2,3}\) ?${D}(?:${PHONE_SEP}${D}){5,6}`,
    // OCR reads a scanned leading 0 as "O" or "©" ("©6 44 29 81 50").
    String.raw`(?:0|(?<![A-Za-z\d])[O©])[1-9](?:[ .]?-?[ .]?${D}|[ .]?-?${BREAK}${D}){8}`,
  ]
    .map((p) => `(?:${p})`)
    .join('|')
    // Not inside a longer number or reference ("2024-0612345678"); a dash after a space or at a
    // line's start is OCR's reading of a rule or a speck ("-06 44298150").
    .replace(/^/, String.raw`(?<![\d+\/.,])(?<![^\s]-)(?:`)
    .concat(String.raw`)(?![\d]|[.,/-]\d)`),
  'g',
);

/**
 * Ten digits in a phone number's groups right after a phone label at the start of a line (see
 * misreadPhoneRecognizer): only the number is the value.
 */
export const MISREAD_PHONE_LINE = /(?<=^|\n)[ \t]*(?:T|M|Tel|Telefoon|Mobiel|Mob|GSM)\.?:?[ \t]+(?<value>\d{2}(?:[ .-]?\d){8})(?![\d])/g;

/** How many line or page breaks a matched number spans. */
export function breaksIn(value: string): number {
  return value.match(/[\n\f]+/g)?.length ?? 0;
}

/** Labels before a phone number ("T", "M:", "Tel.", "Mobiel"), kept outside the redaction. */
export const PHONE_LABEL_BEFORE = /(?:^|[\s(])(?:t|m|tel|telefoon|telefoonnummer|mobiel|mob|gsm|direct|doorkiesnummer|bereikbaar op|bel)\.?:?\s*$/i;

/** 9-digit numbers in the layouts BSNs are written in. */
export const NINE_DIGITS = /(?<![\d.,\/-])(?:\d{9}|\d{4}\.\d{2}\.\d{3}|\d{3}[. ]\d{3}[. ]\d{3}|\d{2} \d{2} \d{2} \d{3})(?![\d]|[.,\/-]\d)/g;

/** IBAN in groups of four or written solid; one break inside allowed (mod-97 decides). */
export const IBAN = new RegExp(
  String.raw`(?<![A-Za-z\d])[A-Z]{2}\d{2}(?:(?:${BREAK}|\s?)[A-Z\d]{4}){2,7}(?:(?:${BREAK}|\s?)[A-Z\d]{1,3})?(?![A-Za-z\d])`,
  'g',
);

export const V_NUMBER = /\b(?:v-?nummer|vreemdelingennummer|v-?nr\.?)\s*:?\s*(?<value>\d{10}|\d{4}[ .]?\d{3}[ .]?\d{3})(?!\d)/giu;

const MONTHS = 'januari|februari|maart|april|mei|juni|juli|augustus|september|oktober|november|december|jan|feb|mrt|apr|jun|jul|aug|sep|sept|okt|nov|dec';
export const DATE = String.raw`(?:\d{1,2}[-/.]\d{1,2}[-/.](?:19|20)?\d{2}|\d{1,2} (?:${MONTHS})\.? (?:19|20)\d{2})`;

export const DATE_OF_BIRTH = new RegExp(
  String.raw`\b(?:geb[o0]ortedatum|geb[o0]ren op|geb[o0]ren|geb\.|d\.d\. geb[o0]orte)\s*:?\s*(?:op\s+)?(?<value>${DATE})(?!\d)`,
  'giu',
);

/** A citizen's number with its label: the label stays, the number goes ("Klantnummer: [5.1.2e]"). */
export const CLIENT_NUMBER = /\b(?:klant|relatie|cli[eë]nt|polis|lid|personeels|pas|paspoort|rijbewijs|verzekerden|registratie|aanvraag)(?:nummer|nr\.?)\s*:?\s*(?<value>[A-Z]{0,3}[-\s]?\d[\d\s.-]{3,18}\d|[A-Z]{2}[A-Z\d]{6,9})(?![\d\p{L}])/giu;

export const LICENSE_PLATE = /\bkenteken(?:nummer|plaat)?\s*:?\s*(?<value>(?:[A-Z\d]{1,3}-){2}[A-Z\d]{1,3})(?![A-Za-z\d])/giu;

// Endings of Dutch street names (Kerkstraat, Johan de Wittlaan, Weesperzijde, Oude Gracht ...);
// "str." as written in forms.
const STREET_SUFFIX = [
  'straat', 'str\\.', 'laan', 'weg', 'plein', 'gracht', 'kade', 'singel', 'dijk', 'markt', 'hof', 'pad', 'steeg', 'dreef', 'park',
  'plantsoen', 'baan', 'boulevard', 'wal', 'burgwal', 'haven', 'veld', 'erf', 'kamp', 'kampen', 'weide', 'akker', 'oord', 'zoom',
  'poort', 'voorhout', 'dam', 'bolwerk', 'hout', 'berg', 'rade', 'lei', 'vaart', 'wetering', 'polder', 'allee', 'promenade',
  'passage', 'kwartier', 'tuin', 'tuinen', 'hoven', 'wijk', 'zijde', 'gang', 'werf', 'brink', 'horst', 'donk', 'hoeve', 'dries',
  'schans', 'meent', 'gaarde', 'stede', 'heuvel', 'vliet', 'sloot', 'grift', 'esplanade', 'kering', 'raai',
].join('|');

// A street whose name is only its kind: "Markt 12", "Dam 1", "Brink 3".
const STREET_ALONE = '(?:Markt|Dam|Plein|Kade|Brink|Singel|Wal|Haven|Dijk|Dreef|Hof|Gracht|Burgwal)';

// Streets that start with their kind: "Laan van Meerdervoort 12", "Plein 1813 4".
const STREET_PREFIX = String.raw`(?:Laan|Plein|Kade|Singel|Dijk|Weg|Hof|Park|Burgwal)(?: (?:van|de|der|den|het|'t|ter|ten|op|aan|te))+(?: \p{Lu}[\p{L}'-]*){1,2}`;

// House numbers as written: 12, 12a, 12 A, 12-14, 12-II, 12 hs, 12-huis, 12bis, 12 bg.
const HOUSE_NUMBER = String.raw`\d{1,5}(?:(?:\s?-\s?|\s)?(?:hs|huis|bis|bg|I{1,3}|IV)(?![\p{L}])|\s?-?\s?[a-zA-Z](?![\p{L}])(?:-\d{1,2})?|\s?-\s?\d{1,4})?`;

// A Dutch place as written after a postcode: "Utrecht", "UTRECHT", "Den Haag", "'s-Hertogenbosch",
// "Alphen aan den Rijn", "Bergen op Zoom", "Capelle a/d IJssel", "Oud-Beijerland". Spaces only:
// the next line is not part of the place.
const PLACE = String.raw`(?:'[st][ -]?)?\p{Lu}(?:[\p{L}'’-]|[01](?=\p{L}))+(?: (?:aan|op|bij|in|onder|over|de|den|der|het|van|a\/d|a\.d\.)(?= ))*(?: \p{Lu}[\p{L}'’-]+){0,2}`;

// Dutch postcodes: four digits, the first not 0, and two letters (never SA, SD or SS).
const POSTCODE = String.raw`[1-9]\d{3} ?(?!SA|SD|SS)[A-Z]{2}`;
// Between the parts of an address: a comma, spaces, or one line break (an address block).
const ADDRESS_GAP = String.raw`(?:,? +|,?[ \t]*\n[ \t]*)`;

/** A word that ends like a street name ("Doornestraat", "Komplein"). */
export const STREET_WORD_END = new RegExp(`(?:${STREET_SUFFIX})$`, 'iu');

/** Street and house number ("Johan de Wittlaan 7", "Lange Voorhout 9 A"), optional postcode + city. */
export const STREET_ADDRESS = new RegExp(
  String.raw`(?<![\p{L}])(?<street>${STREET_PREFIX}|(?:\p{Lu}[\p{L}'.-]* (?:(?:van|de|der|den|het|'t|ter|ten) )*){0,3}(?:\p{Lu}[\p{L}'-]*(?:${STREET_SUFFIX})|${STREET_ALONE}))(?:[ ]|\n[ \t]*)(?<number>${HOUSE_NUMBER})(?:${ADDRESS_GAP}(?<postcode>${POSTCODE})(?:${ADDRESS_GAP}(?<city>${PLACE}))?)?(?![\p{L}\d]|\/\d)`,
  'gu',
);

/** A postcode and city on their own ("2511 DP Den Haag", "1040BC Amsterdam"). */
export const POSTCODE_CITY = new RegExp(String.raw`(?<![\p{L}\d./-])(?<postcode>${POSTCODE})(?:,? +(?<city>${PLACE}))?(?![\p{L}\d])`, 'gu');

/** A house number named as such: "huisnummer 18", "huisnr. 18a" (the label stays). */
export const HOUSE_NUMBER_LABELLED = /\b(?:huisnummer|huisnr\.?|huis nr\.?)\s*:?\s*(?<value>\d{1,5}(?:\s?[a-zA-Z](?![\p{L}]))?)(?![\d\p{L}])/giu;

/** A house by its number, next to who lives there: "bewoner van nummer 26", "de buren op nr. 28". */
export const RESIDENT_NUMBER = /\b(?:bewoners?|buren|buurman|buurvrouw|buurtbewoners?|woning|pand|huis)\s+(?:van|op|aan|met|bij|naast)\s+(?:de\s+|het\s+)?(?:huisnummer|nummer|nr\.?)\s*(?<value>\d{1,5}(?:\s?[a-zA-Z](?![\p{L}]))?)(?![\d\p{L}])/giu;
