/**
 * Text as a format of the pipeline frame: an OCR'd .txt file (or a string) in, the same text with
 * every redaction replaced by its code out, re-read the way detection reads text.
 */
import type { IngestedDocument } from './document/document.js';
import { ingestTextBytes } from './ingest/text.js';
import type { Format } from './pipeline.js';
import { redactSourceText } from './redact/text.js';
import { findSurvivors } from './verify/text.js';

/** A document ingested already (`ingestString`), or the bytes of a .txt file. */
export type TextInput = IngestedDocument | { readonly bytes: Uint8Array; readonly path?: string };

export const textFormat: Format<TextInput, null, string> = {
  kind: 'text',
  *ingest(input) {
    return { document: 'sourceText' in input ? input : ingestTextBytes(input.bytes, input.path), source: null };
  },
  *redact(_ingested, doc, applied) {
    return { output: redactSourceText(doc.sourceText, applied), applied, diagnostics: [] };
  },
  *verify(doc, kept) {
    return findSurvivors(doc.sourceText, doc.output, doc.applied, kept);
  },
};
