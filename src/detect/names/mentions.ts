import { allowedEdits, editDistance } from '../../structure/fuzzy.js';
import type { Lexicons } from '../lexicons/index.js';
import type { KnownPerson } from './known-person.js';
import { lookupWord, ocrReadings, tussenvoegselAt } from './parse.js';
import { foldWord, isCapitalised, type Token } from './tokens.js';

export interface Mention {
  readonly from: number;
  readonly to: number;
  readonly key: string;
  readonly confidence: number;
  readonly kind: 'surname' | 'given-name' | 'ocr-variant';
}

// Characters OCR confuses with letters: compare names with these mapped back.
const OCR_DIGITS: Record<string, string> = { '0': 'o', '1': 'l', '5': 's', '8': 'b', '6': 'g', '|': 'l', '3': 'e' };

/** The key a name is known by: folded, with OCR's digits read back as letters and "rn" as "m". */
export function ocrFold(word: string): string {
  return foldWord(word).replace(/[0158|63]/g, (c) => OCR_DIGITS[c] ?? c).replace(/rn/g, 'm');
}

const OCR_WORD = /^\p{Lu}[\p{L}\d|]+$/u;

/**
 * Finds the other mentions of known persons among tokens not yet covered: the surname alone
 * (with its tussenvoegsel: "Van der Meer stelt"), the first name alone ("Hoi Anouk,") and OCR
 * variants of the surname within a small edit distance ("Sch0neveld", "Wi11ems").
 */
export function findMentions(
  lex: Lexicons,
  tokens: readonly Token[],
  persons: readonly KnownPerson[],
  covered: (index: number) => boolean,
): Mention[] {
  if (persons.length === 0) return [];
  const bySurname = new Map<string, KnownPerson>();
  const byGiven = new Map<string, KnownPerson | null>();
  for (const p of persons) {
    bySurname.set(p.key, p);
    for (const g of p.givens) {
      const k = ocrFold(g);
      // A first name shared by two known persons identifies neither: null marks it ambiguous.
      // Two keys that differ only by OCR damage ("Visser", "Vlsser") are one person.
      const seen = byGiven.get(k);
      const same = seen && (seen.key === p.key || editDistance(seen.key, p.key) <= 1);
      byGiven.set(k, byGiven.has(k) && !same ? null : (seen ?? p));
    }
  }
  const ocrCandidates = persons.filter((p) => p.key.length >= 5);
  const mentions: Mention[] = [];
  for (let i = 0; i < tokens.length; i++) {
    if (covered(i)) continue;
    const t = tokens[i] as Token;
    if (!isCapitalised(t.text) || t.text.endsWith('.')) continue;
    const folded = ocrFold(t.text);
    const common = lookupWord(lex.commonWords, t.text) && (t.sentenceStart || t.lineStart);
    const person = bySurname.get(folded);
    if (person) {
      // Take the person's own tussenvoegsel written before it ("Van der Meer") into the mention;
      // "het voorstel van Jansen" keeps its "van".
      let from = i;
      const own = person.tussenvoegsel.split(' ').filter(Boolean).length;
      if (own > 0 && i - own >= 0 && !covered(i - own) && tussenvoegselAt(lex, tokens, i - own, true) === own) {
        const written = tokens.slice(i - own, i).map((x) => x.text.toLowerCase().replace(/’/g, "'")).join(' ');
        if (written === person.tussenvoegsel) from = i - own;
      }
      mentions.push({ from, to: i + 1, key: person.key, confidence: common ? 0.5 : 0.8, kind: 'surname' });
      continue;
    }
    const byFirst = byGiven.get(folded) ?? ocrReadings(t.text).map((r) => byGiven.get(r)).find((p) => p);
    if (byFirst) {
      mentions.push({ from: i, to: i + 1, key: byFirst.key, confidence: common ? 0.45 : 0.75, kind: 'given-name' });
      continue;
    }
    const midSentence = !t.sentenceStart && !t.lineStart;
    if (t.text.length >= 5 && OCR_WORD.test(t.text) && (midSentence || /[\d|]/.test(t.text)) && !lookupWord(lex.commonWords, t.text) && !lex.organisationWords.has(folded)) {
      const ocr = ocrFold(t.text);
      for (const p of ocrCandidates) {
        const max = Math.min(2, allowedEdits(p.key.length));
        if (max === 0 || Math.abs(ocr.length - p.key.length) > max || ocr[0] !== p.key[0]) continue;
        if (ocr === p.key || editDistance(ocr, p.key) <= max) {
          mentions.push({ from: i, to: i + 1, key: p.key, confidence: 0.7, kind: 'ocr-variant' });
          break;
        }
      }
    }
  }
  return mentions;
}
