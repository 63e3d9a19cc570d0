import type { Lexicons, WordSet } from '../lexicons/index.js';
import { foldWord, isCapitalised, isInitials, type Token } from './tokens.js';

/** The parts of a name as written: "mr. J.H.M. (Jan) van der Berg-Smit". */
export interface NameParse {
  /** Token index of the first and one past the last token of the name. */
  readonly from: number;
  readonly to: number;
  readonly titles: number;
  readonly initials: number;
  /** Given names (token texts); known ones are evidence. */
  readonly givens: readonly string[];
  readonly tussenvoegsel: string;
  /** Capitalised core of the surname, or undefined for a given name alone ("Beste Anouk"). */
  readonly surname?: string;
  readonly nickname: boolean;
}

export function lookupWord(set: WordSet, word: string): boolean {
  const lower = word.toLowerCase().replace(/\.$/, '');
  return set.has(lower) || set.has(foldWord(word));
}

/**
 * Readings of an OCR-damaged word: digits back to letters ("J0nker"), "rn" back to "m" ("Ernre"),
 * one "l" read as "i" ("Kofl", "Plotr"). Only tried when the word itself is not known.
 */
const readingsCache = new Map<string, string[]>();

export function ocrReadings(word: string): string[] {
  const cached = readingsCache.get(word);
  if (cached) return cached;
  if (readingsCache.size >= 50_000) readingsCache.clear();
  const readings = computeOcrReadings(word);
  readingsCache.set(word, readings);
  return readings;
}

function computeOcrReadings(word: string): string[] {
  const base = foldWord(word);
  if (base.length > 20) return [];
  const digitsBack = base.replace(/[0156|]/g, (c) => ({ '0': 'o', '1': 'l', '5': 's', '6': 'g', '|': 'l' })[c] ?? c);
  const readings = new Set<string>([digitsBack, digitsBack.replace(/rn/g, 'm'), base.replace(/1/g, 'i')]);
  for (const r of [...readings]) {
    for (let i = r.indexOf('l'); i !== -1; i = r.indexOf('l', i + 1)) readings.add(r.slice(0, i) + 'i' + r.slice(i + 1));
  }
  readings.delete(base);
  return [...readings];
}

const nameCache = new WeakMap<WordSet, Map<string, boolean>>();
const NAME_CACHE_LIMIT = 50_000;

/** Lexicon lookup that also accepts an OCR-damaged spelling of a known name. Memoised per lexicon. */
export function lookupName(set: WordSet, word: string): boolean {
  let cache = nameCache.get(set);
  if (!cache) {
    cache = new Map();
    nameCache.set(set, cache);
  }
  const cached = cache.get(word);
  if (cached !== undefined) return cached;
  const found = lookupWord(set, word) || (/[0156|]|rn|l/.test(word) && ocrReadings(word).some((r) => set.has(r)));
  if (cache.size >= NAME_CACHE_LIMIT) cache.clear();
  cache.set(word, found);
  return found;
}

/** A token may continue a name from the previous token: same line, or a line that OCR wrapped. */
export function continuesLine(t: Token): boolean {
  return !t.lineStart || t.wrapped;
}

export function isGivenName(lex: Lexicons, word: string): boolean {
  if (!isCapitalised(word) || word.endsWith('.')) return false;
  // "SI", "EDA", "AFP": short capitals are departments and abbreviations, whatever the lexicon says.
  if (word.length <= 4 && !/\p{Ll}/u.test(word)) return false;
  // "Van", "De", "Ter" are given names somewhere, but in Dutch text they are tussenvoegsels.
  if (lex.tussenvoegselSet.has(word.toLowerCase())) return false;
  if (lookupName(lex.givenNames, word)) return true;
  // Double given names: "Anne-Marie", "Jan-Willem".
  const parts = word.split('-');
  return parts.length === 2 && parts.every((p) => lookupName(lex.givenNames, p));
}

export function isSurnameCore(lex: Lexicons, word: string): boolean {
  if (lookupName(lex.surnameCores, word)) return true;
  // Double surnames ("Broekers-Knol"): both halves known.
  const parts = word.split('-');
  return parts.length >= 2 && parts.every((p) => p.length > 0 && lookupName(lex.surnameCores, p));
}

/**
 * A word that can be a surname: capitalised, has a lower-case letter, not a role or organisation
 * word, and not a function word ("Ook", "Dit") unless a tussenvoegsel precedes it ("van der Meer").
 */
// Endings of Dutch abstract nouns that no surname has ("Inventarisatie", "Persoonsgegevens",
// "Openbaarheid"): a capitalised word with one is a heading or a column title, unless the surname
// lexicon knows it.
const NOUN_ENDING = /(?:atie|aties|iteit|iteiten|heid|heden|schap|schappen|isme|gegevens|stukken|ingen)$/u;

