/**
 * Reads the pages of a PDF that have no text layer with OCR: the page images are decoded by pdf.js
 * from the file itself (JPEG, JPEG 2000, JBIG2, CCITT, Flate), turned upright, recognised, and
 * every character becomes a glyph in the page's user space, so the rest of the pipeline (layout,
 * detection, boxes, manifest) treats a scan as any other PDF.
 */
import { PDFArray, PDFHexString, PDFName, PDFNumber, PDFRawStream, PDFRef, PDFString, type PDFDocument } from 'pdf-lib';
import { UNREAD_IMAGE_MARK } from '../document/types.js';
import { releaseMemory } from '../pdf/memory.js';
import { isStencilMask } from '../redact/pdf/images.js';
import { inlineSamples } from '../redact/pdf/inline-images.js';
import { keepSamples } from '../redact/pdf/kept-samples.js';
import { decodeRaster, filterNames, ImageRedactionError, isJpx, type Raster, releaseImageDecoders } from '../redact/pdf/raster.js';
import type { GlyphTable } from '../pdf/glyph-table.js';
import type { ImagePlacement, Quad, StreamTarget } from '../pdf/interpret.js';
import { quadBounds } from '../pdf/interpret.js';
import { dictOf, get, nameText, resolve, streamBytes } from '../pdf/objects.js';
import { decodedImages, type PdfJsImage, withPdfJsDocument } from '../pdf/pdfjs.js';
import { mayHoldPrint } from './blank.js';
import { printLines, showsMoreThanLayer } from './print-lines.js';
import { closeIdleOcr, type GreyImage, ocrEngineRunning, type OcrLine, ocrStarted, recognizeLines, startOcr } from './engine.js';
import { type Orientation, orientationOf, sourceToUser, toSource, turnUpright, uprightTiles } from './orientation.js';
import { joinTiles, type TileGrid, tileGroups } from './tiles.js';
import { quarterTurnWords } from './quarter-turns.js';
import { ocrReduction, reduceImage } from './resolution.js';
import { readUpright, type Turn } from './turned-scans.js';

/** The words OCR put on one page, as runs of glyph indices (for the invisible text layer). */
export interface OcrPage {
  readonly pageIndex: number;
  /** Each word's glyphs (no spaces), in reading order; `lineEnd` on the last word of a line. */
  readonly words: readonly { readonly glyphs: readonly number[]; readonly lineEnd: boolean }[];
}

/** The stream target of OCR glyphs: they are in no content stream, only in the page's pixels. */
const OCR_TARGETS = new WeakSet<StreamTarget>();

/** Whether a glyph was read by OCR (it has no bytes in a content stream to remove). */
export function isOcrTarget(target: StreamTarget): boolean {
  return OCR_TARGETS.has(target);
}

function ocrTarget(): StreamTarget {
  const target: StreamTarget = { id: 'ocr', ops: [], resources: undefined };
  OCR_TARGETS.add(target);
  return target;
}

/** Smallest image worth reading: a logo or a rule is not a page of text. */
const MIN_PIXELS = 100 * 100;
const MIN_PAGE_FRACTION = 0.02;

/** Grey images of JPEG 2000 pages decoded ahead of OCR, at most (three 300 dpi A4 pages). */
const WAITING_BYTES = 27 << 20;

/** pdf.js's decoded image (or kind 0: 8-bit grey) as grey pixels (alpha over white). */
export function greyOf(image: PdfJsImage): GreyImage | undefined {
  const { width, height, kind, data } = image;
  if (kind === 0) return { width, height, pixels: data instanceof Uint8Array ? data : new Uint8Array(data.buffer, data.byteOffset, width * height) };
  return greyRegion(image, { x0: 0, y0: 0, x1: width, y1: height });
}

/** pdf.js's decoded image as an 8-bit grey one (kind 0), to join with others. */
function greyImage(image: PdfJsImage): PdfJsImage | undefined {
  const grey = greyOf(image);
  return grey && { width: grey.width, height: grey.height, kind: 0, data: grey.pixels };
}

/**
 * A rectangle of pdf.js's decoded image as grey pixels, converted as greyOf converts the whole
 * (verification reads a few boxed regions of a page: converting the page was most of its time).
 */
