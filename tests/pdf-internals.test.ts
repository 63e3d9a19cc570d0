import { execFileSync } from 'node:child_process';
import { deflateSync } from 'node:zlib';
import { existsSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import fc from 'fast-check';
import { PDFDocument, PDFFlateStream, type PDFFont, PDFName, type PDFPage, PDFRawStream, StandardFonts } from 'pdf-lib';
import { describe, expect, it } from 'vitest';
import { parseContentStream, writeContentStream } from '../src/pdf/content-stream.js';
import { parseToUnicode } from '../src/pdf/fonts.js';
import { type Matrix, multiply, translate } from '../src/pdf/matrix.js';
import { GlyphTable } from '../src/pdf/glyph-table.js';
import { layoutPage } from '../src/pdf/layout.js';
import { compressPendingStreams, flateStream, streamBytes } from '../src/pdf/objects.js';
import { findPdfSurvivors, rawTextCounter, utf16Readings } from '../src/verify/pdf.js';
import { withPdfJsDocument } from '../src/pdf/pdfjs.js';
import { findValues, LOWER_CASE_WINDOW, TakenRanges } from '../src/document/value-search.js';
import { runPdfPipeline } from '../src/pdf-pipeline.js';

const latin1 = (s: string) => new Uint8Array(Buffer.from(s, 'latin1'));
const text = (b: Uint8Array) => Buffer.from(b).toString('latin1');

describe('content streams', () => {
  it('reads hex strings with whitespace inside and an odd last digit', () => {
    const [op] = parseContentStream(latin1('<48 65\n6C6C 6F2> Tj'));
    const operand = op?.operands[0];
    expect(op?.operator).toBe('Tj');
    expect(operand?.kind).toBe('string');
    if (operand?.kind === 'string') expect([...operand.bytes]).toEqual([0x48, 0x65, 0x6c, 0x6c, 0x6f, 0x20]);
  });

  it('reads literal strings longer than its scratch buffer, and names with and without # escapes', () => {
    const long = 'ab\\(c'.repeat(3000);
    const ops = parseContentStream(latin1(`(${long}) Tj (short) Tj /A#42c /Plain BDC`));
    const first = ops[0]?.operands[0];
    if (first?.kind !== 'string') throw new Error('no string operand');
    expect(Buffer.from(first.bytes).toString('latin1')).toBe('ab(c'.repeat(3000));
    const second = ops[1]?.operands[0];
    if (second?.kind !== 'string') throw new Error('no string operand');
    expect(Buffer.from(second.bytes).toString('latin1')).toBe('short');
    expect(ops[2]?.operands.map((o) => (o.kind === 'name' ? o.value : ''))).toEqual(['ABc', 'Plain']);
  });

  it('reads literal strings with escapes, nested parentheses and octal codes', () => {
    const [op] = parseContentStream(latin1('(a\\(b\\) (c) \\101\\n) Tj'));
    const operand = op?.operands[0];
    if (operand?.kind !== 'string') throw new Error('no string operand');
    expect(text(operand.bytes)).toBe('a(b) (c) A\n');
  });

  it('reads numbers, names, arrays and dictionaries', () => {
    const ops = parseContentStream(latin1('/F1 9.5 Tf\n[(A) -120 (B)] TJ\n/Span <</ActualText (x)>> BDC EMC\n-.5 0 Td'));
    expect(ops.map((o) => o.operator)).toEqual(['Tf', 'TJ', 'BDC', 'EMC', 'Td']);
    expect(ops[0]?.operands.map((o) => o.kind)).toEqual(['name', 'number']);
    expect(ops[4]?.operands[0]).toMatchObject({ kind: 'number', value: -0.5 });
    expect(ops[1]?.operands[0]).toMatchObject({ kind: 'array' });
  });

  it('writes back what it read, inline images byte for byte', () => {
    const source = 'q 1 0 0 1 0 0 cm\nBT /F1 12 Tf 72 700 Td (Hello) Tj [(W) 120 (orld)] TJ ET\nBI /W 2 /H 1 /BPC 8 /CS /G ID \u00ff\u0000 EI\nQ';
    const ops = parseContentStream(latin1(source));
    const again = parseContentStream(writeContentStream(ops));
    expect(again).toEqual(ops);
    const image = ops.find((o) => o.operator === 'BI')?.inlineImage;
    expect(image && text(image)).toBe('BI /W 2 /H 1 /BPC 8 /CS /G ID \u00ff\u0000 EI');
  });
});

describe('ToUnicode CMaps', () => {
  const cmap = (body: string) => parseToUnicode(latin1(`/CIDInit /ProcSet findresource begin\nbegincmap\n${body}\nendcmap`));

  it('reads an identity range over the whole code space without expanding it', () => {
    const map = cmap('1 beginbfrange\n<0000> <fffd> <0000>\nendbfrange');
    expect(map.get(0x41)).toBe('A');
    expect(map.get(0x20ac)).toBe('\u20ac');
    expect(map.get(0xfffe)).toBeUndefined();
  });

  it('lets a later definition win, in the order they are read (bfchar, then bfrange)', () => {
    const map = cmap(
      ['2 beginbfchar\n<0041> <0058>\n<0090> <0059>\nendbfchar', '2 beginbfrange\n<0040> <0042> <0061>\n<0041> <0041> [<005A>]\nendbfrange'].join('\n'),
    );
    expect(map.get(0x40)).toBe('a');
    // The array form of the second range comes after the first range: it wins for 0041.
    expect(map.get(0x41)).toBe('Z');
    expect(map.get(0x42)).toBe('c');
    // No range covers 0090: its bfchar stands.
    expect(map.get(0x90)).toBe('Y');
    expect(map.get(0x43)).toBeUndefined();
  });

  it('keeps a prefix of several code units before the counting one', () => {
    const map = cmap('1 beginbfrange\n<01> <02> <00660066>\nendbfrange');
    expect(map.get(1)).toBe('ff');
    expect(map.get(2)).toBe('fg');
  });
});

describe('pdf.js inflating in one go', () => {
  const inflated = async (data: Uint8Array): Promise<string> => {
    const { readable, writable } = new DecompressionStream('deflate');
    const writer = writable.getWriter();
    writer.write(data).then(() => writer.close()).catch(() => undefined);
    const chunks: Uint8Array[] = [];
    for await (const chunk of readable) chunks.push(chunk);
    return Buffer.concat(chunks).toString('latin1');
  };

  it('gives pdf.js a DecompressionStream with the same output and errors, and puts the native one back', async () => {
    const native = globalThis.DecompressionStream;
    const pdf = await PDFDocument.create();
    pdf.addPage();
    const bytes = await pdf.save();
    const [during, same, damaged] = await withPdfJsDocument(bytes, async () => [
      globalThis.DecompressionStream,
      await inflated(deflateSync(Buffer.from('BT /F1 12 Tf (Hallo) Tj ET', 'latin1'))),
      await inflated(latin1('not deflate data')).then(
        () => 'read',
        () => 'error',
      ),
    ]);
    expect(during).not.toBe(native);
    expect(same).toBe('BT /F1 12 Tf (Hallo) Tj ET');
    expect(damaged).toBe('error');
    expect(globalThis.DecompressionStream).toBe(native);
    // Where it was deleted (a batch worker), it stays deleted.
    Reflect.deleteProperty(globalThis, 'DecompressionStream');
    try {
      await withPdfJsDocument(bytes, async () => undefined);
      expect('DecompressionStream' in globalThis).toBe(false);
    } finally {
      globalThis.DecompressionStream = native;
    }
  });
});

describe("pdf.js's one worker", () => {
  it('reads documents one after another, a file it cannot open in between', async () => {
    const pdf = await PDFDocument.create();
    const page = pdf.addPage([300, 300]);
    page.drawText('Hallo wereld', { x: 10, y: 250, size: 10, font: await pdf.embedFont(StandardFonts.Helvetica) });
    const bytes = await pdf.save();
    const pages = (b: Uint8Array) => withPdfJsDocument(b, async (doc) => doc.numPages);
    expect(await pages(bytes)).toBe(1);
    await expect(pages(latin1('%PDF-1.7 not a pdf at all'))).rejects.toBeDefined();
    const [a, b] = await Promise.all([pages(bytes), pages(bytes)]);
    expect([a, b]).toEqual([1, 1]);
  });
});

describe('matrices', () => {
  const finite = fc.double({ min: -1e4, max: 1e4, noNaN: true });
  const matrix = fc.tuple(finite, finite, finite, finite, finite, finite) as fc.Arbitrary<Matrix>;

  it('translate(tx, ty, m) is [1 0 0 1 tx ty] x m', () => {
    fc.assert(
      fc.property(finite, finite, matrix, (tx, ty, m) => {
        const expected = multiply([1, 0, 0, 1, tx, ty], m);
        translate(tx, ty, m).forEach((v, i) => expect(v).toBeCloseTo(expected[i] as number, 3));
      }),
    );
  });
});

describe('streams written with zlib', () => {
  it("replaces pdf-lib's own streams by zlib-compressed ones with the same content and dictionary", async () => {
    const doc = await PDFDocument.create();
    const page = doc.addPage([200, 200]);
    page.drawText('Hallo', { x: 10, y: 100, font: await doc.embedFont(StandardFonts.Helvetica) });
    const pending = [...doc.context.enumerateIndirectObjects()].filter(([, o]) => o instanceof PDFFlateStream);
    expect(pending.length).toBeGreaterThan(0);
    const before = pending.map(([ref, o]) => [ref, text((o as PDFFlateStream).getUnencodedContents())] as const);

    compressPendingStreams(doc.context);

    for (const [ref, content] of before) {
      const stream = doc.context.lookup(ref);
      expect(stream).toBeInstanceOf(PDFRawStream);
      expect((stream as PDFRawStream).dict.get(PDFName.of('Filter'))).toEqual(PDFName.of('FlateDecode'));
      expect(text(streamBytes(stream as PDFRawStream))).toBe(content);
    }
    // The saved file reads back with the same page content.
    const reloaded = await PDFDocument.load(await doc.save());
    expect(reloaded.getPageCount()).toBe(1);
  });
});

// The built package is what a host application imports; pdf.js's legacy build bundles core-js,
// which would otherwise leave Array.prototype.push and JSON.parse replaced in the host.
const dist = fileURLToPath(new URL('../dist/index.js', import.meta.url));
describe.runIf(existsSync(dist))('built-ins of the host process', () => {
  it('are the native ones again after a PDF has been redacted and verified', () => {
    const fixture = fileURLToPath(new URL('../fixtures/pdf/standard14-nota.pdf', import.meta.url));
    const script = `
      const push = Array.prototype.push, parse = JSON.parse;
      const { runPdfPipeline } = await import(${JSON.stringify(dist)});
      const { readFileSync } = await import('node:fs');
      await runPdfPipeline(new Uint8Array(readFileSync(${JSON.stringify(fixture)})), 'x.pdf');
      console.log(JSON.stringify({ push: Array.prototype.push === push, parse: JSON.parse === parse }));`;
    const out = execFileSync(process.execPath, ['--input-type=module', '-e', script], { encoding: 'utf8' });
    expect(JSON.parse(out.trim().split('\n').pop() as string)).toEqual({ push: true, parse: true });
  });
});

describe('the glyph table', () => {
  const target = { id: 'page', ops: [], resources: undefined };
  const fill = (n: number) => {
    const table = new GlyphTable();
    for (let i = 0; i < n; i++) {
      const x = (i % 1000) * 14.399 + 0.125;
      table.pushRaw(i >> 10, target, i, i % 3, i % 7, (i % 7) + 1, String.fromCharCode(65 + (i % 26)), x, 1, x + 5, 11, x, 3, x + 5, 3, 10, -556.25, i % 5 === 0);
    }
    return table;
  };

  it('keeps every glyph across chunk boundaries', () => {
    const table = fill(40_000);
    expect(table.length).toBe(40_000);
    for (const i of [0, 16_383, 16_384, 16_385, 32_767, 32_768, 39_999]) {
      const g = table.get(i);
      expect(g).toMatchObject({ pageIndex: i >> 10, opIndex: i, itemIndex: i % 3, byteStart: i % 7, byteEnd: (i % 7) + 1, unicode: String.fromCharCode(65 + (i % 26)), invisible: i % 5 === 0 });
      expect(table.pageIndex(i)).toBe(i >> 10);
      expect(table.unicodeOf(i)).toBe(g.unicode);
      // Positions keep three decimals across a whole page width; TJ adjustments stay exact.
      expect(g.bounds.x0).toBeCloseTo((i % 1000) * 14.399 + 0.125, 3);
      expect(table.value(i, 'x1')).toBeCloseTo(g.bounds.x0 + 5, 3);
      expect(g.tjAdjust).toBe(-556.25);
    }
  });

  it('frees its glyphs on release', () => {
    const table = fill(20_000);
    table.release();
    expect(table.length).toBe(0);
  });
});

describe('reading a page from its glyphs (layoutPage)', () => {
  const target = { id: 'page', ops: [], resources: undefined };
  /** Glyphs of 6 pt advance on one baseline at 10 pt, one after the other from x = 10. */
  const line = (texts: readonly string[]) => {
    const table = new GlyphTable();
    texts.forEach((t, k) => table.pushRaw(0, target, k, 0, 0, 1, t, 10 + 6 * k, 98, 16 + 6 * k, 108, 10 + 6 * k, 100, 16 + 6 * k, 100, 10, 0, false));
    return layoutPage(table, 0, table.length).text;
  };

  it('reads a glyph its font maps to nothing as the gap it fills, not as nothing', () => {
    // A subset font's space glyph without a ToUnicode entry between two words.
    expect(line(['M', 'e', 'm', 'o', '', 'A', 'B', 'C', '', 'c', 'o', 'n'])).toBe('Memo ABC con');
    expect(line(['M', 'e', 'm', 'o', 'A', 'B'])).toBe('MemoAB');
  });

  it("reads a font's soft hyphen (0xAD) as the hyphen a reader sees", () => {
    expect(line(['J', 'a', 'n', 's', 'e', 'n', '\u00ad', 'o', 'v', 'e', 'r', 'l', 'e', 'g'])).toBe('Jansen-overleg');
  });

  /** Words (x in pt, baseline y, 10 pt type, 6 pt a character) in the order they are drawn. */
  const page = (words: readonly [string, number, number][]) => {
    const table = new GlyphTable();
    words.forEach(([word, x, y], k) => [...word].forEach((ch, c) => table.pushRaw(0, target, k, 0, 0, 1, ch, x + 6 * c, y - 2, x + 6 * (c + 1), y + 8, x + 6 * c, y, x + 6 * (c + 1), y, 10, 0, false)));
    return layoutPage(table, 0, table.length).text;
  };

  it('joins a piece drawn out of order to the line it continues or starts, as every reader reads it', () => {
    // A bold surname drawn after the rest of the page, and a line's words drawn right to left.
    expect(page([['Opgesteld door Anouk', 10, 700], ['Datum 8 juni', 10, 680], ['Brinkhorst', 136, 700]])).toBe('Opgesteld door Anouk Brinkhorst\nDatum 8 juni');
    expect(page([['Brinkhorst', 52, 700], ['Anouk', 16, 700]])).toBe('Anouk Brinkhorst');
    // Characters each drawn on their own, last first.
    expect(page([...'Wit'].map((ch, k) => [ch, 10 + 6 * k, 700] as [string, number, number]).reverse())).toBe('Wit');
  });

  it('keeps lines apart that are not next to each other: the next line, and a column beyond a gutter', () => {
    expect(page([['Contactpersoon', 10, 700], ['Anouk Brinkhorst', 10, 686]])).toBe('Contactpersoon\nAnouk Brinkhorst');
    // Two columns 12 pt apart, the left one drawn first: a line of each on one baseline stays two lines.
    expect(page([['links een', 10, 700], ['links twee', 10, 686], ['rechts een', 76, 700]])).toBe('links een\nlinks twee\nrechts een');
  });
});

describe('the verifier (findPdfSurvivors)', () => {
  it('tells taken offsets as a byte per offset would (merged ranges)', () => {
    fc.assert(
      fc.property(fc.array(fc.tuple(fc.nat(200), fc.integer({ min: 1, max: 30 })), { maxLength: 40 }), fc.array(fc.nat(240), { maxLength: 60 }), (adds, probes) => {
        const ranges = new TakenRanges();
        const bytes = new Uint8Array(240);
        for (const [start, length] of adds) {
          ranges.add(start, start + length);
          bytes.fill(1, start, start + length);
        }
        for (let at = 0; at < 240; at++) expect(ranges.has(at)).toBe(bytes[at] === 1);
        for (const at of probes) expect(ranges.has(at)).toBe(bytes[at] === 1);
      }),
    );
  });

  it('finds the same in a long raw text lower-cased a window at a time as in one piece', () => {
    // Values across and at the window's edges, a longer one over a shorter one, binary around.
    const filler = (n: number) => Buffer.from(Array.from({ length: n }, (_v, k) => ((k * 7919) % 3 === 0 ? 0x20 : 0x80 + ((k * 31) % 64)))).toString('latin1');
    const places: [number, string][] = [
      [LOWER_CASE_WINDOW - 4, 'Anouk de Wit'],
      [LOWER_CASE_WINDOW + 20, 'ANOUK'],
      [2 * LOWER_CASE_WINDOW - 1, 'anouk.dewit@example.nl'],
      [2 * LOWER_CASE_WINDOW + 40, 'Anouk  de\nWit'],
    ];
    let text = '';
    for (const [at, value] of places) text += filler(at - text.length) + value;
    text += filler(1000);
    const values = ['Anouk', 'Anouk de Wit', 'anouk.dewit@example.nl', 'Wit'];
    const windowed = findValues(text, values, false);
    // A character beyond Latin-1 at the end makes the search lower-case the text in one piece.
    const whole = findValues(`${text}\u0142`, values, false);
    expect(windowed).toEqual(whole);
    expect(windowed.get('anouk de wit')?.length).toBe(2);
    expect(windowed.get('anouk.dewit@example.nl')).toEqual([{ start: 2 * LOWER_CASE_WINDOW - 1, end: 2 * LOWER_CASE_WINDOW + 21 }]);
  });

  it('finds a shorter value inside a longer one only where the longer one is not', () => {
    const found = findValues('Anouk de Wit, en Anouk. Anouk de Wit', ['Anouk', 'Anouk de Wit'], true);
    expect(found.get('Anouk de Wit')).toEqual([
      { start: 0, end: 12 },
      { start: 24, end: 36 },
    ]);
    expect(found.get('Anouk')).toEqual([{ start: 17, end: 22 }]);
  });

  it('takes signs of the letter blocks for the word boundaries they are, letters for none', () => {
    // A ToUnicode that gives ";" as the Greek question mark (as a re-rendered PDF did), a middle
    // dot as the ano teleia, and the multiplication sign: the name before them is a whole word.
    for (const sign of ['\u037e', '\u0387', '\u00d7', '\u00f7', ';']) expect(findValues(`via Bakker${sign} verder`, ['Bakker'], true).get('Bakker')?.length, sign).toBe(1);
    // Letters of those blocks still join a word: "Bakkerα", "Bakkerй", "Bakkerø" hold no "Bakker".
    for (const letter of ['\u03b1', '\u0439', '\u00f8', '\u0386']) expect(findValues(`via Bakker${letter} verder`, ['Bakker'], true).get('Bakker')?.length, letter).toBe(0);
  });

  const value = (v: string, allowed = 0, id = 0) => ({ value: v, caseSensitive: true, allowed, id });
  const pdfWith = async (build: (doc: PDFDocument, page: PDFPage, font: PDFFont) => void) => {
    const doc = await PDFDocument.create();
    const page = doc.addPage([300, 300]);
    const font = await doc.embedFont(StandardFonts.Helvetica);
    page.drawText('Nota over de begroting', { x: 10, y: 250, size: 10, font });
    build(doc, page, font);
    return doc.save({ useObjectStreams: false });
  };

  it('finds nothing in a clean file', async () => {
    expect(await findPdfSurvivors(await pdfWith(() => undefined), [value('Bakhuizen')])).toEqual([]);
  });

  it('finds a value in the page text', async () => {
    const pdf = await pdfWith((_d, page, font) => page.drawText('Bakhuizen', { x: 10, y: 100, size: 10, font }));
    expect(await findPdfSurvivors(pdf, [value('Bakhuizen')])).toEqual([0]);
  });

  it('finds a value in metadata written as UTF-16BE', async () => {
    const pdf = await pdfWith((doc) => doc.setAuthor('Bakhuizen ✓'));
    expect(Buffer.from(pdf).includes('Bakhuizen')).toBe(false);
    expect(await findPdfSurvivors(pdf, [value('Bakhuizen')])).toEqual([0]);
  });

  const utf16 = (text: string, bigEndian: boolean) => {
    const le = Buffer.from(text, 'utf16le');
    return bigEndian ? Buffer.concat([Buffer.from([0xfe, 0xff]), Buffer.from(le.map((_b, k) => le[k ^ 1] as number))]) : le;
  };
  const withRawBytes = (raw: Uint8Array) => pdfWith((doc) => doc.context.register(doc.context.stream(raw)));

  it('finds a value in raw bytes written as UTF-16, big endian after its byte-order mark and little endian', async () => {
    for (const bigEndian of [true, false]) {
      const pdf = await withRawBytes(Buffer.concat([Buffer.from('(', 'latin1'), utf16('Bakhuizen, Utrecht', bigEndian), Buffer.from(')', 'latin1')]));
      expect(await findPdfSurvivors(pdf, [value('Bakhuizen')])).toEqual([0]);
      expect(await findPdfSurvivors(pdf, [value('Bakhuizen', 2)])).toEqual([]);
    }
  });

  it('reads UTF-16 runs only, once per reading', () => {
    const raw = Buffer.concat([Buffer.from('\u0001\u0000\u0000x binary ', 'latin1'), utf16('minister Bakhuizen', true)]).toString('latin1');
    const readings = utf16Readings(raw);
    // Big endian reads the text; little endian the same bytes shifted by one (the mark's last
    // byte first, the last letter lost), checked on its own so nothing is counted twice.
    expect(readings).toEqual(['minister Bakhuizen', '\u00ffminister Bakhuize']);
    expect(utf16Readings('no zero bytes')).toEqual([]);
  });

  it('counts in raw text exactly what a search for every value in every reading counts (the first-word filter loses nothing)', () => {
    // Values and texts from a small alphabet with Latin-1 letters in both cases, spaces, digits
    // and punctuation; texts mix values (case changed), UTF-16 in both byte orders and binary.
    const letters = 'abkAÉéÿßµ 0.-@';
    const word = fc.array(fc.constantFrom(...letters), { minLength: 2, maxLength: 9 }).map((cs) => cs.join(''));
    const flip = (v: string, k: number) => [...v].map((ch, j) => ((k >> j) & 1 ? ch.toUpperCase() : ch.toLowerCase())).join('');
    const piece = (values: string[]) =>
      fc.oneof(
        fc.tuple(fc.nat(values.length - 1), fc.nat(255)).map(([i, k]) => flip(values[i] as string, k)),
        fc.tuple(fc.nat(values.length - 1), fc.boolean()).map(([i, be]) => utf16(values[i] as string, be).toString('latin1')),
        fc.array(fc.nat(255), { maxLength: 12 }).map((b) => Buffer.from(b).toString('latin1')),
        fc.constantFrom('\0', ' ', '\n', 'x', 'A'),
      );
    const latin1Only = (v: string) => /^[\u0000-\u00ff]*$/.test(v);
    fc.assert(
      fc.property(
        fc.array(fc.tuple(word, fc.boolean()), { minLength: 1, maxLength: 5 }).chain((vs) => fc.tuple(fc.constant(vs), fc.array(piece(vs.map(([v]) => v)), { maxLength: 30 }))),
        ([vs, pieces]) => {
          const values = vs.map(([v, cs], id) => ({ value: v, caseSensitive: cs, allowed: 0, id }));
          const text = pieces.join('');
          if (!latin1Only(text)) return;
          const got = rawTextCounter(values)(text).map((m) => [...m].sort((a, b) => a[0] - b[0]));
          const long = values.filter((v) => v.value.trim().length >= 5);
          const expected = [text, ...utf16Readings(text)].map((t) => {
            const counts = new Map<number, number>();
            for (const cs of [true, false]) {
              const mine = long.filter((v) => v.caseSensitive === cs);
              const found = findValues(t, mine.map((v) => v.value), cs);
              for (const v of mine) {
                const n = found.get(cs ? v.value.trim().replace(/\s+/g, ' ') : v.value.trim().replace(/\s+/g, ' ').toLowerCase())?.length ?? 0;
                if (n > 0) counts.set(v.id, n);
              }
            }
            return [...counts].sort((a, b) => a[0] - b[0]);
          });
          // Readings without any value may be left out; every count found must be the same.
          expect(got.filter((c) => c.length > 0)).toEqual(expected.filter((c) => c.length > 0));
        },
      ),
      { numRuns: 400 },
    );
  });

  it('finds a value in a compressed stream that no page draws', async () => {
    const pdf = await pdfWith((doc) => doc.context.register(flateStream(doc.context, new TextEncoder().encode('(Bakhuizen) Tj'))));
    expect(Buffer.from(pdf).includes('Bakhuizen')).toBe(false);
    expect(await findPdfSurvivors(pdf, [value('Bakhuizen')])).toEqual([0]);
  });

  it('allows a kept value as often as it was kept, not more', async () => {
    const once = await pdfWith((_d, page, font) => page.drawText('minister Bakhuizen', { x: 10, y: 100, size: 10, font }));
    expect(await findPdfSurvivors(once, [value('Bakhuizen', 1)])).toEqual([]);
    const twice = await pdfWith((_d, page, font) => {
      page.drawText('minister Bakhuizen', { x: 10, y: 100, size: 10, font });
      page.drawText('en Bakhuizen', { x: 10, y: 80, size: 10, font });
    });
    expect(await findPdfSurvivors(twice, [value('Bakhuizen', 1)])).toEqual([0]);
  });
});

describe('object depth', () => {
  const nested = async (depth: number) => {
    const doc = await PDFDocument.create();
    const page = doc.addPage([300, 300]);
    page.drawText('Contactpersoon: Anouk de Wit', { x: 10, y: 250, size: 10, font: await doc.embedFont(StandardFonts.Helvetica) });
    const pdf = Buffer.from(await doc.save({ useObjectStreams: false })).toString('latin1');
    return new Uint8Array(Buffer.from(pdf.replace('/Type /Catalog', `/Type /Catalog /Deep ${'['.repeat(depth)}${']'.repeat(depth)}`), 'latin1'));
  };

  it('refuses a PDF nested deeper than the cap with FILE_TOO_LARGE, and says which limit', async () => {
    const error = await runPdfPipeline(await nested(500), 'diep.pdf').catch((e: unknown) => e);
    expect(error).toMatchObject({ code: 'FILE_TOO_LARGE' });
    expect((error as Error).message).toContain('maxObjectDepth');
    // Thousands deep, pdf-lib drops the object as unreadable: the file is refused as damaged.
    await expect(runPdfPipeline(await nested(5000), 'dieper.pdf')).rejects.toMatchObject({ code: expect.stringMatching(/^(FILE_TOO_LARGE|PDF_DAMAGED)$/) });
  });

  it('redacts one within the cap, and the cap can be raised', async () => {
    const ok = await runPdfPipeline(await nested(50), 'ondiep.pdf');
    expect(ok.manifest.redactions).toHaveLength(1);
    await expect(runPdfPipeline(await nested(150), 'x.pdf')).rejects.toMatchObject({ code: 'FILE_TOO_LARGE' });
    expect((await runPdfPipeline(await nested(150), 'x.pdf', { maxObjectDepth: 200 })).manifest.redactions).toHaveLength(1);
  });
});

describe('objects pdf-lib cannot read', () => {
  it('refuse the file as PDF_DAMAGED when the document uses one (its bytes would pass through unread)', async () => {
    const doc = await PDFDocument.create();
    const page = doc.addPage([300, 300]);
    page.drawText('Contactpersoon: Anouk de Wit', { x: 10, y: 250, size: 10, font: await doc.embedFont(StandardFonts.Helvetica) });
    const contents = page.node.get(PDFName.of('Contents'))?.toString().match(/(\d+) 0 R/)?.[1];
    const pdf = Buffer.from(await doc.save({ useObjectStreams: false })).toString('latin1');
    expect(pdf).toContain(`\n${contents} 0 obj\n<<`);
    // The page's content stream with a dictionary pdf-lib cannot parse; viewers may still show it.
    const broken = new Uint8Array(Buffer.from(pdf.replace(`\n${contents} 0 obj\n<<`, `\n${contents} 0 obj\n<< /Filter ]] `), 'latin1'));
    const error = await runPdfPipeline(broken, 'kapot.pdf').catch((e: unknown) => e);
    expect(error).toMatchObject({ code: 'PDF_DAMAGED' });
    expect((error as Error).message).toContain('repair');
  });

  it('count only where the document uses them (an old revision may hold one)', async () => {
    const { usesUnreadableObject } = await import('../src/pdf/objects.js');
    const { PDFInvalidObject } = await import('pdf-lib');
    const doc = await PDFDocument.create();
    doc.addPage([300, 300]);
    expect(usesUnreadableObject(doc.context)).toBe(false);
    const invalid = doc.context.register(PDFInvalidObject.of(latin1('<< /Filter ]] >>')));
    expect(usesUnreadableObject(doc.context)).toBe(false);
    doc.catalog.set(PDFName.of('Old'), invalid);
    expect(usesUnreadableObject(doc.context)).toBe(true);
  });
});

describe('damaged content streams', () => {
  const withContent = async (content: string) => {
    const doc = await PDFDocument.create();
    const page = doc.addPage([300, 300]);
    const font = await doc.embedFont(StandardFonts.Helvetica);
    page.node.setFontDictionary(PDFName.of('F1'), font.ref);
    page.node.set(PDFName.of('Contents'), doc.context.register(doc.context.stream(content)));
    return doc.save({ useObjectStreams: false });
  };
  const shown = 'BT /F1 10 Tf 20 250 Td (Contactpersoon) Tj 0 -14 Td (Marieke Zwanenburg) Tj ET';

  it('a well-formed property list is redacted', async () => {
    const r = await runPdfPipeline(await withContent(`/Span <</ActualText (Marieke Zwanenburg)>> BDC ${shown} EMC`), 'goed.pdf');
    expect(r.manifest.redactions.map((x) => x.entity)).toContain('person');
  });

  const withFlate = async (compressed: Uint8Array) => {
    const doc = await PDFDocument.create();
    const page = doc.addPage([300, 300]);
    page.node.setFontDictionary(PDFName.of('F1'), (await doc.embedFont(StandardFonts.Helvetica)).ref);
    page.node.set(PDFName.of('Contents'), doc.context.register(doc.context.stream(compressed, { Filter: 'FlateDecode' })));
    return doc.save({ useObjectStreams: false });
  };

  it('a compressed stream cut short is read as far as it goes; corrupt compressed data is PDF_DAMAGED', async () => {
    const paths = Array.from({ length: 200 }, (_, i) => `${(i * 37) % 251} ${(i * 91) % 257} m ${(i * 13) % 241} ${(i * 7) % 239} l S`).join('\n');
    const full = deflateSync(Buffer.from(`${shown}\n${paths}\n`, 'latin1'));
    const cut = await runPdfPipeline(await withFlate(full.subarray(0, full.length - 12)), 'kort.pdf');
    expect(cut.manifest.redactions.map((x) => x.entity)).toContain('person');
    const corrupt = Uint8Array.from(full);
    for (let i = 12; i < 40; i++) corrupt[i] = 0xff;
    await expect(runPdfPipeline(await withFlate(corrupt), 'corrupt.pdf')).rejects.toMatchObject({ code: 'PDF_DAMAGED' });
  });

  it('text outside any text operator (a property list whose "<<" broke) is refused as PDF_DAMAGED', async () => {
    const error = await runPdfPipeline(await withContent(`/Span /ActualText (Marieke Zwanenburg) BDC ${shown} EMC`), 'kapot.pdf').catch((e: unknown) => e);
    expect(error).toMatchObject({ code: 'PDF_DAMAGED' });
    expect((error as Error).message).not.toContain('Zwanenburg');
    // Also inside an array operand.
    await expect(runPdfPipeline(await withContent(`/Span [(Marieke Zwanenburg)] BDC ${shown} EMC`), 'kapot2.pdf')).rejects.toMatchObject({ code: 'PDF_DAMAGED' });
  });
});
