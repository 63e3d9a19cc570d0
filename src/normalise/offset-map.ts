import type { Span } from '../document/span.js';
import { span } from '../document/span.js';

/**
 * Maps every normalised character back to the source range it came from, so that any span in
 * the normalised text has exact source offsets (the role vfile-location plays for unified).
 */
export class OffsetMap {
  readonly #starts: Int32Array;
  readonly #ends: Int32Array;
  readonly sourceLength: number;

  constructor(starts: Int32Array, ends: Int32Array, sourceLength: number) {
    this.#starts = starts;
    this.#ends = ends;
    this.sourceLength = sourceLength;
  }

  get length(): number {
    return this.#starts.length;
  }

  /** Source offset where normalised offset `i` starts (the source length past the end). */
  toSourceOffset(i: number): number {
    return i < this.#starts.length ? (this.#starts[i] as number) : this.sourceLength;
  }

  /** The smallest source span that produced every character of the normalised span. */
  toSource(s: Span): Span {
    if (s.end <= s.start) {
      const at = this.toSourceOffset(s.start);
      return span(at, at);
    }
    return span(this.#starts[s.start] as number, this.#ends[s.end - 1] as number, this.sourceLength);
  }

  static identity(length: number): OffsetMap {
    const starts = new Int32Array(length);
    const ends = new Int32Array(length);
    for (let i = 0; i < length; i++) {
      starts[i] = i;
      ends[i] = i + 1;
    }
    return new OffsetMap(starts, ends, length);
  }
}

/** Collects normalised output together with its source ranges. */
/** The normalised span covering every normalised character that came from the source span. */
export function fromSource(map: OffsetMap, source: Span): Span {
  let start = map.length;
  let end = 0;
  for (let i = 0; i < map.length; i++) {
    const s = map.toSource({ start: i, end: i + 1 });
    if (s.end > source.start && s.start < source.end) {
      if (start === map.length) start = i;
      end = i + 1;
    }
  }
  if (end <= start) {
    // Nothing of it survived normalisation (a soft hyphen): an empty span where it was.
    let at = 0;
    while (at < map.length && map.toSourceOffset(at) < source.start) at++;
    return { start: at, end: at };
  }
  return { start, end };
}

export class MappedTextBuilder {
  #parts: string[] = [];
  #starts: Int32Array;
  #ends: Int32Array;
  #length = 0;

  constructor(capacity = 1024) {
    this.#starts = new Int32Array(Math.max(16, capacity));
    this.#ends = new Int32Array(Math.max(16, capacity));
  }

  #reserve(extra: number): void {
    if (this.#length + extra <= this.#starts.length) return;
    const size = Math.max(this.#starts.length * 2, this.#length + extra);
    const starts = new Int32Array(size);
    const ends = new Int32Array(size);
    starts.set(this.#starts.subarray(0, this.#length));
    ends.set(this.#ends.subarray(0, this.#length));
    this.#starts = starts;
    this.#ends = ends;
  }

  /** Appends `text`, every character of which came from source range [start, end). */
  push(text: string, start: number, end: number): void {
    this.#reserve(text.length);
    this.#parts.push(text);
    this.#starts.fill(start, this.#length, this.#length + text.length);
    this.#ends.fill(end, this.#length, this.#length + text.length);
    this.#length += text.length;
  }

  /** Appends source text unchanged: character k maps to [at + k, at + k + 1). */
  pushVerbatim(text: string, at: number): void {
    this.#reserve(text.length);
    this.#parts.push(text);
    for (let k = 0; k < text.length; k++) {
      this.#starts[this.#length + k] = at + k;
      this.#ends[this.#length + k] = at + k + 1;
    }
    this.#length += text.length;
  }

  build(sourceLength: number): { text: string; map: OffsetMap } {
    return {
      text: this.#parts.join(''),
      map: new OffsetMap(this.#starts.slice(0, this.#length), this.#ends.slice(0, this.#length), sourceLength),
    };
  }
}
