import type { NormalisedDocument, StructuredDocument } from '../document/document.js';
import type { Span } from '../document/span.js';
import { splitLines } from '../document/lines.js';
import { findDeclarations } from './declarations.js';
import { findEmailHeaders } from './email-headers.js';
import { findFields } from './fields.js';
import { findSections } from './sections.js';
import { findSignatures } from './signatures.js';
import type { NotaStructure } from './types.js';

/** Recognises the parts of a nota, letter or e-mail thread in the normalised text. */
export function analyseStructure(text: string): NotaStructure {
  const lines = splitLines(text);
  const headers = findEmailHeaders(lines);
  const found = findFields(lines, headers.claimed);
  const fields = [...headers.fields, ...found.fields].sort((a, b) => a.labelSpan.start - b.labelSpan.start || a.value.start - b.value.start);
  const emailHeaders = mergeSpans([...headers.blocks, ...found.emailHeaders]);
  const sections = findSections(lines, text.length);
  const withheldInfoSection = sections.find((s) => s.withheldInfoSection);
  return {
    fields,
    sections,
    ...(withheldInfoSection ? { withheldInfoSection } : {}),
    declarations: findDeclarations(text, sections),
    emailHeaders,
    signatures: findSignatures(lines, emailHeaders),
  };
}

/** Sorted, overlapping spans joined. */
function mergeSpans(spans: readonly Span[]): Span[] {
  const sorted = [...spans].sort((a, b) => a.start - b.start || a.end - b.end);
  const out: Span[] = [];
  for (const s of sorted) {
    const last = out[out.length - 1];
    if (last && s.start <= last.end) out[out.length - 1] = { start: last.start, end: Math.max(last.end, s.end) };
    else out.push(s);
  }
  return out;
}

export function structure(doc: NormalisedDocument): StructuredDocument {
  return { ...doc, structure: analyseStructure(doc.text) };
}
