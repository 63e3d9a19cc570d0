// How a poor reading leads to a turned one (src/ocr/turned-scans.ts), with a scripted engine: what
// it reads depends on how the image it is given is turned.
import { describe, expect, it } from 'vitest';
import type { GreyImage, OcrLine } from '../src/ocr/engine.js';
import { lineDirection, readingConfidence, readUpright } from '../src/ocr/turned-scans.js';

const line = (words: readonly [string, number][]): OcrLine => ({
  bbox: { x0: 0, y0: 0, x1: 10, y1: 10 },
  baseline: { x0: 0, y0: 9, x1: 10, y1: 9 },
  words: words.map(([text, confidence]) => ({ text, confidence, bbox: { x0: 0, y0: 0, x1: 10, y1: 10 }, symbols: [] })),
});

// A 3 x 2 image whose first pixel marks which way it was turned: the engine is sure of its
// reading only when the marked pixel is where an upright page has it.
const image: GreyImage = { width: 3, height: 2, pixels: Uint8Array.from([0, 1, 2, 3, 4, 5]) };
function engine(uprightFirst: number, sure: string[], unsure: string[]) {
  const calls: GreyImage[] = [];
  const recognize = async (turned: GreyImage) => {
    calls.push(turned);
    const upright = turned.pixels[0] === uprightFirst;
    return [line((upright ? sure : unsure).map((w) => [w, upright ? 92 : 25] as [string, number]))];
  };
  return { calls, recognize };
}
const words = ['Contactpersoon', 'mr.', 'Jansen', 'telefoon'];
const garbage = ['uoosrad', 'ʇɔɐʇ', 'suesu', 'ɹɯ'];

describe('reading a scan upright', () => {
  it('weights confidence by word length', () => {
    expect(readingConfidence([line([['ab', 90], ['abcdefgh', 40]])]).confidence).toBeCloseTo(50);
    expect(readingConfidence([]).characters).toBe(0);
  });

  it('a sure first reading is kept: the engine runs once', async () => {
    const { calls, recognize } = engine(0, words, garbage);
    const reading = await readUpright(image, recognize);
    expect(calls).toHaveLength(1);
    expect(reading.turn).toBe(0);
    expect(reading.poor).toBe(false);
    expect(reading.back(1.5, 0.5)).toEqual([1.5, 0.5]);
  });

  it('a page fed upside down is read turned by 180, and its points map back to the image as given', async () => {
    const { calls, recognize } = engine(5, words, garbage);
    const reading = await readUpright(image, recognize);
    expect(reading.turn).toBe(180);
    expect(reading.lines[0]?.words.map((w) => w.text)).toEqual(words);
    expect(calls).toHaveLength(2);
    expect([...(calls[1] as GreyImage).pixels]).toEqual([5, 4, 3, 2, 1, 0]);
    // The turned image's top-left corner is the given image's bottom-right one.
    expect(reading.back(0, 0)).toEqual([3, 2]);
    expect(reading.back(3, 2)).toEqual([0, 0]);
  });

  it('a page fed sideways is read turned by 90 (after 180 read no better)', async () => {
    // Turned 90 clockwise, a 3 x 2 image is 2 x 3 with the given image's bottom-left pixel (3) first.
    const { calls, recognize } = engine(3, words, garbage);
    const reading = await readUpright(image, recognize);
    expect(reading.turn).toBe(90);
    expect(calls).toHaveLength(3);
    expect(calls[2]).toMatchObject({ width: 2, height: 3 });
    // Each pixel centre of the turned image maps to the centre of the pixel it was taken from.
    const turnedImage = calls[2] as GreyImage;
    for (let Y = 0; Y < 3; Y++) {
      for (let X = 0; X < 2; X++) {
        const [x, y] = reading.back(X + 0.5, Y + 0.5);
        expect(image.pixels[Math.floor(y) * 3 + Math.floor(x)]).toBe(turnedImage.pixels[Y * 2 + X]);
      }
    }
  });

  it('a page poor in every orientation and layout keeps its first reading and is marked poor', async () => {
    const { calls, recognize } = engine(99, words, garbage);
    const reading = await readUpright(image, recognize);
    // As placed, three turns, and as placed again as sparse text.
    expect(calls).toHaveLength(5);
    expect(calls[4]).toBe(image);
    expect(reading).toMatchObject({ turn: 0, poor: true });
    expect(reading.lines[0]?.words.map((w) => w.text)).toEqual(garbage);
  });

  it('an upright page read poorly as a block (rules through its lines) takes its reading as sparse text when surer', async () => {
    const layouts: string[] = [];
    const recognize = async (_image: GreyImage, layout: 'block' | 'sparse') => {
      layouts.push(layout);
      return [line(layout === 'sparse' ? [['Zwanenburg', 45], ['m.zwanenburg@ind.nl', 40]] : [['NNeekaZD', 30], ['zaaONmalek', 25]])];
    };
    const reading = await readUpright(image, recognize);
    expect(layouts).toEqual(['block', 'block', 'block', 'block', 'sparse']);
    expect(reading.lines[0]?.words.map((w) => w.text)).toEqual(['Zwanenburg', 'm.zwanenburg@ind.nl']);
    // Still unsure: the page is named for a person to check.
    expect(reading).toMatchObject({ turn: 0, poor: true });
  });

  it('a turned reading that is less poor but still unsure does not replace the first', async () => {
    const calls: number[] = [];
    const recognize = async (turned: GreyImage) => {
      calls.push(turned.pixels[0] as number);
      // As placed 25, every turn 50: garbage all, the one as placed kept.
      return [line(words.map((w) => [w, turned.pixels[0] === 0 ? 25 : 50] as [string, number]))];
    };
    expect(await readUpright(image, recognize)).toMatchObject({ turn: 0, poor: true });
    expect(calls).toHaveLength(5);
  });

  it('a page of a few characters says nothing of its orientation: read once', async () => {
    const { calls, recognize } = engine(99, ['3'], ['x7']);
    expect(await readUpright(image, recognize)).toMatchObject({ turn: 0, poor: false });
    expect(calls).toHaveLength(1);
  });
});

