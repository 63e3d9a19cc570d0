// OCR part of `npm run bench`: seconds per OCR'd page, woo-redact beside Debian's `tesseract` CLI on
// the same page images. Scans: the real ones in ../shared/data/real-pdf when that folder exists
// (those without a text layer), else image-only scans rendered from the PDF fixtures.
// Needs poppler (pdftoppm, pdftotext) and tesseract-ocr-nld for the comparison; skipped without.
import { execFileSync, spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { performance } from 'node:perf_hooks';
import { fileURLToPath } from 'node:url';
import { PDFDocument } from 'pdf-lib';
import { runPdfPipeline } from '../dist/index.js';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');
const require = createRequire(import.meta.url);
const have = (bin) => existsSync(`/usr/bin/${bin}`);

/** Image-only scans of the fixtures' first pages at 200 dpi (as scanners write them: JPEG). */
async function syntheticScans(tmp) {
  const out = [];
  for (const name of ['standard14-nota.pdf', 'libreoffice-nota.pdf', 'libreoffice-brief.pdf', 'type0-accents.pdf']) {
    const source = join(root, 'fixtures', 'pdf', name);
    if (!existsSync(source)) continue;
    execFileSync('pdftoppm', ['-q', '-gray', '-r', '200', '-jpeg', '-f', '1', '-l', '1', source, join(tmp, 's')]);
    const jpg = readdirSync(tmp).find((f) => f.startsWith('s-') && f.endsWith('.jpg'));
    const doc = await PDFDocument.create();
    const page = doc.addPage([595, 842]);
    page.drawImage(await doc.embedJpg(readFileSync(join(tmp, jpg))), { x: 0, y: 0, width: 595, height: 842 });
    rmSync(join(tmp, jpg));
    out.push({ name: `scan of ${name}`, bytes: await doc.save() });
  }
  return out;
}

function realScans() {
  const dir = join(root, '..', 'shared', 'data', 'real-pdf');
  if (!existsSync(dir)) return [];
  return readdirSync(dir)
    .filter((f) => f.endsWith('.pdf'))
    .sort()
    .map((f) => ({ name: f, bytes: new Uint8Array(readFileSync(join(dir, f))) }))
    .filter(({ name }) => !process.env.WOO_OCR_BENCH_FILES || process.env.WOO_OCR_BENCH_FILES.split(',').includes(name))
    .filter(({ bytes }) => !/\w/.test(execFileSync('pdftotext', ['-q', '-', '-'], { input: bytes, encoding: 'utf8' })));
}

/**
 * The pages as upright grey images at the resolution of the scan's own images (pdfimages -list),
 * as the pipeline reads them, for the CLI: the same pixels for both engines (a 300 dpi scan
 * rendered at 200 dpi would give the CLI 44% of the pixels). Synthetic scans: 200 dpi.
 */
function pageImages(bytes, tmp) {
  const pdf = join(tmp, 'in.pdf');
  writeFileSync(pdf, bytes);
  for (const f of readdirSync(tmp)) if (f.startsWith('p-')) rmSync(join(tmp, f));
  const list = have('pdfimages') ? execFileSync('pdfimages', ['-list', pdf], { encoding: 'utf8' }) : '';
  const ppi = Math.max(0, ...list.split('\n').slice(2).map((line) => Number(line.trim().split(/\s+/)[12] ?? 0)).filter((n) => n > 0 && n <= 1200));
  execFileSync('pdftoppm', ['-q', '-gray', '-r', String(ppi || 200), pdf, join(tmp, 'p')]);
  return readdirSync(tmp)
    .filter((f) => f.startsWith('p-') && f.endsWith('.pgm'))
    .sort()
    .map((f) => join(tmp, f));
}

function seconds(f) {
  const t = performance.now();
  f();
  return (performance.now() - t) / 1000;
}

/** Runs of each file (the pipeline, and the CLI on one thread) whose median is taken: one run moves by 10-30% on a shared machine. */
const RUNS = Math.max(1, Number(process.env.WOO_OCR_BENCH_RUNS ?? 3) || 1);

function median(values) {
  const sorted = [...values].sort((a, b) => a - b);
  const mid = sorted.length >> 1;
  return sorted.length % 2 ? sorted[mid] : (sorted[mid - 1] + sorted[mid]) / 2;
}

/** Wall and CPU seconds (user + system) of a command, from /usr/bin/time (CPU NaN without it). */
function timedCommand(command, args, env) {
  const t = performance.now();
  if (!existsSync('/usr/bin/time')) {
    execFileSync(command, args, { stdio: ['ignore', 'ignore', 'ignore'], env });
    return { wall: (performance.now() - t) / 1000, cpu: Number.NaN };
  }
  const r = spawnSync('/usr/bin/time', ['-f', '@@%U %S', command, ...args], { env, stdio: ['ignore', 'ignore', 'pipe'], encoding: 'utf8' });
  const wall = (performance.now() - t) / 1000;
  const m = /@@([\d.]+) ([\d.]+)/.exec(r.stderr ?? '');
  return { wall, cpu: m ? Number(m[1]) + Number(m[2]) : Number.NaN };
}

/** CPU seconds of this process (every thread: tesseract.js recognises in a worker thread). */
function ownCpu() {
  const u = process.cpuUsage();
  return (u.user + u.system) / 1e6;
}

export async function benchOcr() {
  if (!have('pdftoppm') || !have('pdftotext')) {
    console.log('ocr: skipped (needs poppler-utils)');
    return;
  }
  const tmp = mkdtempSync(join(tmpdir(), 'woo-bench-ocr-'));
  try {
    const real = realScans();
    const scans = real.length > 0 ? real : await syntheticScans(tmp);
    const { createWorker, OEM } = require('tesseract.js');
    const langPath = join(dirname(require.resolve('@tesseract.js-data/nld/package.json')), '4.0.0_best_int');
    const worker = await createWorker('nld', OEM.LSTM_ONLY, { langPath, cacheMethod: 'none' });
    // Warm-up: the first recognition runs while V8 still compiles the WebAssembly.
    await runPdfPipeline(scans[0].bytes, 'warmup.pdf').catch(() => undefined);
    let pages = 0;
    let pipeline = 0;
    let engine = 0;
    let cli = 0;
    let cliOneThread = 0;
    let pipelineCpu = 0;
    let cliCpu = 0;
    const cliAvailable = have('tesseract') && existsSync('/usr/share/tesseract-ocr/5/tessdata/nld.traineddata');
    const rows = [];
    for (const { name, bytes } of scans) {
      const walls = [];
      const cpus = [];
      let ok = true;
      for (let k = 0; k < RUNS && ok; k++) {
        const t = performance.now();
        const c = ownCpu();
        ok = await runPdfPipeline(bytes, name).then(() => true, (e) => (console.log(`  ${name}: ${e.code}`), false));
        walls.push((performance.now() - t) / 1000);
        cpus.push(ownCpu() - c);
      }
      if (!ok) continue;
      const took = median(walls);
      const tookCpu = median(cpus);
      const images = pageImages(bytes, tmp);
      pages += images.length;
      pipeline += took;
      pipelineCpu += tookCpu;
      const row = { name, pages: images.length, wall: took, cpu: tookCpu, cliWall: 0, cliCpu: 0 };
      rows.push(row);
      for (const image of images) {
        const data = readFileSync(image);
        const e = performance.now();
        await worker.recognize(data, {}, { blocks: true, text: false });
        engine += (performance.now() - e) / 1000;
        if (cliAvailable) {
          cli += seconds(() => execFileSync('tesseract', [image, '-', '-l', 'nld', 'tsv'], { stdio: ['ignore', 'ignore', 'ignore'] }));
          const oneThreadRuns = Array.from({ length: RUNS }, () => timedCommand('tesseract', [image, '-', '-l', 'nld', 'tsv'], { ...process.env, OMP_THREAD_LIMIT: '1' }));
          const oneThread = median(oneThreadRuns.map((r) => r.wall));
          const oneThreadCpu = median(oneThreadRuns.map((r) => r.cpu));
          cliOneThread += oneThread;
          cliCpu += oneThreadCpu;
          row.cliWall += oneThread;
          row.cliCpu += oneThreadCpu;
        }
      }
    }
    await worker.terminate();
    const per = (s) => `${(s / pages).toFixed(2)} s/page`;
    console.log(`ocr: ${pages} scanned pages (${real.length > 0 ? 'real scans' : 'synthetic scans'}), one file at a time; per file the median of ${RUNS} run(s) of the pipeline and of the CLI on one thread (WOO_OCR_BENCH_RUNS), one of the rest`);
    console.log(`  woo-redact, whole pipeline (decode, OCR, detect, destroy pixels, text layer, verify with a second OCR): ${per(pipeline)}`);
    console.log(`  tesseract.js engine alone on the pages rendered at the scans' own resolution: ${per(engine)}`);
    if (cliAvailable) {
      console.log(`  tesseract CLI ${execFileSync('tesseract', ['--version'], { encoding: 'utf8' }).split('\n')[0]} on the same images: ${per(cli)} (default threads), ${per(cliOneThread)} (OMP_THREAD_LIMIT=1)`);
      console.log(`  ratio woo-redact pipeline / CLI: ${(pipeline / cli).toFixed(2)}x (default threads), ${(pipeline / cliOneThread).toFixed(2)}x (one thread); engine alone / CLI one thread: ${(engine / cliOneThread).toFixed(2)}x`);
      // CPU seconds: what a shared machine's load does not move much (wall seconds above do).
      console.log(`  CPU seconds per page: woo-redact pipeline ${per(pipelineCpu)} (all threads), tesseract CLI one thread ${per(cliCpu)}: ${(pipelineCpu / cliCpu).toFixed(2)}x`);
      for (const r of rows) {
        const f = (n) => (n / r.pages).toFixed(2);
        console.log(`    ${r.name}: ${r.pages} page(s); CPU s/page ${f(r.cpu)} against ${f(r.cliCpu)} (${(r.cpu / r.cliCpu).toFixed(2)}x), wall s/page ${f(r.wall)} against ${f(r.cliWall)} (${(r.wall / r.cliWall).toFixed(2)}x)`);
      }
    } else console.log('  tesseract CLI: not installed (apt-get install tesseract-ocr-nld), no comparison');
    peakRss(real);
  } finally {
    rmSync(tmp, { recursive: true, force: true });
  }
}

/**
 * Peak RSS with OCR on through the CLI (`-j 1`, one run per file; `WOO_OCR_BENCH_RSS=n`: the
 * highest of n runs, peak RSS moves by 5-10% between runs with garbage collection timing and
 * other jobs). /usr/bin/time reports the largest process: the batch's worker process, which does
 * the work (the main process holds about 95 MB).
 */
function peakRss(scans) {
  const runs = Math.max(1, Number(process.env.WOO_OCR_BENCH_RSS) || 1);
  if (!existsSync('/usr/bin/time') || scans.length === 0) return;
  const tmp = mkdtempSync(join(tmpdir(), 'woo-bench-ocr-rss-'));
  try {
    console.log(`  peak RSS with OCR on, the CLI with -j 1 (the largest process, the highest of ${runs} run(s)):`);
    let highest = 0;
    for (const { name, bytes } of scans) {
      writeFileSync(join(tmp, 'in.pdf'), bytes);
      let peak = 0;
      for (let k = 0; k < runs; k++) {
        rmSync(join(tmp, 'out'), { recursive: true, force: true });
        const r = spawnSync('/usr/bin/time', ['-f', '@@%M', process.execPath, join(root, 'bin', 'woo-redact.mjs'), join(tmp, 'in.pdf'), '-o', join(tmp, 'out'), '-j', '1', '-q'], { stdio: ['ignore', 'ignore', 'pipe'], encoding: 'utf8' });
        peak = Math.max(peak, Number(/@@(\d+)/.exec(r.stderr ?? '')?.[1] ?? 0) / 1024);
      }
      highest = Math.max(highest, peak);
      console.log(`    ${name}: ${peak.toFixed(0)} MB`);
    }
    console.log(`    highest: ${highest.toFixed(0)} MB (target < 300 MB)`);
  } finally {
    rmSync(tmp, { recursive: true, force: true });
  }
}

if (process.argv[1] === fileURLToPath(import.meta.url)) {
  await benchOcr();
}