export function greyRegion(image: PdfJsImage, r: { readonly x0: number; readonly y0: number; readonly x1: number; readonly y1: number }): GreyImage | undefined {
  const { width, kind, data } = image;
  const w = r.x1 - r.x0;
  const h = r.y1 - r.y0;
  const pixels = new Uint8Array(w * h);
  if (kind === 0) {
    for (let y = 0; y < h; y++) pixels.set(data.subarray((r.y0 + y) * width + r.x0, (r.y0 + y) * width + r.x1), y * w);
  } else if (kind === 1) {
    const rowBytes = (width + 7) >> 3;
    for (let y = 0; y < h; y++) {
      const row = (r.y0 + y) * rowBytes;
      for (let x = 0; x < w; x++) {
        const sx = r.x0 + x;
        pixels[y * w + x] = ((data[row + (sx >> 3)] as number) >> (7 - (sx & 7))) & 1 ? 255 : 0;
      }
    }
  } else if (kind === 2) {
    for (let y = 0; y < h; y++) {
      let j = ((r.y0 + y) * width + r.x0) * 3;
      const out = y * w;
      for (let x = 0; x < w; x++, j += 3) pixels[out + x] = ((data[j] as number) * 77 + (data[j + 1] as number) * 150 + (data[j + 2] as number) * 29) >> 8;
    }
  } else if (kind === 3) {
    for (let y = 0; y < h; y++) {
      let j = ((r.y0 + y) * width + r.x0) * 4;
      const out = y * w;
      for (let x = 0; x < w; x++, j += 4) {
        const grey = ((data[j] as number) * 77 + (data[j + 1] as number) * 150 + (data[j + 2] as number) * 29) >> 8;
        pixels[out + x] = 255 - ((255 - grey) * (data[j + 3] as number)) / 255;
      }
    }
  } else return undefined;
  return { width: w, height: h, pixels };
}

/**
 * The image in grey and upright, as turnUpright(greyOf(image)) gives it: an RGB page (a colour
 * scan) is converted and turned in one pass, without a grey copy in between.
 */
export function uprightGrey(image: PdfJsImage, o: Orientation): GreyImage | undefined {
  const [a, b, c, d] = o.m;
  if (image.kind !== 2 || (a === 1 && b === 0 && c === 0 && d === 1)) {
    const grey = greyOf(image);
    return grey && turnUpright(o, grey);
  }
  const { width, height } = o;
  const words = quarterTurnWords(o, image.data, 3);
  if (words) return { width, height, pixels: words };
  const out = new Uint8Array(width * height);
  const data = image.data;
  uprightTiles(o, image.width, (at, count, from, step) => {
    const step3 = step * 3;
    for (let k = 0, j = from * 3; k < count; k++, j += step3) out[at + k] = ((data[j] as number) * 77 + (data[j + 1] as number) * 150 + (data[j + 2] as number) * 29) >> 8;
  });
  return { width, height, pixels: out };
}

/** The object reference of an image XObject as the drawing stream names it. */
export function imageRef(pdf: PDFDocument, placement: ImagePlacement): PDFRef | undefined {
  const xobjects = dictOf(pdf.context, placement.target.resources?.get(PDFName.of('XObject')));
  const raw = xobjects?.get(PDFName.of(placement.name));
  return raw instanceof PDFRef ? raw : undefined;
}

/**
 * Finds each placement's decoded image: by reference, or for stencil masks (given in drawing
 * order) the next one of the stream's size (pdf.js leaves tiny ones grouped out of the list).
 * Call it for a page's placements in drawing order.
 */
export function imageMatcher(pdf: PDFDocument, decoded: { images: Map<string, PdfJsImage>; masks: PdfJsImage[] }): (placement: ImagePlacement) => PdfJsImage | undefined {
  let nextMask = 0;
  return (placement) => {
    const ref = imageRef(pdf, placement);
    if (!ref) return undefined;
    if (!isStencil(pdf, ref)) return refKeys(ref).map((k) => decoded.images.get(k)).find((i) => i !== undefined);
    const dict = (pdf.context.lookup(ref) as PDFRawStream).dict;
    const size = (key: string) => (dict.get(PDFName.of(key)) as { asNumber?: () => number } | undefined)?.asNumber?.();
    const at = decoded.masks.findIndex((m, i) => i >= nextMask && m.width === size('Width') && m.height === size('Height'));
    if (at < 0) return undefined;
    nextMask = at + 1;
    return decoded.masks[at];
  };
}

function isStencil(pdf: PDFDocument, ref: PDFRef): boolean {
  const stream = pdf.context.lookup(ref);
  return stream instanceof PDFRawStream && isStencilMask(pdf.context, stream);
}

function refKeys(ref: PDFRef): string[] {
  return [`${ref.objectNumber}R`, `${ref.objectNumber}R${ref.generationNumber}`];
}

