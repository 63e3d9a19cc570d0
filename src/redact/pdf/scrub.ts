import { PDFArray, PDFDict, PDFHexString, PDFName, PDFString, type PDFContext, type PDFDocument, type PDFObject } from 'pdf-lib';
import { dictOf, nameText, reachableRefs, resolve } from '../../pdf/objects.js';
import type { Box } from './select.js';

/** What scrubbing removed, for the manifest (counts, never content). */
export interface ScrubReport {
  readonly code: string;
  readonly message: string;
}

function overlaps(rect: number[], box: Box): boolean {
  const [x0 = 0, y0 = 0, x1 = 0, y1 = 0] = rect;
  return Math.min(x0, x1) < box.x + box.width && Math.max(x0, x1) > box.x && Math.min(y0, y1) < box.y + box.height && Math.max(y0, y1) > box.y;
}

// pdf-lib keeps one PDFName per name: keys compare by identity (decoding a name's text each time
// was most of reading a tagged PDF's structure tree, thousands of elements).
const PARENT = PDFName.of('Parent');
const P = PDFName.of('P');

/** Every string reachable from an object, decoded: to check what an annotation or outline says. */
function strings(context: PDFContext, obj: PDFObject | undefined, out: string[], seen = new Set<PDFObject>(), depth = 0): string[] {
  const o = resolve(context, obj);
  // Names and numbers (most of a structure tree's entries) hold no text: not worth remembering.
  const isString = o instanceof PDFString || o instanceof PDFHexString;
  if (!(isString || o instanceof PDFArray || o instanceof PDFDict) || seen.has(o) || depth > 20) return out;
  seen.add(o);
  if (isString) out.push(o.decodeText());
  else if (o instanceof PDFArray) for (const x of o.asArray()) strings(context, x, out, seen, depth + 1);
  else for (const [k, v] of o.entries()) if (k !== PARENT && k !== P) strings(context, v, out, seen, depth + 1);
  return out;
}

/** What scrubbing looks for: the redacted values whole, and the parts of names that name someone on their own. */
export interface Quoted {
  readonly values: readonly string[];
  /** Matched as whole words (namePartsOf): "Johanna" in "Reactie Johanna", not "jan" in "januari". */
  readonly nameParts: readonly string[];
}

function mentions(texts: readonly string[], quoted: Quoted): boolean {
  const hay = texts.join('\n').toLowerCase().replace(/\s+/g, ' ');
  if (quoted.values.some((v) => v.length >= 3 && hay.includes(v.toLowerCase().replace(/\s+/g, ' ')))) return true;
  return quoted.nameParts.some((part) => {
    const p = part.toLowerCase();
    for (let at = hay.indexOf(p); at >= 0; at = hay.indexOf(p, at + 1)) {
      if (!/[\p{L}\p{N}]/u.test(hay[at - 1] ?? ' ') && !/[\p{L}\p{N}]/u.test(hay[at + p.length] ?? ' ')) return true;
    }
    return false;
  });
}

/**
 * Removes every other place the redacted text can hide: document metadata (Info, XMP), page
 * annotations over a box or quoting a value, form fields, outlines, embedded files, JavaScript,
 * thumbnails and private application data. Returns what was removed.
 */
