import type { GlyphTable } from './glyph-table.js';

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
  // The last glyph with text. A glyph without any (a code its font maps to nothing, as a space
  // glyph of a subset font without a ToUnicode entry) is drawn but adds no character: the next
  // glyph is measured from the last one with text, so the gap it fills still reads as a space
  // ("Memo<glyph>ABC<glyph>concept" is three words to every other reader too).
  let prev = -1;
  for (let index = firstIndex; index < endIndex; index++) {
    const unicode = table.unicodeOf(index);
    if (unicode === '') continue;
    if (prev >= 0) {
      const prevEndX = table.value(prev, 'endX');
      const prevEndY = table.value(prev, 'endY');
      const dx = prevEndX - table.value(prev, 'originX');
      const dy = prevEndY - table.value(prev, 'originY');
      const len = Math.hypot(dx, dy) || 1;
      const ux = dx / len;
      const uy = dy / len;
      const vx = table.value(index, 'originX') - prevEndX;
      const vy = table.value(index, 'originY') - prevEndY;
      const along = vx * ux + vy * uy;
      const across = -vx * uy + vy * ux;
      const size = Math.max(table.value(prev, 'fontSize'), table.value(index, 'fontSize'), 1);
      if (Math.abs(across) > 0.5 * size || along < -0.5 * size) {
        text += '\n';
        glyphOf.push(-1);
      } else if (along > 0.2 * size && !isSpace(table.unicodeOf(prev), -1) && !isSpace(unicode, 0)) {
        text += ' ';
        glyphOf.push(-1);
      }
    }
    for (let c = 0; c < unicode.length; c++) glyphOf.push(index);
    text += unicode.includes(SOFT_HYPHEN) ? unicode.replaceAll(SOFT_HYPHEN, '-') : unicode;
    prev = index;
  }
  return { text, glyphOf };
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
