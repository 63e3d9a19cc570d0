/**
 * The review screen: a dossier's documents as they will look, every proposed redaction on its
 * page, and a person deciding them with the keyboard. Runs from file:// (see ../names.ts).
 *
 * The parts: state.ts holds everything the screen knows; documents.ts and pages.ts show a document
 * and its pages, boxes.ts and text-view.ts what is proposed on them; list.ts (findings-list.ts,
 * persons-list.ts, filters.ts) and detail.ts beside it; navigation.ts selects and steps;
 * decisions.ts, draw-box.ts and text-selection.ts change what is decided; exchange.ts exports and
 * imports it; keys.ts maps the keys. These modules call each other only from event handlers and
 * after start; of them only state.ts runs code when it loads, so the order they load in does not matter.
 */
import { openDocument, renderDocList } from './documents.js';
import { byId, h } from './dom.js';
import { wireExchange } from './exchange.js';
import { renderFilters } from './filters.js';
import { renderHelp, showHelp } from './help.js';
import { wireKeys } from './keys.js';
import { wireList } from './list.js';
import { refresh, switchTab } from './navigation.js';
import { showPage, wireStrip } from './pages.js';
import { renderProgress } from './progress.js';
import { docs, el, ensureData, probe, store, view } from './state.js';
import { wireTextMarks } from './text-view.js';

wireStrip();
wireTextMarks();
wireList();
store.onChange(() => refresh());
wireExchange();
wireKeys();
byId('btn-help').addEventListener('click', showHelp);
byId('prev-page').addEventListener('click', () => void showPage(view.page - 1));
byId('next-page').addEventListener('click', () => void showPage(view.page + 1));
byId('tab-findings').addEventListener('click', () => switchTab('findings'));
byId('tab-persons').addEventListener('click', () => switchTab('persons'));
renderHelp();

async function start(): Promise<void> {
  renderDocList();
  if (docs.length === 0) {
    el.stage.replaceChildren(h('p', { class: 'notice' }, 'Dit pakket bevat geen documenten om te beoordelen.'));
    return;
  }
  await openDocument(0, 1);
  renderFilters();
  // The other documents' findings load behind the first page, for the dossier's counts and lists.
  for (let i = 0; i < docs.length; i++) {
    try {
      await ensureData(i);
    } catch {
      /* shown when the document is opened */
    }
    if (i % 25 === 24) renderProgress();
  }
  renderFilters();
  renderProgress();
  document.body.dataset['loaded'] = 'true';
}

void start().catch((error: unknown) => {
  probe.errors.push((error as Error).message);
  el.stage.replaceChildren(h('p', { class: 'notice' }, `Fout bij het openen: ${(error as Error).message}`));
});
