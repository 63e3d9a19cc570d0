/**
 * PDF as a format of the pipeline frame (pipeline.ts): the same analysis as for text, then real
 * redaction of the file.
 *
 *   ingest (glyphs) -> [analysis, apply decisions: the frame]
 *     -> redact (remove glyphs, destroy pixels, paint boxes, scrub) -> save fresh
 *     -> verify (pdf.js, raw, streams) -> [leak check, manifest: the frame]
 */
import { PDFName, PDFString } from 'pdf-lib';
import type { AppliedRedaction, DecidedDocument, PageBox, RedactedDocument } from './document/document.js';
import type { Span } from './document/span.js';
import type { Diagnostic } from './document/types.js';
import { countOccurrences } from './document/value-search.js';
import { WooRedactError } from './errors.js';
import { ingestPdf, type OcrSetting, PdfError, type PdfLayout } from './ingest/pdf.js';
import { DEFAULT_OCR_LANGUAGE } from './ocr/engine.js';
import { isOcrTarget } from './ocr/read-pages.js';
import { writeOcrTextLayer } from './redact/pdf/ocr-text-layer.js';
import type { Manifest } from './manifest/schema.js';
import { type Analyse, analyzeWithPolicy, type ApplyDecisions, byPolicy, type Format, type PipelineOptions, redactWith } from './pipeline.js';
import { quadBounds } from './pdf/interpret.js';
import { releaseMemory } from './pdf/memory.js';
import { compressPendingStreams } from './pdf/objects.js';
import { destroyImagePixels, ImageRedactionError } from './redact/pdf/images.js';
import { redactInlineImages } from './redact/pdf/inline-images.js';
import { paintBoxes } from './redact/pdf/paint.js';
import { applyRemovals, RewriteError } from './redact/pdf/rewrite.js';
import { scrubDocument, sweepUnreachable } from './redact/pdf/scrub.js';
import { type Box, glyphsUnderBoxes, selectGlyphs } from './redact/pdf/select.js';
import { boxLabel } from './redact/text.js';
import { runAsync, type Step, wait } from './util/step.js';
import { findPdfSurvivors, type PdfCheckValue } from './verify/pdf.js';
import { identifiesOnItsOwn, namePartsOf } from './verify/identifying.js';
import { startScanCheck } from './verify/scan.js';

export interface PdfRedactionResult {
  /** The redacted PDF, a fresh file (no earlier revisions, no unreachable objects). */
  readonly pdf: Uint8Array;
  readonly manifest: Manifest;
  readonly document: RedactedDocument<Uint8Array>;
}

export interface PdfInput {
  readonly bytes: Uint8Array;
  readonly path?: string;
}

/**
 * The loaded file and its glyphs, held until redact has used them: verification loads the output
 * twice more (pdf.js, pdf-lib), and a long document should not be held three times over.
 */
export interface PdfSource {
  layout: PdfLayout | undefined;
  readonly bytes: Uint8Array;
  readonly ocrLang: string;
}

/** OCR of pages without text: on by default, in Dutch. */
function ocrSetting(options: PipelineOptions): OcrSetting {
  return options.ocr === false ? false : { lang: options.ocrLang ?? DEFAULT_OCR_LANGUAGE };
}

/** Per written output, the pages read by OCR and their language: verify checks their pixels too. */
const scansOf = new WeakMap<Uint8Array, { readonly pages: ReadonlySet<number>; readonly lang: string }>();

function intersects(a: Box, b: { x0: number; y0: number; x1: number; y1: number }): boolean {
  return a.x < b.x1 && a.x + a.width > b.x0 && a.y < b.y1 && a.y + a.height > b.y0;
}

