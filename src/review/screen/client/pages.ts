/** A PDF page on the stage (drawn by pdf.js, the next one ahead) and the page strip beside it. */
import { drawBoxes } from './boxes.js';
import { h } from './dom.js';
import { attachDrawing, cancelDraft } from './draw-box.js';
import { docItems } from './items.js';
import { classOf, pageOf } from './model.js';
import { pdfWorker, type PdfView, type RenderedPage } from './pdf.js';
import { currentDoc, el, latest, pdfOf, probe, store, view } from './state.js';

export function renderStrip(): void {
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

export function wireStrip(): void {
  el.strip.addEventListener('click', (e) => {
    const b = (e.target as HTMLElement).closest('button');
    if (b?.dataset['page']) void showPage(Number(b.dataset['page']));
  });
}

function markStrip(): void {
  for (const b of Array.from(el.strip.children) as HTMLElement[]) {
    if (Number(b.dataset['page']) === view.page) b.setAttribute('aria-current', 'page');
    else b.removeAttribute('aria-current');
  }
  const cur = el.strip.querySelector('[aria-current="page"]');
  (cur as HTMLElement | null)?.scrollIntoView({ block: 'nearest' });
}

const pageWidth = () => Math.max(360, Math.min(1100, el.stage.clientWidth - 30));

export async function showPage(page: number): Promise<void> {
  const d = currentDoc();
  if (page < 1 || page > d.pages) return;
  const token = ++latest.page;
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
    if (token === latest.page) el.stage.replaceChildren(h('p', { class: 'notice' }, `De PDF kan niet worden getoond (${(error as Error).message}). De vondsten staan in de lijst.`));
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
    if (token === latest.page) el.stage.replaceChildren(h('p', { class: 'notice' }, `Pagina ${page} kan niet worden getekend (${(error as Error).message}).`));
    probe.errors.push((error as Error).message);
    return;
  }
  if (token !== latest.page || currentDoc() !== d) return;
  const ms = performance.now() - t0;
  const container = h('div', { class: 'page', style: `width:${rendered.canvas.style.width};height:${rendered.canvas.style.height}`, 'data-page': page });
  container.append(rendered.canvas);
  el.stage.replaceChildren(container);
  view.shown = rendered;
  drawBoxes();
  attachDrawing(container);
  el.stage.dataset['rendered'] = `${view.doc}:${page}`;
  probe.renders.push({ doc: view.doc, page, ms, cached: ms < rendered.ms });
  probe.firstPageMs ??= performance.now();
  // The next page is drawn while the reviewer reads this one.
  if (page < d.pages) void pdf.render(page + 1, width).catch(() => undefined);
}
