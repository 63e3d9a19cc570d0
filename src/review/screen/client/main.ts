/**
 * The review screen: a dossier's documents as they will look, every proposed redaction on its
 * page, and a person deciding them with the keyboard. Runs from file:// (see ../names.ts).
 */
import { GROUND_CODES, GROUNDS, type GroundCode } from '../../../decide/grounds.js';
import type { Addition, ReviewerDecision } from '../../decisions-schema.js';
import type { ReviewDocument, ReviewIndex, ReviewPerson } from '../../package-schema.js';
import { anyDialogOpen, askName, choose, type Option } from './dialogs.js';
import { byId, h } from './dom.js';
import { ENTITY_LABELS, PROPOSED_LABELS, reasonWords } from './labels.js';
import { loadDocument, reviewIndex } from './load.js';
import { classOf, type DocRef, effectiveOf, type Item, itemsOf, KEEP_REASONS, labelOf, pageOf, progressOf } from './model.js';
import { pdfWorker, PdfView, type RenderedPage, toPdf, toScreen } from './pdf.js';
import { exportDecisions, findingKey, ImportError, importDecisions, type State, Store, storageKeyOf } from './store.js';

/** What tests and the bench read: when the first page was drawn, and how long each page took. */
interface ScreenProbe {
  firstPageMs?: number;
  /** Milestones of the first document, in ms from navigation start. */
  marks: Record<string, number>;
  /** Where pdf.js parses and renders: a worker (from a blob: URL) or the main thread. */
  pdfWorker?: 'worker' | 'main';
  renders: { doc: number; page: number; ms: number; cached: boolean }[];
  errors: string[];
}
const probe: ScreenProbe = { renders: [], errors: [], marks: { client: performance.now() } };
(window as unknown as { __wooScreen: ScreenProbe }).__wooScreen = probe;

// The grounds a Woo-team cites most first, so they get the number keys.
const GROUND_ORDER: readonly GroundCode[] = ['5.1.2e', '5.1.1e', '5.1.1d', '5.1.2i', '5.2', '5.1.1c', '5.1.2f', '5.1.2h', '5.1.2d', ...GROUND_CODES.filter((g) => !['5.1.2e', '5.1.1e', '5.1.1d', '5.1.2i', '5.2', '5.1.1c', '5.1.2f', '5.1.2h', '5.1.2d'].includes(g))];
const groundOptions = (): Option[] => GROUND_ORDER.map((g) => ({ value: g, label: `${g} - ${GROUNDS[g].label}` }));
const reasonOptions = (): Option[] => KEEP_REASONS.map((r) => ({ value: r, label: r }));

const KEYS: [string, string][] = [
  ['&darr; of J', 'volgende vondst'],
  ['&uarr; of K', 'vorige vondst'],
  ['&rarr; / PageDown', 'volgende pagina'],
  ['&larr; / PageUp', 'vorige pagina'],
  ['D / Shift+D', 'volgend / vorig document'],
  ['L', 'lakken (deze vermelding)'],
  ['O, dan 1-3', 'openbaar laten, met reden'],
  ['1 / 2 / 3', `openbaar: ${KEEP_REASONS.join(' / ')}`],
  ['G', 'grond wijzigen'],
  ['Shift+L', 'persoon lakken: alle vermeldingen'],
  ['Shift+O', 'persoon openbaar: alle vermeldingen'],
  ['T', 'geselecteerde tekst toevoegen (lakken)'],
  ['slepen op de pagina', 'kader toevoegen (lakken)'],
  ['B, pijltjes, Enter', 'kader toevoegen met het toetsenbord (Shift+pijltjes: grootte)'],
  ['Delete', 'toevoeging verwijderen'],
  ['U of Ctrl+Z', 'ongedaan maken'],
  ['P', 'lijst: vondsten / personen'],
  ['E', 'exporteren (beslissingenbestand)'],
  ['?', 'deze hulp'],
];

const index = reviewIndex();
if (!index) {
  byId('stage').append(h('p', { class: 'notice' }, 'review.internal.js ontbreekt of is niet geladen: open review.html in de map van het beoordelingspakket.'));
  throw new Error('no index');
}
const idx: ReviewIndex = index;
const store = new Store(storageKeyOf(idx));
const docs: readonly DocRef[] = idx.documents;
const loaded = new Map<string, ReviewDocument>();
const pdfs = new Map<string, Promise<PdfView>>();
const personsById = new Map(idx.persons.map((p) => [p.id, p]));

