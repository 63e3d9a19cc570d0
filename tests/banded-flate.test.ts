// The banded Flate stream OCR keeps of a scan page: whatever bands are re-encoded, the whole is a
// plain zlib stream (checksum included) that inflates to the samples with exactly the edits made.
import { deflateSync, inflateSync } from 'node:zlib';
import { describe, expect, it } from 'vitest';
import { adler32, adler32Combine, encodeBands, flateWithEditedBands } from '../src/redact/pdf/banded-flate.js';
import { destroyRects, type Raster } from '../src/redact/pdf/raster.js';

/** Samples with structure (gradients and noise), like a scan: not all one value. */
function samples(width: number, height: number, components: number, seed = 7): Uint8Array {
  const out = new Uint8Array(width * height * components);
  let s = seed;
  for (let i = 0; i < out.length; i++) {
    s = (s * 1103515245 + 12345) >>> 0;
    out[i] = ((i % (width * components)) + (s >>> 28)) & 0xff;
  }
  return out;
}

describe('adler32', () => {
  it('is zlib Adler-32: the trailer of a zlib stream of the same bytes', () => {
    for (const length of [0, 1, 5551, 5552, 5553, 100_000]) {
      const data = samples(length || 1, 1, 1).subarray(0, length);
      const z = deflateSync(data);
      expect(adler32(data)).toBe(z.readUInt32BE(z.length - 4));
    }
  });

  it('combines two runs as the checksum of both', () => {
    const a = samples(300, 7, 3, 1);
    const b = samples(1000, 13, 1, 2);
    const both = new Uint8Array(a.length + b.length);
    both.set(a);
    both.set(b, a.length);
    expect(adler32Combine(adler32(a), adler32(b), b.length)).toBe(adler32(both));
  });
});

describe('banded Flate', () => {
  const width = 1500;
  const height = 700;
  const components = 3;
  const original = samples(width, height, components);
  const rowBytes = width * components;
  // Bands of about 0.5 MB: 4.5 KB rows make bands of 116 rows, 7 bands here.
  const banded = encodeBands(original, rowBytes, height, 1);

  it('has several bands, and unedited inflates to the samples (zlib checks the combined checksum)', () => {
    expect(banded.bands.length).toBeGreaterThan(3);
    const out = flateWithEditedBands(banded, [], 1, () => {
      throw new Error('no band is edited');
    });
    expect(Buffer.from(inflateSync(out)).equals(Buffer.from(original))).toBe(true);
  });

  it('re-encodes the bands the rectangles touch and gives what destroying the whole image gives', () => {
    const rects = [
      { x0: 10, y0: 5, x1: 200, y1: 30 },
      // Across a band boundary, and the last rows.
      { x0: 600, y0: banded.rowsPerBand - 4, x1: 900, y1: banded.rowsPerBand + 9 },
      { x0: 1400, y0: height - 3, x1: width, y1: height },
    ];
    const ink = [0, 0, 0];
    const edited: number[] = [];
    const out = flateWithEditedBands(banded, rects, 1, (band, y0, y1) => {
      edited.push(y0);
      const inBand = rects.filter((r) => r.y0 < y1 && r.y1 > y0).map((r) => ({ ...r, y0: Math.max(0, r.y0 - y0), y1: Math.min(y1, r.y1) - y0 }));
      destroyRects({ width, height: y1 - y0, bitsPerComponent: 8, components, samples: band, ink, entries: new Map() }, inBand);
    });
    // Only the bands under a rectangle were inflated and deflated again.
    expect(edited).toEqual([0, banded.rowsPerBand, (banded.bands.length - 1) * banded.rowsPerBand]);
    const whole: Raster = { width, height, bitsPerComponent: 8, components, samples: new Uint8Array(original), ink, entries: new Map() };
    destroyRects(whole, rects);
    const got = new Uint8Array(inflateSync(out));
    expect(Buffer.from(got).equals(Buffer.from(whole.samples))).toBe(true);
    // And differs from the original exactly there: the rectangles are dark.
    expect(got[5 * rowBytes + 10 * components]).toBe(0);
    expect(Buffer.from(got).equals(Buffer.from(original))).toBe(false);
  });
});
