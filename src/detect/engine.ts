import type { Finding } from '../document/types.js';
import { foldForMatching } from '../structure/fuzzy.js';
import type { Candidate, Recognizer, RecognizerContext } from './recognizer.js';

const DEFAULT_WINDOW = 40;

/** The text before `start` on the same line, folded, at most `window` characters. */
export function lineBefore(text: string, start: number, window = DEFAULT_WINDOW): string {
  let from = start;
  while (from > 0 && start - from < window && text[from - 1] !== '\n' && text[from - 1] !== '\f') from--;
  return foldForMatching(text.slice(from, start));
}

const wordRegexCache = new WeakMap<readonly string[], RegExp>();

/** Whether any of the (folded) words occurs as a whole word in the folded haystack. */
export function containsWord(haystack: string, words: readonly string[]): boolean {
  let regex = wordRegexCache.get(words);
  if (!regex) {
    regex = new RegExp(`(?:^|[^\\p{L}\\d])(?:${words.map(escapeRegExp).join('|')})(?:$|[^\\p{L}\\d])`, 'u');
    wordRegexCache.set(words, regex);
  }
  return regex.test(haystack);
}

export function escapeRegExp(s: string): string {
  return s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}

/** Runs a pattern recognizer: every pattern, context and veto words, validator. */
export function runPatterns(recognizer: Recognizer, ctx: RecognizerContext): Candidate[] {
  const out: Candidate[] = [];
  if (recognizer.requires && !recognizer.requires.test(ctx.text)) return out;
  for (const pattern of recognizer.patterns ?? []) {
    const regex = new RegExp(pattern.regex.source, pattern.regex.flags.includes('g') ? pattern.regex.flags : `${pattern.regex.flags}g`);
    for (let m = regex.exec(ctx.text); m; m = regex.exec(ctx.text)) {
      if (m[0].length === 0) {
        regex.lastIndex++;
        continue;
      }
      const value = m.groups?.value;
      const start = value !== undefined ? m.index + m[0].lastIndexOf(value) : m.index;
      const raw = value ?? m[0];
      const end = start + raw.length;
      if (recognizer.validate && !recognizer.validate(raw)) continue;
      const before = lineBefore(ctx.text, m.index, recognizer.contextWindow);
      const boosted = recognizer.context !== undefined && containsWord(before, recognizer.context);
      // A veto word ("kenmerk") wins unless a context word says what the number is ("tel. nr.").
      if (!boosted && recognizer.vetoContext && containsWord(before, recognizer.vetoContext)) continue;
      const confidence = boosted ? Math.max(pattern.score, recognizer.contextScore ?? pattern.score) : pattern.score;
      const organisational = recognizer.organisational?.(raw, ctx, { start, end }) ?? false;
      out.push({
        span: { start, end },
        confidence,
        evidence: [`pattern:${pattern.name}`, ...(boosted ? ['context'] : [])],
        ...(organisational ? { organisational } : {}),
      });
    }
  }
  return out;
}

/** Runs one recognizer and turns its candidates into findings. */
export function recognize(recognizer: Recognizer, ctx: RecognizerContext): Finding[] {
  const candidates = recognizer.find ? recognizer.find(ctx) : runPatterns(recognizer, ctx);
  return candidates.map((c) => ({
    id: `${recognizer.id}@${c.span.start}-${c.span.end}`,
    entity: recognizer.entity,
    span: c.span,
    detector: recognizer.id,
    confidence: c.confidence,
    suggestedGround: recognizer.suggestedGround,
    ...(c.personKey !== undefined ? { personKey: c.personKey } : {}),
    ...(c.role !== undefined ? { role: c.role } : {}),
    ...(c.evidence !== undefined ? { evidence: c.evidence } : {}),
    ...(c.organisational ? { organisational: true } : {}),
  }));
}
