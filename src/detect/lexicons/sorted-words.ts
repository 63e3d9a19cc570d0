/** What name detection asks of a word list. */
export interface WordSet {
  has(word: string): boolean;
}

/** Order of two strings by UTF-16 code units, as `<` orders them (and the lexicon builder sorts). */
function compareAt(text: string, start: number, end: number, word: string): number {
  const n = Math.min(end - start, word.length);
  for (let k = 0; k < n; k++) {
    const d = text.charCodeAt(start + k) - word.charCodeAt(k);
    if (d !== 0) return d;
  }
  return end - start - word.length;
}

/**
 * A large sorted word list (one entry per line, "#" comment lines first) searched by halving in
 * its own text. A Set of the 118,000 surname cores took every thread (the main one and each batch
 * worker) about 0.1-0.2 s to build at start-up and held each entry as a string of its own; this
 * keeps one string and an index of line starts. The lines must be sorted and trimmed
 * (scripts/build-lexicons.mjs writes them so; tests/lexicons.test.ts checks).
 */
export class SortedWordList implements WordSet {
  readonly #text: string;
  readonly #starts: Int32Array;
  readonly #ends: Int32Array;

  constructor(text: string) {
    const starts: number[] = [];
    const ends: number[] = [];
    let at = 0;
    while (at < text.length) {
      let end = text.indexOf('\n', at);
      if (end < 0) end = text.length;
      const lineEnd = end > at && text.charCodeAt(end - 1) === 13 ? end - 1 : end; // CRLF
      if (lineEnd > at && text.charCodeAt(at) !== 35 /* # */) {
        starts.push(at);
        ends.push(lineEnd);
      }
      at = end + 1;
    }
    this.#text = text;
    this.#starts = Int32Array.from(starts);
    this.#ends = Int32Array.from(ends);
  }

  get size(): number {
    return this.#starts.length;
  }

  /** The entries in order (for checks and tools; lookups never build it). */
  *entries(): IterableIterator<string> {
    for (let i = 0; i < this.#starts.length; i++) yield this.#text.slice(this.#starts[i], this.#ends[i]);
  }

  has(word: string): boolean {
    let lo = 0;
    let hi = this.#starts.length - 1;
    while (lo <= hi) {
      const mid = (lo + hi) >>> 1;
      const c = compareAt(this.#text, this.#starts[mid] as number, this.#ends[mid] as number, word);
      if (c === 0) return true;
      if (c < 0) lo = mid + 1;
      else hi = mid - 1;
    }
    return false;
  }
}
