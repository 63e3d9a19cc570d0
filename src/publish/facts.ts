import { createHash } from 'node:crypto';
import type { Manifest } from '../manifest/schema.js';
import { normalise } from '../normalise/normalise.js';
import type { Span } from '../document/span.js';
import type { OffsetMap } from '../normalise/offset-map.js';
import { analyseStructure } from '../structure/structure.js';
import type { NotaStructure } from '../structure/types.js';
import { type DocumentDate, parseDocumentDate } from './dates.js';
import { encodeSketch, sketchOf } from './quote-sketch.js';

/**
 * What the publication package needs to know about one document, read from its REDACTED text
 * (every redaction replaced by its code), so that nothing here can carry what was redacted: the
 * title is the published title, the fingerprints hash published text.
 */
export type DocumentKind = 'nota' | 'email' | 'kamerbrief' | 'brief' | 'besluit' | 'verslag' | 'besluitenlijst' | 'overig';

export interface DocumentFacts {
  readonly kind: DocumentKind;
  /** The nota's or letter's subject, the e-mail's subject; absent when none was found. */
  readonly title?: string;
  /** The nota's Datum, the e-mail's Verzonden. */
  readonly date?: DocumentDate;
  /** SHA-256 of the normalised text: identical documents have the same one. */
  readonly fingerprint: string;
  /** E-mail: SHA-256 of each message in the thread, newest first (the document itself first). */
  readonly messages: readonly string[];
  /** E-mail: the subject without RE:/FW:, lower case, to group a thread. */
  readonly threadSubject?: string;
  /** E-mail: file names from the top message's Bijlage(n) header. */
  readonly attachments: readonly string[];
  /**
   * E-mail: sketches (quote-sketch.ts) of its own message and of the messages it quotes, to find
   * it in, or find in it, a copy that was printed and OCR'd.
   */
  readonly quoteSketch?: { readonly own: string; readonly rest: string; readonly ownHeader: number };
}

interface RedactedSpan {
  readonly start: number;
  readonly end: number;
  readonly ground: string;
}

function redactedSpans(manifest: Pick<Manifest, 'redactions' | 'review'>): RedactedSpan[] {
  const spans = [
    ...manifest.redactions.map((r) => ({ start: r.start, end: r.end, ground: r.ground })),
    ...manifest.review.filter((r) => r.shownAs === 'redacted').map((r) => ({ start: r.start, end: r.end, ground: r.ground })),
  ].sort((a, b) => a.start - b.start || a.end - b.end);
  // Overlaps merged as the redacted text shows them: one code for the first span.
  const out: RedactedSpan[] = [];
  for (const span of spans) {
    const last = out[out.length - 1];
    if (last && span.start < last.end) out[out.length - 1] = { ...last, end: Math.max(last.end, span.end) };
    else out.push(span);
  }
  return out;
}

/** The source text with every span the manifest shows redacted replaced by `[code]`. */
export function redactedTextOf(sourceText: string, manifest: Pick<Manifest, 'redactions' | 'review'>): string {
  return redactWith(sourceText, redactedSpans(manifest)).text;
}

/** The redacted text and a map from source offsets to offsets in it. */
function redactWith(sourceText: string, spans: readonly RedactedSpan[]): { text: string; toRedacted: (offset: number) => number } {
  const parts: string[] = [];
  const marks: { start: number; end: number; redacted: number; label: number }[] = [];
  let cursor = 0;
  let length = 0;
  for (const s of spans) {
    if (s.end <= cursor) continue;
    const keep = sourceText.slice(cursor, Math.max(cursor, s.start));
    const label = `[${s.ground}]`;
    parts.push(keep, label);
    length += keep.length;
    marks.push({ start: Math.max(cursor, s.start), end: s.end, redacted: length, label: label.length });
    length += label.length;
    cursor = s.end;
  }
  parts.push(sourceText.slice(cursor));
  const toRedacted = (offset: number): number => {
    // The last redaction starting at or before the offset (binary search: marks are sorted).
    let lo = 0;
    let hi = marks.length - 1;
    let found = -1;
    while (lo <= hi) {
      const mid = (lo + hi) >> 1;
      if ((marks[mid] as { start: number }).start <= offset) {
        found = mid;
        lo = mid + 1;
      } else hi = mid - 1;
    }
    if (found < 0) return offset;
    const m = marks[found] as { start: number; end: number; redacted: number; label: number };
    return offset < m.end ? m.redacted : m.redacted + m.label + (offset - m.end);
  };
  return { text: parts.join(''), toRedacted };
}

