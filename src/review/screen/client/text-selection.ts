/** Adding what the tool missed in a text document: the reviewer selects the text and presses T. */
import type { GroundCode } from '../../../decide/grounds.js';
import { groundOptions } from './choices.js';
import { addAddition } from './decisions.js';
import { choose } from './dialogs.js';
import { currentDoc, say } from './state.js';

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

export async function addSelection(): Promise<void> {
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
