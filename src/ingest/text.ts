import { createHash } from 'node:crypto';
import type { IngestedDocument } from '../document/document.js';
import { decodeText } from './decode-text.js';
import { pageStarts } from './pages.js';

export function sha256(data: Uint8Array | string): string {
  return createHash('sha256').update(data).digest('hex');
}

/** Ingests the bytes of an OCR'd .txt file: detected encoding, pages split at form feeds. */
export function ingestTextBytes(bytes: Uint8Array, path?: string): IngestedDocument {
  const { text, encoding } = decodeText(bytes);
  const starts = pageStarts(text);
  return {
    source: { kind: 'text', ...(path !== undefined ? { path } : {}), sha256: sha256(bytes), pages: starts.length, encoding },
    sourceText: text,
    pageStarts: starts,
    diagnostics: [],
  };
}

/** Ingests text already in memory; its sha256 is that of its UTF-8 encoding. */
export function ingestString(text: string, path?: string): IngestedDocument {
  const starts = pageStarts(text);
  return {
    source: { kind: 'text', ...(path !== undefined ? { path } : {}), sha256: sha256(text), pages: starts.length },
    sourceText: text,
    pageStarts: starts,
    diagnostics: [],
  };
}