const sha = (text: string) => createHash('sha256').update(text).digest('hex');

/** Text as compared for duplicates: quote markers, separator lines, case and spacing ignored. */
export function comparableText(text: string): string {
  return text
    .normalize('NFC')
    .split(/\r\n|\r|\n|\f/)
    .map((line) => line.replace(/^(\s*>)+/, '').trim())
    .filter((line) => line !== '' && !/^[-_=*\s]*(oorspronkelijk bericht|original message|doorgestuurd bericht|forwarded message)[-_=*\s]*$/i.test(line) && !/^[-_=]{5,}$/.test(line))
    .join(' ')
    .replace(/\s+/g, ' ')
    .toLowerCase();
}

const LINE_BREAK = /\r\n|\r|\n|\f/;
const QUOTED_FROM = /^\s*(?:>\s*)+(van|from)\s*:/i;
const QUOTED_HEADER = /^\s*(?:>\s*)+(van|from|verzonden|sent|aan|to|cc|bcc|onderwerp|subject|bijlage\(?n?\)?|bijlagen|attachments?)\s*:\s*(.*)$/i;
const HEADER_LINE = /^(van|from|verzonden|sent|datum|date|aan|to|cc|bcc|onderwerp|subject|bijlage\(n\)|bijlagen|bijlage|attachments?)\b\s*(?::|\t| {2,})\s*(.*)$/i;
// Inside an e-mail's header block, Datum/Date is when it was sent.
const CANONICAL: Readonly<Record<string, string>> = { from: 'van', sent: 'verzonden', datum: 'verzonden', date: 'verzonden', to: 'aan', subject: 'onderwerp', attachments: 'bijlagen', attachment: 'bijlagen', bijlage: 'bijlagen', 'bijlage(n)': 'bijlagen' };

interface Message {
  /** Offset in the normalised text where its header block starts. */
  readonly start: number;
  /** Where its header block ends (its body starts). */
  readonly bodyStart: number;
  readonly headers: ReadonlyMap<string, string>;
  /** A Van/From line (its value may stand elsewhere in a layout read column by column). */
  readonly sender: boolean;
}

/**
 * E-mail messages: the structure stage's header blocks (Outlook and webmail shapes, with or
 * without colons, OCR'd; offsets into `text`), plus header blocks quoted with "> " markers; each
 * message runs to the next one. Header values are read from the block's own lines.
 */
function messagesOf(text: string, lines: readonly string[], blocks: readonly Span[]): Message[] {
  const out: Message[] = [...blocks]
    .sort((a, b) => a.start - b.start)
    .map((block) => {
      const headers = new Map<string, string>();
      let sender = false;
      for (const line of text.slice(block.start, block.end).split(LINE_BREAK)) {
        const bare = line.replace(/^[\s|[\]>*\u2022-]+/, '');
        if (/^(van|from)\b\s*:?\s*(\t|$| {2,})/i.test(bare)) sender = true;
        const m = HEADER_LINE.exec(bare);
        if (!m) continue;
        const key = CANONICAL[(m[1] as string).toLowerCase()] ?? (m[1] as string).toLowerCase();
        const value = (m[2] as string).replace(/\s+/g, ' ').trim();
        if (value && !headers.has(key)) headers.set(key, value);
      }
      return { start: block.start, bodyStart: block.end, headers, sender: sender || headers.has('van') };
    });
  let offset = 0;
  const lineStarts = lines.map((l) => {
    const at = offset;
    offset += l.length + 1;
    return at;
  });
  for (let i = 0; i < lines.length; i++) {
    if (!QUOTED_FROM.test(lines[i] as string)) continue;
    const headers = new Map<string, string>();
    let j = i;
    for (let m = QUOTED_HEADER.exec(lines[j] as string); m && j < i + 10; m = QUOTED_HEADER.exec(lines[++j] ?? '')) {
      const key = CANONICAL[(m[1] as string).toLowerCase()] ?? (m[1] as string).toLowerCase();
      if (!headers.has(key)) headers.set(key, (m[2] as string).trim());
    }
    if (headers.size >= 2) out.push({ start: lineStarts[i] as number, bodyStart: lineStarts[j] ?? text.length, headers, sender: true });
    i = Math.max(i, j - 1);
  }
  return out.sort((a, b) => a.start - b.start);
}

const SUBJECT_PREFIX = /^\s*((re|fw|fwd|antw|doorst|tr|wg)\s*:\s*)+/i;

const CELL = /[\t\f]| {3,}/;

