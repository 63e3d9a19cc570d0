import commonWordsText from './common-words.txt';
import contextBeforeText from './context-before.txt';
import genericMailboxesText from './generic-mailboxes.txt';
import givenNamesText from './given-names.txt';
import organisationHeadsText from './organisation-heads.txt';
import organisationWordsText from './organisation-words.txt';
import rolesPublicText from './roles-public.txt';
import rolesReviewText from './roles-review.txt';
import rolesStaffText from './roles-staff.txt';
import salutationsText from './salutations.txt';
import stopwordsText from './stopwords.txt';
import surnameCoresText from './surname-cores.txt';
import titlesText from './titles.txt';
import tussenvoegselsText from './tussenvoegsels.txt';
import { SortedWordList, type WordSet } from './sorted-words.js';

export { SortedWordList, type WordSet } from './sorted-words.js';

/** Entries of a word-list file: one per line, "#" comments and blank lines skipped. */
export function parseList(text: string): string[] {
  const entries: string[] = [];
  for (const raw of text.split('\n')) {
    const line = raw.trim();
    if (line && !line.startsWith('#')) entries.push(line);
  }
  return entries;
}

function lower(list: readonly string[]): Set<string> {
  return new Set(list.map((e) => e.toLowerCase()));
}

export interface Lexicons {
  /** Given names, lower case. */
  readonly givenNames: ReadonlySet<string>;
  /** Capitalised cores of surnames ("berg" for "van den Berg", "broekers-knol"), lower case. */
  readonly surnameCores: WordSet;
  /** Tussenvoegsels, lower case, longest first for greedy matching. */
  readonly tussenvoegsels: readonly string[];
  readonly tussenvoegselSet: ReadonlySet<string>;
  readonly titles: ReadonlySet<string>;
  readonly salutations: ReadonlySet<string>;
  readonly contextBefore: ReadonlySet<string>;
  readonly commonWords: ReadonlySet<string>;
  /** Function words and sentence openers: never part of a name. */
  readonly stopwords: ReadonlySet<string>;
  readonly organisationWords: ReadonlySet<string>;
  /** Words after which a capitalised word names an organisation or place. */
  readonly organisationHeads: ReadonlySet<string>;
  readonly rolesPublic: ReadonlySet<string>;
  readonly rolesReview: ReadonlySet<string>;
  readonly rolesStaff: ReadonlySet<string>;
  readonly genericMailboxes: ReadonlySet<string>;
}

let cached: Lexicons | undefined;

/** The built-in lexicons, parsed once on first use (about 130,000 entries). */
export function lexicons(): Lexicons {
  if (cached) return cached;
  const tussen = parseList(tussenvoegselsText).map((t) => t.toLowerCase());
  for (const extra of ["van 't", "in 't", "op 't", 'van de', 'van der', 'van den', 'de la', 'el', 'al', 'ben', 'bin', 'ter', 'ten']) {
    if (!tussen.includes(extra)) tussen.push(extra);
  }
  tussen.sort((a, b) => b.length - a.length);
  const cores = new SortedWordList(surnameCoresText);
  cached = {
    givenNames: lower(parseList(givenNamesText)),
    surnameCores: cores,
    tussenvoegsels: tussen,
    tussenvoegselSet: new Set(tussen),
    titles: lower(parseList(titlesText)),
    salutations: lower(parseList(salutationsText)),
    contextBefore: lower(parseList(contextBeforeText)),
    commonWords: lower(parseList(commonWordsText)),
    stopwords: lower(parseList(stopwordsText)),
    organisationWords: lower(parseList(organisationWordsText)),
    organisationHeads: lower(parseList(organisationHeadsText)),
    rolesPublic: lower(parseList(rolesPublicText)),
    rolesReview: lower(parseList(rolesReviewText)),
    rolesStaff: lower(parseList(rolesStaffText)),
    genericMailboxes: lower(parseList(genericMailboxesText)),
  };
  return cached;
}
