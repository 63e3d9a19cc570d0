/** One key per decision and move (the help dialog lists them, help.ts); the rest of the page keeps its keys. */
import { changeGround, decide, decidePerson, keepWithReason, personOfSelection, removeAddition, undo } from './decisions.js';
import { anyDialogOpen } from './dialogs.js';
import { openDocument } from './documents.js';
import { draftKey, startDraft } from './draw-box.js';
import { exportFile } from './exchange.js';
import { showHelp } from './help.js';
import { KEEP_REASONS } from './model.js';
import { selectPerson, step, switchTab } from './navigation.js';
import { showPage } from './pages.js';
import { docs, el, say, view } from './state.js';
import { addSelection } from './text-selection.js';

function onKey(e: KeyboardEvent): void {
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
  if (view.draft) {
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
        showHelp();
        break;
      case 'Enter':
        if (view.tab === 'persons' && view.person && target === el.list) selectPerson(view.person, true);
        else handled = false;
        break;
      default:
        handled = false;
    }
  if (handled) e.preventDefault();
}

export function wireKeys(): void {
  document.addEventListener('keydown', onKey);
}
