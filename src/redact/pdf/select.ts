import type { PdfLayout } from '../../ingest/pdf.js';
import type { Glyph, GlyphTable } from '../../pdf/glyph-table.js';
import type { AppliedRedaction } from '../text.js';
import { groupBy } from '../../util/group-by.js';

/** A rectangle in a page's user space (PDF points, origin bottom-left). */
export interface Box {
  readonly page: number;
  readonly x: number;
  readonly y: number;
  readonly width: number;
  readonly height: number;
}

/** A box with the line it covers: the label sits on that baseline, so reading order is kept. */
export interface TextBox extends Box {
  readonly baseline?: number;
  readonly fontSize?: number;
}

export interface PdfRedaction {
  readonly applied: AppliedRedaction;
  readonly glyphs: readonly number[];
  readonly boxes: readonly TextBox[];
}

const PAD = 0.5;

function boundsOf(glyphs: readonly Glyph[]): TextBox {
  let x0 = Number.POSITIVE_INFINITY;
  let y0 = Number.POSITIVE_INFINITY;
  let x1 = Number.NEGATIVE_INFINITY;
  let y1 = Number.NEGATIVE_INFINITY;
  for (const g of glyphs) {
    const b = g.bounds;
    x0 = Math.min(x0, b.x0);
    y0 = Math.min(y0, b.y0);
    x1 = Math.max(x1, b.x1);
    y1 = Math.max(y1, b.y1);
  }
  // An OCR layer's words do not cover the ink well (no descent, the last letters outside): over a
  // scan the box takes a margin of a letter on each side and the descenders below.
  if (glyphs.every((g) => g.invisible)) {
    const em = Math.max(...glyphs.map((g) => g.fontSize), 1);
    const letter = (x1 - x0) / Math.max(1, glyphs.length);
    x0 -= Math.max(letter * 0.5, em * 0.15);
    x1 += Math.max(letter * 1.2, em * 0.4);
    y0 -= em * 0.3;
    y1 += em * 0.15;
  }
  const first = glyphs[0];
  const page = first?.pageIndex ?? 0;
  // Horizontal text: the label can share the original baseline and size.
  const horizontal = first !== undefined && Math.abs(first.end[1] - first.origin[1]) < 0.01 && first.end[0] > first.origin[0];
  return {
    page: page + 1,
    x: x0 - PAD,
    y: y0 - PAD,
    width: x1 - x0 + 2 * PAD,
    height: y1 - y0 + 2 * PAD,
    ...(horizontal ? { baseline: first.origin[1], fontSize: first.fontSize } : {}),
  };
}

/**
 * Glyph indices per page in bands of baseline height, built once on first use: the glyphs on one
 * line are a few bands away, not a walk over the page for every box (that walk was most of
 * selecting glyphs on a dense page).
 */
const BAND = 4;

