import { splitLines } from '../../document/lines.js';
import type { Span } from '../../document/span.js';
import { foldForMatching } from '../../structure/fuzzy.js';
import { HOUSE_NUMBER_LABELLED, POSTCODE_CITY, RESIDENT_NUMBER, STREET_ADDRESS } from '../patterns/index.js';
import { type Candidate, defineRecognizer, type RecognizerContext } from '../recognizer.js';
import { allMatches } from '../../util/regex.js';

const MONTH_AFTER = /^ (?:jan|feb|m[aà]a?rt|mrt|apr|mei|jun|jul|aug|sep|okt|nov|dec)/i;
const NOT_STREETS = ['woord', 'akkoord', 'krachtenveld', 'speelveld', 'werkveld', 'beleidsveld', 'aandachtsveld', 'middenveld', 'vakgebied', 'zwaartepunt', 'overleg'];

// Labels that say the address is an organisation's: on the address's line or the line above it.
const ORGANISATION_LABELS = /\b(?:bezoekadres|postadres|afzendadres|correspondentieadres|vestigingsadres|kantooradres|factuuradres|bezoek- en postadres|visiting address|postal address|office|correspondence|po box)\b/;
// The rest of a letterhead or signature block: a Postbus, a website. Only for an address that
// stands alone in its line or column, and never from a "Retouradres" line (it sits right above
// the addressee's block).
const LETTERHEAD_CUES = /\b(?:postbus|www\.|[a-z-]+\.nl\b|rijksoverheid)/;
// Organisations whose building an address in a block next to them is (data, not a list of places).
// Compounds count too: "Naturalisatiedienst", "Belastingdienst", "Onderwijsinspectie".
const ORGANISATION_WORDS = /\p{L}*(?:dienst|inspectie|agentschap|autoriteit|instituut|bedrijf)(?![\p{L}])|(?<![\p{L}])(?:ministerie|directie|directoraat|gemeente|stadsdeel|stadhuis|provincie|waterschap|inspectie|secretariaat|kantoor|vestiging|fractie|rechtbank|raad van state|politie|ggd|uwv|rijkswaterstaat|b\.? ?v\.?|n\.? ?v\.?|stichting|vereniging|advocaten|notarissen|trade register|handelsregister|kvk|the netherlands)(?![\p{L}])/u;
// Words that make it a person's home address.
const PRIVATE_CUES = /\b(?:woonachtig|wonende|woont|wonen|woonadres|huisadres|prive-?adres|privéadres|thuisadres|verhuisd|bewoners?|buren|adres van (?:betrokkene|verzoeker|aanvrager|de heer|mevrouw|cliënt|client)|ingeschreven op|verblijft)\b/;

/**
 * The folded lines around a span: `before` lines above, `after` below, its own line(s) included.
 * In a page laid out in columns (cells split by a tab) each line gives the cell of the span's own
 * column: the addressee's block on the left is not the letterhead on the right.
 */
function linesAround(text: string, span: Span, before: number, after: number): string[] {
  let from = span.start;
  for (let n = 0; n <= before && from > 0; ) {
    from--;
    if (text[from] === '\n') n++;
  }
  let to = span.end;
  for (let n = 0; n <= after && to < text.length; to++) if (text[to] === '\n') n++;
  // An address alone on its line (no column beside it) reads the whole lines around it.
  const own = text.slice(lineStart(text, span.start), text.indexOf('\n', span.end) === -1 ? text.length : text.indexOf('\n', span.end));
  const column = own.includes('\t') ? columnOf(text, span.start) : -1;
  return text.slice(from, to).split('\n').map((line) => foldForMatching(column === -1 ? line : cellOf(line, column)));
}

/** Which cell of its line a position is in (0 for the first; cells are split by a tab). */
function columnOf(text: string, at: number): number {
  let n = 0;
  for (let i = lineStart(text, at); i < at; i++) if (text[i] === '\t') n++;
  return n;
}

/**
 * The part of a line in a column: the first cell for the left column (the addressee's block),
 * the rest of the line for any other (a letterhead on the right; OCR splits its cells unevenly).
 */
function cellOf(line: string, column: number): string {
  const cells = line.split('\t');
  if (cells.length === 1) return line;
  return column === 0 ? (cells[0] as string) : cells.slice(1).join(' ');
}

