import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { inflateWhole } from './banded-flate.js';
import { decodeJpegNatively } from './jpeg.js';
import { PDFArray, PDFDict, PDFHexString, PDFName, PDFNumber, PDFRawStream, PDFStream, PDFString, type PDFContext, type PDFObject } from 'pdf-lib';
import { restoreNativeBuiltins } from '../../pdf/pdfjs.js';
import { dictOf, get, MAX_DECODED_STREAM_BYTES, numberOf, resolve, streamBytes } from '../../pdf/objects.js';

/**
 * An image's samples decoded to the colour space the PDF gives them (no conversion), rows packed as
 * PDF packs them, so that writing them back with Flate is lossless and keeps palette, depth, decode
 * array and mask semantics: an indexed 8-bit strip stays an indexed 8-bit strip, a JBIG2 stencil a
 * 1-bit stencil.
 */
export interface Raster {
  readonly width: number;
  readonly height: number;
  readonly bitsPerComponent: number;
  readonly components: number;
  readonly samples: Uint8Array;
  /** Per component, the sample value a destroyed pixel gets (dark, or unpainted for a stencil mask). */
  readonly ink: readonly number[];
  /** Entries of the image dictionary to write besides the stream's own (Filter, Length, masks). */
  readonly entries: ReadonlyMap<string, PDFObject>;
}

export class ImageRedactionError extends Error {}

type ImageDecoders = typeof import('pdfjs-dist/legacy/image_decoders/pdf.image_decoders.mjs');
let decoders: Promise<ImageDecoders> | undefined;
/** OpenJPEG compiled once, held only so that its code stays (see imageDecoders). */
const compiledOpenJpeg: object[] = [];
/** The global WebAssembly object (the types this project builds with declare only its namespace). */
const wasmApi = (globalThis as unknown as { WebAssembly: { Module: new (bytes: Uint8Array) => object } }).WebAssembly;
/** pdf.js's JPEG, JPEG 2000 and JBIG2 decoders on their own; OpenJPEG's wasm read from node_modules. */
export function imageDecoders(): Promise<ImageDecoders> {
  // Errors only: warnings about damaged image data would flood a batch's output.
  decoders ??= import('pdfjs-dist/legacy/image_decoders/pdf.image_decoders.mjs').then((m) => {
    restoreNativeBuiltins();
    m.setVerbosityLevel(m.VerbosityLevel.ERRORS);
    let wasm: Uint8Array | undefined;
    const handler = {
      sendWithPromise: async () => {
        if (!wasm) {
          wasm = new Uint8Array(readFileSync(createRequire(import.meta.url).resolve('pdfjs-dist/wasm/openjpeg.wasm')));
          // Kept compiled: V8 reuses a live module's code (tiered up) for the same bytes, so each
          // instance after releaseImageDecoders is not compiled again (0.3-0.5 CPU s a JPEG 2000 file).
          compiledOpenJpeg.push(new wasmApi.Module(wasm));
        }
        return wasm;
      },
    };
    m.JpxImage.setOptions({ handler, useWasm: true, useWorkerFetch: false, wasmUrl: '' });
    return m;
  });
  return decoders;
}

/**
 * Lets the JPEG 2000 decoder's WebAssembly instance go: its memory only grows (about 130 MB after
 * a 300 dpi colour page) and would stay for the life of the process. The next JPEG 2000 image
 * instantiates it again from the bytes already read and the code already compiled (milliseconds).
 */
export async function releaseImageDecoders(): Promise<void> {
  const m = await decoders;
  (m?.JpxImage as unknown as { cleanup: () => void } | undefined)?.cleanup();
}

/** Whether an image stream is JPEG 2000: its decoder holds 4-5 bytes a sample while it works. */
export function isJpx(context: PDFContext, stream: PDFStream): boolean {
  return filterNames(context, stream.dict).includes('JPXDecode');
}

/** A stream's filters in order, by their full names (abbreviations of inline images spelt out). */
export function filterNames(context: PDFContext, dict: PDFDict): string[] {
  return filtersOf(context, dict).filters;
}

