import { PDFContext, PDFName, PDFRawStream } from 'pdf-lib';
import { deflateSync } from 'node:zlib';
import type { Operation } from '../../pdf/content-stream.js';
import type { ImagePlacement, StreamTarget } from '../../pdf/interpret.js';
import type { PdfJsImage } from '../../pdf/pdfjs.js';
import { streamBytes } from '../../pdf/objects.js';
import { ImageRedactionError, imagePixelRects } from './images.js';
import type { Box } from './select.js';

const KEYS: Record<string, string> = { W: 'Width', H: 'Height', BPC: 'BitsPerComponent', CS: 'ColorSpace', F: 'Filter', DP: 'DecodeParms', IM: 'ImageMask', D: 'Decode', I: 'Interpolate' };
const VALUES: Record<string, string> = { G: 'DeviceGray', RGB: 'DeviceRGB', CMYK: 'DeviceCMYK', I: 'Indexed', Fl: 'FlateDecode', DCT: 'DCTDecode', AHx: 'ASCIIHexDecode', A85: 'ASCII85Decode', LZW: 'LZWDecode', RL: 'RunLengthDecode', CCF: 'CCITTFaxDecode' };

interface InlineImage {
  readonly entries: Map<string, string>;
  readonly data: Uint8Array;
}

/** Splits "BI <entries> ID <data> EI" into its dictionary (full key and value names) and data. */
function parseInline(bytes: Uint8Array): InlineImage {
  const text = Buffer.from(bytes).toString('latin1');
  const id = /\sID\s/.exec(text);
  if (!id) throw new ImageRedactionError('an inline image without ID');
  const header = text.slice(2, id.index);
  const entries = new Map<string, string>();
  for (const m of header.matchAll(/\/(\w+)\s*(\/\w+|\[[^\]]*\]|[-\d.]+|true|false)/g)) {
    const key = KEYS[m[1] as string] ?? (m[1] as string);
    const raw = (m[2] as string).replace(/^\//, '');
    entries.set(key, VALUES[raw] ?? raw);
  }
  let end = bytes.length - 2;
  while (end > 0 && /\s/.test(String.fromCharCode(bytes[end - 1] as number))) end--;
  return { entries, data: bytes.slice(id.index + id[0].length, end) };
}

/** The image's filters, first applied first, by their full names ("/F [/AHx /Fl]" included). */
function filtersOf(value: string | undefined): string[] {
  if (value === undefined) return [];
  const names = value.startsWith('[') ? [...value.matchAll(/\/(\w+)/g)].map((m) => m[1] as string) : [value];
  return names.map((n) => VALUES[n] ?? n);
}

/** Filters whose output is the samples themselves (pdf-lib decodes them; no predictors). */
const SAMPLE_FILTERS = new Set(['FlateDecode', 'ASCIIHexDecode', 'ASCII85Decode', 'LZWDecode', 'RunLengthDecode']);

/**
 * Per component, whether /Decode inverts it: [0 1] (as written by default, e.g. by mutool clean)
 * and [1 0] only. The rewritten image has no /Decode, so inverted samples are inverted back.
 */
function decodeInversions(value: string | undefined, components: number): boolean[] {
  if (value === undefined) return new Array<boolean>(components).fill(false);
  const v = [...value.matchAll(/-?[\d.]+/g)].map((m) => Number(m[0]));
  if (v.length !== 2 * components) throw new ImageRedactionError('this inline image has a malformed /Decode');
  const out: boolean[] = [];
  for (let c = 0; c < components; c++) {
    const [d0, d1] = [v[2 * c], v[2 * c + 1]];
    if (d0 === 0 && d1 === 1) out.push(false);
    else if (d0 === 1 && d1 === 0) out.push(true);
    else throw new ImageRedactionError('this inline image has a /Decode range other than [0 1] or [1 0]');
  }
  return out;
}

