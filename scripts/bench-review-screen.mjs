// Review-screen part of `npm run bench`: review.html opened from file:// in Debian's chromium
// (playwright-core, as in tests/review-screen.test.ts), measured in the browser. Two dossiers:
// one 600-page PDF, and 300 two-page nota's (600 pages in many documents). Printed: time until the
// first page is drawn (target < 2 s), time per page on (arrow key to page drawn), a jump far into
// the document, and for many documents the time to open the next one and to load every document's
// findings. Skipped when /usr/bin/chromium is not there.
import { existsSync, mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { performance } from 'node:perf_hooks';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { PDFDocument, StandardFonts } from 'pdf-lib';
import { propose } from '../dist/index.js';
import { notaPdf } from './bench-cli.mjs';
import { corpusDocument } from './bench-corpus.mjs';

const CHROMIUM = '/usr/bin/chromium';
const root = join(dirname(fileURLToPath(import.meta.url)), '..');
const work = join(root, '.bench-review-screen');

const latin = (s) => s.normalize('NFD').replace(/[\u0300-\u036f]/g, '').replace(/ı/g, 'i');

async function longPdf(pages) {
  const doc = await PDFDocument.create();
  const font = await doc.embedFont(StandardFonts.Helvetica);
  for (let p = 0; p < pages; p++) {
    const page = doc.addPage([595, 842]);
    corpusDocument(7 + p)
      .split('\n')
      .flatMap((l) => (l.length > 95 ? l.match(/.{1,95}(\s|$)/g) : [l]))
      .slice(0, 48)
      .forEach((line, i) => line.trim() && page.drawText(latin(line.trim()), { x: 50, y: 800 - i * 15, size: 10, font }));
  }
  return doc.save();
}

const median = (xs) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)] ?? NaN;
const max = (xs) => Math.max(...xs);
const ms = (n) => `${Math.round(n)} ms`;

async function launch(chromium) {
  return chromium.launchPersistentContext(mkdtempSync(join(tmpdir(), 'woo-bench-profile-')), {
    executablePath: CHROMIUM,
    headless: true,
    args: ['--headless', '--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run', '--disable-background-networking', '--disable-component-update', '--disable-sync'],
    viewport: { width: 1400, height: 900 },
  });
}

const probe = (page) => page.evaluate(() => window.__wooScreen);

/** Opens review.html; returns ms to the first page drawn (in the page's clock, from navigation start). */
async function open(page, reviewDir, query = '') {
  const t0 = performance.now();
  await page.goto(`${pathToFileURL(join(reviewDir, 'review.html')).href}${query}`, { waitUntil: 'commit' });
  await page.waitForSelector('#stage[data-rendered="0:1"]', { timeout: 60_000 });
  const wall = performance.now() - t0;
  const { firstPageMs, marks, pdfWorker } = await probe(page);
  return { firstPage: firstPageMs, wall, marks, pdfWorker };
}

/** Presses the key and waits for `rendered`; ms from the key to the page drawn. */
async function timed(page, press, rendered) {
  const t0 = performance.now();
  await press();
  await page.waitForSelector(`#stage[data-rendered="${rendered}"]`, { timeout: 60_000 });
  return performance.now() - t0;
}

async function pageOn(page, doc, pages, from = 1) {
  const times = [];
  for (let p = from + 1; p <= from + pages; p++) {
    times.push(await timed(page, () => page.keyboard.press('ArrowRight'), `${doc}:${p}`));
    // A reviewer looks at a page before the next key: the page ahead is drawn meanwhile.
    await page.waitForTimeout(150);
  }
  const quick = [];
  for (let p = from + pages + 1; p <= from + pages + 10; p++) quick.push(await timed(page, () => page.keyboard.press('ArrowRight'), `${doc}:${p}`));
  return { times, quick };
}

