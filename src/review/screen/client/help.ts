/** The keys, as the help dialog (?) lists them. */
import { byId, h } from './dom.js';
import { KEEP_REASONS } from './model.js';

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

export const showHelp = (): void => byId<HTMLDialogElement>('help-dialog').showModal();

export function renderHelp(): void {
  const helpRows = KEYS.map(([k, what]) => {
    const key = h('td', {});
    key.innerHTML = k; // constant text of this file, never data
    return h('tr', {}, key, h('td', {}, what));
  });
  byId('help-body').replaceChildren(h('table', {}, ...helpRows), h('p', {}, 'Beslissingen worden in deze browser bewaard (localStorage) en overleven herladen; exporteer ze voor woo-redact apply.'));
}
