import { escapeRegExp } from '../detect/engine.js';

// Letters of the scripts names are written in here (Latin with its extensions, Greek, Cyrillic).
// Plain classes, not \p{L}: these regexes are compiled for every document, and V8 compiles
// Unicode-property classes slowly.
const LETTER = 'A-Za-z\\u00C0-\\u024F\\u0370-\\u03FF\\u0400-\\u04FF\\uFB00-\\uFB06';
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

/**
 * Finds every whole-word occurrence of any of `values` in one pass, with any run of whitespace
 * where a value has a space. Returns the spans per value key (see `valueKey`).
 */
export function findValues(haystack: string, values: readonly string[], caseSensitive: boolean): Map<string, { start: number; end: number }[]> {
  const keys = [...new Set(values.map((v) => valueKey(v, caseSensitive)).filter((k) => k.length > 0))];
  const found = new Map<string, { start: number; end: number }[]>(keys.map((k) => [k, []]));
  if (keys.length === 0) return found;
  // Longest first, so that "Anouk de Wit" wins over "Anouk" at the same place.
  keys.sort((a, b) => b.length - a.length);
  const regex = new RegExp(keys.map(bounded).join('|'), caseSensitive ? 'g' : 'gi');
  for (let m = regex.exec(haystack); m; m = regex.exec(haystack)) {
    const key = valueKey(m[0], caseSensitive);
    found.get(key)?.push({ start: m.index, end: m.index + m[0].length });
  }
  return found;
}

/** How often `value` occurs as a whole word in `haystack`. */
export function countOccurrences(haystack: string, value: string, caseSensitive: boolean): number {
  return findValues(haystack, [value], caseSensitive).get(valueKey(value, caseSensitive))?.length ?? 0;
}
