// Scans without a text layer: read by the built-in OCR, redacted in their pixels, verified, and
// written with an invisible text layer. Few, small pages (150 dpi): OCR costs about a second a page.
import { execFileSync } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { deflateSync, inflateSync } from 'node:zlib';
import { beginText, endText, moveText, PDFDocument, PDFName, PDFRawStream, setFontAndSize, setTextRenderingMode, showText, StandardFonts, TextRenderingMode } from 'pdf-lib';
import { afterAll, describe, expect, it } from 'vitest';
import { parseCliArgs } from '../src/cli/args.js';
import { ConfigSchema } from '../src/config/config.js';
import { closeOcr } from '../src/ocr/engine.js';
import { runPdfPipeline } from '../src/pdf-pipeline.js';
import type { ImagePlacement } from '../src/pdf/interpret.js';
import { imagePixelRects } from '../src/redact/pdf/images.js';
import { decodeRaster, destroyRects } from '../src/redact/pdf/raster.js';
import { extractWithPdfJs } from '../src/verify/pdf.js';
import { findScanSurvivors } from '../src/verify/scan.js';
import { bilevelScan, blankSheet, doubledScan, faintPage, greyScan, inlineScan, jpegScan, jpegScanOf, mixedDocument, paletteScan, rotatedBilevelScan, stencilScan, stripScan, tiledScan, turnedScan } from './ocr-scans.js';
import { HAVE_POPPLER, HAVE_QPDF, HAVE_TESSERACT, ocrPage, ocrTurnedPage, pdftotext, qpdfUncompressed } from './pdf-tools.js';

const expectations: Record<string, { gone: string[]; kept: string[] }> = JSON.parse(readFileSync(new URL('../fixtures/pdf/expectations.json', import.meta.url), 'utf8'));
const oneLine = (s: string) => s.replace(/\s+/g, ' ');
// OCR reads "ı" as "i" and may drop the spaces of a phone number: the redacted values are looked
// for in those forms too.
const forms = (value: string) => [...new Set([value, value.replace(/ı/g, 'i'), value.replace(/\s+/g, '')])];

if (process.env.CI && !HAVE_POPPLER) throw new Error('CI must have poppler-utils installed (see .ci/run)');

afterAll(closeOcr);

const scans = HAVE_POPPLER
  ? [
      { name: 'JPEG scan, portrait', source: 'standard14-nota.pdf', make: () => jpegScan('standard14-nota.pdf') },
      { name: '1-bit Flate scan drawn sideways, page turned by /Rotate', source: 'type0-accents.pdf', make: () => rotatedBilevelScan('type0-accents.pdf') },
      { name: 'stencil mask scan (/ImageMask)', source: 'type0-accents.pdf', make: () => stencilScan('type0-accents.pdf') },
      // LZW, as CCITT, is decoded by pdf.js only, which gives stencil masks without their object:
      // refused as PDF_IMAGE_UNDER_REDACTION before.
      { name: 'LZW stencil mask scan', source: 'type0-accents.pdf', make: () => stencilScan('type0-accents.pdf', 150, 'lzw') },
      // Read through the palette's greys by our own decoders (pdf.js's page rendering before: for a
      // sparse page with an OCR layer of its own that was 90 MB more peak RSS just to count its lines).
      { name: '8-bit palette (/Indexed) scan', source: 'type0-accents.pdf', make: () => paletteScan('type0-accents.pdf') },
      // Refused as PDF_NO_TEXT before (OCR read XObjects only), its message saying OCR read nothing.
      { name: 'grey scan drawn as an inline image (BI ... EI)', source: 'standard14-nota.pdf', make: () => inlineScan('standard14-nota.pdf') },
      // 24 strips of 73 rows (a line of text is about 25): seams cut through lines. Read strip by
      // strip, OCR garbled the lines on the seams and a name there went undetected and readable.
      { name: 'grey scan in 24 strips, one under the other (as Cairo writes pages)', source: 'standard14-nota.pdf', make: () => stripScan('standard14-nota.pdf', 24) },
    ]
  : [];