/**
 * Acronyms joined by a hyphen or slash ("NVZ-KNMG", "ABN-AMRO", "BZK/DGOO"): all capitals, each
 * part at most four letters, and a part no surname has. A double surname in capitals whose parts
 * are both surnames ("BOER-VOS") is not one.
 */
function isAcronymCompound(lex: Lexicons, word: string): boolean {
  if (/\p{Ll}/u.test(word)) return false;
  const parts = word.split(/[-/&]/);
  if (parts.length < 2 || parts.some((p) => !/^\p{Lu}{1,4}$/u.test(p))) return false;
  return parts.some((p) => !lookupName(lex.surnameCores, p));
}

export function canBeSurname(lex: Lexicons, word: string, afterTussenvoegsel = false): boolean {
  if (!isCapitalised(word) || word.endsWith('.') || word.length < 2) return false;
  // Acronyms: IND, COA, DGM; after a particle ("J. VAN DER BERG") a short word in capitals is a surname.
  if (!/\p{Ll}/u.test(word) && word.length <= 4 && !afterTussenvoegsel) return false;
  if (isAcronymCompound(lex, word)) return false;
  const lower = word.toLowerCase();
  if (lex.organisationWords.has(lower) || lex.rolesPublic.has(lower) || lex.rolesReview.has(lower) || lex.rolesStaff.has(lower)) return false;
  if (lex.titles.has(lower) || lex.salutations.has(lower)) return false;
  if (lex.tussenvoegselSet.has(lower) || (!afterTussenvoegsel && lex.stopwords.has(lower))) return false;
  return !(NOUN_ENDING.test(lower) && !lookupWord(lex.surnameCores, word));
}

const firstWords = new WeakMap<Lexicons, Set<string>>();

// Particles of Arabic names are written with a capital inside a name too ("Youssef El Mansouri").
const CAPITALISED_PARTICLES = new Set(['el', 'al', 'ben', 'bin', 'ibn', 'abu', 'ait', 'aït', 'ou']);

/** Longest tussenvoegsel starting at token `i`: returns its token count, 0 if none. */
export function tussenvoegselAt(lex: Lexicons, tokens: readonly Token[], i: number, allowCapital: boolean): number {
  let first = firstWords.get(lex);
  if (!first) {
    first = new Set(lex.tussenvoegsels.map((t) => t.split(' ')[0] as string));
    firstWords.set(lex, first);
  }
  const head = tokens[i];
  if (!head || !first.has(head.text.toLowerCase().replace(/’/g, "'"))) return 0;
  for (let n = 3; n >= 1; n--) {
    if (i + n > tokens.length) continue;
    const words = tokens.slice(i, i + n);
    // Particles are written lower case inside a name; capitalised only at its start. A name
    // written in capitals throughout ("J. VAN DER BERG" under a signature) has them in capitals
    // too, where a capital may start it.
    const shouted = allowCapital && words.every((t) => t.text.length > 1 && !/\p{Ll}/u.test(t.text)) && !/\p{Ll}/u.test(tokens[i + n]?.text ?? 'x');
    if (!shouted && words.some((t, k) => isCapitalised(t.text) && !(allowCapital && k === 0) && !CAPITALISED_PARTICLES.has(t.text.toLowerCase()))) continue;
    if (words.some((t, k) => k > 0 && !continuesLine(t))) continue;
    const phrase = words.map((t) => t.text.toLowerCase().replace(/’/g, "'")).join(' ');
    if (lex.tussenvoegselSet.has(phrase)) return n;
  }
  return 0;
}

/**
 * Parses a name starting at token `i`: titles, initials or given names, an optional nickname in
 * brackets, a tussenvoegsel and a surname. Returns null where nothing name-like starts.
 */
// A double surname whose second part starts with a particle: "Verbeek-de Groot", "Bennani-El
// Amrani", "Bosman-van Kempen": the tokenizer ends the first token at the particle.
const HYPHEN_PARTICLE = /-(?:de|van|der|den|het|ter|ten|te|la|le|du|da|di|von|el|al|ben|bin|abu|ait|ou)$/iu;

/** Extends a parse whose surname ends in "-<particle>" over the capitalised word that follows. */
function withParticleSurname(tokens: readonly Token[], parse: NameParse | null): NameParse | null {
  if (!parse?.surname || !HYPHEN_PARTICLE.test(parse.surname)) return parse;
  const next = tokens[parse.to];
  if (!next || !continuesLine(next) || !/^\p{Lu}\p{Ll}/u.test(next.text)) return parse;
  return { ...parse, to: parse.to + 1, surname: `${parse.surname} ${next.text}` };
}

