/**
 * Scanned pages with a little text on them. A dossier's scans are often stamped before they reach
 * the Woo-team (a document number, "Pagina 3 van 12", a registration stamp) as real text over
 * the page image: the page then "has text", yet its names are in the pixels. Such a page is read
 * by OCR as a scan without text is, the stamp's text kept beside what OCR reads. Invisible text
 * is an OCR layer, not a stamp: trusted as on every other page with one, unless it holds far
 * fewer lines than its scan shows (the caller's test, with print-lines.ts).
 */
import type { PDFPage } from 'pdf-lib';
import { type ImagePlacement, quadBounds } from '../pdf/interpret.js';
import type { PageText } from '../pdf/layout.js';

/** More letters than this on a page are a text layer of its own (an OCR layer, a typed page). */
export const STAMP_MAX_CHARACTERS = 150;
/** The share of a page its images must cover for it to be a scan. */
export const SCAN_COVERAGE = 0.5;

/** Per page, the share of its area that its images (not inline ones) cover, at most 1. */
export function imageCoverage(pages: readonly PDFPage[], images: readonly ImagePlacement[]): number[] {
  const covered = pages.map(() => 0);
  for (const image of images) {
    if (image.inline) continue;
    const page = pages[image.pageIndex];
    if (!page) continue;
    const { width, height } = page.getSize();
    const b = quadBounds(image.quad);
    // Clipped to the page: a scan drawn with a margin past the edge covers the page, no more.
    const w = Math.max(0, Math.min(b.x1, width) - Math.max(b.x0, 0));
    const h = Math.max(0, Math.min(b.y1, height) - Math.max(b.y0, 0));
    if (width > 0 && height > 0) covered[image.pageIndex] = (covered[image.pageIndex] ?? 0) + (w * h) / (width * height);
  }
  return covered.map((c) => Math.min(1, c));
}

function letters(text: string): number {
  let n = 0;
  for (const ch of text) if (!/\s/u.test(ch)) n++;
  return n;
}

/** Whether a page is a scan with only a stamp's worth of text on it. */
export function isStampedScan(text: string, coverage: number): boolean {
  const n = letters(text);
  return n > 0 && n <= STAMP_MAX_CHARACTERS && coverage >= SCAN_COVERAGE;
}

/** The lines of a page's text that hold a letter or digit. */
export function textLines(text: string): number {
  let n = 0;
  for (const line of text.split('\n')) if (/[\p{L}\p{N}]/u.test(line)) n++;
  return n;
}

/** The page's own text, then what OCR read, on a line of its own. */
export function joinPageTexts(own: PageText, read: PageText): PageText {
  if (own.text.length === 0) return read;
  return { text: `${own.text}\n${read.text}`, glyphOf: [...own.glyphOf, -1, ...read.glyphOf] };
}
