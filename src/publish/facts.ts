import { createHash } from 'node:crypto';
import type { Manifest } from '../manifest/schema.js';
import { type DocumentDate, parseDocumentDate } from './dates.js';

/**
 * What the publication package needs to know about one document, read from its REDACTED text
 * (every redaction replaced by its code), so that nothing here can carry what was redacted: the
 * title is the published title, the fingerprints hash published text.
 */
export type DocumentKind = 'nota' | 'email' | 'kamerbrief' | 'brief' | 'besluit' | 'verslag' | 'overig';

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
}

/** The source text with every span the manifest shows redacted replaced by `[code]`. */
export function redactedTextOf(sourceText: string, manifest: Pick<Manifest, 'redactions' | 'review'>): string {
  const spans = [
    ...manifest.redactions.map((r) => ({ start: r.start, end: r.end, ground: r.ground })),
    ...manifest.review.filter((r) => r.shownAs === 'redacted').map((r) => ({ start: r.start, end: r.end, ground: r.ground })),
  ].sort((a, b) => a.start - b.start || a.end - b.end);
  const parts: string[] = [];
  let cursor = 0;
  for (const s of spans) {
    if (s.end <= cursor) continue;
    parts.push(sourceText.slice(cursor, Math.max(cursor, s.start)), `[${s.ground}]`);
    cursor = s.end;
  }
  parts.push(sourceText.slice(cursor));
  return parts.join('');
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
const FROM = /^\s*(?:>\s*)*(van|from)\s*:/i;
const HEADER = /^\s*(?:>\s*)*(van|from|verzonden|sent|datum|date|aan|to|cc|bcc|onderwerp|subject|bijlage\(?n?\)?|bijlagen|attachments?)\s*:\s*(.*)$/i;

interface Message {
  readonly start: number; // line index
  readonly headers: ReadonlyMap<string, string>;
}

/** E-mail messages: a Van/From line followed by at least one more header line. */
function messagesOf(lines: readonly string[]): Message[] {
  const out: Message[] = [];
  for (let i = 0; i < lines.length; i++) {
    if (!FROM.test(lines[i] as string)) continue;
    const headers = new Map<string, string>();
    let j = i;
    while (j < lines.length && j < i + 10) {
      const m = HEADER.exec(lines[j] as string);
      if (!m) break;
      const key = canonicalHeader((m[1] as string).toLowerCase());
      if (!headers.has(key)) headers.set(key, (m[2] as string).trim());
      j++;
    }
    if (headers.size >= 2) {
      out.push({ start: i, headers });
      i = j - 1;
    }
  }
  return out;
}

function canonicalHeader(key: string): string {
  if (key === 'from') return 'van';
  if (key === 'sent' || key === 'date' || key === 'datum') return 'verzonden';
  if (key === 'to') return 'aan';
  if (key === 'subject') return 'onderwerp';
  if (key.startsWith('bijlage') || key.startsWith('attachment')) return 'bijlagen';
  return key;
}

const SUBJECT_PREFIX = /^\s*((re|fw|fwd|antw|doorst|tr|wg)\s*:\s*)+/i;

/** A labelled value: "Onderwerp: x", "Betreft x", or the label alone with the value on the next line. */
function labelled(lines: readonly string[], labels: RegExp, limit: number): string | undefined {
  for (let i = 0; i < Math.min(lines.length, limit); i++) {
    for (const cell of (lines[i] as string).split(/\t| {3,}/)) {
      const m = new RegExp(`^\\s*(?:${labels.source})\\s*(?::\\s*|\\s+)(.+)$`, 'i').exec(cell);
      if (m && (m[1] as string).trim()) return (m[1] as string).trim();
      if (new RegExp(`^\\s*(?:${labels.source})\\s*:?\\s*$`, 'i').test(cell)) {
        const next = lines.slice(i + 1, i + 4).find((l) => l.trim() !== '');
        if (next) return next.split(/\t| {3,}/)[0]?.trim();
      }
    }
  }
  return undefined;
}

function kindOf(lines: readonly string[], messages: readonly Message[]): DocumentKind {
  const head = lines.slice(0, 60).map((l) => l.trim());
  const firstLines = head.filter((l) => l !== '').slice(0, 3);
  if (messages.length > 0 && firstLines.some((l) => FROM.test(l))) return 'email';
  if (head.some((l) => /^(beslis)?nota\b\.?$/i.test(l)) || (head.some((l) => /^\d\.?\s*aanleiding\b/i.test(l)) && lines.some((l) => /geadviseerd besluit/i.test(l)))) return 'nota';
  const first = firstLines[0] ?? '';
  if (/^(verslag|notulen|besluitenlijst)\b/i.test(first)) return 'verslag';
  if (head.some((l) => /^aan de voorzitter van de (tweede|eerste) kamer/i.test(l))) return 'kamerbrief';
  const subject = labelled(lines, /onderwerp|betreft/, 40);
  if (subject && /\b(besluit|beslissing)\b/i.test(subject)) return 'besluit';
  if (subject && head.some((l) => /^(geachte|beste)\b/i.test(l))) return 'brief';
  return 'overig';
}

function titleOf(kind: DocumentKind, lines: readonly string[], messages: readonly Message[]): string | undefined {
  if (kind === 'email') return messages[0]?.headers.get('onderwerp') || undefined;
  const subject = labelled(lines, /onderwerp|betreft|subject/, 60);
  if (subject) return subject;
  if (kind === 'nota') {
    // The nota's title stands below the word "nota", above its first numbered section.
    const at = lines.findIndex((l, i) => i < 60 && /^(beslis)?nota\b\.?$/i.test(l.trim()));
    const next = at >= 0 ? lines.slice(at + 1, at + 6).find((l) => l.trim() !== '') : undefined;
    if (next && !/^\s*\d+(\.\d+)*\.?\s/.test(next)) return next.trim();
  }
  if (kind === 'verslag') return lines.find((l) => l.trim() !== '')?.trim();
  return undefined;
}

function dateOf(kind: DocumentKind, lines: readonly string[], messages: readonly Message[]): DocumentDate | undefined {
  if (kind === 'email') {
    const sent = messages[0]?.headers.get('verzonden');
    return sent ? parseDocumentDate(sent) : undefined;
  }
  const value = labelled(lines, /datum|date/, 80);
  return value ? parseDocumentDate(value) : undefined;
}

/** A title as published: one line, no control characters, spacing collapsed. */
function cleanTitle(title: string | undefined): string | undefined {
  const clean = title?.replace(/[\u0000-\u001f\u007f]/g, ' ').replace(/\s+/g, ' ').trim();
  return clean ? clean : undefined;
}

/** Reads the facts from a document's redacted text. */
export function documentFacts(redactedText: string): DocumentFacts {
  const lines = redactedText.split(LINE_BREAK);
  const messages = messagesOf(lines);
  const kind = kindOf(lines, messages);
  const title = cleanTitle(titleOf(kind, lines, messages));
  const date = dateOf(kind, lines, messages);
  const isEmail = kind === 'email';
  const messageHashes = isEmail
    ? messages.map((m, i) => sha(comparableText(lines.slice(m.start, messages[i + 1]?.start ?? lines.length).join('\n'))))
    : [];
  const oldestSubject = isEmail ? messages[messages.length - 1]?.headers.get('onderwerp') : undefined;
  const threadSubject = oldestSubject ? oldestSubject.replace(SUBJECT_PREFIX, '').trim().toLowerCase() : undefined;
  const attachmentHeader = isEmail ? messages[0]?.headers.get('bijlagen') : undefined;
  const attachments = attachmentHeader ? attachmentHeader.split(/[;,]/).map((s) => s.trim()).filter((s) => s !== '' && !/^\d+$/.test(s)) : [];
  return {
    kind,
    ...(title ? { title } : {}),
    ...(date ? { date } : {}),
    fingerprint: sha(comparableText(redactedText)),
    messages: messageHashes,
    ...(threadSubject ? { threadSubject } : {}),
    attachments,
  };
}