export async function benchReviewScreen({ longPages = 600, notas = 300 } = {}) {
  if (!existsSync(CHROMIUM)) {
    console.log('review screen: skipped (no /usr/bin/chromium; install the chromium package)');
    return undefined;
  }
  const { chromium } = await import('playwright-core');
  rmSync(work, { recursive: true, force: true });
  const results = {};

  // One long PDF.
  const longIn = join(work, 'long-in');
  mkdirSync(longIn, { recursive: true });
  writeFileSync(join(longIn, 'dossier.pdf'), await longPdf(longPages));
  let t = performance.now();
  await propose({ inputs: [longIn], reviewDir: join(work, 'long-review'), jobs: 2 });
  const proposeLong = (performance.now() - t) / 1000;
  // pdf.js in a worker started from a blob: URL (the default), and on the main thread.
  results.long = { proposeLong };
  for (const query of ['', '?pdfworker=main']) {
    const context = await launch(chromium);
    const page = await context.newPage();
    const first = await open(page, join(work, 'long-review'), query);
    await page.waitForTimeout(300);
    const on = await pageOn(page, 0, 20);
    const far = Math.max(2, Math.round(longPages * 0.75));
    const jump = await timed(page, () => page.locator(`#page-strip button[data-page="${far}"]`).click(), `0:${far}`);
    const t0 = performance.now();
    await page.reload();
    await page.waitForSelector('#stage[data-rendered="0:1"]', { timeout: 60_000 });
    const reload = { firstPage: (await probe(page)).firstPageMs, wall: performance.now() - t0 };
    await context.close();
    console.log(
      `review screen, one ${longPages}-page PDF (propose ${proposeLong.toFixed(1)} s), pdf.js ${first.pdfWorker === 'worker' ? 'in a worker (blob: URL)' : 'on the main thread'}: ` +
        `first page drawn ${ms(first.firstPage)} after opening (${Object.entries(first.marks).map(([k, v]) => `${k} ${ms(v)}`).join(', ')}; again after reload ${ms(reload.firstPage)}; target < 2 s); ` +
        `page on (arrow key to page drawn, the page ahead drawn while reading): median ${ms(median(on.times))}, max ${ms(max(on.times))}; without a pause: median ${ms(median(on.quick))}, max ${ms(max(on.quick))}; jump to page ${far}: ${ms(jump)}`,
    );
    results.long[first.pdfWorker] = { first, reload, on, jump };
  }

  // Many documents.
  const manyIn = join(work, 'many-in');
  mkdirSync(manyIn, { recursive: true });
  for (let i = 0; i < notas; i++) writeFileSync(join(manyIn, `nota-${String(i).padStart(4, '0')}.pdf`), await notaPdf(i));
  t = performance.now();
  await propose({ inputs: [manyIn], reviewDir: join(work, 'many-review'), jobs: 2 });
  const proposeMany = (performance.now() - t) / 1000;
  const context = await launch(chromium);
  const page = await context.newPage();
  const t0 = performance.now();
  const firstMany = await open(page, join(work, 'many-review'));
  await page.waitForSelector('body[data-loaded="true"]', { timeout: 120_000 });
  const allLoaded = performance.now() - t0;
  const nextDoc = [];
  const docsOn = Math.min(10, notas - 1);
  for (let d = 1; d <= docsOn; d++) {
    nextDoc.push(await timed(page, () => page.keyboard.press('d'), `${d}:1`));
    await page.waitForTimeout(100);
  }
  const manyOn = await timed(page, () => page.keyboard.press('ArrowRight'), `${docsOn}:2`);
  await context.close();
  console.log(
    `review screen, ${notas} two-page nota's (propose ${proposeMany.toFixed(1)} s): pdf.js ${firstMany.pdfWorker === 'worker' ? 'in a worker' : 'on the main thread'}: first page drawn ${ms(firstMany.firstPage)} (wall ${ms(firstMany.wall)}); every document's findings loaded after ${ms(allLoaded)}; ` +
      `next document (D) to its first page: median ${ms(median(nextDoc))}, max ${ms(max(nextDoc))}; page on ${ms(manyOn)}`,
  );
  results.many = { firstMany, allLoaded, nextDoc, manyOn, proposeMany };
  if (!process.env.WOO_BENCH_KEEP) rmSync(work, { recursive: true, force: true });
  return results;
}

if (import.meta.url === pathToFileURL(process.argv[1] ?? '').href) {
  const arg = (name, fallback) => {
    const i = process.argv.indexOf(name);
    return i > 0 ? Number(process.argv[i + 1]) : fallback;
  };
  await benchReviewScreen({ longPages: arg('--pages', 600), notas: arg('--notas', 300) });
}