/**
 * A labelled value: "Onderwerp: x", "Betreft x", "Datum      12 augustus 2020" (the next layout
 * cell), or the label alone with its value on the next line. A value `accept` rejects (a
 * letterhead column read label by label puts other text below the label) is passed over for
 * the label's next occurrence.
 */
function labelled(lines: readonly string[], labels: RegExp, limit: number, accept: (value: string) => boolean = () => true): string | undefined {
  const withValue = new RegExp(`^\\s*(?:${labels.source})\\s*(?::\\s*|\\s+)(.+)$`, 'i');
  const alone = new RegExp(`^\\s*(?:${labels.source})\\s*:?\\s*$`, 'i');
  const ok = (v: string | undefined) => (v && v.trim() && accept(v.trim()) ? v.trim() : undefined);
  for (let i = 0; i < Math.min(lines.length, limit); i++) {
    const cells = (lines[i] as string).split(CELL).filter((c) => c.trim() !== '');
    for (const [k, cell] of cells.entries()) {
      const m = withValue.exec(cell);
      if (m) {
        const v = ok(m[1]);
        if (v) return v;
        continue;
      }
      if (!alone.test(cell)) continue;
      const right = cells[k + 1];
      if (right && !alone.test(right)) {
        const v = ok(right);
        if (v) return v;
        continue;
      }
      const next = lines.slice(i + 1, i + 4).find((l) => l.trim() !== '');
      const v = ok(next?.split(CELL).find((c) => c.trim() !== ''));
      if (v) return v;
    }
  }
  return undefined;
}

/** A subject, not a date or another label standing where the layout put it. */
const DATE_ONLY = /^\W*(?:[a-z]+,?\s+)?(?:\d{1,2}[\s./-]+[a-z]{3,9}\.?[\s./-]+\d{4}|\d{1,2}[-/.]\d{1,2}[-/.]\d{4}|\d{4}-\d{2}-\d{2})\W*$/i;
const isSubject = (v: string) => !/^(datum|onderwerp|betreft|ons kenmerk|uw kenmerk|kenmerk|bijlage\(?n?\)?|contactpersoon)\b/i.test(v) && !DATE_ONLY.test(v);

function kindOf(text: string, lines: readonly string[], messages: readonly Message[]): DocumentKind {
  const head = lines.slice(0, 60).map((l) => l.trim());
  const firstLines = head.filter((l) => l !== '').slice(0, 3);
  // An e-mail starts with its header block (a print header or some OCR debris may stand before it).
  const first = messages[0];
  if (first?.sender && text.slice(0, first.start).replace(/\s+/g, '').length < 200) return 'email';
  if (head.some((l) => /^(beslis)?nota\b\.?$/i.test(l)) || (head.some((l) => /^\d\.?\s*aanleiding\b/i.test(l)) && lines.some((l) => /geadviseerd besluit/i.test(l)))) return 'nota';
  if (/^besluitenlijst\b/i.test(firstLines[0] ?? '')) return 'besluitenlijst';
  if (/^(verslag|notulen)\b/i.test(firstLines[0] ?? '')) return 'verslag';
  if (head.some((l) => /^aan de voorzitter van de (tweede|eerste) kamer/i.test(l))) return 'kamerbrief';
  const subject = labelled(lines, /onderwerp|betreft/, 40, isSubject);
  if (subject && /\b(besluit|beslissing)\b/i.test(subject)) return 'besluit';
  if (subject && head.some((l) => /^(geachte|beste)\b/i.test(l))) return 'brief';
  return 'overig';
}

function titleOf(kind: DocumentKind, lines: readonly string[], messages: readonly Message[]): string | undefined {
  if (kind === 'email') return messages[0]?.headers.get('onderwerp') || undefined;
  const subject = labelled(lines, /onderwerp|betreft|subject/, 60, isSubject);
  if (subject) return subject;
  if (kind === 'nota') {
    // The nota's title stands below the word "nota", above its first numbered section.
    const at = lines.findIndex((l, i) => i < 60 && /^(beslis)?nota\b\.?$/i.test(l.trim()));
    const next = at >= 0 ? lines.slice(at + 1, at + 6).find((l) => l.trim() !== '') : undefined;
    if (next && !/^\s*\d+(\.\d+)*\.?\s/.test(next)) return next.trim();
  }
  if (kind === 'verslag' || kind === 'besluitenlijst') return lines.find((l) => l.trim() !== '')?.trim();
  return undefined;
}

