import { type PDFDocument, type PDFFont, rgb, StandardFonts } from 'pdf-lib';
import type { TextBox } from './select.js';

/**
 * Paints each redaction as a black box with its code in white: legible in the box, and in the text
 * layer where the text was, so extraction and screen readers meet "[5.1.2e]".
 */
export async function paintBoxes(pdf: PDFDocument, boxes: readonly { box: TextBox; label: string }[]): Promise<void> {
  if (boxes.length === 0) return;
  const font: PDFFont = await pdf.embedFont(StandardFonts.Helvetica);
  for (const { box, label } of boxes) {
    const page = pdf.getPage(box.page - 1);
    page.drawRectangle({ x: box.x, y: box.y, width: box.width, height: box.height, color: rgb(0, 0, 0) });
    const widthAtOne = font.widthOfTextAtSize(label, 1);
    const fit = (box.width * 0.95) / widthAtOne;
    const size = Math.max(2, Math.min(box.fontSize ?? box.height * 0.7, box.height * 0.9, fit));
    const textWidth = widthAtOne * size;
    page.drawText(label, {
      x: box.x + Math.max(0, (box.width - textWidth) / 2),
      // On the original baseline where there is one, so extractors read the code in line.
      y: box.baseline ?? box.y + (box.height - size * 0.7) / 2,
      size,
      font,
      color: rgb(1, 1, 1),
    });
  }
}
