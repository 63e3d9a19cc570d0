import type { TextEncoding } from '../ingest/decode-text.js';
import type { OffsetMap } from '../normalise/offset-map.js';
import type { NotaStructure } from '../structure/types.js';
import type { GroundCode } from '../decide/grounds.js';
import type { Span } from './span.js';
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
  /**
   * Source spans of pages whose text OCR was unsure of in every orientation: what it read there
   * is withheld for review (decide.ts), besides what detection found in it.
   */
  readonly unsurePages?: readonly Span[];
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

/** A rectangle on a page of a PDF, in user space (points, origin bottom-left), page from 1. */
export interface PageBox {
  readonly page: number;
  readonly x: number;
  readonly y: number;
  readonly width: number;
  readonly height: number;
}

/** A decision whose text leaves the output, with where it was. */
export interface AppliedRedaction {
  readonly decision: Decision & { readonly ground: GroundCode };
  /** Offsets into the source text (the decoded input). */
  readonly source: Span;
  /** PDF output: the boxes painted over it (one per line it runs over). */
  readonly boxes?: readonly PageBox[];
  /** A box a person drew on a PDF page: painted as drawn, every glyph and image pixel under it removed. */
  readonly area?: PageBox;
}

/**
 * After redact: what left the output and the output itself. Problems found while redacting (a
 * form field dropped, pixels destroyed) are diagnostics like any other.
 */
export interface RedactedDocument<Output = string | Uint8Array> extends DecidedDocument {
  /** In source order; each with its boxes for PDF output. */
  readonly applied: readonly AppliedRedaction[];
  readonly output: Output;
  readonly outputSha256: string;
}

export type WooDocument = DecidedDocument;
