import { readFileSync } from 'node:fs';
import { PDFDocument, PDFName } from 'pdf-lib';
import { describe, expect, it } from 'vitest';
import { flattenPageTree, PageTreeError, TooManyPagesError } from '../src/pdf/page-tree.js';
import { runPdfPipeline } from '../src/pdf-pipeline.js';

const read = (name: string) => new Uint8Array(readFileSync(new URL(`../fixtures/pdf/${name}`, import.meta.url)));

// Page trees as real files have them (issue 11): refused with the exact reason, never a
// call-stack overflow or a TypeError behind PDF_DAMAGED.
describe('odd page trees', () => {
  it('refuses a tree that contains itself, saying so', async () => {
    const error = await runPdfPipeline(read('cyclic-page-tree.pdf'), 'x.pdf').catch((e: unknown) => e);
    expect(error).toMatchObject({ code: 'PDF_DAMAGED' });
    expect((error as Error).message).toContain('cycle');
    expect((error as Error).cause).toBeUndefined();
  });

  it('reads a tree 20,000 levels deep and one whose nodes have no /Type, attributes inherited', async () => {
    for (const name of ['deep-page-tree.pdf', 'page-tree-without-types.pdf']) {
      const { manifest } = await runPdfPipeline(read(name), name);
      expect(manifest.redactions.length, name).toBeGreaterThan(0);
    }
  });

  it('flattens a tree: pages in order, inherited attributes on each page', async () => {
    const doc = await PDFDocument.create();
    const ctx = doc.context;
    const leaf = (n: number) => ctx.register(ctx.obj({ Type: 'Page', Contents: ctx.register(ctx.stream(`% page ${n}`)) }));
    const [a, b, c] = [leaf(1), leaf(2), leaf(3)];
    const inner = ctx.register(ctx.obj({ Kids: [b, c], Count: 2, Rotate: 90, MediaBox: [0, 0, 300, 400] }));
    const root = ctx.register(ctx.obj({ Type: 'Pages', Kids: [a, inner], Count: 3, MediaBox: [0, 0, 595, 842] }));
    doc.catalog.set(PDFName.of('Pages'), root);
    expect(flattenPageTree(doc, 10)).toBe(3);
    const pages = doc.getPages();
    expect(pages.map((p) => String(ctx.lookup(p.node.get(PDFName.of('Contents'))) && p.ref))).toEqual([a, b, c].map(String));
    expect(pages.map((p) => p.getRotation().angle)).toEqual([0, 90, 90]);
    expect(pages.map((p) => p.getSize().width)).toEqual([595, 300, 300]);
    expect(() => flattenPageTree(doc, 2)).toThrow(TooManyPagesError);
  });

  it('names a kid that is not a page', async () => {
    const doc = await PDFDocument.create();
    const ctx = doc.context;
    doc.catalog.set(PDFName.of('Pages'), ctx.register(ctx.obj({ Type: 'Pages', Kids: [ctx.obj(7)], Count: 1 })));
    expect(() => flattenPageTree(doc, 10)).toThrow(PageTreeError);
  });
});

// Outlook-printed mails stamp the same form XObjects on a page more than once: a glyph removed in
// one drawing of a form must be gone from every drawing (one stream), or the other drawing's copy
// (or the original) keeps the text.
describe('a form drawn twice', () => {
  it('loses a removed glyph in every drawing, on every page', async () => {
    const { PDFDocument: Doc, StandardFonts } = await import('pdf-lib');
    const { ingestPdf } = await import('../src/ingest/pdf.js');
    const { applyRemovals } = await import('../src/redact/pdf/rewrite.js');
    const { extractWithPdfJs } = await import('../src/verify/pdf.js');
    const doc = await Doc.create();
    const font = await doc.embedFont(StandardFonts.Helvetica);
    const ctx = doc.context;
    const page = doc.addPage([595, 842]);
    const form = ctx.register(
      ctx.stream('BT /F1 11 Tf 0 0 Td (Marieke Zwanenburg) Tj ET', {
        Type: 'XObject',
        Subtype: 'Form',
        BBox: [0, 0, 300, 20],
        Resources: { Font: { F1: font.ref } },
      }),
    );
    const resources = ctx.register(ctx.obj({ XObject: { Fm1: form } }));
    page.node.set(PDFName.of('Resources'), resources);
    page.node.set(PDFName.of('Contents'), ctx.register(ctx.stream('q 1 0 0 1 60 700 cm /Fm1 Do Q q 1 0 0 1 60 500 cm /Fm1 Do Q')));
    // And once on a second page, sharing the resources (a letterhead).
    const second = doc.addPage([595, 842]);
    second.node.set(PDFName.of('Resources'), resources);
    second.node.set(PDFName.of('Contents'), ctx.register(ctx.stream('q 1 0 0 1 60 700 cm /Fm1 Do Q')));
    const { layout } = await ingestPdf(await doc.save(), 'x.pdf', 10, 100, false);
    const glyphs = Array.from({ length: layout.glyphs.length }, (_, i) => layout.glyphs.get(i));
    const drawnFirst = glyphs.filter((g) => g.pageIndex === 0 && g.origin[1] > 600 && g.byteStart >= 'Marieke '.length);
    expect(drawnFirst.length).toBe('Zwanenburg'.length);
    applyRemovals(layout.pdf, layout.pageTargets, drawnFirst, new Set(), new Map(), layout.targets);
    const text = await extractWithPdfJs(await layout.pdf.save());
    expect(text).not.toContain('Zwanenburg');
    expect(text.match(/Marieke/g)).toHaveLength(3);
  });

  it('is parsed once while the document is read, and again for each rewrite after reading', async () => {
    const { FormOperations } = await import('../src/pdf/interpret.js');
    const ctx = (await PDFDocument.create()).context;
    const a = ctx.flateStream('BT /F1 11 Tf (A) Tj ET');
    const b = ctx.flateStream('BT /F1 11 Tf (B) Tj ET');
    let parses = 0;
    const source = (bytes: string) => () => {
      parses++;
      return new Uint8Array(Buffer.from(bytes, 'latin1'));
    };
    const forms = new FormOperations();
    const first = forms.get(a, source('BT (A) Tj ET'));
    expect(forms.get(a, source('BT (A) Tj ET'))).toBe(first);
    expect(forms.get(b, source('BT (B) Tj ET'))).not.toBe(first);
    expect(parses).toBe(2);
    forms.close();
    // A rewrite edits its own target's operations: nothing is shared any more.
    const again = forms.get(a, source('BT (A) Tj ET'));
    expect(again).not.toBe(first);
    expect(again).toEqual(first);
    expect(forms.get(a, source('BT (A) Tj ET'))).not.toBe(again);
    expect(FormOperations.unshared().get(a, source('BT (A) Tj ET'))).not.toBe(again);
    expect(parses).toBe(5);
  });
});
