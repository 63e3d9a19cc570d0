import { inflateSync, deflateSync } from 'node:zlib';
import { PDFArray, PDFDict, PDFName, PDFRawStream, PDFRef, type PDFContext, type PDFDocument } from 'pdf-lib';
import { type PdfJsImage, pageImagesWithPdfJs, restoreNativeBuiltins } from '../../pdf/pdfjs.js';
import type { ImagePlacement, StreamTarget } from '../../pdf/interpret.js';
import { dictOf, get, MAX_DECODED_STREAM_BYTES, numberOf, resolve } from '../../pdf/objects.js';
import type { Box } from './select.js';

export class ImageRedactionError extends Error {}

type ImageDecoders = typeof import('pdfjs-dist/legacy/image_decoders/pdf.image_decoders.mjs');
let decoders: Promise<ImageDecoders> | undefined;
function imageDecoders(): Promise<ImageDecoders> {
  // Errors only: warnings about damaged image data would flood a batch's output.
  decoders ??= import('pdfjs-dist/legacy/image_decoders/pdf.image_decoders.mjs').then((m) => {
    restoreNativeBuiltins();
    m.setVerbosityLevel(m.VerbosityLevel.ERRORS);
    return m;
  });
  return decoders;
}

/** Undoes PNG predictors (DecodeParms /Predictor 10-15) row by row. */
export function unpredictPng(data: Uint8Array, colors: number, columns: number): Uint8Array {
  const bpp = colors;
  const rowLength = colors * columns;
  const rows = Math.floor(data.length / (rowLength + 1));
  const out = new Uint8Array(rows * rowLength);
  for (let r = 0; r < rows; r++) {
    const type = data[r * (rowLength + 1)] as number;
    const src = r * (rowLength + 1) + 1;
    const dst = r * rowLength;
    for (let i = 0; i < rowLength; i++) {
      const raw = data[src + i] as number;
      const left = i >= bpp ? (out[dst + i - bpp] as number) : 0;
      const up = r > 0 ? (out[dst - rowLength + i] as number) : 0;
      const upLeft = r > 0 && i >= bpp ? (out[dst - rowLength + i - bpp] as number) : 0;
      let value: number;
      switch (type) {
        case 0:
          value = raw;
          break;
        case 1:
          value = raw + left;
          break;
        case 2:
          value = raw + up;
          break;
        case 3:
          value = raw + ((left + up) >> 1);
          break;
        case 4: {
          const p = left + up - upLeft;
          const pa = Math.abs(p - left);
          const pb = Math.abs(p - up);
          const pc = Math.abs(p - upLeft);
          value = raw + (pa <= pb && pa <= pc ? left : pb <= pc ? up : upLeft);
          break;
        }
        default:
          throw new ImageRedactionError(`unknown PNG predictor ${type}`);
      }
      out[dst + i] = value & 0xff;
    }
  }
  return out;
}

interface Decoded {
  readonly pixels: Uint8Array;
  readonly components: number;
}

function colorComponents(context: PDFContext, dict: PDFDict): number {
  const cs = get(context, dict, 'ColorSpace');
  if (cs instanceof PDFName) {
    const name = cs.decodeText();
    if (name === 'DeviceGray' || name === 'CalGray') return 1;
    if (name === 'DeviceRGB' || name === 'CalRGB') return 3;
    throw new ImageRedactionError(`images in colour space ${name} are not supported`);
  }
  if (cs instanceof PDFArray) {
    const family = resolve(context, cs.get(0));
    if (family instanceof PDFName && family.decodeText() === 'ICCBased') {
      const n = numberOf(context, dictOf(context, cs.get(1)), 'N');
      if (n === 1 || n === 3) return n;
    }
  }
  throw new ImageRedactionError('images in this colour space are not supported');
}

