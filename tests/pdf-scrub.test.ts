// Places outside the page's text that quote a redacted name, whole or in part: bookmarks, an
// image's alternative text in the structure tree, named destinations (and what jumps to them).
import { PDFArray, PDFDict, PDFDocument, PDFHexString, PDFName, PDFRef, PDFString, StandardFonts, type PDFObject } from 'pdf-lib';
import { describe, expect, it } from 'vitest';
import { runPdfPipeline } from '../src/pdf-pipeline.js';
import { namePartsOf } from '../src/verify/identifying.js';

/** Every string in the file's objects, decoded (what any reader of its structure can get at). */
function allStrings(doc: PDFDocument): string[] {
  const out: string[] = [];
  const seen = new Set<PDFObject>();
  const walk = (o: PDFObject | undefined) => {
    if (o === undefined || seen.has(o)) return;
    seen.add(o);
    if (o instanceof PDFString || o instanceof PDFHexString) out.push(o.decodeText());
    else if (o instanceof PDFArray) o.asArray().forEach(walk);
    else if (o instanceof PDFDict) for (const [, v] of o.entries()) walk(v);
  };
  for (const [, obj] of doc.context.enumerateIndirectObjects()) walk(obj);
  return out;
}

async function notaWithNavigation(): Promise<Uint8Array> {
  const doc = await PDFDocument.create();
  const font = await doc.embedFont(StandardFonts.Helvetica);
  const page = doc.addPage([595, 842]);
  const lines = ['Ministerie van Binnenlandse Zaken', 'Contactpersoon', 'mr. drs. Johanna Pietersen', 'T 06-12345678', 'johanna.pietersen@minbzk.nl', '', 'nota', '1. Aanleiding', 'De minister vraagt om een reactie op het rapport.'];
  lines.forEach((line, k) => page.drawText(line, { x: 60, y: 780 - 16 * k, size: 10, font }));
  const ctx = doc.context;
  const pageRef = page.ref;
  // Named destinations, one named after the contact (as producers name them after bookmarks).
  const dests = ctx.obj({ Names: [PDFString.of('Contactpersoon Johanna'), ctx.obj([pageRef, 'XYZ', 0, 760, 0]), PDFString.of('inleiding'), ctx.obj([pageRef, 'XYZ', 0, 660, 0])] });
  doc.catalog.set(PDFName.of('Names'), ctx.obj({ Dests: ctx.register(dests) }));
  // A bookmark with the surname only, jumping to the contact by name.
  const outlines = ctx.nextRef();
  const item = ctx.register(ctx.obj({ Title: PDFString.of('Reactie mevrouw Pietersen'), Parent: outlines, Dest: PDFString.of('Contactpersoon Johanna') }));
  ctx.assign(outlines, ctx.obj({ Type: 'Outlines', First: item, Last: item, Count: 1 }));
  doc.catalog.set(PDFName.of('Outlines'), outlines);
  // A link at the foot of the page, far from any box, to the same destination by name.
  const link = ctx.register(ctx.obj({ Type: 'Annot', Subtype: 'Link', Rect: [60, 40, 200, 60], Border: [0, 0, 0], A: ctx.obj({ S: 'GoTo', D: PDFString.of('Contactpersoon Johanna') }) }));
  page.node.set(PDFName.of('Annots'), ctx.obj([link]));
  // A tagged signature image's alternative text with the given name only.
  const root = ctx.nextRef();
  const figure = ctx.register(ctx.obj({ Type: 'StructElem', S: 'Figure', P: root, Alt: PDFString.of('Handtekening Johanna'), Pg: pageRef }));
  ctx.assign(root, ctx.obj({ Type: 'StructTreeRoot', K: [figure] }));
  doc.catalog.set(PDFName.of('StructTreeRoot'), root);
  return doc.save();
}

describe('namePartsOf', () => {
  it('gives the words of a name that name someone on their own, not titles, particles or initials', () => {
    expect(namePartsOf('mr. drs. Johanna Pietersen', 'person')).toEqual(['Johanna', 'Pietersen']);
    expect(namePartsOf('J. van der Berg-Vos', 'person')).toEqual(['Berg-Vos']);
    expect(namePartsOf('johanna.pietersen@minbzk.nl', 'email')).toEqual([]);
  });
});

describe('a nota whose bookmarks, structure tree and named destinations quote part of a redacted name', () => {
  const result = notaWithNavigation().then((bytes) => runPdfPipeline(bytes, 'nota.pdf'));

  it('keeps none of the name in any string of the file', async () => {
    const { pdf, manifest } = await result;
    expect(manifest.redactions.some((r) => r.entity === 'person')).toBe(true);
    const strings = allStrings(await PDFDocument.load(pdf, { updateMetadata: false })).join('\n').toLowerCase();
    expect(strings).not.toContain('johanna');
    expect(strings).not.toContain('pietersen');
    expect(manifest.warnings.map((w) => w.code)).toEqual(expect.arrayContaining(['PDF_DESTINATIONS_REMOVED', 'PDF_OUTLINES_REMOVED', 'PDF_STRUCTTREEROOT_REMOVED']));
  });

  it('keeps the link working: it jumps to the same place, now given directly; other destinations stay', async () => {
    const out = await PDFDocument.load((await result).pdf, { updateMetadata: false });
    const page = out.getPage(0);
    const annots = out.context.lookup(page.node.get(PDFName.of('Annots'))) as PDFArray;
    expect(annots.size()).toBe(1);
    const action = out.context.lookup((out.context.lookup(annots.get(0)) as PDFDict).get(PDFName.of('A'))) as PDFDict;
    const dest = out.context.lookup(action.get(PDFName.of('D'))) as PDFArray;
    expect(dest).toBeInstanceOf(PDFArray);
    expect(dest.get(0)).toBeInstanceOf(PDFRef);
    expect((dest.get(0) as PDFRef).toString()).toBe(page.ref.toString());
    expect(dest.asArray().slice(1).map(String)).toEqual(['/XYZ', '0', '760', '0']);
    const names = out.context.lookup(out.catalog.get(PDFName.of('Names'))) as PDFDict;
    const tree = out.context.lookup(names.get(PDFName.of('Dests'))) as PDFDict;
    const kept = (out.context.lookup(tree.get(PDFName.of('Names'))) as PDFArray).asArray().filter((x) => x instanceof PDFString || x instanceof PDFHexString);
    expect(kept.map((k) => (k as PDFString).decodeText())).toEqual(['inleiding']);
  });
});
