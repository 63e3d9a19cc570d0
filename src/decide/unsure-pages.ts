/**
 * Scanned pages OCR was unsure of in every orientation (faint, damaged, ruled through, handwritten
 * print): detection finds in them only what OCR read well enough, and a name it misread
 * ("Marieke.Zwanenburg.") is found by nothing. Uncertain means redacted until a person decides:
 * everything OCR read on such a page that is not redacted or reviewed already becomes a review
 * item, redacted by default (`reviewedAs`), the findings inside it kept as they are, so that a
 * reviewer who releases the page still has every name detection found in it redacted.
 */
import type { DetectedDocument } from '../document/document.js';
import { compareSpans, type Span } from '../document/span.js';
import { type Decision, type Finding, UNREAD_IMAGE_MARK } from '../document/types.js';
import { fromSource } from '../normalise/offset-map.js';
import type { GroundCode } from './grounds.js';
import { reason } from './reasons.js';

/** The ground such a page is withheld under until reviewed: it shows what may be personal data. */
const UNSURE_GROUND: GroundCode = '5.1.2e';

/**
 * The span without the whitespace at its ends; undefined when nothing but punctuation is left
 * (the mark of an image OCR could not read counts: it stands for the whole image).
 */
function trimmed(text: string, s: Span): Span | undefined {
  let { start, end } = s;
  while (start < end && /\s/.test(text[start] as string)) start++;
  while (end > start && /\s/.test(text[end - 1] as string)) end--;
  const inside = text.slice(start, end);
  return /[\p{L}\p{N}]/u.test(inside) || inside.includes(UNREAD_IMAGE_MARK) ? { start, end } : undefined;
}

/** Review decisions for what the unsure pages hold outside the decisions already `taken`. */
export function unsurePageReviews(doc: DetectedDocument, taken: readonly Decision[]): Decision[] {
  const out: Decision[] = [];
  for (const source of doc.unsurePages ?? []) {
    const page = fromSource(doc.map, source);
    const inside = taken
      .map((d) => d.finding.span)
      .filter((s) => s.end > page.start && s.start < page.end)
      .sort(compareSpans);
    const gaps: Span[] = [];
    let at = page.start;
    for (const s of inside) {
      if (s.start > at) gaps.push({ start: at, end: s.start });
      at = Math.max(at, s.end);
    }
    if (at < page.end) gaps.push({ start: at, end: page.end });
    for (const gap of gaps) {
      const span = trimmed(doc.text, gap);
      if (!span) continue;
      const finding: Finding = {
        id: `ocr-unsure@${span.start}-${span.end}`,
        entity: 'section',
        span,
        detector: 'ocr-unsure',
        confidence: 1,
        suggestedGround: UNSURE_GROUND,
        evidence: ['scanned page OCR could not read with confidence'],
      };
      out.push({ action: 'review', finding, ground: UNSURE_GROUND, reason: reason('ocr-unsure') });
    }
  }
  return out;
}
