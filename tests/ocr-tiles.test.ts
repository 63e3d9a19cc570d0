// Page images drawn in pieces (bands, tiles) are grouped and joined into one image for OCR.
import { describe, expect, it } from 'vitest';
import type { ImagePlacement, Quad, StreamTarget } from '../src/pdf/interpret.js';
import type { PdfJsImage } from '../src/pdf/pdfjs.js';
import { joinTiles, tileGroups } from '../src/ocr/tiles.js';

const target: StreamTarget = { id: 't', ops: [], resources: undefined };

/** An image drawn upright from x0 to x1, with its top at `top` and its bottom at `bottom` (user space). */
function quad(x0: number, x1: number, bottom: number, top: number): Quad {
  return [x0, bottom, x1, bottom, x1, top, x0, top];
}
const placed = (q: Quad, name: string): ImagePlacement => ({ pageIndex: 0, target, opIndex: 0, name, quad: q, inline: false });
const names = (grids: ReturnType<typeof tileGroups<ImagePlacement>>) => grids.map((g) => g.rows.map((row) => row.map((p) => p.name)));

describe('tileGroups', () => {
  it('groups images drawn one under the other, and keeps others apart', () => {
    const strips = [placed(quad(0, 595, 800, 842), 'a'), placed(quad(0, 595, 758, 800), 'b'), placed(quad(0, 595, 700.2, 758.1), 'c')];
    const logo = placed(quad(20, 80, 600, 660), 'logo');
    const grids = tileGroups([...strips, logo, placed(quad(0, 595, 0, 40), 'far below')]);
    expect(names(grids)).toEqual([[['a'], ['b'], ['c']], [['logo']], [['far below']]]);
    expect(grids[0]?.quad).toEqual(quad(0, 595, 700.2, 842));
    // Of another width they do not tile a rectangle.
    expect(tileGroups([strips[0] as ImagePlacement, placed(quad(0, 400, 758, 800), 'narrow')])).toHaveLength(2);
  });

  it('orders a stack drawn bottom-up top row first', () => {
    const [a, b, c] = [placed(quad(0, 595, 0, 300), 'bottom'), placed(quad(0, 595, 300, 600), 'middle'), placed(quad(0, 595, 600, 842), 'top')];
    expect(names(tileGroups([a as ImagePlacement, b as ImagePlacement, c as ImagePlacement]))).toEqual([[['top'], ['middle'], ['bottom']]]);
  });

  it('groups a grid of tiles drawn in any order into rows, top row first, left to right', () => {
    const tl = placed(quad(0, 300, 421, 842), 'tl');
    const tr = placed(quad(300, 595, 421, 842), 'tr');
    const bl = placed(quad(0, 300, 0, 421), 'bl');
    const br = placed(quad(300, 595, 0, 421), 'br');
    for (const order of [[tl, tr, bl, br], [bl, tl, br, tr], [br, bl, tr, tl]]) {
      const grids = tileGroups(order);
      expect(names(grids)).toEqual([[['tl', 'tr'], ['bl', 'br']]]);
      expect(grids[0]?.quad).toEqual(quad(0, 595, 0, 842));
    }
  });

  it('leaves pieces apart that touch but do not tile a rectangle', () => {
    // An L: three of the four cells.
    const tl = placed(quad(0, 300, 421, 842), 'tl');
    const tr = placed(quad(300, 595, 421, 842), 'tr');
    const bl = placed(quad(0, 300, 0, 421), 'bl');
    expect(tileGroups([tl, tr, bl])).toHaveLength(3);
    // Rows of tiles cut at different places: each row a grid of its own.
    const shifted = placed(quad(0, 200, 0, 421), 'b1');
    const rest = placed(quad(200, 595, 0, 421), 'b2');
    expect(names(tileGroups([tl, tr, shifted, rest]))).toEqual([[['tl', 'tr']], [['b1', 'b2']]]);
  });

  it('keeps images of different frames apart (one turned, one upright)', () => {
    const upright = placed(quad(0, 300, 0, 421), 'upright');
    // Its rows run down the page: the same rectangle beside, turned 90 degrees.
    const turned = placed([300, 421, 300, 0, 595, 0, 595, 421], 'turned');
    expect(tileGroups([upright, turned])).toHaveLength(2);
  });
});

