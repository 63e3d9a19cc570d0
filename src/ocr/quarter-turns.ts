/**
 * Quarter turns of page images as 32-bit words: a scan drawn sideways on its page (most scanners'
 * landscape images on portrait pages) is turned upright before OCR, and with the pixel-by-pixel
 * walk (uprightTiles) that was 40-80 ms of a 300 dpi colour page before its OCR could start. Here
 * 4 x 4 blocks of pixels are read as four words from four source rows and written as four words to
 * four upright rows, colour converted to grey on the way: 7-20 ms.
 *
 * Only for images whose sides are multiples of four and whose samples start on a word boundary
 * (every word then holds four whole pixels of one row); undefined otherwise, and the caller walks
 * pixel by pixel. Words are little endian: the first pixel in a word is its lowest byte.
 */
import type { Orientation } from './orientation.js';

/** 16 x 16 blocks a tile: 64 source rows of 64 pixels (12 KB of colour samples) stay in the cache. */
const TILE_BLOCKS = 16;

/** Grey from RGB, as greyOf converts (integer weights, the same rounding). */
function grey(r: number, g: number, b: number): number {
  return (r * 77 + g * 150 + b * 29) >> 8;
}

/** The four RGB pixels in the three words from `k` as four greys in one word. */
function greyWord(src: Uint32Array, k: number): number {
  const w0 = src[k] as number;
  const w1 = src[k + 1] as number;
  const w2 = src[k + 2] as number;
  return (
    (grey(w0 & 255, (w0 >>> 8) & 255, (w0 >>> 16) & 255) |
      (grey(w0 >>> 24, w1 & 255, (w1 >>> 8) & 255) << 8) |
      (grey((w1 >>> 16) & 255, w1 >>> 24, w2 & 255) << 16) |
      (grey((w2 >>> 8) & 255, (w2 >>> 16) & 255, w2 >>> 24) << 24)) >>>
    0
  );
}

/**
 * The upright grey image of an 8-bit grey (channels 1) or RGB (channels 3) image turned by a
 * quarter turn, mirrored or not (Orientation.m with a zero diagonal), or undefined where the words
 * cannot be used (see above).
 */
export function quarterTurnWords(o: Orientation, data: Uint8Array | Uint8ClampedArray, channels: 1 | 3): Uint8Array | undefined {
  const [a, b, c, d] = o.m;
  const sw = o.sourceWidth;
  const sh = o.sourceHeight;
  if (a !== 0 || d !== 0 || sw % 4 !== 0 || sh % 4 !== 0 || data.byteOffset % 4 !== 0 || data.length < sw * sh * channels) return undefined;
  // Upright rows are source columns, upright columns source rows.
  const uw = sh;
  const uh = sw;
  const src = new Uint32Array(data.buffer, data.byteOffset, (sw * sh * channels) >> 2);
  const out = new Uint8Array(uw * uh);
  const dst = new Uint32Array(out.buffer);
  const wordsPerRow = (sw * channels) >> 2;
  const outWordsPerRow = uw >> 2;
  // Upright column X is source row X (b = 1) or sh - 1 - X (b = -1); upright row Y is source
  // column Y (c = 1) or sw - 1 - Y (c = -1), so four upright rows from Y are the source columns
  // from Y up, or from sw - 4 - Y up in reverse order.
  const reversed = c < 0;
  const blocksDown = uh >> 2;
  const blocksAcross = uw >> 2;
  // Source words from one upright column to the next (one source row down or up).
  const rowWords = b > 0 ? wordsPerRow : -wordsPerRow;
  for (let by0 = 0; by0 < blocksDown; by0 += TILE_BLOCKS) {
    const by1 = Math.min(blocksDown, by0 + TILE_BLOCKS);
    for (let bx0 = 0; bx0 < blocksAcross; bx0 += TILE_BLOCKS) {
      const bx1 = Math.min(blocksAcross, bx0 + TILE_BLOCKS);
      for (let by = by0; by < by1; by++) {
        const Y = by << 2;
        // The word of the four source columns (of one source row) that are upright rows Y..Y+3.
        const colWord = ((reversed ? sw - 4 - Y : Y) >> 2) * channels;
        // Output word index of upright rows Y + j (j in source order of the word's bytes).
        const row0 = (reversed ? Y + 3 : Y) * outWordsPerRow;
        const rowStep = reversed ? -outWordsPerRow : outWordsPerRow;
        for (let bx = bx0; bx < bx1; bx++) {
          const X = bx << 2;
          let k = (b > 0 ? X : sh - 1 - X) * wordsPerRow + colWord;
          let w0: number;
          let w1: number;
          let w2: number;
          let w3: number;
          if (channels === 1) {
            w0 = src[k] as number;
            w1 = src[(k += rowWords)] as number;
            w2 = src[(k += rowWords)] as number;
            w3 = src[k + rowWords] as number;
          } else {
            w0 = greyWord(src, k);
            w1 = greyWord(src, (k += rowWords));
            w2 = greyWord(src, (k += rowWords));
            w3 = greyWord(src, k + rowWords);
          }
          // Byte j of each word is upright row Y + j (or Y + 3 - j), its pixels X..X+3 in order.
          const at = row0 + bx;
          dst[at] = (w0 & 255) | ((w1 & 255) << 8) | ((w2 & 255) << 16) | ((w3 & 255) << 24);
          dst[at + rowStep] = ((w0 >>> 8) & 255) | (w1 & 0xff00) | (((w2 >>> 8) & 255) << 16) | (((w3 >>> 8) & 255) << 24);
          dst[at + 2 * rowStep] = ((w0 >>> 16) & 255) | (((w1 >>> 16) & 255) << 8) | (w2 & 0xff0000) | (((w3 >>> 16) & 255) << 24);
          dst[at + 3 * rowStep] = (w0 >>> 24) | ((w1 >>> 24) << 8) | ((w2 >>> 24) << 16) | (w3 & 0xff000000);
        }
      }
    }
  }
  return out;
}
