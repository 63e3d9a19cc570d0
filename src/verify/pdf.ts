import { ParseSpeeds, PDFDocument, PDFName, PDFRawStream } from 'pdf-lib';
import { compileValues, type ValueMatcher, valueKey } from '../document/value-search.js';
import { escapeRegExp } from '../detect/engine.js';
import { normalise } from '../normalise/normalise.js';
import { constants as zlibConstants, inflateSync } from 'node:zlib';
import { MAX_DECODED_STREAM_BYTES, quietly, streamBytes } from '../pdf/objects.js';
import { releaseMemory } from '../pdf/memory.js';
import { withPdfJsDocument } from '../pdf/pdfjs.js';
import { installPdfLibFixes } from '../pdf/pdf-lib-fixes.js';

export interface PdfCheckValue {
  readonly value: string;
  readonly caseSensitive: boolean;
  /** How often the value may legitimately remain (kept public officials with the same name). */
  readonly allowed: number;
  readonly id: number;
}

/** The text of every page as pdf.js (an extractor independent of ours) reads it, plus metadata. */
export function extractWithPdfJs(bytes: Uint8Array): Promise<string> {
  return withPdfJsDocument(bytes, async (doc) => {
    const parts: string[] = [];
    for (let p = 1; p <= doc.numPages; p++) {
      const page = await doc.getPage(p);
      const content = await page.getTextContent();
      for (const item of content.items) if ('str' in item) parts.push(item.str, item.hasEOL ? '\n' : '');
      parts.push('\f');
      // Let pdf.js drop the page's fonts and parsed content before the next one.
      page.cleanup();
    }
    const meta = await doc.getMetadata().catch(() => undefined);
    if (meta) parts.push(JSON.stringify(meta.info ?? {}), (meta.metadata as unknown as { getRaw?: () => string } | null)?.getRaw?.() ?? '');
    return parts.join('');
  });
}

/**
 * Calls `check` with the raw bytes of the file and then with every decodable stream, as Latin-1
 * text, one at a time: a long document's decoded streams are never all in memory at once.
 */
export async function forEachRawText(bytes: Uint8Array, check: (text: string) => void): Promise<void> {
  const raw = Buffer.from(bytes.buffer, bytes.byteOffset, bytes.length);
  const latin1 = raw.toString('latin1');
  check(latin1);
  if (scanStreams(raw, latin1, check)) return;
  installPdfLibFixes();
  const pdf = await quietly(() => PDFDocument.load(bytes, { updateMetadata: false, throwOnInvalidObject: false, parseSpeed: ParseSpeeds.Fastest }));
  for (const [, obj] of pdf.context.enumerateIndirectObjects()) {
    if (!(obj instanceof PDFRawStream)) continue;
    // Image samples are pixels, not text (a scan's page is megabytes of them); what an image shows
    // is the pixel destruction's business, and its raw bytes are in the file checked above.
    if (obj.dict.get(PDFName.of('Subtype'))?.toString() === '/Image') continue;
    let decoded: Uint8Array;
    try {
      decoded = streamBytes(obj);
    } catch {
      // Streams we cannot decode (images in DCT and the like) are checked raw above.
      continue;
    }
    check(Buffer.from(decoded).toString('latin1'));
  }
}

const STREAM_START = /(\d+)\s+\d+\s+obj\b([\s\S]*?)>>\s*stream(?:\r\n|\n|\r)/g;

/**
 * The streams of a file as woo-redact writes it (no object streams, direct /Length, Flate or no
 * filter), found in the bytes themselves, without parsing the file again (that was a third of
 * the verification of a long document). Returns false, having checked nothing, when a stream
 * does not fit that shape: the caller then reads the file with pdf-lib.
 */
