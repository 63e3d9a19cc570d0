/**
 * Everything the screen holds, in one place: the package's index, the reviewer's decisions (the
 * store), the documents loaded so far, what is on screen (view), the list's filters and the page's
 * elements. Other modules read and change these; none keeps state of its own.
 */
import type { ReviewDocument, ReviewIndex } from '../../package-schema.js';
import { byId, h } from './dom.js';
import { loadDocument, reviewIndex } from './load.js';
import type { DocRef } from './model.js';
import { PdfView, type RenderedPage } from './pdf.js';
import { Store, storageKeyOf } from './store.js';

/** What tests and the bench read: when the first page was drawn, and how long each page took. */
interface ScreenProbe {
  firstPageMs?: number;
  /** Milestones of the first document, in ms from navigation start. */
  marks: Record<string, number>;
  /** Where pdf.js parses and renders: a worker (from a blob: URL) or the main thread. */
  pdfWorker?: 'worker' | 'main';
  renders: { doc: number; page: number; ms: number; cached: boolean }[];
  errors: string[];
}
export const probe: ScreenProbe = { renders: [], errors: [], marks: { client: performance.now() } };
(window as unknown as { __wooScreen: ScreenProbe }).__wooScreen = probe;

const index = reviewIndex();
if (!index) {
  byId('stage').append(h('p', { class: 'notice' }, 'review.internal.js ontbreekt of is niet geladen: open review.html in de map van het beoordelingspakket.'));
  throw new Error('no index');
}
export const idx: ReviewIndex = index;
export const store = new Store(storageKeyOf(idx));
export const docs: readonly DocRef[] = idx.documents;
export const personsById = new Map(idx.persons.map((p) => [p.id, p]));
const loaded = new Map<string, ReviewDocument>();
const pdfs = new Map<string, Promise<PdfView>>();

/** A box being placed with the keyboard (see draw-box.ts), in screen pixels on the page. */
export interface Draft {
  readonly el: HTMLElement;
  readonly r: { left: number; top: number; width: number; height: number };
}

interface ViewState {
  doc: number;
  page: number;
  tab: 'findings' | 'persons';
  selected: string | undefined;
  person: string | undefined;
  /** The PDF page on the stage (its viewport converts boxes); undefined before the first is drawn. */
  shown: RenderedPage | undefined;
  draft: Draft | undefined;
}
export const view: ViewState = { doc: 0, page: 1, tab: 'findings', selected: undefined, person: undefined, shown: undefined, draft: undefined };

/** The newest document opened and page shown: an older one that finishes late draws nothing. */
export const latest = { open: 0, page: 0 };

export interface Filters {
  scope: string;
  entity: string;
  ground: string;
  decision: string;
  confidence: string;
}
export const filters: Filters = { scope: 'doc', entity: '', ground: '', decision: '', confidence: '' };

export const el = {
  stage: byId('stage'),
  list: byId<HTMLUListElement>('item-list'),
  detail: byId('detail'),
  docList: byId<HTMLUListElement>('doc-list'),
  strip: byId('page-strip'),
  pageLabel: byId('page-label'),
  docTitle: byId('doc-title'),
  progress: byId('progress'),
  status: byId('status'),
  filters: byId('filters'),
  importFile: byId<HTMLInputElement>('import-file'),
};

export const currentDoc = (): DocRef => docs[view.doc] as DocRef;
export const dataOf = (d: DocRef): ReviewDocument | undefined => loaded.get(d.sha256);
export const loadedData = (sha256: string): ReviewDocument | undefined => loaded.get(sha256);

export async function ensureData(i: number): Promise<ReviewDocument> {
  const d = docs[i] as DocRef;
  let data = loaded.get(d.sha256);
  if (!data) {
    data = await loadDocument(d.file);
    loaded.set(d.sha256, data);
  }
  return data;
}

export function pdfOf(d: DocRef): Promise<PdfView> {
  let p = pdfs.get(d.sha256);
  if (!p) {
    p = PdfView.open(d.file);
    pdfs.set(d.sha256, p);
    p.catch(() => pdfs.delete(d.sha256));
    // A few PDFs stay open; the others are closed (memory), and opened again when needed.
    while (pdfs.size > 3) {
      const [oldest, q] = pdfs.entries().next().value as [string, Promise<PdfView>];
      pdfs.delete(oldest);
      void q.then((v) => v.destroy()).catch(() => undefined);
    }
  }
  return p;
}

/** The status line a screen reader announces. */
export function say(message: string): void {
  el.status.textContent = '';
  el.status.textContent = message;
}
