import type { Span } from '../../document/span.js';
import type { RoleContext } from '../../document/types.js';
import { PERSON_FIELDS } from '../../structure/labels.js';
import { EMAIL, STREET_WORD_END } from '../patterns/index.js';
import type { Lexicons } from '../lexicons/index.js';
import { contextWordBefore, departmentAfter, NAME_EVIDENCE_WEIGHTS, salutationBefore, scoreName } from '../names/evidence.js';
import { type DossierMatch, type KnownPerson, matchDossier, mergeKnownPersons, strongerRole } from '../names/known-person.js';
import { findMentions, ocrFold } from '../names/mentions.js';
import { canBeSurname, isGivenName, isSurnameCore, lookupWord, type NameParse, parseNameAt } from '../names/parse.js';
import { displayNameBefore, findRecipients, type Recipient } from '../names/recipients.js';
import { findRole } from '../names/roles.js';
import { RECIPIENT_FIELDS } from '../../structure/email-headers.js';
import { foldWord, isCapitalised, isInitials, type Token, tokenize } from '../names/tokens.js';
import { type Candidate, defineRecognizer, type RecognizerContext } from '../recognizer.js';
import { allMatches } from '../../util/regex.js';

/** Candidates below this are not reported at all; the policy's thresholds decide the rest. */
const MIN_CONFIDENCE = 0.35;
/** A person found with at least this confidence seeds the search for other mentions. */
const KNOWN_PERSON_CONFIDENCE = 0.7;

interface PersonHit {
  readonly from: number;
  readonly to: number;
  readonly confidence: number;
  readonly evidence: readonly string[];
  readonly key: string;
  readonly givens: readonly string[];
  readonly surname?: string;
  readonly tussenvoegsel: string;
  role?: RoleContext;
}

/** Token ranges where a person is expected: values of person fields and first signature lines. */
function labelledRanges(ctx: RecognizerContext): Span[] {
  const ranges: Span[] = [];
  for (const f of ctx.structure.fields) if (PERSON_FIELDS.has(f.label)) ranges.push(f.value);
  for (const s of ctx.structure.signatures) {
    const nl = ctx.text.indexOf('\n', s.start);
    ranges.push({ start: s.start, end: nl === -1 || nl > s.end ? s.end : nl });
  }
  return ranges;
}

function inAny(ranges: readonly Span[], offset: number): boolean {
  return ranges.some((r) => r.start <= offset && offset < r.end);
}

/** Outlook's "Jansen, Piet" / "Vries, J.H. de" in a header field: surname first. */
function parseInverted(lex: Lexicons, tokens: readonly Token[], i: number): NameParse | null {
  const surname = tokens[i];
  const comma = tokens[i + 1];
  const next = tokens[i + 2];
  if (!surname || comma?.text !== ',' || !next || next.lineStart || !canBeSurname(lex, surname.text)) return null;
  let j = i + 2;
  let initials = 0;
  const givens: string[] = [];
  while (tokens[j] && isInitials((tokens[j] as Token).text) && !(tokens[j] as Token).lineStart) {
    initials++;
    j++;
  }
  if (initials === 0 && tokens[j] && isGivenName(lex, (tokens[j] as Token).text)) givens.push((tokens[j++] as Token).text);
  if (initials === 0 && givens.length === 0) return null;
  if (tokens[j]?.text === '(' && tokens[j + 2]?.text === ')' && isCapitalised(tokens[j + 1]?.text ?? '')) j += 3;
  // A trailing tussenvoegsel: "Vries, J.H. de".
  while (tokens[j] && !(tokens[j] as Token).lineStart && lex.tussenvoegselSet.has((tokens[j] as Token).text.toLowerCase())) j++;
  return { from: i, to: j, titles: 0, initials, givens, tussenvoegsel: '', surname: surname.text, nickname: false };
}

/**
 * Shapes of name that need outside evidence: a first name alone needs a salutation ("Beste
 * Anouk"), a surname alone a salutation, title, label, context word or a known surname with a
 * role ("beleidsmedewerker Jansen"), a lower-case "van de X" a salutation ("mevrouw van der Meer").
 * And no part of an organisation's name ("de Tweede Kamer", "Den Haag").
 */
