import type { StreamTarget } from './interpret.js';

/** A glyph as the redactor uses it (materialised from the table on demand). */
export interface Glyph {
  readonly pageIndex: number;
  readonly target: StreamTarget;
  readonly opIndex: number;
  /** Index of the string within the operands (TJ array item index; 0 for Tj, ', 2 for "). */
  readonly itemIndex: number;
  /** Byte range of the code within that string. */
  readonly byteStart: number;
  readonly byteEnd: number;
  readonly unicode: string;
  /** Axis-aligned bounds of the glyph's box (advance x em height) in page user space. */
  readonly bounds: { readonly x0: number; readonly y0: number; readonly x1: number; readonly y1: number };
  /** Baseline start and end in user space, for line building. */
  readonly origin: readonly [number, number];
  readonly end: readonly [number, number];
  readonly fontSize: number;
  /** TJ adjustment (thousandths of text space) that replaces this glyph's advance exactly. */
  readonly tjAdjust: number;
  readonly invisible: boolean;
}

const NUMBERS = 10; // x0 y0 x1 y1 ox oy ex ey fontSize tjAdjust
const FIELD = { x0: 0, y0: 1, x1: 2, y1: 3, originX: 4, originY: 5, endX: 6, endY: 7, fontSize: 8, tjAdjust: 9 } as const;
export type GlyphField = keyof typeof FIELD;
const INTS = 6; // pageIndex targetIndex opIndex itemIndex byteStart byteEnd

// Glyphs are stored in chunks of 2^14: a long document grows by one chunk at a time, never by
// copying everything into an array twice the size (which held up to three times the glyphs'
// memory at the moment of growing).
const SHIFT = 14;
const CHUNK = 1 << SHIFT;
const MASK = CHUNK - 1;

/**
 * Every glyph of a document in flat typed arrays: a 1,000-page PDF has millions of glyphs, and
 * an object per glyph costs five times the memory. Glyph objects are made only where needed.
 * Numbers are 32-bit floats: positions on a page (at most 14,400 units) keep three decimals,
 * finer than anything drawn, and TJ adjustments are written with three decimals.
 */
export class GlyphTable {
  #numbers: Float32Array[] = [];
  #ints: Int32Array[] = [];
  #flags: Uint8Array[] = [];
  #unicode: string[] = [];
  #targets: StreamTarget[] = [];
  #targetIndex = new Map<StreamTarget, number>();
  #lastTarget: StreamTarget | undefined;
  #lastTargetIndex = -1;
  length = 0;

  /** Appends a glyph from its fields (the interpreter's hot path: no object per glyph). */
  pushRaw(
    pageIndex: number,
    target: StreamTarget,
    opIndex: number,
    itemIndex: number,
    byteStart: number,
    byteEnd: number,
    unicode: string,
    x0: number,
    y0: number,
    x1: number,
    y1: number,
    ox: number,
    oy: number,
    ex: number,
    ey: number,
    fontSize: number,
    tjAdjust: number,
    invisible: boolean,
  ): number {
    const i = this.length++;
    const c = i >> SHIFT;
    if (c === this.#flags.length) {
      this.#numbers.push(new Float32Array(CHUNK * NUMBERS));
      this.#ints.push(new Int32Array(CHUNK * INTS));
      this.#flags.push(new Uint8Array(CHUNK));
    }
    // Glyphs come in runs from one stream: the last target is looked up first.
    let t = target === this.#lastTarget ? this.#lastTargetIndex : this.#targetIndex.get(target);
    if (t === undefined) {
      t = this.#targets.length;
      this.#targets.push(target);
      this.#targetIndex.set(target, t);
    }
    this.#lastTarget = target;
    this.#lastTargetIndex = t;
    const n = this.#numbers[c] as Float32Array;
    const o = (i & MASK) * NUMBERS;
    n[o] = x0;
    n[o + 1] = y0;
    n[o + 2] = x1;
    n[o + 3] = y1;
    n[o + 4] = ox;
    n[o + 5] = oy;
    n[o + 6] = ex;
    n[o + 7] = ey;
    n[o + 8] = fontSize;
    n[o + 9] = tjAdjust;
    const k = this.#ints[c] as Int32Array;
    const p = (i & MASK) * INTS;
    k[p] = pageIndex;
    k[p + 1] = t;
    k[p + 2] = opIndex;
    k[p + 3] = itemIndex;
    k[p + 4] = byteStart;
    k[p + 5] = byteEnd;
    (this.#flags[c] as Uint8Array)[i & MASK] = invisible ? 1 : 0;
    this.#unicode[i] = unicode;
    return i;
  }

  get(i: number): Glyph {
    const c = i >> SHIFT;
    const o = (i & MASK) * NUMBERS;
    const p = (i & MASK) * INTS;
    const n = this.#numbers[c] as Float32Array;
    const k = this.#ints[c] as Int32Array;
    return {
      pageIndex: k[p] as number,
      target: this.#targets[k[p + 1] as number] as StreamTarget,
      opIndex: k[p + 2] as number,
      itemIndex: k[p + 3] as number,
      byteStart: k[p + 4] as number,
      byteEnd: k[p + 5] as number,
      unicode: this.#unicode[i] as string,
      bounds: { x0: n[o] as number, y0: n[o + 1] as number, x1: n[o + 2] as number, y1: n[o + 3] as number },
      origin: [n[o + 4] as number, n[o + 5] as number],
      end: [n[o + 6] as number, n[o + 7] as number],
      fontSize: n[o + 8] as number,
      tjAdjust: n[o + 9] as number,
      invisible: this.invisible(i),
    };
  }

  /** Frees the table's memory once the redactions are applied (long documents hold millions). */
  release(): void {
    this.#numbers = [];
    this.#ints = [];
    this.#flags = [];
    this.#unicode = [];
    this.length = 0;
  }

  /** One number of a glyph without making an object (for hot loops over every glyph). */
  value(i: number, field: GlyphField): number {
    return (this.#numbers[i >> SHIFT] as Float32Array)[(i & MASK) * NUMBERS + FIELD[field]] as number;
  }

  unicodeOf(i: number): string {
    return this.#unicode[i] as string;
  }

  pageIndex(i: number): number {
    return (this.#ints[i >> SHIFT] as Int32Array)[(i & MASK) * INTS] as number;
  }

  invisible(i: number): boolean {
    return (this.#flags[i >> SHIFT] as Uint8Array)[i & MASK] === 1;
  }
}
