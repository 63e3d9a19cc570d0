/**
 * A text layer that reads as no letters: glyphs whose font maps them to nothing, to U+FFFD, to
 * control codes or to the private use area (a Type 3 font without names, a subset font whose
 * ToUnicode map was lost in conversion). The page still shows its names; we cannot find them.
 */

/** Fewer marks than this on a page are a logo or a row of symbols, not a text we failed to read. */
const MIN_MARKS = 20;
/** The share of a page's marks that must be unreadable for the page to count as unreadable. */
const MIN_UNREADABLE_SHARE = 0.5;

function isUnreadable(code: number): boolean {
  return code === 0xfffd || code < 0x20 || (code >= 0x7f && code < 0xa0) || (code >= 0xe000 && code <= 0xf8ff);
}

/**
 * Whether most of a page's text (whitespace aside) is unreadable marks. `mute` counts the glyphs
 * the page draws that read as nothing at all (not in `text`): a page drawn in a font that maps
 * every code to nothing reads as empty, and was taken for a scan without text.
 */
export function isUnreadableText(text: string, mute = 0): boolean {
  let marks = mute;
  let unreadable = mute;
  for (const ch of text) {
    if (ch === ' ' || ch === '\n' || ch === '\t' || ch === '\r' || ch === '\f' || ch === '\u00a0') continue;
    marks++;
    if (isUnreadable(ch.codePointAt(0) as number)) unreadable++;
  }
  return marks >= MIN_MARKS && unreadable >= marks * MIN_UNREADABLE_SHARE;
}
