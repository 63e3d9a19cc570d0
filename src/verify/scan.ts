/**
 * Verification of redactions on OCR'd scans, from the written file: under every box the page
 * image's decoded pixels are one uniform colour (nothing of the letters' shapes is left), and
 * those regions, read by OCR again, give nothing of the redacted value.
 */
import { createInflate } from 'node:zlib';
import { PDFDocument, PDFName, PDFNumber, PDFRawStream, type PDFRef } from 'pdf-lib';
import { GlyphTable } from '../pdf/glyph-table.js';
import { type ImagePlacement, PageInterpreter, quadBounds } from '../pdf/interpret.js';
import { quietly } from '../pdf/objects.js';
import { decodedImages, type PdfJsImage, withPdfJsDocument } from '../pdf/pdfjs.js';
import { imagePixelRects } from '../redact/pdf/images.js';
import { inlineSamples } from '../redact/pdf/inline-images.js';
import type { Box } from '../redact/pdf/select.js';
import { type GreyImage, recognizeLines } from '../ocr/engine.js';
import { orientationOf, turnUpright } from '../ocr/orientation.js';
import { greyRegion, imageMatcher, imageRef } from '../ocr/read-pages.js';

export interface ScanCheck {
  readonly id: number;
  readonly value: string;
  readonly boxes: readonly Box[];
}

type Rect = { x0: number; y0: number; x1: number; y1: number };

/** Whether every pixel of the rectangle has the same value in every channel. */
function uniform(image: PdfJsImage, r: Rect): boolean {
  const { width, kind, data } = image;
  if (kind === 1) {
    const rowBytes = (width + 7) >> 3;
    const bit = (x: number, y: number) => ((data[y * rowBytes + (x >> 3)] as number) >> (7 - (x & 7))) & 1;
    const first = bit(r.x0, r.y0);
    for (let y = r.y0; y < r.y1; y++) for (let x = r.x0; x < r.x1; x++) if (bit(x, y) !== first) return false;
    return true;
  }
  const step = kind === 0 ? 1 : kind === 2 ? 3 : 4;
  const channels = Math.min(step, 3);
  const o = (r.y0 * width + r.x0) * step;
  for (let y = r.y0; y < r.y1; y++) {
    for (let x = r.x0; x < r.x1; x++) {
      const i = (y * width + x) * step;
      // Channels only: an alpha channel made opaque under the box is uniform by construction.
      for (let c = 0; c < channels; c++) if (data[i + c] !== data[o + c]) return false;
    }
  }
  return true;
}

const squash = (s: string) => s.normalize('NFC').toLowerCase().replace(/[^\p{L}\p{N}@]/gu, '');

/** Pixels of an image by rectangle: the whole decoded image, or only the rectangles' pixels. */
interface RegionSource {
  readonly width: number;
  readonly height: number;
  /** An image holding the rectangle, and where the rectangle is in it. */
  at(r: Rect): { image: PdfJsImage; r: Rect } | undefined;
}

function wholeImage(image: PdfJsImage): RegionSource {
  return { width: image.width, height: image.height, at: (r) => ({ image, r }) };
}

/** The size and channels of an image as the redaction writes it (8-bit grey or RGB, Flate, nothing else). */
function plainFlate(pdf: PDFDocument, ref: PDFRef): { stream: PDFRawStream; width: number; height: number; channels: number } | undefined {
  const stream = pdf.context.lookup(ref);
  if (!(stream instanceof PDFRawStream)) return undefined;
  const d = stream.dict;
  const name = (key: string) => {
    const v = d.get(PDFName.of(key));
    return v instanceof PDFName ? v.decodeText() : v === undefined ? '' : '?';
  };
  const num = (key: string) => {
    const v = d.get(PDFName.of(key));
    return v instanceof PDFNumber ? v.asNumber() : undefined;
  };
  const width = num('Width') ?? 0;
  const height = num('Height') ?? 0;
  const colour = name('ColorSpace');
  if (name('Filter') !== 'FlateDecode' || num('BitsPerComponent') !== 8 || d.has(PDFName.of('DecodeParms')) || d.has(PDFName.of('Decode')) || d.has(PDFName.of('SMask'))) return undefined;
  if ((colour !== 'DeviceGray' && colour !== 'DeviceRGB') || width <= 0 || height <= 0) return undefined;
  return { stream, width, height, channels: colour === 'DeviceGray' ? 1 : 3 };
}

