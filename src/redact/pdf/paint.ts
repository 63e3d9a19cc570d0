import {
  beginText,
  endText,
  fill,
  type PDFDocument,
  type PDFFont,
  type PDFName,
  type PDFOperator,
  rectangle,
  setCharacterSqueeze,
  setFillingRgbColor,
  setFontAndSize,
  setTextMatrix,
  showText,
  StandardFonts,
  popGraphicsState,
  pushGraphicsState,
} from 'pdf-lib';
import type { TextBox } from './select.js';
import { groupBy } from '../../util/group-by.js';

/** Narrowest horizontal squeeze (percent) before the label's size is reduced instead. */
const MIN_SQUEEZE = 50;

/**
 * Paints each redaction as a black box with its code in white: legible in the box, and in the text
 * layer where the text was (same baseline and size, squeezed to fit), so extraction and screen
 * readers meet "[5.1.2e]" in the line.
 */
export async function paintBoxes(pdf: PDFDocument, boxes: readonly { box: TextBox; label: string }[]): Promise<void> {
  if (boxes.length === 0) return;
  const font: PDFFont = await pdf.embedFont(StandardFonts.Helvetica);
  // All boxes of a page go into one content stream, with one font resource.
  const byPage = groupBy(boxes, (b) => b.box.page);
  for (const [pageNumber, onPage] of byPage) {
    const page = pdf.getPage(pageNumber - 1);
    const key = page.node.newFontDictionary(font.name, font.ref);
    const ops: PDFOperator[] = [];
    for (const { box, label } of onPage) ops.push(...boxOperators(font, key, box, label));
    page.pushOperators(...ops);
  }
}

/** A black box and its code in white on the text's baseline, squeezed to fit. */
function boxOperators(font: PDFFont, key: PDFName, box: TextBox, label: string): PDFOperator[] {
  const widthAtOne = font.widthOfTextAtSize(label, 1);
  let size = Math.max(2, Math.min(box.fontSize ?? box.height * 0.7, box.height * 0.95));
  let squeeze = Math.min(100, ((box.width * 0.96) / (widthAtOne * size)) * 100);
  if (squeeze < MIN_SQUEEZE) {
    size = Math.max(2, (box.width * 0.96) / (widthAtOne * (MIN_SQUEEZE / 100)));
    squeeze = MIN_SQUEEZE;
  }
  const textWidth = widthAtOne * size * (squeeze / 100);
  const x = box.x + Math.max(0, (box.width - textWidth) / 2);
  const y = box.baseline ?? box.y + (box.height - size * 0.7) / 2;
  return [
    pushGraphicsState(),
    setFillingRgbColor(0, 0, 0),
    rectangle(box.x, box.y, box.width, box.height),
    fill(),
    setFillingRgbColor(1, 1, 1),
    beginText(),
    setFontAndSize(key, size),
    setCharacterSqueeze(squeeze),
    setTextMatrix(1, 0, 0, 1, x, y),
    showText(font.encodeText(label)),
    endText(),
    popGraphicsState(),
  ];
}
