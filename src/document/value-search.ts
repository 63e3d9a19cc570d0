import { escapeRegExp } from '../detect/engine.js';

// Letters of the scripts names are written in here (Latin with its extensions, Greek, Cyrillic).
// Plain classes, not \p{L}: these regexes are compiled for every document, and V8 compiles
// Unicode-property classes slowly. The blocks' signs are left out: the multiplication and
// division signs (U+00D7, U+00F7), the Greek question mark and ano teleia (U+037E, U+0387: a PDF's
// ToUnicode may give them for ";" and a middle dot, and normalisation turns them back), Greek
// numeral and tonos signs, U+03F6 (a maths sign) and the Cyrillic thousands sign (U+0482).
const LETTER =
  'A-Za-z\\u00C0-\\u00D6\\u00D8-\\u00F6\\u00F8-\\u024F\\u0370-\\u0373\\u0376\\u0377\\u037A-\\u037D\\u037F\\u0386\\u0388-\\u03F5\\u03F7-\\u03FF\\u0400-\\u0481\\u0483-\\u04FF\\uFB00-\\uFB06';
const DIGIT = '0-9';

/**
 * A value matches as a whole word where it starts and ends: a letter may not touch another letter,
 * a digit not another digit. "Jan" is found in "8Jan" (the 8 may be redacted next to it, and then
 * "Jan" would stand alone), "06 1234" not in "106 1234" but in "T06 1234".
 */
function bounded(key: string): string {
  const body = escapeRegExp(key).replace(/ /g, '\\s+');
  const edge = (ch: string | undefined) => (ch && /[0-9]/.test(ch) ? DIGIT : ch && /\p{L}/u.test(ch) ? LETTER : '');
  const before = edge(key[0]);
  const after = edge(key[key.length - 1]);
  return `${before ? `(?<![${before}])` : ''}${body}${after ? `(?![${after}])` : ''}`;
}

/** The form values are compared in: trimmed, runs of whitespace as one space, maybe lower case. */
export function valueKey(value: string, caseSensitive: boolean): string {
  const key = value.trim().replace(/\s+/g, ' ');
  return caseSensitive ? key : key.toLowerCase();
}

const LETTER_TEST = new RegExp(`[${LETTER}]`);
const DIGIT_TEST = /[0-9]/;

function edgeTest(ch: string | undefined): RegExp | undefined {
  if (ch === undefined) return undefined;
  if (DIGIT_TEST.test(ch)) return DIGIT_TEST;
  return LETTER_TEST.test(ch) ? LETTER_TEST : undefined;
}

/**
 * The offsets a longer value already took, as a sorted list of disjoint ranges: a byte per
 * character of the text was 2 x 21 MB per search of a scan's 21 MB output file.
 */
export class TakenRanges {
  readonly #starts: number[] = [];
  readonly #ends: number[] = [];

  /** The index of the last range starting at or before `at`, or -1. */
  #before(at: number): number {
    let lo = 0;
    let hi = this.#starts.length - 1;
    let found = -1;
    while (lo <= hi) {
      const mid = (lo + hi) >> 1;
      if ((this.#starts[mid] as number) <= at) {
        found = mid;
        lo = mid + 1;
      } else hi = mid - 1;
    }
    return found;
  }

