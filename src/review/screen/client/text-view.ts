/** A text document on the stage: its text with every proposed and added redaction marked. */
import { h } from './dom.js';
import { docItems } from './items.js';
import { classOf, type Item, labelOf } from './model.js';
import { select } from './navigation.js';
import { currentDoc, dataOf, el, store, view } from './state.js';

export function renderText(): void {
  const d = currentDoc();
  const data = dataOf(d);
  if (!data) return;
  const text = data.text;
  const ranges = docItems(view.doc)
    .flatMap((it): { it: Item; start: number; end: number }[] => (it.type === 'finding' ? [{ it, start: it.finding.start, end: it.finding.end }] : it.addition.kind === 'text' ? [{ it, start: it.addition.start, end: it.addition.end }] : []))
    .sort((a, b) => a.start - b.start || b.end - a.end);
  const pre = h('div', { class: 'text-doc', role: 'document', 'aria-label': `Tekst van ${d.path}` });
  const breaks = data.pageStarts.slice(1);
  let cursor = 0;
  const plain = (from: number, to: number) => {
    // Page breaks inside plain text: a marker the offsets skip (it holds no text).
    let at = from;
    for (const [n, b] of breaks.entries()) {
      if (b <= at || b >= to) continue;
      pre.append(h('span', { 'data-start': at }, text.slice(at, b)), h('span', { class: 'pb', id: `pb-${n + 2}`, 'data-page': n + 2 }));
      at = b;
    }
    if (to > at) pre.append(h('span', { 'data-start': at }, text.slice(at, to)));
  };
  for (const r of ranges) {
    const start = Math.max(r.start, cursor);
    if (r.end <= start) continue;
    plain(cursor, start);
    pre.append(h('mark', { class: `${classOf(r.it, store.state)}${r.it.key === view.selected ? ' selected' : ''}`, 'data-start': start, 'data-key': r.it.key, 'data-label': labelOf(r.it, store.state) }, text.slice(start, r.end)));
    cursor = r.end;
  }
  plain(cursor, text.length);
  el.stage.replaceChildren(pre);
  el.pageLabel.textContent = d.pages > 1 ? `Pagina ${view.page} van ${d.pages}` : 'Tekstdocument';
  el.stage.dataset['rendered'] = `${view.doc}:text`;
}

/** A click on a mark selects it (not the end of selecting text to add). */
export function wireTextMarks(): void {
  el.stage.addEventListener('click', (e) => {
    const mark = (e.target as HTMLElement).closest('mark') as HTMLElement | null;
    if (mark?.dataset['key'] && (window.getSelection()?.isCollapsed ?? true)) select(mark.dataset['key']);
  });
}
