/** The persons list's rows: each person under the filters, their decision or proposal, how often named. */
import { h } from './dom.js';
import { LIST_LIMIT } from './findings-list.js';
import { listedPersons, personTag } from './items.js';
import { PROPOSED_LABELS } from './labels.js';
import { idx, store, view } from './state.js';

export function personRows(): HTMLElement[] {
  const rows: HTMLElement[] = [];
  const persons = listedPersons();
  for (const [n, p] of persons.slice(0, LIST_LIMIT * 5).entries()) {
    const d = store.state.persons[p.id];
    const docsOf = new Set(p.mentions.map((m) => m.document)).size;
    const tag = personTag(p);
    rows.push(
      h(
        'li',
        { role: 'option', id: `opt-${n}`, 'data-person': p.id, 'aria-selected': String(p.id === view.person) },
        h('span', { class: `tag ${tag}` }, d ? (d.action === 'redact' ? d.ground : 'openbaar') : `voorstel: ${PROPOSED_LABELS[p.proposed]}`),
        h('span', { class: 'what' }, p.name),
        h('span', { class: 'meta' }, `${p.mentions.length}x in ${docsOf} doc.`),
      ),
    );
  }
  if (persons.length > LIST_LIMIT * 5) rows.push(h('li', { class: 'more', role: 'presentation' }, `... en nog ${persons.length - LIST_LIMIT * 5} personen: verfijn het filter, of kies ze via hun vermeldingen in de vondsten.`));
  if (idx.persons.length === 0) rows.push(h('li', { class: 'more', role: 'presentation' }, 'Geen personen in dit dossier.'));
  else if (persons.length === 0) rows.push(h('li', { class: 'more', role: 'presentation' }, 'Geen personen bij dit filter.'));
  return rows;
}