/** "gemeente Deventer", "Ministerie van Economische Zaken", "te Utrecht": see organisation-heads.txt. */
function afterOrganisationHead(lex: Lexicons, tokens: readonly Token[], from: number): boolean {
  for (let k = from - 1, steps = 0; k >= 0 && steps < 3; k--, steps++) {
    const t = tokens[k] as Token;
    const word = foldWord(t.text);
    if (lex.organisationHeads.has(word)) return true;
    if (!['van', 'voor', 'de', 'het', 'der'].includes(word)) return false;
  }
  return false;
}

function plausibleAlone(
  lex: Lexicons,
  tokens: readonly Token[],
  parse: NameParse,
  around: { salutation: boolean; context: boolean; labelled: boolean; department: boolean },
  role: RoleContext | undefined,
): boolean {
  // "gemeente Deventer", "Ministerie van Economische Zaken": an organisation or a place, unless
  // initials or a title say it is a person ("afdeling van J. Jansen" stays a name).
  if (parse.initials === 0 && parse.titles === 0 && !around.salutation && afterOrganisationHead(lex, tokens, parse.from)) return false;
  const strong = around.salutation || around.labelled || parse.titles > 0;
  const next = tokens[parse.to];
  if (parse.surname && next && !next.lineStart) {
    const phrase = `${foldWord(parse.surname)} ${foldWord(next.text)}`;
    if (lex.organisationWords.has(phrase)) return false;
  }
  const full = tokens.slice(parse.from, parse.to).map((t) => foldWord(t.text)).join(' ');
  if (lex.organisationWords.has(full)) return false;
  // "Huub van Doornestraat 15", "Anton de Komplein 150": a street named after a person, with its number.
  if (parse.surname && STREET_WORD_END.test(parse.surname) && next && !next.lineStart && /^\d/u.test(next.text)) return false;
  // A first name alone: "Beste Anouk", or "met Dirk (RVO)".
  if (!parse.surname) return strong || (around.context && around.department) || (around.department && !lookupWord(lex.commonWords, parse.givens[0] ?? ''));
  const first = tokens[parse.from] as Token;
  if (parse.initials === 0 && parse.givens.length === 0 && parse.titles === 0) {
    if (!isCapitalised(first.text)) return strong;
    if (parse.tussenvoegsel === '') {
      return strong || around.context || (role !== undefined && isSurnameCore(lex, parse.surname));
    }
  }
  return true;
}

function couldStartName(lex: Lexicons, t: Token, prev: Token | undefined, next: Token | undefined): boolean {
  // "Van:" and "Aan:" are labels; "Hoi", "Beste", "Mevrouw" introduce a name.
  if (next?.text === ':' && next.start === t.end) return false;
  const lower = t.text.toLowerCase().replace(/\.$/, '');
  if (lex.salutations.has(lower)) return false;
  // "U. van Duin": an initial, also where the letter alone is a word ("u", "a").
  if (t.text.endsWith('.') && isInitials(t.text)) return true;
  if (isCapitalised(t.text)) {
    // "Dit", "Deze", "Volgens": function words start no name (unless a name is spelled the same).
    return !lex.stopwords.has(lower) || lex.tussenvoegselSet.has(lower) || lex.givenNames.has(lower);
  }
  if (lex.titles.has(lower)) return true;
  // A lower-case "van der Meer" is a name only after a salutation or title ("mevrouw van der Meer");
  // "de" and "van" are the commonest words of Dutch, so this test saves most of the work.
  // At a line start it may be a labelled value ("Aan:\nvan der Berg"); evidence decides later.
  if (!lex.tussenvoegselSet.has(lower)) return false;
  if (t.lineStart || !prev) return true;
  const before = prev.text.toLowerCase().replace(/\.$/, '');
  return lex.salutations.has(before) || lex.titles.has(before) || before === 'heer' || before === ':';
}

