import { analyseStructure } from '../src/structure/structure.js';
import { lexicons } from '../src/detect/lexicons/index.js';
import { normalise } from '../src/normalise/normalise.js';
import { recognize } from '../src/detect/engine.js';
import type { Recognizer, RecognizerContext } from '../src/detect/recognizer.js';

export function contextFor(text: string): RecognizerContext {
  const normalised = normalise(text).text;
  return { text: normalised, structure: analyseStructure(normalised), lexicons: lexicons() };
}

/** The substrings a recognizer finds in a text, in order (organisational matches excluded). */
export function found(recognizer: Recognizer, text: string, { includeOrganisational = false } = {}): string[] {
  const ctx = contextFor(text);
  return recognize(recognizer, ctx)
    .filter((f) => includeOrganisational || !f.organisational)
    .sort((a, b) => a.span.start - b.span.start)
    .map((f) => ctx.text.slice(f.span.start, f.span.end));
}
