import { execFileSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { PDFDict, PDFDocument, PDFName, PDFString, StandardFonts } from 'pdf-lib';
import { afterAll, describe, expect, it } from 'vitest';
import { isUnreadableText } from '../src/ingest/unreadable-text.js';
import { runPdfPipeline } from '../src/pdf-pipeline.js';
import { HAVE_POPPLER, HAVE_QPDF, pdftotext, qpdfUncompressed } from './pdf-tools.js';

// The same document as other tools write it (found by a sweep of the fixtures through qpdf,
// mutool and poppler): each variant must be redacted as the original is, not refused.
const fixtures = new URL('../fixtures/pdf/', import.meta.url);
const expectations: Record<string, { gone: string[]; kept: string[] }> = JSON.parse(readFileSync(new URL('expectations.json', fixtures), 'utf8'));
const dir = mkdtempSync(join(tmpdir(), 'woo-producers-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

function qpdf(bytes: Uint8Array, args: string[]): Uint8Array {
  const input = join(dir, 'in.pdf');
  const output = join(dir, 'out.pdf');
  writeFileSync(input, bytes);
  execFileSync('qpdf', [...args, input, output]);
  return new Uint8Array(readFileSync(output));
}

async function redactedCount(bytes: Uint8Array): Promise<number> {
  return (await runPdfPipeline(bytes, 'x.pdf', { ocr: false })).manifest.redactions.length;
}

const NOTA = 'standard14-nota.pdf';
const original = new Uint8Array(readFileSync(new URL(NOTA, fixtures)));
const gone = expectations[NOTA]?.gone ?? [];

describe.runIf(HAVE_QPDF && HAVE_POPPLER)('variants of a nota made by qpdf', () => {
  it('the fixture has values to redact', () => {
    expect(gone.length).toBeGreaterThan(1);
  });

  it.each([
    ['linearized, object streams, owner password (AES-256)', ['--linearize', '--object-streams=generate', '--encrypt', '', 'owner', '256', '--']],
    ['linearized, object streams, owner password (AES-128)', ['--linearize', '--object-streams=generate', '--encrypt', '', 'owner', '128', '--use-aes=y', '--']],
    ['linearized, object streams', ['--linearize', '--object-streams=generate']],
    ['QDF: uncompressed, indirect stream lengths', ['--qdf', '--object-streams=disable']],
  ])('%s: redacted as the original, the values gone', async (_, args) => {
    const variant = qpdf(original, args);
    const { pdf, manifest } = await runPdfPipeline(variant, 'x.pdf', { ocr: false });
    expect(manifest.redactions.length).toBe(await redactedCount(original));
    const text = pdftotext(pdf);
    for (const value of gone) expect(text).not.toContain(value);
  });
});

/** A nota whose text has the word "stream" in it, as QDF writes it: plain text, indirect /Length. */
async function streamWordsNota(): Promise<Uint8Array> {
  const doc = await PDFDocument.create();
  const page = doc.addPage([595, 842]);
  const font = await doc.embedFont(StandardFonts.Helvetica);
  const lines = ['Nota over de livestream van het debat (mainstream media, octet-stream bijlagen)', 'Contactpersoon', 'Marieke Zwanenburg', 'T 06 44 29 81 50', 'Turfmarkt 147'];
  lines.forEach((line, k) => page.drawText(line, { x: 60, y: 780 - 16 * k, size: 11, font }));
  return doc.save({ useObjectStreams: false });
}

describe.runIf(HAVE_QPDF && HAVE_POPPLER)('streams whose /Length is indirect', () => {
  it('ends a plain stream containing the word "stream" at its own end, as other readers do', async () => {
    const base = await streamWordsNota();
    const variant = qpdf(base, ['--qdf', '--object-streams=disable']);
    // The shape under test: uncompressed content with the word, the length an indirect object.
    const raw = Buffer.from(variant).toString('latin1');
    expect(raw).toMatch(/\/Length \d+ 0 R/);
    expect(raw).toContain('octet-stream');
    const { pdf, manifest } = await runPdfPipeline(variant, 'x.pdf', { ocr: false });
    expect(manifest.redactions.length).toBe(await redactedCount(base));
    const text = pdftotext(pdf);
    expect(text).not.toContain('Zwanenburg');
    expect(text).not.toContain('44 29 81 50');
    expect(text).toContain('octet-stream');
    expect(text).toContain('Turfmarkt 147');
  });

  it('uses the indirect length where the data itself holds "endstream endobj"', async () => {
    // Hand-made: a page whose content has the keywords in a comment, its length object after it.
    const content = "% endstream endobj\nBT /F1 11 Tf 16 TL 60 780 Td (Contactpersoon) Tj (Marieke Zwanenburg) ' (T 06 44 29 81 50) ' (Turfmarkt 147) ' ET\n";
    const objects = [
      '<< /Type /Catalog /Pages 2 0 R >>',
      '<< /Type /Pages /Kids [3 0 R] /Count 1 >>',
      '<< /Type /Page /Parent 2 0 R /MediaBox [0 0 595 842] /Resources << /Font << /F1 5 0 R >> >> /Contents 4 0 R >>',
      `<< /Length 6 0 R >>\nstream\n${content}\nendstream`,
      '<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica /Encoding /WinAnsiEncoding >>',
      String(content.length + 1),
    ];
    let file = '%PDF-1.4\n';
    const offsets: number[] = [];
    objects.forEach((body, k) => {
      offsets.push(file.length);
      file += `${k + 1} 0 obj\n${body}\nendobj\n`;
    });
    const xref = file.length;
    file += `xref\n0 ${objects.length + 1}\n0000000000 65535 f \n${offsets.map((o) => `${String(o).padStart(10, '0')} 00000 n \n`).join('')}`;
    file += `trailer\n<< /Size ${objects.length + 1} /Root 1 0 R >>\nstartxref\n${xref}\n%%EOF\n`;
    const bytes = new Uint8Array(Buffer.from(file, 'latin1'));
    // Other readers see the whole page.
    expect(pdftotext(bytes)).toContain('Zwanenburg');
    const { pdf, manifest } = await runPdfPipeline(bytes, 'x.pdf', { ocr: false });
    expect(manifest.redactions.length).toBeGreaterThanOrEqual(2);
    const text = pdftotext(pdf);
    expect(text).not.toContain('Zwanenburg');
    expect(text).not.toContain('44 29 81 50');
    expect(text).toContain('Turfmarkt 147');
  });
});

describe.runIf(HAVE_POPPLER)('a trailer /Encrypt that names no object', () => {
  it('is read as no encryption (as pdf.js, poppler and qpdf read it), not refused', async () => {
    const raw = Buffer.from(original).toString('latin1');
    expect(raw).not.toContain('/Encrypt');
    const dangling = new Uint8Array(Buffer.from(raw.replace(/trailer\s*<</, (m) => `${m}\n/Encrypt 9999 0 R`), 'latin1'));
    expect(Buffer.from(dangling).toString('latin1')).toContain('/Encrypt 9999 0 R');
    const { pdf, manifest } = await runPdfPipeline(dangling, 'x.pdf', { ocr: false });
    expect(manifest.redactions.length).toBe(await redactedCount(original));
    expect(Buffer.from(pdf).toString('latin1')).not.toContain('/Encrypt');
    for (const value of gone) expect(pdftotext(pdf)).not.toContain(value);
  });
});

describe.runIf(HAVE_QPDF && HAVE_POPPLER)('pages outside the page tree', () => {
  it('are dropped with what only they use, not refused as a leak (pdfunite leaves them behind named destinations)', async () => {
    const doc = await PDFDocument.create();
    const font = await doc.embedFont(StandardFonts.Helvetica);
    const page = doc.addPage([595, 842]);
    ['Contactpersoon', 'Marieke Zwanenburg', 'm.zwanenburg@minbzk.nl', 'Turfmarkt 147'].forEach((line, k) => page.drawText(line, { x: 60, y: 780 - 16 * k, size: 11, font }));
    // An old copy of the page: not in /Pages, reachable only through a named destination, with
    // the same values in its content and in a link's mailto.
    const old = doc.addPage([595, 842]);
    ['Marieke Zwanenburg', 'm.zwanenburg@minbzk.nl'].forEach((line, k) => old.drawText(line, { x: 60, y: 780 - 16 * k, size: 11, font }));
    const ctx = doc.context;
    old.node.set(PDFName.of('Annots'), ctx.obj([ctx.obj({ Type: 'Annot', Subtype: 'Link', Rect: [60, 760, 300, 790], A: { S: 'URI', URI: PDFString.of('mailto:m.zwanenburg@minbzk.nl') } })]));
    const oldRef = old.ref;
    doc.removePage(1);
    doc.catalog.set(PDFName.of('Dests'), ctx.obj({ contact: [oldRef, PDFName.of('Fit')] }));
    const bytes = await doc.save({ useObjectStreams: false });
    expect(Buffer.from(bytes).toString('latin1')).toContain('mailto:m.zwanenburg@minbzk.nl');
    expect(doc.getPageCount()).toBe(1);

    const { pdf, manifest } = await runPdfPipeline(bytes, 'x.pdf', { ocr: false });
    expect(manifest.redactions.length).toBeGreaterThanOrEqual(2);
    const raw = qpdfUncompressed(pdf);
    expect(raw).not.toContain('zwanenburg');
    expect(raw).not.toContain('Zwanenburg');
    expect(pdftotext(pdf)).toContain('Turfmarkt 147');
  });
});

describe('a text layer that reads as no letters', () => {
  /** A nota in Helvetica with a ToUnicode map of the given range (for unreadable text: to no letters). */
  async function garbledNota(lines: string[], cmapRange: string): Promise<Uint8Array> {
    const doc = await PDFDocument.create();
    const ctx = doc.context;
    const cmap = `/CIDInit /ProcSet findresource begin 12 dict begin begincmap /CMapName /Garbled def 1 begincodespacerange <00> <FF> endcodespacerange 1 beginbfrange ${cmapRange} endbfrange endcmap CMapName currentdict /CMap defineresource pop end end`;
    const font = ctx.register(ctx.obj({ Type: 'Font', Subtype: 'Type1', BaseFont: 'Helvetica', Encoding: 'WinAnsiEncoding', ToUnicode: ctx.register(ctx.stream(cmap)) }));
    const plain = ctx.register(ctx.obj({ Type: 'Font', Subtype: 'Type1', BaseFont: 'Helvetica', Encoding: 'WinAnsiEncoding' }));
    const page = doc.addPage([595, 842]);
    page.node.setFontDictionary(PDFName.of('F1'), font);
    page.node.setFontDictionary(PDFName.of('F2'), plain);
    const shown = lines.map((l) => `(${l}) '`).join(' ');
    page.node.set(PDFName.of('Contents'), ctx.register(ctx.stream(`BT /F1 11 Tf 16 TL 60 780 Td ${shown} ET BT /F2 11 Tf 60 600 Td (Turfmarkt 147) Tj ET`)));
    return doc.save();
  }

  it('is refused with the page, not published with the names it shows', async () => {
    // Every code to the private use area (U+E000 on), as a subset font that lost its map reads.
    const bytes = await garbledNota(['Contactpersoon', 'Marieke Zwanenburg', 'T 06 44 29 81 50'], '<20> <7E> <E000>');
    await expect(runPdfPipeline(bytes, 'x.pdf', { ocr: false })).rejects.toMatchObject({ code: 'PDF_TEXT_UNREADABLE', message: expect.stringMatching(/page\(s\) 1 cannot be read/) });
  });

  it('is refused where its font maps every code to nothing, with OCR on and a readable page before it', async () => {
    // A subset Type0 font whose ToUnicode map was lost: its glyphs read as no text at all, and the
    // page was taken for a scan without images (PDF_NO_TEXT alone; beside a readable page, its
    // names went out unfound).
    const garbled = await PDFDocument.load(readFileSync(new URL('../fixtures/pdf/type0-accents.pdf', import.meta.url)), { updateMetadata: false });
    for (const [, obj] of garbled.context.enumerateIndirectObjects()) {
      if (obj instanceof PDFDict && String(obj.get(PDFName.of('Subtype'))) === '/Type0') obj.delete(PDFName.of('ToUnicode'));
    }
    await expect(runPdfPipeline(await garbled.save(), 'x.pdf')).rejects.toMatchObject({ code: 'PDF_TEXT_UNREADABLE', message: expect.stringMatching(/page\(s\) 1 cannot be read/) });
    const doc = await PDFDocument.load(readFileSync(new URL('../fixtures/pdf/standard14-nota.pdf', import.meta.url)), { updateMetadata: false });
    const [copied] = await doc.copyPages(garbled, [0]);
    doc.addPage(copied);
    await expect(runPdfPipeline(await doc.save(), 'x.pdf')).rejects.toMatchObject({ code: 'PDF_TEXT_UNREADABLE', message: expect.stringMatching(new RegExp(`page\\(s\\) ${doc.getPageCount()} cannot be read`)) });
  });

  it('a few unmapped symbols beside readable text are no reason to refuse', async () => {
    // The garbled font shows only "* * *" (as a bullet font in the private use area would).
    const bytes = await garbledNota(['* * *'], '<20> <7E> <E000>');
    const doc = await PDFDocument.load(bytes);
    const page = doc.getPage(0);
    const font = await doc.embedFont(StandardFonts.Helvetica);
    ['Contactpersoon', 'Marieke Zwanenburg', 'T 06 44 29 81 50'].forEach((line, k) => page.drawText(line, { x: 60, y: 700 - 16 * k, size: 11, font }));
    const { manifest } = await runPdfPipeline(await doc.save(), 'x.pdf', { ocr: false });
    expect(manifest.redactions.length).toBeGreaterThanOrEqual(2);
  });
});

describe('isUnreadableText', () => {
  it.each([
    ['U+FFFD throughout (a Type 3 font without names)', '\ufffd'.repeat(40), true],
    ['control codes (a subset font read without its map)', Array.from({ length: 40 }, (_, k) => String.fromCharCode(1 + (k % 30))).join(''), true],
    ['mostly unreadable, some digits', `${'\ufffd'.repeat(30)} 2024 12`, true],
    ['readable Dutch', 'Contactpersoon Marieke Zwanenburg T 06 44 29 81 50', false],
    ['a few symbols only', '\ue000\ue001\ue002 \ue003', false],
    ['a third unreadable', `${'\ufffd'.repeat(10)} Contactpersoon Zwanenburg`, false],
  ])('%s', (_, text, expected) => {
    expect(isUnreadableText(text)).toBe(expected);
  });
});

describe('text where the reader does not look (patterns, soft masks)', () => {
  /** A nota page whose resources hold a tiling pattern or a soft mask group that shows a name. */
  async function withHiddenText(kind: 'pattern' | 'smask'): Promise<Uint8Array> {
    const doc = await PDFDocument.create();
    const ctx = doc.context;
    const font = ctx.register(ctx.obj({ Type: 'Font', Subtype: 'Type1', BaseFont: 'Helvetica', Encoding: 'WinAnsiEncoding' }));
    const cell = ctx.register(
      ctx.stream('BT /F1 10 Tf 2 20 Td (Contactpersoon Anouk Brinkhorst) Tj ET', {
        ...(kind === 'pattern' ? { Type: 'Pattern', PatternType: 1, PaintType: 1, TilingType: 1, BBox: [0, 0, 300, 40], XStep: 300, YStep: 40 } : { Type: 'XObject', Subtype: 'Form', BBox: [0, 0, 300, 40], Group: { S: 'Transparency', CS: 'DeviceGray' } }),
        Resources: { Font: { F1: font } },
      }),
    );
    const page = doc.addPage([595, 842]);
    page.node.setFontDictionary(PDFName.of('F1'), font);
    const resources = page.node.Resources() as PDFDict;
    if (kind === 'pattern') resources.set(PDFName.of('Pattern'), ctx.obj({ P1: cell }));
    else resources.set(PDFName.of('ExtGState'), ctx.obj({ GS1: ctx.obj({ Type: 'ExtGState', SMask: ctx.obj({ Type: 'Mask', S: 'Luminosity', G: cell }) }) }));
    const paint = kind === 'pattern' ? '/Pattern cs /P1 scn 60 700 300 40 re f' : '/GS1 gs 0 g 60 700 300 40 re f';
    page.node.set(PDFName.of('Contents'), ctx.register(ctx.stream(`q ${paint} Q BT /F1 11 Tf 60 600 Td (Turfmarkt 147, 2511 DP Den Haag) Tj ET`)));
    return doc.save();
  }

  it.each(['pattern', 'smask'] as const)('names the page whose %s shows text in a warning, to be checked by hand', async (kind) => {
    const { manifest } = await runPdfPipeline(await withHiddenText(kind), 'x.pdf');
    const warning = manifest.warnings.find((w) => w.code === 'PDF_TEXT_NOT_READ');
    expect(warning?.message).toMatch(/^page\(s\) 1 draw text inside a pattern or a soft mask/);
    // The warning names no content.
    expect(warning?.message).not.toContain('Brinkhorst');
  });

  it('gives no such warning for a page without', async () => {
    const { manifest } = await runPdfPipeline(new Uint8Array(readFileSync(new URL('../fixtures/pdf/standard14-nota.pdf', import.meta.url))), 'x.pdf');
    expect(manifest.warnings.map((w) => w.code)).not.toContain('PDF_TEXT_NOT_READ');
  });
});
