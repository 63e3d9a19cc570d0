/**
 * How many lines of print a page image shows, estimated without OCR: a scan that comes with an
 * OCR layer of someone else's is trusted to hold the page's text, unless the layer is far shorter
 * than what the image shows (an OCR tool that read one line of a page and gave up left every
 * other name of it in the pixels, found by nothing).
 *
 * Rows of the image that hold ink (marks as blank.ts counts them: inkProfile) form bands; a band
 * of a line's height is a line, a taller band (lines close together, or a skewed scan) counts as
 * many lines as its height holds, a thinner one (a rule, speckle) none.
 */
import { inkProfile } from './blank.js';
import type { GreyImage } from './engine.js';

/** A row holds ink when this share of its pixels is marked (a line of small print marks 2-10%). */
const ROW_INK = 0.002;
/** A band lower than this is a rule or speckle, not a line (a 6 pt x-height is about 1.1 mm). */
const MIN_LINE_MM = 1;
/** The height one line of body text takes in a band of lines that touch (10-12 pt type). */
const LINE_PITCH_MM = 4.5;
/** A gap of fewer rows than this inside a band joins it (the gap between a line's letters and its accents). */
const JOIN_MM = 0.25;

/** The lines of print in an upright grey image at `pixelsPerMm`. */
export function printLines(image: GreyImage, pixelsPerMm: number): number {
  const { width, height } = image;
  if (width * height === 0 || !(pixelsPerMm > 0)) return 0;
  const { rows } = inkProfile(image, { x0: 0, y0: 0, x1: width, y1: height }, false);
  const need = Math.max(2, ROW_INK * width);
  const join = Math.max(1, Math.round(JOIN_MM * pixelsPerMm));
  let lines = 0;
  let bandStart = -1;
  let lastInk = -1;
  const close = () => {
    const mm = (lastInk - bandStart + 1) / pixelsPerMm;
    if (mm >= MIN_LINE_MM) lines += Math.max(1, Math.round(mm / LINE_PITCH_MM));
  };
  for (let y = 0; y < height; y++) {
    if ((rows[y] as number) < need) continue;
    if (bandStart < 0 || y - lastInk > join) {
      if (bandStart >= 0) close();
      bandStart = y;
    }
    lastInk = y;
  }
  if (bandStart >= 0) close();
  return lines;
}

/**
 * Whether an image shows so many more lines than a page's own OCR layer holds that the layer
 * cannot be its text: twice as many, and four more (a letterhead or a footer the layer left out
 * is not enough).
 */
export function showsMoreThanLayer(printed: number, layerLines: number): boolean {
  return printed >= 2 * layerLines && printed >= layerLines + 4;
}
