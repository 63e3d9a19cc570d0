/** Form feeds are page breaks in OCR'd text. Returns the start offset of every page. */
export function pageStarts(text: string): number[] {
  const starts = [0];
  for (let i = text.indexOf('\f'); i !== -1; i = text.indexOf('\f', i + 1)) starts.push(i + 1);
  return starts;
}

/** 1-based page number of a source offset, by binary search over the page starts. */
export function pageOf(starts: readonly number[], offset: number): number {
  let lo = 0;
  let hi = starts.length - 1;
  while (lo < hi) {
    const mid = (lo + hi + 1) >> 1;
    if ((starts[mid] ?? 0) <= offset) lo = mid;
    else hi = mid - 1;
  }
  return lo + 1;
}
