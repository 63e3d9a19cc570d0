// Page images scanned at 600 dpi and more are read by OCR at 300-450 dpi (src/ocr/resolution.ts):
// the same words in the same places, at a quarter of the engine's pixels.
import { afterAll, describe, expect, it } from 'vitest';
import { closeOcr } from '../src/ocr/engine.js';
import { ocrReduction, reduceImage } from '../src/ocr/resolution.js';
import { runPdfPipeline } from '../src/pdf-pipeline.js';
import { jpegScan } from './ocr-scans.js';
import { HAVE_POPPLER, pdftotext } from './pdf-tools.js';

afterAll(closeOcr);

describe('ocrReduction', () => {
  it('reads pages under 600 dpi as they are, and finer ones at 300-450 dpi', () => {
    for (const dpi of [72, 150, 200, 300, 400, 599]) expect(ocrReduction(dpi)).toBe(1);
    expect(ocrReduction(600)).toBe(2);
    expect(ocrReduction(899)).toBe(2);
    expect(ocrReduction(1200)).toBe(4);
    expect(ocrReduction(Number.NaN)).toBe(1);
  });
});

describe('reduceImage', () => {
  it('averages each block of pixels into one, leaving out a partial last row and column', () => {
    // 5 x 3: blocks of 2 x 2 give 2 x 1.
    const pixels = new Uint8Array([0, 100, 200, 255, 7, 50, 150, 250, 255, 7, 9, 9, 9, 9, 9]);
    const reduced = reduceImage({ width: 5, height: 3, pixels }, 2);
    expect(reduced.width).toBe(2);
    expect(reduced.height).toBe(1);
    expect([...reduced.pixels]).toEqual([Math.round((0 + 100 + 50 + 150) / 4), Math.round((200 + 255 + 250 + 255) / 4)]);
  });

  it('gives the image itself for a factor of one', () => {
    const image = { width: 2, height: 2, pixels: new Uint8Array([1, 2, 3, 4]) };
    expect(reduceImage(image, 1)).toBe(image);
  });
});

describe.runIf(HAVE_POPPLER)('a 600 dpi scan', () => {
  const fine = jpegScan('standard14-nota.pdf', 600).then((bytes) => runPdfPipeline(bytes, 'fine.pdf'));
  const usual = jpegScan('standard14-nota.pdf', 300).then((bytes) => runPdfPipeline(bytes, 'usual.pdf'));

  it('gets the redactions the same page at 300 dpi gets, each box where that one is', async () => {
    const a = (await fine).manifest.redactions;
    const b = (await usual).manifest.redactions;
    expect(a.length).toBeGreaterThanOrEqual(3);
    expect(a.map((r) => [r.entity, r.ground])).toEqual(b.map((r) => [r.entity, r.ground]));
    const boxes = (rs: typeof a) => rs.flatMap((r) => r.boxes ?? []);
    expect(boxes(a).length).toBe(boxes(b).length);
    boxes(a).forEach((box, k) => {
      const other = boxes(b)[k] as typeof box;
      for (const side of ['x', 'y', 'width', 'height'] as const) expect(Math.abs(box[side] - other[side]), side).toBeLessThan(4);
    });
  });

  it('leaves none of the redacted values in its text layer', async () => {
    const { pdf, document } = await fine;
    const text = pdftotext(pdf).replace(/\s+/g, ' ');
    for (const a of document.applied) {
      const value = document.sourceText.slice(a.source.start, a.source.end).replace(/\s+/g, ' ').trim();
      if (value.length >= 4) expect(text).not.toContain(value);
    }
    expect(text).toContain('[5.1.2e]');
  });
});
