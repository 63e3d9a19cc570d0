import { emailLocalPart } from '../detect/patterns/index.js';
import { lexicons } from '../detect/lexicons/index.js';
import { editDistance, foldForMatching } from '../structure/fuzzy.js';
import type { PublicOfficial } from './policy.js';

/**
 * Matching a mention against the policy's list of public officials, in every shape a name is
 * written: "Ruben Ilsink", "Ilsink, Ruben", "Ilsink Ruben", "R. Ilsink", "Ilsink, R. (Ruben)",
 * "Ilsink" alone, the first name alone where the document's person is that official, and the
 * official's e-mail address ("r.ilsink@..."). OCR damage of one letter in a long surname is allowed.
 */
interface OfficialName {
  readonly surname: string;
  readonly givens: readonly string[];
  readonly initials: ReadonlySet<string>;
}


interface NameTokens {
  readonly words: readonly string[];
  readonly initials: readonly string[];
}

function tokensOf(text: string): NameTokens {
  const words: string[] = [];
  const initials: string[] = [];
  // Departments after a dash and brackets around a nickname are not part of the comparison.
  const cleaned = foldForMatching(text.replace(/\s[-–]\s*[A-Z\d&/]{2,10}\s*$/u, '')).replace(/[(),;<>]/g, ' ');
  for (const t of cleaned.split(/\s+/)) {
    if (!t) continue;
    if (/^(?:\p{L}\.)+$/u.test(t)) initials.push(...t.replace(/\./g, ''));
    else if (!lexicons().tussenvoegselSet.has(t)) words.push(t.replace(/\.$/, ''));
  }
  return { words, initials };
}

function parseOfficial(o: PublicOfficial): OfficialName | null {
  const { words, initials } = tokensOf(o.name);
  const surname = words[words.length - 1];
  if (!surname) return null;
  const givens = words.slice(0, -1);
  return { surname, givens, initials: new Set([...initials, ...givens.map((g) => g[0] as string)]) };
}

function sameWord(a: string, b: string): boolean {
  return a === b || (b.length >= 5 && Math.abs(a.length - b.length) <= 1 && editDistance(a, b) <= 1);
}

function matches(mention: NameTokens, official: OfficialName): boolean {
  const at = mention.words.findIndex((w) => sameWord(w, official.surname));
  if (at < 0) {
    // The first name alone is matched through the person key (see isPublicOfficialMention).
    return false;
  }
  const others = mention.words.filter((_, k) => k !== at);
  if (others.length === 0 && mention.initials.length === 0) return official.surname.length >= 4;
  return others.every((w) => official.givens.some((g) => sameWord(w, g))) && mention.initials.every((i) => official.initials.has(i));
}

const parsed = new WeakMap<readonly PublicOfficial[], readonly OfficialName[]>();

function officialsOf(list: readonly PublicOfficial[]): readonly OfficialName[] {
  let names = parsed.get(list);
  if (!names) {
    names = list.map(parseOfficial).filter((n): n is OfficialName => n !== null);
    parsed.set(list, names);
  }
  return names;
}

/**
 * Whether a person mention is a listed official. `personKey` is the detector's key of the person
 * the mention belongs to (a folded surname): a first name alone ("Hoi Ruben") counts when it is
 * the official's first name and the person it belongs to has the official's surname.
 */
export function isPublicOfficialMention(text: string, personKey: string | undefined, list: readonly PublicOfficial[]): boolean {
  if (list.length === 0) return false;
  const mention = tokensOf(text);
  return officialsOf(list).some((o) => {
    if (matches(mention, o)) return true;
    const [only] = mention.words;
    return mention.words.length === 1 && mention.initials.length === 0 && personKey !== undefined && sameWord(personKey, o.surname) && o.givens.some((g) => sameWord(only as string, g));
  });
}

/** Whether an e-mail address is a listed official's: its local part names the official ("r.ilsink@", "ruben.ilsink@"). */
export function isPublicOfficialAddress(address: string, list: readonly PublicOfficial[]): boolean {
  if (list.length === 0) return false;
  const local = foldForMatching(emailLocalPart(address)).replace(/\s/g, '');
  const parts = local.split(/[._-]/).filter(Boolean);
  return officialsOf(list).some((o) => {
    const at = parts.findIndex((p) => sameWord(p, o.surname));
    if (at < 0) return false;
    return parts.every((p, k) => k === at || o.givens.some((g) => sameWord(p, g)) || (p.length <= 3 && [...p].every((c) => o.initials.has(c))));
  });
}
