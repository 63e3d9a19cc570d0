/**
 * Two places where pdf-lib's parser loses what every other reader sees, corrected once per
 * process (pdf-lib is bundled: this is woo-redact's own copy, nobody else's is touched).
 *
 * - A stream whose /Length is not a direct number (an indirect length, as qpdf --qdf, pdfTeX and
 *   Ghostscript write them) is ended by counting "stream" and "endstream" keywords through its
 *   data, byte by byte: uncompressed text containing the word "stream" ("octet-stream") never
 *   balances, the object is lost and the file refused as damaged; and the scan is slow (a 223 MB
 *   uncompressed file took 19 s). Here the end is the first "endstream" followed by "endobj",
 *   found with a native search, or the referenced length where it can be read and fits.
 * - An xref stream's trailer entries replace the earlier ones wholesale, where a classic trailer's
 *   fill in only what it has. A linearized file keeps /Encrypt, /Info and /ID in its first-page
 *   xref stream and only /Size in the last: the file then looked unencrypted and its encrypted
 *   object streams were parsed as plain (refused as damaged).
 */
import { PDFName, PDFNumber, PDFObjectParser, PDFRef, PDFStreamParsingError, PDFXRefStreamParser } from 'pdf-lib';

interface ByteStreamLike {
  readonly bytes: Uint8Array;
  offset(): number;
  moveTo(offset: number): void;
}
interface ObjectParserLike {
  readonly bytes: ByteStreamLike;
  readonly context: { lookup(ref: PDFRef): unknown };
}
interface TrailerInfo {
  Root?: unknown;
  Encrypt?: unknown;
  Info?: unknown;
  ID?: unknown;
}
interface XRefParserLike {
  readonly context: { trailerInfo: TrailerInfo };
}

const ENDSTREAM = Buffer.from('endstream', 'latin1');
const ENDOBJ = Buffer.from('endobj', 'latin1');
const LF = 0x0a;
const CR = 0x0d;

function isWhite(b: number | undefined): boolean {
  return b === 0x20 || b === LF || b === CR || b === 0x09 || b === 0x0c || b === 0x00;
}

/** Where the keyword "endstream" ends at `at` (whitespace skipped), or -1. */
function endstreamAt(bytes: Buffer, at: number): number {
  let k = at;
  while (k < bytes.length && isWhite(bytes[k])) k++;
  return bytes.subarray(k, k + ENDSTREAM.length).equals(ENDSTREAM) ? k + ENDSTREAM.length : -1;
}

/** Where "endobj" (after whitespace from `at`) ends, or -1. */
function endobjAt(bytes: Buffer, at: number): number {
  let k = at;
  while (k < bytes.length && isWhite(bytes[k])) k++;
  return bytes.subarray(k, k + ENDOBJ.length).equals(ENDOBJ) ? k + ENDOBJ.length : -1;
}

/** What may come after an object: another, the cross-reference table or its end, a comment. */
const AFTER_OBJECT = /^\s*(?:$|\d+\s+\d+\s+obj\b|xref\b|trailer\b|startxref\b|%)/;

/** The data's end before "endstream" at `keyword`: the end-of-line before it is not data. */
function dataEndBefore(bytes: Buffer, keyword: number, start: number): number {
  let end = keyword;
  if (end > start && bytes[end - 1] === LF) end--;
  if (end > start && bytes[end - 1] === CR) end--;
  return end;
}

/**
 * The length an indirect /Length names, where it is already parsed or written as "N G obj <n>
 * endobj" right after the stream (where qpdf and pdfTeX put it).
 */
function indirectLength(parser: ObjectParserLike, length: unknown, bytes: Buffer, after: number): number | undefined {
  if (!(length instanceof PDFRef)) return undefined;
  const known = parser.context.lookup(length);
  if (known instanceof PDFNumber) return known.asNumber();
  const window = bytes.subarray(after, after + 256).toString('latin1');
  const m = new RegExp(`^\\s*${length.objectNumber}\\s+${length.generationNumber}\\s+obj\\s*(\\d+)\\s*endobj`).exec(window);
  return m ? Number(m[1]) : undefined;
}

