/**
 * JPEG (DCTDecode) samples of the page images OCR reads (the redaction keeps what OCR decoded),
 * and of the images a redaction rewrites on pages with text where the allocator allows it
 * (allocatorReturnsLargeBuffers below; pdf.js decodes them elsewhere).
 * Scanners write JPEG, and pdf.js's decoder,
 * written in JavaScript, was the largest cost of an OCR'd page after the OCR itself (0.2-0.3 CPU s
 * for a 300 dpi colour page, and 52 MB of coefficients while it works). libjpeg-turbo, through
 * sharp (an optional dependency: prebuilt binaries from npm, no compiler, nothing downloaded at
 * run time), decodes the same page in about 45 ms without that memory. It is used only where it
 * reads the samples as the PDF means them; everything else, and any file it reports as damaged
 * (pdf.js is lenient with truncated scans), goes to pdf.js as before:
 * - 8-bit samples with 1 or 3 components (CMYK and YCCK need Adobe's inversion, which pdf.js knows);
 * - no /ColorTransform in DecodeParms (it overrides what the JPEG's own markers say);
 * - a frame of the size the image dictionary gives (pdf.js scales a mismatch to the dictionary's).
 * An embedded ICC profile is not applied (the samples stay the PDF's), EXIF orientation is not
 * applied (PDF ignores it). The two decoders round a few samples differently (chroma upsampling):
 * both are faithful decodes of the file, and a rewritten image holds whichever was used.
 */
import { createRequire } from 'node:module';
import type { Sharp, SharpOptions } from 'sharp';

type SharpFactory = (input: Uint8Array, options?: SharpOptions) => Sharp;

let loaded: SharpFactory | null | undefined;

/** sharp, when it is installed and loads on this platform; null otherwise (pdf.js decodes). */
function nativeDecoder(): SharpFactory | null {
  if (loaded !== undefined) return loaded;
  if (process.env.WOO_REDACT_JPEG === 'pdfjs') return (loaded = null);
  try {
    loaded = createRequire(import.meta.url)('sharp') as SharpFactory;
  } catch {
    loaded = null;
  }
  return loaded;
}

/**
 * Whether this process's allocator gives freed large buffers back to the system: glibc started
 * with a fixed mmap threshold of at most 1 MB (MALLOC_MMAP_THRESHOLD_, as the CLI's worker
 * processes are, see cli/pool.ts). Only then does libjpeg-turbo decode the JPEG images a
 * redaction rewrites on pages with text too: otherwise glibc keeps what libvips's threads freed
 * in their own arenas, and an 8-page 300 dpi scan with an OCR layer (woo-08, OCR off) peaked at
 * 345-361 MB instead of 237 (pdf.js's decoder); started as the workers are, 224-227 MB against
 * 207-210, and 1.8-1.9 CPU s instead of 2.9-3.4.
 */
export function allocatorReturnsLargeBuffers(env: NodeJS.ProcessEnv = process.env): boolean {
  const threshold = Number(env.MALLOC_MMAP_THRESHOLD_);
  return Number.isInteger(threshold) && threshold > 0 && threshold <= 1 << 20;
}

/** The frame header of a JPEG stream: its size, sample precision and number of components. */
export interface JpegFrame {
  readonly width: number;
  readonly height: number;
  readonly precision: number;
  readonly components: number;
}

const SOF = new Set([0xc0, 0xc1, 0xc2, 0xc3, 0xc5, 0xc6, 0xc7, 0xc9, 0xca, 0xcb, 0xcd, 0xce, 0xcf]);

/** Reads the first frame header (SOFn) of a JPEG stream; undefined when there is none before the scan. */
export function jpegFrame(data: Uint8Array): JpegFrame | undefined {
  if (data[0] !== 0xff || data[1] !== 0xd8) return undefined;
  let at = 2;
  while (at + 4 <= data.length) {
    if (data[at] !== 0xff) return undefined;
    const marker = data[at + 1] as number;
    if (marker === 0xff) {
      at++; // fill byte
      continue;
    }
    if (marker === 0xd8 || (marker >= 0xd0 && marker <= 0xd7) || marker === 0x01) {
      at += 2;
      continue;
    }
    const length = ((data[at + 2] as number) << 8) | (data[at + 3] as number);
    if (length < 2) return undefined;
    if (SOF.has(marker)) {
      if (at + 10 > data.length) return undefined;
      return {
        precision: data[at + 4] as number,
        height: ((data[at + 5] as number) << 8) | (data[at + 6] as number),
        width: ((data[at + 7] as number) << 8) | (data[at + 8] as number),
        components: data[at + 9] as number,
      };
    }
    if (marker === 0xda || marker === 0xd9) return undefined;
    at += 2 + length;
  }
  return undefined;
}

/**
 * The samples of a JPEG stream decoded by libjpeg-turbo, rows top to bottom, 1 or 3 bytes a pixel;
 * undefined where pdf.js must decode it (see above): no native decoder, a kind of JPEG it is not
 * used for, or data it reports as damaged.
 */
export async function decodeJpegNatively(data: Uint8Array, width: number, height: number, hasColorTransform: boolean): Promise<{ samples: Uint8Array; components: 1 | 3 } | undefined> {
  if (hasColorTransform) return undefined;
  const frame = jpegFrame(data);
  if (!frame || frame.precision !== 8 || frame.width !== width || frame.height !== height) return undefined;
  if (frame.components !== 1 && frame.components !== 3) return undefined;
  const sharp = nativeDecoder();
  if (!sharp) return undefined;
  try {
    const { data: samples, info } = await sharp(data, { ignoreIcc: true, limitInputPixels: false, sequentialRead: true, autoOrient: false })
      .toColourspace(frame.components === 1 ? 'b-w' : 'srgb')
      .raw()
      .toBuffer({ resolveWithObject: true });
    if (info.width !== width || info.height !== height || info.channels !== frame.components || samples.length !== width * height * frame.components) return undefined;
    return { samples: new Uint8Array(samples.buffer, samples.byteOffset, samples.length), components: frame.components };
  } catch {
    // libjpeg's warnings (a truncated scan, a bad marker) fail the call: pdf.js reads what it can.
    return undefined;
  }
}
