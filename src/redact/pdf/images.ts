import { deflateSync } from 'node:zlib';
import { PDFArray, PDFBool, PDFName, PDFRawStream, PDFRef, type PDFContext, type PDFDocument, type PDFObject } from 'pdf-lib';
import { releaseMemory } from '../../pdf/memory.js';
import { type PageImages, type PdfJsImage, pageImagesWithPdfJs } from '../../pdf/pdfjs.js';
import type { ImagePlacement, StreamTarget } from '../../pdf/interpret.js';
import { dictOf, numberOf, resolve } from '../../pdf/objects.js';
import { groupBy } from '../../util/group-by.js';
import { flateWithEditedBands } from './banded-flate.js';
import { IMAGE_DEFLATE, type KeptSamples, takeKeptSamples } from './kept-samples.js';
import { allocatorReturnsLargeBuffers } from './jpeg.js';
import { decodeRaster, destroyRects, ImageRedactionError, type PixelRect, type Raster, releaseImageDecoders, unpredictPng } from './raster.js';
import type { Box } from './select.js';

export { ImageRedactionError, unpredictPng };

export { IMAGE_DEFLATE };

/** Pixel rectangles of the image that lie under the boxes: the boxes mapped through the placement. */
export function imagePixelRects(placement: ImagePlacement, boxes: readonly Box[], width: number, height: number): { x0: number; y0: number; x1: number; y1: number }[] {
  const [ax, ay, bx, by, , , dx, dy] = placement.quad;
  // User point P = A + u (B - A) + v (D - A): solve for (u, v).
  const ux = bx - ax;
  const uy = by - ay;
  const vx = dx - ax;
  const vy = dy - ay;
  const det = ux * vy - uy * vx;
  if (Math.abs(det) < 1e-9) return [];
  const toImage = (px: number, py: number): [number, number] => {
    const rx = px - ax;
    const ry = py - ay;
    const u = (rx * vy - ry * vx) / det;
    const v = (ux * ry - uy * rx) / det;
    return [u * width, (1 - v) * height];
  };
  return boxes
    .filter((b) => b.page === placement.pageIndex + 1)
    .map((b) => {
      const corners = [toImage(b.x, b.y), toImage(b.x + b.width, b.y), toImage(b.x, b.y + b.height), toImage(b.x + b.width, b.y + b.height)];
      const xs = corners.map((c) => c[0]);
      const ys = corners.map((c) => c[1]);
      return {
        x0: Math.max(0, Math.floor(Math.min(...xs)) - 1),
        y0: Math.max(0, Math.floor(Math.min(...ys)) - 1),
        x1: Math.min(width, Math.ceil(Math.max(...xs)) + 1),
        y1: Math.min(height, Math.ceil(Math.max(...ys)) + 1),
      };
    })
    .filter((r) => r.x1 > r.x0 && r.y1 > r.y0);
}

/** Per content stream, the image names to point at new (redacted) image objects. */
export type ImageOverrides = Map<StreamTarget, Map<string, PDFRef>>;

/** pdf.js's decoded RGB or RGBA image as 8-bit pixels: RGB, plus alpha where it has one. */
function fromPdfJs(image: PdfJsImage): { pixels: Uint8Array; components: number; alpha?: Uint8Array } {
  const { width, height, kind, data } = image;
  if (kind === 2) return { pixels: new Uint8Array(data.buffer, data.byteOffset, width * height * 3).slice(), components: 3 };
  if (kind === 3) {
    const pixels = new Uint8Array(width * height * 3);
    const alpha = new Uint8Array(width * height);
    for (let i = 0; i < width * height; i++) {
      pixels[i * 3] = data[i * 4] as number;
      pixels[i * 3 + 1] = data[i * 4 + 1] as number;
      pixels[i * 3 + 2] = data[i * 4 + 2] as number;
      alpha[i] = data[i * 4 + 3] as number;
    }
    return { pixels, components: 3, alpha };
  }
  // One-bit images (kind 1) are written as they are: rewriteBilevel.
  throw new ImageRedactionError(`pdf.js image kind ${kind} is not supported`);
}

