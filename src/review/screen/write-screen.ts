/**
 * The review screen of a review package: review.html and what it needs beside it. Opened from disk
 * (file://), a page may not fetch files, load modules or start workers from files, so the data
 * goes as classic scripts that push onto a global: the index, each document's review file, and
 * each PDF's bytes (base64, loaded only when the document is opened).
 */
import { readdirSync, readFileSync, rmSync } from 'node:fs';
import { join } from 'node:path';
import { sha256 } from '../../ingest/text.js';
import { writeFileAtomic } from '../../io/atomic-write.js';
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

export interface ScreenResult {
  readonly written: boolean;
  /** Documents whose PDF could not be embedded (changed or unreadable since it was read). */
  readonly missingPdfs: number;
}

/** Writes review.html, assets/ and the data scripts into the review package. */
export async function writeReviewScreen(reviewDir: string, index: ReviewIndex): Promise<ScreenResult> {
  const assets = screenAssetsDir();
  if (!assets) {
    await writeFileAtomic(join(reviewDir, SCREEN_FILE), missingAssetsHtml());
    return { written: false, missingPdfs: 0 };
  }
  for (const name of [CLIENT_SCRIPT, PDF_WORKER_SCRIPT, PDF_WASM_SCRIPT, SCREEN_LICENCES]) await writeFileAtomic(join(reviewDir, ASSETS_DIR, name), readFileSync(join(assets, name)));
  // A page from file:// may start a worker from a blob: URL only: the worker's code as a string.
  const workerSource = readFileSync(join(assets, PDF_WORKER_SCRIPT), 'utf8');
  await writeFileAtomic(join(reviewDir, ASSETS_DIR, PDF_WORKER_SOURCE), `window.${PDF_WORKER_SOURCE_GLOBAL}=${JSON.stringify(workerSource)};\n`);
  await writeFileAtomic(join(reviewDir, ASSETS_DIR, STYLE_SHEET), SCREEN_CSS);

  const keep = new Set<string>();
  let missingPdfs = 0;
  for (const doc of index.documents) {
    const script = documentScriptOf(doc.file);
    keep.add(script);
    const json = readFileSync(join(reviewDir, doc.file), 'utf8');
    // A PDF is shown as its pages, so the screen needs not its extracted text (a third of the
    // file for a long PDF, parsed before the first page): the findings carry their own text.
    const shown = doc.kind === 'pdf' ? JSON.stringify({ ...(JSON.parse(json) as ReviewDocument), text: '' } satisfies ReviewDocument) : json;
    await writeFileAtomic(join(reviewDir, script), dataScript('document', doc.file, JSON.stringify(shown)));
    if (doc.kind !== 'pdf') continue;
    let bytes: Buffer | undefined;
    try {
      bytes = readFileSync(doc.input);
    } catch {
      bytes = undefined;
    }
    // Only the bytes the proposal was made on: the screen says so when they are missing.
    if (!bytes || sha256(bytes) !== doc.sha256) {
      missingPdfs++;
      continue;
    }
    const pdf = pdfScriptOf(doc.file);
    keep.add(pdf);
    await writeFileAtomic(join(reviewDir, pdf), dataScript('pdf', doc.file, JSON.stringify(bytes.toString('base64'))));
  }
  // Scripts of an earlier run would otherwise stay beside this one's.
  for (const name of readdirSync(join(reviewDir, 'documents'))) {
    if (/^\d{4,}(\.pdf)?\.internal\.js$/.test(name) && !keep.has(`documents/${name}`)) rmSync(join(reviewDir, 'documents', name), { force: true });
  }
  await writeFileAtomic(join(reviewDir, SCREEN_INDEX_SCRIPT), dataScript('index', SCREEN_INDEX_SCRIPT, JSON.stringify(JSON.stringify(index))));
  await writeFileAtomic(join(reviewDir, SCREEN_FILE), screenHtml());
  return { written: true, missingPdfs };
}
