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
export class MappedTextBuilder {
  #parts: string[] = [];
  #starts: number[] = [];
  #ends: number[] = [];

  /** Appends `text`, every character of which came from source range [start, end). */
  push(text: string, start: number, end: number): void {
    this.#parts.push(text);
    for (let k = 0; k < text.length; k++) {
      this.#starts.push(start);
      this.#ends.push(end);
    }
  }

  lastChar(): string | undefined {
    const last = this.#parts[this.#parts.length - 1];
    return last?.[last.length - 1];
  }

  build(sourceLength: number): { text: string; map: OffsetMap } {
    return {
      text: this.#parts.join(''),
      map: new OffsetMap(Int32Array.from(this.#starts), Int32Array.from(this.#ends), sourceLength),
    };
  }
}
