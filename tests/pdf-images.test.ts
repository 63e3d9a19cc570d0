import { readFileSync } from 'node:fs';
import { deflateSync } from 'node:zlib';
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

// Inline images as other producers write them: mutool clean spells out the default /D [0 1],
// woo-redact's own output (and some converters) chain /F [/AHx /Fl], a negative scan has /D [1 0].
describe('inline images in the shapes producers write', () => {
  const w = 250;
  const h = 110;
  async function inlineImagePdf(header: string, data: Buffer): Promise<Uint8Array> {
    const doc = await PDFDocument.create();
    const page = doc.addPage([595, 842]);
    const ctx = doc.context;
    page.node.setFontDictionary(PDFName.of('F1'), ctx.register(ctx.obj({ Type: 'Font', Subtype: 'Type1', BaseFont: 'Helvetica', Encoding: 'WinAnsiEncoding' })));
    const head = Buffer.from(`q 500 0 0 220 40 600 cm\nBI /W ${w} /H ${h} ${header} ID `, 'latin1');
    const tail = Buffer.from("\nEI\nQ\nBT /F1 11 Tf 16 TL 60 780 Td (Contactpersoon) Tj (Marieke Zwanenburg) ' (T 06 44 29 81 50) ' (Turfmarkt 147) ' ET\n", 'latin1');
    page.node.set(PDFName.of('Contents'), ctx.register(ctx.stream(Buffer.concat([head, data, tail]))));
    return doc.save();
  }
  // Light stripes the page shows (after /Decode): 200-249 across each row.
  const shown = Buffer.alloc(w * h);
  for (let i = 0; i < shown.length; i++) shown[i] = 200 + ((i % w) % 50);
  const inverted = Buffer.from(shown.map((v) => 255 - v));
  const cases: [string, string, Buffer][] = [
    ['the default /D [0 1]', '/BPC 8 /CS /G /D [0 1] /F /Fl', deflateSync(shown)],
    ['an inverting /D [1 0]', '/BPC 8 /CS /G /D [1 0] /F /Fl', deflateSync(inverted)],
    ['/F [/AHx /Fl]', '/BPC 8 /CS /G /F [/AHx /Fl]', Buffer.from(`${deflateSync(shown).toString('hex')}>`, 'latin1')],
    ['/F /AHx alone', '/BPC 8 /CS /G /F /AHx', Buffer.from(`${shown.toString('hex')}>`, 'latin1')],
  ];
  it.runIf(HAVE_POPPLER).each(cases)('%s: pixels under the boxes destroyed, the rest shown as before', async (_, header, data) => {
    const input = await inlineImagePdf(header, data);
    const { pdf, manifest } = await runPdfPipeline(input, 'inline.pdf');
    expect(manifest.warnings.map((x) => x.code)).toContain('PDF_IMAGE_PIXELS_DESTROYED');
    const boxes = manifest.redactions.flatMap((r) => r.boxes ?? []);
    expect(boxes.length).toBeGreaterThan(0);
    const before = renderGray(input, 1, 72);
    const after = renderGray(await withoutBoxes(pdf), 1, 72);
    const inBox = (x: number, y: number) => boxes.some((b) => x >= b.x - 1 && x <= b.x + b.width + 1 && 842 - y >= b.y - 1 && 842 - y <= b.y + b.height + 1);
    let compared = 0;
    // Inside the image (x 40-540, y from the top 22-242), below the text (62-110 from the top).
    for (let y = 125; y < 235; y += 3) {
      for (let x = 45; x < 535; x += 3) {
        if (inBox(x, y)) continue;
        expect(Math.abs((after.pixels[y * after.width + x] as number) - (before.pixels[y * before.width + x] as number))).toBeLessThanOrEqual(40);
        compared++;
      }
    }
    expect(compared).toBeGreaterThan(4000);
    for (const box of boxes) {
      const values = new Set<number>();
      for (let y = Math.ceil(842 - box.y - box.height) + 2; y < Math.floor(842 - box.y) - 2; y++) {
        for (let x = Math.ceil(box.x) + 2; x < Math.floor(box.x + box.width) - 2; x++) values.add(after.pixels[y * after.width + x] as number);
      }
      expect(Math.max(...values) - Math.min(...values)).toBeLessThanOrEqual(12);
    }
  });

  it('refuses a /Decode it cannot bake into the samples, saying so', async () => {
    const input = await inlineImagePdf('/BPC 8 /CS /G /D [0.2 0.8] /F /Fl', deflateSync(shown));
    await expect(runPdfPipeline(input, 'inline.pdf')).rejects.toMatchObject({ code: 'PDF_IMAGE_UNDER_REDACTION', message: expect.stringMatching(/Decode range/) });
  });
});