/**
 * Destroys the pixels under the boxes in every image a box overlaps. The image is decoded to its
 * own samples (Flate, JPEG, JPEG 2000, JBIG2; stencil masks and soft masks alike), the samples
 * under the boxes are overwritten, and it is written back with Flate in the same colour space
 * and depth, so nothing else of the picture changes. Other codecs (CCITT, LZW, CMYK JPEG) are
 * decoded by pdf.js's page rendering and written as RGB. The original is left unreachable and
 * swept. Images that cannot be decoded exactly make the whole document fail (fail closed).
 */
export async function destroyImagePixels(pdf: PDFDocument, placements: readonly ImagePlacement[], boxes: readonly Box[], source?: Uint8Array, allTargets: readonly StreamTarget[] = []): Promise<ImageOverrides> {
  const context = pdf.context;
  const overrides: ImageOverrides = new Map();
  const viaPdfJs = new Map<number, Promise<PageImages>>();
  // One image drawn several times by one content stream gets one copy with all its boxes, and a
  // form drawn several times is one stream: every drawing of it gets that copy.
  const streamOf = (t: StreamTarget): unknown => t.form?.stream ?? t;
  const drawings = groupBy(allTargets, streamOf);
  const groups = groupBy(placements, (p) => streamOf(p.target));
  for (const [key, inTarget] of groups) {
    const target = (inTarget[0] as ImagePlacement).target;
    const sharing = drawings.get(key) ?? [target];
    for (const [name, drawn] of groupBy(inTarget, (p) => p.name)) {
      const xobjects = dictOf(context, target.resources?.get(PDFName.of('XObject')));
      const raw = xobjects?.get(PDFName.of(name));
      const stream = resolve(context, raw);
      if (!(stream instanceof PDFRawStream)) throw new ImageRedactionError('an image under a redaction cannot be read');
      const width = numberOf(context, stream.dict, 'Width') ?? 0;
      const height = numberOf(context, stream.dict, 'Height') ?? 0;
      const rectsFor = (w: number, h: number) => drawn.flatMap((p) => imagePixelRects(p, boxes, w, h));
      if (rectsFor(width, height).length === 0) continue;
      let image: PDFRawStream;
      let decodedBytes = width * height;
      try {
        const kept = takeKeptSamples(context, stream);
        // Samples OCR decoded and kept (an image without masks): not decoded again, and what
        // becomes garbage is a few bands, not the image.
        if (kept) decodedBytes = 0;
        image = kept ? rewriteKept(context, kept, rectsFor(kept.width, kept.height)) : await rewriteInPlace(context, stream, rectsFor);
      } catch (error) {
        if (!(error instanceof ImageRedactionError) || !source || !(raw instanceof PDFRef)) throw error;
        const pageIndex = (drawn[0] as ImagePlacement).pageIndex;
        let onPage = viaPdfJs.get(pageIndex);
        if (!onPage) viaPdfJs.set(pageIndex, (onPage = pageImagesWithPdfJs(source, pageIndex)));
        const { images, masks } = await onPage;
        if (isStencilMask(context, stream)) {
          const mask = stencilOfSize(masks, width, height);
          if (!mask) throw error;
          image = rewriteStencil(context, stream, mask, rectsFor(mask.width, mask.height));
        } else {
          const decoded = images.get(`${raw.objectNumber}R`) ?? images.get(`${raw.objectNumber}R${raw.generationNumber}`);
          if (!decoded) throw error;
          image = rewriteFromPdfJs(context, decoded, rectsFor(decoded.width, decoded.height));
        }
      }
      const ref = context.register(image);
      // This image's samples and its decoder's buffers are garbage now: freed before the next one
      // (at least width x height bytes; a colour image and the JPEG decoder's buffers are more).
      releaseMemory(decodedBytes);
      for (const t of sharing.includes(target) ? sharing : [target, ...sharing]) {
        let names = overrides.get(t);
        if (!names) overrides.set(t, (names = new Map()));
        names.set(name, ref);
      }
    }
  }
  // The JPEG 2000 decoder's memory (130 MB after a 300 dpi colour page) is let go.
  await releaseImageDecoders();
  return overrides;
}

function flateImage(context: PDFContext, raster: Raster): PDFRawStream {
  return streamOfRaster(context, raster, deflateSync(raster.samples, IMAGE_DEFLATE));
}