export const pdfFormat: Format<PdfInput, PdfSource, Uint8Array> = {
  kind: 'pdf',
  *ingest(input, options) {
    const ocr = ocrSetting(options);
    const { doc, layout } = yield* wait(ingestPdf(input.bytes, input.path, options.maxPages, options.maxObjectDepth, ocr));
    return { document: doc, source: { layout, bytes: input.bytes, ocrLang: ocr ? ocr.lang : DEFAULT_OCR_LANGUAGE } };
  },
  *redact(ingested, doc, applied) {
    const layout = ingested.source.layout;
    if (!layout) throw new Error('a PDF layout was redacted twice');
    ingested.source.layout = undefined;
    const redacted = yield* redactLayout(layout, ingested.source.bytes, doc, applied);
    if (layout.ocrPages.length > 0) scansOf.set(redacted.output, { pages: new Set(layout.ocrPages.map((p) => p.pageIndex)), lang: ingested.source.ocrLang });
    return redacted;
  },
  *verify(doc, kept) {
    // Verify by every channel; a public official kept readable may recur as often as kept.
    const keptText = kept.map((s) => doc.sourceText.slice(s.start, s.end)).join('\n');
    const values = doc.applied.map((a) => doc.sourceText.slice(a.source.start, a.source.end));
    const checks: PdfCheckValue[] = doc.applied.flatMap((a, id) => {
      const caseSensitive = a.decision.finding.entity === 'person';
      const value = values[id] as string;
      // A name particle left alone ("Van") names nobody: its recurrence in prose is no leak.
      if (!identifiesOnItsOwn(value, a.decision.finding.entity)) return [];
      return [{ value, caseSensitive, allowed: countOccurrences(keptText, value, caseSensitive), id }];
    });
    // The redaction's loaded file (its rewritten images included) is garbage now: freed before
    // verification loads the output again (what was loaded is at least the file's size).
    releaseMemory(doc.output.length);
    // Scans: the pixels under the boxes, decoded from the written file and read by OCR again, on
    // the engine's thread while this one checks the text (started first, so that the engine is
    // given its regions before the text check takes this thread).
    const scans = scansOf.get(doc.output);
    // Every value, particles too: a box's pixels read again must give nothing of what it hid.
    const onScans = scans ? doc.applied.map((a, id) => ({ id, value: values[id] as string, boxes: a.boxes ?? [] })) : [];
    const scanCheck = scans ? yield* wait(startScanCheck(doc.output, scans.pages, onScans, scans.lang)) : undefined;
    const textSurvivors = yield* wait(findPdfSurvivors(doc.output, checks));
    const survivors = [...new Set([...textSurvivors, ...(scanCheck ? yield* wait(scanCheck.survivors) : [])])].sort((a, b) => a - b);
    return survivors.map((id) => (doc.applied[id] as AppliedRedaction).source);
  },
  locate(ingested, spans) {
    const layout = ingested.source.layout;
    if (!layout) return spans.map(() => []);
    // Selection reads only the source span of what it is given.
    return selectGlyphs(layout, spans.map((source) => ({ source }) as AppliedRedaction)).map((s) => s.boxes.map(pageBox));
  },
  underArea(ingested, area) {
    const layout = ingested.source.layout;
    return layout ? textUnderArea(layout, ingested.document.sourceText.length, area) : [];
  },
};

/**
 * The runs of source text whose glyphs have their centre inside a box a person drew, invisible OCR
 * text included (it is the text of the scan under the box). Characters without a glyph (inserted
 * spaces, line breaks) join a run when the glyphs on both sides are inside.
 */
export function textUnderArea(layout: PdfLayout, length: number, area: PageBox): Span[] {
  const table = layout.glyphs;
  const inside = (g: number) => {
    if (table.pageIndex(g) + 1 !== area.page) return false;
    const cx = (table.value(g, 'x0') + table.value(g, 'x1')) / 2;
    const cy = (table.value(g, 'y0') + table.value(g, 'y1')) / 2;
    return cx >= area.x && cx <= area.x + area.width && cy >= area.y && cy <= area.y + area.height;
  };
  const runs: Span[] = [];
  let start = -1;
  let lastInside = -1;
  for (let i = 0; i < length; i++) {
    const g = layout.glyphOf[i] ?? -1;
    if (g < 0) continue;
    if (inside(g)) {
      if (start < 0) start = i;
      lastInside = i;
    } else if (start >= 0) {
      runs.push({ start, end: lastInside + 1 });
      start = -1;
    }
  }
  if (start >= 0) runs.push({ start, end: lastInside + 1 });
  return runs;
}

