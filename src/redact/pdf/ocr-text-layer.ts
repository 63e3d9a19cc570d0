/**
 * The invisible text layer of an OCR'd scan (text render mode 3, as OCR tools write it): every word
 * OCR read and the redaction kept, at its place and width on the page, so the published scan can
 * be searched, copied and read by a screen reader. Removed characters are not written; the code of
 * each redaction is in the layer through its box's label (see paint.ts).
 */
import {
  beginText,
  endText,
  type PDFDocument,
  type PDFFont,
  type PDFOperator,
  popGraphicsState,
  pushGraphicsState,
  setCharacterSqueeze,
  setFontAndSize,
  setTextMatrix,
  setTextRenderingMode,
  showText,
  StandardFonts,
  TextRenderingMode,
} from 'pdf-lib';
import type { GlyphTable } from '../../pdf/glyph-table.js';
import type { OcrPage } from '../../ocr/read-pages.js';

// WinAnsi (the standard font's encoding) holds Dutch, French and German letters; anything else
// OCR reads is written as its closest plain letter, or left out.
function encodable(font: PDFFont, text: string): string {
  let out = '';
  for (const ch of text.normalize('NFC')) {
    try {
      font.encodeText(ch);
      out += ch;
    } catch {
      const plain = ch.normalize('NFD').replace(/\p{M}/gu, '');
      try {
        font.encodeText(plain);
        out += plain;
      } catch {
        // not representable: left out
      }
    }
  }
  return out;
}

/**
 * Adds the text layer to each OCR'd page. `removed` holds the glyphs the redaction took out: they
 * and the rest of their word's letters under a box are not written.
 */
export async function writeOcrTextLayer(pdf: PDFDocument, glyphs: GlyphTable, pages: readonly OcrPage[], removed: ReadonlySet<number>): Promise<void> {
  if (pages.length === 0) return;
  const font = await pdf.embedFont(StandardFonts.Helvetica);
  for (const ocrPage of pages) {
    const page = pdf.getPage(ocrPage.pageIndex);
    const key = page.node.newFontDictionary(font.name, font.ref);
    const ops: PDFOperator[] = [pushGraphicsState(), beginText(), setTextRenderingMode(TextRenderingMode.Invisible)];
    for (const word of ocrPage.words) {
      // A word partly redacted keeps its other letters, in runs between the removed ones.
      let run: number[] = [];
      const flush = (last: boolean) => {
        if (run.length === 0) return;
        ops.push(...runOperators(font, key, glyphs, run, last && !word.lineEnd));
        run = [];
      };
      for (const g of word.glyphs) {
        if (removed.has(g)) flush(false);
        else run.push(g);
      }
      flush(true);
    }
    ops.push(endText(), popGraphicsState());
    page.pushOperators(...ops);
  }
}

/** One run of kept letters: placed on its baseline, squeezed or stretched to its width on the scan. */
function runOperators(font: PDFFont, key: import('pdf-lib').PDFName, glyphs: GlyphTable, run: readonly number[], spaceAfter: boolean): PDFOperator[] {
  const first = run[0] as number;
  const last = run[run.length - 1] as number;
  const text = encodable(font, run.map((g) => glyphs.unicodeOf(g)).join(''));
  if (text.length === 0) return [];
  const ox = glyphs.value(first, 'originX');
  const oy = glyphs.value(first, 'originY');
  const dx = glyphs.value(last, 'endX') - ox;
  const dy = glyphs.value(last, 'endY') - oy;
  const length = Math.hypot(dx, dy);
  if (length <= 0) return [];
  const ux = dx / length;
  const uy = dy / length;
  // The scan's letters stand about 0.7 of the box height tall: Helvetica's capitals at that size.
  const size = Math.max(1, glyphs.value(first, 'fontSize') * 0.7);
  const natural = font.widthOfTextAtSize(text, size);
  const squeeze = natural > 0 ? Math.min(1000, Math.max(1, (length / natural) * 100)) : 100;
  return [
    setFontAndSize(key, size),
    setCharacterSqueeze(Number(squeeze.toFixed(2))),
    setTextMatrix(Number(ux.toFixed(5)), Number(uy.toFixed(5)), Number((-uy).toFixed(5)), Number(ux.toFixed(5)), Number(ox.toFixed(3)), Number(oy.toFixed(3))),
    showText(font.encodeText(spaceAfter ? `${text} ` : text)),
  ];
}
