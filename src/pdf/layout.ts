import type { GlyphTable } from './glyph-table.js';

/** A page's text as read, with the glyph behind every character (-1 for inserted spaces and breaks). */
export interface PageText {
  readonly text: string;
  readonly glyphOf: readonly number[];
}

/**
 * Builds reading text from glyphs in content order: a new line where the baseline moves across or
 * jumps back, a space where the gap along the line is wider than a fraction of the font size.
 * Works for rotated text, because it measures along and across each glyph's own baseline. A piece
 * drawn out of order (a line's words drawn right to left, a bold surname drawn after the rest of
 * the page) joins the line it continues or starts on its baseline, as every other reader reads it:
 * read in drawing order, "Johanna" and "Pietersen" were two lines apart and the name went unfound.
 */
export function layoutPage(table: GlyphTable, firstIndex: number, endIndex: number): PageText {
  const lines: Piece[] = [];
  let piece: Piece | undefined;
  // The last glyph with text. A glyph without any (a code its font maps to nothing, as a space
  // glyph of a subset font without a ToUnicode entry) is drawn but adds no character: the next
  // glyph is measured from the last one with text, so the gap it fills still reads as a space
  // ("Memo<glyph>ABC<glyph>concept" is three words to every other reader too).
  let prev = -1;
  for (let index = firstIndex; index < endIndex; index++) {
    const unicode = table.unicodeOf(index);
    if (unicode === '') continue;
    if (prev >= 0 && piece) {
      const { along, across } = offset(table, prev, index);
      const size = Math.max(table.value(prev, 'fontSize'), table.value(index, 'fontSize'), 1);
      if (Math.abs(across) > 0.5 * size || along < -0.5 * size) {
        place(table, lines, piece);
        piece = undefined;
      } else if (along > 0.2 * size && !isSpace(table.unicodeOf(prev), -1) && !isSpace(unicode, 0)) {
        piece.text += ' ';
        piece.glyphOf.push(-1);
      }
    }
    piece ??= { text: '', glyphOf: [], first: index, last: index };
    for (let c = 0; c < unicode.length; c++) piece.glyphOf.push(index);
    piece.text += unicode.includes(SOFT_HYPHEN) ? unicode.replaceAll(SOFT_HYPHEN, '-') : unicode;
    piece.last = index;
    prev = index;
  }
  if (piece) place(table, lines, piece);
  let text = '';
  const glyphOf: number[] = [];
  lines.forEach((line, k) => {
    if (k > 0) {
      text += '\n';
      glyphOf.push(-1);
    }
    text += line.text;
    for (const g of line.glyphOf) glyphOf.push(g);
  });
  return { text, glyphOf };
}

/** A run of glyphs read in drawing order on one line; `first` and `last` are its end glyphs. */
interface Piece {
  text: string;
  glyphOf: number[];
  first: number;
  last: number;
}

/** Where glyph `to` starts, measured from where glyph `from` ends, along and across `from`'s baseline. */
function offset(table: GlyphTable, from: number, to: number): { along: number; across: number; parallel: boolean } {
  const ex = table.value(from, 'endX');
  const ey = table.value(from, 'endY');
  const dx = ex - table.value(from, 'originX');
  const dy = ey - table.value(from, 'originY');
  const len = Math.hypot(dx, dy) || 1;
  const ux = dx / len;
  const uy = dy / len;
  const vx = table.value(to, 'originX') - ex;
  const vy = table.value(to, 'originY') - ey;
  const tx = table.value(to, 'endX') - table.value(to, 'originX');
  const ty = table.value(to, 'endY') - table.value(to, 'originY');
  const parallel = (tx * ux + ty * uy) / (Math.hypot(tx, ty) || 1) > 0.99;
  return { along: vx * ux + vy * uy, across: -vx * uy + vy * ux, parallel };
}

/** How many lines back a piece drawn out of order looks for its line. */
const LOOK_BACK = 64;

/**
 * Adds a piece to the page's lines: after a recent line whose last glyph it continues on the same
 * baseline, before one whose first glyph it runs up to, or as a line of its own.
 */
function place(table: GlyphTable, lines: Piece[], piece: Piece): void {
  const size = (g: number) => Math.max(table.value(g, 'fontSize'), 1);
  const adjacent = (from: number, to: number) => {
    const o = offset(table, from, to);
    const s = Math.max(size(from), size(to));
    return o.parallel && Math.abs(o.across) < 0.25 * s && o.along >= -0.25 * s && o.along <= 0.8 * s ? o.along > 0.2 * s : undefined;
  };
  for (let k = lines.length - 1; k >= Math.max(0, lines.length - LOOK_BACK); k--) {
    const line = lines[k] as Piece;
    const after = adjacent(line.last, piece.first);
    const before = after === undefined ? adjacent(piece.last, line.first) : undefined;
    if (after === undefined && before === undefined) continue;
    const [head, tail] = after !== undefined ? [line, piece] : [piece, line];
    const space = (after ?? before) && !isSpace(table.unicodeOf(head.last), -1) && !isSpace(table.unicodeOf(tail.first), 0);
    lines[k] = { text: head.text + (space ? ' ' : '') + tail.text, glyphOf: [...head.glyphOf, ...(space ? [-1] : []), ...tail.glyphOf], first: head.first, last: tail.last };
    return;
  }
  lines.push(piece);
}

/**
 * A drawn glyph is seen: a font's 0xAD (WinAnsi's soft hyphen, which ToUnicode maps to U+00AD) is
 * a visible hyphen on the page wherever it stands, not the invisible break opportunity that
 * U+00AD is in plain text (which normalisation drops). Read as "-", so that "Jansen\u00ADoverleg"
 * holds the word a reader sees, as every other extractor reads it.
 */
const SOFT_HYPHEN = '\u00AD';

/** Whether the first (0) or last (-1) character of a glyph's text is white space. */
function isSpace(unicode: string, at: 0 | -1): boolean {
  const ch = at === 0 ? unicode.charCodeAt(0) : unicode.charCodeAt(unicode.length - 1);
  // The common cases without a regular expression; the rest of Unicode's spaces with one.
  if (ch === 32 || (ch >= 9 && ch <= 13) || ch === 0xa0) return true;
  if (Number.isNaN(ch) || ch < 0x80) return false;
  return /\s/.test(String.fromCharCode(ch));
}
