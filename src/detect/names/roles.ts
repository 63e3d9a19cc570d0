import type { RoleClass, RoleContext } from '../../document/types.js';
import type { Lexicons } from '../lexicons/index.js';
import { ocrReadings } from './parse.js';
import { foldWord, isCapitalised, type Token } from './tokens.js';

const DETERMINERS = new Set(['de', 'het', 'onze', 'uw', 'mijn', 'onze', 'oud', 'toenmalig', 'toenmalige', 'voormalig', 'voormalige', 'demissionair', 'kandidaat']);
// Words that may stand between a role and its name: "minister van Asiel en Migratie, Faber".
const ROLE_LINKS = new Set(['van', 'voor', 'en', 'der', 'de', 'het', ',', '&', 'a.i.', 'a.i']);

function isPluralRole(role: string): boolean {
  return /(?:en|s)$/.test(role) && !role.endsWith('man');
}

function looksLikeNamePart(lex: Lexicons, word: string): boolean {
  const lower = word.toLowerCase();
  if (lex.organisationWords.has(lower)) return false;
  return /^(?:\p{Lu}\.)+$/u.test(word) || lex.givenNames.has(lower) || lex.surnameCores.has(lower);
}

function exactRoleOf(lex: Lexicons, phrase: string): RoleClass | undefined {
  if (lex.rolesPublic.has(phrase)) return 'public';
  if (lex.rolesReview.has(phrase)) return 'review';
  if (lex.rolesStaff.has(phrase)) return 'staff';
  return undefined;
}

/** The role class of a phrase of 1-4 folded words, if it is a role, also when OCR damaged it. */
export function roleOf(lex: Lexicons, phrase: string): RoleClass | undefined {
  // "PvdA-fractievoorzitter", "oud-wethouder": the role after a party or prefix.
  const dash = phrase.lastIndexOf('-');
  if (dash > 0 && !phrase.includes(' ')) {
    const tail = exactRoleOf(lex, phrase.slice(dash + 1));
    if (tail) return tail;
  }
  const exact = exactRoleOf(lex, phrase);
  if (exact || phrase.length < 6 || !/[0156|l]|rn/.test(phrase)) return exact;
  for (const reading of ocrReadings(phrase)) {
    const role = exactRoleOf(lex, reading);
    if (role) return role;
  }
  return undefined;
}

/** A role phrase of up to 4 tokens ending at token `end - 1` (inclusive). */
function roleEndingAt(lex: Lexicons, tokens: readonly Token[], end: number): { from: number; role: RoleContext } | null {
  for (let n = 4; n >= 1; n--) {
    const from = end - n;
    if (from < 0) continue;
    const words = tokens.slice(from, end);
    if (words.some((t, k) => k > 0 && t.lineStart && !t.wrapped)) continue;
    const phrase = words.map((t) => foldWord(t.text)).join(' ');
    const roleClass = roleOf(lex, phrase);
    if (roleClass) return { from, role: { role: phrase, roleClass } };
  }
  return null;
}

/** A role phrase of up to 4 tokens starting at token `start`. */
function roleStartingAt(lex: Lexicons, tokens: readonly Token[], start: number): RoleContext | null {
  for (let n = 4; n >= 1; n--) {
    if (start + n > tokens.length) continue;
    const words = tokens.slice(start, start + n);
    if (words.some((t, k) => k > 0 && t.lineStart)) continue;
    const phrase = words.map((t) => foldWord(t.text)).join(' ');
    const roleClass = roleOf(lex, phrase);
    if (roleClass) return { role: phrase, roleClass };
  }
  return null;
}

/**
 * The role a name appears in, from its surroundings: "staatssecretaris Van der Burg", "het lid X",
 * "minister van Asiel en Migratie, X", "X, senior beleidsmedewerker", "X (DG)", a role on the line
 * above a signature ("De Minister van ...,\nM.H.M. Faber") or below it ("X\nDG IND").
 */
export function findRole(lex: Lexicons, tokens: readonly Token[], from: number, to: number): RoleContext | undefined {
  const first = tokens[from];
  if (!first) return undefined;
  // Same line, before: the role may be followed by "van X en Y," before the name. Walking back
  // past another name ("minister Faber en Anouk Schouten") ends the search unless the role is
  // plural ("de wethouders Jansen en De Vries").
  let k = from;
  let crossedName = false;
  let crossedConjunction = false;
  for (let steps = 0; k > 0 && steps < 10; steps++) {
    const prev = tokens[k - 1] as Token;
    const cur = tokens[k] as Token;
    if (cur.lineStart && !cur.wrapped) break;
    const hit = roleEndingAt(lex, tokens, k);
    if (hit) {
      if (!crossedName || isPluralRole(hit.role.role)) return hit.role;
      break;
    }
    const word = foldWord(prev.text);
    if (word === 'en' || word === '&' || word === ',') crossedConjunction = true;
    else if (crossedConjunction && isCapitalised(prev.text) && looksLikeNamePart(lex, prev.text)) crossedName = true;
    // "de staatssecretaris van Financiën, mevrouw Van Huffelen": a salutation may stand between.
    if (!(ROLE_LINKS.has(word) || DETERMINERS.has(word) || lex.salutations.has(word) || (isCapitalised(prev.text) && steps < 8))) break;
    k--;
  }
  // "motie-Brekelmans", "amendement-Van der Plas": the name in a motion's name is an MP's.
  const before = tokens[from - 1];
  if (before && before.end === first.start && /^(?:motie|amendement|initiatiefwet|initiatiefnota)-$/i.test(before.text)) {
    return { role: 'kamerlid', roleClass: 'public' };
  }
  // After: ", wethouder" / "(DG)" / "- beleidsmedewerker".
  const next = tokens[to];
  if (next && !next.lineStart && (next.text === ',' || next.text === '(' || next.text === '-')) {
    let s = to + 1;
    while (tokens[s] && !(tokens[s] as Token).lineStart && DETERMINERS.has(foldWord((tokens[s] as Token).text))) s++;
    // On the same line only: "Beste Ruben,\n\nWethouder Ilsink ..." gives Ruben no office.
    const role = tokens[s]?.lineStart ? null : roleStartingAt(lex, tokens, s);
    if (role) return role;
  }
  // The line above a name that starts a line ("De Minister van Asiel en Migratie,").
  if (first.lineStart) {
    let p = from - 1;
    const prevLineStart = (() => {
      while (p > 0 && !(tokens[p] as Token).lineStart) p--;
      return p;
    })();
    // Only a line that is the role itself: short, or ending in a comma as a signature's role does.
    const lineTokens = from - prevLineStart;
    const endsInComma = tokens[from - 1]?.text === ',';
    if (prevLineStart >= 0 && prevLineStart < from && (lineTokens <= 6 || (endsInComma && lineTokens <= 12))) {
      let s = prevLineStart;
      while (s < from && DETERMINERS.has(foldWord((tokens[s] as Token).text))) s++;
      const role = roleStartingAt(lex, tokens, s);
      if (role) return role;
    }
  }
  // The line below ("Anouk Schouten\nSenior beleidsmedewerker", "X\nDG IND"), unless the role
  // there has a name of its own ("X\nMinister Faber stemt in").
  const below = tokens[to];
  if (below?.lineStart) {
    const role = roleStartingAt(lex, tokens, to);
    if (role) {
      const after = tokens[to + role.role.split(' ').length];
      const ownName = after !== undefined && !after.lineStart && /^\p{Lu}\p{Ll}/u.test(after.text) && !lex.organisationWords.has(foldWord(after.text));
      if (!ownName) return role;
    }
  }
  return undefined;
}