/** Pushes one OCR line's characters as glyphs; returns the words' glyph indices (exported for tests). */
export function pushLine(
  glyphs: GlyphTable,
  target: StreamTarget,
  pageIndex: number,
  line: OcrLine,
  toUser: (X: number, Y: number) => [number, number],
  pointsPerPixel: number,
): number[][] {
  const { baseline } = line;
  const slope = baseline.x1 !== baseline.x0 ? (baseline.y1 - baseline.y0) / (baseline.x1 - baseline.x0) : 0;
  const baseAt = (X: number) => baseline.y0 + (X - baseline.x0) * slope;
  const words: number[][] = [];
  let previous: { x: number; top: number; bottom: number; size: number } | undefined;
  for (const word of line.words) {
    const { bbox } = word;
    const base = Math.max(baseAt((bbox.x0 + bbox.x1) / 2), bbox.y0 + 1);
    // Tesseract's boxes hug the ink: the box takes in the line's ascenders and descenders and a
    // margin, so no stroke of a letter is left outside it.
    const xHeight = Math.max(1, base - bbox.y0);
    const top = bbox.y0 - 0.2 * xHeight;
    const bottom = Math.max(bbox.y1, base + 0.35 * xHeight) + 0.1 * xHeight;
    const size = (bottom - top) * pointsPerPixel;
    const margin = 0.08 * xHeight;
    const symbols = word.symbols.length > 0 ? word.symbols : [{ text: word.text, bbox }];
    if (previous) {
      // An explicit space between words: the layout then needs no guess about gaps.
      const x0 = previous.x;
      const x1 = Math.max(x0, bbox.x0 - margin);
      pushGlyph(glyphs, target, pageIndex, ' ', x0, x1, Math.min(top, previous.top), Math.max(bottom, previous.bottom), baseAt, toUser, Math.max(size, previous.size));
    }
    const indices: number[] = [];
    // Tesseract's character boxes overlap and can be out of order ("(" after "V", a "V" as wide as
    // "VN"): each glyph's box keeps them (a redaction covers all of a character's ink), but its
    // pen runs from where the previous one's ended, so the characters of a word follow one
    // another without a gap or a step back, which reading would take for a space or a new line.
    const first = Math.min((symbols[0] as { bbox: { x0: number } }).bbox.x0, bbox.x0) - margin;
    const last = Math.max((symbols[symbols.length - 1] as { bbox: { x1: number } }).bbox.x1, bbox.x1) + margin;
    let pen = first;
    // Before closing punctuation ("Yılmaz,", "Velde-Bos.") Tesseract puts a letter's box left of
    // its ink, and the punctuation's box over the rest of it: the last letter or digit of a word
    // reaches to the word's end, or a redaction ending there leaves part of that letter standing.
    const lastLetter = symbols.findLastIndex((symbol) => /[\p{L}\p{N}]/u.test(symbol.text));
    symbols.forEach((symbol, k) => {
      const next = symbols[k + 1];
      const x0 = k === 0 ? first : symbol.bbox.x0;
      const x1 = next && k !== lastLetter ? Math.max(symbol.bbox.x1, next.bbox.x0) : last;
      const penEnd = next ? Math.min(last, Math.max(pen, next.bbox.x0)) : last;
      indices.push(pushGlyph(glyphs, target, pageIndex, symbol.text, x0, Math.max(x1, x0 + 0.5), top, bottom, baseAt, toUser, size, pen, penEnd));
      pen = penEnd;
    });
    words.push(indices);
    previous = { x: last, top, bottom, size };
  }
  return words;
}

/**
 * A glyph as large as an image OCR was unsure of (it reads as "…", in no word of the text layer):
 * with the page's text under review (decide/unsure-pages.ts) its box covers the whole image, so
 * that what OCR did not read as words at all (handwriting, print it could not make out) is
 * withheld with the rest until a person has looked at the page.
 */
function pushWholeImage(glyphs: GlyphTable, target: StreamTarget, pageIndex: number, quad: Quad): void {
  const b = quadBounds(quad);
  // On a line of its own below the page's text: its pen runs along the image's bottom edge.
  glyphs.pushRaw(pageIndex, target, -1, 0, 0, 0, UNREAD_IMAGE_MARK, b.x0, b.y0, b.x1, b.y1, b.x0, b.y0, b.x1, b.y0, 10, 0, false);
}

function pushGlyph(
  glyphs: GlyphTable,
  target: StreamTarget,
  pageIndex: number,
  text: string,
  x0: number,
  x1: number,
  top: number,
  bottom: number,
  baseAt: (X: number) => number,
  toUser: (X: number, Y: number) => [number, number],
  size: number,
  penX0 = x0,
  penX1 = x1,
): number {
  const corners = [toUser(Math.min(x0, penX0), top), toUser(Math.max(x1, penX1), top), toUser(Math.min(x0, penX0), bottom), toUser(Math.max(x1, penX1), bottom)];
  const xs = corners.map((c) => c[0]);
  const ys = corners.map((c) => c[1]);
  // Where the glyph starts and ends along its baseline: what reading measures gaps and steps by.
  const origin = toUser(penX0, baseAt(penX0));
  const end = toUser(penX1, baseAt(penX1));
  return glyphs.pushRaw(pageIndex, target, -1, 0, 0, 0, text, Math.min(...xs), Math.min(...ys), Math.max(...xs), Math.max(...ys), origin[0], origin[1], end[0], end[1], size, 0, false);
}

export interface OcrRequest {
  readonly bytes: Uint8Array;
  readonly pdf: PDFDocument;
  /** Pages (0-based) without text, to read. */
  readonly pages: readonly number[];
  readonly images: readonly ImagePlacement[];
  readonly glyphs: GlyphTable;
  readonly lang: string;
  /**
   * Pages with an OCR layer of their own, by the lines it holds: read only where their images
   * show far more lines of print than that (showsMoreThanLayer).
   */
  readonly layerLines?: ReadonlyMap<number, number>;
}

