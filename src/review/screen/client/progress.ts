/** Decided and open, per document (in the document list) and for the dossier. */
import { progressOf } from './model.js';
import { currentDoc, dataOf, docs, el, store } from './state.js';

export function renderProgress(): void {
  let review = 0;
  let open = 0;
  let decided = 0;
  docs.forEach((d, i) => {
    const p = progressOf(d, dataOf(d), store.state);
    review += p.review;
    open += p.open;
    decided += p.decided;
    const li = el.docList.children[i] as HTMLElement | undefined;
    const meta = li?.querySelector('.meta');
    if (li && meta) {
      meta.textContent = `${d.kind === 'pdf' ? `${d.pages} p. · ` : ''}${p.open} open · ${p.decided} beslist`;
      li.classList.toggle('done', p.open === 0);
    }
  });
  const d = currentDoc();
  const p = progressOf(d, dataOf(d), store.state);
  el.progress.textContent = `Dossier: ${docs.length} document(en), ${review} te beoordelen, ${decided} beslist, ${open} open (open wordt gelakt) · Dit document: ${p.decided} beslist, ${p.open} open${store.saveError ? ' · LET OP: opslaan in de browser mislukt' : ''}`;
  el.progress.dataset['open'] = String(open);
  el.progress.dataset['decided'] = String(decided);
}