function decodeInline(image: InlineImage): { pixels: Uint8Array; components: number; width: number; height: number } {
  const e = image.entries;
  const width = Number(e.get('Width'));
  const height = Number(e.get('Height'));
  const components = e.get('ColorSpace') === 'DeviceGray' ? 1 : e.get('ColorSpace') === 'DeviceRGB' ? 3 : 0;
  if (!components || e.get('BitsPerComponent') !== '8' || e.has('ImageMask') || e.has('DecodeParms')) {
    throw new ImageRedactionError('this inline image (colour space, depth, mask or parameters) cannot be rewritten');
  }
  const inverted = decodeInversions(e.get('Decode'), components);
  const filters = filtersOf(e.get('Filter'));
  const unsupported = filters.find((f) => !SAMPLE_FILTERS.has(f));
  if (unsupported) throw new ImageRedactionError(`inline images encoded with ${unsupported} are not supported`);
  let data = image.data;
  if (filters.length > 0) {
    const context = PDFContext.create();
    const filter = filters.length === 1 ? PDFName.of(filters[0] as string) : context.obj(filters.map((f) => PDFName.of(f)));
    try {
      data = streamBytes(PDFRawStream.of(context.obj({ Filter: filter }), data));
    } catch (error) {
      throw new ImageRedactionError(`the inline image's data cannot be decoded (${(error as Error).message})`);
    }
  }
  if (data.length < width * height * components) throw new ImageRedactionError('the inline image data is shorter than its size');
  const pixels = data.slice(0, width * height * components);
  if (inverted.some(Boolean)) for (let i = 0; i < pixels.length; i++) if (inverted[i % components]) pixels[i] = 255 - (pixels[i] as number);
  return { pixels, components, width, height };
}

/**
 * An inline image's samples as pdf.js's kinds give them (0: 8-bit grey, 2: RGB), for OCR of a scan
 * drawn inline: undefined when it is not of the kinds the redaction rewrites (it would be refused
 * under a box anyway).
 */
export function inlineSamples(placement: ImagePlacement): PdfJsImage | undefined {
  const op = placement.target.ops[placement.opIndex] as Operation | undefined;
  if (!op?.inlineImage) return undefined;
  try {
    const { pixels, components, width, height } = decodeInline(parseInline(op.inlineImage));
    // A size that is no whole number of pixels is no image to read.
    if (!(Number.isInteger(width) && Number.isInteger(height) && width > 0 && height > 0)) return undefined;
    return { width, height, kind: components === 1 ? 0 : 2, data: pixels };
  } catch (error) {
    if (error instanceof ImageRedactionError) return undefined;
    throw error;
  }
}

/**
 * Overwrites the pixels under the boxes in inline images (BI ... ID ... EI) and writes them back
 * Flate- and hex-encoded (hex text cannot contain the "EI" that ends the image). Returns the
 * content streams it changed, for the rewrite to copy and write.
 */
export function redactInlineImages(placements: readonly ImagePlacement[], boxes: readonly Box[]): Set<StreamTarget> {
  const changed = new Set<StreamTarget>();
  for (const placement of placements) {
    const op = placement.target.ops[placement.opIndex] as Operation;
    if (!op.inlineImage) continue;
    const image = decodeInline(parseInline(op.inlineImage));
    const rects = imagePixelRects(placement, boxes, image.width, image.height);
    if (rects.length === 0) continue;
    for (const r of rects) {
      for (let y = r.y0; y < r.y1; y++) image.pixels.fill(0, (y * image.width + r.x0) * image.components, (y * image.width + r.x1) * image.components);
    }
    const hex = `${deflateSync(image.pixels).toString('hex')}>`;
    const header = `BI /W ${image.width} /H ${image.height} /BPC 8 /CS /${image.components === 1 ? 'G' : 'RGB'} /F [/AHx /Fl] ID `;
    const bytes = Buffer.from(`${header}${hex}\nEI`, 'latin1');
    placement.target.ops[placement.opIndex] = { operator: 'BI', operands: [], inlineImage: new Uint8Array(bytes) };
    changed.add(placement.target);
  }
  return changed;
}