/** What OCR read of one image, with the way back from the pixels it read to the page. */
interface OcrReading {
  readonly lines: readonly OcrLine[];
  readonly toUser: (X: number, Y: number) => [number, number];
  readonly pointsPerPixel: number;
  /** How the image was turned beyond its placement to be read (a sheet scanned upside down). */
  readonly turn: Turn;
  /** Whether OCR was unsure of all it read (see turned-scans.ts). */
  readonly poor: boolean;
  /** Where the image read is drawn on the page. */
  readonly quad: Quad;
}

/** One image for OCR; `send` hands it over. */
interface OcrJob {
  /** The upright grey image's size in bytes (what a job waiting to be sent holds). */
  readonly bytes: number;
  /** Starts the recognition (once); what it read. */
  readonly send: () => Promise<OcrReading>;
  /** An image without a mark of a character's size (mayHoldPrint): not recognised, no lines. */
  readonly blank: boolean;
  /** The lines of print it shows, where they were counted (printLines). */
  readonly printed: number;
}

type PdfJsDocument = { doc: import('pdfjs-dist/legacy/build/pdf.mjs').PDFDocumentProxy; lib: typeof import('pdfjs-dist/legacy/build/pdf.mjs') };

/** pdf.js's view of the file, loaded only when a page needs it, closed by `close`. */
function lazyPdfJs(bytes: Uint8Array): { open: () => Promise<PdfJsDocument>; close: () => Promise<void> } {
  let opened: Promise<PdfJsDocument> | undefined;
  let done: Promise<unknown> = Promise.resolve();
  let release = () => {};
  return {
    open: () =>
      (opened ??= new Promise<PdfJsDocument>((resolve, reject) => {
        done = withPdfJsDocument(bytes, (doc, lib) => {
          resolve({ doc, lib });
          return new Promise<void>((r) => (release = r));
        }).catch(reject);
      })),
    close: async () => {
      release();
      await done;
    },
  };
}

/**
 * The image's stream when our own decoders (raster.ts, the ones the redaction uses) give the same
 * pixels pdf.js would: 8-bit grey or RGB (or an 8-bit palette over either, in Flate, with the
 * palette's greys), Flate, JPEG or JPEG 2000, no decode array, no mask. Anything else is read
 * through pdf.js's page rendering.
 */
function directStream(pdf: PDFDocument, placement: ImagePlacement): { stream: PDFRawStream; palette: Uint8Array | undefined } | undefined {
  const ref = imageRef(pdf, placement);
  const stream = ref && pdf.context.lookup(ref);
  if (!(stream instanceof PDFRawStream)) return undefined;
  const d = stream.dict;
  if (['ImageMask', 'SMask', 'Mask', 'Decode', 'SMaskInData', 'Alternates'].some((k) => d.has(PDFName.of(k)))) return undefined;
  const filters = filterNames(pdf.context, d);
  const last = filters[filters.length - 1];
  if (!last || filters.slice(0, -1).some((f) => f !== 'FlateDecode') || !['FlateDecode', 'DCTDecode', 'JPXDecode'].includes(last)) return undefined;
  const cs = get(pdf.context, d, 'ColorSpace');
  const colour = cs instanceof PDFName ? nameText(cs) : undefined;
  const palette = cs instanceof PDFArray && last === 'FlateDecode' ? greyPalette(pdf, cs) : undefined;
  if (cs === undefined ? last !== 'JPXDecode' : colour !== 'DeviceGray' && colour !== 'DeviceRGB' && !palette) return undefined;
  const bpc = get(pdf.context, d, 'BitsPerComponent');
  if (bpc === undefined ? last !== 'JPXDecode' : !(bpc instanceof PDFNumber) || bpc.asNumber() !== 8) return undefined;
  return { stream, palette };
}

/** Indices as their palette's greys (a loop: TypedArray.map with a callback took 70 ms a 300 dpi page). */
function throughPalette(indices: Uint8Array, palette: Uint8Array): Uint8Array {
  const out = new Uint8Array(indices.length);
  for (let i = 0; i < indices.length; i++) out[i] = palette[indices[i] as number] as number;
  return out;
}

/**
 * The grey of each index of an 8-bit /Indexed colour space over DeviceGray or DeviceRGB, as
 * greyOf makes it of the RGB pdf.js would give (scanners write sparse pages as a palette image);
 * undefined for any other colour space.
 */
