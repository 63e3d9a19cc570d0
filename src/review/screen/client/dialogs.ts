/** The screen's small questions: pick one of a short list with a number key, or give a name. */
import { byId, h } from './dom.js';

export interface Option {
  readonly value: string;
  readonly label: string;
}

export function anyDialogOpen(): boolean {
  return document.querySelector('dialog[open]') !== null;
}

/** Shows `options` numbered 1..9; resolves with the value picked, or undefined (Esc). */
export function choose(title: string, options: readonly Option[], initial = 0): Promise<string | undefined> {
  const dialog = byId<HTMLDialogElement>('chooser');
  const list = byId('chooser-options');
  byId('chooser-title').textContent = title;
  list.replaceChildren();
  return new Promise((resolve) => {
    let done = false;
    const finish = (value: string | undefined) => {
      if (done) return;
      done = true;
      dialog.removeEventListener('keydown', onKey);
      dialog.removeEventListener('close', onClose);
      if (dialog.open) dialog.close();
      resolve(value);
    };
    const buttons = options.map((o, i) => {
      const b = h('button', { type: 'button', 'aria-keyshortcuts': i < 9 ? String(i + 1) : undefined }, i < 9 ? h('kbd', {}, String(i + 1)) : '', ` ${o.label}`);
      b.addEventListener('click', () => finish(o.value));
      list.append(h('li', {}, b));
      return b;
    });
    const onKey = (e: KeyboardEvent) => {
      const n = /^Digit([1-9])$/.exec(e.code)?.[1] ?? (/^[1-9]$/.test(e.key) ? e.key : undefined);
      if (n !== undefined && !e.ctrlKey && !e.altKey) {
        const o = options[Number(n) - 1];
        if (o) {
          e.preventDefault();
          finish(o.value);
        }
        return;
      }
      const at = buttons.indexOf(document.activeElement as HTMLButtonElement);
      if (e.key === 'ArrowDown' || e.key === 'ArrowUp') {
        e.preventDefault();
        const next = (at + (e.key === 'ArrowDown' ? 1 : -1) + buttons.length) % buttons.length;
        buttons[next]?.focus();
      }
    };
    const onClose = () => finish(undefined);
    dialog.addEventListener('keydown', onKey);
    dialog.addEventListener('close', onClose);
    dialog.showModal();
    buttons[Math.min(initial, buttons.length - 1)]?.focus();
  });
}

/** Asks for a person's name; resolves with it trimmed, or undefined. */
export function askName(title: string, current: string): Promise<string | undefined> {
  const dialog = byId<HTMLDialogElement>('who-dialog');
  const input = byId<HTMLInputElement>('who-name');
  byId('who-title').textContent = title;
  input.value = current;
  return new Promise((resolve) => {
    const onClose = () => {
      dialog.removeEventListener('close', onClose);
      const name = input.value.trim();
      resolve(dialog.returnValue === 'ok' && name ? name : undefined);
    };
    dialog.returnValue = '';
    dialog.addEventListener('close', onClose);
    dialog.showModal();
    input.focus();
    input.select();
  });
}
