/**
 * The pipeline for PDF input: the same analysis as for text, then real redaction of the file.
 *
 *   ingest (glyphs) -> normalise -> structure -> detect -> decide
 *     -> redact (remove glyphs, paint boxes, scrub) -> save fresh -> verify (pdf.js, raw, streams) -> manifest
 */
import { PDFName, PDFString } from 'pdf-lib';
import { isPublicKeep } from './decide/decide.js';
import { type Policy, policyHash, PolicySchema } from './decide/policy.js';
import { LeakError, WooRedactError } from './errors.js';
import { ingestPdf, PdfError } from './ingest/pdf.js';
import { sha256 } from './ingest/text.js';
import { buildManifest } from './manifest/build.js';
import type { Manifest } from './manifest/schema.js';
import { analyzeWithPolicy, type PipelineOptions } from './pipeline.js';
import { quadBounds } from './pdf/interpret.js';
import { compressPendingStreams } from './pdf/objects.js';
import { destroyImagePixels, ImageRedactionError } from './redact/pdf/images.js';
import { redactInlineImages } from './redact/pdf/inline-images.js';
import { paintBoxes } from './redact/pdf/paint.js';
import { applyRemovals, RewriteError } from './redact/pdf/rewrite.js';
import { scrubDocument, sweepUnreachable } from './redact/pdf/scrub.js';
import { type Box, glyphsUnderBoxes, selectGlyphs } from './redact/pdf/select.js';
import { type AppliedRedaction, appliedDecisions, boxLabel } from './redact/text.js';
import { countOccurrences } from './document/value-search.js';
import { findPdfSurvivors, type PdfCheckValue } from './verify/pdf.js';
import type { DecidedDocument } from './document/document.js';

export interface PdfRedactionResult {
  /** The redacted PDF, a fresh file (no earlier revisions, no unreachable objects). */
  readonly pdf: Uint8Array;
  readonly manifest: Manifest;
  readonly document: DecidedDocument;
}

function intersects(a: Box, b: { x0: number; y0: number; x1: number; y1: number }): boolean {
  return a.x < b.x1 && a.x + a.width > b.x0 && a.y < b.y1 && a.y + a.height > b.y0;
}

/**
 * Redacts a PDF; throws (and writes nothing) when the result cannot be proven clean. A damaged
 * file that trips up the PDF libraries ends as PDF_DAMAGED, never as an unexplained crash.
 */
export async function runPdfPipeline(bytes: Uint8Array, path: string | undefined, options: PipelineOptions = {}): Promise<PdfRedactionResult> {
  const policy: Policy = PolicySchema.parse(options.policy ?? {});
  try {
    return await redactPdf(bytes, path, options, policy);
  } catch (error) {
    if (error instanceof WooRedactError) throw error;
    throw new PdfError('PDF_DAMAGED', `the PDF could not be processed: its structure is damaged or unusual (${(error as Error).name ?? 'error'}); re-export it from the source application, or redact it by hand`, { cause: error });
  }
}

async function redactPdf(bytes: Uint8Array, path: string | undefined, options: PipelineOptions, policy: Policy): Promise<PdfRedactionResult> {
  // The loaded document and its glyphs stay inside redactToBytes: verification loads the output
  // twice more (pdf.js, pdf-lib), and a long document should not be held three times over.
  const { out, decided, applied, values, boxes, warnings } = await redactToBytes(bytes, path, options, policy);

  // Verify by every channel; a public official kept readable may recur as often as kept.
  const keptText = decided.decisions.filter(isPublicKeep).map((d) => decided.text.slice(d.finding.span.start, d.finding.span.end)).join('\n');
  const checks: PdfCheckValue[] = applied.map((a, id) => {
    const caseSensitive = a.decision.finding.entity === 'person';
    const value = values[id] as string;
    return { value, caseSensitive, allowed: countOccurrences(keptText, value, caseSensitive), id };
  });
  const survivors = await findPdfSurvivors(out, checks);
  if (survivors.length > 0) throw new LeakError(survivors.map((id) => (applied[id] as AppliedRedaction).source));

  const manifest = buildManifest({
    doc: decided,
    applied,
    policySha256: policyHash(policy),
    outputSha256: sha256(out),
    outputPath: options.outputPath ?? null,
    boxes,
    extraWarnings: warnings,
    ...(options.generatedAt ? { generatedAt: options.generatedAt } : {}),
  });
  return { pdf: out, manifest, document: decided };
}

