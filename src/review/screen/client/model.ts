/**
 * What the screen shows for each item: the reviewer's decision where there is one, else the
 * person's, else the proposal; a proposal of review nobody decided is open, and open means redacted.
 * The same order as apply (src/review/choose.ts).
 */
import type { Addition, ReviewerDecision } from '../../decisions-schema.js';
import type { ReviewDocument, ReviewFinding, ReviewIndex } from '../../package-schema.js';
import { reasonWords } from './labels.js';
import { findingKey, type State } from './store.js';

export type DocRef = ReviewIndex['documents'][number];

export type Effective =
  | { readonly kind: 'redact'; readonly ground: string; readonly by: 'proposal' | 'person' | 'reviewer' }
  | { readonly kind: 'keep'; readonly reason: string; readonly by: 'proposal' | 'person' | 'reviewer' }
  | { readonly kind: 'open'; readonly ground: string };

export type Item =
  | { readonly type: 'finding'; readonly key: string; readonly doc: DocRef; readonly finding: ReviewFinding }
  | { readonly type: 'addition'; readonly key: string; readonly doc: DocRef; readonly addition: Addition; readonly index: number; readonly page: number };

export const KEEP_REASONS = ['publieke functionaris', 'organisatiegegevens', 'geen persoonsgegeven'] as const;

function fromDecision(d: ReviewerDecision, by: 'person' | 'reviewer'): Effective {
  return d.action === 'redact' ? { kind: 'redact', ground: d.ground, by } : { kind: 'keep', reason: d.reason, by };
}

export function effectiveOf(doc: DocRef, f: ReviewFinding, state: State): Effective {
  const own = state.findings[findingKey(doc.sha256, f.id)];
  if (own) return fromDecision(own, 'reviewer');
  const person = f.person ? state.persons[f.person] : undefined;
  if (person) return fromDecision(person, 'person');
  if (f.proposed === 'redact') return { kind: 'redact', ground: f.ground, by: 'proposal' };
  if (f.proposed === 'keep') return { kind: 'keep', reason: f.reason ? reasonWords(f.reason) : '', by: 'proposal' };
  return { kind: 'open', ground: f.ground };
}

/** The colour class of an item: redact, keep, open, or added (a reviewer's addition). */
export function classOf(item: Item, state: State): 'redact' | 'keep' | 'open' | 'added' {
  return item.type === 'addition' ? 'added' : effectiveOf(item.doc, item.finding, state).kind;
}

export function labelOf(item: Item, state: State): string {
  if (item.type === 'addition') return item.addition.ground;
  const e = effectiveOf(item.doc, item.finding, state);
  return e.kind === 'keep' ? 'openbaar' : e.kind === 'open' ? (item.doc.duplicateOf ? 'als origineel' : `open ${e.ground}`) : e.ground;
}

export function itemsOf(doc: DocRef, data: ReviewDocument, state: State): Item[] {
  const items: Item[] = data.findings.map((finding) => ({ type: 'finding', key: findingKey(doc.sha256, finding.id), doc, finding }));
  const pageAt = (offset: number) => data.pageStarts.filter((s) => s <= offset).length || 1;
  (state.additions[doc.sha256] ?? []).forEach((addition, index) =>
    items.push({ type: 'addition', key: `${doc.sha256}|+${index}`, doc, addition, index, page: addition.kind === 'box' ? addition.page : addition.kind === 'text' ? pageAt(addition.start) : 1 }),
  );
  return items.sort((a, b) => pageOf(a) - pageOf(b) || startOf(a) - startOf(b));
}

export function pageOf(item: Item): number {
  return item.type === 'finding' ? item.finding.page : item.page;
}

function startOf(item: Item): number {
  if (item.type === 'finding') return item.finding.start;
  // A box sorts by its height on the page (PDF y runs upwards), among the text offsets as near as it gets.
  return item.addition.kind === 'text' ? item.addition.start : item.addition.kind === 'box' ? -item.addition.y : 0;
}

export interface Progress {
  /** Items the tool sent to review. */
  readonly review: number;
  /** Of those, still undecided (shown and published redacted). */
  readonly open: number;
  /** Every item a person decided (review items and overruled proposals). */
  readonly decided: number;
}

export function progressOf(doc: DocRef, data: ReviewDocument | undefined, state: State): Progress {
  if (!data) return doc.duplicateOf ? { review: 0, open: 0, decided: 0 } : { review: doc.counts.review, open: doc.counts.review, decided: 0 };
  let open = 0;
  let decided = 0;
  for (const f of data.findings) {
    const e = effectiveOf(doc, f, state);
    if (e.kind === 'open') open++;
    else if (e.by !== 'proposal') decided++;
  }
  // A duplicate is decided like its original (apply carries the decisions over): nothing of it is
  // open on its own; what is decided on it goes first.
  if (doc.duplicateOf) return { review: 0, open: 0, decided };
  return { review: doc.counts.review, open, decided };
}
