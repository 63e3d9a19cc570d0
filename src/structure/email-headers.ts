import { isBlank, type Line, trimmedSpan } from '../document/lines.js';
import type { Span } from '../document/span.js';
import { foldForMatching, fuzzyEquals } from './fuzzy.js';
import type { FieldLabel, LabelledField } from './types.js';

/**
 * E-mail headers as printed by Outlook and webmail, also OCR'd: `Van:`/`From` with or without
 * colon, the label far left and the value far right (a layout gap, the normaliser's tab, between
 * them), box borders and OCR debris around the label (`Aan [`, `| CC`), values wrapped onto the
 * next lines. A header line without a colon counts only inside a block of header lines.
 */

type HeaderRole = FieldLabel | 'other';

/** Folded label forms. `other` labels (Importance, Location) only help to recognise a block. */
const HEADER_LABELS: ReadonlyMap<string, HeaderRole> = new Map<string, HeaderRole>([
  ['van', 'van'],
  ['from', 'van'],
  ['afzender', 'van'],
  ['aan', 'aan'],
  ['to', 'aan'],
  ['geadresseerde', 'aan'],
  ['required attendees', 'aan'],
  ['verplichte deelnemers', 'aan'],
  ['cc', 'cc'],
  ['kopie', 'cc'],
  ['kopie aan', 'cc'],
  ['optional attendees', 'cc'],
  ['optionele deelnemers', 'cc'],
  ['bcc', 'bcc'],
  ['verzonden', 'verzonden'],
  ['sent', 'verzonden'],
  // A letter's "Datum" stays the letterhead's field: it helps to recognise a block, nothing more.
  ['date', 'other'],
  ['datum', 'other'],
  ['verstuurd', 'verzonden'],
  ['onderwerp', 'onderwerp'],
  ['subject', 'onderwerp'],
  ['bijlagen', 'bijlagen'],
  ['bijlage', 'bijlagen'],
  ['bijlage(n)', 'bijlagen'],
  ['attachments', 'bijlagen'],
  ['importance', 'other'],
  ['urgentie', 'other'],
  ['prioriteit', 'other'],
  ['location', 'other'],
  ['locatie', 'other'],
  ['start', 'other'],
  ['end', 'other'],
  ['begin', 'other'],
  ['einde', 'other'],
  ['mail received', 'other'],
  ['recurrence', 'other'],
  ['terugkeerpatroon', 'other'],
]);

/** The fields whose values are people (or their mailboxes). */
export const RECIPIENT_FIELDS: ReadonlySet<FieldLabel> = new Set<FieldLabel>(['van', 'aan', 'cc', 'bcc']);

// Box borders, bullets and OCR debris that stand before a label or between it and its value.
const DEBRIS = String.raw`[\s\[\]|■•▪>#*~^_{}!¦]`;
const LEADING_DEBRIS = new RegExp(`^${DEBRIS}*`, 'u');
const TRAILING_DEBRIS = new RegExp(`(?:${DEBRIS}|\\s\\p{L}(?=$))*$`, 'u');
/** A label and what follows it: a colon, a layout gap, debris, or the end of the line. */
const LABEL_HEAD = /^(\p{L}[\p{L}()]*(?: \p{L}+)?)(\s*:|\t|\s+[[\]|]|\s*$)/u;
const SENT_VALUE = /^(?:ma|di|wo|do|vr|za|zo|maandag|dinsdag|woensdag|donderdag|vrijdag|zaterdag|zondag|mon|tue|wed|thu|fri|sat|sun|monday|tuesday|wednesday|thursday|friday|saturday|sunday|\d)/iu;

interface HeaderLine {
  readonly index: number;
  readonly role: HeaderRole;
  readonly labelSpan: Span;
  readonly value: Span | null;
  readonly withColon: boolean;
}

function labelRole(folded: string): HeaderRole | undefined {
  const exact = HEADER_LABELS.get(folded);
  if (exact) return exact;
  // OCR damage ("Ondenverp", "Localion", "Verzondon"): long labels only, one or two edits.
  if (folded.length < 6) return undefined;
  for (const [form, role] of HEADER_LABELS) {
    if (form.length >= 6 && form[0] === folded[0] && fuzzyEquals(folded, form)) return role;
  }
  return undefined;
}

