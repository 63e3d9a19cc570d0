import { SpanError } from '../errors.js';

/** A half-open range of UTF-16 code unit offsets, `start` inclusive, `end` exclusive. */
export interface Span {
  readonly start: number;
  readonly end: number;
}

/** Creates a span and checks it against the text it points into. */
export function span(start: number, end: number, textLength?: number): Span {
  if (!Number.isInteger(start) || !Number.isInteger(end) || start < 0 || end < start) {
    throw new SpanError(`invalid span ${start}-${end}`);
  }
  if (textLength !== undefined && end > textLength) {
    throw new SpanError(`span ${start}-${end} runs past the end of the text (${textLength})`);
  }
  return { start, end };
}

export function overlaps(a: Span, b: Span): boolean {
  return a.start < b.end && b.start < a.end;
}

export function compareSpans(a: Span, b: Span): number {
  return a.start - b.start || a.end - b.end;
}