function streamOfRaster(context: PDFContext, raster: Omit<Raster, 'samples'>, contents: Uint8Array): PDFRawStream {
  const dict: Record<string, PDFObject> = {};
  for (const [k, v] of raster.entries) dict[k] = v;
  return context.stream(contents, { ...dict, Type: 'XObject', Subtype: 'Image', Filter: 'FlateDecode' }) as PDFRawStream;
}

/**
 * The image from the samples OCR kept, destroyed under the rectangles: only the bands of rows a
 * rectangle touches are inflated, destroyed and deflated again.
 */
function rewriteKept(context: PDFContext, kept: KeptSamples, rects: readonly PixelRect[]): PDFRawStream {
  const contents = flateWithEditedBands(kept.banded, rects, IMAGE_DEFLATE.level, (band, y0, y1) => {
    const inBand = rects.filter((r) => r.y0 < y1 && r.y1 > y0).map((r) => ({ x0: r.x0, x1: r.x1, y0: Math.max(0, r.y0 - y0), y1: Math.min(y1, r.y1) - y0 }));
    destroyRects({ ...kept, height: y1 - y0, samples: band }, inBand);
  });
  return streamOfRaster(context, kept, contents);
}

/** Rewrites an image (and its soft or stencil mask) with the pixels under the rectangles destroyed. */
async function rewriteInPlace(context: PDFContext, stream: PDFRawStream, rectsFor: (w: number, h: number) => PixelRect[]): Promise<PDFRawStream> {
  const raster = await decodeRaster(context, stream, 'image', { nativeJpeg: allocatorReturnsLargeBuffers() });
  const rects = rectsFor(raster.width, raster.height);
  destroyRects(raster, rects);
  const image = flateImage(context, raster);
  // A mask could hold the same shapes: it is rewritten too, at its own resolution.
  for (const key of ['SMask', 'Mask'] as const) {
    const mask = resolve(context, stream.dict.get(PDFName.of(key)));
    if (mask instanceof PDFArray) image.dict.set(PDFName.of(key), mask);
    if (!(mask instanceof PDFRawStream)) continue;
    const m = await decodeRaster(context, mask, key === 'SMask' ? 'smask' : 'stencil');
    destroyRects(m, scaleRects(rects, raster, m));
    image.dict.set(PDFName.of(key), context.register(flateImage(context, m)));
  }
  return image;
}

function scaleRects(rects: readonly PixelRect[], from: { width: number; height: number }, to: { width: number; height: number }): PixelRect[] {
  return rects.map((r) => ({
    x0: Math.floor((r.x0 * to.width) / from.width),
    x1: Math.min(to.width, Math.ceil((r.x1 * to.width) / from.width)),
    y0: Math.floor((r.y0 * to.height) / from.height),
    y1: Math.min(to.height, Math.ceil((r.y1 * to.height) / from.height)),
  }));
}

/** Whether an image is a stencil mask (/ImageMask true). */
export function isStencilMask(context: PDFContext, stream: PDFRawStream): boolean {
  const flag = resolve(context, stream.dict.get(PDFName.of('ImageMask')));
  return flag instanceof PDFBool && flag.asBoolean();
}

/**
 * The page's stencil mask of this size as pdf.js decoded it. pdf.js gives masks without their
 * object: one is taken only when every mask of that size on the page has the same samples (one
 * mask drawn twice); two different masks of one size could be confused, and are not.
 */
function stencilOfSize(masks: readonly PdfJsImage[], width: number, height: number): PdfJsImage | undefined {
  const sized = masks.filter((m) => m.width === width && m.height === height);
  const first = sized[0];
  if (!first) return undefined;
  const bytes = ((width + 7) >> 3) * height;
  const same = (m: PdfJsImage) => m.data.length >= bytes && m.data.subarray(0, bytes).every((b, i) => b === first.data[i]);
  return first.data.length >= bytes && sized.every(same) ? first : undefined;
}

