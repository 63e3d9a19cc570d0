/**
 * Scan pages' samples kept from OCR for the redaction: OCR decodes each page image once, and the
 * redaction destroys the pixels under the boxes in what OCR kept instead of decoding the image
 * again. Kept as banded Flate (1-3 MB for a 300 dpi page, not its 26 MB of samples), within a
 * budget per document so that memory does not grow with a long scan's pages: pages past it are
 * decoded again when a box lies on them, as without the store.
 */
import type { PDFContext, PDFRawStream } from 'pdf-lib';
import { type BandedFlate, encodeBands } from './banded-flate.js';
import type { Raster } from './raster.js';

/**
 * Rewritten images are deflated at level 1: on a 300 dpi colour scan (26 MB of samples) that is
 * half the CPU time of the default level 6 for 7-10% more bytes, and an image under a box is
 * rewritten on every redacted page.
 */
export const IMAGE_DEFLATE = { level: 1 } as const;

/** Compressed bytes kept per document: some 20-60 pages of 300 dpi scans. */
export const KEPT_BUDGET_BYTES = 48 << 20;

/** A raster whose samples are kept as bands. */
export interface KeptSamples extends Omit<Raster, 'samples'> {
  readonly banded: BandedFlate;
}

const kept = new WeakMap<PDFRawStream, KeptSamples>();
const held = new WeakMap<PDFContext, number>();

/**
 * Keeps a decoded image's samples for its redaction (the stream must have no mask: a masked
 * image's redaction rewrites its mask too, from the file). Returns whether it was kept.
 */
export function keepSamples(context: PDFContext, stream: PDFRawStream, raster: Raster): boolean {
  const used = held.get(context) ?? 0;
  if (used >= KEPT_BUDGET_BYTES || kept.has(stream)) return false;
  const { samples, ...rest } = raster;
  const rowBytes = Math.ceil((raster.width * raster.components * raster.bitsPerComponent) / 8);
  const banded = encodeBands(samples, rowBytes, raster.height, IMAGE_DEFLATE.level);
  kept.set(stream, { ...rest, banded });
  held.set(context, used + banded.size);
  return true;
}

/** The kept samples of an image stream, handed over once (the store forgets them). */
export function takeKeptSamples(context: PDFContext, stream: PDFRawStream): KeptSamples | undefined {
  const found = kept.get(stream);
  if (!found) return undefined;
  kept.delete(stream);
  held.set(context, Math.max(0, (held.get(context) ?? 0) - found.banded.size));
  return found;
}
