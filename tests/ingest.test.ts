import { describe, expect, it } from 'vitest';
import { decodeText } from '../src/ingest/decode-text.js';
import { pageOf, pageStarts } from '../src/ingest/pages.js';

const utf16 = (text: string, bigEndian: boolean) => {
  const le = Buffer.from(text, 'utf16le');
  if (bigEndian) le.swap16();
  return Buffer.concat([Buffer.from(bigEndian ? [0xfe, 0xff] : [0xff, 0xfe]), le]);
};

describe('decodeText', () => {
  it.each([
    ['UTF-8', Buffer.from('Geachte heer Müller', 'utf8'), 'utf-8'],
    ['UTF-8 with BOM', Buffer.concat([Buffer.from([0xef, 0xbb, 0xbf]), Buffer.from('Geachte heer Müller', 'utf8')]), 'utf-8-bom'],
    ['UTF-16LE', utf16('Geachte heer Müller', false), 'utf-16le'],
    ['UTF-16BE', utf16('Geachte heer Müller', true), 'utf-16be'],
    ['Windows-1252', Buffer.from([...Buffer.from('Geachte heer M', 'latin1'), 0xfc, ...Buffer.from('ller', 'latin1')]), 'windows-1252'],
  ])('%s', (_name, bytes, encoding) => {
    const decoded = decodeText(bytes);
    expect(decoded.text).toBe('Geachte heer Müller');
    expect(decoded.encoding).toBe(encoding);
  });

  it('decodes Windows-1252 typographic quotes', () => {
    expect(decodeText(Buffer.from([0x93, 0x61, 0x94, 0x20, 0x80])).text).toBe('“a” €');
  });

  it.each([
    ['empty', Buffer.alloc(0), 'INPUT_EMPTY'],
    ['NUL bytes (binary or BOM-less UTF-16)', Buffer.from('a\0b\0c\0', 'latin1'), 'BINARY_TEXT'],
    ['control characters', Buffer.from([0x50, 0x4b, 0x03, 0x04, 0x14, 0x00].filter((b) => b !== 0)), 'BINARY_TEXT'],
    ['invalid UTF-8 after a BOM', Buffer.from([0xef, 0xbb, 0xbf, 0xc3, 0x28]), 'UNDECODABLE_TEXT'],
    ['bytes unassigned in Windows-1252', Buffer.from([0x61, 0x81, 0x62]), 'UNDECODABLE_TEXT'],
  ])('refuses %s with a clear error', (_name, bytes, code) => {
    expect(() => decodeText(bytes)).toThrowError(expect.objectContaining({ code }));
  });
});

describe('pages', () => {
  it('splits pages at form feeds', () => {
    const text = 'een\ftwee\fdrie';
    const starts = pageStarts(text);
    expect(starts).toEqual([0, 4, 9]);
    expect(pageOf(starts, 0)).toBe(1);
    expect(pageOf(starts, 5)).toBe(2);
    expect(pageOf(starts, 12)).toBe(3);
  });
});