function greyPalette(pdf: PDFDocument, cs: PDFArray): Uint8Array | undefined {
  const items = cs.asArray().map((o) => resolve(pdf.context, o));
  const [kind, base, hival, lookup] = items;
  if (!(kind instanceof PDFName) || !['Indexed', 'I'].includes(nameText(kind)) || !(hival instanceof PDFNumber)) return undefined;
  const baseName = base instanceof PDFName ? nameText(base) : undefined;
  const n = baseName === 'DeviceGray' || baseName === 'G' ? 1 : baseName === 'DeviceRGB' || baseName === 'RGB' ? 3 : 0;
  if (n === 0) return undefined;
  let table: Uint8Array;
  if (lookup instanceof PDFString || lookup instanceof PDFHexString) table = lookup.asBytes();
  else if (lookup instanceof PDFRawStream) {
    try {
      table = streamBytes(lookup);
    } catch {
      return undefined;
    }
  } else return undefined;
  const count = Math.min(256, Math.floor(hival.asNumber()) + 1);
  if (count < 1 || table.length < count * n) return undefined;
  const grey = new Uint8Array(256);
  for (let i = 0; i < count; i++) {
    const j = i * n;
    grey[i] = n === 1 ? (table[j] as number) : ((table[j] as number) * 77 + (table[j + 1] as number) * 150 + (table[j + 2] as number) * 29) >> 8;
  }
  // Indices above hival: pdf.js clamps them to the last entry.
  grey.fill(grey[count - 1] as number, count);
  return grey;
}

/** The size an image is drawn at (its quad), against the page: a logo or a rule is not text. */
function drawnLargeEnough(quad: Quad, pageWidth: number, pageHeight: number): boolean {
  const b = quadBounds(quad);
  return (b.x1 - b.x0) * (b.y1 - b.y0) >= MIN_PAGE_FRACTION * pageWidth * pageHeight;
}

/** An image worth OCR: drawn large enough, and with pixels enough to hold print. */
function worthReading(quad: Quad, pageWidth: number, pageHeight: number, width: number, height: number): boolean {
  return width * height >= MIN_PIXELS && drawnLargeEnough(quad, pageWidth, pageHeight);
}

/**
 * An image for OCR, upright and grey; undefined when its kind of pixels cannot be read. With
 * `countLines` (a page with an OCR layer of its own) the lines of print it shows are counted.
 */
function ocrJob(quad: Quad, image: PdfJsImage, rotate: number, lang: string, countLines: boolean): OcrJob | undefined {
  const orientation = orientationOf(quad, rotate, image.width, image.height);
  const full = uprightGrey(image, orientation);
  if (!full) return undefined;
  // A 600 dpi page is read at 300 (resolution.ts): its upright pixels are blocks of the image's.
  const reduction = ocrReduction(72 / pointsPer(quad, orientation));
  let upright: GreyImage | undefined = reduceImage(full, reduction);
  const bytes = upright.pixels.length;
  const pointsPerPixel = pointsPer(quad, orientation) * reduction;
  const pixelsPerMm = 72 / pointsPerPixel / 25.4;
  const printed = countLines ? printLines(upright, pixelsPerMm) : 0;
  // Counted lines of print say whether there is print (and most such pages are not read at all).
  const blank = countLines ? printed === 0 : !mayHoldPrint(upright, pixelsPerMm);
  // The size only: the job lives until its page's glyphs are added, the decoded samples must not.
  const { width, height } = image;
  const toUser = (X: number, Y: number) => {
    const [px, py] = toSource(orientation, X * reduction, Y * reduction);
    return sourceToUser(quad, width, height, px, py);
  };
  let reading: Promise<OcrReading> | undefined = blank ? Promise.resolve({ lines: [], toUser, pointsPerPixel, turn: 0, poor: false, quad }) : undefined;
  if (blank) upright = undefined;
  const send = () => {
    if (!reading) {
      const held = upright as GreyImage;
      upright = undefined;
      reading = readUpright(held, (turned, layout) => recognizeLines(turned, lang, 72 / pointsPerPixel, layout)).then(({ lines, turn, back, poor }) => {
        if (turn === 0) return { lines, toUser, pointsPerPixel, turn, poor, quad };
        const turnedToUser = (X: number, Y: number) => toUser(...back(X, Y));
        // A page read sideways: its pixels along the new rows are the old columns'.
        const [x0, y0] = turnedToUser(0, 0);
        const [x1, y1] = turnedToUser(1, 0);
        return { lines, toUser: turnedToUser, pointsPerPixel: Math.hypot(x1 - x0, y1 - y0), turn, poor, quad };
      });
      reading.catch(() => undefined);
    }
    return reading;
  };
  return { bytes: blank ? 0 : bytes, send, blank, printed };
}

/** A page's OCR jobs made from its images as our decoders read them. */
interface DirectJobs {
  readonly jobs: OcrJob[];
  /** The decoded samples' bytes: garbage once the jobs are sent and the samples kept. */
  readonly decodedBytes: number;
  /** Keeps the decoded samples for the redaction (keepSamples): called once, after the jobs are sent. */
  readonly keep: () => void;
}

/**
 * Reads a page whose images our decoders read (directStream): each decoded once, its grey sent to
 * OCR, its samples kept for the redaction by the caller once the grey is sent (`keep`: encoded
 * while the previous page's OCR runs on the other thread, or while the engine starts on a first
 * page; encoded well into the page's own recognition, they lived while the engine's memory grew:
 * 20-40 MB more at the peak of a 300 dpi colour page). `releasedJpx`: OpenJPEG is let go after
 * the page and this is called then; undefined, its instance is kept for the next page. Undefined
 * when an image is not of that kind or does not decode: pdf.js reads the page then.
 */
