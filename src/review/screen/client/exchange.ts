/**
 * The decisions file in and out: export for `woo-redact apply`, import to go on with an earlier
 * review, a second reviewer's approval (four eyes), and who decides.
 */
import { askName } from './dialogs.js';
import { byId, h } from './dom.js';
import { docs, el, ensureData, idx, say, store } from './state.js';
import { exportDecisions, ImportError, importDecisions, type State } from './store.js';

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

export async function exportFile(): Promise<void> {
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

/** The import file input, and the buttons: export, import, approve, who decides. */
export function wireExchange(): void {
  const importInput = el.importFile;
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
}
