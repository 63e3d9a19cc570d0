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
  const first = glyphs[0];
  // An OCR layer's words do not cover the ink well (no descent, the last letters outside): over a
  // scan the box takes a margin of a letter on each side and the descenders below, along and
  // across the line's direction (a scan's text on a turned page runs up or down the page).
  if (glyphs.every((g) => g.invisible)) {
    const em = Math.max(...glyphs.map((g) => g.fontSize), 1);
    const [dx, dy] = (first && upOrDown(first) && directionOf(first)) || [1, 0];
    const letter = (Math.abs((x1 - x0) * dx) + Math.abs((y1 - y0) * dy)) / Math.max(1, glyphs.length);
    // Widens the box by `amount` towards (vx, vy).
    const widen = (vx: number, vy: number, amount: number) => {
      if (vx < 0) x0 += vx * amount;
      else x1 += vx * amount;
      if (vy < 0) y0 += vy * amount;
      else y1 += vy * amount;
    };
    widen(-dx, -dy, Math.max(letter * 0.5, em * 0.15));
    widen(dx, dy, Math.max(letter * 1.2, em * 0.4));
    // The glyphs' up is the direction turned a quarter anticlockwise.
    widen(dy, -dx, em * 0.3);
    widen(-dy, dx, em * 0.15);
  }
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

/** The unit direction of a glyph's baseline (origin to end); undefined for a glyph without advance. */
function directionOf(g: Glyph): [number, number] | undefined {
  const dx = g.end[0] - g.origin[0];
  const dy = g.end[1] - g.origin[1];
  const length = Math.hypot(dx, dy);
  return length > 1e-6 ? [dx / length, dy / length] : undefined;
}

/** Whether a glyph's text runs up or down the page (more than 60 degrees from across it). */
function upOrDown(g: Glyph): boolean {
  const d = directionOf(g);
  return d !== undefined && Math.abs(d[0]) < 0.5;
}

/**
 * For text that runs up or down the page (a turned page's), whether `g` follows
 * `last` on its line, and how far apart their glyphs are along it.
 */
function alongLine(last: Glyph, g: Glyph): { sameLine: boolean; gap: number } {
  const d = directionOf(last);
  const e = directionOf(g);
  if (!d || !e || d[0] * e[0] + d[1] * e[1] < 0.99) return { sameLine: false, gap: 0 };
  const rx = g.origin[0] - last.origin[0];
  const ry = g.origin[1] - last.origin[1];
  const along = rx * d[0] + ry * d[1];
  const across = ry * d[0] - rx * d[1];
  const advance = Math.hypot(last.end[0] - last.origin[0], last.end[1] - last.origin[1]);
  return { sameLine: Math.abs(across) < 0.5 * g.fontSize && along >= -0.5 * g.fontSize, gap: along - advance };
}

/** Whether a glyph other than the selected ones, and not a space, is drawn between two glyphs (in the table's order). */
function keptBetween(table: GlyphTable, from: number, to: number, selected: ReadonlySet<number>): boolean {
  for (let i = Math.min(from, to) + 1; i < Math.max(from, to); i++) if (!selected.has(i) && table.unicodeOf(i).trim() !== '') return true;
  return false;
}

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
    let lastIndex = -1;
    let kept: { cx: number; x0: number; x1: number }[] = [];
    const keptOf = new Map<Glyph[], typeof kept>();
    for (const index of indices) {
      const g = table.get(index);
      let sameLine: boolean;
      if (last === undefined || last.pageIndex !== g.pageIndex) sameLine = false;
      else if (!upOrDown(g) || !upOrDown(last)) {
        sameLine = Math.abs(last.origin[1] - g.origin[1]) < 0.5 * g.fontSize && g.origin[0] >= last.origin[0] - 0.5 * g.fontSize;
        if (sameLine && isHorizontal(g) && g.bounds.x0 - last.bounds.x1 > 0.2 * g.fontSize) {
          // A gap wider than a space: is anything kept in it?
          const from = last.bounds.x1;
          const to = g.bounds.x0;
          if (kept.some((k) => k.cx > from && k.cx < to)) sameLine = false;
        }
      } else {
        // Text up or down the page: a line along its own direction, split where a glyph drawn
        // between two of the value's is kept (a word between them, wider than a space).
        const line = alongLine(last, g);
        sameLine = line.sameLine && !(line.gap > 0.2 * g.fontSize && keptBetween(table, lastIndex, index, selected));
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
      lastIndex = index;
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