export function parseNameAt(lex: Lexicons, tokens: readonly Token[], i: number): NameParse | null {
  return withParticleSurname(tokens, parseNameCore(lex, tokens, i));
}

function parseNameCore(lex: Lexicons, tokens: readonly Token[], i: number): NameParse | null {
  let j = i;
  let titles = 0;
  while (j < tokens.length && titles < 4 && lookupWord(lex.titles, (tokens[j] as Token).text) && (tokens[j] as Token).text.length <= 5 && !lex.stopwords.has((tokens[j] as Token).text.toLowerCase())) {
    // "mr" without a dot is only a title before another name part.
    titles++;
    j++;
  }
  let initials = 0;
  while (j < tokens.length && initials < 6 && isInitials((tokens[j] as Token).text) && (initials === 0 || continuesLine(tokens[j] as Token))) {
    initials++;
    j++;
  }
  const givens: string[] = [];
  if (initials === 0) {
    while (j < tokens.length && givens.length < 3 && isGivenName(lex, (tokens[j] as Token).text) && (givens.length === 0 || continuesLine(tokens[j] as Token))) {
      givens.push((tokens[j] as Token).text);
      j++;
    }
  }
  let nickname = false;
  // "J.H.M. (Jan) de Vries": a given name in brackets, never a department "(DGM)".
  if (tokens[j]?.text === '(' && tokens[j + 2]?.text === ')' && isGivenName(lex, tokens[j + 1]?.text ?? '') && (initials > 0 || givens.length > 0)) {
    nickname = true;
    j += 3;
  }
  const hasFirst = initials > 0 || givens.length > 0;
  // "Ama Dijkstra": an unknown first name before a known surname on the same line.
  if (!hasFirst && titles === 0 && j === i && tokens[j + 1] && continuesLine(tokens[j + 1] as Token)) {
    const first = tokens[j] as Token;
    const second = tokens[j + 1] as Token;
    if (
      /^\p{Lu}\p{Ll}+$/u.test(first.text) &&
      canBeSurname(lex, first.text) &&
      !lex.organisationHeads.has(foldWord(first.text)) &&
      !lookupWord(lex.commonWords, first.text) &&
      !lookupWord(lex.contextBefore, first.text) &&
      isSurnameCore(lex, second.text) &&
      canBeSurname(lex, second.text)
    ) {
      return { from: i, to: j + 2, titles, initials, givens: [first.text], tussenvoegsel: '', surname: second.text, nickname };
    }
  }
  // "Ama de Wit": an unknown first name is still one before a lower-case tussenvoegsel and a surname.
  if (!hasFirst && titles === 0 && isCapitalised(tokens[j]?.text ?? '') && /\p{Ll}/u.test(tokens[j]?.text ?? '')) {
    const tvAfter = tussenvoegselAt(lex, tokens, j + 1, false);
    const sur = tokens[j + 1 + tvAfter];
    if (tvAfter > 0 && sur && continuesLine(tokens[j + 1] as Token) && continuesLine(sur) && canBeSurname(lex, sur.text, true) && canBeSurname(lex, (tokens[j] as Token).text)) {
      return {
        from: i,
        to: j + 2 + tvAfter,
        titles,
        initials,
        givens: [(tokens[j] as Token).text],
        tussenvoegsel: tokens.slice(j + 1, j + 1 + tvAfter).map((t) => t.text.toLowerCase()).join(' '),
        surname: sur.text,
        nickname,
      };
    }
  }
  // "R. Van Gennip", "J. De Bruijn": after initials the particle may be capitalised too.
  const tv = tussenvoegselAt(lex, tokens, j, (!hasFirst && titles === 0) || initials > 0);
  const afterTv = j + tv;
  const surnameToken = tokens[afterTv];
  const sameLine = surnameToken !== undefined && (afterTv === i || continuesLine(surnameToken));
  if (surnameToken && sameLine && canBeSurname(lex, surnameToken.text, tv > 0)) {
    return {
      from: i,
      to: afterTv + 1,
      titles,
      initials,
      givens,
      tussenvoegsel: tokens.slice(j, afterTv).map((t) => t.text.toLowerCase()).join(' '),
      surname: surnameToken.text,
      nickname,
    };
  }
  // A given name may itself have been the surname: "Peter Jansen" where Jansen is not a given
  // name is handled above; "Anouk" alone is a first-name mention.
  if (givens.length > 0 && tv === 0) {
    if (givens.length > 1) {
      // "Jan Willem" + nothing: the last given name is the surname ("Anna Koning").
      const last = givens[givens.length - 1] as string;
      return { from: i, to: j, titles, initials, givens: givens.slice(0, -1), tussenvoegsel: '', surname: last, nickname };
    }
    return { from: i, to: j, titles, initials, givens, tussenvoegsel: '', nickname };
  }
  return null;
}
