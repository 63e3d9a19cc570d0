// PDF part of `npm run bench`: pages/s of the whole PDF pipeline (read, detect, rewrite, paint,
// scrub, save, verify) on generated born-digital nota's, and peak memory for a long PDF.
import { performance } from 'node:perf_hooks';
import { PDFDocument, StandardFonts } from 'pdf-lib';
import { runPdfPipeline } from '../dist/index.js';
import { corpusDocument } from './bench-corpus.mjs';

async function makePdf(pages, seed) {
  const doc = await PDFDocument.create();
  const font = await doc.embedFont(StandardFonts.Helvetica);
  for (let p = 0; p < pages; p++) {
    const page = doc.addPage([595, 842]);
    const lines = corpusDocument(seed + p).split('\n').flatMap((l) => (l.length > 95 ? l.match(/.{1,95}(\s|$)/g) : [l])).slice(0, 48);
    // Helvetica's WinAnsi has no ş or ı: the benchmark text keeps to Latin-1.
    const latin = (s) => s.normalize('NFD').replace(/[\u0300-\u036f]/g, '').replace(/ı/g, 'i');
    lines.forEach((line, i) => line.trim() && page.drawText(latin(line.trim()), { x: 50, y: 800 - i * 15, size: 10, font }));
  }
  return doc.save();
}

export async function benchPdf({ docs = 100, pagesPerDoc = 2, longPages = 500 } = {}) {
  const small = [];
  for (let d = 0; d < docs; d++) small.push(await makePdf(pagesPerDoc, d * 100));
  await runPdfPipeline(small[0], 'warmup.pdf');
  let t = performance.now();
  for (const [i, bytes] of small.entries()) await runPdfPipeline(bytes, `nota-${i}.pdf`);
  const smallSeconds = (performance.now() - t) / 1000;
  console.log(`pdf (born-digital, ${pagesPerDoc}-page nota's), library call in the main thread: ${((docs * pagesPerDoc) / smallSeconds).toFixed(1)} pages/s`);

  const long = await makePdf(longPages, 7);
  let peak = process.memoryUsage().rss;
  const timer = setInterval(() => (peak = Math.max(peak, process.memoryUsage().rss)), 20);
  t = performance.now();
  const result = await runPdfPipeline(long, 'long.pdf');
  const longSeconds = (performance.now() - t) / 1000;
  clearInterval(timer);
  console.log(`pdf (${longPages} pages, ${result.manifest.redactions.length} redactions): ${(longPages / longSeconds).toFixed(1)} pages/s, peak rss ${(peak / 1024 / 1024).toFixed(0)} MB`);
}