describe.each(scans)('$name', ({ source, make }) => {
  const { gone, kept } = expectations[source] as { gone: string[]; kept: string[] };
  const input = make();
  // Kept values include a review item (the organisation's address): review items kept here; redacted by default (tests/review.test.ts).
  const result = input.then((bytes) => runPdfPipeline(bytes, 'scan.pdf', { policy: { reviewedAs: 'keep' } }));

  it('is read by OCR, not refused: every redaction has boxes on the page', async () => {
    const { manifest } = await result;
    expect(manifest.warnings.map((w) => w.code)).toEqual(expect.arrayContaining(['PDF_OCR', 'PDF_IMAGE_PIXELS_DESTROYED']));
    expect(manifest.redactions.length).toBeGreaterThanOrEqual(3);
    for (const r of manifest.redactions) {
      expect(r.page).toBe(1);
      expect(r.boxes?.length ?? 0).toBeGreaterThan(0);
    }
  });

  it('boxes each value by its lines and words, not letter by letter (text up or down a turned page too)', async () => {
    const { document } = await result;
    expect(document.applied.length).toBeGreaterThan(0);
    for (const a of document.applied) {
      const value = document.sourceText.slice(a.source.start, a.source.end).trim();
      expect(a.boxes?.length ?? 0).toBeGreaterThan(0);
      expect(a.boxes?.length ?? 0, `a value of ${value.length} characters`).toBeLessThanOrEqual(value.split(/\s+/).length);
    }
  });

  it('has a searchable invisible text layer of the kept text, without the redacted values', async () => {
    const { pdf } = await result;
    for (const text of [oneLine(pdftotext(pdf)), oneLine(await extractWithPdfJs(pdf))]) {
      for (const value of gone) for (const form of forms(value)) expect(text, value).not.toContain(form);
      for (const value of kept.filter((k) => k.length <= 30)) expect(text, value).toContain(value);
      expect(text).toContain('[5.1.2e]');
    }
    // The OCR text is invisible (render mode 3): nothing is drawn over the scan but the boxes.
    const raw = HAVE_QPDF ? qpdfUncompressed(pdf) : '';
    if (HAVE_QPDF) expect(raw).toMatch(/\b3 Tr\b/);
  });

  it('leaves nothing of the redacted values readable to OCR of the rendered output (Tesseract CLI)', async () => {
    if (!HAVE_TESSERACT) return;
    const text = oneLine(ocrPage((await result).pdf, 1));
    // The re-read sees the scan: kept words are there, so the reading worked.
    expect(text).toContain('Contactpersoon');
    for (const value of gone) for (const form of forms(value)) expect(text, value).not.toContain(form);
  });

  it('verification fails on the unredacted scan with the same boxes (pixels not uniform, OCR reads the value)', async () => {
    const { manifest, document } = await result;
    const checks = manifest.redactions.map((r, id) => ({ id, value: document.sourceText.slice(r.start, r.end), boxes: r.boxes ?? [] }));
    expect(await findScanSurvivors(await input, new Set([0]), checks, 'nld')).toEqual(checks.map((c) => c.id));
    expect(await findScanSurvivors((await result).pdf, new Set([0]), checks, 'nld')).toEqual([]);
  });

  it('verification\'s second OCR of the boxed regions catches the leak by itself (pixel check off)', async () => {
    const { manifest, document } = await result;
    const checks = manifest.redactions.map((r, id) => ({ id, value: document.sourceText.slice(r.start, r.end), boxes: r.boxes ?? [] }));
    const ocrOnly = { pixels: false, ocr: true };
    // OCR reads words of the values again in the unredacted regions: not of every value (a short
    // one, a phone number, a sideways 1-bit scan may be misread; 2 of 4 here), which is why the
    // pixels are checked too. With the OCR check off nothing would be read.
    const read = await findScanSurvivors(await input, new Set([0]), checks, 'nld', ocrOnly);
    expect(read.length).toBeGreaterThanOrEqual(Math.min(2, checks.length));
    expect(await findScanSurvivors(await input, new Set([0]), checks, 'nld', { pixels: false, ocr: false })).toEqual([]);
    expect(await findScanSurvivors((await result).pdf, new Set([0]), checks, 'nld', ocrOnly)).toEqual([]);
    // And the pixel check alone catches every one.
    expect(await findScanSurvivors(await input, new Set([0]), checks, 'nld', { pixels: true, ocr: false })).toEqual(checks.map((c) => c.id));
  });

  it('is refused as PDF_NO_TEXT with OCR off', async () => {
    await expect(runPdfPipeline(await input, 'scan.pdf', { ocr: false })).rejects.toMatchObject({ code: 'PDF_NO_TEXT' });
  });
});

