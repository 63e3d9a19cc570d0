/**
 * Replacement tables of the normaliser. Each entry maps one source character to its normalised
 * form; the normaliser records where every output character came from.
 */
export const LIGATURES: Readonly<Record<string, string>> = {
  '\uFB00': 'ff',
  '\uFB01': 'fi',
  '\uFB02': 'fl',
  '\uFB03': 'ffi',
  '\uFB04': 'ffl',
  '\uFB05': 'st',
  '\uFB06': 'st',
  '\u0132': 'IJ',
  '\u0133': 'ij',
};

export const QUOTES_AND_DASHES: Readonly<Record<string, string>> = {
  '\u2018': "'",
  '\u2019': "'",
  '\u201A': "'",
  '\u201B': "'",
  '\u2032': "'",
  '\u00B4': "'",
  '\u0060': "'",
  '\u201C': '"',
  '\u201D': '"',
  '\u201E': '"',
  '\u201F': '"',
  '\u00AB': '"',
  '\u00BB': '"',
  '\u2010': '-',
  '\u2011': '-',
  '\u2012': '-',
  '\u2013': '-',
  '\u2014': '-',
  '\u2212': '-',
};

/**
 * Characters that are spaces in every sense that matters here (NBSP, thin spaces, tab), and the
 * stray control characters an extractor leaves (an ESC): read as a space, one for one, so that a
 * word or number next to one is still found and offsets stay exact.
 */
export const SPACE_LIKE = /[\t\u00A0\u1680\u2000-\u200A\u202F\u205F\u3000\u0000-\u0008\u000B\u000E-\u001F\u007F]/;

/** Invisible characters that only get in the way of matching. */
export const INVISIBLE = /[\u00AD\u200B-\u200D\u2060\uFEFF]/;

/** Words after which a line-end hyphen is a coordination ellipsis, not a word break. */
export const ELLIPSIS_CONJUNCTIONS = new Set(['en', 'of', 'tot', 'noch', 'als']);
