/**
 * The package's data, loaded as classic scripts that push `[kind, file, payload]` onto a global
 * (see ../names.ts): from file:// nothing can be fetched.
 */
import type { ReviewDocument, ReviewIndex } from '../../package-schema.js';
import { DATA_GLOBAL, type DataKind, documentScriptOf, pdfScriptOf } from '../names.js';

type Entry = [DataKind, string, unknown];
interface DataQueue {
  push(entry: Entry): void;
}

const received = new Map<string, unknown>();
const keyOf = (kind: DataKind, file: string) => `${kind}:${file}`;

const w = window as unknown as Record<string, unknown>;
const early = (w[DATA_GLOBAL] as Entry[] | undefined) ?? [];
for (const [kind, file, payload] of early) received.set(keyOf(kind, file), payload);
w[DATA_GLOBAL] = { push: ([kind, file, payload]: Entry) => void received.set(keyOf(kind, file), payload) } satisfies DataQueue;

const loading = new Map<string, Promise<void>>();

/** Adds a classic script once; resolves when it ran. */
export function loadScript(src: string): Promise<void> {
  let p = loading.get(src);
  if (!p) {
    p = new Promise<void>((resolve, reject) => {
      const s = document.createElement('script');
      s.src = src;
      s.onload = () => resolve();
      s.onerror = () => reject(new Error(`kan ${src} niet laden`));
      document.head.append(s);
    });
    loading.set(src, p);
  }
  return p;
}

function take<T>(kind: DataKind, file: string): T {
  const k = keyOf(kind, file);
  if (!received.has(k)) throw new Error(`${file} bevat geen gegevens`);
  return received.get(k) as T;
}

/** The index and the documents come as JSON text (see write-screen.ts). */
const parsed = <T>(payload: unknown): T => (typeof payload === 'string' ? (JSON.parse(payload) as T) : (payload as T));

export function reviewIndex(): ReviewIndex | undefined {
  const payload = received.get(keyOf('index', 'review.internal.js'));
  return payload === undefined ? undefined : parsed<ReviewIndex>(payload);
}

const documents = new Map<string, Promise<ReviewDocument>>();

/** A document's review file, loaded and parsed once. */
export function loadDocument(file: string): Promise<ReviewDocument> {
  let p = documents.get(file);
  if (!p) {
    p = (async () => {
      const k = keyOf('document', file);
      if (!received.has(k)) await loadScript(documentScriptOf(file));
      const doc = parsed<ReviewDocument>(take<unknown>('document', file));
      received.delete(k); // the parsed document is kept; the text need not stay twice
      return doc;
    })();
    documents.set(file, p);
  }
  return p;
}

/** The PDF's bytes; the base64 is dropped once decoded, so memory holds one copy. */
export async function loadPdfBytes(file: string): Promise<Uint8Array> {
  const src = pdfScriptOf(file);
  await loadScript(src);
  const b64 = take<string>('pdf', file);
  received.delete(keyOf('pdf', file));
  // Opened again later (after it left the cache of open PDFs): the script runs again.
  loading.delete(src);
  return base64Bytes(b64);
}

export function base64Bytes(b64: string): Uint8Array {
  const bin = atob(b64);
  const bytes = new Uint8Array(bin.length);
  for (let i = 0; i < bin.length; i++) bytes[i] = bin.charCodeAt(i);
  return bytes;
}
