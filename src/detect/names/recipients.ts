import type { Span } from '../../document/span.js';
import type { Lexicons } from '../lexicons/index.js';
import { isInitials } from './tokens.js';
import { allMatches } from '../../util/regex.js';

/**
 * The people in an e-mail header's value, in the shapes Outlook and webmail print them:
 * `Achternaam, V. (Voornaam)`, `Achternaam, Voornaam - DGBI`, `Vries, J.H. de`, `Voornaam
 * Achternaam <local@domain>`, several of them separated by `;`, `,` or a layout gap, with OCR
 * debris (box borders, stray letters) around them. Departments (`DIR INTERNATIONAAL`), functional
 * mailboxes (`Secretariaat DGX`) and roles (`Minister van Financiën`) are not people.
 */
export interface Recipient {
  readonly span: Span;
  readonly surname: string;
  readonly tussenvoegsel: string;
  readonly givens: readonly string[];
}

interface Word {
  readonly text: string;
  readonly start: number;
  readonly end: number;
}

// A capitalised word with a lower-case letter, its hyphenated parts included ("Verbeek-de",
// "Bakker-Yılmaz", "Yılmaz", "Łukasz").
const NAME_WORD = /^\p{Lu}[\p{L}\p{M}'’]*\p{Ll}[\p{L}\p{M}'’]*(?:-[\p{L}\p{M}'’]+)*$/u;
const E_MAIL = /[^\s<>()[\]'";,]+@[^\s<>()[\]'";,]*(?:[ .][a-z]{2,4}\d?\b)?/gu;

const WORD_OR_COMMA = /[^\s,]+|,/gu;

function wordsOf(text: string, offset: number): Word[] {
  const out: Word[] = [];
  for (const m of allMatches(WORD_OR_COMMA, text)) out.push({ text: m[0], start: offset + m.index, end: offset + m.index + m[0].length });
  return out;
}

type Kind = 'name' | 'initials' | 'tussenvoegsel' | 'nickname' | 'comma';

function kindOf(lex: Lexicons, w: Word): Kind | null {
  if (w.text === ',') return 'comma';
  if (/^\(\p{Lu}[\p{L}\p{M}'’-]*\p{Ll}[\p{L}\p{M}'’-]*\)$/u.test(w.text)) return 'nickname';
  if (isInitials(w.text)) return 'initials';
  const lower = w.text.toLowerCase();
  if (lex.tussenvoegselSet.has(lower)) return 'tussenvoegsel';
  if (NAME_WORD.test(w.text)) return 'name';
  return null;
}

/** Not a person: an organisation, role, title or function word among the name words. */
function nonPersonWord(lex: Lexicons, word: string): boolean {
  const lower = word.toLowerCase();
  return (
    lex.organisationWords.has(lower) ||
    lex.rolesPublic.has(lower) ||
    lex.rolesReview.has(lower) ||
    lex.rolesStaff.has(lower) ||
    lex.titles.has(lower) ||
    lex.salutations.has(lower) ||
    (lex.stopwords.has(lower) && !lex.givenNames.has(lower))
  );
}

const DEPARTMENT = /^[\p{Lu}\d&/]{2,10}$/u;

function isNamePart(k: Kind | null): boolean {
  return k === 'name' || k === 'initials';
}

/** " - DGBI" after a name: Outlook's display name carries the department; it goes with the name. */
function departmentEnd(words: readonly Word[], at: number): number {
  const dash = words[at];
  const dept = words[at + 1];
  return dash && dept && (dash.text === '-' || dash.text === '–') && DEPARTMENT.test(dept.text) ? at + 2 : at;
}

function recipient(lex: Lexicons, words: readonly Word[], from: number, to: number, surname: string, tussenvoegsel: string, givens: string[]): { r: Recipient; next: number } | null {
  const names = [surname, ...givens];
  if (names.some((n) => nonPersonWord(lex, n))) return null;
  const end = departmentEnd(words, to);
  return { r: { span: { start: (words[from] as Word).start, end: (words[end - 1] as Word).end }, surname, tussenvoegsel, givens }, next: end };
}

/**
 * Inverted at `p`: surname (a leading capitalised particle allowed: "El Mansouri-van Dam"),
 * comma, initials or one or two given names, a closing tussenvoegsel, a nickname in brackets.
 */
function invertedAt(lex: Lexicons, words: readonly Word[], kinds: readonly (Kind | null)[], p: number): { r: Recipient; next: number } | null {
  let q = p;
  if (kinds[q] === 'tussenvoegsel' && /^\p{Lu}/u.test((words[q] as Word).text)) q++;
  const surnameFrom = q;
  while (q < words.length && kinds[q] === 'name' && q - surnameFrom < 2) q++;
  if (q === surnameFrom || kinds[q] !== 'comma') return null;
  const surname = words.slice(surnameFrom, q).map((w) => w.text).join(' ');
  q++;
  let initials = 0;
  while (q < words.length && kinds[q] === 'initials') {
    initials++;
    q++;
  }
  const givens: string[] = [];
  // A given name, unless it is the surname of the next inverted name ("Jansen, P. Visser, Anna").
  while (initials === 0 && q < words.length && kinds[q] === 'name' && givens.length < 2 && kinds[q + 1] !== 'comma') givens.push((words[q++] as Word).text);
  if (initials === 0 && givens.length === 0) return null;
  const tv: string[] = [];
  while (q < words.length && kinds[q] === 'tussenvoegsel' && tv.length < 3) tv.push((words[q++] as Word).text.toLowerCase());
  if (q < words.length && kinds[q] === 'nickname') givens.push((words[q++] as Word).text.slice(1, -1));
  return recipient(lex, words, p, q, surname, tv.join(' '), givens);
}

/** Direct at `p`: "Rhodia Maas", "A.B.C. de Vries", "Sanne Verbeek-de Groot", "Ilsink Ruben". */
function directAt(lex: Lexicons, words: readonly Word[], kinds: readonly (Kind | null)[], p: number): { r: Recipient; next: number } | null {
  if (!isNamePart(kinds[p] ?? null)) return null;
  let q = p;
  let lastName = -1;
  while (q < words.length && q - p < 6 && (isNamePart(kinds[q] ?? null) || kinds[q] === 'tussenvoegsel' || kinds[q] === 'nickname')) {
    if (kinds[q] === 'name') lastName = q;
    q++;
  }
  if (lastName < 0) return null;
  const span = words.slice(p, lastName + 1);
  const spanKinds = kinds.slice(p, lastName + 1);
  if (spanKinds.filter(isNamePart).length < 2) return null;
  const givens = span.slice(0, -1).filter((_, k) => spanKinds[k] === 'name').map((w) => w.text);
  const tv = span.filter((_, k) => spanKinds[k] === 'tussenvoegsel').map((w) => w.text.toLowerCase()).join(' ');
  return recipient(lex, words, p, lastName + 1, (words[lastName] as Word).text, tv, givens);
}

/** Reads the people of one piece from left to right, stepping over debris and departments. */
function parsePiece(lex: Lexicons, words: readonly Word[]): Recipient[] {
  const kinds = words.map((w) => kindOf(lex, w));
  const out: Recipient[] = [];
  for (let p = 0; p < words.length; ) {
    const hit = invertedAt(lex, words, kinds, p) ?? directAt(lex, words, kinds, p);
    if (hit) {
      out.push(hit.r);
      p = hit.next;
    } else p++;
  }
  return out;
}

/** The pieces of a value: split at ';', at layout gaps and line breaks, and at commas between direct names. */
function piecesOf(text: string, value: Span): Word[][] {
  const raw = text.slice(value.start, value.end);
  // E-mail addresses are the e-mail recognizer's: blank them out (same length) before reading names.
  const blanked = raw.replace(E_MAIL, (m) => ' '.repeat(m.length)).replace(/[<>'"[\]|]/gu, ' ');
  const out: Word[][] = [];
  let offset = 0;
  for (const chunk of blanked.split(/(;|\t|\n|\f| {2,})/u)) {
    if (!/^(?:;|\t|\n|\f| {2,})$/u.test(chunk) && chunk.trim() !== '') out.push(wordsOf(chunk, value.start + offset));
    offset += chunk.length;
  }
  return out;
}

export function findRecipients(lex: Lexicons, text: string, value: Span): Recipient[] {
  return piecesOf(text, value).flatMap((piece) => parsePiece(lex, piece));
}

/** The display name just before an address: "Piet Jansen <p.jansen@...>", "heeft Jansen, Piet <...>". */
export function displayNameBefore(lex: Lexicons, text: string, at: number): Recipient | null {
  const lineStart = Math.max(text.lastIndexOf('\n', at - 1), text.lastIndexOf('\t', at - 1), text.lastIndexOf(';', at - 1)) + 1;
  const words = wordsOf(text.slice(lineStart, at), lineStart);
  let k = words.length;
  while (k > 0 && words.length - k < 7 && kindOf(lex, words[k - 1] as Word) !== null) k--;
  // The name must end where the address begins.
  const found = parsePiece(lex, words.slice(k));
  const last = found[found.length - 1];
  return last && last.span.end === (words[words.length - 1] as Word | undefined)?.end ? last : null;
}
