// Batch part of `npm run bench`: whole batches through runBatch (as the CLI runs them), with
// --jobs 1 and 2: pages/s on born-digital and scanned PDFs, and peak memory for many small files.
import { execFileSync } from 'node:child_process';
import { mkdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { PDFDocument, StandardFonts } from 'pdf-lib';
import { corpusDocument } from './bench-corpus.mjs';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');
const work = join(root, '.bench');
const child = join(root, 'scripts', 'bench-batch-child.mjs');
const latin = (s) => s.normalize('NFD').replace(/[\u0300-\u036f]/g, '').replace(/ı/g, 'i');

function batch(input, jobs) {
  const out = join(work, `out-${jobs}-${Math.random().toString(36).slice(2)}`);
  const result = JSON.parse(execFileSync(process.execPath, ['--expose-gc', child, input, out, String(jobs)], { encoding: 'utf8', maxBuffer: 1 << 26 }).trim().split('\n').pop());
  rmSync(out, { recursive: true, force: true });
  return result;
}

export async function notaPdf(seed) {
  const doc = await PDFDocument.create();
  const font = await doc.embedFont(StandardFonts.Helvetica);
  for (let p = 0; p < 2; p++) {
    const page = doc.addPage([595, 842]);
    corpusDocument(seed * 2 + p)
      .split('\n')
      .flatMap((l) => (l.length > 95 ? l.match(/.{1,95}(\s|$)/g) : [l]))
      .slice(0, 48)
      .forEach((line, i) => line.trim() && page.drawText(latin(line.trim()), { x: 50, y: 800 - i * 15, size: 10, font }));
  }
  return doc.save();
}

// 600 two-page nota's: a Woo batch runs to thousands of files, so worker start-up (module
// loading, the JIT warming up) should weigh no more than it does in a real run.
export async function benchCli({ pdfs = 600, scans = 16, smallFiles = 10_000 } = {}) {
  rmSync(work, { recursive: true, force: true });
  const born = join(work, 'born');
  mkdirSync(born, { recursive: true });
  for (let i = 0; i < pdfs; i++) writeFileSync(join(born, `nota-${i}.pdf`), await notaPdf(i));
  for (const jobs of [1, 2]) {
    const r = batch(born, jobs);
    console.log(
      `batch, born-digital PDF (${pdfs} two-page nota's), --jobs ${jobs}: ${((pdfs * 2) / r.seconds).toFixed(1)} pages/s (${r.ok}/${r.files} files), ` +
        `${((r.cpuSeconds * 1000) / (pdfs * 2)).toFixed(1)} ms CPU per page (all threads), peak rss ${r.maxRssMb.toFixed(0)} MB`,
    );
  }
  const scanDir = join(work, 'scans');
  mkdirSync(scanDir, { recursive: true });
  const scan = readFileSync(join(root, 'fixtures', 'pdf', 'ocrmypdf-scan.pdf'));
  for (let i = 0; i < scans; i++) writeFileSync(join(scanDir, `scan-${i}.pdf`), scan);
  for (const jobs of [1, 2]) {
    const r = batch(scanDir, jobs);
    console.log(`batch, scanned PDF (OCRmyPDF, 200 dpi), --jobs ${jobs}: ${(scans / r.seconds).toFixed(1)} pages/s, peak rss ${r.maxRssMb.toFixed(0)} MB`);
  }
  const small = join(work, 'small');
  for (const n of [smallFiles / 10, smallFiles]) {
    rmSync(small, { recursive: true, force: true });
    mkdirSync(small, { recursive: true });
    for (let i = 0; i < n; i++) {
      const dir = join(small, `dossier-${Math.floor(i / 100)}`);
      if (i % 100 === 0) mkdirSync(dir, { recursive: true });
      writeFileSync(join(dir, `doc-${i}.txt`), corpusDocument(i).slice(0, 1500));
    }
    const r = batch(small, 2);
    console.log(`batch of ${n} small text files, --jobs 2: ${(n / r.seconds).toFixed(0)} files/s, peak rss ${r.maxRssMb.toFixed(0)} MB; rss after each tenth: ${r.rssAtTenths.join(', ')} MB; main thread's live heap: ${r.heapAtTenths.join(', ')} MB`);
  }
  rmSync(work, { recursive: true, force: true });
}