/**
 * The rectangles' pixels of an image as the redaction writes it, inflated here with zlib (many
 * times faster than pdf.js's decoder for a 300 dpi page) as a stream of rows: only the pixels
 * inside the rectangles are kept (not the page's 26 MB), and inflating stops after the last row
 * a rectangle needs. Undefined when the data cannot be read to there (pdf.js decodes it then).
 */
function streamedRegions(plain: { stream: PDFRawStream; width: number; height: number; channels: number }, rects: readonly Rect[]): Promise<RegionSource | undefined> {
  const { stream, width, height, channels } = plain;
  const kind = channels === 1 ? 0 : 2;
  const crops = rects.map((r) => ({ r, image: { width: r.x1 - r.x0, height: r.y1 - r.y0, kind, data: new Uint8Array((r.x1 - r.x0) * (r.y1 - r.y0) * channels) } }));
  const source: RegionSource = {
    width,
    height,
    at: (r) => {
      const crop = crops.find((c) => c.r.x0 <= r.x0 && c.r.y0 <= r.y0 && c.r.x1 >= r.x1 && c.r.y1 >= r.y1);
      return crop && { image: crop.image, r: { x0: r.x0 - crop.r.x0, y0: r.y0 - crop.r.y0, x1: r.x1 - crop.r.x0, y1: r.y1 - crop.r.y0 } };
    },
  };
  const lastRow = Math.max(0, ...rects.map((r) => r.y1));
  if (lastRow === 0) return Promise.resolve(source);
  const rowBytes = width * channels;
  // Per row, the crops that need it (most rows of a page need none: they are skipped, not copied).
  const needs: (typeof crops)[] = Array.from({ length: lastRow }, () => []);
  for (const crop of crops) for (let y = crop.r.y0; y < crop.r.y1; y++) needs[y]?.push(crop);
  return new Promise((resolve) => {
    // Output chunks of about 0.25 MB: fewer callbacks than zlib's 16 KB.
    const inflate = createInflate({ chunkSize: 1 << 18 });
    const row = new Uint8Array(rowBytes);
    let filled = 0;
    let y = 0;
    let done = false;
    const finish = (ok: boolean) => {
      if (done) return;
      done = true;
      inflate.destroy();
      resolve(ok ? source : undefined);
    };
    inflate.on('data', (chunk: Buffer) => {
      let at = 0;
      while (at < chunk.length && !done) {
        const n = Math.min(rowBytes - filled, chunk.length - at);
        const wanted = needs[y] as typeof crops;
        // A whole row inside the chunk is read from the chunk; a row split over two is joined first.
        const whole = filled === 0 && n === rowBytes;
        if (wanted.length > 0 && !whole) row.set(chunk.subarray(at, at + n), filled);
        filled += n;
        at += n;
        if (filled < rowBytes) continue;
        const from = whole ? chunk.subarray(at - rowBytes, at) : row;
        for (const { r, image } of wanted) image.data.set(from.subarray(r.x0 * channels, r.x1 * channels), (y - r.y0) * image.width * channels);
        filled = 0;
        if (++y >= lastRow) finish(true);
      }
    });
    inflate.on('error', () => finish(false));
    inflate.on('end', () => finish(y >= lastRow));
    inflate.end(stream.contents);
  });
}

/**
 * Whether a box may touch an image: its bounds widened by 5% and 2 pt (more than the pixel the
 * destruction widens each rectangle by, at any resolution worth reading).
 */
function near(b: Box, placement: ImagePlacement): boolean {
  const q = quadBounds(placement.quad);
  const mx = 0.05 * (q.x1 - q.x0) + 2;
  const my = 0.05 * (q.y1 - q.y0) + 2;
  return b.x < q.x1 + mx && b.x + b.width > q.x0 - mx && b.y < q.y1 + my && b.y + b.height > q.y0 - my;
}

