import type { TextEncoding } from '../ingest/decode-text.js';
import type { OffsetMap } from '../normalise/offset-map.js';
import type { NotaStructure } from '../structure/types.js';
import type { Decision, Diagnostic, Finding, SourceKind } from './types.js';

export interface SourceInfo {
  readonly kind: SourceKind;
  /** The path as the caller gave it (relative in batch runs), or undefined for in-memory text. */
  readonly path?: string;
  readonly sha256: string;
  readonly pages: number;
  readonly encoding?: TextEncoding;
}

/**
 * The one object that flows through the pipeline. Each stage returns the document with its own
 * part added, so a later stage can rely on what earlier stages wrote (the type says so).
 */
export interface IngestedDocument {
  readonly source: SourceInfo;
  /** The decoded source text; every offset in the manifest indexes into this string. */
  readonly sourceText: string;
  readonly pageStarts: readonly number[];
  readonly diagnostics: readonly Diagnostic[];
}

export interface NormalisedDocument extends IngestedDocument {
  /** Normalised text, for detection only; map its spans back with `map.toSource`. */
  readonly text: string;
  readonly map: OffsetMap;
}

export interface StructuredDocument extends NormalisedDocument {
  readonly structure: NotaStructure;
}

export interface DetectedDocument extends StructuredDocument {
  readonly findings: readonly Finding[];
}

export interface DecidedDocument extends DetectedDocument {
  readonly decisions: readonly Decision[];
}

export type WooDocument = DecidedDocument;
