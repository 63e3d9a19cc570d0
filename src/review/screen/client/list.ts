/** The list beside the page: findings or persons (two tabs), one option selected. */
import { byId } from './dom.js';
import { findingRows } from './findings-list.js';
import { select, selectPerson } from './navigation.js';
import { personRows } from './persons-list.js';
import { el, view } from './state.js';

export function renderList(): void {
  el.list.setAttribute('aria-label', view.tab === 'findings' ? 'Vondsten' : 'Personen');
  byId('tab-findings').setAttribute('aria-selected', String(view.tab === 'findings'));
  byId('tab-persons').setAttribute('aria-selected', String(view.tab === 'persons'));
  for (const label of el.filters.querySelectorAll<HTMLElement>('[data-findings-only]')) label.hidden = view.tab !== 'findings';
  el.list.replaceChildren(...(view.tab === 'findings' ? findingRows() : personRows()));
  const cur = el.list.querySelector('[aria-selected="true"]');
  if (cur) {
    el.list.setAttribute('aria-activedescendant', cur.id);
    cur.scrollIntoView({ block: 'nearest' });
  } else el.list.removeAttribute('aria-activedescendant');
}

export function wireList(): void {
  el.list.addEventListener('click', (e) => {
    const li = (e.target as HTMLElement).closest('li') as HTMLElement | null;
    if (li?.dataset['key']) select(li.dataset['key']);
    else if (li?.dataset['person']) selectPerson(li.dataset['person'], true);
  });
}