/** The start of the line a position is on. */
function lineStart(text: string, at: number): number {
  return text.lastIndexOf('\n', at - 1) + 1;
}

// An addressee block: "De heer J. Jansen" / "Mevrouw A. de Vries" / "J. Jansen" one or two lines above.
const ADDRESSEE = /^(?:t\.a\.v\.?\s+)?(?:de heer|mevr[o0]uw|mevr\.?|dhr\.?|mw\.?|heer|familie|fam\.?|de familie|aan de heer|aan mevrouw|de bewoner|de bewoners)(?:\s+\S|$)/i;
const INITIALS_AND_SURNAME = /^(?:\p{Lu}\.\s?){1,4}(?:\p{Ll}+\s){0,3}\p{Lu}[\p{Ll}'-]+(?:\s|$)/u;

// A company written in capitals heading the block ("AT5", "JANSEN ADVOCATEN"): no person's name.
const CAPITALS_NAME = /^[\p{Lu}\d&.' -]{2,40}$/u;

/** Who the block is addressed to, from the one or two lines above: a person, an organisation, or unknown. */
function addresseeAbove(text: string, start: number): 'person' | 'organisation' | undefined {
  const column = columnOf(text, start);
  let end = lineStart(text, start) - 1;
  for (let n = 0; n < 2 && end > 0; n++) {
    const begin = text.lastIndexOf('\n', end - 1) + 1;
    // The cell in the block's column: the block may sit in a column of its own.
    const raw = text.slice(begin, end);
    // A page break ends the block: what is above it is the previous page.
    const line = cellOf(raw.slice(raw.lastIndexOf('\f') + 1), column).trim();
    if (ADDRESSEE.test(line) || INITIALS_AND_SURNAME.test(line)) return 'person';
    if (line === '') return undefined;
    if (n === 0 && CAPITALS_NAME.test(line) && /\p{Lu}.*\p{Lu}|\d/u.test(line)) return 'organisation';
    if (raw.includes('\f')) return undefined;
    end = begin - 1;
  }
  return undefined;
}

/** Whether the address is all there is in its line or column cell (a letterhead or address block). */
function standsAlone(text: string, span: Span): boolean {
  const begin = lineStart(text, span.start);
  const nl = text.indexOf('\n', span.end);
  const before = text.slice(begin, span.start);
  const after = text.slice(span.end, nl === -1 ? text.length : nl);
  // Cells are split by a column gap, or by "|" in a one-line signature.
  const cellBefore = before.slice(Math.max(before.lastIndexOf('\t'), before.lastIndexOf('|')) + 1);
  const next = after.search(/[\t|]/);
  const cellAfter = next === -1 ? after : after.slice(0, next);
  // Before a postcode, a street the pattern did not take ("Amstel 2, 1011 PN Amsterdam") is part of the cell.
  return /^[\s|>•·-]*(?:\p{Lu}[\p{L}' .-]* \d{1,5}[a-zA-Z]?,?\s*)?$/u.test(cellBefore) && /^[\s,.;|-]*(?:NL)?\s*$/.test(cellAfter);
}

// A label in the left cell that makes the value on its right a person's address (a form's table).
const ADDRESS_LABEL = /(?:adres|straat|woonplaats|postcode|aanvrager|verzoeker|naam|betrokkene|cli[eë]nt|melder|klager|bewoner|eigenaar|huurder)\s*:?\s*$|:\s*$/i;

/**
 * An address in the right-hand cell of a line whose left cell is body text: the letterhead
 * column (an OCR'd or pdftotext page merges it with the body). A form's "Adres:" on the left
 * makes it the value of a field instead.
 */
function inLetterheadColumn(text: string, span: Span): boolean {
  const begin = lineStart(text, span.start);
  const before = text.slice(begin, span.start);
  const tab = before.lastIndexOf('\t');
  if (tab === -1) return false;
  const left = before.slice(0, tab).trim();
  return /\p{L}{3}/u.test(left) && !ADDRESS_LABEL.test(left);
}

const NO_CONTEXT_CONFIDENCE = 0.8;
/** Between the default review (0.4) and redact (0.7) thresholds. */
const OBJECT_CONFIDENCE = 0.6;
// Words that make an address the object of the matter rather than where someone lives: a permit,
// a plot, a building, a location, damage, a map (folded).
const OBJECT_CUES = /\b(?:inzake|betreffende|ter hoogte van|perce[e]?l(?:en)?|pand(?:en)?|locatie|\p{L}*vergunning(?:en)?|object(?:en)?|gevestigd|bedrijf|bedrijven|plattegrond|kaart|\p{L}*schade|werkzaamheden|bouwplan|sloop|terras|ligplaats|monument|erfpacht)\b/u;

const PRIVATE = (span: Span, evidence: string): Candidate => ({ span, confidence: 0.9, evidence: [evidence] });
const ORGANISATIONAL = (span: Span, evidence: string): Candidate => ({ span, confidence: 0.9, evidence: [evidence], organisational: true });

/**
 * The nearest cue decides: an addressee above or a home word on the line makes it a person's; an
 * organisation's label, or a letterhead block around an address standing alone, makes it the
 * building's. An address that is the object of the matter (the building a permit or a complaint
 * is about: "inzake Gasthuisstraat 2", "ter hoogte van", "perceel") goes to review, which shows it
 * redacted until a person decides whether it points at a person. Without any cue it is redacted:
 * uncertain means redacted (a citizen's address mentioned in running text, "de woning aan de
 * Kerkstraat 12", has no cue at all).
 */
function classify(ctx: RecognizerContext, span: Span): Candidate {
  const text = ctx.text;
  const own = linesAround(text, span, 0, 0).join(' ');
  const above = linesAround(text, span, 1, 0).join(' ');
  if (ORGANISATION_LABELS.test(above)) return ORGANISATIONAL(span, 'organisation-label');
  // A government building the lexicon knows ("Johan de Wittlaan 7", "Turfmarkt 147").
  const street = /^\D+?(?=\s+\d)/u.exec(text.slice(span.start, span.end))?.[0];
  if (street && ctx.lexicons.organisationWords.has(foldForMatching(street))) return ORGANISATIONAL(span, 'organisation-building');
  const addressee = addresseeAbove(text, span.start);
  if (addressee === 'person') return PRIVATE(span, 'addressee');
  if (addressee === 'organisation' && standsAlone(text, span)) return ORGANISATIONAL(span, 'organisation-addressee');
  if (PRIVATE_CUES.test(own)) return PRIVATE(span, 'private-context');
  if (/\bretouradres\b/.test(own)) return ORGANISATIONAL(span, 'return-address');
  if (standsAlone(text, span) && inLetterheadColumn(text, span)) return ORGANISATIONAL(span, 'letterhead-column');
  if (standsAlone(text, span)) {
    const block = linesAround(text, span, 3, 3).filter((l) => !/\bretouradres\b/.test(l));
    if (block.some((l) => LETTERHEAD_CUES.test(l) || ORGANISATION_LABELS.test(l) || ORGANISATION_WORDS.test(l))) {
      return ORGANISATIONAL(span, 'organisation-block');
    }
  }
  if (PRIVATE_CUES.test(linesAround(text, span, 3, 3).join(' '))) return PRIVATE(span, 'private-context');
  if (OBJECT_CUES.test(above) || subjectNames(ctx, span)) return { span, confidence: OBJECT_CONFIDENCE, evidence: ['object-of-matter'] };
  return { span, confidence: NO_CONTEXT_CONFIDENCE, evidence: ['no-context'] };
}

/** The document's subject (Onderwerp, Betreft) names the same street: the address is what the matter is about. */
function subjectNames(ctx: RecognizerContext, span: Span): boolean {
  const street = /^\S.*?(?=\s\d)/u.exec(ctx.text.slice(span.start, span.end))?.[0];
  if (!street || street.length < 5) return false;
  const folded = foldForMatching(street);
  return ctx.structure.fields.some(
    (f) => f.label === 'onderwerp' && f.value.end <= span.start + 1e9 && foldForMatching(ctx.text.slice(f.value.start, f.value.end)).includes(folded) && OBJECT_CUES.test(foldForMatching(ctx.text.slice(f.value.start, f.value.end))),
  );
}

function isPostbusLine(text: string, span: Span, lineText: string): boolean {
  return /^(?:postbus|po box)\b/i.test(lineText.trim()) || /(?:postbus|po box)\s*\d+\s*,?\s*$/i.test(text.slice(Math.max(0, span.start - 40), span.start).trim());
}

/**
 * Street addresses, postcodes and house numbers. A government building's address is
 * organisation contact data and stays; a Postbus is never a home; a citizen's address is
 * personal data and is redacted, with or without a cue.
 */
export const addressRecognizer = defineRecognizer({
  id: 'address',
  entity: 'address',
  suggestedGround: '5.1.2e',
  find(ctx) {
    const out: Candidate[] = [];
    const covered: Span[] = [];
    for (const m of allMatches(STREET_ADDRESS, ctx.text)) {
      // "Antwoord 1", "Krachtenveld 2": words that end like a street but are none.
      const lastWord = (m.groups?.street ?? '').split(' ').pop()?.toLowerCase() ?? '';
      if (NOT_STREETS.some((w) => lastWord.endsWith(w))) continue;
      // Wrapped prose may break between street and number, a table's row number may follow a
      // word at a line end ("Schouwburg\n 84"): across a line only with the postcode after it.
      const streetLength = (m.groups?.street ?? '').length;
      const gap = m[0].slice(streetLength, m[0].indexOf(m.groups?.number ?? '', streetLength));
      if (!m.groups?.postcode && gap.includes('\n')) continue;
      // "Stand van de Uitvoering 2026": a year after a word is no house number.
      if (/^(?:19|20)\d{2}$/.test(m.groups?.number ?? '') && !m.groups?.postcode) continue;
      // "Amsterdam 750", "Rotterdam 2": a town ending like a street; only the square "Dam" is one.
      if (lastWord.endsWith('dam') && lastWord !== 'dam') continue;
      // "locatiebezoek Schouwburg 6 maart": a date, not a house number.
      if (!m.groups?.postcode && MONTH_AFTER.test(ctx.text.slice(m.index + m[0].length, m.index + m[0].length + 12))) continue;
      let span = { start: m.index, end: m.index + m[0].length };
      // A postcode on the next line belongs to the street only in the same column.
      const nl = m[0].indexOf('\n');
      if (nl !== -1 && columnOf(ctx.text, m.index + m[0].length - 1) !== columnOf(ctx.text, m.index)) {
        span = { start: m.index, end: m.index + m[0].slice(0, nl).trimEnd().replace(/,$/, '').length };
      }
      covered.push(span);
      out.push(classify(ctx, span));
    }
    // A postcode line directly under a street line belongs to the same address.
    for (const line of splitLines(ctx.text)) {
      for (const m of allMatches(POSTCODE_CITY, line.text)) {
        const span = { start: line.start + m.index, end: line.start + m.index + m[0].length };
        if (covered.some((c) => c.start <= span.start && span.end <= c.end)) continue;
        // A postcode without a place is one only alone in its cell ("2020 FW: ..." is a date and a subject).
        if (!m.groups?.city && (!standsAlone(ctx.text, span) || /^(?:19|20)\d\d/.test(m[0]))) continue;
        if (isPostbusLine(ctx.text, span, line.text)) {
          out.push(ORGANISATIONAL(span, 'postbus'));
          continue;
        }
        out.push(classify(ctx, span));
      }
    }
    // "huisnummer 18", "bewoner van nummer 26": the number is the address; the words stay.
    for (const regex of [HOUSE_NUMBER_LABELLED, RESIDENT_NUMBER]) {
      for (const m of allMatches(regex, ctx.text)) {
        const value = m.groups?.value ?? '';
        const start = m.index + m[0].length - value.length;
        const span = { start, end: start + value.length };
        if (covered.some((c) => c.start < span.end && span.start < c.end)) continue;
        out.push(PRIVATE(span, 'house-number'));
      }
    }
    return out;
  },
  examples: [
    { text: 'Hij is woonachtig aan de Lindenlaan 12, 3521 AB Utrecht.', expect: ['Lindenlaan 12, 3521 AB Utrecht'] },
    { text: 'Bezoekadres\nTurfmarkt 147\n2511 DP Den Haag', expect: ['Turfmarkt 147\n2511 DP Den Haag'] },
    { text: 'De klacht gaat over de Prinses Beatrixlaan 12a.', expect: ['Prinses Beatrixlaan 12a'] },
    { text: 'De bewoner van nummer 26 belde.', expect: ['26'] },
    { text: 'Kamerstuk 35 387, nr. 2', expect: [] },
  ],
});