function* redactLayout(layout: PdfLayout, bytes: Uint8Array, doc: DecidedDocument, chosen: readonly AppliedRedaction[]): Step<{ output: Uint8Array; applied: AppliedRedaction[]; diagnostics: Diagnostic[] }> {
  const selections = selectGlyphs(layout, chosen);
  const boxes = selections.flatMap((s) => [...s.boxes, ...(s.applied.area ? [s.applied.area] : [])].map((box) => ({ box, label: boxLabel(s.applied.decision.ground) })));
  const allBoxes = boxes.map((b) => b.box);

  // Images under a box (a scan under its OCR text) would keep the text readable in their pixels.
  const covered = layout.images.filter((img) => allBoxes.some((b) => b.page === img.pageIndex + 1 && intersects(b, quadBounds(img.quad))));

  const removed = new Set<number>(selections.flatMap((s) => s.glyphs));
  for (const g of glyphsUnderBoxes(layout, allBoxes)) removed.add(g);
  let imagesChanged = 0;
  try {
    // Inline images live in the content streams: edited first, written with the text changes.
    const edited = redactInlineImages(covered.filter((img) => img.inline), allBoxes);
    const overrides = yield* wait(destroyImagePixels(layout.pdf, covered.filter((img) => !img.inline), allBoxes, bytes, layout.targets));
    imagesChanged = edited.size + [...overrides.values()].reduce((n, names) => n + names.size, 0);
    // Glyphs read by OCR are in no content stream: their pixels go with the image, and they are
    // left out of the scan's new text layer.
    const inStreams = [...removed].sort((a, b) => a - b).map((i) => layout.glyphs.get(i)).filter((g) => !isOcrTarget(g.target));
    applyRemovals(layout.pdf, layout.pageTargets, inStreams, edited, overrides, layout.targets);
  } catch (error) {
    if (error instanceof RewriteError) throw new PdfError('PDF_NOT_SUPPORTED', `the PDF's text cannot be rewritten safely (${error.message}); nothing was written`);
    if (error instanceof ImageRedactionError) {
      throw new PdfError('PDF_IMAGE_UNDER_REDACTION', `a redaction lies over an image whose pixels cannot be destroyed safely (${error.message}); nothing was written (redact this file by hand)`);
    }
    throw error;
  }
  yield* wait(writeOcrTextLayer(layout.pdf, layout.glyphs, layout.ocrPages, removed));
  layout.glyphs.release();
  yield* wait(paintBoxes(layout.pdf, boxes));
  const values = chosen.map((a) => doc.sourceText.slice(a.source.start, a.source.end));
  const nameParts = [...new Set(chosen.flatMap((a, k) => namePartsOf(values[k] as string, a.decision.finding.entity)))];
  const scrubbed = scrubDocument(layout.pdf, allBoxes, { values, nameParts });
  layout.pdf.catalog.set(PDFName.of('Lang'), PDFString.of('nl-NL'));
  sweepUnreachable(layout.pdf);
  compressPendingStreams(layout.pdf.context);
  const output = yield* wait(layout.pdf.save({ useObjectStreams: false, updateFieldAppearances: false, addDefaultPage: false, objectsPerTick: Number.POSITIVE_INFINITY }));
  const warning = (code: string, message: string): Diagnostic => ({ code, severity: 'warning', stage: 'redact', message });
  return {
    output,
    applied: selections.map((s) => ({ ...s.applied, boxes: [...s.boxes.map(pageBox), ...(s.applied.area ? [s.applied.area] : [])] })),
    diagnostics: [
      ...scrubbed.map((r) => warning(r.code, r.message)),
      ...(imagesChanged > 0 ? [warning('PDF_IMAGE_PIXELS_DESTROYED', `pixels under the boxes were destroyed in ${imagesChanged} image(s), re-encoded losslessly`)] : []),
    ],
  };
}

/** The box as painted, without the label's baseline hints. */
function pageBox(b: Box): PageBox {
  return { page: b.page, x: b.x, y: b.y, width: b.width, height: b.height };
}

/** A failure of the PDF libraries on a damaged file ends as PDF_DAMAGED, never as an unexplained crash. */
export async function asPdfError<T>(run: () => Promise<T>): Promise<T> {
  try {
    return await run();
  } catch (error) {
    if (error instanceof WooRedactError) throw error;
    // A call-stack overflow or a TypeError is a bug (ours or a library's), not damage of the file.
    if (error instanceof TypeError || error instanceof RangeError || error instanceof ReferenceError) {
      throw new WooRedactError('INTERNAL', `woo-redact failed on this PDF (${error.name}); nothing was written; run it alone with --debug and report it`, { cause: error });
    }
    throw new PdfError('PDF_DAMAGED', `the PDF could not be processed: its structure is damaged or unusual (${(error as Error).name ?? 'error'}); re-export it from the source application, or redact it by hand`, { cause: error });
  }
}

/** Redacts a PDF; throws (and writes nothing) when the result cannot be proven clean. */
export async function runPdfPipeline(
  bytes: Uint8Array,
  path: string | undefined,
  options: PipelineOptions = {},
  choose: ApplyDecisions = byPolicy,
  analyse: Analyse = analyzeWithPolicy,
): Promise<PdfRedactionResult> {
  const { document, manifest } = await asPdfError(() => runAsync(redactWith(pdfFormat, { bytes, ...(path !== undefined ? { path } : {}) }, options, choose, analyse)));
  return { pdf: document.output, manifest, document };
}
