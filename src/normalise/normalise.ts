import { ELLIPSIS_CONJUNCTIONS, INVISIBLE, LIGATURES, QUOTES_AND_DASHES, SPACE_LIKE } from './tables.js';
import { MappedTextBuilder, type OffsetMap } from './offset-map.js';

export interface NormalisedText {
  readonly text: string;
  readonly map: OffsetMap;
}

/** Spaces in a row that separate layout columns rather than words. */
const COLUMN_GAP = 3;
const COMBINING = /[\u0300-\u036F\u1AB0-\u1AFF\u1DC0-\u1DFF\u20D0-\u20FF\uFE20-\uFE2F]/;
const LETTER = /\p{L}/u;
const LOWER = /\p{Ll}/u;
const HYPHEN = /[-\u2010\u2011]/;

function isHorizontalSpace(c: string | undefined): boolean {
  return c === ' ' || (c !== undefined && SPACE_LIKE.test(c));
}

/** The lower-case word that starts at `i` (letters only), for the ellipsis check. */
function wordAt(source: string, i: number): string {
  let j = i;
  while (j < source.length && LETTER.test(source[j] as string)) j++;
  return source.slice(i, j).toLowerCase();
}

/**
 * Where a line-end hyphen at `i` breaks a word, returns the source index of the continuation and
 * whether the hyphen belongs to the word (double names, "Noord-\nHolland"); otherwise null.
 */
function lineEndHyphen(source: string, i: number): { next: number; keepHyphen: boolean } | null {
  const before = source[i - 1];
  if (before === undefined || !LETTER.test(before)) return null;
  let j = i + 1;
  while (isHorizontalSpace(source[j])) j++;
  if (source[j] === '\r') j++;
  if (source[j] !== '\n') return null;
  j++;
  while (isHorizontalSpace(source[j])) j++;
  const after = source[j];
  if (after === undefined || !LETTER.test(after)) return null;
  if (LOWER.test(after)) {
    if (ELLIPSIS_CONJUNCTIONS.has(wordAt(source, j))) return null;
    return { next: j, keepHyphen: false };
  }
  return { next: j, keepHyphen: true };
}

/**
 * Normalises OCR'd text for detection without losing positions: NFC, ligatures, soft hyphens and
 * other invisibles, curly quotes and dashes, line-end hyphenation, CRLF, and runs of spaces (one
 * space; a tab where a wide gap or a tab separates columns).
 * Line breaks and form feeds (page breaks) are kept, because structure depends on them.
 */
/** Characters that never change: ASCII letters, digits and most punctuation, and a single space between them. */
function isPlain(code: number, next: number): boolean {
  if (code >= 0x30 && code <= 0x39) return true;
  if ((code >= 0x41 && code <= 0x5a) || (code >= 0x61 && code <= 0x7a)) return next < 0x300 || next > 0x36f;
  if (code === 0x20) return next !== 0x20 && next !== 0x09 && next !== 0xa0 && !(next >= 0x2000 && next <= 0x200a);
  if (code >= 0xc0 && code <= 0x24f && code !== 0x132 && code !== 0x133) return next < 0x300 || next > 0x36f;
  return code === 0x2e || code === 0x2c || code === 0x3a || code === 0x3b || code === 0x28 || code === 0x29 || code === 0x2f || code === 0x0a || code === 0x0c || code === 0x40;
}

export function normalise(source: string): NormalisedText {
  const out = new MappedTextBuilder(source.length + 16);
  const n = source.length;
  let i = 0;
  while (i < n) {
    // Copy runs of characters that normalisation leaves alone in one go.
    let run = i;
    while (run < n && isPlain(source.charCodeAt(run), run + 1 < n ? source.charCodeAt(run + 1) : 0)) run++;
    if (run > i) {
      out.pushVerbatim(source.slice(i, run), i);
      i = run;
      continue;
    }
    const c = source[i] as string;

    if (c === '\r') {
      const end = source[i + 1] === '\n' ? i + 2 : i + 1;
      out.push('\n', i, end);
      i = end;
      continue;
    }
    if (INVISIBLE.test(c)) {
      // A soft hyphen at a line end is a word break: drop the line break with it.
      if (c === '\u00AD') {
        const brk = lineEndHyphen(source, i);
        if (brk && !brk.keepHyphen) {
          i = brk.next;
          continue;
        }
      }
      i++;
      continue;
    }
    if (HYPHEN.test(c)) {
      const brk = lineEndHyphen(source, i);
      if (brk) {
        if (brk.keepHyphen) out.push('-', i, i + 1);
        i = brk.next;
        continue;
      }
    }
    if (c === ' ' || SPACE_LIKE.test(c)) {
      let j = i + 1;
      let tab = c === '\t';
      while (j < n && isHorizontalSpace(source[j])) {
        if (source[j] === '\t') tab = true;
        j++;
      }
      // A wide gap separates columns (a letterhead merged into body lines by OCR): keep it
      // visible as one tab so that structure can split the line into cells.
      out.push(tab || j - i >= COLUMN_GAP ? '\t' : ' ', i, j);
      i = j;
      continue;
    }
    const replacement = LIGATURES[c] ?? QUOTES_AND_DASHES[c];
    if (replacement !== undefined) {
      out.push(replacement, i, i + 1);
      i++;
      continue;
    }
    // A base character with combining marks becomes its NFC composition, mapped to all of them.
    let j = i + 1;
    while (j < n && COMBINING.test(source[j] as string)) j++;
    if (j > i + 1) {
      out.push(source.slice(i, j).normalize('NFC'), i, j);
      i = j;
      continue;
    }
    out.push(c, i, i + 1);
    i++;
  }
  return out.build(n);
}