function headerLineAt(line: Line, index: number): HeaderLine | null {
  const lead = LEADING_DEBRIS.exec(line.text)?.[0].length ?? 0;
  const rest = line.text.slice(lead);
  let m = LABEL_HEAD.exec(rest);
  let role = m ? labelRole(foldForMatching(m[1] as string)) : undefined;
  // A two-word match may be one label and a value word ("Sent Tue"): try the first word alone.
  if (m && !role && (m[1] as string).includes(' ')) {
    m = LABEL_HEAD.exec(rest.replace(/ .*$/su, (s) => `\t${s.slice(1)}`));
    role = m ? labelRole(foldForMatching(m[1] as string)) : undefined;
  }
  let labelEnd: number;
  let withColon: boolean;
  if (m && role) {
    labelEnd = lead + (m[1] as string).length;
    withColon = (m[2] as string).includes(':');
  } else {
    // "Verzonden woensdag 13 november", "Sent Tue 4 7 2009": a date after one space.
    const word = /^(\p{L}+) /u.exec(rest);
    const r = word ? labelRole(foldForMatching(word[1] as string)) : undefined;
    if (!word || r !== 'verzonden' || !SENT_VALUE.test(rest.slice(word[0].length))) return null;
    role = r;
    labelEnd = lead + (word[1] as string).length;
    withColon = false;
  }
  const after = line.text.slice(labelEnd);
  const skip = /^\s*:?(?:[\s[\]|]|\s\p{L}(?=\t))*/u.exec(after)?.[0].length ?? 0;
  const valueStart = labelEnd + skip;
  const trimmedEnd = line.text.replace(TRAILING_DEBRIS, '').length;
  const value = trimmedEnd > valueStart ? { start: line.start + valueStart, end: line.start + trimmedEnd } : null;
  return { index, role, labelSpan: { start: line.start + lead, end: line.start + labelEnd }, value, withColon };
}

/** Lines of one header block: at least two header labels within a few lines, one of them a sender or recipient. */
const BLOCK_REACH = 4;

export interface EmailHeaderResult {
  readonly fields: LabelledField[];
  readonly blocks: Span[];
  /** Line indexes that belong to a header block (label lines and wrapped values). */
  readonly claimed: ReadonlySet<number>;
}

export function findEmailHeaders(lines: readonly Line[]): EmailHeaderResult {
  const candidates: HeaderLine[] = [];
  for (let i = 0; i < lines.length; i++) {
    const line = lines[i] as Line;
    if (line.text.length === 0 || line.text.length > 400) continue;
    const hit = headerLineAt(line, i);
    if (hit) candidates.push(hit);
  }
  // Group label lines that stand within BLOCK_REACH lines of each other.
  const groups: HeaderLine[][] = [];
  for (const c of candidates) {
    const last = groups[groups.length - 1];
    const prev = last?.[last.length - 1];
    if (last && prev && c.index - prev.index <= BLOCK_REACH) last.push(c);
    else groups.push([c]);
  }
  const fields: LabelledField[] = [];
  const blocks: Span[] = [];
  const claimed = new Set<number>();
  for (const group of groups) {
    const roles = new Set(group.map((g) => g.role));
    const people = group.some((g) => g.role !== 'other' && RECIPIENT_FIELDS.has(g.role));
    // Two different labels, a sender or recipient among them. (A label without a colon counts
    // only before a layout gap or debris, so "Van der Meer\nAan de orde" is no header line.)
    if (roles.size < 2 || !people) continue;
    const first = group[0] as HeaderLine;
    const last = group[group.length - 1] as HeaderLine;
    let blockEnd = last.index;
    group.forEach((g, n) => {
      if (g.role === 'other') return;
      claimed.add(g.index);
      const label = g.role;
      if (g.value) fields.push({ label, labelSpan: g.labelSpan, value: g.value, inEmailHeader: true });
      // Wrapped values: the following non-blank lines up to the next label line, when indented.
      const nextLabel = group[n + 1]?.index ?? g.index + 3;
      for (let k = g.index + 1; k < Math.min(nextLabel, g.index + 4, lines.length); k++) {
        const line = lines[k] as Line;
        if (isBlank(line)) break;
        if (!/^\s/u.test(line.text) && !RECIPIENT_FIELDS.has(label)) break;
        claimed.add(k);
        blockEnd = Math.max(blockEnd, k);
        const value = trimmedSpan({ ...line, text: line.text.replace(TRAILING_DEBRIS, '') });
        if (value.end > value.start) fields.push({ label, labelSpan: g.labelSpan, value, inEmailHeader: true });
      }
    });
    blocks.push({ start: (lines[first.index] as Line).start, end: (lines[blockEnd] as Line).end });
  }
  return { fields, blocks, claimed };
}
