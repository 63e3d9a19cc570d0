/**
 * The review screen of a review package: review.html and what it needs beside it. Opened from disk
 * (file://), a page may not fetch files, load modules or start workers from files, so the data
 * goes as classic scripts that push onto a global: the index, each document's review file, and
 * each PDF's bytes (base64, loaded only when the document is opened).
 */
import { readdirSync, readFileSync, rmSync } from 'node:fs';
import { join } from 'node:path';
import { writeFileAtomic, writeFileAtomicSync } from '../../io/atomic-write.js';
import type { ReviewDocument, ReviewIndex } from '../package-schema.js';
import { screenAssetsDir } from './assets.js';
import { screenHtml, missingAssetsHtml } from './html.js';
import { ASSETS_DIR, CLIENT_SCRIPT, DATA_GLOBAL, type DataKind, documentScriptOf, PDF_WASM_SCRIPT, PDF_WORKER_SCRIPT, PDF_WORKER_SOURCE, PDF_WORKER_SOURCE_GLOBAL, pdfScriptOf, SCREEN_LICENCES, SCREEN_FILE, SCREEN_INDEX_SCRIPT, STYLE_SHEET } from './names.js';
import { SCREEN_CSS } from './style.js';

/**
 * A classic script that hands `payload` (JSON text) to the screen. The index and documents go as
 * a JSON string the screen parses (JSON.parse of a string is much faster than the same data as a
 * script's object literal), the PDF bytes as a base64 string.
 */
function dataScript(kind: DataKind, file: string, payloadJson: string): string {
  return `(window.${DATA_GLOBAL}=window.${DATA_GLOBAL}||[]).push([${JSON.stringify(kind)},${JSON.stringify(file)},${payloadJson.trimEnd()}]);\n`;
}

/**
 * One document's data scripts: its review file as the screen reads it and, for a PDF, the bytes
 * the proposal was made on. Written where the document was analysed (a propose worker), which
 * already holds both: reading every file back afterwards cost propose about a tenth of a run.
 */
export function writeDocumentScreenData(reviewDir: string, file: string, doc: ReviewDocument, pdfBytes: Uint8Array | undefined): void {
  // A PDF is shown as its pages, so the screen needs not its extracted text (a third of the
  // file for a long PDF, parsed before the first page): the findings carry their own text.
  const shown = JSON.stringify(doc.document.kind === 'pdf' ? ({ ...doc, text: '' } satisfies ReviewDocument) : doc);
  writeFileAtomicSync(join(reviewDir, documentScriptOf(file)), dataScript('document', file, JSON.stringify(shown)));
  if (doc.document.kind !== 'pdf' || !pdfBytes) return;
  writeFileAtomicSync(join(reviewDir, pdfScriptOf(file)), dataScript('pdf', file, JSON.stringify(Buffer.from(pdfBytes.buffer, pdfBytes.byteOffset, pdfBytes.byteLength).toString('base64'))));
}

/**
 * Writes review.html, assets/ and the index script into the review package; the documents' data
 * scripts are written by writeDocumentScreenData as each document is proposed. Where the screen's
 * assets are not in this build, a page saying so is written instead.
 */
export async function writeReviewScreen(reviewDir: string, index: ReviewIndex): Promise<void> {
  const assets = screenAssetsDir();
  if (!assets) {
    await writeFileAtomic(join(reviewDir, SCREEN_FILE), missingAssetsHtml());
    return;
  }
  for (const name of [CLIENT_SCRIPT, PDF_WORKER_SCRIPT, PDF_WASM_SCRIPT, SCREEN_LICENCES]) await writeFileAtomic(join(reviewDir, ASSETS_DIR, name), readFileSync(join(assets, name)));
  // A page from file:// may start a worker from a blob: URL only: the worker's code as a string.
  const workerSource = readFileSync(join(assets, PDF_WORKER_SCRIPT), 'utf8');
  await writeFileAtomic(join(reviewDir, ASSETS_DIR, PDF_WORKER_SOURCE), `window.${PDF_WORKER_SOURCE_GLOBAL}=${JSON.stringify(workerSource)};\n`);
  await writeFileAtomic(join(reviewDir, ASSETS_DIR, STYLE_SHEET), SCREEN_CSS);

  const keep = new Set<string>();
  for (const doc of index.documents) {
    keep.add(documentScriptOf(doc.file));
    if (doc.kind === 'pdf') keep.add(pdfScriptOf(doc.file));
  }
  // Scripts of an earlier run would otherwise stay beside this one's.
  for (const name of readdirSync(join(reviewDir, 'documents'))) {
    if (/^\d{4,}(\.pdf)?\.internal\.js$/.test(name) && !keep.has(`documents/${name}`)) rmSync(join(reviewDir, 'documents', name), { force: true });
  }
  await writeFileAtomic(join(reviewDir, SCREEN_INDEX_SCRIPT), dataScript('index', SCREEN_INDEX_SCRIPT, JSON.stringify(JSON.stringify(index))));
  await writeFileAtomic(join(reviewDir, SCREEN_FILE), screenHtml());
}
