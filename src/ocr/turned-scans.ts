/**
 * Scans fed upside down or sideways. A page's orientation is known from how its image is placed
 * and from /Rotate, but a sheet that went through the feeder the wrong way round is upright in
 * neither: OCR of it reads garbage, and every name on it would stay in the published pixels. What
 * OCR itself says gives it away: the engine is sure of the words of an upright page (a
 * character-weighted confidence of 88-95 on real scans) and unsure of a turned one (20-40). A
 * page read poorly is read again turned by 180 degrees, then by 90 both ways, and the reading it
 * is surest of is kept; one that is upright after all is read once more as sparse text.
 */
import type { GreyImage, OcrLayout, OcrLine } from './engine.js';
import { type Orientation, toSource, turnUpright } from './orientation.js';

/** Below this confidence (0-100) a reading is poor: the page may be turned, or faint. */
export const POOR_CONFIDENCE = 60;
/** A turned reading replaces the first only when sure, and this much surer. */
const BETTER_BY = 15;
/** Fewer characters than this say nothing about a page's orientation (a page number, a stamp). */
const MIN_CHARACTERS = 12;

/** The turns tried after a poor reading, the likeliest first (a sheet fed the wrong way round). */
const TURNS = [180, 90, 270] as const;
export type Turn = 0 | (typeof TURNS)[number];

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
 * engine (the image it is given is its own to keep).
 */
export async function readUpright(image: GreyImage, recognize: (image: GreyImage, layout: OcrLayout) => Promise<OcrLine[]>): Promise<UprightReading> {
  const first = await recognize(image, 'block');
  const firstScore = readingConfidence(first);
  let best: Omit<UprightReading, 'poor'> & { confidence: number } = { lines: first, turn: 0, back: (X, Y) => [X, Y], confidence: firstScore.confidence };
  if (firstScore.characters < MIN_CHARACTERS || firstScore.confidence >= POOR_CONFIDENCE) return { lines: first, turn: 0, back: best.back, poor: false };
  for (const turn of TURNS) {
    const o = turnOf(image, turn);
    const lines = await recognize(turnUpright(o, image), 'block');
    const { confidence } = readingConfidence(lines);
    // Garbage turned is no better than garbage as placed: only a sure reading replaces the first.
    if (confidence >= Math.max(best.confidence + BETTER_BY, POOR_CONFIDENCE)) best = { lines, turn, back: (X, Y) => toSource(o, X, Y), confidence };
    // Upside down is by far the likeliest: a sure reading ends the search.
    if (best.turn !== 0) break;
  }
  if (best.turn === 0) {
    // Upright after all, but read poorly as one block: rules, dotted lines or a pattern through
    // the text make the block's lines noise, where reading it as sparse text finds the words.
    const sparse = await recognize(image, 'sparse');
    const { confidence } = readingConfidence(sparse);
    if (confidence > best.confidence) best = { ...best, lines: sparse, confidence };
  }
  return { lines: best.lines, turn: best.turn, back: best.back, poor: best.confidence < POOR_CONFIDENCE };
}