/** Undoes PNG predictors (DecodeParms /Predictor 10-15) row by row, for any bit depth. */
export function unpredictPng(data: Uint8Array, colors: number, columns: number, bitsPerComponent = 8): Uint8Array {
  const bpp = Math.max(1, Math.ceil((colors * bitsPerComponent) / 8));
  const rowLength = Math.ceil((colors * columns * bitsPerComponent) / 8);
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

/** Undoes the TIFF predictor (DecodeParms /Predictor 2) for 8-bit samples. */
function unpredictTiff(data: Uint8Array, colors: number, columns: number, bitsPerComponent: number): Uint8Array {
  if (bitsPerComponent !== 8) throw new ImageRedactionError('the TIFF predictor is supported for 8-bit images only');
  const rowLength = colors * columns;
  const out = new Uint8Array(data);
  for (let start = 0; start + rowLength <= out.length; start += rowLength) {
    for (let i = colors; i < rowLength; i++) out[start + i] = ((out[start + i] as number) + (out[start + i - colors] as number)) & 0xff;
  }
  return out;
}

const FILTER_ALIASES: Record<string, string> = { Fl: 'FlateDecode', DCT: 'DCTDecode', AHx: 'ASCIIHexDecode', A85: 'ASCII85Decode', LZW: 'LZWDecode', RL: 'RunLengthDecode', CCF: 'CCITTFaxDecode' };

function filtersOf(context: PDFContext, dict: PDFDict): { filters: string[]; parms: (PDFDict | undefined)[] } {
  const filterObj = get(context, dict, 'Filter');
  const raw = filterObj instanceof PDFName ? [filterObj] : filterObj instanceof PDFArray ? filterObj.asArray().map((f) => resolve(context, f)) : [];
  const filters = raw.map((f) => {
    const name = f instanceof PDFName ? f.decodeText() : '';
    return FILTER_ALIASES[name] ?? name;
  });
  const parmsObj = get(context, dict, 'DecodeParms') ?? get(context, dict, 'DP');
  const parms = parmsObj instanceof PDFArray ? parmsObj.asArray().map((p) => dictOf(context, p)) : [dictOf(context, parmsObj)];
  return { filters, parms };
}

/** Components per pixel of a colour space (resolved), or undefined when it cannot be told. */
function componentCount(context: PDFContext, cs: PDFObject | undefined): number | undefined {
  if (cs instanceof PDFName) {
    const name = cs.decodeText();
    if (name === 'DeviceGray' || name === 'CalGray' || name === 'G' || name === 'Pattern') return 1;
    if (name === 'DeviceRGB' || name === 'CalRGB' || name === 'RGB' || name === 'Lab') return 3;
    if (name === 'DeviceCMYK' || name === 'CMYK') return 4;
    return undefined;
  }
  if (!(cs instanceof PDFArray)) return undefined;
  const family = resolve(context, cs.get(0));
  const name = family instanceof PDFName ? family.decodeText() : '';
  if (name === 'ICCBased') return numberOf(context, dictOf(context, cs.get(1)), 'N');
  if (name === 'Indexed' || name === 'I' || name === 'Separation') return 1;
  if (name === 'DeviceN') {
    const names = resolve(context, cs.get(1));
    return names instanceof PDFArray ? names.size() : undefined;
  }
  if (name === 'CalGray') return 1;
  if (name === 'CalRGB' || name === 'Lab') return 3;
  return undefined;
}

/** The dark sample value of each component in a colour space (before any decode array). */
function darkInk(context: PDFContext, cs: PDFObject | undefined, components: number, max: number): number[] {
  const family = cs instanceof PDFArray ? resolve(context, cs.get(0)) : cs;
  const name = family instanceof PDFName ? family.decodeText() : '';
  if (name === 'DeviceCMYK' || name === 'CMYK' || (name === 'ICCBased' && components === 4)) return [0, 0, 0, max];
  if (name === 'Separation' || name === 'DeviceN') return new Array(components).fill(max);
  if ((name === 'Indexed' || name === 'I') && cs instanceof PDFArray) return [darkestIndex(context, cs, max)];
  return new Array(components).fill(0);
}

/** The palette entry with the least total intensity (for RGB or grey bases), else entry 0. */
function darkestIndex(context: PDFContext, cs: PDFArray, max: number): number {
  const base = resolve(context, cs.get(1));
  const baseComponents = componentCount(context, base);
  const hival = Math.min(max, (resolve(context, cs.get(2)) as PDFNumber | undefined)?.asNumber?.() ?? 0);
  const lookupObj = resolve(context, cs.get(3));
  if (!baseComponents || !(base instanceof PDFName || base instanceof PDFArray) || componentCount(context, base) === 4) return 0;
  let lookup: Uint8Array;
  try {
    lookup = lookupObj instanceof PDFStream ? streamBytes(lookupObj) : lookupObj instanceof PDFString || lookupObj instanceof PDFHexString ? lookupObj.asBytes() : new Uint8Array(0);
  } catch {
    return 0;
  }
  let best = 0;
  let bestSum = Number.POSITIVE_INFINITY;
  for (let i = 0; i <= hival; i++) {
    let sum = 0;
    for (let c = 0; c < baseComponents; c++) sum += lookup[i * baseComponents + c] ?? 255;
    if (sum < bestSum) {
      bestSum = sum;
      best = i;
    }
  }
  return best;
}

/** Decode arrays that swap a component's range invert what its dark sample is. */
function applyDecodeToInk(context: PDFContext, dict: PDFDict, ink: number[], max: number): number[] {
  const decode = get(context, dict, 'Decode');
  if (!(decode instanceof PDFArray)) return ink;
  const values = decode.asArray().map((v) => (resolve(context, v) as PDFNumber | undefined)?.asNumber?.() ?? 0);
  return ink.map((v, c) => ((values[2 * c] ?? 0) > (values[2 * c + 1] ?? 1) ? max - v : v));
}

const KEEP_OUT = new Set(['Length', 'Filter', 'DecodeParms', 'DP', 'F', 'FFilter', 'FDecodeParms', 'SMask', 'Mask', 'Metadata', 'SMaskInData', 'Alternates', 'OPI']);

function entriesOf(dict: PDFDict): Map<string, PDFObject> {
  const out = new Map<string, PDFObject>();
  for (const [key, value] of dict.entries()) if (!KEEP_OUT.has(key.decodeText())) out.set(key.decodeText(), value);
  return out;
}

export interface DecodeOptions {
  /**
   * JPEG through libjpeg-turbo (jpeg.ts) where it can: for OCR's page images, where its speed
   * counts, and for the images a redaction rewrites where the allocator gives large buffers back
   * (allocatorReturnsLargeBuffers).
   */
  readonly nativeJpeg?: boolean;
}

/**
 * Decodes an image XObject (or a soft mask or stencil mask) into its samples. Flate (with PNG or
 * TIFF predictors), JPEG, JPEG 2000 and JBIG2 are decoded here; other filters (CCITT, LZW, ...)
 * throw ImageRedactionError. `role` says what the image is: a stencil mask gets "unpainted" as
 * its ink, a soft mask "opaque".
 */
export async function decodeRaster(context: PDFContext, stream: PDFStream, role: 'image' | 'smask' | 'stencil' = 'image', options: DecodeOptions = {}): Promise<Raster> {
  if (!(stream instanceof PDFRawStream)) throw new ImageRedactionError('an image stream that cannot be read');
  const dict = stream.dict;
  const width = numberOf(context, dict, 'Width') ?? 0;
  const height = numberOf(context, dict, 'Height') ?? 0;
  if (width <= 0 || height <= 0 || width * height > MAX_DECODED_STREAM_BYTES) throw new ImageRedactionError('an image of impossible size');
  const stencil = role === 'stencil' || get(context, dict, 'ImageMask')?.toString() === 'true';
  const cs = get(context, dict, 'ColorSpace');
  const entries = entriesOf(dict);
  const { filters, parms } = filtersOf(context, dict);
  let data: Uint8Array = stream.contents;
  let bitsPerComponent = stencil ? 1 : (numberOf(context, dict, 'BitsPerComponent') ?? 8);
  let components = stencil ? 1 : componentCount(context, cs);
  for (const [k, filter] of filters.entries()) {
    const last = k === filters.length - 1;
    const p = parms[k];
    if (filter === 'FlateDecode') {
      try {
        // The samples' size (a row's predictor byte included), when they are what Flate holds:
        // inflated into one buffer. Before another filter, the size is not known.
        const expected = last ? (Math.ceil((width * (components ?? 1) * bitsPerComponent) / 8) + 1) * height : 0;
        data = inflateWhole(data, expected, MAX_DECODED_STREAM_BYTES);
      } catch (error) {
        throw new ImageRedactionError(`the image's compressed data cannot be read (${(error as Error).name})`);
      }
      const predictor = numberOf(context, p, 'Predictor') ?? 1;
      const colors = numberOf(context, p, 'Colors') ?? 1;
      const bpc = numberOf(context, p, 'BitsPerComponent') ?? 8;
      const columns = numberOf(context, p, 'Columns') ?? 1;
      if (predictor >= 10) data = unpredictPng(data, colors, columns, bpc);
      else if (predictor === 2) data = unpredictTiff(data, colors, columns, bpc);
      else if (predictor !== 1) throw new ImageRedactionError(`predictor ${predictor} is not supported`);
      continue;
    }
    if (!last) throw new ImageRedactionError(`images encoded with ${filter} before another filter are not supported`);
    if (filter === 'DCTDecode' && options.nativeJpeg) {
      const native = await decodeJpegNatively(data, width, height, get(context, p, 'ColorTransform') !== undefined);
      if (native) {
        if (components !== undefined && components !== native.components) throw new ImageRedactionError('a JPEG image whose components do not match its colour space');
        data = native.samples;
        components = native.components;
        bitsPerComponent = 8;
        continue;
      }
    }
    const lib = await imageDecoders();
    if (filter === 'DCTDecode') {
      const jpeg = new lib.JpegImage();
      let pixels: Uint8ClampedArray;
      try {
        jpeg.parse(data);
        pixels = jpeg.getData({ width, height, forceRGB: false, isSourcePDF: true });
      } catch (error) {
        throw new ImageRedactionError(`the JPEG data cannot be decoded (${(error as Error).name})`);
      }
      const n = pixels.length / (width * height);
      // Adobe's CMYK JPEGs come inverted; what pdf.js gives back is not what the PDF's samples mean.
      if (n !== 1 && n !== 3) throw new ImageRedactionError('CMYK JPEG images are not supported');
      if (components !== undefined && components !== n) throw new ImageRedactionError('a JPEG image whose components do not match its colour space');
      data = new Uint8Array(pixels.buffer, pixels.byteOffset, pixels.length);
      components = n;
      bitsPerComponent = 8;
    } else if (filter === 'JPXDecode') {
      if (get(context, dict, 'SMaskInData')?.toString() === '1' || stencil) throw new ImageRedactionError('JPEG 2000 images with their mask inside are not supported');
      let props: { width: number; height: number; componentsCount: number };
      try {
        props = lib.JpxImage.parseImageProperties(data);
      } catch (error) {
        throw new ImageRedactionError(`the JPEG 2000 data cannot be decoded (${(error as Error).name})`);
      }
      const indexed = cs instanceof PDFArray && ['Indexed', 'I'].includes((resolve(context, cs.get(0)) as PDFName | undefined)?.decodeText?.() ?? '');
      const n = indexed ? 1 : (components ?? props.componentsCount);
      let pixels: Uint8ClampedArray;
      try {
        pixels = await lib.JpxImage.decode(data, { numComponents: n, isIndexedColormap: indexed });
      } catch (error) {
        throw new ImageRedactionError(`the JPEG 2000 data cannot be decoded (${(error as Error).name})`);
      }
      restoreNativeBuiltins();
      if (pixels.length !== width * height * n) throw new ImageRedactionError('a JPEG 2000 image whose size does not match its dictionary');
      data = new Uint8Array(pixels.buffer, pixels.byteOffset, pixels.length);
      components = n;
      bitsPerComponent = 8;
      // JPEG 2000 carries its own colour space; the rewritten image must say it.
      if (!cs) entries.set('ColorSpace', PDFName.of(n === 1 ? 'DeviceGray' : n === 3 ? 'DeviceRGB' : 'DeviceCMYK'));
      entries.delete('Decode');
    } else if (filter === 'JBIG2Decode') {
      const globals = resolve(context, p?.get(PDFName.of('JBIG2Globals')));
      const chunks: { data: Uint8Array; start: number; end: number }[] = [];
      if (globals instanceof PDFStream) {
        const g = streamBytes(globals);
        chunks.push({ data: g, start: 0, end: g.length });
      }
      chunks.push({ data, start: 0, end: data.length });
      let bits: Uint8Array;
      try {
        bits = new lib.Jbig2Image().parseChunks(chunks);
      } catch (error) {
        throw new ImageRedactionError(`the JBIG2 data cannot be decoded (${(error as Error).name})`);
      }
      // JBIG2's 1 is black, PDF's 1-bit sample 1 is white (or unpainted for a stencil).
      data = bits.map((b) => b ^ 0xff);
      components = 1;
      bitsPerComponent = 1;
    } else {
      throw new ImageRedactionError(`images encoded with ${filter} are not supported`);
    }
  }
  if (components === undefined || components < 1) throw new ImageRedactionError('images in this colour space are not supported');
  if (![1, 2, 4, 8, 16].includes(bitsPerComponent)) throw new ImageRedactionError(`images with ${bitsPerComponent} bits per component are not supported`);
  const rowBytes = Math.ceil((width * components * bitsPerComponent) / 8);
  if (data.length < rowBytes * height) throw new ImageRedactionError('the image data is shorter than its size');
  entries.set('BitsPerComponent', PDFNumber.of(bitsPerComponent));
  if (stencil) entries.delete('ColorSpace');
  const max = bitsPerComponent === 16 ? 0xffff : (1 << bitsPerComponent) - 1;
  // Stencil: sample 1 (decode [0 1]) leaves the page unpainted; soft mask: the largest value is opaque.
  const base = stencil ? [max] : role === 'smask' ? [max] : darkInk(context, cs, components, max);
  const ink = role === 'smask' ? base : applyDecodeToInk(context, dict, base, max);
  return { width, height, bitsPerComponent, components, samples: data.length === rowBytes * height ? data : data.subarray(0, rowBytes * height), ink, entries };
}

/** A pixel rectangle of a raster, [x0, x1) x [y0, y1), rows from the top. */
export interface PixelRect {
  readonly x0: number;
  readonly y0: number;
  readonly x1: number;
  readonly y1: number;
}

/** Overwrites every sample of the rectangles with the raster's ink (in place; samples are a copy). */
export function destroyRects(raster: Raster, rects: readonly PixelRect[]): void {
  const { width, components, bitsPerComponent: bpc, samples, ink } = raster;
  const rowBytes = Math.ceil((width * components * bpc) / 8);
  const uniform = ink.every((v) => v === ink[0]);
  for (const r of rects) {
    for (let y = r.y0; y < r.y1; y++) {
      const row = y * rowBytes;
      if (bpc === 8) {
        if (uniform) samples.fill(ink[0] as number, row + r.x0 * components, row + r.x1 * components);
        else for (let x = r.x0; x < r.x1; x++) for (let c = 0; c < components; c++) samples[row + x * components + c] = ink[c] as number;
        continue;
      }
      for (let x = r.x0; x < r.x1; x++) {
        for (let c = 0; c < components; c++) {
          const value = ink[c] as number;
          const index = x * components + c;
          if (bpc === 16) {
            samples[row + index * 2] = value >> 8;
            samples[row + index * 2 + 1] = value & 0xff;
            continue;
          }
          const bit = index * bpc;
          const at = row + (bit >> 3);
          const shift = 8 - bpc - (bit & 7);
          const mask = ((1 << bpc) - 1) << shift;
          samples[at] = ((samples[at] as number) & ~mask) | ((value << shift) & mask);
        }
      }
    }
  }
}
