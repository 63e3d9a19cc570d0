import type { PdfLayout } from '../../ingest/pdf.js';
import type { Glyph } from '../../pdf/glyph-table.js';
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
 * The glyphs behind each redaction's characters, and its boxes: one per run of glyphs on one line
 * of one page. Inserted spaces and line breaks have no glyph and no box.
 */
export function selectGlyphs(layout: PdfLayout, applied: readonly AppliedRedaction[]): PdfRedaction[] {
  return applied.map((a) => {
    const indices: number[] = [];
    for (let i = a.source.start; i < a.source.end; i++) {
      const g = layout.glyphOf[i] ?? -1;
      if (g >= 0 && indices[indices.length - 1] !== g) indices.push(g);
    }
    const runs: Glyph[][] = [];
    let run: Glyph[] = [];
    let last: Glyph | undefined;
    for (const index of indices) {
      const g = layout.glyphs.get(index);
      const sameLine =
        last !== undefined &&
        last.pageIndex === g.pageIndex &&
        Math.abs(last.origin[1] - g.origin[1]) < 0.5 * g.fontSize &&
        g.origin[0] >= last.origin[0] - 0.5 * g.fontSize;
      if (!sameLine && run.length > 0) {
        runs.push(run);
        run = [];
      }
      run.push(g);
      last = g;
    }
    if (run.length > 0) runs.push(run);
    return { applied: a, glyphs: indices, boxes: runs.map(boundsOf) };
  });
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
