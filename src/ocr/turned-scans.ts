/**
 * Scans fed upside down or sideways. A page's orientation is known from how its image is placed
 * and from /Rotate, but a sheet that went through the feeder the wrong way round is upright in
 * neither: OCR of it reads garbage, and every name on it would stay in the published pixels. What
 * OCR itself says gives it away: the engine is sure of the words of an upright page (a
 * character-weighted confidence of 80-95 on the 27 pages of the real scans) and unsure of a
 * turned one (20-40). A page read poorly is read again turned by 180 degrees; a page whose ink
 * runs in columns is read turned by 90 (both ways) first. The first sure reading is kept; a page
 * unsure in every orientation is taken as placed, and read once more as sparse text.
 */
import type { GreyImage, OcrLayout, OcrLine } from './engine.js';
import { inkProfile } from './blank.js';
import { type Orientation, toSource, turnUpright } from './orientation.js';

/** Below this confidence (0-100) a reading is poor: the page may be turned, or faint. */
export const POOR_CONFIDENCE = 60;
/** A turned reading replaces the first only when sure, and this much surer. */
const BETTER_BY = 15;
/** Fewer characters than this say nothing about a page's orientation (a page number, a stamp). */
const MIN_CHARACTERS = 12;

/** How an image is turned (clockwise, in degrees) for a reading. */
export type Turn = 0 | 90 | 180 | 270;

/** The share of each side left out of the ink count (edges, shadows, punch holes). */
const MARGIN = 0.08;
/** A line of pixels with ink on at most this share of it is blank (noise, a speck). */
const BLANK_LINE = 0.004;
/** One direction's share of blank lines must be this many times the other's to say which way the text runs. */
const CLEAR_RATIO = 1.5;

/**
 * Which way the lines of print run, from the image's ink: text in rows leaves blank rows between
 * its lines and few blank columns, text turned sideways the other way round. Only the turns that
 * fit are tried (a handwritten page read poorly is not read sideways twice: 5 s each).
 */
export function lineDirection(image: GreyImage): 'rows' | 'columns' | 'unclear' {
  const { width, height } = image;
  // The sheet's edges and the scanner's shadows are left out: a margin of each side.
  const x0 = Math.floor(MARGIN * width);
  const x1 = width - x0;
  const y0 = Math.floor(MARGIN * height);
  const y1 = height - y0;
  if (x1 <= x0 || y1 <= y0) return 'unclear';
  const { rows, columns } = inkProfile(image, { x0, y0, x1, y1 }, true);
  // The share of blank lines (a speck or two of noise at most) between the first and the last with ink.
  const blankShare = (counts: Uint32Array, length: number) => {
    const quiet = Math.max(1, BLANK_LINE * length);
    let first = -1;
    let last = -1;
    counts.forEach((c, i) => {
      if (c > quiet) {
        if (first < 0) first = i;
        last = i;
      }
    });
    if (first < 0 || last <= first) return 0;
    let blank = 0;
    for (let i = first; i <= last; i++) if ((counts[i] as number) <= quiet) blank++;
    return blank / (last - first + 1);
  };
  const r = blankShare(rows, x1 - x0);
  const c = blankShare(columns, y1 - y0);
  if (r > CLEAR_RATIO * c && r > 0.05) return 'rows';
  if (c > CLEAR_RATIO * r && c > 0.05) return 'columns';
  return 'unclear';
}

/** How sure OCR is of its lines: the mean of its words' confidences, weighted by their length. */
export function readingConfidence(lines: readonly OcrLine[]): { confidence: number; characters: number } {
  let characters = 0;
  let sum = 0;
  for (const line of lines) {
    for (const word of line.words) {
      const n = [...word.text].length;
      characters += n;
      sum += n * word.confidence;
    }
  }
  return { confidence: characters > 0 ? sum / characters : 0, characters };
}

/** The turn of an image as an orientation of it (upright = M . original + t, see orientation.ts). */
function turnOf(image: GreyImage, turn: Turn): Orientation {
  const m: Orientation['m'] = turn === 0 ? [1, 0, 0, 1] : turn === 180 ? [-1, 0, 0, -1] : turn === 90 ? [0, -1, 1, 0] : [0, 1, -1, 0];
  const swap = turn === 90 || turn === 270;
  return { m, width: swap ? image.height : image.width, height: swap ? image.width : image.height, sourceWidth: image.width, sourceHeight: image.height };
}

export interface UprightReading {
  readonly lines: OcrLine[];
  /** How the image was turned for the lines (0: as given). */
  readonly turn: Turn;
  /** A point of the lines' pixels in the given image's pixels. */
  readonly back: (X: number, Y: number) => [number, number];
  /** Whether even the best reading is poor (faint, handwritten, damaged, or no print at all). */
  readonly poor: boolean;
}

/**
 * Reads an image that should be upright, and turned when its reading is poor. `recognize` is the
 * engine (the image it is given is its own to keep). Where the ink runs in columns (a landscape
 * sheet scanned in portrait) the turns by 90 are read first: reading sideways text as placed
 * took the engine longest of all (5 s a page, for garbage).
 */
export async function readUpright(image: GreyImage, recognize: (image: GreyImage, layout: OcrLayout) => Promise<OcrLine[]>): Promise<UprightReading> {
  const direction = lineDirection(image);
  // Upside down is the likeliest turn of a sheet fed the wrong way round.
  const order: readonly Turn[] = direction === 'columns' ? [90, 270, 0, 180] : direction === 'rows' ? [0, 180] : [0, 180, 90, 270];
  type Reading = Omit<UprightReading, 'poor'> & { confidence: number };
  let best: Reading | undefined;
  // Every order reads the page as placed at some point.
  let asPlaced: Reading | undefined;
  for (const [k, turn] of order.entries()) {
    const o = turnOf(image, turn);
    const lines = await recognize(turn === 0 ? image : turnUpright(o, image), 'block');
    const { confidence, characters } = readingConfidence(lines);
    const reading: Reading = { lines, turn, back: turn === 0 ? (X, Y) => [X, Y] : (X, Y) => toSource(o, X, Y), confidence };
    if (turn === 0) asPlaced = reading;
    // A few characters say nothing of a page's orientation (a page number, a stamp): read once.
    if (k === 0 && characters < MIN_CHARACTERS) return { lines, turn, back: reading.back, poor: false };
    // Garbage turned is no better than garbage as placed: only a sure reading replaces the first.
    if (!best || confidence >= Math.max(best.confidence + BETTER_BY, POOR_CONFIDENCE)) best = reading;
    if (best.confidence >= POOR_CONFIDENCE) return { lines: best.lines, turn: best.turn, back: best.back, poor: false };
  }
  // Unsure in every orientation: the page is taken as placed (every order reads it so).
  let chosen = asPlaced as Reading;
  // Rules, dotted lines or a pattern through the text make a block's lines noise, where reading
  // it as sparse text finds the words.
  const sparse = await recognize(image, 'sparse');
  const { confidence } = readingConfidence(sparse);
  if (confidence > chosen.confidence) chosen = { lines: sparse, turn: 0, back: (X, Y) => [X, Y], confidence };
  return { lines: chosen.lines, turn: chosen.turn, back: chosen.back, poor: chosen.confidence < POOR_CONFIDENCE };
}
