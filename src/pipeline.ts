/**
 * The pipeline, in order, on one screen:
 *
 *   ingest -> normalise -> structure -> detect -> decide -> apply decisions -> redact -> verify -> manifest
 *
 * Each stage takes the document as the stages before it left it and adds its own part. Text and
 * PDF are two formats of one frame (`redactWith`): each brings its own ingest, redact and verify;
 * the analysis, the choice of what leaves the output, the leak check and the manifest are written
 * once, here.
 */
import { decide, isPublicKeep } from './decide/decide.js';
import { type Policy, type PolicyInput, policyHash, resolvePolicy } from './decide/policy.js';
import { detect, type DetectOptions } from './detect/detect.js';
import type { AppliedRedaction, DecidedDocument, IngestedDocument, NormalisedDocument, PageBox, RedactedDocument } from './document/document.js';
import type { Span } from './document/span.js';
import type { Diagnostic, SourceKind } from './document/types.js';
import { LeakError } from './errors.js';
import { sha256 } from './ingest/text.js';
import { buildManifest } from './manifest/build.js';
import type { DecisionsProvenance, Manifest } from './manifest/schema.js';
import { normalise } from './normalise/normalise.js';
import { appliedDecisions } from './redact/text.js';
import { structure } from './structure/structure.js';
import { runSync, type Step } from './util/step.js';
import { textFormat, type TextInput } from './text-pipeline.js';

export const STAGES = ['ingest', 'normalise', 'structure', 'detect', 'decide', 'redact', 'verify', 'manifest'] as const;

export interface PipelineOptions extends DetectOptions {
  /** The policy, as a config object (validated) or already resolved. Defaults apply when absent. */
  readonly policy?: PolicyInput | Policy;
  /** Path of the written output, for the manifest. */
  readonly outputPath?: string | null;
  /** ISO timestamp to record in the manifest; absent by default so output is reproducible. */
  readonly generatedAt?: string;
  /** PDF input: more pages than this fail with FILE_TOO_LARGE (default 5000). */
  readonly maxPages?: number;
  /** PDF: deepest nesting of arrays and dictionaries accepted (default 100). */
  readonly maxObjectDepth?: number;
  /** PDF: read pages without a text layer by OCR (default true); false refuses them (PDF_NO_TEXT). */
  readonly ocr?: boolean;
  /** PDF: OCR language, a Tesseract code whose model `@tesseract.js-data/<code>` is installed (default "nld"). */
  readonly ocrLang?: string;
}

/** A document read by a format, with what its redact step needs beyond the text (a PDF's layout). */
export interface Ingested<Source> {
  readonly document: IngestedDocument;
  readonly source: Source;
}

/** What a format's redact step made: the output, the applied redactions with their boxes, problems met. */
export interface Redacted<Output> {
  readonly output: Output;
  readonly applied: readonly AppliedRedaction[];
  readonly diagnostics: readonly Diagnostic[];
}

/** A file format: how to read it, how to take text out of it, how to prove the text is gone. */
export interface Format<Input, Source, Output extends string | Uint8Array> {
  readonly kind: SourceKind;
  ingest(input: Input, options: PipelineOptions): Step<Ingested<Source>>;
  redact(ingested: Ingested<Source>, doc: DecidedDocument, applied: readonly AppliedRedaction[]): Step<Redacted<Output>>;
  /** The source spans of applied redactions still readable in the output; `kept` may recur as often as kept. */
  verify(doc: RedactedDocument<Output>, kept: readonly Span[]): Step<readonly Span[]>;
  /** PDF: the boxes each source span would be painted in (for review), one list per span. */
  locate?(ingested: Ingested<Source>, spans: readonly Span[]): PageBox[][];
  /** PDF: the runs of source text whose glyphs lie under a box a person drew. */
  underArea?(ingested: Ingested<Source>, area: PageBox): Span[];
}

/** What a format offers the step that applies decisions. */
export interface FormatTools {
  readonly kind: SourceKind;
  /** Absent for formats without pages to draw on (text). */
  readonly underArea?: (area: PageBox) => Span[];
}

/** Chooses what leaves the output: by the policy (one step) or by a reviewer's decisions (apply). */
export type ApplyDecisions = (
  doc: DecidedDocument,
  policy: Policy,
  tools: FormatTools,
) => { readonly document: DecidedDocument; readonly applied: readonly AppliedRedaction[]; readonly provenance?: DecisionsProvenance };

/** The one-step run: redactions, and review items as the policy's `reviewedAs` says. */
export const byPolicy: ApplyDecisions = (document, policy) => ({ document, applied: appliedDecisions(document, policy) });

export interface Redaction<Output> {
  readonly document: RedactedDocument<Output>;
  readonly manifest: Manifest;
}

export interface RedactionResult {
  /** The redacted text: every redaction replaced by its code in brackets. */
  readonly text: string;
  readonly manifest: Manifest;
  readonly document: RedactedDocument<string>;
  readonly applied: readonly AppliedRedaction[];
}