/** A copy of one-bit samples (rows padded to bytes) with every bit under the rectangles set to `bit`. */
function bitsWithRects(decoded: PdfJsImage, rects: readonly PixelRect[], bit: 0 | 1): Uint8Array {
  const rowBytes = (decoded.width + 7) >> 3;
  const bits = Uint8Array.from(decoded.data.subarray(0, rowBytes * decoded.height));
  for (const r of rects) {
    for (let y = r.y0; y < r.y1; y++) {
      const row = y * rowBytes;
      for (let x = r.x0; x < r.x1; x++) {
        const at = row + (x >> 3);
        bits[at] = bit ? (bits[at] as number) | (0x80 >> (x & 7)) : (bits[at] as number) & ~(0x80 >> (x & 7));
      }
    }
  }
  return bits;
}

/**
 * A stencil mask (a CCITT or LZW scan painted through /ImageMask) as pdf.js decoded it, with rows
 * padded to bytes and 0 where it paints (its /Decode applied), written back as a Flate stencil
 * that paints nothing under the rectangles: the box painted over them is all that is there.
 */
function rewriteStencil(context: PDFContext, original: PDFRawStream, decoded: PdfJsImage, rects: readonly PixelRect[]): PDFRawStream {
  const { width, height } = decoded;
  const bits = bitsWithRects(decoded, rects, 1);
  const interpolate = resolve(context, original.dict.get(PDFName.of('Interpolate')));
  return context.stream(deflateSync(bits, IMAGE_DEFLATE), {
    Type: 'XObject',
    Subtype: 'Image',
    Width: width,
    Height: height,
    BitsPerComponent: 1,
    ImageMask: true,
    Filter: 'FlateDecode',
    ...(interpolate instanceof PDFBool ? { Interpolate: interpolate } : {}),
  }) as PDFRawStream;
}

/**
 * A one-bit image as pdf.js decoded it (a CCITT or JBIG2 scan, a stencil mask: rows padded to
 * whole bytes, 1 = white), black under the rectangles, written as one-bit grey: the same pixels
 * as the eight-bit grey it was written as before, in an eighth of the samples (a 300 dpi page is
 * 1.1 MB to hold and verify instead of 8.7 MB, and the file grows less).
 */
function rewriteBilevel(context: PDFContext, decoded: PdfJsImage, rects: readonly PixelRect[]): PDFRawStream {
  const { width, height } = decoded;
  const bits = bitsWithRects(decoded, rects, 0);
  return context.stream(deflateSync(bits, IMAGE_DEFLATE), { Type: 'XObject', Subtype: 'Image', Width: width, Height: height, BitsPerComponent: 1, ColorSpace: 'DeviceGray', Filter: 'FlateDecode' }) as PDFRawStream;
}

/** An image pdf.js decoded (masks applied), destroyed under the rectangles and written as RGB or grey. */
function rewriteFromPdfJs(context: PDFContext, decoded: PdfJsImage, rects: readonly PixelRect[]): PDFRawStream {
  const { width, height } = decoded;
  if (decoded.kind === 1) return rewriteBilevel(context, decoded, rects);
  const { pixels, components, alpha } = fromPdfJs(decoded);
  for (const r of rects) for (let y = r.y0; y < r.y1; y++) pixels.fill(0, (y * width + r.x0) * components, (y * width + r.x1) * components);
  const image = context.stream(deflateSync(pixels, IMAGE_DEFLATE), {
    Type: 'XObject',
    Subtype: 'Image',
    Width: width,
    Height: height,
    BitsPerComponent: 8,
    ColorSpace: components === 1 ? 'DeviceGray' : 'DeviceRGB',
    Filter: 'FlateDecode',
  }) as PDFRawStream;
  // pdf.js applied the masks already: its alpha becomes the new soft mask, opaque under the boxes.
  if (alpha) {
    for (const r of rects) for (let y = r.y0; y < r.y1; y++) alpha.fill(255, y * width + r.x0, y * width + r.x1);
    const maskStream = context.stream(deflateSync(alpha, IMAGE_DEFLATE), { Type: 'XObject', Subtype: 'Image', Width: width, Height: height, BitsPerComponent: 8, ColorSpace: 'DeviceGray', Filter: 'FlateDecode' });
    image.dict.set(PDFName.of('SMask'), context.register(maskStream));
  }
  return image;
}
