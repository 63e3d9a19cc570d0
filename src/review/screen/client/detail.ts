/** The detail beside the list: the selected finding, addition or person, with its buttons. */
import type { ReviewPerson } from '../../package-schema.js';
import { changeGround, decide, decidePerson, keepWithReason, removeAddition, undo } from './decisions.js';
import { openDocument } from './documents.js';
import { h } from './dom.js';
import { decisionWords, findItem, itemText } from './items.js';
import { ENTITY_LABELS, PROPOSED_LABELS, reasonWords } from './labels.js';
import { effectiveOf } from './model.js';
import { docs, el, personsById, store, view } from './state.js';
import { findingKey } from './store.js';

/** Context on one line: page breaks (form feeds) and line ends as marks a reader sees. */
const oneLine = (t: string) => t.replace(/\f/g, ' | ').replace(/\s*\n\s*/g, ' / ');

function button(label: string, keys: string, action: () => void): HTMLButtonElement {
  const b = h('button', { type: 'button', 'aria-keyshortcuts': keys }, label);
  b.addEventListener('click', action);
  return b;
}

function personRow(p: ReviewPerson): HTMLElement {
  const n = p.mentions.length;
  return h(
    'div',
    {},
    h('dl', {}, h('dt', {}, 'Persoon'), h('dd', {}, p.name), h('dt', {}, 'Voorstel'), h('dd', {}, PROPOSED_LABELS[p.proposed]), h('dt', {}, 'Besluit'), h('dd', {}, decisionWords(store.state.persons[p.id]))),
    h(
      'div',
      { class: 'row' },
      button(`Lakken: alle ${n} vermeldingen (Shift+L)`, 'Shift+L', () => void decidePerson(p.id, 'redact')),
      button(`Openbaar: alle ${n} vermeldingen (Shift+O)`, 'Shift+O', () => void decidePerson(p.id, 'keep')),
    ),
  );
}

export function renderDetail(): void {
  if (view.tab === 'persons') {
    const p = view.person ? personsById.get(view.person) : undefined;
    if (!p) {
      el.detail.replaceChildren(h('p', {}, 'Kies een persoon in de lijst.'));
      return;
    }
    const mentions = h('ul', {});
    for (const m of p.mentions.slice(0, 200)) {
      const b = h('button', { type: 'button' }, `${m.path} p. ${m.page}: ${m.text}`);
      b.addEventListener('click', () => {
        const i = docs.findIndex((d) => d.sha256 === m.document);
        if (i >= 0) void openDocument(i, m.page, findingKey(m.document, m.finding));
      });
      mentions.append(h('li', {}, b));
    }
    el.detail.replaceChildren(personRow(p), h('h2', {}, 'Vermeldingen'), mentions);
    return;
  }
  const it = findItem(view.selected);
  if (!it) {
    el.detail.replaceChildren(h('p', {}, 'Kies een vondst (pijltjes of J/K), of sleep een kader op de pagina. ? toont de toetsen.'));
    return;
  }
  if (it.type === 'addition') {
    el.detail.replaceChildren(
      h('p', { class: 'value' }, `Toegevoegd: ${itemText(it)}`),
      h('dl', {}, h('dt', {}, 'Grond'), h('dd', {}, it.addition.ground)),
      h('div', { class: 'row' }, button('Grond wijzigen (G)', 'g', () => void changeGround()), button('Verwijderen (Delete)', 'Delete', () => removeAddition()), button('Ongedaan maken (U)', 'u', () => undo())),
    );
    return;
  }
  const f = it.finding;
  const e = effectiveOf(it.doc, f, store.state);
  const person = f.person ? personsById.get(f.person) : undefined;
  el.detail.replaceChildren(
    h('p', { class: 'value' }, f.text),
    h('p', { class: 'ctx' }, `...${oneLine(f.context.before.slice(-60))}`, h('b', {}, f.text), `${oneLine(f.context.after.slice(0, 60))}...`),
    h(
      'dl',
      {},
      h('dt', {}, 'Soort'),
      h('dd', {}, `${ENTITY_LABELS[f.entity] ?? f.entity} (${Math.round(f.confidence * 100)}% zeker)`),
      h('dt', {}, 'Voorstel'),
      h('dd', {}, `${PROPOSED_LABELS[f.proposed]}${f.proposed !== 'keep' ? ` (${f.ground})` : ''}${f.reason ? `: ${reasonWords(f.reason)}` : ''}`),
      h('dt', {}, 'Besluit'),
      h('dd', {}, e.kind === 'open' ? (it.doc.duplicateOf ? `zoals in het origineel (${it.doc.duplicateOf.path}); nog niets beslist hier` : `open: wordt gelakt (${e.ground}) tot iemand beslist`) : `${e.kind === 'redact' ? `lakken (${e.ground})` : `openbaar${e.reason ? ` (${e.reason})` : ''}`}${e.by === 'person' ? ' - via de persoon' : e.by === 'reviewer' ? (person && store.state.persons[person.id] ? ' - afwijkend van de persoon' : ' - door u') : ' - voorstel'}`),
      h('dt', {}, 'Pagina'),
      h('dd', {}, String(f.page)),
    ),
    h('div', { class: 'row' }, button('Lakken (L)', 'l', () => decide('redact')), button('Openbaar (O)', 'o', () => void keepWithReason()), button('Grond (G)', 'g', () => void changeGround()), button('Ongedaan maken (U)', 'u', () => undo())),
    ...(person ? [personRow(person)] : []),
  );
}
