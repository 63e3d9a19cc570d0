/**
 * Whether a page image may hold print, decided before OCR: a scanned blank page (the back of a
 * sheet, a separator) is not worth starting the OCR engine for (it holds 100-180 MB once it has
 * read a 300 dpi page, and a page takes it seconds). Uncertain means "may hold print": only an
 * image in which no mark has the size of a printed character is blank.
 *
 * Marks are pixels that differ from the page's background (the median grey) by more than
 * INK_CONTRAST in either direction (light grey print on white and white print on dark both
 * count). Connected marks (8-neighbours) are one mark; a mark whose longer side is at least
 * MIN_GLYPH_MM and at most MAX_GLYPH_MM could be a character, anything smaller is speckle, anything
 * longer a rule or the sheet's edge (a character touching a rule joins it, but a page of text has
 * free-standing characters too). More marked pixels than MAX_INK_FRACTION: not blank, not looked at
 * further.
 */
import type { GreyImage } from './engine.js';

/** Difference from the background that counts as a mark (JPEG noise on white paper stays within 8-16). */
const INK_CONTRAST = 32;
/** Smaller than this is speckle: a 5 pt letter's x-height is about 0.9 mm. */
const MIN_GLYPH_MM = 0.6;
/** Longer than this is a line, not a character (a 48 pt capital is about 12 mm tall). */
const MAX_GLYPH_MM = 25;
const MAX_INK_FRACTION = 0.01;
/** Rows sampled first (one in this many), and the share of their pixels marked that says "not blank" at once. */
const SAMPLE_ROWS = 8;
const SAMPLED_INK_FRACTION = 2 * MAX_INK_FRACTION;

/** The median grey, from a sample of the pixels (every 7th). */
function background(pixels: Uint8Array): number {
  const histogram = new Uint32Array(256);
  let n = 0;
  for (let i = 0; i < pixels.length; i += 7, n++) histogram[pixels[i] as number] = (histogram[pixels[i] as number] as number) + 1;
  let seen = 0;
  for (let v = 0; v < 256; v++) {
    seen += histogram[v] as number;
    if (seen * 2 >= n) return v;
  }
  return 255;
}

/** A rectangle of an image's pixels, [x0, x1) by [y0, y1). */
export interface PixelBox {
  readonly x0: number;
  readonly y0: number;
  readonly x1: number;
  readonly y1: number;
}

/**
 * How many marks (pixels INK_CONTRAST off the image's background) each row of the rectangle
 * holds, and each of its columns where asked: the ink profiles that count lines of print
 * (print-lines.ts) and tell which way they run (turned-scans.ts).
 */
export function inkProfile(image: GreyImage, box: PixelBox, withColumns: boolean): { rows: Uint32Array; columns: Uint32Array } {
  const { width, pixels } = image;
  const bg = background(pixels);
  const lo = bg - INK_CONTRAST;
  const hi = bg + INK_CONTRAST;
  const { x0, y0, x1, y1 } = box;
  const rows = new Uint32Array(Math.max(0, y1 - y0));
  const columns = new Uint32Array(withColumns ? Math.max(0, x1 - x0) : 0);
  for (let y = y0; y < y1; y++) {
    const base = y * width;
    let n = 0;
    for (let x = x0; x < x1; x++) {
      const v = pixels[base + x] as number;
      if (v < lo || v > hi) {
        n++;
        if (withColumns) columns[x - x0] = (columns[x - x0] as number) + 1;
      }
    }
    rows[y - y0] = n;
  }
  return { rows, columns };
}

/**
 * Whether the image may hold print at `pixelsPerMm` (its resolution on the page): false only when
 * no mark in it is of a character's size.
 */
export function mayHoldPrint(image: GreyImage, pixelsPerMm: number): boolean {
  const { width, height, pixels } = image;
  if (width * height === 0 || !(pixelsPerMm > 0)) return true;
  const bg = background(pixels);
  const lo = bg - INK_CONTRAST;
  const hi = bg + INK_CONTRAST;
  // A page of print has more ink than MAX_INK_FRACTION, mostly after a blank top margin: every
  // SAMPLE_ROWS-th row says so at an eighth of the pixels (the count of all of them took 10-25 ms
  // of a 300 dpi page before its OCR could start). Only saying "may hold print" sooner: safe.
  let sampled = 0;
  for (let y = 0; y < height; y += SAMPLE_ROWS) {
    const base = y * width;
    for (let x = 0; x < width; x++) {
      const v = pixels[base + x] as number;
      if (v < lo || v > hi) sampled++;
    }
  }
  if (sampled > SAMPLED_INK_FRACTION * width * Math.ceil(height / SAMPLE_ROWS)) return true;
  const cap = MAX_INK_FRACTION * width * height;
  let ink = 0;
  for (let i = 0; i < pixels.length; i++) {
    const v = pixels[i] as number;
    if ((v < lo || v > hi) && ++ink > cap) return true;
  }
  if (ink === 0) return false;
  const minSide = MIN_GLYPH_MM * pixelsPerMm;
  const maxSide = MAX_GLYPH_MM * pixelsPerMm;
  // Runs of marked pixels per row, joined with the runs of the row above that touch them (union-find
  // over runs; each root keeps its mark's bounding box).
  const parent: number[] = [];
  const box: number[] = []; // x0, y0, x1, y1 per run (valid at roots)
  const find = (a: number): number => {
    while (parent[a] !== a) a = parent[a] = parent[parent[a] as number] as number;
    return a;
  };
  const union = (a: number, b: number) => {
    const ra = find(a);
    const rb = find(b);
    if (ra === rb) return;
    parent[rb] = ra;
    box[4 * ra] = Math.min(box[4 * ra] as number, box[4 * rb] as number);
    box[4 * ra + 1] = Math.min(box[4 * ra + 1] as number, box[4 * rb + 1] as number);
    box[4 * ra + 2] = Math.max(box[4 * ra + 2] as number, box[4 * rb + 2] as number);
    box[4 * ra + 3] = Math.max(box[4 * ra + 3] as number, box[4 * rb + 3] as number);
  };
  let above: [number, number, number][] = []; // [x0, x1, run] of the row above
  for (let y = 0; y < height; y++) {
    const row: [number, number, number][] = [];
    const base = y * width;
    for (let x = 0; x < width; x++) {
      const v = pixels[base + x] as number;
      if (v >= lo && v <= hi) continue;
      const x0 = x;
      while (x + 1 < width && ((pixels[base + x + 1] as number) < lo || (pixels[base + x + 1] as number) > hi)) x++;
      const run = parent.length;
      parent.push(run);
      box.push(x0, y, x, y);
      row.push([x0, x, run]);
      // 8-neighbours: a run above touching [x0 - 1, x + 1].
      for (const [a0, a1, r] of above) if (a0 <= x + 1 && a1 >= x0 - 1) union(r, run);
    }
    above = row;
  }
  for (let r = 0; r < parent.length; r++) {
    if (parent[r] !== r) continue;
    const side = Math.max((box[4 * r + 2] as number) - (box[4 * r] as number), (box[4 * r + 3] as number) - (box[4 * r + 1] as number)) + 1;
    if (side >= minSide && side <= maxSide) return true;
  }
  return false;
}