export function scrubDocument(pdf: PDFDocument, boxes: readonly Box[], values: Quoted): ScrubReport[] {
  const context = pdf.context;
  const report: ScrubReport[] = [];
  const catalog = pdf.catalog;

  // Metadata: a fresh Info with only a producer; XMP goes.
  const info = context.obj({ Producer: PDFString.of('woo-redact') });
  context.trailerInfo.Info = context.register(info);
  for (const key of ['Metadata', 'PieceInfo', 'SpiderInfo']) catalog.delete(PDFName.of(key));

  // JavaScript, embedded files, actions that run on open.
  const names = dictOf(context, catalog.get(PDFName.of('Names')));
  if (names) {
    for (const key of ['EmbeddedFiles', 'JavaScript']) {
      if (names.has(PDFName.of(key))) {
        names.delete(PDFName.of(key));
        report.push({ code: key === 'JavaScript' ? 'PDF_JAVASCRIPT_REMOVED' : 'PDF_ATTACHMENTS_REMOVED', message: key === 'JavaScript' ? 'document JavaScript was removed' : 'embedded files (attachments) were removed; publish them separately after their own assessment' });
      }
    }
  }
  // Associated files (PDF 2.0 /AF) point at the same embedded files.
  if (catalog.has(PDFName.of('AF'))) {
    catalog.delete(PDFName.of('AF'));
    if (!report.some((r) => r.code === 'PDF_ATTACHMENTS_REMOVED')) report.push({ code: 'PDF_ATTACHMENTS_REMOVED', message: 'embedded files (attachments) were removed; publish them separately after their own assessment' });
  }
  for (const key of ['OpenAction', 'AA', 'Collection']) catalog.delete(PDFName.of(key));

  // Form fields: their values and appearances can hold anything; they go (with their widgets).
  if (catalog.has(PDFName.of('AcroForm'))) {
    catalog.delete(PDFName.of('AcroForm'));
    report.push({ code: 'PDF_FORM_REMOVED', message: 'form fields were removed (their values cannot be verified)' });
  }

  const destinations = scrubNamedDestinations(context, pdf.catalog, values);
  if (destinations > 0) report.push({ code: 'PDF_DESTINATIONS_REMOVED', message: `${destinations} named destination(s) whose names quoted redacted text were removed; links to them point at their pages directly` });

  // Outlines and page labels quoting a redacted value.
  for (const key of ['Outlines', 'PageLabels', 'StructTreeRoot']) {
    const obj = catalog.get(PDFName.of(key));
    if (obj && mentions(strings(context, obj, []), values)) {
      catalog.delete(PDFName.of(key));
      if (key === 'StructTreeRoot') catalog.delete(PDFName.of('MarkInfo'));
      report.push({ code: `PDF_${key.toUpperCase()}_REMOVED`, message: `${key} quoted redacted text and were removed` });
    }
  }

  let annotations = 0;
  pdf.getPages().forEach((page, index) => {
    const node = page.node;
    for (const key of ['Thumb', 'PieceInfo', 'Metadata', 'AF']) node.delete(PDFName.of(key));
    const annots = resolve(context, node.get(PDFName.of('Annots')));
    if (!(annots instanceof PDFArray)) return;
    const kept: PDFObject[] = [];
    for (const a of annots.asArray()) {
      const d = dictOf(context, a);
      if (!d) continue;
      const subtype = resolve(context, d.get(PDFName.of('Subtype')));
      const rect = resolve(context, d.get(PDFName.of('Rect')));
      const r = rect instanceof PDFArray ? rect.asArray().map((x) => Number((resolve(context, x) as { asNumber?: () => number })?.asNumber?.() ?? 0)) : [];
      const isLink = subtype instanceof PDFName && nameText(subtype) === 'Link';
      const overBox = boxes.some((b) => b.page === index + 1 && overlaps(r, b));
      const quotes = mentions(strings(context, a, []), values);
      // Links keep working unless they touch a redaction; every other annotation goes.
      if (isLink && !overBox && !quotes) kept.push(a);
      else annotations++;
    }
    if (kept.length > 0) node.set(PDFName.of('Annots'), context.obj(kept));
    else node.delete(PDFName.of('Annots'));
  });
  if (annotations > 0) report.push({ code: 'PDF_ANNOTATIONS_REMOVED', message: `${annotations} annotation(s) were removed (comments, form widgets, or links over a redaction)` });
  return report;
}

const text = (o: PDFObject | undefined): string | undefined => (o instanceof PDFString || o instanceof PDFHexString ? o.decodeText() : o instanceof PDFName ? nameText(o) : undefined);

