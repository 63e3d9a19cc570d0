/**
 * An image's samples as one zlib (Flate) stream made of independent bands of rows, so that
 * destroying the pixels under a few boxes re-encodes only the bands they touch.
 *
 * Each band is raw deflate ending in a sync flush (byte-aligned, not final), compressed on its own
 * (no back-reference into another band): the bands can be concatenated in any mix of old and
 * re-encoded ones, closed by an empty final block, and the whole is a plain zlib stream any reader
 * inflates (its Adler-32 is combined from the bands'). OCR keeps a scan page's bands after reading
 * it: the redaction then needs neither a second decode of the page (a 300 dpi JPEG 2000 page costs
 * about 0.4 s, a JPEG page 0.15 s) nor a deflate of the whole page.
 */
import { constants, deflateRawSync, inflateRawSync, inflateSync } from 'node:zlib';

/** Rows per band: about 0.5 MB of a 300 dpi colour page, 60 bands a page. */
const BAND_BYTES = 1 << 19;

export interface BandedFlate {
  readonly rowBytes: number;
  readonly height: number;
  readonly rowsPerBand: number;
  /** Raw deflate of each band, ending in a sync flush. */
  readonly bands: readonly Uint8Array[];
  /** Adler-32 of each band's samples. */
  readonly adlers: readonly number[];
  /** Compressed bytes held. */
  readonly size: number;
}

const ADLER_BASE = 65521;

/** Adler-32 of bytes (RFC 1950). */
export function adler32(data: Uint8Array, start = 1): number {
  let a = start & 0xffff;
  let b = (start >>> 16) & 0xffff;
  const n = data.length;
  let i = 0;
  while (i < n) {
    // 5552 bytes at most before the sums could pass 2^32 (zlib's NMAX); 8 bytes a step.
    const end = Math.min(n, i + 5552);
    for (const end8 = end - 7; i < end8; i += 8) {
      a += data[i] as number;
      b += a;
      a += data[i + 1] as number;
      b += a;
      a += data[i + 2] as number;
      b += a;
      a += data[i + 3] as number;
      b += a;
      a += data[i + 4] as number;
      b += a;
      a += data[i + 5] as number;
      b += a;
      a += data[i + 6] as number;
      b += a;
      a += data[i + 7] as number;
      b += a;
    }
    for (; i < end; i++) {
      a += data[i] as number;
      b += a;
    }
    a %= ADLER_BASE;
    b %= ADLER_BASE;
  }
  return ((b << 16) | a) >>> 0;
}

/** The Adler-32 of two byte runs one after the other, from each run's (zlib's adler32_combine). */
export function adler32Combine(first: number, second: number, secondLength: number): number {
  const rem = secondLength % ADLER_BASE;
  let sum1 = first & 0xffff;
  let sum2 = (rem * sum1) % ADLER_BASE;
  sum1 += (second & 0xffff) + ADLER_BASE - 1;
  sum2 += ((first >>> 16) & 0xffff) + ((second >>> 16) & 0xffff) + ADLER_BASE - rem;
  if (sum1 >= ADLER_BASE) sum1 -= ADLER_BASE;
  if (sum1 >= ADLER_BASE) sum1 -= ADLER_BASE;
  if (sum2 >= ADLER_BASE * 2) sum2 -= ADLER_BASE * 2;
  if (sum2 >= ADLER_BASE) sum2 -= ADLER_BASE;
  return ((sum2 << 16) | sum1) >>> 0;
}

/**
 * Inflates a zlib stream into one buffer of the expected size: zlib's default 16 KB output chunks
 * are joined at the end, a second copy of a 26 MB page image for a moment. A stream longer than
 * expected still inflates whole (in more chunks); `maxOutputLength` is the hard limit.
 */
export function inflateWhole(data: Uint8Array, expectedBytes: number, maxOutputLength: number): Uint8Array {
  // Without a known size, zlib's default chunks.
  const out = expectedBytes > 0 ? inflateSync(data, { chunkSize: Math.max(64, Math.min(maxOutputLength, Math.ceil(expectedBytes) + 1)), maxOutputLength }) : inflateSync(data, { maxOutputLength });
  return new Uint8Array(out.buffer, out.byteOffset, out.byteLength);
}

function deflateBand(samples: Uint8Array, level: number): Uint8Array {
  const out = deflateRawSync(samples, { level, finishFlush: constants.Z_SYNC_FLUSH });
  return new Uint8Array(out.buffer, out.byteOffset, out.byteLength);
}

/** Encodes samples (rows of rowBytes, height rows) as bands at the given deflate level. */
export function encodeBands(samples: Uint8Array, rowBytes: number, height: number, level: number): BandedFlate {
  const rowsPerBand = Math.max(1, Math.floor(BAND_BYTES / Math.max(1, rowBytes)));
  const bands: Uint8Array[] = [];
  const adlers: number[] = [];
  let size = 0;
  for (let y = 0; y < height; y += rowsPerBand) {
    const band = samples.subarray(y * rowBytes, Math.min(height, y + rowsPerBand) * rowBytes);
    const encoded = deflateBand(band, level);
    bands.push(encoded);
    adlers.push(adler32(band));
    size += encoded.length;
  }
  return { rowBytes, height, rowsPerBand, bands, adlers, size };
}

/**
 * The zlib stream of the samples after `edit` changed some bands: it is called with each band
 * whose rows [y0, y1) intersect one of the row ranges given, on an inflated copy of the band's
 * samples (rows from y0), and the band is re-encoded. Other bands are copied as they are.
 */
export function flateWithEditedBands(banded: BandedFlate, rows: readonly { y0: number; y1: number }[], level: number, edit: (band: Uint8Array, y0: number, y1: number) => void): Uint8Array {
  const { rowBytes, height, rowsPerBand } = banded;
  const parts: Uint8Array[] = [];
  let adler = 1;
  let total = 2;
  banded.bands.forEach((encoded, k) => {
    const y0 = k * rowsPerBand;
    const y1 = Math.min(height, y0 + rowsPerBand);
    let part = encoded;
    let sum = banded.adlers[k] as number;
    if (rows.some((r) => r.y0 < y1 && r.y1 > y0)) {
      const raw = inflateRawSync(encoded, { finishFlush: constants.Z_SYNC_FLUSH, chunkSize: (y1 - y0) * rowBytes + 1 });
      const band = new Uint8Array(raw.buffer, raw.byteOffset, raw.byteLength);
      if (band.length !== (y1 - y0) * rowBytes) throw new Error('a kept image band does not inflate to its size');
      edit(band, y0, y1);
      part = deflateBand(band, level);
      sum = adler32(band);
    }
    parts.push(part);
    adler = adler32Combine(adler, sum, (y1 - y0) * rowBytes);
    total += part.length;
  });
  const out = new Uint8Array(total + 2 + 4);
  // zlib header: deflate, 32 KB window, "fastest" level, no dictionary (0x7801 is a multiple of 31).
  out[0] = 0x78;
  out[1] = 0x01;
  let at = 2;
  for (const part of parts) {
    out.set(part, at);
    at += part.length;
  }
  // An empty final block with fixed codes (BFINAL 1, BTYPE 01, end-of-block), then Adler-32.
  out[at++] = 0x03;
  out[at++] = 0x00;
  out[at++] = adler >>> 24;
  out[at++] = (adler >>> 16) & 0xff;
  out[at++] = (adler >>> 8) & 0xff;
  out[at++] = adler & 0xff;
  return out;
}
