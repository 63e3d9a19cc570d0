// Image-only scans made from the born-digital fixtures: the pages rendered by pdftoppm (poppler)
// and wrapped as PDFs with nothing but the image, as scanners write them. Made in the test, so no
// scan of real text is committed and the fixtures stay in step with their sources.
import { execFileSync } from 'node:child_process';
import { mkdtempSync, readFileSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { deflateSync } from 'node:zlib';
import { degrees, PDFDocument, PDFHexString, PDFName } from 'pdf-lib';
import { lzwEncode } from './lzw-encode.js';

const fixtures = new URL('../fixtures/pdf/', import.meta.url);

/** Page 1 of a fixture rendered as greyscale: PNG or JPEG bytes, or the raw grey pixels. */
function render(name: string, dpi: number, format: 'png' | 'jpeg' | 'pgm'): Buffer {
  const dir = mkdtempSync(join(tmpdir(), 'woo-scan-'));
  try {
    execFileSync('pdftoppm', ['-q', '-gray', '-r', String(dpi), ...(format === 'pgm' ? [] : [`-${format}`]), '-f', '1', '-l', '1', new URL(name, fixtures).pathname, join(dir, 'p')]);
    const file = readdirSync(dir).find((f) => f.startsWith('p-'));
    if (!file) throw new Error('pdftoppm wrote no page');
    return readFileSync(join(dir, file));
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

/** A one-page image-only JPEG scan (A4 portrait) of the first page of a PDF made in the test. */
export async function jpegScanOf(bytes: Uint8Array, dpi = 150): Promise<Uint8Array> {
  const dir = mkdtempSync(join(tmpdir(), 'woo-scan-'));
  try {
    const source = join(dir, 'source.pdf');
    writeFileSync(source, bytes);
    execFileSync('pdftoppm', ['-q', '-gray', '-r', String(dpi), '-jpeg', '-f', '1', '-l', '1', source, join(dir, 'p')]);
    const file = readdirSync(dir).find((f) => f.startsWith('p-'));
    if (!file) throw new Error('pdftoppm wrote no page');
    const doc = await PDFDocument.create();
    const page = doc.addPage([595, 842]);
    page.drawImage(await doc.embedJpg(readFileSync(join(dir, file))), { x: 0, y: 0, width: 595, height: 842 });
    return doc.save();
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

/** A one-page image-only scan of a fixture's first page (A4 portrait), JPEG as most scanners write. */
export async function jpegScan(name: string, dpi = 150): Promise<Uint8Array> {
  const doc = await PDFDocument.create();
  const page = doc.addPage([595, 842]);
  page.drawImage(await doc.embedJpg(render(name, dpi, 'jpeg')), { x: 0, y: 0, width: 595, height: 842 });
  return doc.save();
}

/**
 * A scan as a 1-bit Flate image drawn sideways on a landscape page that /Rotate 90 turns upright:
 * the reader sees a portrait page; the image's rows run down the page's user space.
 */
export async function rotatedBilevelScan(name: string, dpi = 150): Promise<Uint8Array> {
  const { width, height, bits } = bilevel(name, dpi);
  const doc = await PDFDocument.create();
  const page = doc.addPage([842, 595]);
  page.setRotation(degrees(90));
  const ctx = doc.context;
  const image = ctx.register(ctx.stream(deflateSync(bits), { Type: 'XObject', Subtype: 'Image', Width: width, Height: height, BitsPerComponent: 1, ColorSpace: 'DeviceGray', Filter: 'FlateDecode' }));
  page.node.setXObject(PDFName.of('Im1'), image);
  // Turned 90 degrees clockwise for display, the page's left edge is the top and its bottom edge
  // the left: the image's bottom-left corner goes to (842, 0), its rows run along user-space x.
  page.node.set(PDFName.of('Contents'), ctx.register(ctx.stream(`q 0 595 -842 0 842 0 cm /Im1 Do Q`)));
  return doc.save();
}

/**
 * A scan as a stencil mask (/ImageMask, as JBIG2 and CCITT scans often are), painted in black;
 * Flate-encoded, or LZW (a codec our own decoders leave to pdf.js).
 */
export async function stencilScan(name: string, dpi = 150, codec: 'flate' | 'lzw' = 'flate'): Promise<Uint8Array> {
  const { width, height, bits } = bilevel(name, dpi);
  const doc = await PDFDocument.create();
  const page = doc.addPage([595, 842]);
  const ctx = doc.context;
  // Sample 0 paints: the ink's bits are 0, as in the bilevel image.
  const encoded = codec === 'lzw' ? lzwEncode(bits) : deflateSync(bits);
  const mask = ctx.register(ctx.stream(encoded, { Type: 'XObject', Subtype: 'Image', Width: width, Height: height, BitsPerComponent: 1, ImageMask: true, Filter: codec === 'lzw' ? 'LZWDecode' : 'FlateDecode' }));
  page.node.setXObject(PDFName.of('Im1'), mask);
  page.node.set(PDFName.of('Contents'), ctx.register(ctx.stream(`q 0 g 595 0 0 842 0 0 cm /Im1 Do Q`)));
  return doc.save();
}

/** Page 1 of a fixture as 1-bit samples, rows padded to bytes, 1 = white. */
function bilevel(name: string, dpi: number): { width: number; height: number; bits: Buffer } {
  const pgm = render(name, dpi, 'pgm');
  const header = /^P5\s+(\d+)\s+(\d+)\s+255\s/.exec(pgm.subarray(0, 40).toString('latin1'));
  if (!header) throw new Error('not a PGM');
  const width = Number(header[1]);
  const height = Number(header[2]);
  const grey = pgm.subarray(header[0].length);
  const rowBytes = (width + 7) >> 3;
  const bits = Buffer.alloc(rowBytes * height);
  // 1 = white (DeviceGray, Decode [0 1]).
  for (let y = 0; y < height; y++) for (let x = 0; x < width; x++) if ((grey[y * width + x] as number) > 160) bits[y * rowBytes + (x >> 3)] = (bits[y * rowBytes + (x >> 3)] as number) | (0x80 >> (x & 7));
  return { width, height, bits };
}

/** A two-page document: page 1 born-digital (its text layer), page 2 an image-only scan. */
export async function mixedDocument(textFixture: string, scanFixture: string): Promise<Uint8Array> {
  const doc = await PDFDocument.create();
  const [first] = await doc.copyPages(await PDFDocument.load(readFileSync(new URL(textFixture, fixtures))), [0]);
  doc.addPage(first);
  const page = doc.addPage([595, 842]);
  page.drawImage(await doc.embedJpg(render(scanFixture, 150, 'jpeg')), { x: 0, y: 0, width: 595, height: 842 });
  return doc.save();
}

/** An image-only scan (A4 portrait pages) of 8-bit grey pixels, Flate-encoded, one image a page. */
export async function greyScan(pages: readonly { width: number; height: number; grey: Uint8Array }[]): Promise<Uint8Array> {
  const doc = await PDFDocument.create();
  const ctx = doc.context;
  for (const { width, height, grey } of pages) {
    const page = doc.addPage([595, 842]);
    const image = ctx.register(ctx.stream(deflateSync(grey), { Type: 'XObject', Subtype: 'Image', Width: width, Height: height, BitsPerComponent: 8, ColorSpace: 'DeviceGray', Filter: 'FlateDecode' }));
    page.node.setXObject(PDFName.of('Im1'), image);
    page.node.set(PDFName.of('Contents'), ctx.register(ctx.stream(`q 595 0 0 842 0 0 cm /Im1 Do Q`)));
  }
  return doc.save();
}

/**
 * A scan written as a stack of strips, each its own grey Flate image, drawn one under the other
 * (as Cairo and Adobe's PDF Library write page images): seams run through text lines.
 */
export async function stripScan(name: string, strips: number, dpi = 150): Promise<Uint8Array> {
  const { width, height, grey } = faintPage(name, dpi, 0); // ink as rendered (lightest 0)
  const doc = await PDFDocument.create();
  const page = doc.addPage([595, 842]);
  const ctx = doc.context;
  const rows = Math.ceil(height / strips);
  const ops: string[] = [];
  for (let k = 0, y = 0; y < height; k++, y += rows) {
    const h = Math.min(rows, height - y);
    const image = ctx.register(ctx.stream(deflateSync(grey.subarray(y * width, (y + h) * width)), { Type: 'XObject', Subtype: 'Image', Width: width, Height: h, BitsPerComponent: 8, ColorSpace: 'DeviceGray', Filter: 'FlateDecode' }));
    page.node.setXObject(PDFName.of(`S${k}`), image);
    // Strip k covers rows y .. y + h of the page image, from the top of the page down.
    const top = 842 - (842 * y) / height;
    const drawn = (842 * h) / height;
    ops.push(`q 595 0 0 ${drawn.toFixed(4)} 0 ${(top - drawn).toFixed(4)} cm /S${k} Do Q`);
  }
  page.node.set(PDFName.of('Contents'), ctx.register(ctx.stream(ops.join('\n'))));
  return doc.save();
}

/** Page 1 of a fixture as grey pixels, its ink lightened to `lightest` on white (faint print). */
export function faintPage(name: string, dpi: number, lightest: number): { width: number; height: number; grey: Uint8Array } {
  const pgm = render(name, dpi, 'pgm');
  const header = /^P5\s+(\d+)\s+(\d+)\s+255\s/.exec(pgm.subarray(0, 40).toString('latin1'));
  if (!header) throw new Error('not a PGM');
  const grey = new Uint8Array(pgm.subarray(header[0].length));
  for (let i = 0; i < grey.length; i++) grey[i] = 255 - Math.round(((255 - (grey[i] as number)) * (255 - lightest)) / 255);
  return { width: Number(header[1]), height: Number(header[2]), grey };
}

/**
 * A blank sheet as a scanner gives it: off-white with noise, isolated dark specks (dust) and a
 * dark line along one edge (the sheet's shadow). Deterministic.
 */
export function blankSheet(width: number, height: number): Uint8Array {
  const grey = new Uint8Array(width * height);
  let seed = 12345;
  const random = () => (seed = (Math.imul(seed, 1103515245) + 12345) >>> 0) / 2 ** 32;
  for (let i = 0; i < grey.length; i++) grey[i] = 240 + Math.floor(random() * 12);
  // Specks of 1-3 pixels, one in each cell of 60 x 60 pixels that random picks (a sixth of them).
  for (let k = 0; k < Math.floor(width / 60) * Math.floor(height / 60); k++) {
    if (random() > 1 / 6) continue;
    const x = (k % Math.floor(width / 60)) * 60 + Math.floor(random() * 50);
    const y = Math.floor(k / Math.floor(width / 60)) * 60 + Math.floor(random() * 50);
    const size = 1 + Math.floor(random() * 3);
    for (let dy = 0; dy < size; dy++) for (let dx = 0; dx < size; dx++) grey[(y + dy) * width + x + dx] = Math.floor(random() * 120);
  }
  for (let y = 10; y < height - 10; y++) for (let x = width - 6; x < width - 3; x++) grey[y * width + x] = 90;
  return grey;
}

/**
 * A grey Flate scan of a sheet fed the wrong way: its pixels turned by 180 degrees (upside down)
 * or 90 (sideways, clockwise, on a landscape page), placed upright and without /Rotate, so
 * neither the placement nor the page says it is turned.
 */
export async function turnedScan(name: string, turn: 90 | 180, dpi = 150): Promise<Uint8Array> {
  const { width, height, grey } = faintPage(name, dpi, 0);
  const turned = new Uint8Array(grey.length);
  if (turn === 180) for (let i = 0; i < grey.length; i++) turned[i] = grey[grey.length - 1 - i] as number;
  // Clockwise: the source's row y becomes column height - 1 - y.
  else for (let y = 0; y < height; y++) for (let x = 0; x < width; x++) turned[x * height + (height - 1 - y)] = grey[y * width + x] as number;
  const [w, h] = turn === 180 ? [width, height] : [height, width];
  const [pw, ph] = turn === 180 ? [595, 842] : [842, 595];
  const doc = await PDFDocument.create();
  const page = doc.addPage([pw, ph]);
  const ctx = doc.context;
  const image = ctx.register(ctx.stream(deflateSync(turned), { Type: 'XObject', Subtype: 'Image', Width: w, Height: h, BitsPerComponent: 8, ColorSpace: 'DeviceGray', Filter: 'FlateDecode' }));
  page.node.setXObject(PDFName.of('Im1'), image);
  page.node.set(PDFName.of('Contents'), ctx.register(ctx.stream(`q ${pw} 0 0 ${ph} 0 0 cm /Im1 Do Q`)));
  return doc.save();
}

/**
 * A grey Flate scan drawn in pieces: a grid of `columns` x `rows` tiles, each its own image,
 * drawn row by row from the top (`order` 'top-down') or from the bottom row up ('bottom-up', as
 * some PDF libraries write bands). Seams cut through words and lines.
 */
export async function tiledScan(name: string, columns: number, rows: number, order: 'top-down' | 'bottom-up', options: { dpi?: number; seams?: { x: number[]; y: number[] } } = {}): Promise<Uint8Array> {
  const { width, height, grey } = faintPage(name, options.dpi ?? 150, 0);
  const doc = await PDFDocument.create();
  const page = doc.addPage([595, 842]);
  const ctx = doc.context;
  // Where the seams are, in pixels from the left and the top: evenly spaced unless given.
  const xs = [0, ...(options.seams?.x ?? [...Array(columns - 1).keys()].map((k) => Math.ceil(((k + 1) * width) / columns))), width];
  const ys = [0, ...(options.seams?.y ?? [...Array(rows - 1).keys()].map((k) => Math.ceil(((k + 1) * height) / rows))), height];
  const ops: string[] = [];
  const rowOrder = [...Array(rows).keys()];
  if (order === 'bottom-up') rowOrder.reverse();
  for (const r of rowOrder) {
    for (let c = 0; c < columns; c++) {
      const x = xs[c] as number;
      const y = ys[r] as number;
      const w = (xs[c + 1] as number) - x;
      const h = (ys[r + 1] as number) - y;
      const samples = new Uint8Array(w * h);
      for (let k = 0; k < h; k++) samples.set(grey.subarray((y + k) * width + x, (y + k) * width + x + w), k * w);
      const image = ctx.register(ctx.stream(deflateSync(samples), { Type: 'XObject', Subtype: 'Image', Width: w, Height: h, BitsPerComponent: 8, ColorSpace: 'DeviceGray', Filter: 'FlateDecode' }));
      page.node.setXObject(PDFName.of(`T${r}_${c}`), image);
      // The tile's place on the page, in the page's units per pixel.
      const sx = 595 / width;
      const sy = 842 / height;
      ops.push(`q ${(w * sx).toFixed(4)} 0 0 ${(h * sy).toFixed(4)} ${(x * sx).toFixed(4)} ${(842 - (y + h) * sy).toFixed(4)} cm /T${r}_${c} Do Q`);
    }
  }
  page.node.set(PDFName.of('Contents'), ctx.register(ctx.stream(ops.join('\n'))));
  return doc.save();
}

/** A scan drawn as one inline image (BI ... ID ... EI) of 8-bit grey samples, hex- and Flate-encoded. */
export async function inlineScan(name: string, dpi = 150): Promise<Uint8Array> {
  const { width, height, grey } = faintPage(name, dpi, 0);
  const doc = await PDFDocument.create();
  const page = doc.addPage([595, 842]);
  const ctx = doc.context;
  const data = `${deflateSync(grey).toString('hex')}>`;
  page.node.set(PDFName.of('Contents'), ctx.register(ctx.stream(`q 595 0 0 842 0 0 cm\nBI /W ${width} /H ${height} /BPC 8 /CS /G /F [/AHx /Fl] ID ${data}\nEI\nQ`)));
  return doc.save();
}

/**
 * A scan as an 8-bit palette image (/Indexed over DeviceRGB, Flate), as scanners write sparse or
 * two-colour pages: a blue-grey ink on an off-white paper, 16 levels between.
 */
export async function paletteScan(name: string, dpi = 150): Promise<Uint8Array> {
  const { width, height, grey } = faintPage(name, dpi, 0);
  const levels = 16;
  const lookup = Buffer.alloc(3 * levels);
  for (let k = 0; k < levels; k++) {
    const t = k / (levels - 1); // 0: ink, 1: paper
    lookup[3 * k] = Math.round(30 + t * 215);
    lookup[3 * k + 1] = Math.round(40 + t * 205);
    lookup[3 * k + 2] = Math.round(90 + t * 150);
  }
  const indices = new Uint8Array(grey.length);
  for (let i = 0; i < grey.length; i++) indices[i] = Math.round(((grey[i] as number) / 255) * (levels - 1));
  const doc = await PDFDocument.create();
  const page = doc.addPage([595, 842]);
  const ctx = doc.context;
  const colourSpace = ctx.obj([PDFName.of('Indexed'), PDFName.of('DeviceRGB'), levels - 1, PDFHexString.of(lookup.toString('hex'))]);
  const image = ctx.register(ctx.stream(deflateSync(indices), { Type: 'XObject', Subtype: 'Image', Width: width, Height: height, BitsPerComponent: 8, ColorSpace: colourSpace, Filter: 'FlateDecode' }));
  page.node.setXObject(PDFName.of('Im1'), image);
  page.node.set(PDFName.of('Contents'), ctx.register(ctx.stream(`q 595 0 0 842 0 0 cm /Im1 Do Q`)));
  return doc.save();
}

/** A JPEG scan whose page image is drawn twice at the same place (one XObject, two `Do`). */
export async function doubledScan(name: string, dpi = 150): Promise<Uint8Array> {
  const doc = await PDFDocument.create();
  const page = doc.addPage([595, 842]);
  const image = await doc.embedJpg(render(name, dpi, 'jpeg'));
  page.drawImage(image, { x: 0, y: 0, width: 595, height: 842 });
  page.drawImage(image, { x: 0, y: 0, width: 595, height: 842 });
  return doc.save();
}

/** A one-bit Flate scan of a fixture's first page (A4 portrait), as office scanners write black-and-white pages. */
export async function bilevelScan(name: string, dpi = 200): Promise<Uint8Array> {
  const { width, height, bits } = bilevel(name, dpi);
  const doc = await PDFDocument.create();
  const page = doc.addPage([595, 842]);
  const ctx = doc.context;
  const image = ctx.register(ctx.stream(deflateSync(bits), { Type: 'XObject', Subtype: 'Image', Width: width, Height: height, BitsPerComponent: 1, ColorSpace: 'DeviceGray', Filter: 'FlateDecode' }));
  page.node.setXObject(PDFName.of('Im1'), image);
  page.node.set(PDFName.of('Contents'), ctx.register(ctx.stream(`q 595 0 0 842 0 0 cm /Im1 Do Q`)));
  return doc.save();
}
