/** The proposed boxes and the reviewer's added boxes over the PDF page shown, coloured by decision. */
import { h } from './dom.js';
import { docItems } from './items.js';
import { classOf, labelOf } from './model.js';
import { toScreen } from './pdf.js';
import { el, store, view } from './state.js';

export function drawBoxes(): void {
  const container = el.stage.querySelector('.page');
  if (!container || !view.shown) return;
  for (const b of Array.from(container.querySelectorAll('.box'))) b.remove();
  const { viewport } = view.shown;
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
