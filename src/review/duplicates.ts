/**
 * A duplicate is decided like its original (issue #14): in review one decision covers both. A
 * duplicate has the same normalised text as an earlier document of the dossier (publish's
 * `relateDocuments`), but its bytes, and so its offsets and offset-based finding ids, may differ
 * (other line endings, other spacing, a PDF next to its text). Findings are therefore tied by
 * what they are: entity, text (spacing and case folded) and their place among the findings of
 * the same entity and text, and only where both documents have equally many of them. A finding
 * without such a partner is decided on its own, as if there were no original (fail closed).
 */
import type { Addition, DocumentDecisions, ReviewerDecision } from './decisions-schema.js';
import { ReviewError } from './errors.js';

/** Spacing and case folded, as duplicates are recognised. */
export function foldedText(text: string): string {
  return text.normalize('NFC').replace(/\s+/g, ' ').trim().toLowerCase();
}

/** A key per finding, in the order given: entity, folded text, its place among its equals, and how many there are. */
export function findingKeys(findings: readonly { readonly entity: string; readonly text: string }[]): string[] {
  const folded = findings.map((f) => `${f.entity}\u0000${foldedText(f.text)}`);
  const total = new Map<string, number>();
  for (const k of folded) total.set(k, (total.get(k) ?? 0) + 1);
  const seen = new Map<string, number>();
  return folded.map((k) => {
    const n = (seen.get(k) ?? 0) + 1;
    seen.set(k, n);
    return `${k}\u0000${n}/${total.get(k)}`;
  });
}

/** How many characters before `offset` are not white space: a place that spacing does not move. */
function solidBefore(text: string, offset: number): number {
  let n = 0;
  for (let i = 0; i < offset && i < text.length; i++) if (!/\s/.test(text[i] as string)) n++;
  return n;
}

/** The offset of the `n`-th (0-based) character that is not white space, or the text's length. */
function offsetOfSolid(text: string, n: number): number {
  let seen = 0;
  for (let i = 0; i < text.length; i++) {
    if (/\s/.test(text[i] as string)) continue;
    if (seen === n) return i;
    seen++;
  }
  return text.length;
}

/** A text addition on the original, placed by characters that are not white space. */
interface AnchoredAddition {
  readonly kind: 'anchored';
  readonly from: number;
  readonly to: number;
  readonly text: string;
  readonly ground: Extract<Addition, { kind: 'text' }>['ground'];
  readonly entity: Extract<Addition, { kind: 'text' }>['entity'];
}

/** What a duplicate takes over from its original, as plain data (it travels to a worker process). */
export interface Inherited {
  /** Never in a message: the path may hold a name (messages name files by their safe name). */
  readonly original: { readonly path: string; readonly sha256: string };
  /** By finding key: the original's decision (a removal as a keep with its reason). */
  readonly findings: Readonly<Record<string, ReviewerDecision>>;
  readonly additions: readonly (Extract<Addition, { kind: 'match' }> | AnchoredAddition)[];
  /** Boxes drawn on the original: a copy with its own layout cannot take them over. */
  readonly boxes: number;
}

/** What the duplicate of `original` takes over: its text and findings from the review package, its decisions. */
export function inheritedFrom(
  original: { readonly path: string; readonly sha256: string; readonly text: string; readonly findings: readonly { readonly id: string; readonly entity: string; readonly text: string }[] },
  decisions: DocumentDecisions | undefined,
): Inherited {
  const keyOf = new Map(findingKeys(original.findings).map((k, i) => [original.findings[i]?.id as string, k]));
  const findings: Record<string, ReviewerDecision> = {};
  for (const f of decisions?.findings ?? []) {
    const key = keyOf.get(f.id);
    if (key && f.decision) findings[key] = f.decision;
  }
  for (const r of decisions?.removals ?? []) {
    const key = keyOf.get(r.id);
    if (key && !findings[key]) findings[key] = { action: 'keep', reason: r.reason };
  }
  const additions: Inherited['additions'][number][] = [];
  let boxes = 0;
  for (const a of decisions?.additions ?? []) {
    if (a.kind === 'match') additions.push(a);
    else if (a.kind === 'text') {
      additions.push({ kind: 'anchored', from: solidBefore(original.text, a.start), to: solidBefore(original.text, a.end), text: foldedText(original.text.slice(a.start, a.end)), ground: a.ground, entity: a.entity });
    } else boxes++;
  }
  return { original: { path: original.path, sha256: original.sha256 }, findings, additions, boxes };
}

/** The original's additions placed in the duplicate's text; one that does not fit refuses the file. */
export function inheritedAdditions(inherited: Inherited, text: string, own: readonly Addition[]): Addition[] {
  if (inherited.boxes > 0 && !own.some((a) => a.kind === 'box')) {
    throw new ReviewError(
      'DECISIONS_UNDECIDED',
      `this document is a duplicate (duplicateOf in the review package) of a document on which ${inherited.boxes} box(es) were drawn; a copy has its own layout, so draw them on this document too (its own additions)`,
    );
  }
  return inherited.additions.map((a, n): Addition => {
    if (a.kind === 'match') return a;
    const start = offsetOfSolid(text, a.from);
    const end = a.to > a.from ? offsetOfSolid(text, a.to - 1) + 1 : start;
    if (end <= start || foldedText(text.slice(start, end)) !== a.text) {
      throw new ReviewError(
        'DECISIONS_INVALID',
        `this document is a duplicate (duplicateOf in the review package), but its original's addition ${n + 1} (a text span) does not fall on the same text here; add it to this document's own additions`,
      );
    }
    return { kind: 'text', start, end, ground: a.ground, entity: a.entity };
  });
}
