import { splitLines } from '../../document/lines.js';
import type { Span } from '../../document/span.js';
import { foldForMatching } from '../../structure/fuzzy.js';
import { POSTCODE_CITY, STREET_ADDRESS } from '../patterns/index.js';
import { type Candidate, defineRecognizer, type RecognizerContext } from '../recognizer.js';

const NOT_STREETS = ['woord', 'akkoord', 'krachtenveld', 'speelveld', 'werkveld', 'beleidsveld', 'aandachtsveld', 'middenveld', 'vakgebied', 'zwaartepunt', 'overleg'];

// Words near an address that make it a government building's (visiting / postal address).
const ORGANISATION_CUES = /\b(?:bezoekadres|postadres|postbus|afzendadres|retouradres|correspondentieadres|ministerie|directie|dienst|agentschap|gemeente|provincie|www\.|rijksoverheid|inspectie|secretariaat|kantoor|vestiging|locatie)\b/;
// Words that make it a person's home address.
const PRIVATE_CUES = /\b(?:woonachtig|wonende|woont|woonadres|huisadres|prive-?adres|privéadres|thuisadres|verhuisd|adres van (?:betrokkene|verzoeker|aanvrager|de heer|mevrouw|cliënt|client)|ingeschreven op|verblijft)\b/;

function windowAround(text: string, span: Span, linesBefore: number, linesAfter: number): string {
  let from = span.start;
  for (let n = 0; n <= linesBefore && from > 0; ) {
    from--;
    if (text[from] === '\n') n++;
  }
  let to = span.end;
  for (let n = 0; n <= linesAfter && to < text.length; to++) if (text[to] === '\n') n++;
  return foldForMatching(text.slice(from, to));
}

// An addressee block: "De heer J. Jansen" / "Mevrouw A. de Vries" one or two lines above.
const ADDRESSEE = /^(?:de heer|mevr[o0]uw|mevr\.?|dhr\.?|mw\.?|heer|familie|fam\.?|de familie|aan de heer|aan mevrouw)\s+\S/i;

function addresseeAbove(text: string, start: number): boolean {
  let end = text.lastIndexOf('\n', start - 1);
  for (let n = 0; n < 2 && end > 0; n++) {
    const begin = text.lastIndexOf('\n', end - 1) + 1;
    const line = text.slice(begin, end).trim();
    if (ADDRESSEE.test(line)) return true;
    if (line === '') return false;
    end = begin - 1;
  }
  return false;
}

/** The nearest cue decides: the addressee or a "woonachtig" on the same line, then the letterhead around it. */
function classify(ctx: RecognizerContext, span: Span): Candidate {
  const privateAddress = { span, confidence: 0.9, evidence: ['private-context'] };
  if (addresseeAbove(ctx.text, span.start) || PRIVATE_CUES.test(windowAround(ctx.text, span, 1, 0))) return privateAddress;
  const near = windowAround(ctx.text, span, 3, 3);
  if (ORGANISATION_CUES.test(near)) return { span, confidence: 0.9, evidence: ['organisation-context'], organisational: true };
  if (PRIVATE_CUES.test(near)) return privateAddress;
  return { span, confidence: 0.5, evidence: ['no-context'] };
}

/**
 * Street addresses and postcodes. A government building's address is organisation contact data
 * and stays; a home address is personal data; without either cue the finding goes to review.
 */
export const addressRecognizer = defineRecognizer({
  id: 'address',
  entity: 'address',
  suggestedGround: '5.1.2e',
  find(ctx) {
    const out: Candidate[] = [];
    const covered: Span[] = [];
    for (const m of ctx.text.matchAll(STREET_ADDRESS)) {
      // "Antwoord 1", "Krachtenveld 2": words that end like a street but are none.
      const lastWord = (m.groups?.street ?? '').split(' ').pop()?.toLowerCase() ?? '';
      if (NOT_STREETS.some((w) => lastWord.endsWith(w))) continue;
      // "Stand van de Uitvoering 2026": a year after a word is no house number.
      if (/^(?:19|20)\d{2}$/.test(m.groups?.number ?? '') && !m.groups?.postcode) continue;
      const span = { start: m.index, end: m.index + m[0].length };
      covered.push(span);
      out.push(classify(ctx, span));
    }
    // A postcode line directly under a street line belongs to the same address.
    const lines = splitLines(ctx.text);
    for (const line of lines) {
      for (const m of line.text.matchAll(POSTCODE_CITY)) {
        const span = { start: line.start + m.index, end: line.start + m.index + m[0].length };
        if (covered.some((c) => c.start <= span.start && span.end <= c.end)) continue;
        if (/^postbus\b/i.test(line.text.trim()) || /postbus\s*\d+\s*$/i.test(ctx.text.slice(Math.max(0, span.start - 40), span.start).trim())) {
          out.push({ span, confidence: 0.9, evidence: ['postbus'], organisational: true });
          continue;
        }
        out.push(classify(ctx, span));
      }
    }
    return out;
  },
  examples: [
    { text: 'Hij is woonachtig aan de Lindenlaan 12, 3521 AB Utrecht.', expect: ['Lindenlaan 12, 3521 AB Utrecht'] },
    { text: 'Bezoekadres\nTurfmarkt 147\n2511 DP Den Haag', expect: ['Turfmarkt 147\n2511 DP Den Haag'] },
    { text: 'Kamerstuk 35 387, nr. 2', expect: [] },
  ],
});