/**
 * The end of a stream's data from its start (pdf-lib's parser positioned there). Leaves the
 * parser after "endstream". Throws as pdf-lib does when the stream has no end.
 */
function findEndOfStream(parser: ObjectParserLike, dictLength: unknown, startPos: unknown): number {
  const stream = parser.bytes;
  const start = stream.offset();
  const bytes = Buffer.from(stream.bytes.buffer, stream.bytes.byteOffset, stream.bytes.length);
  // The first "endstream" followed by "endobj" and then what may follow an object (the next
  // object, the xref table or stream, the end); failing that the first with "endobj", failing
  // that the first at all. Data that holds the keywords itself (a comment, say) does not end it.
  let first = -1;
  let withEndobj = -1;
  let found = -1;
  for (let at = bytes.indexOf(ENDSTREAM, start); at >= 0; at = bytes.indexOf(ENDSTREAM, at + 1)) {
    if (first < 0) first = at;
    const endobj = endobjAt(bytes, at + ENDSTREAM.length);
    if (endobj < 0) continue;
    if (withEndobj < 0) withEndobj = at;
    if (AFTER_OBJECT.test(bytes.subarray(endobj, endobj + 32).toString('latin1'))) {
      found = at;
      break;
    }
  }
  if (found < 0) found = withEndobj >= 0 ? withEndobj : first;
  if (found < 0) throw new PDFStreamParsingError(startPos as ConstructorParameters<typeof PDFStreamParsingError>[0]);
  let end = dataEndBefore(bytes, found, start);
  let after = found + ENDSTREAM.length;
  // An indirect length that ends the data at an "endstream" of its own is what other readers use.
  const n = indirectLength(parser, dictLength, bytes, Math.max(endobjAt(bytes, after), after));
  if (n !== undefined && n !== end - start && start + n <= bytes.length) {
    const keywordEnd = endstreamAt(bytes, start + n);
    if (keywordEnd >= 0) {
      end = start + n;
      after = keywordEnd;
    }
  }
  stream.moveTo(after);
  return end;
}

let installed = false;

/** Installs both corrections (once; later calls do nothing). */
export function installPdfLibFixes(): void {
  if (installed) return;
  installed = true;
  const objectParser = PDFObjectParser.prototype as unknown as { findEndOfStreamFallback(this: ObjectParserLike, startPos: unknown): number };
  // The dictionary being parsed is needed for its /Length: parseDictOrStream parses it just before
  // calling the fallback, so the last dictionary read by this parser is the stream's own.
  const lastDict = new WeakMap<object, { get(key: PDFName): unknown }>();
  const parseDict = (PDFObjectParser.prototype as unknown as { parseDict(this: object): { get(key: PDFName): unknown } }).parseDict;
  (PDFObjectParser.prototype as unknown as { parseDict(this: object): unknown }).parseDict = function (this: object) {
    const dict = parseDict.call(this);
    lastDict.set(this, dict);
    return dict;
  };
  objectParser.findEndOfStreamFallback = function (startPos) {
    return findEndOfStream(this, lastDict.get(this)?.get(PDFName.of('Length')), startPos);
  };

  const xrefParser = PDFXRefStreamParser.prototype as unknown as { parseIntoContext(this: XRefParserLike): unknown };
  const parseIntoContext = xrefParser.parseIntoContext;
  xrefParser.parseIntoContext = function (this: XRefParserLike) {
    const before = this.context.trailerInfo;
    const entries = parseIntoContext.call(this);
    const after = this.context.trailerInfo;
    this.context.trailerInfo = { Root: after.Root ?? before.Root, Encrypt: after.Encrypt ?? before.Encrypt, Info: after.Info ?? before.Info, ID: after.ID ?? before.ID };
    return entries;
  };
}
