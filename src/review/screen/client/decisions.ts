/**
 * What a key or a button decides: one finding, a person for all their mentions, a ground, an
 * addition added or removed, undo. Each is one undoable step of the store; the store's listener
 * draws the screen again (see main.ts).
 */
import type { GroundCode } from '../../../decide/grounds.js';
import type { Addition, ReviewerDecision } from '../../decisions-schema.js';
import { GROUND_ORDER, groundOptions, reasonOptions } from './choices.js';
import { choose } from './dialogs.js';
import { decisionWords, findItem, groundOfItem } from './items.js';
import { type DocRef, effectiveOf, type Item, KEEP_REASONS } from './model.js';
import { loadedData, personsById, say, store, view } from './state.js';

function selectedFinding(): Extract<Item, { type: 'finding' }> | undefined {
  const it = findItem(view.selected);
  return it?.type === 'finding' ? it : undefined;
}

export function decide(action: 'redact', ground?: string): void;
export function decide(action: 'keep', reason: string): void;
export function decide(action: 'redact' | 'keep', detail?: string): void {
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

export async function keepWithReason(person = false): Promise<void> {
  const reason = await choose(person ? 'Persoon openbaar (alle vermeldingen): reden' : 'Openbaar laten: reden', reasonOptions());
  if (!reason) return;
  if (person) {
    const id = personOfSelection();
    if (id) await decidePerson(id, 'keep', reason);
  } else decide('keep', reason);
}

/** The person in the persons list, or the one the selected finding names. */
export function personOfSelection(): string | undefined {
  if (view.tab === 'persons') return view.person;
  return selectedFinding()?.finding.person;
}

export async function decidePerson(id: string, action: 'redact' | 'keep', detail?: string): Promise<void> {
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
    const data = mention ? loadedData(mention.document) : undefined;
    const proposedGround = data?.findings.find((f) => f.id === mention?.finding)?.ground ?? '5.1.2e';
    decision = { action: 'redact', ground: (detail ?? (current?.action === 'redact' ? current.ground : proposedGround)) as GroundCode };
  }
  store.change((s) => {
    s.persons[id] = decision;
  });
  say(`${p.name}, alle ${p.mentions.length} vermeldingen: ${decisionWords(decision)}.`);
}

export async function changeGround(): Promise<void> {
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

/** A redaction the tool missed, selected once added. */
export function addAddition(d: DocRef, a: Addition): void {
  view.selected = `${d.sha256}|+${(store.state.additions[d.sha256] ?? []).length}`;
  store.change((s) => {
    (s.additions[d.sha256] ??= []).push(a);
  });
}

export function removeAddition(): void {
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

export function undo(): void {
  say(store.undo() ? 'Ongedaan gemaakt.' : 'Niets om ongedaan te maken.');
}
