import { Encodings, Font, FontNames } from '@pdf-lib/standard-fonts';
import { PDFArray, PDFDict, PDFName, PDFNumber, PDFStream, type PDFContext, type PDFObject } from 'pdf-lib';
import { MAC_ROMAN_ENCODING, STANDARD_ENCODING } from './encodings.js';
import { glyphNameToUnicode } from './glyph-names.js';
import { arrayOf, dictOf, get, nameOf, nameText, numberOf, numbers, resolve, streamBytes } from './objects.js';

export class UnsupportedFontError extends Error {}

/** What the interpreter needs of a font: how to split bytes into codes, and each code's width and text. */
export interface PdfFont {
  /** The length in bytes of the code starting at `at` (1 for simple fonts; by codespace for Type0). */
  codeLength(bytes: Uint8Array, at: number): number;
  /** Whether a code is the single-byte space that word spacing applies to. */
  readonly singleByte: boolean;
  /** Advance width of a code in text space units per unit of font size. */
  width(code: number): number;
  /** The Unicode text of a code ('' when unknown). */
  unicode(code: number): string;
  /** Type3 fonts draw in their own glyph space; others use 1/1000. */
  readonly vertical: boolean;
}

const STANDARD_14: Record<string, FontNames> = {
  Helvetica: FontNames.Helvetica,
  'Helvetica-Bold': FontNames.HelveticaBold,
  'Helvetica-Oblique': FontNames.HelveticaOblique,
  'Helvetica-BoldOblique': FontNames.HelveticaBoldOblique,
  'Times-Roman': FontNames.TimesRoman,
  'Times-Bold': FontNames.TimesRomanBold,
  'Times-Italic': FontNames.TimesRomanItalic,
  'Times-BoldItalic': FontNames.TimesRomanBoldItalic,
  Courier: FontNames.Courier,
  'Courier-Bold': FontNames.CourierBold,
  'Courier-Oblique': FontNames.CourierOblique,
  'Courier-BoldOblique': FontNames.CourierBoldOblique,
  Symbol: FontNames.Symbol,
  ZapfDingbats: FontNames.ZapfDingbats,
  Arial: FontNames.Helvetica,
  'Arial-Bold': FontNames.HelveticaBold,
  'Arial,Bold': FontNames.HelveticaBold,
  ArialMT: FontNames.Helvetica,
  TimesNewRoman: FontNames.TimesRoman,
  TimesNewRomanPSMT: FontNames.TimesRoman,
  // Names Office and Windows printer drivers write for the same faces (widths are the standard ones).
  'Arial,Italic': FontNames.HelveticaOblique,
  'Arial,BoldItalic': FontNames.HelveticaBoldOblique,
  'Arial-BoldMT': FontNames.HelveticaBold,
  'Arial-ItalicMT': FontNames.HelveticaOblique,
  'Arial-BoldItalicMT': FontNames.HelveticaBoldOblique,
  'TimesNewRoman,Bold': FontNames.TimesRomanBold,
  'TimesNewRoman,Italic': FontNames.TimesRomanItalic,
  'TimesNewRoman,BoldItalic': FontNames.TimesRomanBoldItalic,
  'TimesNewRomanPS-BoldMT': FontNames.TimesRomanBold,
  'TimesNewRomanPS-ItalicMT': FontNames.TimesRomanItalic,
  'TimesNewRomanPS-BoldItalicMT': FontNames.TimesRomanBoldItalic,
  CourierNew: FontNames.Courier,
  CourierNewPSMT: FontNames.Courier,
  'CourierNew,Bold': FontNames.CourierBold,
  'CourierNewPS-BoldMT': FontNames.CourierBold,
};

// WinAnsi code -> glyph name and Unicode, from pdf-lib's encoding tables.
type CodeTable = Map<number, { name: string; unicode: string }>;
let winAnsi: CodeTable | undefined;
function winAnsiTable(): CodeTable {
  if (winAnsi) return winAnsi;
  winAnsi = new Map();
  const mappings = (Encodings.WinAnsi as unknown as { unicodeMappings: Record<number, [number, string]> }).unicodeMappings;
  for (const [unicode, [code, name]] of Object.entries(mappings)) winAnsi.set(code, { name, unicode: String.fromCodePoint(Number(unicode)) });
  return winAnsi;
}

function namedTable(names: ReadonlyMap<number, string>): CodeTable {
  const out: CodeTable = new Map();
  for (const [code, name] of names) out.set(code, { name, unicode: glyphNameToUnicode(name) ?? '' });
  return out;
}

