/**
 * Pages drawn as strips of one image. Cairo (pdftocairo, and what prints through it), Adobe's
 * PDF Library and some scanners write a page image as a stack of bands, each its own image
 * XObject. Read strip by strip, OCR cuts every line that crosses a seam and reads a strip of a few
 * rows as nothing at all (thin strips were even skipped as rules): a name on a seam would go
 * undetected. Strips that tile one rectangle, one under the other in drawing order, are read as
 * one image: their samples stacked, placed by the quad they cover together.
 */
import type { ImagePlacement, Quad } from '../pdf/interpret.js';
import type { PdfJsImage } from '../pdf/pdfjs.js';

type Point = readonly [number, number];

const corner = (q: Quad, k: 0 | 1 | 2 | 3): Point => [q[2 * k] as number, q[2 * k + 1] as number];
const near = (p: Point, r: Point, tolerance: number) => Math.hypot(p[0] - r[0], p[1] - r[1]) <= tolerance;

/**
 * Whether `next` is drawn right under `previous` (its first row at the other's last, the same
 * width and direction): in a quad A (0,0), B (1,0), C (1,1), D (0,1) of the image's unit square, an
 * image's first row runs along D-C and its last along A-B.
 */
function stacksUnder(previous: Quad, next: Quad): boolean {
  const width = Math.hypot((previous[2] as number) - (previous[0] as number), (previous[3] as number) - (previous[1] as number));
  // Half a point, or a device pixel's rounding of a wide strip.
  const tolerance = Math.max(0.5, 0.002 * width);
  return near(corner(next, 3), corner(previous, 0), tolerance) && near(corner(next, 2), corner(previous, 1), tolerance);
}

/** The quad a stack of strips covers, top strip first: its top edge and the bottom strip's bottom edge. */
export function stackedQuad(quads: readonly Quad[]): Quad {
  const top = quads[0] as Quad;
  const bottom = quads[quads.length - 1] as Quad;
  return [bottom[0], bottom[1], bottom[2], bottom[3], top[4], top[5], top[6], top[7]];
}

/**
 * The placements of one page in groups, in drawing order: each group a stack of strips (top to
 * bottom) or a single image.
 */
export function stripGroups(placements: readonly ImagePlacement[]): ImagePlacement[][] {
  const groups: ImagePlacement[][] = [];
  for (const placement of placements) {
    const last = groups[groups.length - 1];
    const below = last?.[last.length - 1];
    if (last && below && stacksUnder(below.quad, placement.quad)) last.push(placement);
    else groups.push([placement]);
  }
  return groups;
}

/** Bytes of one row of a decoded image of pdf.js's kinds (1: 1-bit grey, 0: 8-bit grey, 2: RGB, 3: RGBA). */
function rowBytes(image: PdfJsImage): number | undefined {
  const { width, kind } = image;
  return kind === 1 ? (width + 7) >> 3 : kind === 0 ? width : kind === 2 ? 3 * width : kind === 3 ? 4 * width : undefined;
}

/**
 * Strips (top to bottom) as one image, when they can be: of one kind and width, with the same
 * rows per unit of length (a strip scaled otherwise would be stretched in the stack). Otherwise
 * each strip on its own.
 */
export function stackStrips(strips: readonly { quad: Quad; image: PdfJsImage }[]): { quad: Quad; image: PdfJsImage }[] {
  if (strips.length < 2) return [...strips];
  const first = (strips[0] as { image: PdfJsImage }).image;
  const bytes = rowBytes(first);
  if (bytes === undefined) return [...strips];
  const density = (s: { quad: Quad; image: PdfJsImage }) => s.image.height / Math.max(1e-9, Math.hypot((s.quad[6] as number) - (s.quad[0] as number), (s.quad[7] as number) - (s.quad[1] as number)));
  const d0 = density(strips[0] as { quad: Quad; image: PdfJsImage });
  const fits = strips.every((s) => s.image.kind === first.kind && s.image.width === first.width && Math.abs(density(s) - d0) <= 0.02 * d0 && s.image.data.length >= bytes * s.image.height);
  if (!fits) return [...strips];
  const height = strips.reduce((n, s) => n + s.image.height, 0);
  const data = new Uint8Array(bytes * height);
  let at = 0;
  for (const { image } of strips) {
    data.set(image.data.subarray(0, bytes * image.height), at);
    at += bytes * image.height;
  }
  return [{ quad: stackedQuad(strips.map((s) => s.quad)), image: { width: first.width, height, kind: first.kind, data } }];
}