class PageGlyphs {
  #bands: Map<number, Map<number, number[]>> | undefined;
  #ys: Float64Array | undefined;
  /** Per page, glyphs without a usable baseline: on every line, as the walk over the page had them. */
  #unplaced = new Map<number, number[]>();
  constructor(private readonly table: GlyphTable) {}
  /** The glyphs of the page whose baseline lies less than `tolerance` from `y`, in index order. */
  near(page: number, y: number, tolerance: number): number[] {
    if (!this.#bands || !this.#ys) {
      this.#bands = new Map();
      this.#ys = new Float64Array(this.table.length);
      for (let i = 0; i < this.table.length; i++) {
        const p = this.table.pageIndex(i);
        const gy = this.table.value(i, 'originY');
        this.#ys[i] = gy;
        if (Number.isNaN(gy)) {
          const list = this.#unplaced.get(p);
          if (list) list.push(i);
          else this.#unplaced.set(p, [i]);
          continue;
        }
        let bands = this.#bands.get(p);
        if (!bands) this.#bands.set(p, (bands = new Map()));
        const band = Math.floor(gy / BAND);
        const list = bands.get(band);
        if (list) list.push(i);
        else bands.set(band, [i]);
      }
    }
    const ys = this.#ys;
    const out: number[] = [...(this.#unplaced.get(page) ?? [])];
    const bands = this.#bands.get(page);
    if (bands) {
      const first = Math.floor((y - tolerance) / BAND);
      const last = Math.floor((y + tolerance) / BAND);
      const take = (list: readonly number[]) => {
        for (const i of list) if (Math.abs((ys[i] as number) - y) < tolerance) out.push(i);
      };
      // A huge font size (or a NaN one) spans more bands than the page has: visit the page's bands.
      if (!(last - first <= bands.size)) for (const list of bands.values()) take(list);
      else for (let band = first; band <= last; band++) take(bands.get(band) ?? []);
    }
    return out.sort((a, b) => a - b);
  }
}

/** Kept glyphs on the baseline of `g` (horizontal text), by their centre's x. */
function keptOnLine(table: GlyphTable, pages: PageGlyphs, g: Glyph, selected: ReadonlySet<number>): { cx: number; x0: number; x1: number }[] {
  const out: { cx: number; x0: number; x1: number }[] = [];
  for (const i of pages.near(g.pageIndex, g.origin[1], 0.5 * g.fontSize)) {
    if (selected.has(i)) continue;
    // A space is no word: a box may span it.
    if (table.unicodeOf(i).trim() === '') continue;
    const x0 = table.value(i, 'x0');
    const x1 = table.value(i, 'x1');
    out.push({ cx: (x0 + x1) / 2, x0, x1 });
  }
  return out;
}

const isHorizontal = (g: Glyph) => Math.abs(g.end[1] - g.origin[1]) < 0.01 && g.end[0] > g.origin[0];

/**
 * The glyphs behind each redaction's characters, and its boxes: one per run of glyphs on one line
 * of one page, and a new run wherever a kept word lies between two of its glyphs (a value spread
 * over a table row gets a box per cell, not one across the kept cells between). A box never
 * reaches the centre of a kept glyph of its line, margins over scans included. Inserted spaces
 * and line breaks have no glyph and no box.
 */
export function selectGlyphs(layout: PdfLayout, applied: readonly AppliedRedaction[]): PdfRedaction[] {
  const table = layout.glyphs;
  const pages = new PageGlyphs(table);
  return applied.map((a) => {
    const indices: number[] = [];
    for (let i = a.source.start; i < a.source.end; i++) {
      const g = layout.glyphOf[i] ?? -1;
      if (g >= 0 && indices[indices.length - 1] !== g) indices.push(g);
    }
    const selected = new Set(indices);
    const runs: Glyph[][] = [];
    let run: Glyph[] = [];
    let last: Glyph | undefined;
    let kept: { cx: number; x0: number; x1: number }[] = [];
    const keptOf = new Map<Glyph[], typeof kept>();
    for (const index of indices) {
      const g = table.get(index);
      let sameLine =
        last !== undefined &&
        last.pageIndex === g.pageIndex &&
        Math.abs(last.origin[1] - g.origin[1]) < 0.5 * g.fontSize &&
        g.origin[0] >= last.origin[0] - 0.5 * g.fontSize;
      if (sameLine && last && isHorizontal(g) && g.bounds.x0 - last.bounds.x1 > 0.2 * g.fontSize) {
        // A gap wider than a space: is anything kept in it?
        const from = last.bounds.x1;
        const to = g.bounds.x0;
        if (kept.some((k) => k.cx > from && k.cx < to)) sameLine = false;
      }
      if (!sameLine && run.length > 0) {
        runs.push(run);
        run = [];
      }
      if (run.length === 0) {
        kept = isHorizontal(g) ? keptOnLine(table, pages, g, selected) : [];
        keptOf.set(run, kept);
      }
      run.push(g);
      last = g;
    }
    if (run.length > 0) runs.push(run);
    const boxes = runs.map((r) => clampToKept(boundsOf(r), r, keptOf.get(r) ?? []));
    return { applied: a, glyphs: indices, boxes };
  });
}

/** Narrows a box's sides so that it covers no kept glyph's centre next to its run. */
function clampToKept(box: TextBox, run: readonly Glyph[], kept: readonly { cx: number; x0: number; x1: number }[]): TextBox {
  if (kept.length === 0) return box;
  const start = Math.min(...run.map((g) => g.bounds.x0));
  const end = Math.max(...run.map((g) => g.bounds.x1));
  let x0 = box.x;
  let x1 = box.x + box.width;
  for (const k of kept) {
    if (k.cx <= start + 0.01 && k.cx >= x0) x0 = Math.min(start, Math.max(x0, k.x1));
    if (k.cx >= end - 0.01 && k.cx <= x1) x1 = Math.max(end, Math.min(x1, k.x0));
  }
  return x0 === box.x && x1 === box.x + box.width ? box : { ...box, x: x0, width: x1 - x0 };
}

/** Other glyphs whose centre lies inside a box (text drawn twice, overlapping layers): they go too. */
export function glyphsUnderBoxes(layout: PdfLayout, boxes: readonly Box[]): number[] {
  const byPage = groupBy(boxes, (box) => box.page);
  const out: number[] = [];
  const table = layout.glyphs;
  for (let index = 0; index < table.length; index++) {
    const onPage = byPage.get(table.pageIndex(index) + 1);
    // Invisible OCR text was selected exactly by its characters; the margins of boxes over a scan
    // must not take the neighbouring words of that layer with them.
    if (!onPage || table.invisible(index)) continue;
    const cx = (table.value(index, 'x0') + table.value(index, 'x1')) / 2;
    const y0 = table.value(index, 'y0');
    const cy = y0 + (table.value(index, 'y1') - y0) * 0.45;
    for (const box of onPage) {
      if (cx >= box.x && cx <= box.x + box.width && cy >= box.y && cy <= box.y + box.height) {
        out.push(index);
        break;
      }
    }
  }
  return out;
}