/** Cuts the rectangles out of an image, in grey, and stacks them on white, with white between. */
function stacked(source: RegionSource, rects: readonly Rect[]): GreyImage | undefined {
  const gap = 24;
  const width = Math.max(...rects.map((r) => r.x1 - r.x0)) + 2 * gap;
  const height = rects.reduce((h, r) => h + (r.y1 - r.y0) + gap, gap);
  const pixels = new Uint8Array(width * height).fill(255);
  let top = gap;
  for (const r of rects) {
    const found = source.at(r);
    const grey = found && greyRegion(found.image, found.r);
    if (!grey) return undefined;
    for (let y = 0; y < grey.height; y++) pixels.set(grey.pixels.subarray(y * grey.width, (y + 1) * grey.width), (top + y) * width + gap);
    top += r.y1 - r.y0 + gap;
  }
  return { width, height, pixels };
}

/**
 * Which of the two checks run: both always in the pipeline; one alone only to test that each
 * catches a leak by itself.
 */
export interface ScanChecks {
  readonly pixels: boolean;
  readonly ocr: boolean;
}
const BOTH_CHECKS: ScanChecks = { pixels: true, ocr: true };

/**
 * Checks the scan pages' boxes in the written file; returns the ids of redactions whose box shows
 * non-uniform pixels or whose region OCR still reads the value from.
 */
export async function findScanSurvivors(out: Uint8Array, ocrPages: ReadonlySet<number>, checks: readonly ScanCheck[], lang: string, checksRun: ScanChecks = BOTH_CHECKS): Promise<number[]> {
  return (await startScanCheck(out, ocrPages, checks, lang, checksRun)).survivors;
}

/**
 * findScanSurvivors in two steps: resolves once the boxes' pixels are checked and their regions
 * are with the OCR engine (its own thread), to the survivors' promise; this thread is free for
 * other checks meanwhile.
 */