function scanStreams(raw: Buffer, latin1: string, check: (text: string) => void): boolean {
  const found: { start: number; length: number; flate: boolean }[] = [];
  STREAM_START.lastIndex = 0;
  for (let m = STREAM_START.exec(latin1); m; m = STREAM_START.exec(latin1)) {
    // The lazy match may start at an earlier object without a stream: this stream's dictionary
    // is what follows the last "obj".
    const span = m[2] as string;
    const dict = span.includes('endobj') ? span.slice(span.lastIndexOf('obj') + 3) : span;
    const length = /\/Length\s+(\d+)(?!\s+\d+\s+R)/.exec(dict);
    if (!length) return false;
    const filter = /\/Filter\s*(\/[A-Za-z0-9]+|\[)/.exec(dict)?.[1];
    if (filter !== undefined && filter !== '/FlateDecode') {
      // Image codecs: pixels, checked raw above. Anything else: read the file properly.
      if (!/\/Subtype\s*\/Image\b/.test(dict)) return false;
    } else if (filter === '/FlateDecode' && /\/DecodeParms/.test(dict) && !/\/Subtype\s*\/Image\b/.test(dict)) return false;
    const start = m.index + m[0].length;
    const n = Number(length[1]);
    if (start + n > raw.length) return false;
    if (!/\/Subtype\s*\/Image\b/.test(dict)) found.push({ start, length: n, flate: filter === '/FlateDecode' });
    STREAM_START.lastIndex = start + n;
  }
  for (const { start, length, flate } of found) {
    const data = raw.subarray(start, start + length);
    if (!flate) {
      check(data.toString('latin1'));
      continue;
    }
    try {
      check(inflateSync(data, { maxOutputLength: MAX_DECODED_STREAM_BYTES, finishFlush: zlibConstants.Z_SYNC_FLUSH }).toString('latin1'));
    } catch {
      // Not decodable: what a reader could make of it is in the raw bytes checked above.
    }
  }
  return true;
}

interface Prepared extends PdfCheckValue {
  readonly normalised: string;
}

interface Matchers {
  readonly values: readonly Prepared[];
  readonly exact: Record<'true' | 'false', ValueMatcher>;
  readonly normalised: Record<'true' | 'false', ValueMatcher>;
}

function matchers(values: readonly Prepared[]): Matchers {
  const of = (cs: boolean, pick: (v: Prepared) => string) => compileValues(values.filter((v) => v.caseSensitive === cs).map(pick), cs);
  return {
    values,
    exact: { true: of(true, (v) => v.value), false: of(false, (v) => v.value) },
    normalised: { true: of(true, (v) => v.normalised), false: of(false, (v) => v.normalised) },
  };
}

const BEYOND_LATIN1 = /[^\u0000-\u00ff]/;

/** Past this many first words the regex below costs more than the readings it spares. */
const MAX_FILTER_WORDS = 256;

/**
 * Whether a Latin-1 text (the raw bytes, a decoded stream) may hold a value written as UTF-16:
 * one regex, case-insensitive, for the first word of every value with a zero byte before each
 * letter (big endian; the first zero factored out of the alternatives) or after it (little
 * endian). A value is found in a reading only where its first word is (see compileValues), and a
 * first word of a reading lies in one UTF-16 run of the text, zero bytes and all, so a text where
 * none occurs needs no readings: fonts are full of zero bytes, and reading their "UTF-16" was
 * most of the raw check of a file with embedded fonts (woo-22: 40-80 -> 25-40 ms). Undefined: no
 * filter (too many words; the readings are made).
 */
function utf16Filter(values: readonly Prepared[]): RegExp | null | undefined {
  const words = [...new Set(values.map((v) => valueKey(v.value, false).split(' ')[0] as string).filter((w) => w.length > 0 && !BEYOND_LATIN1.test(w)))];
  // No first word of Latin-1 letters: nothing a reading holds (Latin-1 only) can match.
  if (words.length === 0) return null;
  if (words.length > MAX_FILTER_WORDS) return undefined;
  const bigEndian = (w: string) => [...w].map((ch, k) => (k === 0 ? escapeRegExp(ch) : `\\x00${escapeRegExp(ch)}`)).join('');
  const littleEndian = (w: string) => [...w].map((ch) => `${escapeRegExp(ch)}\\x00`).join('');
  return new RegExp(`\\x00(?:${words.map(bigEndian).join('|')})|${words.map(littleEndian).join('|')}`, 'i');
}

/** How often each value occurs in `text`, as written and (for extracted text) normalised. */
function countsIn(text: string, m: Matchers, alsoNormalised: boolean): Map<number, number> {
  const counts = new Map<number, number>();
  const normalisedText = alsoNormalised ? normalise(text).text : '';
  for (const caseSensitive of [true, false]) {
    const mine = m.values.filter((v) => v.caseSensitive === caseSensitive);
    if (mine.length === 0) continue;
    const cs = String(caseSensitive) as 'true' | 'false';
    const found = m.exact[cs].find(text);
    const foundNormalised = alsoNormalised ? m.normalised[cs].find(normalisedText) : undefined;
    for (const v of mine) {
      const n = found.get(valueKey(v.value, caseSensitive))?.length ?? 0;
      const k = foundNormalised?.get(valueKey(v.normalised, caseSensitive))?.length ?? 0;
      if (n > 0 || k > 0) counts.set(v.id, Math.max(n, k));
    }
  }
  return counts;
}

/**
 * The raw check of one Latin-1 text (the file's bytes, a decoded stream): how often each value of
 * five characters or more occurs in it, and in each of its UTF-16 readings, each reading counted
 * on its own (a big-endian string read little endian is the same text shifted).
 */
export function rawTextCounter(values: readonly PdfCheckValue[]): (text: string) => Map<number, number>[] {
  return rawCounterOf(prepared(values));
}

function rawCounterOf(checked: readonly Prepared[]): (text: string) => Map<number, number>[] {
  const long = matchers(checked.filter((v) => v.value.trim().length >= 5));
  const filter = utf16Filter(long.values);
  return (text) => {
    const counts = [countsIn(text, long, false)];
    // A case-insensitive regex matches wherever lower-casing would: each Latin-1 character
    // lower-cases to one Latin-1 character.
    if (filter !== null && text.includes('\u0000') && (filter === undefined || filter.test(text))) {
      for (const reading of utf16Readings(text)) counts.push(countsIn(reading, long, false));
    }
    return counts;
  };
}

function prepared(values: readonly PdfCheckValue[]): Prepared[] {
  return values.filter((v) => v.value.trim().length >= 3).map((v) => ({ ...v, normalised: normalise(v.value).text }));
}

/** Five or more characters of 1-255, each after (big endian) or before (little endian) a zero byte. */
const UTF16_RUNS = [/(?:\0[\x01-\xff]){5,}/g, /(?:[\x01-\xff]\0){5,}/g] as const;

/**
 * The UTF-16 text in raw bytes, read big endian and read little endian: the runs of characters
 * with a zero byte before (after) them, without the zero bytes, a run a line. A value of five
 * letters or more written as UTF-16 lies in one run of its reading, and is counted once in it.
 * (Dropping every zero byte of the whole file instead copied a scan's 21 MB output twice, read
 * "text" out of binary image data, and missed a value right after the byte-order mark, whose
 * bytes read as letters.)
 */
export function utf16Readings(text: string): string[] {
  if (!text.includes('\u0000')) return [];
  return UTF16_RUNS.map((run) => {
    const runs: string[] = [];
    run.lastIndex = 0;
    for (let m = run.exec(text); m; m = run.exec(text)) runs.push(m[0].replace(/\u0000/g, ''));
    return runs.join('\n');
  }).filter((t) => t.length > 0);
}

/**
 * Re-reads a written PDF by every channel (pdf.js text and metadata, the raw bytes, every decoded
 * stream) and returns the ids of the values still readable more often than allowed.
 */
export async function findPdfSurvivors(bytes: Uint8Array, values: readonly PdfCheckValue[]): Promise<number[]> {
  const checked = prepared(values);
  const allowed = new Map(checked.map((v) => [v.id, v.allowed]));
  const survivors = new Set<number>();
  const over = (counts: Map<number, number>) => {
    for (const [id, n] of counts) if (n > (allowed.get(id) ?? 0)) survivors.add(id);
  };
  // Raw channels, each on its own (a kept value may appear as often in each): only values long
  // enough not to occur by chance in binary data. Strings written as UTF-16 (metadata, outlines)
  // are read again without their zero bytes. Read first: the file as one Latin-1 string (as long
  // as the file) then takes the place of the redaction's freed buffers, not a place beside the
  // copy pdf.js keeps of the file until the next document. Each channel is judged on its own, so
  // the order changes nothing of the result.
  const counter = rawCounterOf(checked);
  await forEachRawText(bytes, (text) => {
    for (const counts of counter(text)) over(counts);
  });
  // The file's Latin-1 string and its decoded streams are garbage: freed before pdf.js loads it.
  releaseMemory(bytes.length);
  over(countsIn(await extractWithPdfJs(bytes), matchers(checked), true));
  return [...survivors].sort((a, b) => a - b);
}