interface ViewState {
  doc: number;
  page: number;
  tab: 'findings' | 'persons';
  selected: string | undefined;
  person: string | undefined;
}
const view: ViewState = { doc: 0, page: 1, tab: 'findings', selected: undefined, person: undefined };
const filters = { scope: 'doc', entity: '', ground: '', decision: '', confidence: '' };

const el = {
  stage: byId('stage'),
  list: byId<HTMLUListElement>('item-list'),
  detail: byId('detail'),
  docList: byId<HTMLUListElement>('doc-list'),
  strip: byId('page-strip'),
  pageLabel: byId('page-label'),
  docTitle: byId('doc-title'),
  progress: byId('progress'),
  status: byId('status'),
  filters: byId('filters'),
};

function say(message: string): void {
  el.status.textContent = '';
  el.status.textContent = message;
}

const currentDoc = (): DocRef => docs[view.doc] as DocRef;
const dataOf = (d: DocRef): ReviewDocument | undefined => loaded.get(d.sha256);

async function ensureData(i: number): Promise<ReviewDocument> {
  const d = docs[i] as DocRef;
  let data = loaded.get(d.sha256);
  if (!data) {
    data = await loadDocument(d.file);
    loaded.set(d.sha256, data);
  }
  return data;
}

function pdfOf(d: DocRef): Promise<PdfView> {
  let p = pdfs.get(d.sha256);
  if (!p) {
    p = PdfView.open(d.file);
    pdfs.set(d.sha256, p);
    p.catch(() => pdfs.delete(d.sha256));
    // A few PDFs stay open; the others are closed (memory), and opened again when needed.
    while (pdfs.size > 3) {
      const [oldest, q] = pdfs.entries().next().value as [string, Promise<PdfView>];
      pdfs.delete(oldest);
      void q.then((v) => v.destroy()).catch(() => undefined);
    }
  }
  return p;
}

// ---- items and filters ----

function docItems(i: number): Item[] {
  const d = docs[i] as DocRef;
  const data = dataOf(d);
  return data ? itemsOf(d, data, store.state) : [];
}

function confidenceOf(item: Item): number {
  return item.type === 'finding' ? item.finding.confidence : 1;
}

function groundOfItem(item: Item): string {
  if (item.type === 'addition') return item.addition.ground;
  const e = effectiveOf(item.doc, item.finding, store.state);
  return e.kind === 'keep' ? item.finding.ground : e.ground;
}

function listedItems(): Item[] {
  const items = filters.scope === 'doc' ? docItems(view.doc) : docs.flatMap((_d, i) => docItems(i));
  return items.filter((it) => {
    if (filters.entity && (it.type === 'finding' ? it.finding.entity : 'added') !== filters.entity) return false;
    if (filters.ground && groundOfItem(it) !== filters.ground) return false;
    if (filters.decision && classOf(it, store.state) !== filters.decision) return false;
    if (filters.confidence && confidenceOf(it) >= Number(filters.confidence)) return false;
    return true;
  });
}

const PERSON_FILTERS: ReadonlySet<keyof typeof filters> = new Set(['scope', 'decision']);

/** How a person shows: their decision, else the proposal (a mixed proposal is redacted until decided). */
function personTag(p: ReviewPerson): 'redact' | 'keep' | 'open' {
  const d = store.state.persons[p.id];
  if (d) return d.action === 'redact' ? 'redact' : 'keep';
  return p.proposed === 'review' ? 'open' : p.proposed === 'keep' ? 'keep' : 'redact';
}

/** The persons under the document and decision filters: "Dit document" lists those mentioned in it. */
function listedPersons(): ReviewPerson[] {
  const sha = docs[view.doc]?.sha256;
  return idx.persons.filter((p) => (filters.scope !== 'doc' || p.mentions.some((m) => m.document === sha)) && (!filters.decision || personTag(p) === filters.decision));
}

function findItem(key: string | undefined): Item | undefined {
  if (!key) return undefined;
  const sha = key.slice(0, key.indexOf('|'));
  const i = docs.findIndex((d) => d.sha256 === sha);
  return i < 0 ? undefined : docItems(i).find((it) => it.key === key);
}

// ---- progress ----