describe('which way the lines of print run (lineDirection)', () => {
  // A page of 200 x 300 pixels: white, with "lines of text" as bands of dark dashes 6 rows high
  // every 14 rows (words: dashes of 9 pixels with gaps of 3).
  const page = (() => {
    const width = 200;
    const height = 300;
    const pixels = new Uint8Array(width * height).fill(250);
    for (let top = 40; top < 260; top += 14) for (let y = top; y < top + 6; y++) for (let x = 30; x < 170; x++) if (x % 12 < 9) pixels[y * width + x] = 20;
    return { width, height, pixels };
  })();
  const sideways = (() => {
    const { width, height, pixels } = page;
    const out = new Uint8Array(width * height);
    for (let y = 0; y < height; y++) for (let x = 0; x < width; x++) out[x * height + (height - 1 - y)] = pixels[y * width + x] as number;
    return { width: height, height: width, pixels: out };
  })();

  it('text in rows leaves blank rows; turned sideways, blank columns; a blank page says nothing', () => {
    expect(lineDirection(page)).toBe('rows');
    expect(lineDirection(sideways)).toBe('columns');
    expect(lineDirection({ width: 50, height: 50, pixels: new Uint8Array(2500).fill(255) })).toBe('unclear');
  });

  it('a page whose lines run in rows is tried upside down only; one whose lines run in columns sideways first', async () => {
    const turnsTried: number[] = [];
    const recognize = async (image: GreyImage, layout: 'block' | 'sparse') => {
      turnsTried.push(layout === 'sparse' ? -1 : image.width === page.width ? 0 : 90);
      return [line(garbage.map((w) => [w, 25] as [string, number]))];
    };
    await readUpright(page, recognize);
    // As placed, turned by 180 (the same size), sparse: never sideways.
    expect(turnsTried).toEqual([0, 0, -1]);
    turnsTried.length = 0;
    await readUpright(sideways, async (image, layout) => {
      turnsTried.push(layout === 'sparse' ? -1 : image.width === sideways.width ? 0 : 90);
      return [line(garbage.map((w) => [w, 25] as [string, number]))];
    });
    // Its ink in columns: by 90 both ways first (their size swapped), then as placed and upside
    // down, then sparse.
    expect(turnsTried).toEqual([90, 90, 0, 0, -1]);
  });
});

describe('a sheet scanned sideways is read sideways first', () => {
  it('a sure reading turned by 90 ends the search: the engine never reads it as placed', async () => {
    // Ink in columns (dashes running down the page), and an engine sure only of the 90 turn.
    const width = 300;
    const height = 200;
    const pixels = new Uint8Array(width * height).fill(250);
    for (let left = 40; left < 260; left += 14) for (let x = left; x < left + 6; x++) for (let y = 30; y < 170; y++) if (y % 12 < 9) pixels[y * width + x] = 20;
    const image = { width, height, pixels };
    const sizes: string[] = [];
    const reading = await readUpright(image, async (turned) => {
      sizes.push(`${turned.width}x${turned.height}`);
      const sure = turned.width === height;
      return [line(words.map((w) => [w, sure ? 92 : 25] as [string, number]))];
    });
    expect(sizes).toEqual(['200x300']);
    expect(reading).toMatchObject({ turn: 90, poor: false });
  });
});
