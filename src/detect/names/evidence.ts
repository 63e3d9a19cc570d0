import type { Lexicons } from '../lexicons/index.js';
import { isGivenName, isSurnameCore, lookupWord, type NameParse } from './parse.js';
import { foldWord, type Token } from './tokens.js';

/** Weights of each kind of evidence; a candidate's confidence is their sum, capped below 1. */
export const NAME_EVIDENCE_WEIGHTS = {
  title: 0.45,
  salutation: 0.55,
  initials: 0.45,
  knownGivenName: 0.4,
  /** "Ama de Wit": a capitalised word in a given name's place, unknown to the lexicon. */
  unknownGivenName: 0.1,
  /** A given name that is also a word ("Roos", "Wil") at a sentence start proves little. */
  ambiguousGivenName: 0.15,
  knownSurname: 0.25,
  unknownCapitalisedSurname: 0.15,
  ambiguousSurname: 0.05,
  tussenvoegsel: 0.15,
  twoParts: 0.1,
  contextWord: 0.25,
  role: 0.3,
  labelled: 0.5,
  departmentAfter: 0.2,
  /** The name fills its line or cell: a signature line, an attendee list, a header value. */
  ownLine: 0.25,
} as const;

export type EvidenceKind = keyof typeof NAME_EVIDENCE_WEIGHTS;

export interface Scored {
  readonly confidence: number;
  readonly evidence: readonly EvidenceKind[];
}

function isCommonWord(lex: Lexicons, word: string): boolean {
  return lookupWord(lex.commonWords, word);
}

const GREETINGS = new Set(['beste', 'hoi', 'hallo', 'hey', 'hee', 'hi', 'ha', 'moi', 'dag', 'lieve', 'dear', 'goedemorgen', 'goedemiddag', 'goedenavond', 'goeiemorgen']);

/** The words before the name on its line form a salutation ("mevrouw", "de heer", "Beste"). */
export function salutationBefore(lex: Lexicons, tokens: readonly Token[], from: number): boolean {
  for (let n = 1; n <= 3; n++) {
    const start = from - n;
    if (start < 0) break;
    const words = tokens.slice(start, from);
    // A salutation and its name may stand in two cells of one line ("Beste<gap>Sanne").
    if (words.some((t, k) => k > 0 && t.newLine) || tokens[from]?.newLine) break;
    const phrase = words.map((t) => foldWord(t.text)).join(' ');
    // A greeting opens its line or sentence ("Beste Anouk"); mid-sentence it is a word ("het beste").
    if (GREETINGS.has(foldWord((words[0] as Token).text)) && !(words[0] as Token).newLine && !(words[0] as Token).sentenceStart) continue;
    if (lex.salutations.has(phrase)) return true;
  }
  return false;
}

export function contextWordBefore(lex: Lexicons, tokens: readonly Token[], from: number): boolean {
  for (let n = 1; n <= 3; n++) {
    const start = from - n;
    if (start < 0 || tokens[from]?.lineStart) break;
    const phrase = tokens
      .slice(start, from)
      .map((t) => foldWord(t.text))
      .join(' ');
    if (lex.contextBefore.has(phrase)) return true;
  }
  return false;
}

/** "(DGM)", "(BZK/DGOO)" right after a name: the department of a civil servant. */
export function departmentAfter(tokens: readonly Token[], to: number): boolean {
  const open = tokens[to];
  const inner = tokens[to + 1];
  return open?.text === '(' && !open.lineStart && inner !== undefined && /^[A-Z][A-Z&/-]{1,9}$/.test(inner.text);
}

/** Scores a parsed name by the evidence it carries itself and around it. */
export function scoreName(
  lex: Lexicons,
  tokens: readonly Token[],
  parse: NameParse,
  around: { salutation: boolean; context: boolean; role: boolean; labelled: boolean; department: boolean; ownLine?: boolean },
): Scored {
  const evidence: EvidenceKind[] = [];
  const first = tokens[parse.from] as Token;
  const atSentenceStart = first.sentenceStart || first.lineStart;
  if (parse.titles > 0) evidence.push('title');
  if (around.salutation) evidence.push('salutation');
  if (parse.initials > 0) evidence.push('initials');
  const given = parse.givens[0];
  // A word that is also a name ("Roos", "Bakker") proves little alone at a sentence start; two
  // name words in a row ("Koen Pronk") do.
  if (given !== undefined && isGivenName(lex, given)) {
    const ambiguous = atSentenceStart && parse.titles === 0 && parse.surname === undefined && isCommonWord(lex, given);
    evidence.push(ambiguous ? 'ambiguousGivenName' : 'knownGivenName');
  }
  if (given !== undefined && !isGivenName(lex, given)) evidence.push('unknownGivenName');
  // One word in capitals alone under a label or on its own line ("From: ABCDE", a line "KLMNO"):
  // an organisation's acronym as often as a surname, so it proves little; after a salutation, a
  // context word or a role ("mevrouw BOER-VOS") it is a name.
  let shouted = false;
  if (parse.surname !== undefined) {
    const alone = parse.titles + parse.initials + parse.givens.length === 0 && parse.tussenvoegsel === '';
    shouted = alone && !/\p{Ll}/u.test(parse.surname) && !(around.salutation || around.context || around.role);
    // A surname alone that is also a word ("Werk", "Bakker") needs more than a context word.
    const ambiguous = shouted || (isCommonWord(lex, parse.surname) && alone && (atSentenceStart || !(around.salutation || around.labelled)));
    if (ambiguous) evidence.push('ambiguousSurname');
    else if (isSurnameCore(lex, parse.surname)) evidence.push('knownSurname');
    else evidence.push('unknownCapitalisedSurname');
    if (parse.tussenvoegsel && (parse.initials > 0 || parse.givens.length > 0)) evidence.push('tussenvoegsel');
    if (parse.initials > 0 || parse.givens.length > 0) evidence.push('twoParts');
  }
  if (around.context) evidence.push('contextWord');
  if (around.role) evidence.push('role');
  if (around.labelled) evidence.push('labelled');
  if (around.department) evidence.push('departmentAfter');
  // Alone on its line counts for a full name, or for a labelled one ("Met vriendelijke groet,\nLisanne").
  if (around.ownLine && !shouted && (around.labelled || evidence.includes('twoParts'))) evidence.push('ownLine');
  const sum = evidence.reduce((acc, kind) => acc + NAME_EVIDENCE_WEIGHTS[kind], 0);
  return { confidence: Math.min(0.99, Math.round(sum * 100) / 100), evidence };
}
