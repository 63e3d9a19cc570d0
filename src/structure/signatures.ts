import { isBlank, type Line, trimmedSpan } from '../document/lines.js';
import type { Span } from '../document/span.js';

// Closings after which a signature block (name, function, contact lines) follows.
// Bilingual mail closes with two ("Kind regards Met vriendelijke groet").
const CLOSING =
  /^(?:(?:(?:met\s+)?(?:vriendelijke|hartelijke|collegiale|beste|goede)\s+groet(?:en)?|groet(?:en|jes)?|gr\.?|m\.?v\.?g\.?|hoogachtend|(?:with\s+)?kind(?:est)? regards|best regards|regards)\s*[,.!]?\s*){1,2}$/iu;
const MAX_SIGNATURE_LINES = 8;

/**
 * Signature blocks: the non-blank lines after a closing, up to the first blank line that follows
 * content or the next e-mail header.
 */
export function findSignatures(lines: readonly Line[], emailHeaders: readonly Span[]): Span[] {
  const blocks: Span[] = [];
  const headerStarts = new Set(emailHeaders.map((h) => h.start));
  for (let i = 0; i < lines.length; i++) {
    const line = lines[i] as Line;
    if (!CLOSING.test(line.text.trim())) continue;
    let first: Line | undefined;
    let last: Line | undefined;
    let count = 0;
    for (let k = i + 1; k < lines.length && count < MAX_SIGNATURE_LINES; k++) {
      const next = lines[k] as Line;
      if (headerStarts.has(next.start)) break;
      if (isBlank(next)) {
        if (first && k + 1 < lines.length && isBlank(lines[k + 1] as Line)) break;
        if (first) break;
        continue;
      }
      first ??= next;
      last = next;
      count++;
    }
    if (first && last) blocks.push({ start: trimmedSpan(first).start, end: trimmedSpan(last).end });
  }
  return blocks;
}
