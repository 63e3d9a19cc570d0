/** The list's filters: document, decision (findings and persons), kind, ground, confidence (findings). */
import { GROUND_CODES } from '../../../decide/grounds.js';
import { h } from './dom.js';
import { PERSON_FILTERS } from './items.js';
import { ENTITY_LABELS } from './labels.js';
import { renderList } from './list.js';
import type { DocRef } from './model.js';
import { dataOf, docs, el, type Filters, filters } from './state.js';

export function renderFilters(): void {
  const select = (name: keyof Filters, label: string, options: [string, string][]) => {
    const s = h('select', { id: `filter-${name}`, 'aria-label': label }, ...options.map(([v, t]) => h('option', { value: v, selected: filters[name] === v }, t)));
    s.addEventListener('change', () => {
      filters[name] = s.value;
      renderList();
    });
    // Document and decision filter the persons too; kind, ground and confidence are the findings'.
    return h('label', { 'data-findings-only': !PERSON_FILTERS.has(name) }, label, s);
  };
  const entities = [...new Set(docs.flatMap((_d, i) => (dataOf(docs[i] as DocRef)?.findings ?? []).map((f) => f.entity)))].sort();
  el.filters.replaceChildren(
    select('scope', 'Document', [
      ['doc', 'Dit document'],
      ['all', 'Alle documenten'],
    ]),
    select('decision', 'Besluit', [
      ['', 'Alle'],
      ['open', 'Open'],
      ['redact', 'Lakken'],
      ['keep', 'Openbaar'],
      ['added', 'Toegevoegd'],
    ]),
    select('entity', 'Soort', [['', 'Alle'], ...entities.map((e): [string, string] => [e, ENTITY_LABELS[e] ?? e]), ['added', 'toegevoegd']]),
    select('ground', 'Grond', [['', 'Alle'], ...GROUND_CODES.map((g): [string, string] => [g, g])]),
    select('confidence', 'Zekerheid', [
      ['', 'Alle'],
      ['0.9', 'lager dan 90%'],
      ['0.7', 'lager dan 70%'],
      ['0.5', 'lager dan 50%'],
    ]),
  );
}