describe.runIf(HAVE_POPPLER)('a JPEG scan decoded once (OCR keeps its samples for the redaction)', () => {
  const imageOf = async (bytes: Uint8Array) => {
    const pdf = await PDFDocument.load(bytes, { updateMetadata: false });
    const found = pdf.context.enumerateIndirectObjects().map(([, o]) => o).filter((o): o is PDFRawStream => o instanceof PDFRawStream && String(o.dict.get(PDFName.of('Subtype'))) === '/Image');
    expect(found).toHaveLength(1);
    return { pdf, stream: found[0] as PDFRawStream };
  };

  it('writes exactly the scan\'s decoded samples with those under the boxes destroyed', async () => {
    const input = await jpegScan('standard14-nota.pdf');
    const { manifest, pdf } = await runPdfPipeline(input, 'scan.pdf', { policy: { reviewedAs: 'keep' } });
    const source = await imageOf(input);
    expect(String(source.stream.dict.get(PDFName.of('Filter')))).toBe('/DCTDecode');
    // Decoded as OCR decodes it (libjpeg-turbo where sharp is installed): the samples it kept.
    const expected = await decodeRaster(source.pdf.context, source.stream, 'image', { nativeJpeg: true });
    // The image fills the page (jpegScan): its placement's corners are the page's.
    const placement = { pageIndex: 0, quad: [0, 0, 595, 0, 595, 842, 0, 842] } as unknown as ImagePlacement;
    const boxes = manifest.redactions.flatMap((r) => r.boxes ?? []).map((b) => ({ ...b, label: '' }));
    expect(boxes.length).toBeGreaterThan(0);
    destroyRects(expected, imagePixelRects(placement, boxes as never, expected.width, expected.height));
    const written = await imageOf(pdf);
    expect(String(written.stream.dict.get(PDFName.of('Filter')))).toBe('/FlateDecode');
    const samples = new Uint8Array(inflateSync(written.stream.contents));
    expect(samples.length).toBe(expected.samples.length);
    expect(Buffer.from(samples).equals(Buffer.from(expected.samples))).toBe(true);
  });

  it('verification reads a page image written as the redaction writes it (Flate, streamed by rows): the unredacted samples there fail', async () => {
    const input = await jpegScan('standard14-nota.pdf');
    const { manifest, document, pdf } = await runPdfPipeline(input, 'scan.pdf', { policy: { reviewedAs: 'keep' } });
    const checks = manifest.redactions.map((r, id) => ({ id, value: document.sourceText.slice(r.start, r.end), boxes: r.boxes ?? [] }));
    // The scan's own samples, unredacted, in the form the redaction writes (8-bit, Flate).
    const source = await imageOf(input);
    const raster = await decodeRaster(source.pdf.context, source.stream);
    const ref = source.pdf.context.getObjectRef(source.stream);
    if (!ref) throw new Error('the image has no reference');
    source.pdf.context.assign(ref, source.pdf.context.flateStream(raster.samples, { Type: 'XObject', Subtype: 'Image', Width: raster.width, Height: raster.height, ColorSpace: raster.components === 1 ? 'DeviceGray' : 'DeviceRGB', BitsPerComponent: 8 }));
    const leaking = await source.pdf.save();
    expect(String((await imageOf(leaking)).stream.dict.get(PDFName.of('Filter')))).toBe('/FlateDecode');
    expect(await findScanSurvivors(leaking, new Set([0]), checks, 'nld')).toEqual(checks.map((c) => c.id));
    expect(await findScanSurvivors(pdf, new Set([0]), checks, 'nld')).toEqual([]);
  });
});

describe.runIf(HAVE_POPPLER)('faint print and blank sheets', () => {
  const faint = faintPage('standard14-nota.pdf', 150, 200);
  const { gone } = expectations['standard14-nota.pdf'] as { gone: string[] };

  it('a scan of faint grey print (ink no darker than 200 on white) is read by OCR and redacted', async () => {
    const { manifest, pdf } = await runPdfPipeline(await greyScan([faint]), 'faint.pdf', { policy: { reviewedAs: 'keep' } });
    const codes = manifest.warnings.map((w) => w.code);
    expect(codes).toContain('PDF_OCR');
    expect(codes).not.toContain('PDF_OCR_BLANK');
    expect(manifest.redactions.length).toBeGreaterThanOrEqual(3);
    const text = oneLine(pdftotext(pdf));
    for (const value of gone) for (const form of forms(value)) expect(text, value).not.toContain(form);
  });

  it('a blank sheet (noise, dust, a shadow along its edge) is not read; the manifest names its page', async () => {
    const { manifest } = await runPdfPipeline(await greyScan([faint, { width: faint.width, height: faint.height, grey: blankSheet(faint.width, faint.height) }]), 'two.pdf', { policy: { reviewedAs: 'keep' } });
    const blank = manifest.warnings.filter((w) => w.code === 'PDF_OCR_BLANK');
    expect(blank).toHaveLength(1);
    expect(blank[0]?.message).toMatch(/^page\(s\) 2 without a text layer/);
    expect(manifest.warnings.find((w) => w.code === 'PDF_OCR')?.message).toMatch(/^1 page\(s\)/);
    expect(manifest.redactions.every((r) => r.page === 1)).toBe(true);
  });

  it('a scan whose only page is blank is refused as without text, not written', async () => {
    const sheet = { width: faint.width, height: faint.height, grey: blankSheet(faint.width, faint.height) };
    await expect(runPdfPipeline(await greyScan([sheet]), 'blank.pdf')).rejects.toMatchObject({ code: 'PDF_NO_TEXT' });
  });
});

