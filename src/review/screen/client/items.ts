/** The items and persons the lists show, under the filters, and how they read in words. */
import type { ReviewerDecision } from '../../decisions-schema.js';
import type { ReviewPerson } from '../../package-schema.js';
import { classOf, type DocRef, effectiveOf, type Item, itemsOf } from './model.js';
import { dataOf, docs, type Filters, filters, idx, store, view } from './state.js';

export function docItems(i: number): Item[] {
  const d = docs[i] as DocRef;
  const data = dataOf(d);
  return data ? itemsOf(d, data, store.state) : [];
}

function confidenceOf(item: Item): number {
  return item.type === 'finding' ? item.finding.confidence : 1;
}

export function groundOfItem(item: Item): string {
  if (item.type === 'addition') return item.addition.ground;
  const e = effectiveOf(item.doc, item.finding, store.state);
  return e.kind === 'keep' ? item.finding.ground : e.ground;
}

export function listedItems(): Item[] {
  const items = filters.scope === 'doc' ? docItems(view.doc) : docs.flatMap((_d, i) => docItems(i));
  return items.filter((it) => {
    if (filters.entity && (it.type === 'finding' ? it.finding.entity : 'added') !== filters.entity) return false;
    if (filters.ground && groundOfItem(it) !== filters.ground) return false;
    if (filters.decision && classOf(it, store.state) !== filters.decision) return false;
    if (filters.confidence && confidenceOf(it) >= Number(filters.confidence)) return false;
    return true;
  });
}

export const PERSON_FILTERS: ReadonlySet<keyof Filters> = new Set(['scope', 'decision']);

/** How a person shows: their decision, else the proposal (a mixed proposal is redacted until decided). */
export function personTag(p: ReviewPerson): 'redact' | 'keep' | 'open' {
  const d = store.state.persons[p.id];
  if (d) return d.action === 'redact' ? 'redact' : 'keep';
  return p.proposed === 'review' ? 'open' : p.proposed === 'keep' ? 'keep' : 'redact';
}

/** The persons under the document and decision filters: "Dit document" lists those mentioned in it. */
export function listedPersons(): ReviewPerson[] {
  const sha = docs[view.doc]?.sha256;
  return idx.persons.filter((p) => (filters.scope !== 'doc' || p.mentions.some((m) => m.document === sha)) && (!filters.decision || personTag(p) === filters.decision));
}

export function findItem(key: string | undefined): Item | undefined {
  if (!key) return undefined;
  const sha = key.slice(0, key.indexOf('|'));
  const i = docs.findIndex((d) => d.sha256 === sha);
  return i < 0 ? undefined : docItems(i).find((it) => it.key === key);
}

export function itemText(it: Item): string {
  if (it.type === 'finding') return it.finding.text.replace(/\s+/g, ' ');
  const a = it.addition;
  if (a.kind === 'box') return `kader op p. ${a.page}`;
  if (a.kind === 'match') return `overal: ${a.text}`;
  // A PDF's screen data holds no text (see write-screen.ts): a text span added there by hand is named by its offsets.
  return (dataOf(it.doc)?.text.slice(a.start, a.end) || `tekst ${a.start}-${a.end}`).replace(/\s+/g, ' ');
}

export function decisionWords(d: ReviewerDecision | undefined): string {
  if (!d) return 'niet beslist';
  return d.action === 'redact' ? `lakken (${d.ground})` : `openbaar (${d.reason})`;
}