export function resolvePipelinePolicy(policy: PolicyInput | Policy | undefined): Policy {
  return resolvePolicy(policy);
}

export function normaliseStage(doc: IngestedDocument): NormalisedDocument {
  const { text, map } = normalise(doc.sourceText);
  return { ...doc, text, map };
}

/** ingest (done by the caller) -> normalise -> structure -> detect -> decide. */
export function analyzeDocument(doc: IngestedDocument, options: PipelineOptions = {}): DecidedDocument {
  return analyzeWithPolicy(doc, options, resolvePipelinePolicy(options.policy));
}

/** As analyzeDocument, for callers that resolved the policy once already. */
export function analyzeWithPolicy(doc: IngestedDocument, options: DetectOptions, policy: Policy): DecidedDocument {
  return decide(detect(structure(normaliseStage(doc)), options), policy);
}

/** normalise -> structure -> detect -> decide; `apply` may take detect and decide from its proposal. */
export type Analyse = (doc: IngestedDocument, options: DetectOptions, policy: Policy) => DecidedDocument;

/**
 * Source spans kept readable on purpose (a public official, a reviewer's keep): the same text may
 * recur in the output as often as it was kept, and no more.
 */
export function keptSpans(doc: DecidedDocument): Span[] {
  return doc.decisions.filter((d) => isPublicKeep(d) || (d.action === 'keep' && d.reason.kind === 'reviewer')).map((d) => doc.map.toSource(d.finding.span));
}

/** ingest -> analysis, for a format: what `propose` shows and `redactWith` goes on from. */
export function* analyseWith<Input, Source, Output extends string | Uint8Array>(
  format: Format<Input, Source, Output>,
  input: Input,
  options: PipelineOptions,
  policy: Policy,
  analyse: Analyse = analyzeWithPolicy,
): Step<{ readonly ingested: Ingested<Source>; readonly decided: DecidedDocument }> {
  const ingested = yield* format.ingest(input, options);
  return { ingested, decided: analyse(ingested.document, options, policy) };
}

/** What a person reviews: the analysis, and for PDF the boxes each decision's text lies in. */
export interface Proposal {
  readonly document: DecidedDocument;
  /** Same order as `document.decisions`; empty lists for text. */
  readonly boxes: readonly (readonly PageBox[])[];
}

/** `propose`: the frame up to decide, nothing redacted, nothing written. */
export function* proposeWith<Input, Source, Output extends string | Uint8Array>(
  format: Format<Input, Source, Output>,
  input: Input,
  options: PipelineOptions,
  analyse: Analyse = analyzeWithPolicy,
): Step<Proposal> {
  const policy = resolvePipelinePolicy(options.policy);
  const { ingested, decided } = yield* analyseWith(format, input, options, policy, analyse);
  const spans = decided.decisions.map((d) => decided.map.toSource(d.finding.span));
  return { document: decided, boxes: format.locate ? format.locate(ingested, spans) : spans.map(() => []) };
}

/** The whole pipeline for one document; throws LeakError rather than return a leaking output. */
export function* redactWith<Input, Source, Output extends string | Uint8Array>(
  format: Format<Input, Source, Output>,
  input: Input,
  options: PipelineOptions,
  choose: ApplyDecisions = byPolicy,
  analyse: Analyse = analyzeWithPolicy,
): Step<Redaction<Output>> {
  const policy = resolvePipelinePolicy(options.policy);
  const { ingested, decided: analysed } = yield* analyseWith(format, input, options, policy, analyse);
  const underArea = format.underArea;
  const tools: FormatTools = { kind: format.kind, ...(underArea ? { underArea: (area: PageBox) => underArea(ingested, area) } : {}) };
  const { document: decided, applied: chosen, provenance } = choose(analysed, policy, tools);
  const { output, applied, diagnostics } = yield* format.redact(ingested, decided, chosen);
  const document: RedactedDocument<Output> = {
    ...decided,
    diagnostics: [...decided.diagnostics, ...diagnostics],
    applied,
    output,
    outputSha256: sha256(output),
  };
  const survivors = yield* format.verify(document, keptSpans(decided));
  if (survivors.length > 0) throw new LeakError(survivors);
  const manifest = buildManifest(document, {
    policySha256: policyHash(policy),
    outputPath: options.outputPath ?? null,
    ...(options.generatedAt ? { generatedAt: options.generatedAt } : {}),
    ...(provenance ? { decisions: provenance } : {}),
  });
  return { document, manifest };
}

/** The whole pipeline for one text document. */
export function runPipeline(doc: TextInput, options: PipelineOptions = {}, choose: ApplyDecisions = byPolicy, analyse: Analyse = analyzeWithPolicy): RedactionResult {
  const { document, manifest } = runSync(redactWith(textFormat, doc, options, choose, analyse));
  return { text: document.output, manifest, document, applied: document.applied };
}