async function directJobs(
  pdf: PDFDocument,
  placements: readonly ImagePlacement[],
  pageWidth: number,
  pageHeight: number,
  rotate: number,
  lang: string,
  layerLines: number | undefined,
  releasedJpx: (() => void) | undefined,
): Promise<DirectJobs | undefined> {
  const wanted: { placement: ImagePlacement; stream: PDFRawStream; palette: Uint8Array | undefined }[] = [];
  const grids = tileGroups(placements);
  for (const grid of grids) {
    // Logos and rules are not decoded at all (their pixel count is known only after decoding).
    if (!drawnLargeEnough(grid.quad, pageWidth, pageHeight)) continue;
    for (const placement of grid.rows.flat()) {
      // A scan drawn inline (BI ... EI) is decoded from the content stream itself.
      if (placement.inline) continue;
      const direct = directStream(pdf, placement);
      if (!direct) return undefined;
      wanted.push({ placement, ...direct });
    }
  }
  const rasters: Raster[] = [];
  for (const { stream } of wanted) {
    let raster: Raster;
    try {
      raster = await decodeRaster(pdf.context, stream, 'image', { nativeJpeg: true });
    } catch (error) {
      if (error instanceof ImageRedactionError) return undefined;
      throw error;
    }
    if (raster.bitsPerComponent !== 8 || (raster.components !== 1 && raster.components !== 3)) return undefined;
    rasters.push(raster);
  }
  if (releasedJpx && wanted.some(({ stream }) => isJpx(pdf.context, stream))) {
    // OpenJPEG's memory (4 bytes a sample and the output: 124 MB for a 300 dpi colour page) is let
    // go before the grey copy is made and OCR starts, not after the document's last page. Its
    // instance is still reachable until the current task ends: collected on the next.
    await releaseImageDecoders();
    await new Promise((resolve) => setImmediate(resolve));
    releaseMemory(rasters.reduce((n, r) => n + 5 * r.samples.length, 0));
    releasedJpx();
  }
  const jobs: OcrJob[] = [];
  const decoded = new Map<ImagePlacement, PdfJsImage>();
  for (const grid of grids) {
    for (const placement of grid.rows.flat()) {
      const samples = placement.inline && drawnLargeEnough(grid.quad, pageWidth, pageHeight) ? inlineSamples(placement) : undefined;
      if (samples) decoded.set(placement, samples);
    }
  }
  wanted.forEach(({ placement, palette }, k) => {
    const raster = rasters[k] as Raster;
    // A palette image is read in the grey of its colours; its indices are kept for the redaction.
    const data = palette ? throughPalette(raster.samples, palette) : raster.samples;
    decoded.set(placement, { width: raster.width, height: raster.height, kind: raster.components === 1 ? 0 : 2, data });
  });
  // A page with an OCR layer of its own is rarely read again: its samples are not kept (the
  // redaction decodes them anew where a box falls on them).
  const keep = () => {
    if (layerLines === undefined) wanted.forEach(({ stream }, k) => keepSamples(pdf.context, stream, rasters[k] as Raster));
  };
  for (const grid of grids) {
    if (!grid.rows.every((row) => row.every((p) => decoded.has(p)))) continue;
    const pieces = { rows: grid.rows.map((row) => row.map((p) => ({ quad: p.quad, image: decoded.get(p) as PdfJsImage }))), quad: grid.quad };
    for (const { quad, image } of joinTiles(pieces, greyImage)) {
      if (!worthReading(quad, pageWidth, pageHeight, image.width, image.height)) continue;
      const job = ocrJob(quad, image, rotate, lang, layerLines !== undefined);
      if (job) jobs.push(job);
    }
  }
  return { jobs, decodedBytes: rasters.reduce((n, r) => n + r.samples.length, 0), keep };
}

/** Reads a page through pdf.js's decoding of its images (every codec, masks applied). */
async function pdfJsJobs({ doc, lib }: PdfJsDocument, pdf: PDFDocument, pageIndex: number, placements: readonly ImagePlacement[], pageWidth: number, pageHeight: number, rotate: number, lang: string, layerLines: number | undefined): Promise<OcrJob[]> {
  const decoded = await decodedImages(doc, lib, pageIndex);
  const imageOf = imageMatcher(pdf, decoded);
  const jobs: OcrJob[] = [];
  // The stencil masks are matched in drawing order: every placement's image is found first, then
  // pieces that tile one rectangle are read as one image, other images each on their own.
  const found = placements.map((placement) => ({ placement, quad: placement.quad, image: placement.inline ? undefined : imageOf(placement) }));
  for (const grid of tileGroups(found)) {
    // Inline images are decoded only where they are drawn large enough to be read (a page can
    // hold thousands of small ones).
    if (drawnLargeEnough(grid.quad, pageWidth, pageHeight)) for (const piece of grid.rows.flat()) if (piece.placement.inline) piece.image = inlineSamples(piece.placement);
    const pieces = grid.rows.flat();
    const whole = pieces.every((p) => p.image !== undefined) ? joinTiles(grid as TileGrid<{ quad: Quad; image: PdfJsImage }>, greyImage) : pieces.filter((p): p is typeof p & { image: PdfJsImage } => p.image !== undefined);
    for (const { quad, image } of whole) {
      if (!worthReading(quad, pageWidth, pageHeight, image.width, image.height)) continue;
      const job = ocrJob(quad, image, rotate, lang, layerLines !== undefined);
      if (job) jobs.push(job);
    }
  }
  decoded.images.clear();
  (await doc.getPage(pageIndex + 1)).cleanup();
  return jobs;
}

