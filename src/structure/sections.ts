import { type Line, trimmedSpan } from '../document/lines.js';
import { foldForMatching, fuzzyContains, fuzzyEquals } from './fuzzy.js';
import { WITHHELD_SECTION_TITLES } from './ground-phrases.js';
import type { Section } from './types.js';

// "1. Aanleiding", "4.1 Politieke context", "5.1. Toelichting". A heading is short, starts with a
// capital and does not end like a sentence; numbers above 99 are addresses or amounts.
const HEADING = /^(\d{1,2}(?:\.\d{1,2}){0,3})\.?\s+(\p{Lu}[^\n]{0,100})$/u;
const MAX_TITLE_WORDS = 10;

function isWithheldInfoTitle(title: string): boolean {
  const folded = foldForMatching(title);
  return WITHHELD_SECTION_TITLES.some((t) => fuzzyEquals(folded, t) || (t.length > 20 && fuzzyContains(folded, t)));
}

interface Heading {
  readonly number: string;
  readonly parts: number[];
  readonly title: string;
  readonly line: Line;
}

function parseHeading(line: Line): Heading | null {
  const { start, end } = trimmedSpan(line);
  const text = line.text.slice(start - line.start, end - line.start);
  const m = HEADING.exec(text);
  if (!m) return null;
  const number = m[1] as string;
  const title = (m[2] as string).trim();
  if (/[.,;:]$/.test(title) || title.split(' ').length > MAX_TITLE_WORDS) return null;
  const parts = number.split('.').map(Number);
  if (parts.some((p) => p === 0)) return null;
  return { number, parts, title, line };
}

/**
 * Finds numbered sections. Top-level numbers must not go down (a footnote "1 Raadpleegbaar ..."
 * after section 4 is no heading), and a sub-number must belong to the current top level.
 */
export function findSections(lines: readonly Line[], textLength: number): Section[] {
  const headings: Heading[] = [];
  let top = 0;
  for (const line of lines) {
    const h = parseHeading(line);
    if (!h) continue;
    const first = h.parts[0] as number;
    if (h.parts.length === 1) {
      if (first < top || first > top + 6) continue;
      top = first;
    } else if (first !== top) continue;
    headings.push(h);
  }
  return headings.map((h, i) => {
    let bodyEnd = textLength;
    for (const next of headings.slice(i + 1)) {
      if (next.parts.length <= h.parts.length) {
        bodyEnd = next.line.start;
        break;
      }
    }
    const heading = trimmedSpan(h.line);
    return {
      number: h.number,
      title: h.title,
      heading,
      body: { start: Math.min(h.line.end + 1, bodyEnd), end: bodyEnd },
      withheldInfoSection: isWithheldInfoTitle(h.title),
    };
  });
}
