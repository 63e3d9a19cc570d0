import type { Span } from '../../document/span.js';
import { nationalPhoneDigits } from '../validators/checksums.js';
import { EMAIL, emailLocalPart } from '../patterns/index.js';
import type { RecognizerContext } from '../recognizer.js';
import { isFunctionalMailbox } from './mailbox.js';
import { allMatches } from '../../util/regex.js';

// Service numbers are organisational by nature: nobody has a personal 0800 or 0900 line.
const SERVICE_PREFIXES = ['0800', '0900', '0906', '0909'];
// 088 and 085 are organisation-wide numbers; only with a direct-line label are they someone's.
const ORGANISATION_PREFIXES = ['088', '085'];
const MOBILE = /^06/;
const DIRECT_LINE = /(?:^|[^\p{L}])(?:m|mobiel|mob|gsm|direct|doorkies(?:nummer)?)\.?:?\s*$/iu;
const FAX_LABEL = /(?:^|[^\p{L}])(?:f|fax|faxnummer|telefax)\.?(?:\s+is)?\s*:?\s*$/iu;
const GENERAL_AFTER = /^\s*\(?(?:algemeen|receptie|centrale|servicedesk|klantcontactcentrum)\b/iu;
/** What only a letterhead column holds: a Postbus, a visiting or postal address label, a website. */
const LETTERHEAD_MARK = /\b(?:postbus|bezoekadres|postadres|retouradres|www\.|http)|\b\d{4} ?[A-Z]{2} \p{Lu}/iu;
/** A letterhead cell with a number: the label, the number and at most a word such as "(algemeen)". */
const LETTERHEAD_CELL = /^(?:t|f|tel|telefoon|fax|telefax)\.?:?\s+[\d\s()+-]{9,20}(?:\s*\(?\p{L}+\)?)?$/iu;
const LETTERHEAD_REACH = 10;
/** Lines around a number that tell whose it is: a person's own address beside it, or a fax line. */
const CONTACT_REACH = 3;
const FAX_LINE = /(?:^|\n)[\t ]*(?:f|fax|telefax)\.?:?[ \t]+[\d(+]/iu;

/** The letterhead's labels of a person: the number under one is that person's. */
const PERSON_LABEL = /(?:^|\n)[\t ]*(?:contactpersoon|behandeld door|inlichtingen(?: bij)?|opgesteld door)\b/iu;

/** EMAIL's own copy: the e-mail recognizer walks EMAIL itself (its lastIndex), this one a block near a number. */
const EMAIL_IN_BLOCK = new RegExp(EMAIL.source, EMAIL.flags);

/**
 * A contact block of a person without a fax line: the number under a person's label, or beside a
 * person's own address ("T 070 ...\np.jansen@..."), is a direct line.
 */
function personalContactBlock(ctx: RecognizerContext, span: Span): boolean {
  const block = neighbourhood(ctx.text, span, CONTACT_REACH);
  if (FAX_LINE.test(block)) return false;
  if (PERSON_LABEL.test(ctx.text.slice(neighbourhoodStart(ctx.text, span, CONTACT_REACH), span.start))) return true;
  for (const m of allMatches(EMAIL_IN_BLOCK, block)) {
    const local = emailLocalPart(m[0]);
    if (local.trim().length >= 2 && !isFunctionalMailbox(ctx.lexicons, local)) return true;
  }
  return false;
}

function lineAround(text: string, span: Span): { start: number; end: number } {
  let start = span.start;
  while (start > 0 && text[start - 1] !== '\n' && text[start - 1] !== '\f') start--;
  let end = span.end;
  while (end < text.length && text[end] !== '\n' && text[end] !== '\f') end++;
  return { start, end };
}

/** The cell (between layout gaps) that holds the span. */
function cellAround(text: string, span: Span): string {
  const line = lineAround(text, span);
  const before = text.lastIndexOf('\t', span.start - 1);
  const after = text.indexOf('\t', span.end);
  return text.slice(Math.max(line.start, before + 1), after === -1 || after > line.end ? line.end : after).trim();
}

function neighbourhoodStart(text: string, span: Span, reach: number): number {
  let start = span.start;
  for (let n = 0; n <= reach && start > 0; start--) if (text[start - 1] === '\n') n++;
  return start;
}

/** The lines within `reach` lines above and below the span. */
function neighbourhood(text: string, span: Span, reach: number): string {
  const start = neighbourhoodStart(text, span, reach);
  let end = span.end;
  for (let n = 0; n <= reach && end < text.length; end++) if (text[end] === '\n') n++;
  return text.slice(start, end);
}

/**
 * An organisation's number rather than a person's: service numbers; outside e-mails (where a
 * signature's numbers are the sender's), 088/085 numbers without a direct-line label, fax
 * numbers, numbers marked "(algemeen)", and landline numbers in a letterhead column (a cell of
 * their own, T/F/Telefoon/Fax, near a Postbus, address label or website) unless, without a fax
 * line beside it, it stands under a person's label or beside a person's own e-mail address (then
 * it is that person's direct line). A
 * mobile number is a person's wherever it stands.
 */
export function isOrganisationPhone(value: string, ctx: RecognizerContext, span: Span): boolean {
  const digits = nationalPhoneDigits(value);
  if (SERVICE_PREFIXES.some((p) => digits.startsWith(p))) return true;
  if (MOBILE.test(digits)) return false;
  const firstHeader = ctx.structure.emailHeaders[0];
  if (firstHeader && firstHeader.start <= span.start) return false;
  const line = lineAround(ctx.text, span);
  const before = ctx.text.slice(Math.max(line.start, span.start - 24), span.start);
  if (DIRECT_LINE.test(before)) return false;
  if (ORGANISATION_PREFIXES.some((p) => digits.startsWith(p))) return true;
  if (FAX_LABEL.test(before) || GENERAL_AFTER.test(ctx.text.slice(span.end, line.end))) return true;
  return (
    LETTERHEAD_CELL.test(cellAround(ctx.text, span)) &&
    LETTERHEAD_MARK.test(neighbourhood(ctx.text, span, LETTERHEAD_REACH)) &&
    !personalContactBlock(ctx, span)
  );
}