/** What OCR read of the pages asked for (pages 0-based). */
export interface OcrResult {
  /** Per page read, the range of its glyphs and its words (pages without a readable image are left out). */
  readonly read: { page: OcrPage; first: number; end: number }[];
  /** Pages whose images are all blank (not recognised). */
  readonly blank: number[];
  /** Pages read turned from how they are shown (scanned upside down or sideways). */
  readonly turned: number[];
  /** Pages OCR was unsure of in every orientation. */
  readonly poor: number[];
}

/**
 * OCRs the given pages' images and appends their characters to the glyph table, page by page (one
 * decoded page image in memory at a time).
 */
export async function readPagesWithOcr(request: OcrRequest): Promise<OcrResult> {
  const { bytes, pdf, glyphs, lang } = request;
  const wanted = new Set(request.pages);
  const byPage = new Map<number, ImagePlacement[]>();
  // One image drawn twice at one place (a producer's or an editor's copy) is read once: read
  // twice, its words were in the text layer twice and every redaction of it boxed twice.
  const seen = new Set<string>();
  for (const placement of request.images) {
    if (!wanted.has(placement.pageIndex)) continue;
    // Not stencil masks: pdf.js gives those in drawing order, matched one by one (imageMatcher).
    const ref = placement.inline ? undefined : imageRef(request.pdf, placement);
    const key = ref && !isStencil(request.pdf, ref) && `${placement.pageIndex} ${ref.objectNumber} ${ref.generationNumber} ${placement.quad.map((v) => v.toFixed(1)).join(' ')}`;
    if (key) {
      if (seen.has(key)) continue;
      seen.add(key);
    }
    const list = byPage.get(placement.pageIndex) ?? [];
    list.push(placement);
    byPage.set(placement.pageIndex, list);
  }
  if (byPage.size === 0) return { read: [], blank: [], turned: [], poor: [] };
  const pages = pdf.getPages();
  const pdfjs = lazyPdfJs(bytes);
  const order = [...byPage.keys()].sort((a, b) => a - b).filter((i) => pages[i] !== undefined);
  /** The image streams of the page drawn large enough to be read. */
  const largeImages = (pageIndex: number): PDFRawStream[] => {
    const page = pages[pageIndex];
    if (!page) return [];
    const { width, height } = page.getSize();
    return (byPage.get(pageIndex) ?? []).flatMap((p) => {
      const ref = drawnLargeEnough(p.quad, width, height) ? imageRef(pdf, p) : undefined;
      const stream = ref && pdf.context.lookup(ref);
      return stream instanceof PDFRawStream ? [stream] : [];
    });
  };
  const jpxPage = (pageIndex: number) => largeImages(pageIndex).some((stream) => isJpx(pdf.context, stream));
  const dimension = (stream: PDFRawStream, key: string) => (stream.dict.get(PDFName.of(key)) as { asNumber?: () => number } | undefined)?.asNumber?.() ?? 0;
  /** The pixels of the page's images drawn large enough to be read: at least its grey images' bytes. */
  const pixelsOf = (pageIndex: number) => largeImages(pageIndex).reduce((n, stream) => n + dimension(stream, 'Width') * dimension(stream, 'Height'), 0);
  try {
    const out: { page: OcrPage; first: number; end: number }[] = [];
    const blank: number[] = [];
    const turnedPages: number[] = [];
    const poorPages: number[] = [];
    // Decoding the next page (this thread) overlaps with OCR of this one (its own thread); glyphs
    // are added in page order.
    let previous: Promise<void> = Promise.resolve();
    // Pages decoded but not yet handed to OCR (JPEG 2000 pages decoded ahead, see below).
    let waiting: { pageIndex: number; jobs: OcrJob[] }[] = [];
    let waitingBytes = 0;
    const pushPage = async (pageIndex: number, jobs: readonly OcrJob[]) => {
      const first = glyphs.length;
      const words: { glyphs: number[]; lineEnd: boolean }[] = [];
      const target = ocrTarget();
      let turned = false;
      let poor = false;
      for (const job of jobs) {
        const reading = await job.send();
        turned ||= reading.turn !== 0;
        poor ||= reading.poor;
        for (const line of reading.lines) {
          const lineWords = pushLine(glyphs, target, pageIndex, line, reading.toUser, reading.pointsPerPixel);
          lineWords.forEach((w, k) => words.push({ glyphs: w, lineEnd: k === lineWords.length - 1 }));
        }
        if (reading.poor) pushWholeImage(glyphs, target, pageIndex, reading.quad);
      }
      if (turned) turnedPages.push(pageIndex);
      if (poor) poorPages.push(pageIndex);
      if (glyphs.length > first) out.push({ page: { pageIndex, words }, first, end: glyphs.length });
    };
    /**
     * Sends the waiting pages to OCR, then keeps the last decoded page's samples and collects them
     * (`decoded`). Done before, on the first page (the engine idle) they were 60-110 ms between
     * decoding and OCR: the samples (26 MB for a 300 dpi colour page) live that much longer, while
     * the engine starts on the page, not at its peak, which comes with the recognition.
     */
    const handOver = async (decoded?: DirectJobs) => {
      for (const { jobs } of waiting) for (const job of jobs) job.send();
      if (decoded) {
        // A starting engine's steps each wait for this thread: it is left alone until it runs (then
        // the posting takes a few turns of promises).
        await ocrStarted(lang);
        await new Promise((resolve) => setImmediate(resolve));
        decoded.keep();
        releaseMemory(decoded.decodedBytes);
      }
      for (const { pageIndex, jobs } of waiting) {
        await previous;
        previous = pushPage(pageIndex, jobs);
        // Awaited on the next page or after the loop; until then a failure must not count as unhandled.
        previous.catch(() => undefined);
      }
      waiting = [];
      waitingBytes = 0;
    };
    for (const [k, pageIndex] of order.entries()) {
      const page = pages[pageIndex] as (typeof pages)[number];
      const { width: pw, height: ph } = page.getSize();
      const rotate = (((page.getRotation().angle % 360) + 360) % 360) as number;
      const onPage = byPage.get(pageIndex) ?? [];
      // OpenJPEG holds 124 MB while it decodes a 300 dpi colour page, the OCR engine 100-180 MB
      // once it has read a page (its WebAssembly memory only grows): the two must not add up. A
      // JPEG 2000 page is decoded while no engine runs: it is shut down first (when it has no
      // other work), and the next JPEG 2000 pages are decoded ahead of OCR while their grey images
      // fit in WAITING_BYTES; a restart costs about a CPU second.
      const jpx = jpxPage(pageIndex);
      if (jpx && ocrEngineRunning()) {
        await handOver();
        await previous;
        await closeIdleOcr();
      }
      const layerLines = request.layerLines?.get(pageIndex);
      const next = order[k + 1];
      // Whether the next page is a JPEG 2000 page decoded ahead too, while this page's grey image
      // waits (below; its size is at most its images' pixels). Then OpenJPEG's instance is kept for
      // it (its memory, already faulted in, serves the next page: 20-25% of a page's decoding);
      // otherwise it is let go after this page and the engine is started at once, while the grey
      // image is made.
      const decodeNextAhead = jpx && next !== undefined && jpxPage(next) && waitingBytes + pixelsOf(pageIndex) < WAITING_BYTES;
      const direct = await directJobs(pdf, onPage, pw, ph, rotate, lang, layerLines, decodeNextAhead ? undefined : () => startOcr(lang));
      // pdf.js decodes with an OpenJPEG of its own: the one kept for the next page must not add to it.
      if (!direct) await releaseImageDecoders();
      let jobs = direct?.jobs ?? (await pdfJsJobs(await pdfjs.open(), pdf, pageIndex, onPage, pw, ph, rotate, lang, layerLines));
      // A page whose own OCR layer holds what its images show is not read again.
      if (layerLines !== undefined && !showsMoreThanLayer(jobs.reduce((n, j) => n + j.printed, 0), layerLines)) jobs = [];
      if (jobs.length > 0 && jobs.every((j) => j.blank)) blank.push(pageIndex);
      waiting.push({ pageIndex, jobs });
      waitingBytes += jobs.reduce((n, j) => n + j.bytes, 0);
      // The page's decoded samples are kept for the redaction and are garbage then (OCR has its grey
      // copy): freed before the next page is decoded, and before this thread waits for the
      // previous page's OCR. A JPEG 2000 page decoded ahead keeps them at once.
      if (!decodeNextAhead) await handOver(direct);
      else if (direct) {
        direct.keep();
        releaseMemory(direct.decodedBytes);
      }
    }
    await handOver();
    await previous;
    return { read: out, blank, turned: turnedPages, poor: poorPages };
  } finally {
    await pdfjs.close();
    // The JPEG 2000 decoder's memory is let go (the redaction uses what was kept, or decodes anew).
    await releaseImageDecoders();
  }
}

/** Points per upright pixel along the upright image's rows (its text lines). */
function pointsPer(quad: Quad, o: Orientation): number {
  const [ax, ay, bx, by, , , dx, dy] = quad;
  // Upright rows run along the source axis that the matrix's first row picks.
  const alongSourceX = o.m[0] !== 0;
  return alongSourceX ? Math.hypot(bx - ax, by - ay) / o.sourceWidth : Math.hypot(dx - ax, dy - ay) / o.sourceHeight;
}