function renderProgress(): void {
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

// ---- documents and pages ----

function renderDocList(): void {
  el.docList.replaceChildren(
    ...docs.map((d, i) => {
      const b = h('button', { type: 'button', 'aria-current': i === view.doc ? 'true' : undefined }, h('span', {}, d.path), h('span', { class: 'meta' }, ''));
      b.addEventListener('click', () => void openDocument(i, 1));
      return h('li', {}, b);
    }),
  );
  renderProgress();
}

function renderStrip(): void {
  const d = currentDoc();
  const items = docItems(view.doc);
  const onPage = new Map<number, { all: number; open: number }>();
  for (const it of items) {
    const p = pageOf(it) || 1;
    const c = onPage.get(p) ?? { all: 0, open: 0 };
    c.all++;
    if (classOf(it, store.state) === 'open') c.open++;
    onPage.set(p, c);
  }
  const buttons: HTMLElement[] = [];
  for (let p = 1; p <= d.pages; p++) {
    const c = onPage.get(p);
    const b = h(
      'button',
      {
        type: 'button',
        class: `${c ? 'has-items' : ''}${c?.open ? ' has-open' : ''}`,
        'aria-current': p === view.page ? 'page' : undefined,
        'aria-label': `Pagina ${p}${c ? `, ${c.all} vondst(en), ${c.open} open` : ''}`,
        'data-page': p,
      },
      String(p),
    );
    buttons.push(b);
  }
  el.strip.replaceChildren(...buttons);
}

el.strip.addEventListener('click', (e) => {
  const b = (e.target as HTMLElement).closest('button');
  if (b?.dataset['page']) void showPage(Number(b.dataset['page']));
});

function markStrip(): void {
  for (const b of Array.from(el.strip.children) as HTMLElement[]) {
    if (Number(b.dataset['page']) === view.page) b.setAttribute('aria-current', 'page');
    else b.removeAttribute('aria-current');
  }
  const cur = el.strip.querySelector('[aria-current="page"]');
  (cur as HTMLElement | null)?.scrollIntoView({ block: 'nearest' });
}

let openToken = 0;

async function openDocument(i: number, page: number, select?: string): Promise<void> {
  const token = ++openToken;
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
  if (token !== openToken) return;
  if (select) view.selected = select;
  renderStrip();
  renderList();
  renderDetail();
  renderProgress();
  if (d.kind === 'pdf') await showPage(page);
  else renderText();
}

const pageWidth = () => Math.max(360, Math.min(1100, el.stage.clientWidth - 30));

let pageToken = 0;
let shown: RenderedPage | undefined;

async function showPage(page: number): Promise<void> {
  const d = currentDoc();
  if (page < 1 || page > d.pages) return;
  const token = ++pageToken;
  const t0 = performance.now();
  cancelDraft();
  view.page = page;
  el.pageLabel.textContent = `Pagina ${page} van ${d.pages}`;
  markStrip();
  if (d.kind !== 'pdf') {
    document.getElementById(`pb-${page}`)?.scrollIntoView({ block: 'start' });
    if (page === 1) el.stage.scrollTop = 0;
    return;
  }
  let pdf: PdfView;
  try {
    pdf = await pdfOf(d);
    probe.marks['pdfOpen'] ??= performance.now();
    probe.pdfWorker ??= (await pdfWorker()).mode;
  } catch (error) {
    if (token === pageToken) el.stage.replaceChildren(h('p', { class: 'notice' }, `De PDF kan niet worden getoond (${(error as Error).message}). De vondsten staan in de lijst.`));
    probe.errors.push((error as Error).message);
    return;
  }
  const width = pageWidth();
  let rendered: RenderedPage;
  try {
    const pending = pdf.render(page, width);
    if (!el.stage.querySelector('.page')) el.stage.replaceChildren(h('div', { class: 'page', style: `width:${width}px;height:${Math.round(width * 1.41)}px` }, h('div', { class: 'loading' }, 'Pagina tekenen...')));
    rendered = await pending;
  } catch (error) {
    if (token === pageToken) el.stage.replaceChildren(h('p', { class: 'notice' }, `Pagina ${page} kan niet worden getekend (${(error as Error).message}).`));
    probe.errors.push((error as Error).message);
    return;
  }
  if (token !== pageToken || currentDoc() !== d) return;
  const ms = performance.now() - t0;
  const container = h('div', { class: 'page', style: `width:${rendered.canvas.style.width};height:${rendered.canvas.style.height}`, 'data-page': page });
  container.append(rendered.canvas);
  el.stage.replaceChildren(container);
  shown = rendered;
  drawBoxes();
  attachDrawing(container);
  el.stage.dataset['rendered'] = `${view.doc}:${page}`;
  probe.renders.push({ doc: view.doc, page, ms, cached: ms < rendered.ms });
  probe.firstPageMs ??= performance.now();
  // The next page is drawn while the reviewer reads this one.
  if (page < d.pages) void pdf.render(page + 1, width).catch(() => undefined);
}

function drawBoxes(): void {
  const container = el.stage.querySelector('.page');
  if (!container || !shown) return;
  for (const b of Array.from(container.querySelectorAll('.box'))) b.remove();
  const { viewport } = shown;
  for (const it of docItems(view.doc)) {
    const boxes = it.type === 'finding' ? it.finding.boxes.filter((b) => b.page === view.page) : it.addition.kind === 'box' && it.addition.page === view.page ? [it.addition] : [];
    // One label per finding: a name across two lines is two boxes, and one label says it.
    for (const [n, b] of boxes.entries()) {
      const r = toScreen(viewport, b);
      const cls = classOf(it, store.state);
      const div = h(
        'div',
        { class: `box ${cls}${it.key === view.selected ? ' selected' : ''}`, style: `left:${r.left}px;top:${r.top}px;width:${Math.max(r.width, 4)}px;height:${Math.max(r.height, 4)}px`, 'data-key': it.key, title: labelOf(it, store.state) },
        n === 0 ? h('span', { class: 'label' }, labelOf(it, store.state)) : null,
      );
      container.append(div);
    }
  }
}

// Drawing a box on a PDF page: a redaction the tool missed, in PDF user space.
function attachDrawing(container: HTMLElement): void {
  let start: { x: number; y: number } | undefined;
  let rect: HTMLElement | undefined;
  const at = (e: PointerEvent) => {
    const r = container.getBoundingClientRect();
    return { x: Math.max(0, Math.min(r.width, e.clientX - r.left)), y: Math.max(0, Math.min(r.height, e.clientY - r.top)) };
  };
  container.addEventListener('pointerdown', (e) => {
    if (e.button !== 0) return;
    const box = (e.target as HTMLElement).closest('.box') as HTMLElement | null;
    if (box?.dataset['key']) {
      select(box.dataset['key']);
      return;
    }
    start = at(e);
    rect = h('div', { class: 'drawing' });
    container.append(rect);
    container.setPointerCapture(e.pointerId);
  });
  container.addEventListener('pointermove', (e) => {
    if (!start || !rect) return;
    const p = at(e);
    Object.assign(rect.style, { left: `${Math.min(p.x, start.x)}px`, top: `${Math.min(p.y, start.y)}px`, width: `${Math.abs(p.x - start.x)}px`, height: `${Math.abs(p.y - start.y)}px` });
  });
  container.addEventListener('pointerup', (e) => {
    if (!start || !rect) return;
    const p = at(e);
    const r = { left: Math.min(p.x, start.x), top: Math.min(p.y, start.y), width: Math.abs(p.x - start.x), height: Math.abs(p.y - start.y) };
    start = undefined;
    rect.remove();
    rect = undefined;
    if (r.width < 4 || r.height < 4 || !shown) return;
    const box = toPdf(shown.viewport, r);
    const page = view.page;
    const d = currentDoc();
    void choose('Kader lakken: grond', groundOptions()).then((ground) => {
      if (!ground) return;
      addAddition(d, { kind: 'box', page, ...box, ground: ground as GroundCode });
      say(`Kader toegevoegd op pagina ${page} (${ground}).`);
    });
  });
}

// Drawing a box with the keyboard alone: B puts one on the page (over the selected finding when it
// is on this page), arrows move it, Shift+arrows size it, Enter adds it (then its ground), Esc drops it.
interface Draft {
  readonly el: HTMLElement;
  readonly r: { left: number; top: number; width: number; height: number };
}
let draft: Draft | undefined;

function placeDraft(): void {
  if (!draft) return;
  const { r } = draft;
  Object.assign(draft.el.style, { left: `${r.left}px`, top: `${r.top}px`, width: `${r.width}px`, height: `${r.height}px` });
}

function cancelDraft(): void {
  draft?.el.remove();
  draft = undefined;
}

function startDraft(): void {
  const container = el.stage.querySelector('.page') as HTMLElement | null;
  if (currentDoc().kind !== 'pdf' || !container || !shown) {
    say('Een kader tekent u op een PDF-pagina; in een tekstdocument selecteert u de tekst (T).');
    return;
  }
  cancelDraft();
  const sel = container.querySelector('.box.selected') as HTMLElement | null;
  const r = sel ? { left: sel.offsetLeft, top: sel.offsetTop, width: sel.offsetWidth, height: sel.offsetHeight } : { left: 40, top: 40, width: 160, height: 24 };
  const div = h('div', { class: 'drawing', role: 'img', 'aria-label': 'Nieuw kader' });
  container.append(div);
  draft = { el: div, r };
  placeDraft();
  div.scrollIntoView({ block: 'nearest' });
  say('Nieuw kader: pijltjes verplaatsen, Shift+pijltjes maken het groter of kleiner, Enter lakt, Esc annuleert.');
}

function draftKey(e: KeyboardEvent): void {
  if (!draft) return;
  const container = draft.el.parentElement as HTMLElement;
  const { r } = draft;
  const stepPx = e.ctrlKey ? 1 : 8;
  const dx = e.key === 'ArrowRight' ? stepPx : e.key === 'ArrowLeft' ? -stepPx : 0;
  const dy = e.key === 'ArrowDown' ? stepPx : e.key === 'ArrowUp' ? -stepPx : 0;
  if (dx || dy) {
    if (e.shiftKey) {
      r.width = Math.max(4, Math.min(container.clientWidth - r.left, r.width + dx));
      r.height = Math.max(4, Math.min(container.clientHeight - r.top, r.height + dy));
    } else {
      r.left = Math.max(0, Math.min(container.clientWidth - r.width, r.left + dx));
      r.top = Math.max(0, Math.min(container.clientHeight - r.height, r.top + dy));
    }
    placeDraft();
  } else if (e.key === 'Escape') {
    cancelDraft();
    say('Kader geannuleerd.');
  } else if (e.key === 'Enter' && shown) {
    const box = toPdf(shown.viewport, r);
    const page = view.page;
    const d = currentDoc();
    cancelDraft();
    void choose('Kader lakken: grond', groundOptions()).then((ground) => {
      if (!ground) return;
      addAddition(d, { kind: 'box', page, ...box, ground: ground as GroundCode });
      say(`Kader toegevoegd op pagina ${page} (${ground}).`);
    });
  }
}

// ---- text documents ----

function renderText(): void {
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

el.stage.addEventListener('click', (e) => {
  const mark = (e.target as HTMLElement).closest('mark') as HTMLElement | null;
  if (mark?.dataset['key'] && (window.getSelection()?.isCollapsed ?? true)) select(mark.dataset['key']);
});

/** A point of a DOM selection as an offset in the document's source text. */
function offsetAt(node: Node, offset: number): number | undefined {
  if (node.nodeType === Node.TEXT_NODE) {
    const span = node.parentElement?.closest('[data-start]') as HTMLElement | null;
    return span ? Number(span.dataset['start']) + offset : undefined;
  }
  const child = node.childNodes[offset];
  const walker = document.createTreeWalker(child ?? node, NodeFilter.SHOW_TEXT);
  const first = walker.nextNode();
  if (first && child) return offsetAt(first, 0);
  let last: Node | null = first;
  for (let n = walker.nextNode(); n; n = walker.nextNode()) last = n;
  return last ? offsetAt(last, last.textContent?.length ?? 0) : undefined;
}

async function addSelection(): Promise<void> {
  const d = currentDoc();
  const sel = window.getSelection();
  if (d.kind !== 'text' || !sel || sel.isCollapsed || sel.rangeCount === 0) {
    say(d.kind === 'pdf' ? 'Op een PDF-pagina: sleep een kader om wat gelakt moet worden.' : 'Selecteer eerst de tekst die gelakt moet worden.');
    return;
  }
  const range = sel.getRangeAt(0);
  const a = offsetAt(range.startContainer, range.startOffset);
  const b = offsetAt(range.endContainer, range.endOffset);
  if (a === undefined || b === undefined || b <= a) {
    say('Deze selectie ligt niet in de tekst van het document.');
    return;
  }
  const ground = await choose('Selectie lakken: grond', groundOptions());
  if (!ground) return;
  sel.removeAllRanges();
  addAddition(d, { kind: 'text', start: a, end: b, ground: ground as GroundCode, entity: ground === '5.1.2e' ? 'person' : 'section' });
  say(`Tekst toegevoegd (${b - a} tekens, ${ground}).`);
}

function addAddition(d: DocRef, a: Addition): void {
  store.change((s) => {
    (s.additions[d.sha256] ??= []).push(a);
  });
  const n = (store.state.additions[d.sha256] ?? []).length - 1;
  view.selected = `${d.sha256}|+${n}`;
  refresh();
}

// ---- the list and the detail ----

const LIST_LIMIT = 400;

function renderFilters(): void {
  const select = (name: keyof typeof filters, label: string, options: [string, string][]) => {
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

const DECISION_WORDS = { redact: 'lakken', keep: 'openbaar', open: 'open', added: 'toegevoegd' } as const;

function itemText(it: Item): string {
  if (it.type === 'finding') return it.finding.text.replace(/\s+/g, ' ');
  const a = it.addition;
  if (a.kind === 'box') return `kader op p. ${a.page}`;
  if (a.kind === 'match') return `overal: ${a.text}`;
  // A PDF's screen data holds no text (see write-screen.ts): a text span added there by hand is named by its offsets.
  return (dataOf(it.doc)?.text.slice(a.start, a.end) || `tekst ${a.start}-${a.end}`).replace(/\s+/g, ' ');
}

function renderList(): void {
  el.list.setAttribute('aria-label', view.tab === 'findings' ? 'Vondsten' : 'Personen');
  byId('tab-findings').setAttribute('aria-selected', String(view.tab === 'findings'));
  byId('tab-persons').setAttribute('aria-selected', String(view.tab === 'persons'));
  for (const label of el.filters.querySelectorAll<HTMLElement>('[data-findings-only]')) label.hidden = view.tab !== 'findings';
  const rows: HTMLElement[] = [];
  if (view.tab === 'findings') {
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
  } else {
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
  }
  el.list.replaceChildren(...rows);
  const cur = el.list.querySelector('[aria-selected="true"]');
  if (cur) {
    el.list.setAttribute('aria-activedescendant', cur.id);
    cur.scrollIntoView({ block: 'nearest' });
  } else el.list.removeAttribute('aria-activedescendant');
}

el.list.addEventListener('click', (e) => {
  const li = (e.target as HTMLElement).closest('li') as HTMLElement | null;
  if (li?.dataset['key']) select(li.dataset['key']);
  else if (li?.dataset['person']) selectPerson(li.dataset['person'], true);
});

/** Context on one line: page breaks (form feeds) and line ends as marks a reader sees. */
const oneLine = (t: string) => t.replace(/\f/g, ' | ').replace(/\s*\n\s*/g, ' / ');

function decisionWords(d: ReviewerDecision | undefined): string {
  if (!d) return 'niet beslist';
  return d.action === 'redact' ? `lakken (${d.ground})` : `openbaar (${d.reason})`;
}

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

function renderDetail(): void {
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

// ---- selection and navigation ----

function select(key: string, scroll = true): void {
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

function selectPerson(id: string, open = false): void {
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

async function step(delta: 1 | -1): Promise<void> {
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

function refresh(): void {
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

store.onChange(() => refresh());

// ---- decisions ----

function selectedFinding(): Extract<Item, { type: 'finding' }> | undefined {
  const it = findItem(view.selected);
  return it?.type === 'finding' ? it : undefined;
}

function decide(action: 'redact', ground?: string): void;
function decide(action: 'keep', reason: string): void;
function decide(action: 'redact' | 'keep', detail?: string): void {
  if (view.tab === 'persons') {
    if (view.person) void decidePerson(view.person, action, detail);
    return;
  }
  const it = selectedFinding();
  if (!it) {
    say('Kies eerst een vondst.');
    return;
  }
  const e = effectiveOf(it.doc, it.finding, store.state);
  const ground = (detail ?? (e.kind === 'keep' ? it.finding.ground : e.ground)) as GroundCode;
  const decision: ReviewerDecision = action === 'redact' ? { action, ground } : { action, reason: detail ?? KEEP_REASONS[0] };
  store.change((s) => {
    s.findings[it.key] = decision;
  });
  say(`${it.finding.text}: ${decisionWords(decision)}.`);
}

async function keepWithReason(person = false): Promise<void> {
  const reason = await choose(person ? 'Persoon openbaar (alle vermeldingen): reden' : 'Openbaar laten: reden', reasonOptions());
  if (!reason) return;
  if (person) {
    const id = personOfSelection();
    if (id) await decidePerson(id, 'keep', reason);
  } else decide('keep', reason);
}

function personOfSelection(): string | undefined {
  if (view.tab === 'persons') return view.person;
  return selectedFinding()?.finding.person;
}

async function decidePerson(id: string, action: 'redact' | 'keep', detail?: string): Promise<void> {
  const p = personsById.get(id);
  if (!p) return;
  let decision: ReviewerDecision;
  if (action === 'keep') {
    const reason = detail ?? (await choose(`${p.name} openbaar (alle ${p.mentions.length} vermeldingen): reden`, reasonOptions()));
    if (!reason) return;
    decision = { action: 'keep', reason };
  } else {
    const current = store.state.persons[id];
    const mention = p.mentions.find((m) => m.proposed !== 'keep') ?? p.mentions[0];
    const data = mention ? loaded.get(mention.document) : undefined;
    const proposedGround = data?.findings.find((f) => f.id === mention?.finding)?.ground ?? '5.1.2e';
    decision = { action: 'redact', ground: (detail ?? (current?.action === 'redact' ? current.ground : proposedGround)) as GroundCode };
  }
  store.change((s) => {
    s.persons[id] = decision;
  });
  say(`${p.name}, alle ${p.mentions.length} vermeldingen: ${decisionWords(decision)}.`);
}

async function changeGround(): Promise<void> {
  const it = findItem(view.selected);
  if (view.tab === 'persons' || !it) {
    say('Kies eerst een vondst.');
    return;
  }
  const current = groundOfItem(it);
  const ground = await choose('Grond wijzigen', groundOptions(), Math.max(0, GROUND_ORDER.indexOf(current as GroundCode)));
  if (!ground) return;
  if (it.type === 'addition') {
    store.change((s) => {
      const list = s.additions[it.doc.sha256];
      const a = list?.[it.index];
      if (list && a) list[it.index] = { ...a, ground: ground as GroundCode };
    });
  } else decide('redact', ground);
}

function removeAddition(): void {
  const it = findItem(view.selected);
  if (it?.type !== 'addition') {
    say('Alleen een toevoeging kan worden verwijderd; een vondst maakt u openbaar (O).');
    return;
  }
  store.change((s) => {
    s.additions[it.doc.sha256]?.splice(it.index, 1);
  });
  view.selected = undefined;
  say('Toevoeging verwijderd.');
}

function undo(): void {
  say(store.undo() ? 'Ongedaan gemaakt.' : 'Niets om ongedaan te maken.');
}

// ---- export, import, approval ----

function download(name: string, text: string): void {
  const url = URL.createObjectURL(new Blob([text], { type: 'application/json' }));
  const a = h('a', { href: url, download: name });
  document.body.append(a);
  a.click();
  a.remove();
  setTimeout(() => URL.revokeObjectURL(url), 60_000);
}

async function ensureAllLoaded(): Promise<void> {
  for (let i = 0; i < docs.length; i++) await ensureData(i);
}

async function exportFile(): Promise<void> {
  if (!store.state.decidedBy) {
    const name = await askName('Wie beslist? (eenmalig)', '');
    if (!name) return;
    store.change((s) => {
      s.decidedBy = name;
    });
  }
  await ensureAllLoaded();
  const data = exportDecisions(idx, store.state, new Date());
  download('decisions.internal.json', `${JSON.stringify(data, null, 2)}\n`);
  const open = Number(el.progress.dataset['open'] ?? 0);
  say(
    `Beslissingen geëxporteerd als decisions.internal.json${store.state.approvedBy ? `, goedgekeurd door ${store.state.approvedBy}` : ''}.${open > 0 ? ` Nog ${open} open: apply weigert die documenten, of lakt ze met --undecided redact.` : ''}`,
  );
}

async function approve(): Promise<void> {
  const name = await askName('Goedkeuren (vier ogen): uw naam', store.state.approvedBy);
  if (!name) return;
  if (name.trim().toLowerCase() === store.state.decidedBy.trim().toLowerCase()) {
    say('Goedkeuren moet iemand anders doen dan wie besliste.');
    return;
  }
  store.change((s) => {
    s.approvedBy = name;
  });
  say(`Goedgekeurd door ${name}; exporteer om de goedkeuring vast te leggen.`);
}

const importInput = byId<HTMLInputElement>('import-file');
importInput.addEventListener('change', () => {
  const file = importInput.files?.[0];
  if (!file) return;
  void file.text().then((text) => {
    importInput.value = '';
    let state: State;
    try {
      state = importDecisions(idx, JSON.parse(text));
    } catch (error) {
      say(error instanceof ImportError ? `Importeren mislukt: ${error.message}.` : 'Importeren mislukt: dit bestand is geen geldige JSON.');
      return;
    }
    store.change((s) => Object.assign(s, state));
    say(`Beslissingen van ${state.decidedBy || 'onbekend'} geïmporteerd.`);
  });
});

// ---- keys ----

function switchTab(tab: 'findings' | 'persons'): void {
  view.tab = tab;
  renderList();
  renderDetail();
}

document.addEventListener('keydown', (e) => {
  if (anyDialogOpen() || e.defaultPrevented) return;
  const target = e.target as HTMLElement;
  if (target.closest('input, select, textarea')) {
    // Esc leaves a filter for the keys again.
    if (e.key === 'Escape') {
      target.blur();
      el.list.focus();
    }
    return;
  }
  if (draft) {
    if (!['Shift', 'Control'].includes(e.key)) e.preventDefault();
    draftKey(e);
    return;
  }
  if ((e.ctrlKey || e.metaKey) && !e.altKey && e.key.toLowerCase() === 'z') {
    e.preventDefault();
    undo();
    return;
  }
  if (e.ctrlKey || e.metaKey || e.altKey) return;
  const digit = /^Digit([1-3])$/.exec(e.code)?.[1];
  let handled = true;
  if (digit) {
    const reason = KEEP_REASONS[Number(digit) - 1] as string;
    if (e.shiftKey) {
      const id = personOfSelection();
      if (id) void decidePerson(id, 'keep', reason);
    } else decide('keep', reason);
  } else
    switch (e.key) {
      case 'ArrowDown':
      case 'j':
        void step(1);
        break;
      case 'ArrowUp':
      case 'k':
        void step(-1);
        break;
      case 'ArrowRight':
      case 'PageDown':
        void showPage(view.page + 1);
        break;
      case 'ArrowLeft':
      case 'PageUp':
        void showPage(view.page - 1);
        break;
      case 'd':
        if (view.doc < docs.length - 1) void openDocument(view.doc + 1, 1);
        break;
      case 'D':
        if (view.doc > 0) void openDocument(view.doc - 1, 1);
        break;
      case 'l':
        decide('redact');
        break;
      case 'L': {
        const id = personOfSelection();
        if (id) void decidePerson(id, 'redact');
        else say('Deze vondst hoort niet bij een persoon.');
        break;
      }
      case 'o':
        void keepWithReason(view.tab === 'persons');
        break;
      case 'O':
        void keepWithReason(true);
        break;
      case 'g':
        void changeGround();
        break;
      case 'u':
        undo();
        break;
      case 't':
        void addSelection();
        break;
      case 'b':
        startDraft();
        break;
      case 'Delete':
      case 'Backspace':
        removeAddition();
        break;
      case 'p':
        switchTab(view.tab === 'findings' ? 'persons' : 'findings');
        break;
      case 'e':
        void exportFile();
        break;
      case '?':
        byId<HTMLDialogElement>('help-dialog').showModal();
        break;
      case 'Enter':
        if (view.tab === 'persons' && view.person && target === el.list) selectPerson(view.person, true);
        else handled = false;
        break;
      default:
        handled = false;
    }
  if (handled) e.preventDefault();
});

// ---- start ----

byId('btn-export').addEventListener('click', () => void exportFile());
byId('btn-import').addEventListener('click', () => importInput.click());
byId('btn-approve').addEventListener('click', () => void approve());
byId('btn-who').addEventListener('click', () =>
  void askName('Wie beslist?', store.state.decidedBy).then((name) => {
    if (name)
      store.change((s) => {
        s.decidedBy = name;
      });
  }),
);
byId('btn-help').addEventListener('click', () => byId<HTMLDialogElement>('help-dialog').showModal());
byId('prev-page').addEventListener('click', () => void showPage(view.page - 1));
byId('next-page').addEventListener('click', () => void showPage(view.page + 1));
byId('tab-findings').addEventListener('click', () => switchTab('findings'));
byId('tab-persons').addEventListener('click', () => switchTab('persons'));
const helpRows = KEYS.map(([k, what]) => {
  const key = h('td', {});
  key.innerHTML = k; // constant text of this file, never data
  return h('tr', {}, key, h('td', {}, what));
});
byId('help-body').replaceChildren(h('table', {}, ...helpRows), h('p', {}, 'Beslissingen worden in deze browser bewaard (localStorage) en overleven herladen; exporteer ze voor woo-redact apply.'));

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