describe.runIf(HAVE_POPPLER)('a mixed document (page 1 with text, page 2 a scan)', () => {
  const input = mixedDocument('type0-accents.pdf', 'standard14-nota.pdf');
  const result = input.then((bytes) => runPdfPipeline(bytes, 'mixed.pdf'));

  it('OCRs only the page without text, and redacts both', async () => {
    const { manifest } = await result;
    expect(manifest.warnings.find((w) => w.code === 'PDF_OCR')?.message).toMatch(/^1 page\(s\)/);
    const pages = new Set(manifest.redactions.map((r) => r.page));
    expect(pages).toEqual(new Set([1, 2]));
    const text = oneLine(pdftotext((await result).pdf));
    for (const value of [...expectations['type0-accents.pdf']!.gone, ...expectations['standard14-nota.pdf']!.gone]) for (const form of forms(value)) expect(text, value).not.toContain(form);
    expect(text).toContain('Minister Faber stemt in.');
    expect(text).toContain('Contactpersoon');
  });

  it('keeps page 1 a born-digital page: its text is not duplicated by an OCR layer', async () => {
    const text = pdftotext((await result).pdf).split('\f')[0] as string;
    expect(text.match(/Contactpersoon/g)).toHaveLength(1);
    expect(text.match(/Minister Faber/g)).toHaveLength(1);
  });
});

/** The JPEG scan with a document number stamped on it as real text (as a DMS stamps scans). */
async function stampedScan(): Promise<Uint8Array> {
  const doc = await PDFDocument.load(await jpegScan('standard14-nota.pdf'));
  const font = await doc.embedFont(StandardFonts.Helvetica);
  doc.getPage(0).drawText('Documentnummer 2024-0042 | Pagina 1 van 1', { x: 300, y: 20, size: 8, font });
  return doc.save();
}

