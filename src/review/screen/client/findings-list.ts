/** The findings list's rows: every item under the filters, its decision, what it is and where. */
import { h } from './dom.js';
import { groundOfItem, itemText, listedItems } from './items.js';
import { ENTITY_LABELS } from './labels.js';
import { classOf, pageOf } from './model.js';
import { store, view } from './state.js';

/** Rows shown at a time: a dossier has thousands of findings, the filter narrows them. */
export const LIST_LIMIT = 400;

const DECISION_WORDS = { redact: 'lakken', keep: 'openbaar', open: 'open', added: 'toegevoegd' } as const;

export function findingRows(): HTMLElement[] {
  const rows: HTMLElement[] = [];
  const items = listedItems();
  for (const [n, it] of items.slice(0, LIST_LIMIT).entries()) {
    const cls = classOf(it, store.state);
    const meta = `${it.doc.kind === 'pdf' || it.doc.pages > 1 ? `p. ${pageOf(it) || 1} · ` : ''}${it.type === 'finding' ? `${ENTITY_LABELS[it.finding.entity] ?? it.finding.entity} · ${Math.round(it.finding.confidence * 100)}%` : groundOfItem(it)}`;
    rows.push(
      h(
        'li',
        { role: 'option', id: `opt-${n}`, 'data-key': it.key, 'aria-selected': String(it.key === view.selected) },
        h('span', { class: `tag ${cls}` }, cls === 'redact' ? groundOfItem(it) : DECISION_WORDS[cls]),
        h('span', { class: 'what' }, itemText(it)),
        h('span', { class: 'meta' }, meta),
      ),
    );
  }
  if (items.length > LIST_LIMIT) rows.push(h('li', { class: 'more', role: 'presentation' }, `... en nog ${items.length - LIST_LIMIT}: verfijn het filter.`));
  if (items.length === 0) rows.push(h('li', { class: 'more', role: 'presentation' }, 'Geen vondsten bij dit filter.'));
  return rows;
}