async function decodeImage(context: PDFContext, stream: PDFRawStream): Promise<Decoded> {
  const dict = stream.dict;
  const width = numberOf(context, dict, 'Width') ?? 0;
  const height = numberOf(context, dict, 'Height') ?? 0;
  if (get(context, dict, 'ImageMask')) throw new ImageRedactionError('image masks are not supported');
  // A decode array other than the identity ([0 1 0 1 ...]) changes what black means.
  const decode = get(context, dict, 'Decode');
  if (decode instanceof PDFArray && decode.asArray().some((v, i) => Number((resolve(context, v) as { asNumber?: () => number })?.asNumber?.()) !== i % 2)) {
    throw new ImageRedactionError('images with an inverting decode array are not supported');
  }
  if ((numberOf(context, dict, 'BitsPerComponent') ?? 8) !== 8) throw new ImageRedactionError('only 8-bit images are supported');
  const filterObj = get(context, dict, 'Filter');
  const filters = filterObj instanceof PDFName ? [filterObj.decodeText()] : filterObj instanceof PDFArray ? filterObj.asArray().map((f) => (resolve(context, f) as PDFName).decodeText()) : [];
  let data = stream.contents;
  for (const [k, filter] of filters.entries()) {
    if (filter === 'FlateDecode') {
      data = new Uint8Array(inflateSync(data, { maxOutputLength: MAX_DECODED_STREAM_BYTES }));
      const parms = dictOf(context, dict.get(PDFName.of('DecodeParms')));
      const predictor = numberOf(context, parms, 'Predictor') ?? 1;
      if (predictor >= 10 && k === filters.length - 1) {
        data = unpredictPng(data, numberOf(context, parms, 'Colors') ?? colorComponents(context, dict), numberOf(context, parms, 'Columns') ?? width);
      } else if (predictor !== 1 && k === filters.length - 1) throw new ImageRedactionError(`predictor ${predictor} is not supported`);
    } else if (filter === 'DCTDecode' && k === filters.length - 1) {
      const { JpegImage } = await imageDecoders();
      const jpeg = new JpegImage();
      let pixels: Uint8ClampedArray;
      try {
        jpeg.parse(data);
        pixels = jpeg.getData({ width, height, forceRGB: false, isSourcePDF: true });
      } catch (error) {
        throw new ImageRedactionError(`the JPEG data cannot be decoded (${(error as Error).name})`);
      }
      const components = pixels.length / (width * height);
      if (components !== 1 && components !== 3) throw new ImageRedactionError('CMYK JPEG images are not supported');
      return { pixels: new Uint8Array(pixels), components };
    } else throw new ImageRedactionError(`images encoded with ${filter} are not supported`);
  }
  const components = colorComponents(context, dict);
  if (data.length < width * height * components) throw new ImageRedactionError('the image data is shorter than its size');
  return { pixels: data, components };
}

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

/**
 * Destroys the pixels under the boxes in every image a box overlaps: decoded, overwritten with
 * black, re-encoded losslessly (Flate) and put in place of the original, which is left unreachable
 * and swept. Images that cannot be decoded exactly make the whole document fail (fail closed).
 */
/** Per content stream, the image names to point at new (redacted) image objects. */
export type ImageOverrides = Map<StreamTarget, Map<string, PDFRef>>;

/** pdf.js's decoded image as 8-bit pixels: grey or RGB, plus alpha where it has one. */
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
  if (kind === 1) {
    // 1 bit per pixel, rows padded to whole bytes, 1 = white.
    const rowBytes = (width + 7) >> 3;
    const pixels = new Uint8Array(width * height);
    for (let y = 0; y < height; y++) {
      for (let x = 0; x < width; x++) pixels[y * width + x] = ((data[y * rowBytes + (x >> 3)] as number) >> (7 - (x & 7))) & 1 ? 255 : 0;
    }
    return { pixels, components: 1 };
  }
  throw new ImageRedactionError(`pdf.js image kind ${kind} is not supported`);
}

/**
 * Destroys the pixels under the boxes in every image a box overlaps: decoded (by our decoders, or
 * by pdf.js for CCITT, JBIG2, JPX, indexed and 1-bit images), overwritten with black, re-encoded
 * losslessly (Flate) and put in place of the original, which is left unreachable and swept.
 * Images that cannot be decoded exactly make the whole document fail (fail closed).
 */