describe.runIf(HAVE_POPPLER)('a scan with a stamp of text on it', () => {
  const { gone } = expectations['standard14-nota.pdf'] as { gone: string[] };
  const input = stampedScan();
  const result = input.then((bytes) => runPdfPipeline(bytes, 'stamped.pdf'));

  it('the input has text (the stamp) and the names in its pixels only', async () => {
    const text = oneLine(pdftotext(await input));
    expect(text).toContain('Documentnummer 2024-0042');
    for (const value of gone) expect(text).not.toContain(value);
  });

  it('is read by OCR as a scan, its stamp kept beside what OCR reads', async () => {
    const { pdf, manifest } = await result;
    expect(manifest.warnings.find((w) => w.code === 'PDF_OCR')?.message).toMatch(/1 of them scans with only a stamp's text/);
    expect(manifest.redactions.length).toBeGreaterThanOrEqual(3);
    const text = oneLine(pdftotext(pdf));
    expect(text).toContain('Documentnummer 2024-0042');
    expect(text).toContain('Contactpersoon');
    for (const value of gone) for (const form of forms(value)) expect(text, value).not.toContain(form);
  });

  it.runIf(HAVE_TESSERACT)('leaves nothing of the names readable to OCR of the rendered output', async () => {
    const text = oneLine(ocrPage((await result).pdf, 1));
    expect(text).toContain('Contactpersoon');
    for (const value of gone) for (const form of forms(value)) expect(text, value).not.toContain(form);
  });

  it('an invisible OCR layer of one line over a scan of a full page is not trusted: the page is read again', async () => {
    // An OCR tool that read one line and gave up: every name of the page is in its pixels only.
    const doc = await PDFDocument.load(await jpegScan('standard14-nota.pdf'));
    const font = await doc.embedFont(StandardFonts.Helvetica);
    const page = doc.getPage(0);
    page.pushOperators(beginText(), setFontAndSize(page.node.newFontDictionary('Ocr', font.ref), 8), setTextRenderingMode(TextRenderingMode.Invisible), moveText(300, 20), showText(font.encodeText('Documentnummer 2024-0042')), endText());
    const { manifest, pdf } = await runPdfPipeline(await doc.save(), 'ocr-layer.pdf');
    expect(manifest.warnings.find((w) => w.code === 'PDF_OCR')?.message).toMatch(/1 of them scans whose own OCR layer holds far fewer lines than they show/);
    expect(manifest.redactions.length).toBeGreaterThanOrEqual(3);
    const text = oneLine(pdftotext(pdf));
    expect(text).toContain('Documentnummer 2024-0042');
    for (const value of gone) for (const form of forms(value)) expect(text, value).not.toContain(form);
    if (HAVE_TESSERACT) {
      const read = oneLine(ocrPage(pdf, 1));
      expect(read).toContain('Contactpersoon');
      for (const value of gone) for (const form of forms(value)) expect(read, value).not.toContain(form);
    }
  });

  it('an invisible OCR layer that holds the few lines its scan shows is trusted (not read again)', async () => {
    const lines = ['Ministerie van Voorbeeldzaken', 'Bijlage bij de nota van 8 juni 2026', 'Pagina 2 van 2'];
    const sheet = await PDFDocument.create();
    const font = await sheet.embedFont(StandardFonts.Helvetica);
    const drawn = sheet.addPage([595, 842]);
    lines.forEach((line, k) => drawn.drawText(line, { x: 72, y: 760 - 20 * k, size: 11, font }));
    const doc = await PDFDocument.load(await jpegScanOf(await sheet.save()));
    const layerFont = await doc.embedFont(StandardFonts.Helvetica);
    const page = doc.getPage(0);
    page.pushOperators(beginText(), setFontAndSize(page.node.newFontDictionary('Ocr', layerFont.ref), 11), setTextRenderingMode(TextRenderingMode.Invisible));
    lines.forEach((line, k) => page.pushOperators(moveText(k === 0 ? 72 : 0, k === 0 ? 760 : -20), showText(layerFont.encodeText(line))));
    page.pushOperators(endText());
    const { manifest } = await runPdfPipeline(await doc.save(), 'ocr-layer.pdf');
    expect(manifest.warnings.map((w) => w.code)).not.toContain('PDF_OCR');
  });

  it('with OCR off it is redacted as text, with a warning naming the page not read', async () => {
    const { manifest } = await runPdfPipeline(await input, 'stamped.pdf', { ocr: false });
    expect(manifest.warnings.find((w) => w.code === 'PDF_PAGES_NOT_READ')?.message).toMatch(/^page\(s\) 1 show images with little or no text/);
  });
});

// Sheets fed the wrong way round: neither the placement nor /Rotate says the page is turned, OCR
// of it as placed reads garbage (and found no name at all before the turn was tried).
const turned = HAVE_POPPLER
  ? [
      { name: 'upside down', turn: 180 as const, back: 180 as const },
      { name: 'sideways', turn: 90 as const, back: 270 as const },
    ]
  : [];

describe.each(turned)('a grey scan fed $name, placed upright', ({ turn, back }) => {
  const { gone, kept } = expectations['standard14-nota.pdf'] as { gone: string[]; kept: string[] };
  const input = turnedScan('standard14-nota.pdf', turn);
  const result = input.then((bytes) => runPdfPipeline(bytes, 'turned.pdf', { policy: { reviewedAs: 'keep' } }));

  it('is read turned upright, says so, and redacts the names', async () => {
    const { manifest } = await result;
    expect(manifest.warnings.find((w) => w.code === 'PDF_OCR_TURNED')?.message).toMatch(/^page\(s\) 1 were scanned upside down or sideways/);
    expect(manifest.warnings.map((w) => w.code)).not.toContain('PDF_OCR_POOR');
    expect(manifest.redactions.length).toBeGreaterThanOrEqual(3);
    const { document } = await result;
    for (const value of gone) expect(document.sourceText).toContain(value);
  });

  it('has a text layer without the redacted values, and the kept words', async () => {
    const text = oneLine(pdftotext((await result).pdf));
    for (const value of gone) for (const form of forms(value)) expect(text, value).not.toContain(form);
    for (const value of kept.filter((k) => k.length <= 30)) expect(text, value).toContain(value);
  });

  it.runIf(HAVE_TESSERACT)('leaves nothing of the names readable to OCR of the rendered output turned back', async () => {
    const text = oneLine(ocrTurnedPage((await result).pdf, 1, back));
    expect(text).toContain('Contactpersoon');
    for (const value of gone) for (const form of forms(value)) expect(text, value).not.toContain(form);
  });
});

// Page images drawn in pieces, seams through a name, its phone number and a line of the body
// text (standard14-nota at 150 dpi). Read piece by piece, OCR cut those words and the phone
// number and two names stayed readable in the output's pixels.
const pieces = HAVE_POPPLER
  ? [
      { name: '2 x 2 tiles drawn row by row', make: () => tiledScan('standard14-nota.pdf', 2, 2, 'top-down', { seams: { x: [260], y: [354] } }) },
      { name: '2 x 2 tiles drawn from the bottom row up', make: () => tiledScan('standard14-nota.pdf', 2, 2, 'bottom-up', { seams: { x: [260], y: [354] } }) },
      { name: '20 bands drawn from the bottom up', make: () => tiledScan('standard14-nota.pdf', 1, 20, 'bottom-up') },
    ]
  : [];

describe.each(pieces)('a grey scan drawn as $name', ({ make }) => {
  const { gone } = expectations['standard14-nota.pdf'] as { gone: string[] };
  const result = make().then((bytes) => runPdfPipeline(bytes, 'pieces.pdf', { policy: { reviewedAs: 'keep' } }));

  it('is read as one image: every value found, nothing readable in the text layer', async () => {
    const { manifest, pdf, document } = await result;
    expect(manifest.warnings.map((w) => w.code)).toContain('PDF_OCR');
    expect(manifest.warnings.map((w) => w.code)).not.toContain('PDF_OCR_TURNED');
    for (const value of gone) expect(oneLine(document.sourceText)).toContain(value);
    const text = oneLine(pdftotext(pdf));
    for (const value of gone) for (const form of forms(value)) expect(text, value).not.toContain(form);
  });

  it.runIf(HAVE_TESSERACT)('leaves nothing of the values readable to OCR of the rendered output', async () => {
    const text = oneLine(ocrPage((await result).pdf, 1));
    expect(text).toContain('Contactpersoon');
    for (const value of gone) for (const form of forms(value)) expect(text, value).not.toContain(form);
  });
});

describe.runIf(HAVE_POPPLER)('scans read as placed', () => {
  it('an upright scan is read once, not turned', async () => {
    const { manifest } = await runPdfPipeline(await jpegScan('type0-accents.pdf'), 'scan.pdf');
    expect(manifest.warnings.map((w) => w.code)).toContain('PDF_OCR');
    expect(manifest.warnings.map((w) => w.code)).not.toContain('PDF_OCR_TURNED');
  });

  it('an inline scan beside an image only pdf.js decodes (a one-bit logo) is read through pdf.js, the inline image from the content stream', async () => {
    const doc = await PDFDocument.load(await inlineScan('standard14-nota.pdf'));
    const ctx = doc.context;
    const logo = ctx.register(ctx.stream(deflateSync(Buffer.alloc(13 * 100, 0x55)), { Type: 'XObject', Subtype: 'Image', Width: 100, Height: 100, BitsPerComponent: 1, ColorSpace: 'DeviceGray', Filter: 'FlateDecode' }));
    const page = doc.getPage(0);
    page.node.setXObject(PDFName.of('Logo'), logo);
    const contents = ctx.register(ctx.stream('q 120 0 0 120 460 700 cm /Logo Do Q'));
    page.node.addContentStream(contents);
    const { manifest, pdf } = await runPdfPipeline(await doc.save(), 'scan.pdf', { policy: { reviewedAs: 'keep' } });
    expect(manifest.warnings.map((w) => w.code)).toContain('PDF_OCR');
    const { gone } = expectations['standard14-nota.pdf'] as { gone: string[] };
    expect(manifest.redactions.length).toBeGreaterThanOrEqual(3);
    const text = oneLine(pdftotext(pdf));
    expect(text).toContain('Contactpersoon');
    for (const value of gone) for (const form of forms(value)) expect(text, value).not.toContain(form);
  });

  it('a page image drawn twice at one place is read once: its words once in the text layer, each redaction boxed once', async () => {
    const once = await runPdfPipeline(await jpegScan('type0-accents.pdf'), 'scan.pdf');
    const twice = await runPdfPipeline(await doubledScan('type0-accents.pdf'), 'scan.pdf');
    expect(twice.manifest.redactions.map((r) => [r.entity, r.boxes?.length])).toEqual(once.manifest.redactions.map((r) => [r.entity, r.boxes?.length]));
    // pdf.js gives every copy of a word (pdftotext folds overlapping copies into one).
    const words = async (pdf: Uint8Array) => oneLine(await extractWithPdfJs(pdf)).split(' ').filter((w) => w === 'Contactpersoon').length;
    expect(await words(twice.pdf)).toBe(1);
  });
});

// A one-bit scan at 200 dpi: OCR reads the phone number's leading 0 as 6 ("T 66 44 29 81 50"),
// which no Dutch number is; Tesseract's CLI read "06 44 29 81 50" in the output.
describe.runIf(HAVE_POPPLER)('a one-bit scan whose phone number OCR misreads', () => {
  const { gone } = expectations['libreoffice-nota.pdf'] as { gone: string[] };
  const result = bilevelScan('libreoffice-nota.pdf', 200).then((bytes) => runPdfPipeline(bytes, 'bilevel.pdf'));

  it('leaves none of the values readable in the text layer or to OCR of the rendered output', async () => {
    const { pdf } = await result;
    const text = oneLine(pdftotext(pdf));
    for (const value of gone) for (const form of forms(value)) expect(text, value).not.toContain(form);
    if (!HAVE_TESSERACT) return;
    const read = oneLine(ocrPage(pdf, 1));
    expect(read).toContain('Contactpersoon');
    for (const value of gone) for (const form of forms(value)) expect(read, value).not.toContain(form);
  });
});

// A scan OCR cannot read with confidence: dotted rules through every line, at 100 dpi. Detection
// found two of its values; OCR read the names too, but as "Marieke.Zwanenburg.", which no
// recognizer takes for a name, and they were published.
describe.runIf(HAVE_POPPLER)('a page OCR is unsure of in every orientation', () => {
  const { gone } = expectations['text-over-1bit-image.pdf'] as { gone: string[] };
  const input = jpegScan('text-over-1bit-image.pdf', 100);
  const result = input.then((bytes) => runPdfPipeline(bytes, 'ruled.pdf'));

  it('is named, and all OCR read on it is withheld for review (redacted by default)', async () => {
    const { manifest, pdf } = await result;
    expect(manifest.warnings.find((w) => w.code === 'PDF_OCR_POOR')?.message).toMatch(/^OCR was unsure of what it read on page\(s\) 1 in every orientation/);
    const unsure = manifest.review.filter((r) => r.detector === 'ocr-unsure');
    expect(unsure.length).toBeGreaterThan(0);
    for (const r of unsure) expect(r).toMatchObject({ shownAs: 'redacted', ground: '5.1.2e', entity: 'section' });
    const text = oneLine(pdftotext(pdf));
    for (const value of gone) for (const form of forms(value)) expect(text, value).not.toContain(form);
    // The whole page image is withheld with what OCR read (one box as large as the image), so
    // what OCR could not read as words at all is not published either.
    const page = await PDFDocument.load(pdf);
    const { width, height } = page.getPage(0).getSize();
    expect(unsure.some((r) => (r.boxes ?? []).some((b) => b.width >= 0.9 * width && b.height >= 0.9 * height))).toBe(true);
    if (HAVE_TESSERACT) {
      const read = oneLine(ocrPage(pdf, 1));
      for (const value of gone) for (const form of forms(value)) expect(read, value).not.toContain(form);
    }
  });

  it('kept by a reviewer, the page shows its text again but what detection found stays redacted', async () => {
    const { manifest, pdf } = await runPdfPipeline(await input, 'ruled.pdf', { policy: { reviewedAs: 'keep' } });
    expect(manifest.review.filter((r) => r.detector === 'ocr-unsure').every((r) => r.shownAs === 'kept')).toBe(true);
    const redacted = manifest.redactions.map((r) => r.entity);
    expect(redacted.length).toBeGreaterThan(0);
    expect(oneLine(pdftotext(pdf))).toContain('[5.1.2e]');
  });
});

describe('OCR settings', () => {
  it('--no-ocr and --ocr-lang parse; the config has ocr and ocrLang', () => {
    expect(parseCliArgs(['a.pdf', '--out', 'o', '--no-ocr'])).toMatchObject({ noOcr: true });
    expect(parseCliArgs(['a.pdf', '--out', 'o', '--ocr-lang', 'eng'])).toMatchObject({ noOcr: false, ocrLang: 'eng' });
    expect(ConfigSchema.parse({ ocr: false, ocrLang: 'nld' })).toMatchObject({ ocr: false, ocrLang: 'nld' });
    expect(ConfigSchema.safeParse({ ocr: 'nee' }).success).toBe(false);
  });

  it.runIf(HAVE_POPPLER)('a language whose model is not installed is a clear error, not a download', async () => {
    const error = await runPdfPipeline(await jpegScan('standard14-nota.pdf', 72), 'scan.pdf', { ocrLang: 'deu' }).catch((e: unknown) => e);
    expect(error).toMatchObject({ code: 'CONFIG_INVALID' });
    expect((error as Error).message).toContain('npm install @tesseract.js-data/deu');
  });
});

// The built package, in a process where every socket, DNS lookup and fetch throws: the OCR engine
// and its Dutch model come from node_modules, and nothing downloads.
const dist = new URL('../dist/index.js', import.meta.url).pathname;
describe.runIf(HAVE_POPPLER && existsSync(dist))('offline', () => {
  it('reads a scan with the network cut off, and writes no cache file', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'woo-offline-'));
    try {
      writeFileSync(join(dir, 'scan.pdf'), await jpegScan('standard14-nota.pdf', 100));
      writeFileSync(
        join(dir, 'no-network.mjs'),
        `import net from 'node:net'; import dns from 'node:dns'; import tls from 'node:tls';
const cut = (what) => () => { throw new Error('network used: ' + what); };
net.Socket.prototype.connect = cut('socket'); net.connect = cut('net.connect'); net.createConnection = cut('net.createConnection');
tls.connect = cut('tls.connect'); dns.lookup = cut('dns.lookup'); dns.promises.lookup = cut('dns.promises.lookup');
globalThis.fetch = cut('fetch');`,
      );
      writeFileSync(
        join(dir, 'run.mjs'),
        `import { readFileSync } from 'node:fs';
const { runPdfPipeline } = await import(${JSON.stringify(dist)});
const { manifest } = await runPdfPipeline(new Uint8Array(readFileSync('scan.pdf')), 'scan.pdf');
console.log(Date.now(), JSON.stringify(manifest.warnings.map((w) => w.code)), manifest.redactions.length);`,
      );
      // Preloaded in the main thread and (through execArgv) in every worker thread, OCR's included.
      const out = execFileSync(process.execPath, ['--import', './no-network.mjs', 'run.mjs'], { cwd: dir, encoding: 'utf8', env: { ...process.env, HTTP_PROXY: 'http://127.0.0.1:9', HTTPS_PROXY: 'http://127.0.0.1:9' } });
      // The process exits by itself once the pipeline is done: the idle OCR engine (kept 30 s for
      // the next file) does not hold it, its thread is unreferenced.
      expect(Date.now() - Number(out.trim().split(' ')[0])).toBeLessThan(10_000);
      expect(out).toContain('PDF_OCR');
      expect(Number(out.trim().split(' ').pop())).toBeGreaterThan(0);
      expect(readdirSync(dir).sort()).toEqual(['no-network.mjs', 'run.mjs', 'scan.pdf']);
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });
});

