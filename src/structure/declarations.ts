import { findGroundCitations } from '../decide/ground-parser.js';
import { compareGroundCodes, type GroundCode } from '../decide/grounds.js';
import type { Span } from '../document/span.js';
import { sentenceSpans } from './sentences.js';
import { foldForMatching, fuzzyContains } from './fuzzy.js';
import { GROUND_PHRASES, WITHHOLDING_PHRASES } from './ground-phrases.js';
import type { Declaration, DeclarationScope, Section } from './types.js';

function groundsOf(text: string, folded: string): GroundCode[] {
  const codes = new Set<GroundCode>();
  for (const citation of findGroundCitations(text)) if (citation.code) codes.add(citation.code);
  const taken: string[] = [];
  for (const { phrase, code } of GROUND_PHRASES) {
    // "bijzondere persoonsgegevens" already claimed the words of "persoonsgegevens".
    if (taken.some((t) => t.includes(phrase))) continue;
    if (fuzzyContains(folded, phrase)) {
      codes.add(code);
      taken.push(phrase);
    }
  }
  return [...codes].sort(compareGroundCodes);
}

const WITHHOLDING_HINT = /openbaar|geweigerd|valt\s+onder|vallen\s+onder|gelakt/i;

const ATTACHMENT = /\bbijlage\s+(\d{1,2}|[a-z]\b|[ivx]{1,4}\b)/;
const SECTION_REF = /\b(?:paragraaf|par\.|hoofdstuk|onderdeel|sectie)\s+(\d{1,2}(?:\.\d{1,2}){0,3})/;
const WHOLE_DOCUMENT = /\b(?:(?:deze|de(?:ze)? gehele|het gehele|het) (?:nota|document|stuk)\b[^.]*\b(?:geheel|volledig|in zijn geheel)|(?:nota|document|stuk) (?:wordt|is) (?:in zijn geheel|geheel|volledig) (?:niet openbaar|geweigerd))/;

function scopeOf(folded: string): DeclarationScope {
  const attachment = ATTACHMENT.exec(folded);
  if (attachment) return { kind: 'attachment', ref: attachment[1] as string };
  const section = SECTION_REF.exec(folded);
  if (section) return { kind: 'section', ref: (section[1] as string).replace(/\.$/, '') };
  if (WHOLE_DOCUMENT.test(folded)) return { kind: 'document' };
  return { kind: 'general' };
}

/**
 * Turns the prose of the withheld-information section (and any other sentence that says
 * something "is niet openbaar" under a ground) into declared grounds with their scope.
 */
export function findDeclarations(text: string, sections: readonly Section[]): Declaration[] {
  const declarations: Declaration[] = [];
  const seen = new Set<number>();
  const consider = (s: Span, requireWithholding: boolean): void => {
    if (seen.has(s.start)) return;
    seen.add(s.start);
    const raw = text.slice(s.start, s.end);
    // Outside section 5 only a sentence that says something is withheld can declare (cheap test first).
    if (requireWithholding && !WITHHOLDING_HINT.test(raw)) return;
    const folded = foldForMatching(raw);
    if (requireWithholding && !WITHHOLDING_PHRASES.some((p) => folded.includes(p))) return;
    const grounds = groundsOf(raw.replace(/\s+/g, ' '), folded);
    if (grounds.length === 0) return;
    declarations.push({ grounds, scope: scopeOf(folded), span: s });
  };
  for (const section of sections) {
    if (section.withheldInfoSection) for (const s of sentenceSpans(text, section.body)) consider(s, false);
  }
  // Elsewhere only paragraphs that say something is withheld are split into sentences.
  for (const paragraph of text.matchAll(/[^\n](?:[^\n]|\n(?!\s*\n))*/g)) {
    if (!WITHHOLDING_HINT.test(paragraph[0])) continue;
    for (const s of sentenceSpans(text, { start: paragraph.index, end: paragraph.index + paragraph[0].length })) consider(s, true);
  }
  declarations.sort((a, b) => a.span.start - b.span.start);
  // The same ground declared twice for the same scope is one declaration (the first).
  const unique = new Set<string>();
  return declarations.filter((d) => {
    const key = `${d.grounds.join(',')}|${JSON.stringify(d.scope)}`;
    if (unique.has(key)) return false;
    unique.add(key);
    return true;
  });
}