export async function destroyImagePixels(pdf: PDFDocument, placements: readonly ImagePlacement[], boxes: readonly Box[], source?: Uint8Array): Promise<ImageOverrides> {
  const context = pdf.context;
  const overrides: ImageOverrides = new Map();
  const viaPdfJs = new Map<number, Promise<Map<string, PdfJsImage>>>();
  for (const placement of placements) {
    // The image as the content stream that draws it names it: in the page's or the form's resources.
    const xobjects = dictOf(context, placement.target.resources?.get(PDFName.of('XObject')));
    const raw = xobjects?.get(PDFName.of(placement.name));
    const stream = resolve(context, raw);
    if (!(stream instanceof PDFRawStream)) throw new ImageRedactionError('an image under a redaction cannot be read');
    let width = numberOf(context, stream.dict, 'Width') ?? 0;
    let height = numberOf(context, stream.dict, 'Height') ?? 0;
    if (imagePixelRects(placement, boxes, width, height).length === 0) continue;
    let decoded: { pixels: Uint8Array; components: number; alpha?: Uint8Array };
    let usesPdfJs = false;
    try {
      decoded = await decodeImage(context, stream);
    } catch (error) {
      // Our decoders know Flate and JPEG; pdf.js decodes the rest, keyed by object reference.
      if (!(error instanceof ImageRedactionError) || !source || !(raw instanceof PDFRef)) throw error;
      let images = viaPdfJs.get(placement.pageIndex);
      if (!images) viaPdfJs.set(placement.pageIndex, (images = pageImagesWithPdfJs(source, placement.pageIndex)));
      const image = (await images).get(`${raw.objectNumber}R`) ?? (await images).get(`${raw.objectNumber}R${raw.generationNumber}`);
      if (!image) throw error;
      decoded = fromPdfJs(image);
      width = image.width;
      height = image.height;
      usesPdfJs = true;
    }
    const rects = imagePixelRects(placement, boxes, width, height);
    const { pixels, components } = decoded;
    for (const r of rects) {
      for (let y = r.y0; y < r.y1; y++) pixels.fill(0, (y * width + r.x0) * components, (y * width + r.x1) * components);
    }
    const image = context.stream(deflateSync(pixels), {
      Type: 'XObject',
      Subtype: 'Image',
      Width: width,
      Height: height,
      BitsPerComponent: 8,
      ColorSpace: components === 1 ? 'DeviceGray' : 'DeviceRGB',
      Filter: 'FlateDecode',
    });
    // pdf.js applied the masks already: its alpha becomes the new soft mask, opaque under the boxes.
    if (usesPdfJs && decoded.alpha) {
      const alpha = decoded.alpha;
      for (const r of rects) for (let y = r.y0; y < r.y1; y++) alpha.fill(255, y * width + r.x0, y * width + r.x1);
      const maskStream = context.stream(deflateSync(alpha), { Type: 'XObject', Subtype: 'Image', Width: width, Height: height, BitsPerComponent: 8, ColorSpace: 'DeviceGray', Filter: 'FlateDecode' });
      image.dict.set(PDFName.of('SMask'), context.register(maskStream));
    }
    // A soft mask could hold the same shapes: it is rewritten too, opaque under the boxes.
    const smask = usesPdfJs ? undefined : resolve(context, stream.dict.get(PDFName.of('SMask')));
    if (smask instanceof PDFRawStream) {
      const mw = numberOf(context, smask.dict, 'Width') ?? width;
      const mh = numberOf(context, smask.dict, 'Height') ?? height;
      const mask = await decodeImage(context, smask);
      if (mask.components !== 1) throw new ImageRedactionError('a soft mask with colour cannot be rewritten');
      for (const r of rects) {
        const x0 = Math.floor((r.x0 * mw) / width);
        const x1 = Math.ceil((r.x1 * mw) / width);
        for (let y = Math.floor((r.y0 * mh) / height); y < Math.ceil((r.y1 * mh) / height); y++) mask.pixels.fill(255, y * mw + x0, y * mw + x1);
      }
      const maskStream = context.stream(deflateSync(mask.pixels), { Type: 'XObject', Subtype: 'Image', Width: mw, Height: mh, BitsPerComponent: 8, ColorSpace: 'DeviceGray', Filter: 'FlateDecode' });
      image.dict.set(PDFName.of('SMask'), context.register(maskStream));
    }
    const ref = context.register(image);
    // Copy the resources so pages sharing them keep their own (unredacted) image reference.
    // The resources that name it are copied when the stream is rewritten (pages and forms may share them).
    let names = overrides.get(placement.target);
    if (!names) overrides.set(placement.target, (names = new Map()));
    names.set(placement.name, ref);
  }
  return overrides;
}