// The real scans of ../shared/data/real-pdf (not in the repository): each is redacted, verified and
// searchable. Slow (a minute or two), so opt-in: `npm run test:ocr`.
const realDir = [new URL('../../shared/data/real-pdf/', import.meta.url)].find((u) => existsSync(u));
const realScans = realDir && process.env.WOO_OCR_TESTS === '1' && HAVE_POPPLER
  ? readdirSync(realDir)
      .filter((f) => f.endsWith('.pdf'))
      .filter((f) => !/\w/.test(pdftotext(new Uint8Array(readFileSync(new URL(f, realDir))))))
  : [];
describe.runIf(realScans.length > 0)('real scans without a text layer', () => {
  it.each(realScans)('%s is redacted, verified and searchable', async (file) => {
    const bytes = new Uint8Array(readFileSync(new URL(file, realDir)));
    const { pdf, manifest } = await runPdfPipeline(bytes, file);
    expect(manifest.warnings.map((w) => w.code)).toContain('PDF_OCR');
    const before = await PDFDocument.load(bytes, { updateMetadata: false, ignoreEncryption: true });
    expect((await PDFDocument.load(pdf, { updateMetadata: false })).getPageCount()).toBe(before.getPageCount());
    // Searchable: the output has words where the input had none.
    expect(pdftotext(pdf).match(/\p{L}{3,}/gu)?.length ?? 0).toBeGreaterThanOrEqual(10);
  }, 300_000);
});
