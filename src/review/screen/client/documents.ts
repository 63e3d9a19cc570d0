/** The dossier's documents: the list beside the page, and opening one (its data, then its page or text). */
import { renderDetail } from './detail.js';
import { h } from './dom.js';
import { renderList } from './list.js';
import { renderStrip, showPage } from './pages.js';
import { renderProgress } from './progress.js';
import { currentDoc, docs, el, ensureData, latest, pdfOf, probe, view } from './state.js';
import { renderText } from './text-view.js';

export function renderDocList(): void {
  el.docList.replaceChildren(
    ...docs.map((d, i) => {
      const b = h('button', { type: 'button', 'aria-current': i === view.doc ? 'true' : undefined }, h('span', {}, d.path), h('span', { class: 'meta' }, ''));
      b.addEventListener('click', () => void openDocument(i, 1));
      return h('li', {}, b);
    }),
  );
  renderProgress();
}

export async function openDocument(i: number, page: number, select?: string): Promise<void> {
  const token = ++latest.open;
  view.doc = i;
  view.page = page;
  const d = currentDoc();
  el.docTitle.textContent = d.duplicateOf ? `${d.path} (dubbel van ${d.duplicateOf.path}: beslist zoals het origineel, eigen beslissingen gaan voor)` : d.path;
  for (const [n, li] of Array.from(el.docList.children).entries()) {
    const b = li.querySelector('button');
    if (n === i) {
      b?.setAttribute('aria-current', 'true');
      b?.scrollIntoView({ block: 'nearest' });
    }
    else b?.removeAttribute('aria-current');
  }
  el.stage.replaceChildren(h('p', { class: 'loading' }, 'Document laden...'));
  // The PDF opens while its findings load.
  if (d.kind === 'pdf') void pdfOf(d).catch(() => undefined);
  try {
    await ensureData(i);
  } catch (error) {
    el.stage.replaceChildren(h('p', { class: 'notice' }, `Dit document kan niet worden getoond: ${(error as Error).message}`));
    return;
  }
  probe.marks['data'] ??= performance.now();
  if (token !== latest.open) return;
  if (select) view.selected = select;
  renderStrip();
  renderList();
  renderDetail();
  renderProgress();
  if (d.kind === 'pdf') await showPage(page);
  else renderText();
}
