/**
 * Adding a box the tool missed on a PDF page, in PDF user space: drawn with the mouse, or placed
 * with the keyboard alone (B puts one on the page, over the selected finding when it is on this
 * page; arrows move it, Shift+arrows size it, Enter adds it, then its ground; Esc drops it).
 */
import type { GroundCode } from '../../../decide/grounds.js';
import { groundOptions } from './choices.js';
import { addAddition } from './decisions.js';
import { choose } from './dialogs.js';
import { h } from './dom.js';
import { select } from './navigation.js';
import { toPdf } from './pdf.js';
import { currentDoc, el, say, view } from './state.js';

type ScreenRect = { left: number; top: number; width: number; height: number };

/** The box on the page shown, once the reviewer picked its ground. */
function addBox(r: ScreenRect): void {
  if (!view.shown) return;
  const box = toPdf(view.shown.viewport, r);
  const page = view.page;
  const d = currentDoc();
  void choose('Kader lakken: grond', groundOptions()).then((ground) => {
    if (!ground) return;
    addAddition(d, { kind: 'box', page, ...box, ground: ground as GroundCode });
    say(`Kader toegevoegd op pagina ${page} (${ground}).`);
  });
}

/** Mouse on a drawn page: a click on a box selects it, a drag elsewhere draws a new one. */
export function attachDrawing(container: HTMLElement): void {
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
    if (r.width < 4 || r.height < 4 || !view.shown) return;
    addBox(r);
  });
}

function placeDraft(): void {
  if (!view.draft) return;
  const { r } = view.draft;
  Object.assign(view.draft.el.style, { left: `${r.left}px`, top: `${r.top}px`, width: `${r.width}px`, height: `${r.height}px` });
}

export function cancelDraft(): void {
  view.draft?.el.remove();
  view.draft = undefined;
}

export function startDraft(): void {
  const container = el.stage.querySelector('.page') as HTMLElement | null;
  if (currentDoc().kind !== 'pdf' || !container || !view.shown) {
    say('Een kader tekent u op een PDF-pagina; in een tekstdocument selecteert u de tekst (T).');
    return;
  }
  cancelDraft();
  const sel = container.querySelector('.box.selected') as HTMLElement | null;
  const r = sel ? { left: sel.offsetLeft, top: sel.offsetTop, width: sel.offsetWidth, height: sel.offsetHeight } : { left: 40, top: 40, width: 160, height: 24 };
  const div = h('div', { class: 'drawing', role: 'img', 'aria-label': 'Nieuw kader' });
  container.append(div);
  view.draft = { el: div, r };
  placeDraft();
  div.scrollIntoView({ block: 'nearest' });
  say('Nieuw kader: pijltjes verplaatsen, Shift+pijltjes maken het groter of kleiner, Enter lakt, Esc annuleert.');
}

/** A key while a box is being placed: every key goes here until Enter or Esc. */
export function draftKey(e: KeyboardEvent): void {
  if (!view.draft) return;
  const container = view.draft.el.parentElement as HTMLElement;
  const { r } = view.draft;
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
  } else if (e.key === 'Enter' && view.shown) {
    cancelDraft();
    addBox(r);
  }
}