const encodingTables = new Map<string, CodeTable>();
/** A named encoding's table: WinAnsi (from pdf-lib), Standard, MacRoman, or Symbol's and ZapfDingbats' own. */
function encodingTable(name: 'WinAnsi' | 'Standard' | 'MacRoman' | 'Symbol' | 'ZapfDingbats'): CodeTable {
  const cached = encodingTables.get(name);
  if (cached) return cached;
  let table: CodeTable;
  if (name === 'WinAnsi') table = winAnsiTable();
  else if (name === 'Standard') table = namedTable(STANDARD_ENCODING);
  else if (name === 'MacRoman') table = namedTable(MAC_ROMAN_ENCODING);
  else {
    table = new Map();
    const mappings = (Encodings[name] as unknown as { unicodeMappings: Record<number, [number, string]> }).unicodeMappings;
    for (const [unicode, [code, glyph]] of Object.entries(mappings)) table.set(code, { name: glyph, unicode: String.fromCodePoint(Number(unicode)) });
  }
  encodingTables.set(name, table);
  return table;
}

/** Code -> Unicode of a ToUnicode CMap. */
export interface ToUnicode {
  get(code: number): string | undefined;
}

/**
 * A parsed ToUnicode CMap. Ranges are kept as ranges and read on lookup: Acrobat and Word write
 * the identity over all of 0000-FFFD per font, and expanding that to 65,000 strings per font was
 * a quarter of reading a long Acrobat document. A later definition wins, as when each was set in
 * turn.
 */
interface UnicodeRange {
  readonly lo: number;
  readonly hi: number;
  readonly order: number;
  readonly prefix: string;
  readonly base: number;
}

class ToUnicodeMap implements ToUnicode {
  readonly #entries = new Map<number, { readonly order: number; readonly unicode: string }>();
  readonly #ranges: UnicodeRange[] = [];
  readonly #memo = new Map<number, string | undefined>();
  #order = 0;

  set(code: number, unicode: string): void {
    this.#entries.set(code, { order: this.#order++, unicode });
  }

  setRange(lo: number, hi: number, prefix: string, base: number): void {
    this.#ranges.push({ lo, hi, order: this.#order++, prefix, base });
  }

  get(code: number): string | undefined {
    if (this.#memo.has(code)) return this.#memo.get(code);
    const entry = this.#entries.get(code);
    let unicode = entry?.unicode;
    for (let k = this.#ranges.length - 1; k >= 0; k--) {
      const r = this.#ranges[k] as UnicodeRange;
      if (entry && r.order < entry.order) break;
      if (code >= r.lo && code <= r.hi) {
        unicode = r.prefix + String.fromCharCode(r.base + (code - r.lo));
        break;
      }
    }
    this.#memo.set(code, unicode);
    return unicode;
  }
}

/** Parses a ToUnicode CMap: bfchar and bfrange sections. */
export function parseToUnicode(bytes: Uint8Array): ToUnicode {
  const text = Buffer.from(bytes.buffer, bytes.byteOffset, bytes.length).toString('latin1');
  const map = new ToUnicodeMap();
  const utf16 = (hex: string) => {
    const units: number[] = [];
    for (let k = 0; k + 4 <= hex.length; k += 4) units.push(Number.parseInt(hex.slice(k, k + 4), 16));
    if (hex.length === 2) units.push(Number.parseInt(hex, 16));
    return String.fromCharCode(...units);
  };
  for (const section of text.matchAll(/beginbfchar([\s\S]*?)endbfchar/g)) {
    for (const m of (section[1] as string).matchAll(/<([0-9a-fA-F]+)>\s*<([0-9a-fA-F]*)>/g)) {
      map.set(Number.parseInt(m[1] as string, 16), utf16(m[2] as string));
    }
  }
  for (const section of text.matchAll(/beginbfrange([\s\S]*?)endbfrange/g)) {
    const body = section[1] as string;
    for (const m of body.matchAll(/<([0-9a-fA-F]+)>\s*<([0-9a-fA-F]+)>\s*(?:<([0-9a-fA-F]*)>|\[([^\]]*)\])/g)) {
      const lo = Number.parseInt(m[1] as string, 16);
      const hi = Number.parseInt(m[2] as string, 16);
      if (hi - lo > 65535) continue;
      if (m[3] !== undefined) {
        const dst = m[3];
        if (hi >= lo) map.setRange(lo, hi, utf16(dst.slice(0, -4)), Number.parseInt(dst.slice(-4) || '0', 16));
      } else {
        const items = [...(m[4] as string).matchAll(/<([0-9a-fA-F]*)>/g)].map((x) => utf16(x[1] as string));
        items.forEach((u, k) => map.set(lo + k, u));
      }
    }
  }
  return map;
}

