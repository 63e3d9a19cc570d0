/**
 * The pipeline, in order, on one screen:
 *
 *   ingest -> normalise -> structure -> detect -> decide -> redact -> verify -> manifest
 *
 * Each stage takes the document as the stages before it left it and adds its own part.
 */
import { decide, isPublicKeep } from './decide/decide.js';
import { type Policy, type PolicyInput, policyHash, PolicySchema } from './decide/policy.js';
import { detect, type DetectOptions } from './detect/detect.js';
import type { DecidedDocument, IngestedDocument, NormalisedDocument } from './document/document.js';
import { LeakError } from './errors.js';
import { sha256 } from './ingest/text.js';
import { buildManifest } from './manifest/build.js';
import type { Manifest } from './manifest/schema.js';
import { normalise } from './normalise/normalise.js';
import { type AppliedRedaction, appliedDecisions, redactSourceText } from './redact/text.js';
import { structure } from './structure/structure.js';
import { findSurvivors } from './verify/text.js';

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
}

export interface RedactionResult {
  /** The redacted text: every redaction replaced by its code in brackets. */
  readonly text: string;
  readonly manifest: Manifest;
  readonly document: DecidedDocument;
  readonly applied: readonly AppliedRedaction[];
}

function asPolicy(policy: PolicyInput | Policy | undefined): Policy {
  return PolicySchema.parse(policy ?? {});
}

export function normaliseStage(doc: IngestedDocument): NormalisedDocument {
  const { text, map } = normalise(doc.sourceText);
  return { ...doc, text, map };
}

/** ingest (done by the caller) -> normalise -> structure -> detect -> decide. */
export function analyzeDocument(doc: IngestedDocument, options: PipelineOptions = {}): DecidedDocument {
  return analyzeWithPolicy(doc, options, asPolicy(options.policy));
}

/** As analyzeDocument, for callers that resolved the policy once already. */
export function analyzeWithPolicy(doc: IngestedDocument, options: DetectOptions, policy: Policy): DecidedDocument {
  return decide(detect(structure(normaliseStage(doc)), options), policy);
}

/** The whole pipeline for one document; throws LeakError rather than return a leaking output. */
export function runPipeline(doc: IngestedDocument, options: PipelineOptions = {}): RedactionResult {
  const policy = asPolicy(options.policy);
  const decided = analyzeWithPolicy(doc, options, policy);
  const applied = appliedDecisions(decided, policy);
  const text = redactSourceText(decided.sourceText, applied);
  const exempt = decided.decisions.filter(isPublicKeep).map((d) => decided.map.toSource(d.finding.span));
  const survivors = findSurvivors(decided.sourceText, text, applied, exempt);
  if (survivors.length > 0) throw new LeakError(survivors);
  const manifest = buildManifest({
    doc: decided,
    applied,
    policySha256: policyHash(policy),
    outputSha256: sha256(text),
    outputPath: options.outputPath ?? null,
    ...(options.generatedAt ? { generatedAt: options.generatedAt } : {}),
  });
  return { text, manifest, document: decided, applied };
}
