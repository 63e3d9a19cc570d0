import levenshtein from 'fast-levenshtein';

/** Lower-case, accents off, runs of spaces collapsed: the form fuzzy matching compares. */
export function foldForMatching(text: string): string {
  return text
    .normalize('NFD')
    .replace(/[\u0300-\u036f]/g, '')
    .toLowerCase()
    .replace(/\s+/g, ' ')
    .trim();
}

/** Edits allowed for OCR damage, growing with the length of what is compared. */
export function allowedEdits(length: number): number {
  if (length < 5) return 0;
  if (length < 10) return 1;
  if (length < 20) return 2;
  return Math.floor(length / 8);
}

export function editDistance(a: string, b: string): number {
  return levenshtein.get(a, b);
}

/** True when `candidate` is `target` up to OCR damage (both already folded). */
export function fuzzyEquals(candidate: string, target: string, maxEdits = allowedEdits(target.length)): boolean {
  if (candidate === target) return true;
  if (Math.abs(candidate.length - target.length) > maxEdits) return false;
  return maxEdits > 0 && editDistance(candidate, target) <= maxEdits;
}

/**
 * Whether the folded `phrase` occurs in the folded `text`, exactly or within OCR damage: a window
 * of as many words as the phrase has (plus or minus one) is compared by edit distance.
 */
export function fuzzyContains(text: string, phrase: string): boolean {
  if (text.includes(phrase)) return true;
  const max = allowedEdits(phrase.length);
  if (max === 0) return false;
  // Cheap filter: every long word of the phrase must start or end in the text as written (OCR
  // damage rarely hits both ends of a word).
  const anchors = phrase.split(' ').filter((w) => w.length >= 6);
  if (anchors.length > 0 && !anchors.every((w) => text.includes(w.slice(0, 4)) || text.includes(w.slice(-4)))) return false;
  const words = text.split(' ');
  const n = phrase.split(' ').length;
  for (let size = Math.max(1, n - 1); size <= n + 1; size++) {
    for (let i = 0; i + size <= words.length; i++) {
      const window = words.slice(i, i + size).join(' ');
      if (Math.abs(window.length - phrase.length) <= max && editDistance(window, phrase) <= max) return true;
    }
  }
  return false;
}