describe('joinTiles', () => {
  const grey = (width: number, height: number, value: number): PdfJsImage => ({ width, height, kind: 0, data: new Uint8Array(width * height).fill(value) });
  const asGrey = (image: PdfJsImage) => (image.kind === 0 ? image : undefined);

  it('stacks bands of one kind, width and scale into one image, rows in order', () => {
    const [one, ...rest] = joinTiles({ rows: [[{ quad: quad(0, 10, 8, 10), image: grey(4, 2, 1) }], [{ quad: quad(0, 10, 5, 8), image: grey(4, 3, 2) }]], quad: quad(0, 10, 5, 10) }, asGrey);
    expect(rest).toEqual([]);
    expect(one?.image).toMatchObject({ width: 4, height: 5, kind: 0 });
    expect([...(one?.image.data ?? [])]).toEqual([...new Array(8).fill(1), ...new Array(12).fill(2)]);
    expect(one?.quad).toEqual(quad(0, 10, 5, 10));
  });

  it('joins a 2 x 2 grid of tiles in grey, each tile at its place', () => {
    // Tiles of 2 x 1 samples over 2 x 1 units: values 1 2 / 3 4.
    const tile = (x0: number, bottom: number, value: number) => ({ quad: quad(x0, x0 + 2, bottom, bottom + 1), image: grey(2, 1, value) });
    const [one] = joinTiles({ rows: [[tile(0, 1, 1), tile(2, 1, 2)], [tile(0, 0, 3), tile(2, 0, 4)]], quad: quad(0, 4, 0, 2) }, asGrey);
    expect(one?.image).toMatchObject({ width: 4, height: 2, kind: 0 });
    expect([...(one?.image.data ?? [])]).toEqual([1, 1, 2, 2, 3, 3, 4, 4]);
  });

  it('leaves pieces apart that cannot be one image: other widths, kinds or scales', () => {
    const rows = (lower: PdfJsImage) => ({ rows: [[{ quad: quad(0, 10, 8, 10), image: grey(4, 2, 1) }], [{ quad: quad(0, 10, 5, 8), image: lower }]], quad: quad(0, 10, 5, 10) });
    expect(joinTiles(rows(grey(5, 3, 2)), asGrey)).toHaveLength(2);
    expect(joinTiles(rows({ ...grey(4, 3, 2), kind: 2, data: new Uint8Array(36) }), asGrey)).toHaveLength(2);
    // Two rows over 2 units above, six over 3 below: the lower band has twice the rows per unit.
    expect(joinTiles(rows(grey(4, 6, 2)), asGrey)).toHaveLength(2);
  });
});

describe('OCR characters as glyphs (pushLine)', () => {
  // Character boxes of "(KNB-NVZ) overleg" as Tesseract gives them for such a word on a 300 dpi
  // scan: "(" after "K" in x, the "K" box as wide as "KN", ")" inside the "Z".
  const box = (x0: number, x1: number) => ({ x0, y0: 573, x1, y1: 615 });
  const symbols = [
    ['(', 1642, 1665],
    ['K', 1635, 1719],
    ['N', 1695, 1723],
    ['B', 1721, 1755],
    ['-', 1757, 1769],
    ['N', 1771, 1807],
    ['V', 1807, 1839],
    ['Z', 1841, 1901],
    [')', 1872, 1901],
  ] as const;
  const line = {
    bbox: box(1635, 2100),
    baseline: { x0: 1635, y0: 606, x1: 2100, y1: 606 },
    words: [
      { text: '(KNB-NVZ)', confidence: 95, bbox: box(1635, 1901), symbols: symbols.map(([text, x0, x1]) => ({ text, bbox: box(x0, x1) })) },
      { text: 'overleg', confidence: 95, bbox: box(1925, 2100), symbols: [...'overleg'].map((text, k) => ({ text, bbox: box(1925 + 25 * k, 1948 + 25 * k) })) },
    ],
  };
  // A page of 2480 x 3508 pixels at 300 dpi, rows downwards, on an A4 page in points.
  const toUser = (X: number, Y: number): [number, number] => [(X * 72) / 300, 842 - (Y * 72) / 300];

  it('reads a word whose character boxes overlap and step back as one word, on one line', async () => {
    const { GlyphTable } = await import('../src/pdf/glyph-table.js');
    const { layoutPage } = await import('../src/pdf/layout.js');
    const { pushLine } = await import('../src/ocr/read-pages.js');
    const table = new GlyphTable();
    const words = pushLine(table, target, 0, line, toUser, 72 / 300);
    expect(words.map((w) => w.length)).toEqual([9, 7]);
    expect(layoutPage(table, 0, table.length).text).toBe('(KNB-NVZ) overleg');
    // Each character's box still covers its box as OCR gave it: a redaction of "K" covers "K"'s ink.
    const v = words[0]?.[1] as number;
    // (The table keeps 32-bit floats.)
    expect(table.value(v, 'x0')).toBeLessThanOrEqual((1635 * 72) / 300 + 0.01);
    expect(table.value(v, 'x1')).toBeGreaterThanOrEqual((1719 * 72) / 300 - 0.01);
  });
});

describe('the last letter before punctuation (pushLine)', () => {
  // "Yılmaz," as Tesseract boxed it on a 300 dpi scan: the z box (718-738) left of its ink
  // (740-758), the comma's box over the rest.
  const box = (x0: number, x1: number) => ({ x0, y0: 500, x1, y1: 540 });
  const letters = [['Y', 620, 650], ['ı', 652, 662], ['l', 664, 672], ['m', 674, 705], ['a', 700, 718], ['z', 718, 738], [',', 742, 760]] as const;
  const line = {
    bbox: box(620, 760),
    baseline: { x0: 620, y0: 532, x1: 760, y1: 532 },
    words: [{ text: 'Yılmaz,', confidence: 90, bbox: box(620, 760), symbols: letters.map(([text, x0, x1]) => ({ text, bbox: box(x0, x1) })) }],
  };
  const toUser = (X: number, Y: number): [number, number] => [(X * 72) / 300, 842 - (Y * 72) / 300];

  it("reaches the word's end, so a box over the name covers all of its last letter's ink", async () => {
    const { GlyphTable } = await import('../src/pdf/glyph-table.js');
    const { pushLine } = await import('../src/ocr/read-pages.js');
    const table = new GlyphTable();
    const [word] = pushLine(table, target, 0, line, toUser, 72 / 300);
    const z = word?.[5] as number;
    expect(table.unicodeOf(z)).toBe('z');
    expect(table.value(z, 'x1')).toBeGreaterThanOrEqual((758 * 72) / 300);
    // Letters inside the word still end where the next begins.
    expect(table.value(word?.[3] as number, 'x1')).toBeLessThan((718 * 72) / 300);
  });
});
