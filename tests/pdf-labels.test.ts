import { degrees, PDFDocument } from 'pdf-lib';
import { describe, expect, it } from 'vitest';
import { withPdfJsDocument } from '../src/pdf/pdfjs.js';
import { paintBoxes } from '../src/redact/pdf/paint.js';
import type { TextBox } from '../src/redact/pdf/select.js';

/** The label's direction as the reader sees the page (degrees, 0 = left to right) and its origin in user space. */
async function labelAsSeen(pdf: Uint8Array, label: string): Promise<{ angle: number; origin: [number, number] }> {
  return withPdfJsDocument(pdf, async (doc, lib) => {
    const page = await doc.getPage(1);
    const viewport = page.getViewport({ scale: 1 });
    const content = await page.getTextContent();
    const item = content.items.find((i) => 'str' in i && i.str.includes(label));
    if (!item || !('transform' in item)) throw new Error('no label in the text');
    // Device space (the reader's view: y down) = viewport transform x text transform.
    const [a, b] = lib.Util.transform(viewport.transform, item.transform) as number[];
    return { angle: Math.round((Math.atan2(b as number, a as number) * 180) / Math.PI) + 0, origin: [item.transform[4] as number, item.transform[5] as number] };
  });
}

describe('box labels on turned pages', () => {
  // A box around a word the reader sees on one line: on a page turned by a quarter, that line runs
  // along the page's y axis in user space (a tall box).
  const boxFor = (turn: number): TextBox => (turn % 180 === 0 ? { page: 1, x: 100, y: 300, width: 120, height: 14 } : { page: 1, x: 300, y: 100, width: 14, height: 120 });

  for (const turn of [0, 90, 180, 270]) {
    it(`draws the code upright as the reader sees a page with /Rotate ${turn}, inside its box`, async () => {
      const doc = await PDFDocument.create();
      const page = doc.addPage([600, 800]);
      page.setRotation(degrees(turn));
      const box = boxFor(turn);
      await paintBoxes(doc, [{ box, label: '[5.1.2e]' }]);
      const seen = await labelAsSeen(await doc.save(), '5.1.2e');
      expect(seen.angle).toBe(0);
      expect(seen.origin[0]).toBeGreaterThanOrEqual(box.x);
      expect(seen.origin[0]).toBeLessThanOrEqual(box.x + box.width);
      expect(seen.origin[1]).toBeGreaterThanOrEqual(box.y);
      expect(seen.origin[1]).toBeLessThanOrEqual(box.y + box.height);
    });
  }

  it('keeps the baseline and size of the text on an unturned page', async () => {
    const doc = await PDFDocument.create();
    doc.addPage([600, 800]);
    await paintBoxes(doc, [{ box: { page: 1, x: 100, y: 297, width: 120, height: 14, baseline: 300, fontSize: 11 }, label: '[5.1.2e]' }]);
    const seen = await labelAsSeen(await doc.save(), '5.1.2e');
    expect(seen.angle).toBe(0);
    expect(seen.origin[1]).toBeCloseTo(300, 5);
  });
});
