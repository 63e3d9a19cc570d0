import type { DetectedDocument, StructuredDocument } from '../document/document.js';
import { compareSpans } from '../document/span.js';
import type { Finding } from '../document/types.js';
import { recognize } from './engine.js';
import { lexicons } from './lexicons/index.js';
import type { KnownPerson } from './names/known-person.js';
import type { Recognizer, RecognizerContext } from './recognizer.js';
import { DEFAULT_RECOGNIZERS } from './registry.js';

export interface DetectOptions {
  /** Recognizers to run after the built-in ones (see `defineRecognizer`). */
  readonly recognizers?: readonly Recognizer[];
  /** Persons found in other documents of the batch. */
  readonly knownPersons?: readonly KnownPerson[];
}

export function compareFindings(a: Finding, b: Finding): number {
  return compareSpans(a.span, b.span) || (a.id < b.id ? -1 : a.id > b.id ? 1 : 0);
}

/** Runs every recognizer over the normalised text; findings sorted by start, end, id. */
export function detect(doc: StructuredDocument, options: DetectOptions = {}): DetectedDocument {
  const ctx: RecognizerContext = {
    text: doc.text,
    structure: doc.structure,
    lexicons: lexicons(),
    ...(options.knownPersons ? { knownPersons: options.knownPersons } : {}),
  };
  const findings: Finding[] = [];
  for (const recognizer of [...DEFAULT_RECOGNIZERS, ...(options.recognizers ?? [])]) {
    findings.push(...recognize(recognizer, ctx));
  }
  findings.sort(compareFindings);
  return { ...doc, findings };
}