  has(at: number): boolean {
    const k = this.#before(at);
    return k >= 0 && at < (this.#ends[k] as number);
  }

  add(start: number, end: number): void {
    // Merge with every range it overlaps or touches.
    let first = this.#before(start);
    if (first < 0 || (this.#ends[first] as number) < start) first++;
    let last = first;
    let s = start;
    let e = end;
    while (last < this.#starts.length && (this.#starts[last] as number) <= end) {
      s = Math.min(s, this.#starts[last] as number);
      e = Math.max(e, this.#ends[last] as number);
      last++;
    }
    this.#starts.splice(first, last - first, s);
    this.#ends.splice(first, last - first, e);
  }
}

/** Characters a raw-bytes text is lower-cased in at a time (see find). */
export const LOWER_CASE_WINDOW = 1 << 22;
const BEYOND_LATIN1 = /[^\u0000-\u00ff]/;

/** Values compiled once for searching many texts (the same values in every stream of a PDF). */
export interface ValueMatcher {
  find(haystack: string): Map<string, { start: number; end: number }[]>;
}

export function compileValues(values: readonly string[], caseSensitive: boolean): ValueMatcher {
  const keys = [...new Set(values.map((v) => valueKey(v, caseSensitive)).filter((k) => k.length > 0))];
  // Longest first, so that "Anouk de Wit" wins over "Anouk" at the same place.
  const compiled = [...keys]
    .sort((a, b) => b.length - a.length)
    .map((key) => ({
      key,
      firstWord: key.split(' ')[0] as string,
      rest: new RegExp(escapeRegExp(key).replace(/ /g, '\\s+'), caseSensitive ? 'y' : 'iy'),
      before: edgeTest(key[0]),
      after: edgeTest(key[key.length - 1]),
    }));
  return {
    find(haystack) {
      const found = new Map<string, { start: number; end: number }[]>(keys.map((k) => [k, []]));
      if (keys.length === 0) return found;
      const n = haystack.length;
      // A long text of Latin-1 only (a PDF's raw bytes) is lower-cased a window at a time, not copied
      // whole: there every character lower-cases to one character on its own. Each window also holds
      // the first words that start in it.
      const windowed = !caseSensitive && n > LOWER_CASE_WINDOW && !BEYOND_LATIN1.test(haystack);
      const reach = Math.max(...compiled.map((c) => c.firstWord.length)) - 1;
      const taken = new TakenRanges();
      for (let from = 0; from < n || from === 0; from += windowed ? LOWER_CASE_WINDOW : n) {
        const to = windowed ? Math.min(n, from + LOWER_CASE_WINDOW) : n;
        const text = windowed ? haystack.slice(from, Math.min(n, to + reach)) : haystack;
        // Lower-casing keeps offsets only when no character changes length; otherwise use the regex.
        const lowered = caseSensitive ? text : text.toLowerCase();
        if (lowered.length !== text.length) return findValuesByRegex(haystack, keys, caseSensitive, found);
        // Longest first in each window: a longer value that takes an offset starts at or before it.
        for (const { key, firstWord, rest, before, after } of compiled) {
          const spans = found.get(key) as { start: number; end: number }[];
          for (let k = lowered.indexOf(firstWord); k !== -1 && from + k < to; k = lowered.indexOf(firstWord, k + 1)) {
            const at = from + k;
            if (taken.has(at) || (before && at > 0 && before.test(haystack[at - 1] as string))) continue;
            rest.lastIndex = at;
            const m = rest.exec(haystack);
            if (!m) continue;
            const end = at + m[0].length;
            if (after && end < n && after.test(haystack[end] as string)) continue;
            spans.push({ start: at, end });
            taken.add(at, end);
          }
        }
        if (to >= n) break;
      }
      for (const spans of found.values()) spans.sort((a, b) => a.start - b.start);
      return found;
    },
  };
}

/**
 * Finds every whole-word occurrence of any of `values`, with any run of whitespace where a value
 * has a space. Returns the spans per value key (see `valueKey`). Candidates come from indexOf on
 * the value's first word; a sticky regex confirms the rest, so no regex scans the whole text.
 */
export function findValues(haystack: string, values: readonly string[], caseSensitive: boolean): Map<string, { start: number; end: number }[]> {
  return compileValues(values, caseSensitive).find(haystack);
}

function findValuesByRegex(haystack: string, keys: readonly string[], caseSensitive: boolean, found: Map<string, { start: number; end: number }[]>): Map<string, { start: number; end: number }[]> {
  const sorted = [...keys].sort((a, b) => b.length - a.length);
  const regex = new RegExp(sorted.map(bounded).join('|'), caseSensitive ? 'g' : 'gi');
  for (let m = regex.exec(haystack); m; m = regex.exec(haystack)) {
    found.get(valueKey(m[0], caseSensitive))?.push({ start: m.index, end: m.index + m[0].length });
  }
  return found;
}

/** How often `value` occurs as a whole word in `haystack`. */
export function countOccurrences(haystack: string, value: string, caseSensitive: boolean): number {
  return findValues(haystack, [value], caseSensitive).get(valueKey(value, caseSensitive))?.length ?? 0;
}
