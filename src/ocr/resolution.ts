/**
 * The resolution OCR reads a page image at. Tesseract reads print best at about 300 dpi; a page
 * scanned at 600 dpi has four times the pixels, and the engine's memory grows with them (a 600
 * dpi A4 page took the CLI's worker to 378 MB at its peak, against 300 aimed at) for no better
 * reading. Such a page is read at a whole fraction of its resolution, 300-450 dpi; the redaction
 * still destroys the pixels of the image as it is in the file.
 */
import type { GreyImage } from './engine.js';

/** Below this many dots per inch a page image is read as it is. */
const READ_AS_IS_BELOW_DPI = 600;
const READ_AT_DPI = 300;

/** By how much an image of `dpi` is reduced for OCR (1: not at all). */
export function ocrReduction(dpi: number): number {
  return Number.isFinite(dpi) && dpi >= READ_AS_IS_BELOW_DPI ? Math.floor(dpi / READ_AT_DPI) : 1;
}

/** The image with each `factor` x `factor` block of pixels averaged into one (a partial last row or column is left out). */
export function reduceImage(image: GreyImage, factor: number): GreyImage {
  if (factor <= 1) return image;
  const width = Math.floor(image.width / factor);
  const height = Math.floor(image.height / factor);
  const pixels = new Uint8Array(width * height);
  const sums = new Uint32Array(width);
  const src = image.pixels;
  const area = factor * factor;
  for (let y = 0; y < height; y++) {
    sums.fill(0);
    for (let dy = 0; dy < factor; dy++) {
      const row = (y * factor + dy) * image.width;
      for (let x = 0; x < width; x++) {
        let s = 0;
        for (let dx = 0, at = row + x * factor; dx < factor; dx++, at++) s += src[at] as number;
        sums[x] = (sums[x] as number) + s;
      }
    }
    const out = y * width;
    for (let x = 0; x < width; x++) pixels[out + x] = Math.round((sums[x] as number) / area);
  }
  return { width, height, pixels };
}
