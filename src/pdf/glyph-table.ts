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

/**
 * Every glyph of a document in flat typed arrays: a 1,000-page PDF has millions of glyphs, and
 * an object per glyph costs five times the memory. Glyph objects are made only where needed.
 */
export class GlyphTable {
  #numbers = new Float64Array(1024 * NUMBERS);
  #ints = new Int32Array(1024 * INTS);
  #flags = new Uint8Array(1024);
  #unicode: string[] = [];
  #targets: StreamTarget[] = [];
  #targetIndex = new Map<StreamTarget, number>();
  length = 0;

  #grow(): void {
    const grow = <T extends Float64Array | Int32Array | Uint8Array>(a: T, make: (n: number) => T): T => {
      const b = make(a.length * 2);
      b.set(a);
      return b;
    };
    this.#numbers = grow(this.#numbers, (n) => new Float64Array(n));
    this.#ints = grow(this.#ints, (n) => new Int32Array(n));
    this.#flags = grow(this.#flags, (n) => new Uint8Array(n));
  }

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
    if (this.length >= this.#flags.length) this.#grow();
    const i = this.length++;
    let t = this.#targetIndex.get(target);
    if (t === undefined) {
      t = this.#targets.length;
      this.#targets.push(target);
      this.#targetIndex.set(target, t);
    }
    const n = this.#numbers;
    const o = i * NUMBERS;
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
    const k = this.#ints;
    const p = i * INTS;
    k[p] = pageIndex;
    k[p + 1] = t;
    k[p + 2] = opIndex;
    k[p + 3] = itemIndex;
    k[p + 4] = byteStart;
    k[p + 5] = byteEnd;
    this.#flags[i] = invisible ? 1 : 0;
    this.#unicode[i] = unicode;
    return i;
  }

  get(i: number): Glyph {
    const n = this.#numbers.subarray(i * NUMBERS, (i + 1) * NUMBERS);
    const k = this.#ints.subarray(i * INTS, (i + 1) * INTS);
    return {
      pageIndex: k[0] as number,
      target: this.#targets[k[1] as number] as StreamTarget,
      opIndex: k[2] as number,
      itemIndex: k[3] as number,
      byteStart: k[4] as number,
      byteEnd: k[5] as number,
      unicode: this.#unicode[i] as string,
      bounds: { x0: n[0] as number, y0: n[1] as number, x1: n[2] as number, y1: n[3] as number },
      origin: [n[4] as number, n[5] as number],
      end: [n[6] as number, n[7] as number],
      fontSize: n[8] as number,
      tjAdjust: n[9] as number,
      invisible: this.#flags[i] === 1,
    };
  }

  /** Frees the table's memory once the redactions are applied (long documents hold millions). */
  release(): void {
    this.#numbers = new Float64Array(0);
    this.#ints = new Int32Array(0);
    this.#flags = new Uint8Array(0);
    this.#unicode = [];
    this.length = 0;
  }

  /** One number of a glyph without making an object (for hot loops over every glyph). */
  value(i: number, field: GlyphField): number {
    return this.#numbers[i * NUMBERS + FIELD[field]] as number;
  }

  unicodeOf(i: number): string {
    return this.#unicode[i] as string;
  }

  pageIndex(i: number): number {
    return this.#ints[i * INTS] as number;
  }

  invisible(i: number): boolean {
    return this.#flags[i] === 1;
  }
}