// "motie-Brekelmans", "amendement-Van der Plas", "commissie-Remkes": named after a Kamerlid or a
// committee's public chair.
const NAMED_AFTER = /^(?:motie|moties|amendement|initiatiefwet|initiatiefnota|commissie)-(\p{Lu}[\p{L}'-]*)$/u;

/** Names inside "motie-X" tokens: public by definition, reported so that they are kept. */
function namedAfter(tokens: readonly Token[]): Candidate[] {
  const out: Candidate[] = [];
  for (const t of tokens) {
    const m = NAMED_AFTER.exec(t.text);
    if (!m) continue;
    const name = m[1] as string;
    const start = t.end - name.length;
    out.push({ span: { start, end: t.end }, confidence: 0.9, evidence: ['named-after'], personKey: ocrFold(name), role: { role: 'kamerlid', roleClass: 'public' } });
  }
  return out;
}

function keyOf(parse: NameParse): string {
  if (parse.surname) return ocrFold(parse.surname);
  return `given:${ocrFold(parse.givens[0] ?? '')}`;
}

const LIST_LETTER = /^\p{Lu}\.$/u;
/** A name whose only evidence beside its word is a list letter: for review, below KNOWN_PERSON_CONFIDENCE. */
const LIST_LETTER_CONFIDENCE = 0.5;

/**
 * Tokens that may be the letters of a lettered list ("A. Governance", "B. Compliance" at the
 * starts of lines) rather than initials: a letter at a line start, with the letter before or after
 * it starting another line, followed by a word that is no known given name, surname or
 * tussenvoegsel. Read as initials, every such heading was a person found for sure, and its word a
 * surname redacted wherever it recurred. A list of people with unknown surnames ("J. Okafor",
 * "K. Zyxwerk") has the same shape, so such a name is not dropped: it goes to review (redacted
 * until a person decides) and seeds no other mentions.
 */
function listLetters(lex: Lexicons, tokens: readonly Token[]): Set<number> {
  const starts = new Map<string, number[]>();
  tokens.forEach((t, i) => {
    if (!t.lineStart || !LIST_LETTER.test(t.text)) return;
    const letter = t.text[0] as string;
    const list = starts.get(letter) ?? [];
    list.push(i);
    starts.set(letter, list);
  });
  const out = new Set<number>();
  if (starts.size < 2) return out;
  const shifted = (letter: string, by: number) => String.fromCharCode(letter.charCodeAt(0) + by);
  for (const [letter, indices] of starts) {
    if (!starts.has(shifted(letter, -1)) && !starts.has(shifted(letter, 1))) continue;
    for (const i of indices) {
      const next = tokens[i + 1];
      if (!next || next.lineStart || !isCapitalised(next.text)) continue;
      const word = next.text;
      if (isGivenName(lex, word) || isSurnameCore(lex, word) || lex.tussenvoegselSet.has(word.toLowerCase())) continue;
      out.add(i);
    }
  }
  return out;
}

/** The main scan: every place where a name parses, scored by its evidence. */
function scanNames(ctx: RecognizerContext, tokens: readonly Token[]): PersonHit[] {
  const lex = ctx.lexicons;
  const labelled = labelledRanges(ctx);
  const hits: PersonHit[] = [];
  const letters = listLetters(lex, tokens);
  for (let i = 0; i < tokens.length; ) {
    const t = tokens[i] as Token;
    if (!couldStartName(lex, t, tokens[i - 1], tokens[i + 1])) {
      i++;
      continue;
    }
    const isLabelled = inAny(labelled, t.start);
    const parse = (isLabelled ? parseInverted(lex, tokens, i) : null) ?? parseNameAt(lex, tokens, i);
    if (!parse) {
      i++;
      continue;
    }
    const around = {
      salutation: salutationBefore(lex, tokens, parse.from),
      context: contextWordBefore(lex, tokens, parse.from),
      role: false,
      labelled: isLabelled,
      department: departmentAfter(tokens, parse.to),
      ownLine: (tokens[parse.from] as Token).newLine && (tokens[parse.to]?.newLine ?? true),
    };
    // The role is looked for only where it could lift the name over the reporting threshold.
    if (scoreName(lex, tokens, parse, around).confidence + NAME_EVIDENCE_WEIGHTS.role < MIN_CONFIDENCE) {
      i++;
      continue;
    }
    const role = findRole(lex, tokens, parse.from, parse.to);
    around.role = role !== undefined;
    const scored = scoreName(lex, tokens, parse, around);
    if (scored.confidence < MIN_CONFIDENCE || !plausibleAlone(lex, tokens, parse, around, role)) {
      i++;
      continue;
    }
    // A list letter read as an initial is evidence of nothing: review at most.
    const confidence = letters.has(parse.from) && parse.titles === 0 && parse.givens.length === 0 ? Math.min(scored.confidence, LIST_LETTER_CONFIDENCE) : scored.confidence;
    hits.push({
      from: parse.from,
      to: parse.to,
      confidence,
      evidence: scored.evidence,
      key: keyOf(parse),
      givens: parse.givens,
      tussenvoegsel: parse.tussenvoegsel.toLowerCase().replace(/’/g, "'"),
      ...(parse.surname ? { surname: parse.surname } : {}),
      ...(role ? { role } : {}),
    });
    i = parse.to;
  }
  return hits;
}

/** "de wethouders Jansen en De Vries": a plural role before a list covers every name in it. */
function spreadPluralRoles(text: string, tokens: readonly Token[], hits: PersonHit[]): void {
  for (let n = 1; n < hits.length; n++) {
    const prev = hits[n - 1] as PersonHit;
    const cur = hits[n] as PersonHit;
    if (cur.role || !prev.role || !/(?:en|s)$/.test(prev.role.role)) continue;
    const gap = text.slice((tokens[prev.to - 1] as Token).end, (tokens[cur.from] as Token).start);
    if (/^\s*(?:,|en|&)\s*$/.test(gap) || /^\s*,\s*en\s*$/.test(gap)) cur.role = prev.role;
  }
}

// Initials used as a paraaf ("JdV", "R.O.", "JvdB"); in other person fields a bare acronym is a
// department ("Aan: DGM"), so only initials with dots or small letters count there.
const INITIALS_VALUE = /^(?:(?:\p{Lu}\.\s?){1,4}|\p{Lu}\p{Ll}{1,2}\p{Lu}\.?)$/u;

/** A paraaf field's value, or initials in any person field, is a person's paraaf: redact it whole. */
function paraafValues(ctx: RecognizerContext): Candidate[] {
  const out: Candidate[] = [];
  for (const f of ctx.structure.fields) {
    const value = ctx.text.slice(f.value.start, f.value.end);
    if (!(f.label === 'paraaf' || (PERSON_FIELDS.has(f.label) && INITIALS_VALUE.test(value.trim())))) continue;
    if (value.length > 40 || /\d{3}/.test(value) || /@/.test(value)) continue;
    out.push({ span: f.value, confidence: 0.9, evidence: ['paraaf-field'], personKey: `paraaf:${f.value.start}` });
  }
  return out;
}

/** Index of the first token that starts at or after `offset` (tokens are in text order). */
function firstTokenAt(tokens: readonly Token[], offset: number): number {
  let lo = 0;
  let hi = tokens.length;
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    if ((tokens[mid] as Token).start < offset) lo = mid + 1;
    else hi = mid;
  }
  return lo;
}

/** Confidence of a name in an e-mail header's sender or recipient field, or before an address. */
const HEADER_CONFIDENCE = 0.9;
const DISPLAY_NAME_CONFIDENCE = 0.85;
const ONE_EMAIL = new RegExp(EMAIL.source, 'u');
const ADDRESS_AFTER_NAME = /<\s*(?:mailto:)?[^\s<>@]+\s?@|\[mailto:/gu;

/** People in e-mail headers and display names before addresses ("Piet Jansen <p.jansen@...>"). */
interface HeaderPerson {
  readonly recipient: Recipient;
  readonly confidence: number;
  readonly evidence: string;
  /** The address written right after the name, lower case. */
  readonly address?: string;
}

function headerPeople(ctx: RecognizerContext): HeaderPerson[] {
  const out: HeaderPerson[] = [];
  for (const f of ctx.structure.fields) {
    if (!f.inEmailHeader || !RECIPIENT_FIELDS.has(f.label)) continue;
    for (const recipient of findRecipients(ctx.lexicons, ctx.text, f.value)) out.push({ recipient, confidence: HEADER_CONFIDENCE, evidence: 'email-header' });
  }
  for (const m of allMatches(ADDRESS_AFTER_NAME, ctx.text)) {
    const recipient = displayNameBefore(ctx.lexicons, ctx.text, m.index);
    if (!recipient) continue;
    const address = ONE_EMAIL.exec(ctx.text.slice(m.index, m.index + 120))?.[0]?.replace(/\s+/g, '').toLowerCase();
    out.push({ recipient, confidence: DISPLAY_NAME_CONFIDENCE, evidence: 'display-name', ...(address ? { address } : {}) });
  }
  return out;
}

/** The initials a name was written with ("A.B."), or undefined. */
function initialsOf(tokens: readonly Token[], from: number, to: number): string | undefined {
  const initials = tokens.slice(from, to).filter((t) => isInitials(t.text)).map((t) => t.text).join('');
  return initials || undefined;
}

/** Full identities of dossier persons where this document's own scan found no name: that person. */
function dossierCandidates(dossier: readonly DossierMatch[], found: readonly Span[]): Candidate[] {
  const out: Candidate[] = [];
  for (const d of dossier) {
    for (const span of d.spans) {
      if (found.some((f) => f.start < span.end && span.start < f.end)) continue;
      out.push({ span, confidence: 0.8, evidence: ['dossier:full-identity'], personKey: d.person.key });
    }
  }
  return out;
}

/**
 * Person names: in labelled places (contact block, e-mail headers, signatures), in running text
 * by evidence (given names, initials, tussenvoegsels, titles, salutations, context words, roles),
 * and every further mention of a person once found (surname or first name alone, OCR variants),
 * and the full identities of persons found in other documents of the same dossier (`knownPersons`).
 */
export function findPersons(ctx: RecognizerContext, knownPersons: readonly KnownPerson[] = []): { candidates: Candidate[]; persons: KnownPerson[] } {
  const lex = ctx.lexicons;
  const tokens = tokenize(ctx.text);
  const hits = scanNames(ctx, tokens);
  spreadPluralRoles(ctx.text, tokens, hits);

  const local: KnownPerson[] = [];
  const people = headerPeople(ctx);
  for (const { recipient: r, address } of people) {
    const key = ocrFold(r.surname);
    if (key.length >= 3) local.push({ key, surname: r.surname, tussenvoegsel: r.tussenvoegsel, givens: r.givens, ...(address ? { addresses: [address] } : {}) });
  }
  for (const h of hits) {
    if (!h.surname || h.confidence < KNOWN_PERSON_CONFIDENCE || h.key.length < 3) continue;
    const initials = initialsOf(tokens, h.from, h.to);
    local.push({ key: h.key, surname: h.surname, tussenvoegsel: h.tussenvoegsel, givens: h.givens, ...(initials ? { initials: [initials] } : {}), ...(h.role ? { roleClass: h.role.roleClass } : {}) });
  }
  // Persons of other documents of the dossier take part only where their full identity occurs
  // here, and without their roles there. A person's roles across all their strong mentions in
  // this document: public once means public everywhere in it.
  const dossier = matchDossier(ctx.text, knownPersons);
  const persons = mergeKnownPersons([local, dossier.map((d) => d.person)]);
  const byKey = new Map(persons.map((p) => [p.key, p]));
  // A first name alone ("Hoi Ruben") is the known person of that first name, when only one has it.
  const byGiven = new Map<string, string | null>();
  for (const p of persons) {
    for (const g of p.givens) {
      const k = `given:${ocrFold(g)}`;
      byGiven.set(k, byGiven.has(k) && byGiven.get(k) !== p.key ? null : p.key);
    }
  }
  const personOf = (key: string): string => (key.startsWith('given:') ? (byGiven.get(key) ?? key) : key);

  const coveredTokens = new Uint8Array(tokens.length);
  for (const h of hits) coveredTokens.fill(1, h.from, h.to);
  // Tokens of a header person are that person, not further mentions.
  for (const { recipient: r } of people) {
    for (let t = firstTokenAt(tokens, r.span.start); t < tokens.length && (tokens[t] as Token).end <= r.span.end; t++) coveredTokens[t] = 1;
  }
  const mentions = findMentions(lex, tokens, persons, (i) => coveredTokens[i] === 1);

  const candidates: Candidate[] = [];
  const emit = (from: number, to: number, confidence: number, evidence: readonly string[], hitKey: string, role: RoleContext | undefined): void => {
    const key = personOf(hitKey);
    const person = byKey.get(key);
    const roleClass = strongerRole(role?.roleClass, person?.roleClass);
    const personRole: RoleContext | undefined =
      roleClass === role?.roleClass ? role : roleClass ? { role: `known-${roleClass}`, roleClass } : undefined;
    // A hit below the redact level for a person known with good evidence is that person.
    const lifted = person && !key.startsWith('given:') ? Math.max(confidence, 0.75) : confidence;
    candidates.push({
      span: { start: (tokens[from] as Token).start, end: (tokens[to - 1] as Token).end },
      confidence: lifted,
      evidence,
      personKey: key,
      ...(personRole ? { role: personRole } : {}),
    });
  };
  for (const h of hits) emit(h.from, h.to, h.confidence, h.evidence, h.key, h.role);
  for (const { recipient: r, confidence, evidence } of people) {
    const key = ocrFold(r.surname);
    const person = byKey.get(key);
    candidates.push({
      span: r.span,
      confidence,
      evidence: [evidence],
      personKey: key,
      ...(person?.roleClass ? { role: { role: `known-${person.roleClass}`, roleClass: person.roleClass } } : {}),
    });
  }
  for (const m of mentions) {
    const role = findRole(lex, tokens, m.from, m.to);
    emit(m.from, m.to, m.confidence, [`mention:${m.kind}`], m.key, role);
  }
  const ownFinds = [...hits.map((h) => ({ start: (tokens[h.from] as Token).start, end: (tokens[h.to - 1] as Token).end })), ...people.map((p) => p.recipient.span)];
  candidates.push(...dossierCandidates(dossier, ownFinds));
  candidates.push(...paraafValues(ctx), ...namedAfter(tokens));
  return { candidates, persons: local.filter((p) => lookupWord(lex.surnameCores, p.surname) || p.givens.length > 0) };
}

export const personRecognizer = defineRecognizer({
  id: 'person',
  entity: 'person',
  suggestedGround: '5.1.2e',
  find: (ctx) => findPersons(ctx, ctx.knownPersons).candidates,
  examples: [
    { text: 'Contactpersoon\nA.B. Schouten\nT 06 12345678', expect: ['A.B. Schouten'] },
    { text: 'Ik heb dit besproken met Anouk Schouten (DGM).', expect: ['Anouk Schouten'] },
    { text: 'Volgens mevrouw Van der Meer is dat zo.', expect: ['Van der Meer'] },
    { text: 'Met vriendelijke groet,\n\nPieter de Vries\nSenior beleidsmedewerker', expect: ['Pieter de Vries'] },
    { text: 'De Stand van de Uitvoering gaat naar de Tweede Kamer in Den Haag.', expect: [] },
  ],
});

// Initials as a paraaf in running text: "[opmerking JdV: ...]", "(PvD)", "akkoord JvdB".
const INITIALS_TOKEN = /(?<![\p{L}\d])(?<value>\p{Lu}\p{Ll}{1,3}\p{Lu})(?![\p{L}\d])/gu;
const INITIALS_CUE = /(?:opmerking|comment|reactie|noot|paraaf|akkoord|vraag|cc|gezien|ok)\s*$/i;

/** Initials used as a paraaf in comments and approvals, where a cue says they are a person's. */
export const initialsRecognizer = defineRecognizer({
  id: 'initials',
  entity: 'person',
  suggestedGround: '5.1.2e',
  find(ctx) {
    const out: Candidate[] = [];
    for (const m of allMatches(INITIALS_TOKEN, ctx.text)) {
      const value = m.groups?.value ?? '';
      if (ctx.lexicons.organisationWords.has(value.toLowerCase())) continue;
      const before = ctx.text.slice(Math.max(0, m.index - 20), m.index);
      const after = ctx.text.slice(m.index + value.length, m.index + value.length + 2);
      const bracketed = /[[(]\s*$/.test(before) && /^[\]):]/.test(after);
      if (!INITIALS_CUE.test(before) && !bracketed) continue;
      out.push({ span: { start: m.index, end: m.index + value.length }, confidence: 0.8, evidence: ['initials-cue'], personKey: `initials:${value}` });
    }
    return out;
  },
  examples: [
    { text: '[opmerking JdV: graag afstemmen]', expect: ['JdV'] },
    { text: 'Akkoord JvdB, 3 mei', expect: ['JvdB'] },
    { text: 'Ingeschreven bij de KvK in Utrecht.', expect: [] },
  ],
});
