/**
 * The proposal's detect and decide, kept in the review package so that `apply` works on exactly
 * the findings the reviewer decided on, without finding them a second time (structure and
 * detection were most of apply's analysis). apply still reads the input again and normalises
 * it, and redacts and verifies the output itself; structure, detect and decide are taken over
 * only when the record was made from the same normalised text, tool version, policy and
 * detection options. Otherwise (no record, another version, a file changed) apply analyses
 * again, which gives the same result more slowly.
 */
import { createHash } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { decide } from '../decide/decide.js';
import { type Policy, policyHash } from '../decide/policy.js';
import { detect, type DetectOptions } from '../detect/detect.js';
import type { DecidedDocument, IngestedDocument, NormalisedDocument, StructuredDocument } from '../document/document.js';
import type { Decision, Diagnostic, Finding } from '../document/types.js';
import { type Analyse, normaliseStage } from '../pipeline.js';
import { structure } from '../structure/structure.js';
import type { NotaStructure } from '../structure/types.js';
import { TOOL_VERSION } from '../version.js';
import { REVIEW_NOTICE } from './package-schema.js';

export interface AnalysisRecord {
  readonly kind: 'woo-redact-analysis';
  readonly internal: true;
  readonly notice: typeof REVIEW_NOTICE;
  /** What the record is valid for: apply takes it over only when every key is the same. */
  readonly key: string;
  readonly structure: NotaStructure;
  readonly findings: readonly Finding[];
  readonly decisions: readonly Decision[];
  /** The diagnostics detect and decide added (after the ingest's). */
  readonly diagnostics: readonly Diagnostic[];
}

const digest = (text: string) => createHash('sha256').update(text).digest('hex');

function keyOf(doc: NormalisedDocument, options: DetectOptions, policy: Policy): string {
  return digest(JSON.stringify([TOOL_VERSION, policyHash(policy), digest(doc.text), options.knownPersons ?? []]));
}

/** The record of a proposal's analysis; undefined when it cannot be taken over (custom recognizers are code). */
export function analysisRecord(structured: StructuredDocument, decided: DecidedDocument, options: DetectOptions, policy: Policy): AnalysisRecord | undefined {
  if (options.recognizers && options.recognizers.length > 0) return undefined;
  return {
    kind: 'woo-redact-analysis',
    internal: true,
    notice: REVIEW_NOTICE,
    key: keyOf(structured, options, policy),
    structure: structured.structure,
    findings: decided.findings,
    decisions: decided.decisions,
    diagnostics: decided.diagnostics.slice(structured.diagnostics.length),
  };
}

function readRecord(path: string): AnalysisRecord | undefined {
  try {
    const data = JSON.parse(readFileSync(path, 'utf8')) as Partial<AnalysisRecord> | null;
    if (data?.kind !== 'woo-redact-analysis' || typeof data.key !== 'string' || typeof data.structure !== 'object' || data.structure === null || !Array.isArray(data.findings) || !Array.isArray(data.decisions) || !Array.isArray(data.diagnostics)) return undefined;
    return data as AnalysisRecord;
  } catch {
    return undefined; // unreadable: detect again
  }
}

/** The analysis step of `apply`: the proposal's structure, detect and decide when they fit this text, else all again. */
export function fromProposal(path: string | undefined): Analyse {
  return (doc: IngestedDocument, options: DetectOptions, policy: Policy): DecidedDocument => {
    const normalised = normaliseStage(doc);
    const record = path !== undefined && !options.recognizers?.length ? readRecord(path) : undefined;
    if (record && record.key === keyOf(normalised, options, policy)) {
      return { ...normalised, structure: record.structure, findings: record.findings, decisions: record.decisions, diagnostics: [...normalised.diagnostics, ...record.diagnostics] };
    }
    return decide(detect(structure(normalised), options), policy);
  };
}