export async function startScanCheck(out: Uint8Array, ocrPages: ReadonlySet<number>, checks: readonly ScanCheck[], lang: string, checksRun: ScanChecks = BOTH_CHECKS): Promise<{ readonly survivors: Promise<number[]> }> {
  const onScans = checks.filter((c) => c.boxes.some((b) => ocrPages.has(b.page - 1)));
  if (onScans.length === 0) return { survivors: Promise.resolve([]) };
  const pdf = await quietly(() => PDFDocument.load(out, { updateMetadata: false }));
  const pages = pdf.getPages();
  const placements = new Map<number, ImagePlacement[]>();
  // Scans drawn inline (BI ... EI): decoded from the content stream before its operations go.
  const inline: { pageIndex: number; placement: ImagePlacement; image: PdfJsImage | undefined }[] = [];
  for (const pageIndex of ocrPages) {
    const page = pages[pageIndex];
    if (!page) continue;
    const interpreter = new PageInterpreter(pdf.context, pageIndex, new GlyphTable());
    interpreter.run(page);
    placements.set(pageIndex, interpreter.images.filter((i) => !i.inline));
    const boxes = onScans.flatMap((c) => c.boxes.filter((b) => b.page === pageIndex + 1));
    for (const placement of interpreter.images) if (placement.inline && boxes.some((b) => near(b, placement))) inline.push({ pageIndex, placement, image: inlineSamples(placement) });
    interpreter.releaseOperations();
  }
  const failed = new Set<number>();
  /** An image that cannot be decoded cannot be proven clean: the boxes over it fail (fail closed). */
  const failOver = (pageIndex: number, placement: ImagePlacement) => {
    const q = quadBounds(placement.quad);
    for (const c of onScans) if (c.boxes.some((b) => b.page === pageIndex + 1 && b.x < q.x1 && b.x + b.width > q.x0 && b.y < q.y1 && b.y + b.height > q.y0)) failed.add(c.id);
  };
  /** The rectangles of the boxes on an image of the page, by redaction, in the image's pixels. */
  const regionsOf = (pageIndex: number, placement: ImagePlacement, width: number, height: number) =>
    onScans.flatMap((c) => imagePixelRects(placement, c.boxes.filter((b) => b.page === pageIndex + 1), width, height).map((rect) => ({ id: c.id, rect })));
  // The OCR engine reads the regions one image after another; each reading is checked as it comes.
  const readings: Promise<void>[] = [];
  const check = async (pageIndex: number, placement: ImagePlacement, source: RegionSource) => {
    const regions: { id: number; rect: Rect }[] = [];
    for (const { id, rect: r } of regionsOf(pageIndex, placement, source.width, source.height)) {
      // The destruction widened each rectangle by a pixel: inside that, every pixel must match.
      const inner = { x0: r.x0 + 1, y0: r.y0 + 1, x1: r.x1 - 1, y1: r.y1 - 1 };
      if (inner.x1 <= inner.x0 || inner.y1 <= inner.y0) continue;
      const found = source.at(inner);
      if (checksRun.pixels && (!found || !uniform(found.image, found.r))) failed.add(id);
      regions.push({ id, rect: r });
    }
    if (regions.length === 0 || !checksRun.ocr) return;
    // OCR again, the regions upright and stacked into one image (one recognition per image).
    const rotate = (((pages[pageIndex]?.getRotation().angle ?? 0) % 360) + 360) % 360;
    const strip = stacked(source, regions.map((r) => r.rect));
    if (!strip) return;
    const upright = turnUpright(orientationOf(placement.quad, rotate, strip.width, strip.height), strip);
    const reading = recognizeLines(upright, lang).then((lines) => {
      const read = squash(lines.flatMap((l) => l.words.map((w) => w.text)).join(' '));
      if (read.length === 0) return;
      // Any word of the value (three letters or more) read again counts, not only the whole value.
      for (const { id } of regions) {
        const words = (onScans.find((c) => c.id === id)?.value ?? '').split(/\s+/).map(squash).filter((w) => w.length >= 3);
        if (words.some((w) => read.includes(w))) failed.add(id);
      }
    });
    // Awaited at the end (survivors); a failure must not count as unhandled before.
    reading.catch(() => undefined);
    readings.push(reading);
  };
  for (const { pageIndex, placement, image } of inline) {
    if (image) await check(pageIndex, placement, wholeImage(image));
    else failOver(pageIndex, placement);
  }
  // Images as the redaction wrote them are inflated here; others (not rewritten, other codecs) by
  // pdf.js, but only those a box touches: a page image under no box has nothing to check, and
  // decoding it again was most of the verification of a long scan with few redactions.
  const viaPdfJs = new Map<number, ImagePlacement[]>();
  for (const [pageIndex, onPage] of placements) {
    const boxes = onScans.flatMap((c) => c.boxes.filter((b) => b.page === pageIndex + 1));
    for (const placement of onPage) {
      if (!boxes.some((b) => near(b, placement))) continue;
      const ref = imageRef(pdf, placement);
      const plain = ref && plainFlate(pdf, ref);
      const source = plain && (await streamedRegions(plain, regionsOf(pageIndex, placement, plain.width, plain.height).map((r) => r.rect)));
      if (source) await check(pageIndex, placement, source);
      else viaPdfJs.set(pageIndex, [...(viaPdfJs.get(pageIndex) ?? []), placement]);
    }
  }
  if (viaPdfJs.size > 0) {
    await withPdfJsDocument(out, async (doc, lib) => {
      for (const [pageIndex, onPage] of viaPdfJs) {
        const page = await doc.getPage(pageIndex + 1);
        const imageOf = imageMatcher(pdf, await decodedImages(doc, lib, pageIndex));
        // Every image of the page in drawing order, so that stencil masks are matched by their order.
        for (const placement of placements.get(pageIndex) ?? []) {
          const image = imageOf(placement);
          if (!onPage.includes(placement)) continue;
          if (image) await check(pageIndex, placement, wholeImage(image));
          else failOver(pageIndex, placement);
        }
        page.cleanup();
      }
    });
  }
  const survivors = Promise.all(readings).then(() => [...failed].sort((a, b) => a - b));
  // Awaited by the caller after its other checks; should one of those throw first, a failure here
  // must not count as unhandled.
  survivors.catch(() => undefined);
  return { survivors };
}
