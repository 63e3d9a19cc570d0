/**
 * File names of the review screen inside the review package, shared by the generator (Node) and
 * the screen (browser). The data files are classic scripts, because a page opened from file://
 * may not fetch files; every one of them says "internal" in its name.
 */
export const SCREEN_FILE = 'review.html';
export const SCREEN_INDEX_SCRIPT = 'review.internal.js';
export const ASSETS_DIR = 'assets';
export const CLIENT_SCRIPT = 'client.js';
export const PDF_WORKER_SCRIPT = 'pdf.worker.js';
/** The same worker as a string (`window.__wooPdfWorkerSource`), to start it from a blob: URL. */
export const PDF_WORKER_SOURCE = 'pdf.worker.src.js';
export const PDF_WORKER_SOURCE_GLOBAL = '__wooPdfWorkerSource';
export const STYLE_SHEET = 'review.css';
/** pdf.js's WebAssembly decoders as base64 (`window.__wooPdfWasm`), loaded when a PDF needs one. */
export const PDF_WASM_SCRIPT = 'pdf.wasm.js';
export const PDF_WASM_GLOBAL = '__wooPdfWasm';
/** The licences of what the screen bundles (pdf.js and its decoders). */
export const SCREEN_LICENCES = 'LICENSES.txt';
/** The global the data scripts push onto: `[kind, file, payload]`. */
export const DATA_GLOBAL = '__wooReview';

/** documents/0001.internal.json -> documents/0001.internal.js (the same JSON, as a script). */
export function documentScriptOf(file: string): string {
  return file.replace(/\.json$/, '.js');
}

/** documents/0001.internal.json -> documents/0001.pdf.internal.js (the PDF's bytes, base64). */
export function pdfScriptOf(file: string): string {
  return file.replace(/\.internal\.json$/, '.pdf.internal.js');
}

/** What a data script pushes: the index, a document's review file, or a PDF's bytes. */
export type DataKind = 'index' | 'document' | 'pdf';
