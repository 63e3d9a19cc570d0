import { readFileSync } from 'node:fs';
import { PDFArray, PDFDocument, PDFName, PDFRawStream } from 'pdf-lib';
import { describe, expect, it } from 'vitest';
import { runPdfPipeline } from '../src/pdf-pipeline.js';
import { HAVE_POPPLER, renderGray } from './pdf-tools.js';

// Images under boxes in every codec and depth (issue 11): the pixels under each box are destroyed
// in the image itself, not only painted over, and the image keeps its colour space and depth.
const dir = new URL('../fixtures/pdf/', import.meta.url);
const expectations: Record<string, { imagePixels?: boolean }> = JSON.parse(readFileSync(new URL('expectations.json', dir), 'utf8'));
const withImages = Object.keys(expectations).filter((name) => expectations[name]?.imagePixels);
const read = (name: string) => new Uint8Array(readFileSync(new URL(name, dir)));

/** The output page without the painted boxes: they are its last content stream. */
async function withoutBoxes(pdf: Uint8Array): Promise<Uint8Array> {
  const doc = await PDFDocument.load(pdf, { updateMetadata: false });
  const page = doc.getPage(0);
  const contents = page.node.get(PDFName.of('Contents'));
  expect(contents).toBeInstanceOf(PDFArray);
  const streams = (contents as PDFArray).asArray();
  page.node.set(PDFName.of('Contents'), doc.context.obj(streams.slice(0, -1)));
  return doc.save();
}

function imagesOf(doc: PDFDocument): PDFRawStream[] {
  return [...doc.context.enumerateIndirectObjects()]
    .map(([, o]) => o)
    .filter((o): o is PDFRawStream => o instanceof PDFRawStream && String(o.dict.get(PDFName.of('Subtype'))) === '/Image');
}

it('has image fixtures of every kind the issue names', () => {
  expect(withImages).toEqual(expect.arrayContaining(['text-over-jpx-image.pdf', 'text-over-image-mask.pdf', 'text-over-4bit-predictor-image.pdf']));
});

describe.each(withImages)('%s', (name) => {
  const result = runPdfPipeline(read(name), name);

  it('says that pixels were destroyed', async () => {
    expect((await result).manifest.warnings.map((w) => w.code)).toContain('PDF_IMAGE_PIXELS_DESTROYED');
  });

  it.runIf(HAVE_POPPLER)('leaves uniform pixels under every box, boxes taken away', async () => {
    const { pdf, manifest } = await result;
    const img = renderGray(await withoutBoxes(pdf), 1, 72);
    const boxes = manifest.redactions.flatMap((r) => r.boxes ?? []);
    expect(boxes.length).toBeGreaterThan(0);
    for (const box of boxes) {
      const values = new Set<number>();
      for (let y = Math.ceil(842 - box.y - box.height) + 2; y < Math.floor(842 - box.y) - 2; y++) {
        for (let x = Math.ceil(box.x) + 2; x < Math.floor(box.x + box.width) - 2; x++) values.add(img.pixels[y * img.width + x] as number);
      }
      const spread = Math.max(...values) - Math.min(...values);
      expect(spread, `pixels under a box of ${name}`).toBeLessThanOrEqual(12);
    }
    // The input rendered the same way does show the image's stripes there.
    const before = renderGray(read(name), 1, 72);
    const box = boxes[0] as { x: number; y: number; width: number; height: number };
    const values = new Set<number>();
    for (let y = Math.ceil(842 - box.y - box.height) + 2; y < Math.floor(842 - box.y) - 2; y++) {
      for (let x = Math.ceil(box.x) + 2; x < Math.floor(box.x + box.width) - 2; x++) values.add(before.pixels[y * before.width + x] as number);
    }
    expect(Math.max(...values) - Math.min(...values)).toBeGreaterThan(40);
  });
});

describe('rewritten images keep what they were', () => {
  const cases: [string, (dict: PDFRawStream['dict']) => void][] = [
    ['text-over-indexed-image.pdf', (d) => expect(String((d.get(PDFName.of('ColorSpace')) as PDFArray | undefined)?.get(0))).toBe('/Indexed')],
    ['text-over-4bit-predictor-image.pdf', (d) => {
      expect(String(d.get(PDFName.of('BitsPerComponent')))).toBe('4');
      expect(String(d.get(PDFName.of('Decode')))).toBe('[ 1 0 ]');
    }],
    ['text-over-image-mask.pdf', (d) => expect(String(d.get(PDFName.of('ImageMask')))).toBe('true')],
    ['text-over-jpx-image.pdf', (d) => {
      expect(String(d.get(PDFName.of('Filter')))).toBe('/FlateDecode');
      expect(String(d.get(PDFName.of('ColorSpace')))).toBe('/DeviceGray');
    }],
  ];
  it.each(cases)('%s', async (name, check) => {
    const { pdf } = await runPdfPipeline(read(name), name);
    const images = imagesOf(await PDFDocument.load(pdf, { updateMetadata: false }));
    expect(images).toHaveLength(1);
    check((images[0] as PDFRawStream).dict);
  });
});
