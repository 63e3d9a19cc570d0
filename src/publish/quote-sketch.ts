/**
 * Recognising an e-mail inside another when one of the two was printed, scanned and OCR'd: the
 * texts differ by OCR noise (l/1, O/0, rn/m, dropped accents, split and merged words, stray
 * punctuation), so neither the exact message hashes nor a plain text search find the copy.
 *
 * Each text is folded (accents, case, the usual OCR confusions l/1/i, O/0, rn/m, c/e, u/n, b/h,
 * ij/y, everything but letters and digits dropped, so split and merged words compare equal) and
 * cut into overlapping character grams. A gram is kept when its hash falls in a fixed eighth of the hash space: the same gram
 * is kept in every document, so the kept grams estimate how much of one text occurs in another
 * (containment) from a sketch an eighth of the size. A substituted character spoils the grams
 * around it only. The kept grams are counted within one stretch of the other text about as long
 * as the copy (a quoted copy is one passage; a long unrelated thread holds many of a short mail's
 * grams by chance, scattered), and grams in the own body of several e-mails (signatures,
 * disclaimers, template sentences) are left out by the caller.
 *
 * Measured: scripts/bench-relate.mjs (generated threads, invented words): of 5000 e-mails in
 * threads of five, every other thread's second and fourth "scanned", 3322 of the 3500 quoted
 * pairs with a scanned side are found (the exact hashes find none), no wrong link, in 1.3 s. On
 * 204 e-mails built from paragraphs of the real-dev set with the tests' noise (script not
 * committed): 117 of 125 such pairs; five more pairs linked that were not built as quotations,
 * in each of which one mail's paragraph does stand in the other. A 600-character passage against
 * 60,000 characters of unrelated real text reaches at most 0.41.
 *
 * Sketches are read from the redacted text and hold 24-bit hashes only: nothing redacted is in
 * them, and no text can be read back from them.
 */

/** Characters per gram: long enough to be specific, short enough to survive OCR noise between errors. */
const GRAM = 8;
/** A gram is kept when the low bits of its hash are zero: one in eight. */
const SAMPLE_MASK = 7;
/** A copy's kept grams found in the other text, at least. */
export const CONTAINMENT_THRESHOLD = 0.75;
/** Fewer kept grams than this (a message of under ~100 characters) cannot be told apart reliably. */
export const MIN_SKETCH = 12;

/**
 * Folds OCR's usual confusions and drops all but letters and digits. Both texts are folded alike,
 * so a folded pair (c and e) costs a little specificity, never a match.
 */
export function foldForOcr(text: string): string {
  return text
    .normalize('NFKD')
    .replace(/[\u0300-\u036f]/g, '')
    .toLowerCase()
    .replace(/rn/g, 'm')
    .replace(/vv/g, 'w')
    .replace(/ij/g, 'y')
    .replace(/0/g, 'o')
    .replace(/[1l|!]/g, 'i')
    .replace(/5/g, 's')
    .replace(/c/g, 'e')
    .replace(/u/g, 'n')
    .replace(/b/g, 'h')
    .replace(/[^a-z0-9]/g, '');
}

/** FNV-1a, 32 bits: deterministic, fast, good enough for sampling and set membership. */
function fnv1a(text: string, start: number, end: number): number {
  let h = 0x811c9dc5;
  for (let i = start; i < end; i++) {
    h ^= text.charCodeAt(i);
    h = Math.imul(h, 0x01000193) >>> 0;
  }
  return h >>> 0;
}

/** The kept grams' hashes of a (comparable) text, in text order, each at its first occurrence. */
export function sketchOf(text: string): number[] {
  const folded = foldForOcr(text);
  const seen = new Set<number>();
  const out: number[] = [];
  for (let i = 0; i + GRAM <= folded.length; i++) {
    const h = fnv1a(folded, i, i + GRAM);
    // Bits 8-31 are stored, bits 0-2 choose: independent, so the stored values stay uniform.
    if ((h & SAMPLE_MASK) !== 0) continue;
    const v = h >>> 8;
    if (seen.has(v)) continue;
    seen.add(v);
    out.push(v);
  }
  return out;
}

/** A sketch as stored in the facts: 24-bit values, three bytes each, base64. */
export function encodeSketch(values: readonly number[]): string {
  const bytes = Buffer.alloc(values.length * 3);
  values.forEach((v, i) => {
    bytes[i * 3] = (v >>> 16) & 0xff;
    bytes[i * 3 + 1] = (v >>> 8) & 0xff;
    bytes[i * 3 + 2] = v & 0xff;
  });
  return bytes.toString('base64');
}

export function decodeSketch(encoded: string): number[] {
  const bytes = Buffer.from(encoded, 'base64');
  const out: number[] = [];
  for (let i = 0; i + 2 < bytes.length; i += 3) out.push(((bytes[i] as number) << 16) | ((bytes[i + 1] as number) << 8) | (bytes[i + 2] as number));
  return out;
}

/** Positions of each value in a sketch (values are unique within one). */
export function positionsOf(sketch: readonly number[]): Map<number, number> {
  return new Map(sketch.map((v, i) => [v, i]));
}

/**
 * The share of `part`'s values found in `whole` within one stretch about as long as `part`: a
 * quoted copy is one contiguous passage, while a long unrelated text holds many of a short
 * text's grams by chance, scattered. `positions` is positionsOf(whole).
 */
export function containment(part: readonly number[], positions: ReadonlyMap<number, number>): number {
  if (part.length === 0) return 0;
  const found: number[] = [];
  for (const v of part) {
    const at = positions.get(v);
    if (at !== undefined) found.push(at);
  }
  if (found.length === 0) return 0;
  found.sort((a, b) => a - b);
  // OCR adds and drops grams: the stretch may be half as long again as the part.
  const width = Math.ceil(part.length * 1.5) + 4;
  let best = 0;
  for (let lo = 0, hi = 0; hi < found.length; hi++) {
    while ((found[hi] as number) - (found[lo] as number) >= width) lo++;
    best = Math.max(best, hi - lo + 1);
  }
  return best / part.length;
}
