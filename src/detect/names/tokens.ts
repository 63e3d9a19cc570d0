/**
 * A fast word tokenizer for name detection. compromise is an English tagger and tokenises at about
 * 0.6 MB/s here; names need only words, initials and their offsets, which one regex gives at
 * many times that speed (see README, "Why not compromise for names").
 */
export interface Token {
  readonly text: string;
  readonly start: number;
  readonly end: number;
  /** A line break or a layout gap (a new cell) lies between the previous token and this one. */
  readonly lineStart: boolean;
  /** A line break lies between the previous token and this one (not only a layout gap). */
  readonly newLine: boolean;
  /** The previous non-space character ends a sentence (or there is none). */
  readonly sentenceStart: boolean;
  /**
   * The token starts a line that continues the previous one: a single line break after a long
   * line of prose, where OCR wrapped a sentence (and maybe a name: "met Wouter\nWillems").
   */
  readonly wrapped: boolean;
}

/** Lines at least this long were wrapped by layout, not ended by the author. */
const WRAPPED_LINE_LENGTH = 40;

// Initials ("J.H.M."), hyphenated and apostrophed words, numbers, and single punctuation marks.
// A final dot joins a word only where it abbreviates ("mr.", "J.", "Th.", "nr."): a sentence's
// period stays its own token, so sentence starts stay visible.
// OCR puts digits in words ("Wi11ems", "J0nker", "Hug0"): a digit that OCR confuses with a letter
// belongs to the word when a lower-case letter precedes or follows it.
const PART = String.raw`\p{L}(?:[\p{L}\p{M}]|[0156|](?=[\p{L}\p{M}0156|]*\p{Ll})|(?<=\p{Ll})[01](?![\p{L}\d]))*`;
const TOKEN = new RegExp(
  String.raw`(?:\p{Lu}\.){2,6}|['’][ts](?![\p{L}\d])|${PART}(?:['’](?=\p{L})${PART})*(?:-${PART}(?:['’](?=\p{L})${PART})*)*|\d+|[^\s\p{L}\d]`,
  'gu',
);

const ABBREVIATIONS = new Set(['mr', 'mrs', 'drs', 'dr', 'ir', 'ing', 'prof', 'dhr', 'mw', 'mevr', 'nr', 'jl', 'bijv', 'ds', 'bc', 'em', 'st', 'art', 'par', 'vs', 'ca', 'resp', 'evt', 'tel', 'th', 'chr', 'ph', 'ch', 'joh', 'corn', 'wm', 'fr', 'jac', 'gr', 'jos', 'hub', 'ant', 'fred', 'geb', 'mob', 'hr', 'lic', 'bsc', 'msc', 'ma', 'ba']);

function takesDot(word: string): boolean {
  return /^\p{Lu}$/u.test(word) || ABBREVIATIONS.has(word.toLowerCase());
}

const SENTENCE_END = new Set(['.', '!', '?', ':', ';']);

export function tokenize(text: string): Token[] {
  const tokens: Token[] = [];
  let prevEnd = 0;
  let prevText = '';
  let lineBegin = 0;
  let prevLineLength = 0;
  const regex = new RegExp(TOKEN.source, TOKEN.flags);
  for (let m = regex.exec(text); m; m = regex.exec(text)) {
    const start = m.index;
    let word = m[0];
    if (text.charCodeAt(start + word.length) === 46 /* . */ && takesDot(word)) {
      word += '.';
      regex.lastIndex = start + word.length;
    }
    // Line breaks in the gap before the token: one means a new line, two a blank line. A tab is
    // the normaliser's mark of a wide layout gap: the token starts a new cell, and no name, role
    // or phrase runs across cells ("B.V.<gap>Zeilbond", "Henk<gap>Persoonsgegevens").
    let breaks = 0;
    let lastBreak = -1;
    let cellBreak = false;
    for (let k = prevEnd; k < start; k++) {
      const c = text.charCodeAt(k);
      if (c === 10 || c === 12) {
        breaks++;
        lastBreak = k;
      } else if (c === 9) cellBreak = true;
    }
    const first = tokens.length === 0;
    const lineStart = first || breaks > 0 || cellBreak;
    const blankBefore = breaks > 1;
    if (lineStart && lastBreak >= 0) {
      prevLineLength = prevEnd - lineBegin;
      lineBegin = lastBreak + 1;
    }
    const afterEnd = SENTENCE_END.has(prevText);
    const sentenceStart = first || afterEnd || blankBefore;
    const wrapped = breaks > 0 && !first && !blankBefore && prevLineLength >= WRAPPED_LINE_LENGTH && !afterEnd;
    tokens.push({ text: word, start, end: start + word.length, lineStart, newLine: first || breaks > 0, sentenceStart, wrapped });
    prevEnd = start + word.length;
    prevText = word;
  }
  return tokens;
}

export function isCapitalised(word: string): boolean {
  const first = word[0];
  return first !== undefined && first !== first.toLowerCase() && first === first.toUpperCase();
}

/** "J.H.M.", "J.", "Th.", "Chr.": initials of given names. */
export function isInitials(word: string): boolean {
  return /^(?:\p{Lu}\.){1,6}$/u.test(word) || /^(?:Th|Chr|Ph|Ch|Joh|Corn|Wm|Fr|Jac|Gr|Jos|Hub|Ant|Fred)\.$/u.test(word);
}

const foldCache = new Map<string, string>();
const FOLD_CACHE_LIMIT = 50_000;

/** Folded form of a word: lower case, accents off, final dot off. Memoised: words recur. */
export function foldWord(word: string): string {
  let folded = foldCache.get(word);
  if (folded !== undefined) return folded;
  folded = /^[a-z]+$/.test(word)
    ? word
    : word
        .normalize('NFD')
        .replace(/[\u0300-\u036f]/g, '')
        .toLowerCase()
        .replace(/\.$/, '')
        .replace(/’/g, "'");
  if (foldCache.size >= FOLD_CACHE_LIMIT) foldCache.clear();
  foldCache.set(word, folded);
  return folded;
}
