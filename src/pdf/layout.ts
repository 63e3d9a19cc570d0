import type { Glyph, GlyphTable } from './glyph-table.js';

/** A page's text as read, with the glyph behind every character (-1 for inserted spaces and breaks). */
export interface PageText {
  readonly text: string;
  readonly glyphOf: readonly number[];
}

/**
 * Builds reading text from glyphs in content order: a new line where the baseline moves across or
 * jumps back, a space where the gap along the line is wider than a fraction of the font size.
 * Works for rotated text, because it measures along and across each glyph's own baseline.
 */
export function layoutPage(table: GlyphTable, firstIndex: number, endIndex: number): PageText {
  let text = '';
  const glyphOf: number[] = [];
  let prev: Glyph | undefined;
  for (let index = firstIndex; index < endIndex; index++) {
    const g = table.get(index);
    if (prev) {
      const dx = prev.end[0] - prev.origin[0];
      const dy = prev.end[1] - prev.origin[1];
      const len = Math.hypot(dx, dy) || 1;
      const ux = dx / len;
      const uy = dy / len;
      const vx = g.origin[0] - prev.end[0];
      const vy = g.origin[1] - prev.end[1];
      const along = vx * ux + vy * uy;
      const across = -vx * uy + vy * ux;
      const size = Math.max(prev.fontSize, g.fontSize, 1);
      if (Math.abs(across) > 0.5 * size || along < -0.5 * size) {
        text += '\n';
        glyphOf.push(-1);
      } else if (along > 0.2 * size && !/\s$/.test(prev.unicode) && !/^\s/.test(g.unicode)) {
        text += ' ';
        glyphOf.push(-1);
      }
    }
    for (let c = 0; c < g.unicode.length; c++) glyphOf.push(index);
    text += g.unicode;
    prev = g;
  }
  return { text, glyphOf };
}
