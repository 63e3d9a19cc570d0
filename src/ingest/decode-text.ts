import { DecodeError, InputError } from '../errors.js';

export type TextEncoding = 'utf-8' | 'utf-8-bom' | 'utf-16le' | 'utf-16be' | 'windows-1252';

export interface DecodedText {
  /** The decoded text without its byte-order mark: all source offsets index into this string. */
  readonly text: string;
  readonly encoding: TextEncoding;
}

// Bytes 0x81, 0x8D, 0x8F, 0x90 and 0x9D are unassigned in Windows-1252: text containing them is
// neither UTF-8 nor Windows-1252.
const CP1252_UNASSIGNED = new Set([0x81, 0x8d, 0x8f, 0x90, 0x9d]);

function hasBytes(bytes: Uint8Array, ...prefix: number[]): boolean {
  return prefix.every((b, i) => bytes[i] === b);
}

/** Control characters other than tab, line feed, form feed and carriage return (NUL included). */
function countControlChars(text: string): number {
  let n = 0;
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if ((c < 0x20 && c !== 0x09 && c !== 0x0a && c !== 0x0c && c !== 0x0d) || c === 0x7f) n++;
  }
  return n;
}

/**
 * Binary by proportion, not by one byte: an extractor leaves a stray ESC or NUL in real text, while
 * binary data is full of control characters (about one byte in nine) and UTF-16 without a BOM has
 * a NUL in every other byte. A short file needs a high share; a long one a few and 1 %.
 */
function looksBinary(controls: number, length: number): boolean {
  return controls > length * 0.1 || (controls > 4 && controls > length * 0.01);
}

function checkText(text: string, encoding: TextEncoding): DecodedText {
  if (looksBinary(countControlChars(text), text.length)) {
    if (text.includes('\u0000')) {
      throw new DecodeError(
        'BINARY_TEXT',
        'the file contains NUL bytes: it is binary, or UTF-16 without a byte-order mark; save it as UTF-8 and try again',
      );
    }
    throw new DecodeError(
      'BINARY_TEXT',
      'the file is not text (it contains binary data); woo-redact reads OCR\'d .txt files: export the document as plain text first',
    );
  }
  return { text, encoding };
}

/**
 * Decodes a text file's bytes. The encoding is detected, never guessed blindly: a BOM decides
 * UTF-8 / UTF-16; otherwise the bytes must be valid UTF-8, or else valid Windows-1252 text (the
 * usual encoding of older Windows exports). Anything else is refused with a clear error.
 */
export function decodeText(bytes: Uint8Array): DecodedText {
  if (bytes.length === 0) {
    throw new InputError('INPUT_EMPTY', 'the file is empty: there is nothing to redact');
  }
  if (hasBytes(bytes, 0xef, 0xbb, 0xbf)) {
    return checkText(decodeStrict('utf-8', bytes.subarray(3)), 'utf-8-bom');
  }
  if (hasBytes(bytes, 0xff, 0xfe)) return checkText(decodeStrict('utf-16le', bytes.subarray(2)), 'utf-16le');
  if (hasBytes(bytes, 0xfe, 0xff)) return checkText(decodeStrict('utf-16be', bytes.subarray(2)), 'utf-16be');
  const utf8 = tryDecode('utf-8', bytes);
  if (utf8 !== null) return checkText(utf8, 'utf-8');
  if (bytes.some((b) => CP1252_UNASSIGNED.has(b))) {
    throw new DecodeError(
      'UNDECODABLE_TEXT',
      'the file is neither UTF-8 nor Windows-1252 text; save it as UTF-8 and try again',
    );
  }
  return checkText(decodeWindows1252(bytes), 'windows-1252');
}

// Windows-1252's 0x80-0x9F block (0 = unassigned). Node's TextDecoder('windows-1252') decodes
// these bytes as Latin-1 control characters, so the table is ours.
const CP1252_HIGH = [
  0x20ac, 0, 0x201a, 0x0192, 0x201e, 0x2026, 0x2020, 0x2021, 0x02c6, 0x2030, 0x0160, 0x2039, 0x0152, 0, 0x017d, 0,
  0, 0x2018, 0x2019, 0x201c, 0x201d, 0x2022, 0x2013, 0x2014, 0x02dc, 0x2122, 0x0161, 0x203a, 0x0153, 0, 0x017e, 0x0178,
];

function decodeWindows1252(bytes: Uint8Array): string {
  const chars: string[] = [];
  for (const b of bytes) chars.push(String.fromCharCode(b >= 0x80 && b < 0xa0 ? (CP1252_HIGH[b - 0x80] as number) : b));
  return chars.join('');
}

function tryDecode(encoding: string, bytes: Uint8Array): string | null {
  try {
    return new TextDecoder(encoding, { fatal: true, ignoreBOM: true }).decode(bytes);
  } catch {
    return null;
  }
}

function decodeStrict(encoding: string, bytes: Uint8Array): string {
  const text = tryDecode(encoding, bytes);
  if (text === null) {
    throw new DecodeError(
      'UNDECODABLE_TEXT',
      `the file starts with a ${encoding.toUpperCase()} byte-order mark but its content is not valid ${encoding.toUpperCase()}; re-export it and try again`,
    );
  }
  return text;
}