/** The name tree's (key, value) pairs in order, its kids walked (a cycle or a deep tree is cut off). */
function nameTreePairs(context: PDFContext, node: PDFDict, out: [PDFObject, PDFObject][] = [], seen = new Set<PDFDict>(), depth = 0): [PDFObject, PDFObject][] {
  if (seen.has(node) || depth > 32) return out;
  seen.add(node);
  const names = resolve(context, node.get(PDFName.of('Names')));
  if (names instanceof PDFArray) {
    const items = names.asArray();
    for (let k = 0; k + 1 < items.length; k += 2) out.push([resolve(context, items[k]) as PDFObject, items[k + 1] as PDFObject]);
  }
  const kids = resolve(context, node.get(PDFName.of('Kids')));
  if (kids instanceof PDFArray) for (const kid of kids.asArray()) {
    const d = dictOf(context, kid);
    if (d) nameTreePairs(context, d, out, seen, depth + 1);
  }
  return out;
}

/**
 * Named destinations whose names quote a redacted value (producers name them after headings and
 * bookmarks): each goes, and every link, bookmark or action that jumped to it by name jumps to
 * its place directly. The name tree is written anew as one node: its /Limits held the old names.
 */
function scrubNamedDestinations(context: PDFContext, catalog: PDFDict, quoted: Quoted): number {
  const dropped = new Map<string, PDFObject>();
  const explicit = (v: PDFObject): PDFObject => {
    const d = resolve(context, v);
    return d instanceof PDFDict ? (d.get(PDFName.of('D')) ?? context.obj([])) : v;
  };
  const names = dictOf(context, catalog.get(PDFName.of('Names')));
  const tree = names && dictOf(context, names.get(PDFName.of('Dests')));
  if (names && tree) {
    const pairs = nameTreePairs(context, tree);
    const kept = pairs.filter(([key, value]) => {
      const name = text(key);
      if (name === undefined || !mentions([name], quoted)) return true;
      dropped.set(name, explicit(value));
      return false;
    });
    if (kept.length < pairs.length) names.set(PDFName.of('Dests'), context.register(context.obj({ Names: kept.flat() })));
  }
  const old = dictOf(context, catalog.get(PDFName.of('Dests')));
  if (old) {
    for (const [key, value] of old.entries()) {
      const name = nameText(key);
      if (!mentions([name], quoted)) continue;
      dropped.set(name, explicit(value));
      old.delete(key);
    }
  }
  if (dropped.size === 0) return 0;
  // /Dest of bookmarks and links, /D of GoTo actions: a name (a string, or a name for /Dests).
  const seen = new Set<PDFObject>();
  const point = (o: PDFObject | undefined, depth: number) => {
    if (!(o instanceof PDFDict || o instanceof PDFArray) || seen.has(o) || depth > 20) return;
    seen.add(o);
    if (o instanceof PDFArray) {
      for (const x of o.asArray()) point(x, depth + 1);
      return;
    }
    for (const [k, v] of o.entries()) {
      const name = (nameText(k) === 'Dest' || nameText(k) === 'D') && text(v);
      const target = name ? dropped.get(name) : undefined;
      if (target) o.set(k, target);
      else point(v, depth + 1);
    }
  };
  for (const [, obj] of context.enumerateIndirectObjects()) point(obj, 0);
  return dropped.size;
}

/**
 * Deletes every object not reachable from the trailer (Root, Info): old revisions, replaced
 * streams and copied-over forms would otherwise be written out by pdf-lib's save. Pages outside
 * the page tree go too, with what only they use; a reference left to one reads as null.
 */
export function sweepUnreachable(pdf: PDFDocument): number {
  const context = pdf.context;
  const reachable = reachableRefs(context, new Set(pdf.getPages().map((p) => p.ref)));
  let removed = 0;
  for (const [ref] of context.enumerateIndirectObjects()) {
    if (!reachable.has(ref)) {
      context.delete(ref);
      removed++;
    }
  }
  return removed;
}