function toUnicodeOf(context: PDFContext, dict: PDFDict): ToUnicode | undefined {
  const stream = resolve(context, dict.get(PDFName.of('ToUnicode')));
  return stream instanceof PDFStream ? parseToUnicode(streamBytes(stream)) : undefined;
}

function standardFontFor(baseFont: string | undefined): Font | undefined {
  if (!baseFont) return undefined;
  const stripped = baseFont.replace(/^[A-Z]{6}\+/, '');
  const name = STANDARD_14[stripped];
  return name ? Font.load(name) : undefined;
}

function simpleFont(context: PDFContext, dict: PDFDict, type3 = false): PdfFont {
  const baseFont = nameOf(context, dict, 'BaseFont');
  const standard = type3 ? undefined : standardFontFor(baseFont);
  // Type3 glyphs are drawn in their own glyph space: FontMatrix scales their widths to text space.
  const fontMatrix = numbers(context, arrayOf(context, dict, 'FontMatrix'));
  const widthScale = type3 ? (fontMatrix[0] ?? 0.001) : 0.001;
  const firstChar = numberOf(context, dict, 'FirstChar') ?? 0;
  const widths = numbers(context, arrayOf(context, dict, 'Widths'));
  const descriptor = dictOf(context, dict.get(PDFName.of('FontDescriptor')));
  const missingWidth = numberOf(context, descriptor, 'MissingWidth') ?? 0;

  // Code -> glyph name and Unicode: base encoding, then Differences.
  const encodingObj = get(context, dict, 'Encoding');
  let baseName: string | undefined;
  let differences: PDFObject[] | undefined;
  if (encodingObj instanceof PDFName) baseName = nameText(encodingObj);
  else if (encodingObj instanceof PDFDict) {
    baseName = nameOf(context, encodingObj, 'BaseEncoding');
    differences = arrayOf(context, encodingObj, 'Differences');
  }
  // No /Encoding (or no /BaseEncoding): a standard-14 font uses its built-in encoding (Standard for
  // the Latin ones); other fonts are read as WinAnsi, as viewers read non-symbolic fonts.
  const builtIn = standard === undefined ? 'WinAnsi' : standard.FontName === 'Symbol' ? 'Symbol' : standard.FontName === 'ZapfDingbats' ? 'ZapfDingbats' : 'Standard';
  const named = baseName === 'WinAnsiEncoding' ? 'WinAnsi' : baseName === 'MacRomanEncoding' ? 'MacRoman' : baseName === 'StandardEncoding' ? 'Standard' : builtIn;
  const base = encodingTable(named);
  // The shared WinAnsi table is copied only when Differences change it.
  const table: CodeTable = differences ? new Map(base) : base;
  if (differences) {
    let code = 0;
    for (const item of differences) {
      if (item instanceof PDFNumber) code = item.asNumber();
      else if (item instanceof PDFName) {
        const name = nameText(item);
        table.set(code, { name, unicode: glyphNameToUnicode(name) ?? '' });
        code++;
      }
    }
  }
  const toUnicode = toUnicodeOf(context, dict);
  const widthOf = (code: number): number => {
    const w = widths[code - firstChar];
    if (w !== undefined) return w * widthScale;
    const glyph = table.get(code);
    if (standard && glyph) return Number(standard.getWidthOfGlyph(glyph.name) ?? 0) / 1000;
    return type3 ? 0 : (missingWidth || 500) / 1000;
  };
  // One-byte codes: both answers for all 256 codes up front, looked up per glyph.
  const widthByCode = Float64Array.from({ length: 256 }, (_, code) => widthOf(code));
  const unicodeByCode = Array.from({ length: 256 }, (_, code) => toUnicode?.get(code) ?? table.get(code)?.unicode ?? '');
  return {
    codeLength: () => 1,
    singleByte: true,
    vertical: false,
    width: (code) => widthByCode[code] ?? widthOf(code),
    unicode: (code) => unicodeByCode[code] ?? '',
  };
}

/** An embedded CMap: codespace ranges (code lengths) and code-to-CID mappings. */
interface CMap {
  readonly ranges: readonly { readonly length: number; readonly lo: number; readonly hi: number }[];
  cid(code: number): number;
  readonly vertical: boolean;
}

