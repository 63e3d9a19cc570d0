#!/usr/bin/env node
// `npm run bench`: throughput of the text pipeline (MB/s on one core) on a generated corpus of
// synthetic nota's, e-mails and letters, and memory over the run (it must stay flat).
// Then the PDF pipeline: pages/s and peak memory for a long PDF (see bench-pdf.mjs).
// Then the real PDFs of ../shared/data/real-pdf when that folder exists (bench-real-pdf.mjs), beside mutool.
// Then whole batches (bench-cli.mjs): --jobs 1 and 2 on born-digital and scanned PDFs, and many small files.
// Then review (bench-review.mjs): propose + apply on the 600 nota's against the one-step run.
// Then the review screen (bench-review-screen.mjs): review.html in chromium, first page and page-on times.
// Options: --mb <text corpus, default 20>, --pdf-pages <long PDF, default 500>, --small-files <default 10000>,
// --review-pdfs <default 600>.
import { performance } from 'node:perf_hooks';
import { cpus } from 'node:os';
import { redactText } from '../dist/index.js';
import { corpusDocument } from './bench-corpus.mjs';
import { benchPdf } from './bench-pdf.mjs';
import { benchCli } from './bench-cli.mjs';
import { benchRealPdf } from './bench-real-pdf.mjs';
import { benchReview } from './bench-review.mjs';
import { benchReviewScreen } from './bench-review-screen.mjs';
import { benchOcr } from './bench-ocr.mjs';

const arg = (name, fallback) => {
  const i = process.argv.indexOf(name);
  return i > 0 ? Number(process.argv[i + 1]) : fallback;
};
const targetBytes = arg('--mb', 20) * 1024 * 1024;

// Warm up: lexicons load and the JIT settles before the clock runs.
for (let i = 0; i < 20; i++) redactText(corpusDocument(i));

let bytes = 0;
let docs = 0;
let redactions = 0;
let busy = 0;
const rss = [];
const heap = [];
const checkpoints = 10;
let nextCheckpoint = targetBytes / checkpoints;
while (bytes < targetBytes) {
  const doc = corpusDocument(docs + 1000);
  const t0 = performance.now();
  const r = redactText(doc);
  busy += performance.now() - t0;
  bytes += Buffer.byteLength(doc);
  redactions += r.manifest.redactions.length;
  docs++;
  if (bytes >= nextCheckpoint) {
    // After a full collection (npm run bench passes --expose-gc): live memory, not garbage.
    globalThis.gc?.();
    heap.push(process.memoryUsage().heapUsed);
    rss.push(process.memoryUsage().rss);
    nextCheckpoint += targetBytes / checkpoints;
  }
}
const mb = bytes / 1024 / 1024;
const fmt = (n) => `${(n / 1024 / 1024).toFixed(0)} MB`;
console.log(`machine: ${cpus()[0]?.model ?? 'unknown'} (${cpus().length} cores), node ${process.version}`);
console.log(`text corpus: ${mb.toFixed(1)} MB in ${docs} documents, ${redactions} redactions`);
console.log(`text throughput: ${(mb / (busy / 1000)).toFixed(2)} MB/s on one core (${(docs / (busy / 1000)).toFixed(0)} documents/s)`);
console.log(`rss at each tenth of the corpus: ${rss.map(fmt).join(', ')}`);
if (globalThis.gc) console.log(`live heap after GC at each tenth: ${heap.map(fmt).join(', ')}`);
const firstHalf = Math.max(...rss.slice(0, Math.ceil(rss.length / 2)));
const secondHalf = Math.max(...rss.slice(Math.ceil(rss.length / 2)));
console.log(`memory growth from first to second half: ${fmt(Math.max(0, secondHalf - firstHalf))}`);

await benchPdf({ longPages: arg('--pdf-pages', 500) });
benchRealPdf();
await benchCli({ smallFiles: arg('--small-files', 10_000) });
await benchReview({ pdfs: arg('--review-pdfs', 600) });
await benchReviewScreen({ longPages: arg('--screen-pages', 600) });
await benchOcr();
