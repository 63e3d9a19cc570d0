// compromise/one: the tokenizer and sentence splitter without the English tagger (a quarter of the load time).
import nlp from 'compromise/one';
import type { Span } from '../document/span.js';

// Dutch abbreviations that end in a dot without ending the sentence ("art. 5.1", "nr. 2740").
const DUTCH_ABBREVIATIONS = ['art', 'artt', 'nr', 'nrs', 'jl', 'bijv', 'o.a', 'i.v.m', 'm.b.t', 'e.d', 'e.a', 'mr', 'drs', 'dr', 'ir', 'ing', 'prof', 'dhr', 'mw', 'mevr', 'par', 'ca', 'resp', 'evt', 'tel', 'blz', 'zgn', 'incl', 'excl', 'vgl', 'lid', 'sub', 'jo', 'red', 'ibid', 'nl', 'stb', 'stcrt', 'kst'];

let configured = false;

function configure(): void {
  if (configured) return;
  const abbreviations = (nlp.world() as unknown as { model: { one: { abbreviations: Record<string, boolean> } } }).model.one.abbreviations;
  for (const a of DUTCH_ABBREVIATIONS) abbreviations[a] = true;
  configured = true;
}

/**
 * Sentences of a span of prose, with offsets, by compromise's sentence splitter (taught Dutch
 * abbreviations). Single line breaks are layout, not sentence ends: they are read as spaces; blank
 * lines still separate. compromise stays behind this one function.
 */
export function sentenceSpans(text: string, within: Span): Span[] {
  configure();
  const slice = text.slice(within.start, within.end).replace(/([^\n])\n(?=[^\n])/g, '$1 ');
  const out: Span[] = [];
  for (const paragraph of slice.matchAll(/[^\n]+/g)) {
    const doc = nlp.tokenize(paragraph[0]);
    for (const s of doc.json({ offset: true }) as { offset: { start: number; length: number } }[]) {
      let start = s.offset.start;
      let end = start + s.offset.length;
      const p = paragraph[0];
      while (start < end && /\s/.test(p[start] as string)) start++;
      while (end > start && /\s/.test(p[end - 1] as string)) end--;
      if (end > start) out.push({ start: within.start + paragraph.index + start, end: within.start + paragraph.index + end });
    }
  }
  return out;
}
