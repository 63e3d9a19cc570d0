/**
 * One document's part of the review package: the proposal (the pipeline frame up to decide) with
 * the text, the context and, for PDF, the boxes of every finding.
 */
import { extname } from 'node:path';
import { entityRule, type Policy } from '../decide/policy.js';
import { describeReason } from '../decide/reasons.js';
import type { GroundCode } from '../decide/grounds.js';
import type { Decision } from '../document/types.js';
import { pageOf } from '../ingest/pages.js';
import { asPdfError, pdfFormat } from '../pdf-pipeline.js';
import { decide } from '../decide/decide.js';
import { detect } from '../detect/detect.js';
import { type Analyse, normaliseStage, type PipelineOptions, type Proposal, proposeWith, resolvePipelinePolicy } from '../pipeline.js';
import { structure } from '../structure/structure.js';
import { type AnalysisRecord, analysisRecord } from './analysis.js';
import { textFormat } from '../text-pipeline.js';
import { runAsync, runSync } from '../util/step.js';
import { REVIEW_NOTICE, REVIEW_SCHEMA_VERSION, type ReviewDocument, type ReviewFinding } from './package-schema.js';
import { personIdOf } from './person-id.js';

const CONTEXT = 80;

function round(n: number): number {
  return Math.round(n * 100) / 100;
}

/** The ground a redaction of this finding cites: the proposal's, or the policy's for its type. */
function groundOf(d: Decision, policy: Policy): GroundCode {
  if (d.action !== 'keep') return d.ground;
  const f = d.finding;
  return f.entity === 'section' || f.entity === 'document' ? f.suggestedGround : entityRule(policy, f.entity).ground;
}

export interface DocumentRef {
  readonly path: string;
  readonly input: string;
}

export function reviewDocument(proposal: Proposal, ref: DocumentRef, policy: Policy): ReviewDocument {
  const doc = proposal.document;
  const text = doc.sourceText;
  const findings: ReviewFinding[] = doc.decisions.map((d, i) => {
    const source = doc.map.toSource(d.finding.span);
    const person = personIdOf(d.finding, doc.source.sha256);
    return {
      id: d.finding.id,
      entity: d.finding.entity,
      text: text.slice(source.start, source.end),
      start: source.start,
      end: source.end,
      page: pageOf(doc.pageStarts, source.start),
      boxes: (proposal.boxes[i] ?? []).map((b) => ({ page: b.page, x: round(b.x), y: round(b.y), width: round(b.width), height: round(b.height) })),
      proposed: d.action,
      ground: groundOf(d, policy),
      ...(d.action !== 'redact' ? { reason: { kind: d.reason.kind, detail: d.reason.detail, text: describeReason(d.reason) } } : {}),
      confidence: round(d.finding.confidence),
      detector: d.finding.detector,
      ...(person ? { person } : {}),
      context: { before: text.slice(Math.max(0, source.start - CONTEXT), source.start), after: text.slice(source.end, source.end + CONTEXT) },
    };
  });
  return {
    schemaVersion: REVIEW_SCHEMA_VERSION,
    kind: 'woo-redact-review-document',
    internal: true,
    notice: REVIEW_NOTICE,
    document: { sha256: doc.source.sha256, path: ref.path, input: ref.input, kind: doc.source.kind, pages: doc.source.pages },
    text,
    pageStarts: [...doc.pageStarts],
    findings,
    warnings: doc.diagnostics.filter((x) => x.severity !== 'info').map((x) => ({ code: x.code, stage: x.stage, message: x.message })),
  };
}

/** The proposal for one file's bytes; `path` tells the type (.txt or .pdf). */
export async function proposeBytes(bytes: Uint8Array, ref: DocumentRef, options: PipelineOptions): Promise<ReviewDocument> {
  return (await proposeDocument(bytes, ref, options)).review;
}

/** The proposal, and the record of its detect and decide for apply (see analysis.ts). */
export async function proposeDocument(bytes: Uint8Array, ref: DocumentRef, options: PipelineOptions): Promise<{ review: ReviewDocument; analysis: AnalysisRecord | undefined }> {
  const policy = resolvePipelinePolicy(options.policy);
  const resolved = { ...options, policy };
  let analysis: AnalysisRecord | undefined;
  const recording: Analyse = (doc, detectOptions, p) => {
    const structured = structure(normaliseStage(doc));
    const decided = decide(detect(structured, detectOptions), p);
    analysis = analysisRecord(structured, decided, detectOptions, p);
    return decided;
  };
  const proposal =
    extname(ref.input).toLowerCase() === '.pdf'
      ? await asPdfError(() => runAsync(proposeWith(pdfFormat, { bytes, path: ref.path }, resolved, recording)))
      : runSync(proposeWith(textFormat, { bytes, path: ref.path }, resolved, recording));
  return { review: reviewDocument(proposal, ref, policy), analysis };
}
