/** Selecting an item or a person (opening its document and page), stepping through the list, redrawing. */
import { drawBoxes } from './boxes.js';
import { renderDetail } from './detail.js';
import { openDocument } from './documents.js';
import { decisionWords, docItems, findItem, itemText, listedItems, listedPersons } from './items.js';
import { renderList } from './list.js';
import { labelOf, pageOf } from './model.js';
import { renderStrip, showPage } from './pages.js';
import { renderProgress } from './progress.js';
import { currentDoc, docs, el, ensureData, filters, personsById, say, store, view } from './state.js';
import { findingKey } from './store.js';
import { renderText } from './text-view.js';

export function select(key: string, scroll = true): void {
  const it = findItem(key);
  if (!it) return;
  view.selected = key;
  const i = docs.indexOf(it.doc);
  const page = pageOf(it) || 1;
  if (i !== view.doc) {
    void openDocument(i, page, key).then(() => scroll && scrollToSelected());
  } else if (it.doc.kind === 'pdf' && page !== view.page) {
    void showPage(page).then(() => scroll && scrollToSelected());
  } else {
    refresh();
    if (scroll) scrollToSelected();
  }
  renderList();
  renderDetail();
  say(`${itemText(it)}: ${labelOf(it, store.state)}`);
}

function scrollToSelected(): void {
  const target = el.stage.querySelector('.box.selected, mark.selected');
  target?.scrollIntoView({ block: 'center', inline: 'nearest' });
}

export function selectPerson(id: string, open = false): void {
  view.person = id;
  renderList();
  renderDetail();
  const p = personsById.get(id);
  if (!p) return;
  say(`${p.name}: ${p.mentions.length} vermeldingen, ${decisionWords(store.state.persons[id])}`);
  const m = p.mentions[0];
  if (open && m) {
    const i = docs.findIndex((d) => d.sha256 === m.document);
    if (i >= 0) void openDocument(i, m.page, findingKey(m.document, m.finding));
  }
}

/** Next or previous in the list; past the end of this document's findings, on to the next document's. */
export async function step(delta: 1 | -1): Promise<void> {
  if (view.tab === 'persons') {
    const ids = listedPersons().map((p) => p.id);
    const at = view.person ? ids.indexOf(view.person) : -1;
    const next = ids[Math.max(0, Math.min(ids.length - 1, at + delta))];
    if (next) selectPerson(next, true);
    return;
  }
  const items = listedItems();
  const at = items.findIndex((it) => it.key === view.selected);
  const next = items[at < 0 ? (delta > 0 ? 0 : items.length - 1) : at + delta];
  if (next) {
    select(next.key);
    return;
  }
  // Past the end of this document's list: on to the next document that has items.
  if (filters.scope === 'doc') {
    for (let i = view.doc + delta; i >= 0 && i < docs.length; i += delta) {
      await ensureData(i);
      const list = docItems(i);
      const first = delta > 0 ? list[0] : list[list.length - 1];
      if (first) {
        await openDocument(i, pageOf(first) || 1, first.key);
        scrollToSelected();
        return;
      }
    }
  }
  say(delta > 0 ? 'Laatste vondst.' : 'Eerste vondst.');
}

/** Everything drawn again from the state (after a decision, an undo, an addition). */
export function refresh(): void {
  const d = currentDoc();
  if (d.kind === 'pdf') drawBoxes();
  else {
    const top = el.stage.scrollTop;
    renderText();
    el.stage.scrollTop = top;
  }
  renderStrip();
  renderList();
  renderDetail();
  renderProgress();
}

export function switchTab(tab: 'findings' | 'persons'): void {
  view.tab = tab;
  renderList();
  renderDetail();
}
