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
    const turn = readerTurn(page.getRotation().angle);
    const ops: PDFOperator[] = [];
    for (const { box, label } of onPage) ops.push(...boxOperators(font, key, box, label, turn));
    page.pushOperators(...ops);
  }
}

/** A page's /Rotate as a quarter turn: 0, 90, 180 or 270 (anything else is shown unturned). */
export type QuarterTurn = 0 | 90 | 180 | 270;

function readerTurn(angle: number): QuarterTurn {
  const a = ((Math.round(angle) % 360) + 360) % 360;
  return a === 90 || a === 180 || a === 270 ? a : 0;
}

/**
 * The label's frame in user space for a page the reader sees turned clockwise by `turn`: its
 * text runs along `along`, its up is `up`, and `corner` is the box's corner that the reader sees
 * bottom left. A label drawn in this frame reads upright on screen and on paper.
 */
function labelFrame(box: TextBox, turn: QuarterTurn): { along: [number, number]; up: [number, number]; corner: [number, number]; width: number; height: number } {
  const { x, y, width: w, height: h } = box;
  switch (turn) {
    case 90:
      return { along: [0, 1], up: [-1, 0], corner: [x + w, y], width: h, height: w };
    case 180:
      return { along: [-1, 0], up: [0, -1], corner: [x + w, y + h], width: w, height: h };
    case 270:
      return { along: [0, -1], up: [1, 0], corner: [x, y + h], width: h, height: w };
    default:
      return { along: [1, 0], up: [0, 1], corner: [x, y], width: w, height: h };
  }
}

/**
 * A black box and its code in white, squeezed to fit, upright as the reader sees the page: on
 * an unturned page on the text's baseline, on a turned one centred in the box.
 */
function boxOperators(font: PDFFont, key: PDFName, box: TextBox, label: string, turn: QuarterTurn = 0): PDFOperator[] {
  const frame = labelFrame(box, turn);
  // The original text's size and baseline hold for text along the page's own x axis only.
  const fontSize = turn === 0 ? box.fontSize : undefined;
  const widthAtOne = font.widthOfTextAtSize(label, 1);
  let size = Math.max(2, Math.min(fontSize ?? frame.height * 0.7, frame.height * 0.95));
  let squeeze = Math.min(100, ((frame.width * 0.96) / (widthAtOne * size)) * 100);
  if (squeeze < MIN_SQUEEZE) {
    size = Math.max(2, (frame.width * 0.96) / (widthAtOne * (MIN_SQUEEZE / 100)));
    squeeze = MIN_SQUEEZE;
  }
  const textWidth = widthAtOne * size * (squeeze / 100);
  // Offsets along the label and up from the corner the reader sees bottom left.
  const ahead = Math.max(0, (frame.width - textWidth) / 2);
  const rise = (frame.height - size * 0.7) / 2;
  const [ax, ay] = frame.along;
  const [ux, uy] = frame.up;
  const x = turn === 0 ? box.x + ahead : frame.corner[0] + ahead * ax + rise * ux;
  const y = turn === 0 ? (box.baseline ?? box.y + rise) : frame.corner[1] + ahead * ay + rise * uy;
  return [
    pushGraphicsState(),
    setFillingRgbColor(0, 0, 0),
    rectangle(box.x, box.y, box.width, box.height),
    fill(),
    setFillingRgbColor(1, 1, 1),
    beginText(),
    setFontAndSize(key, size),
    setCharacterSqueeze(squeeze),
    setTextMatrix(ax, ay, ux, uy, x, y),
    showText(font.encodeText(label)),
    endText(),
    popGraphicsState(),
  ];
}
