import type { NormalisedDocument, StructuredDocument } from '../document/document.js';
import { splitLines } from '../document/lines.js';
import { findDeclarations } from './declarations.js';
import { findFields } from './fields.js';
import { findSections } from './sections.js';
import { findSignatures } from './signatures.js';
import type { NotaStructure } from './types.js';

/** Recognises the parts of a nota, letter or e-mail thread in the normalised text. */
export function analyseStructure(text: string): NotaStructure {
  const lines = splitLines(text);
  const { fields, emailHeaders } = findFields(lines);
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

export function structure(doc: NormalisedDocument): StructuredDocument {
  return { ...doc, structure: analyseStructure(doc.text) };
}