function dateOf(kind: DocumentKind, lines: readonly string[], messages: readonly Message[]): DocumentDate | undefined {
  if (kind === 'email') {
    const sent = messages[0]?.headers.get('verzonden');
    return sent ? parseDocumentDate(sent) : undefined;
  }
  const value = labelled(lines, /datum|date/, 120, (v) => parseDocumentDate(v) !== undefined);
  return value ? parseDocumentDate(value) : undefined;
}

/** A title as published: one line, no control characters, spacing collapsed. */
function cleanTitle(title: string | undefined): string | undefined {
  const clean = title
    ?.replace(/[\u0000-\u001f\u007f]/g, ' ')
    .replace(/\s+/g, ' ')
    .replace(/^[\s|_[\]*•·-]+|[\s|_[\]*•·]+$/g, '')
    .trim();
  return clean ? clean : undefined;
}

/**
 * The own message's body alone (its header block shares names, addresses, subject and day with
 * the rest of the conversation), and the rest in text order: the own header block (its first
 * `ownHeader` values), then the quoted messages.
 */
function emailSketch(text: string, first: Message, second: Message | undefined): NonNullable<DocumentFacts['quoteSketch']> {
  const bodyStart = Math.max(first.start, first.bodyStart);
  const header = sketchOf(comparableText(text.slice(first.start, bodyStart)));
  const quoted = second ? sketchOf(comparableText(text.slice(second.start))) : [];
  return {
    own: encodeSketch(sketchOf(comparableText(text.slice(bodyStart, second?.start ?? text.length)))),
    rest: encodeSketch([...header, ...quoted]),
    ownHeader: header.length,
  };
}

/** The facts from the redacted text and its e-mail header blocks (offsets into that text). */
function factsFrom(text: string, blocks: readonly Span[]): DocumentFacts {
  // Lines split on \n only, so that line starts are offsets into the text (\r and \f stay in lines).
  const lines = text.split('\n');
  const messages = messagesOf(text, lines, blocks);
  const kind = kindOf(text, lines, messages);
  const title = cleanTitle(titleOf(kind, lines, messages));
  const date = dateOf(kind, lines, messages);
  const isEmail = kind === 'email';
  const messageHashes = isEmail ? messages.map((m, i) => sha(comparableText(text.slice(m.start, messages[i + 1]?.start ?? text.length)))) : [];
  const oldestSubject = isEmail ? messages[messages.length - 1]?.headers.get('onderwerp') : undefined;
  const threadSubject = oldestSubject ? oldestSubject.replace(SUBJECT_PREFIX, '').trim().toLowerCase() : undefined;
  const attachmentHeader = isEmail ? messages[0]?.headers.get('bijlagen') : undefined;
  const attachments = attachmentHeader ? attachmentHeader.split(/[;,]/).map((s) => s.trim()).filter((s) => s !== '' && !/^\d+$/.test(s)) : [];
  const first = messages[0];
  const second = messages[1];
  // The own message's body alone (its header block shares names, addresses, subject and day with
  // the rest of the conversation), and everything else: its headers and the quoted messages.
  const quoteSketch = isEmail && first ? emailSketch(text, first, second) : undefined;
  return {
    kind,
    ...(title ? { title } : {}),
    ...(date ? { date } : {}),
    fingerprint: sha(comparableText(text)),
    messages: messageHashes,
    ...(threadSubject ? { threadSubject } : {}),
    attachments,
    ...(quoteSketch ? { quoteSketch } : {}),
  };
}

/** Reads the facts from a redacted text alone (its structure analysed here). */
export function documentFacts(redactedText: string): DocumentFacts {
  const { text, map } = normalise(redactedText);
  return factsFrom(redactedText, analyseStructure(text).emailHeaders.map((b) => map.toSource(b)));
}

/** The parts of a pipeline document the facts need: its source, and the structure found on it. */
export interface AnalysedSource {
  readonly sourceText: string;
  readonly structure: Pick<NotaStructure, 'emailHeaders'>;
  readonly map: Pick<OffsetMap, 'toSource'>;
}

/**
 * The facts of a document the pipeline has just redacted, reusing the structure it found on the
 * source (analysing the redacted text again cost a third of the text pipeline's time).
 */
export function documentFactsOf(doc: AnalysedSource, manifest: Pick<Manifest, 'redactions' | 'review'>): DocumentFacts {
  const { text, toRedacted } = redactWith(doc.sourceText, redactedSpans(manifest));
  const blocks = doc.structure.emailHeaders.map((b) => {
    const source = doc.map.toSource(b);
    return { start: toRedacted(source.start), end: toRedacted(source.end) };
  });
  return factsFrom(text, blocks);
}