export function parseCMap(bytes: Uint8Array): CMap {
  const text = Buffer.from(bytes.buffer, bytes.byteOffset, bytes.length).toString('latin1');
  const ranges: { length: number; lo: number; hi: number }[] = [];
  for (const section of text.matchAll(/begincodespacerange([\s\S]*?)endcodespacerange/g)) {
    for (const m of (section[1] as string).matchAll(/<([0-9a-fA-F]+)>\s*<([0-9a-fA-F]+)>/g)) {
      ranges.push({ length: (m[1] as string).length / 2, lo: Number.parseInt(m[1] as string, 16), hi: Number.parseInt(m[2] as string, 16) });
    }
  }
  if (ranges.length === 0) throw new UnsupportedFontError('an embedded CMap without codespace ranges');
  const single = new Map<number, number>();
  const spans: { lo: number; hi: number; cid: number }[] = [];
  for (const section of text.matchAll(/begincidchar([\s\S]*?)endcidchar/g)) {
    for (const m of (section[1] as string).matchAll(/<([0-9a-fA-F]+)>\s*(\d+)/g)) single.set(Number.parseInt(m[1] as string, 16), Number(m[2]));
  }
  for (const section of text.matchAll(/begincidrange([\s\S]*?)endcidrange/g)) {
    for (const m of (section[1] as string).matchAll(/<([0-9a-fA-F]+)>\s*<([0-9a-fA-F]+)>\s*(\d+)/g)) {
      spans.push({ lo: Number.parseInt(m[1] as string, 16), hi: Number.parseInt(m[2] as string, 16), cid: Number(m[3]) });
    }
  }
  if (/\/UseCMap/.test(text)) throw new UnsupportedFontError('an embedded CMap that uses another CMap');
  return {
    ranges,
    vertical: /\/WMode\s+1/.test(text),
    cid(code) {
      const s = single.get(code);
      if (s !== undefined) return s;
      for (const r of spans) if (code >= r.lo && code <= r.hi) return r.cid + (code - r.lo);
      return 0;
    },
  };
}

function compositeFont(context: PDFContext, dict: PDFDict): PdfFont {
  const encodingObj = get(context, dict, 'Encoding');
  const encoding = encodingObj instanceof PDFName ? nameText(encodingObj) : undefined;
  let cmap: CMap | undefined;
  if (encodingObj instanceof PDFStream) cmap = parseCMap(streamBytes(encodingObj));
  else if (encoding !== 'Identity-H' && encoding !== 'Identity-V') {
    throw new UnsupportedFontError(`composite font with the predefined CMap ${encoding ?? '(none)'} is not supported`);
  }
  const descendants = arrayOf(context, dict, 'DescendantFonts');
  const cid = dictOf(context, descendants?.[0]);
  const dw = numberOf(context, cid, 'DW') ?? 1000;
  const widths = new Map<number, number>();
  const w = arrayOf(context, cid, 'W') ?? [];
  for (let k = 0; k < w.length; ) {
    const first = resolve(context, w[k]);
    const second = resolve(context, w[k + 1]);
    if (!(first instanceof PDFNumber)) break;
    const start = first.asNumber();
    if (second instanceof PDFArray) {
      numbers(context, second.asArray()).forEach((v, j) => widths.set(start + j, v));
      k += 2;
    } else {
      const last = second instanceof PDFNumber ? second.asNumber() : start;
      const v = resolve(context, w[k + 2]);
      const value = v instanceof PDFNumber ? v.asNumber() : dw;
      for (let c = start; c <= last && c - start < 65536; c++) widths.set(c, value);
      k += 3;
    }
  }
  const toUnicode = toUnicodeOf(context, dict);
  const cidOf = (code: number) => (cmap ? cmap.cid(code) : code);
  return {
    codeLength(bytes, at) {
      if (!cmap) return 2;
      // The shortest codespace range that the bytes fall in decides the code's length.
      for (let length = 1; length <= 4; length++) {
        if (at + length > bytes.length) break;
        let code = 0;
        for (let k = 0; k < length; k++) code = (code << 8) | (bytes[at + k] as number);
        if (cmap.ranges.some((r) => r.length === length && code >= r.lo && code <= r.hi)) return length;
      }
      return 1;
    },
    singleByte: false,
    vertical: cmap ? cmap.vertical : encoding === 'Identity-V',
    width: (code) => (widths.get(cidOf(code)) ?? dw) / 1000,
    unicode: (code) => toUnicode?.get(code) ?? '',
  };
}

/** The font model of a font dictionary; throws UnsupportedFontError where we cannot be exact. */
export function loadFont(context: PDFContext, fontObj: PDFObject | undefined): PdfFont {
  const dict = dictOf(context, fontObj);
  if (!dict) throw new UnsupportedFontError('a text operator uses a font that is not defined');
  const subtype = nameOf(context, dict, 'Subtype');
  if (subtype === 'Type0') return compositeFont(context, dict);
  if (subtype === 'Type3') return simpleFont(context, dict, true);
  return simpleFont(context, dict);
}
