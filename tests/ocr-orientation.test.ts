import { describe, expect, it } from 'vitest';
import { greyOf, greyRegion, uprightGrey } from '../src/ocr/read-pages.js';
import type { PdfJsImage } from '../src/pdf/pdfjs.js';
import type { Quad } from '../src/pdf/interpret.js';
import { orientationOf, toSource, turnUpright } from '../src/ocr/orientation.js';
import { quarterTurnWords } from '../src/ocr/quarter-turns.js';

/** The upright image pixel by pixel through toSource at each pixel's centre: what turnUpright must give. */
function reference(o: ReturnType<typeof orientationOf>, pixels: Uint8Array, sw: number): Uint8Array {
  const out = new Uint8Array(o.width * o.height);
  for (let Y = 0; Y < o.height; Y++) {
    for (let X = 0; X < o.width; X++) {
      const [px, py] = toSource(o, X + 0.5, Y + 0.5);
      out[Y * o.width + X] = pixels[Math.floor(py) * sw + Math.floor(px)] as number;
    }
  }
  return out;
}

describe('turning page images upright', () => {
  // Small, and larger than the 64-pixel tiles the turn walks in (edges not a multiple of them).
  // Sides in multiples of four are turned four pixels at a time (quarter-turns.ts).
  for (const [w, h] of [[7, 5], [150, 97], [8, 4], [132, 68]] as const) {
    const pixels = Uint8Array.from({ length: w * h }, (_v, k) => k % 251);
    // Placements: upright, turned by each quarter, and mirrored, each on pages with every /Rotate.
    const quads: Quad[] = [
      [0, 0, 70, 0, 70, 50, 0, 50],
      [50, 0, 50, 70, 0, 70, 0, 0],
      [70, 50, 0, 50, 0, 0, 70, 0],
      [0, 70, 0, 0, 50, 0, 50, 70],
      [70, 0, 0, 0, 0, 50, 70, 50],
      [0, 50, 70, 50, 70, 0, 0, 0],
    ];
    for (const rotate of [0, 90, 180, 270]) {
      it(`gives each pixel its source pixel, /Rotate ${rotate}, ${w} x ${h}`, () => {
        for (const quad of quads) {
          const o = orientationOf(quad, rotate, w, h);
          const upright = turnUpright(o, { width: w, height: h, pixels });
          expect([upright.width, upright.height]).toEqual([o.width, o.height]);
          expect([...upright.pixels]).toEqual([...reference(o, pixels, w)]);
          // A colour image turned and converted in one pass: as converted, then turned.
          const rgb: PdfJsImage = { width: w, height: h, kind: 2, data: Uint8Array.from({ length: w * h * 3 }, (_v, k) => (k * 53 + 7) % 256) };
          const grey = greyOf(rgb);
          if (!grey) throw new Error('not converted');
          expect([...(uprightGrey(rgb, o)?.pixels ?? [])]).toEqual([...turnUpright(o, grey).pixels]);
          // Every source pixel once: a turn or a mirror, nothing lost.
          expect([...upright.pixels].sort((a, b) => a - b)).toEqual([...pixels].sort((a, b) => a - b));
        }
      });
    }
  }
});

/** The conversion as it was written for whole images (one loop per image): the reference. */
function wholeGrey(image: PdfJsImage): Uint8Array {
  const { width, height, kind, data } = image;
  const n = width * height;
  const pixels = new Uint8Array(n);
  if (kind === 0) pixels.set(data.subarray(0, n));
  else if (kind === 1) {
    const rowBytes = (width + 7) >> 3;
    for (let y = 0; y < height; y++) for (let x = 0; x < width; x++) pixels[y * width + x] = ((data[y * rowBytes + (x >> 3)] as number) >> (7 - (x & 7))) & 1 ? 255 : 0;
  } else {
    const step = kind === 2 ? 3 : 4;
    for (let i = 0, j = 0; i < n; i++, j += step) {
      const grey = ((data[j] as number) * 77 + (data[j + 1] as number) * 150 + (data[j + 2] as number) * 29) >> 8;
      pixels[i] = step === 4 ? 255 - ((255 - grey) * (data[j + 3] as number)) / 255 : grey;
    }
  }
  return pixels;
}

describe('grey regions of decoded page images', () => {
  const width = 13;
  const height = 6;
  const bytes = (n: number) => Uint8Array.from({ length: n }, (_v, k) => (k * 37 + 11) % 256);
  const images: PdfJsImage[] = [
    { width, height, kind: 0, data: bytes(width * height) },
    { width, height, kind: 1, data: bytes(((width + 7) >> 3) * height) },
    { width, height, kind: 2, data: new Uint8ClampedArray(bytes(width * height * 3)) },
    { width, height, kind: 3, data: new Uint8ClampedArray(bytes(width * height * 4)) },
  ];
  it('are the same pixels as the whole image converted (every pdf.js image kind)', () => {
    const r = { x0: 3, y0: 1, x1: 11, y1: 5 };
    for (const image of images) {
      const whole = wholeGrey(image);
      expect([...(greyOf(image)?.pixels ?? [])]).toEqual([...whole]);
      const part = greyRegion(image, r);
      if (!part) throw new Error(`kind ${image.kind} not converted`);
      const expected: number[] = [];
      for (let y = r.y0; y < r.y1; y++) for (let x = r.x0; x < r.x1; x++) expected.push(whole[y * width + x] as number);
      expect([part.width, part.height]).toEqual([8, 4]);
      expect([...part.pixels]).toEqual(expected);
    }
  });
});

describe('quarter turns four pixels at a time', () => {
  it('turns grey and colour images with sides in multiples of four, and leaves others to the pixel walk', () => {
    const w = 12;
    const h = 8;
    const pixels = Uint8Array.from({ length: w * h }, (_v, k) => (k * 29 + 3) % 256);
    const rgb = Uint8Array.from({ length: w * h * 3 }, (_v, k) => (k * 53 + 7) % 256);
    const greyOfRgb = greyOf({ width: w, height: h, kind: 2, data: rgb })?.pixels as Uint8Array;
    let turned = 0;
    for (const quad of [[50, 0, 50, 70, 0, 70, 0, 0], [0, 70, 0, 0, 50, 0, 50, 70], [70, 0, 0, 0, 0, 50, 70, 50], [0, 0, 70, 0, 70, 50, 0, 50]] as Quad[]) {
      for (const rotate of [0, 90, 180, 270]) {
        const o = orientationOf(quad, rotate, w, h);
        const words = quarterTurnWords(o, pixels, 1);
        if (o.m[0] !== 0) {
          expect(words).toBeUndefined();
          continue;
        }
        turned++;
        expect([...(words ?? [])]).toEqual([...reference(o, pixels, w)]);
        expect([...(quarterTurnWords(o, rgb, 3) ?? [])]).toEqual([...reference(o, greyOfRgb, w)]);
        // Not on a word boundary, or a side not a multiple of four: the pixel walk's business.
        expect(quarterTurnWords(o, Uint8Array.from([0, ...pixels]).subarray(1), 1)).toBeUndefined();
        expect(quarterTurnWords(orientationOf(quad, rotate, w - 1, h), pixels, 1)).toBeUndefined();
      }
    }
    expect(turned).toBeGreaterThan(0);
  });
});