/** A redacted PDF as saved, with what verification and the manifest need to know about it. */
interface RedactedBytes {
  readonly out: Uint8Array;
  readonly decided: DecidedDocument;
  readonly applied: readonly AppliedRedaction[];
  /** The source text of each applied redaction (same order). */
  readonly values: readonly string[];
  /** The boxes of each applied redaction (same order). */
  readonly boxes: readonly (readonly Box[])[];
  readonly warnings: readonly { code: string; stage: 'redact'; message: string }[];
}

async function redactToBytes(bytes: Uint8Array, path: string | undefined, options: PipelineOptions, policy: Policy): Promise<RedactedBytes> {
  const { doc, layout } = await ingestPdf(bytes, path, options.maxPages, options.maxObjectDepth);
  const decided = analyzeWithPolicy(doc, options, policy);
  const applied = appliedDecisions(decided, policy);
  const selections = selectGlyphs(layout, applied);
  const boxes = selections.flatMap((s) => s.boxes.map((box) => ({ box, label: boxLabel(s.applied.decision.ground) })));
  const allBoxes = boxes.map((b) => b.box);

  // Images under a box (a scan under its OCR text) would keep the text readable in their pixels.
  const covered = layout.images.filter((img) => allBoxes.some((b) => b.page === img.pageIndex + 1 && intersects(b, quadBounds(img.quad))));

  const removed = new Set<number>(selections.flatMap((s) => s.glyphs));
  for (const g of glyphsUnderBoxes(layout, allBoxes)) removed.add(g);
  let imagesChanged = 0;
  try {
    // Inline images live in the content streams: edited first, written with the text changes.
    const edited = redactInlineImages(covered.filter((img) => img.inline), allBoxes);
    const overrides = await destroyImagePixels(layout.pdf, covered.filter((img) => !img.inline), allBoxes, bytes);
    imagesChanged = edited.size + [...overrides.values()].reduce((n, names) => n + names.size, 0);
    applyRemovals(layout.pdf, layout.pageTargets, [...removed].sort((a, b) => a - b).map((i) => layout.glyphs.get(i)), edited, overrides);
  } catch (error) {
    if (error instanceof RewriteError) throw new PdfError('PDF_NOT_SUPPORTED', `the PDF's text cannot be rewritten safely (${error.message}); nothing was written`);
    if (error instanceof ImageRedactionError) {
      throw new PdfError('PDF_IMAGE_UNDER_REDACTION', `a redaction lies over an image whose pixels cannot be destroyed safely (${error.message}); nothing was written (redact this file by hand)`);
    }
    throw error;
  }
  layout.glyphs.release();
  await paintBoxes(layout.pdf, boxes);
  const values = applied.map((a) => decided.sourceText.slice(a.source.start, a.source.end));
  const scrubbed = scrubDocument(layout.pdf, allBoxes, values);
  layout.pdf.catalog.set(PDFName.of('Lang'), PDFString.of('nl-NL'));
  sweepUnreachable(layout.pdf);
  compressPendingStreams(layout.pdf.context);
  const out = await layout.pdf.save({ useObjectStreams: false, updateFieldAppearances: false, addDefaultPage: false });
  return {
    out,
    decided,
    applied,
    values,
    boxes: selections.map((s) => s.boxes),
    warnings: [
      ...scrubbed.map((r) => ({ code: r.code, stage: 'redact' as const, message: r.message })),
      ...(imagesChanged > 0 ? [{ code: 'PDF_IMAGE_PIXELS_DESTROYED', stage: 'redact' as const, message: `pixels under the boxes were destroyed in ${imagesChanged} image(s), re-encoded losslessly` }] : []),
    ],
  };
}
