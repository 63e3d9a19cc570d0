// Real PDFs in `npm run bench` (issue 11): each file of ../shared/data/real-pdf (or $WOO_REAL_PDF)
// that has a text layer through the whole PDF pipeline in a process of its own (CPU seconds, peak
// RSS), beside PyMuPDF (Debian's python3-fitz) and MuPDF's mutool (mupdf-tools) applying the same
// boxes (apply_redactions with image pixels removed, garbage-collected save), where installed. Scans without a text
// layer are OCR's bench. The real files are not part of the repository: no folder, no lines.
import { execFileSync, spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { workerEnv } from '../dist/cli.js';

const here = dirname(fileURLToPath(import.meta.url));
const MUTOOL = ['/usr/bin/mutool', '/usr/local/bin/mutool'].find((p) => existsSync(p));
// PyMuPDF is the issue's reference: the first Python that imports it (Debian's python3-fitz goes
// to the system Python, pip's to whichever is first on PATH). Debian bookworm's 1.21.1 fails on
// most files (its SWIG wrappers return bare objects: "'SwigPyObject' object has no attribute"):
// such runs print "failed", and mutool, the same MuPDF core, is the comparison there.
const PYTHON = ['python3', '/usr/bin/python3'].find((p) => spawnSync(p, ['-c', 'import fitz']).status === 0);
const TIME = existsSync('/usr/bin/time') ? '/usr/bin/time' : undefined;
const RSS_RUNS = Math.max(1, Number(process.env.WOO_BENCH_RSS_RUNS ?? 1) || 1);

/** Runs a command under /usr/bin/time: CPU seconds (user + system) and peak RSS in MB. */
function timed(command, args, env = process.env) {
  if (!TIME) {
    const t = process.hrtime.bigint();
    const r = spawnSync(command, args, { env, stdio: ['ignore', 'ignore', 'pipe'] });
    return { status: r.status, cpuSeconds: Number(process.hrtime.bigint() - t) / 1e9, maxRssMb: Number.NaN };
  }
  const r = spawnSync(TIME, ['-f', '@@%U %S %M', command, ...args], { env, stdio: ['ignore', 'ignore', 'pipe'], encoding: 'utf8' });
  const m = /@@([\d.]+) ([\d.]+) (\d+)/.exec(r.stderr ?? '');
  return { status: r.status, cpuSeconds: m ? Number(m[1]) + Number(m[2]) : Number.NaN, maxRssMb: m ? Number(m[3]) / 1024 : Number.NaN };
}

/** A mutool script redacting the boxes (PDF user space, y up) on their pages (MuPDF space, y down). */
function mutoolScript(boxes) {
  const byPage = {};
  for (const b of boxes) (byPage[b.page - 1] ??= []).push([b.x, b.y, b.width, b.height]);
  return `var doc = new PDFDocument(scriptArgs[0]);
var boxes = ${JSON.stringify(byPage)};
for (var p in boxes) {
  var page = doc.loadPage(Number(p));
  var h = page.bound()[3];
  boxes[p].forEach(function (b) { var a = page.createAnnotation("Redact"); a.setRect([b[0], h - b[1] - b[3], b[0] + b[2], h - b[1]]); a.update(); });
  page.applyRedactions(true, 2);
}
doc.save(scriptArgs[1], "garbage=4,compress");
`;
}

/** The same for PyMuPDF: redact annotations, apply_redactions with image pixels removed, garbage-collected save. */
function pymupdfScript(boxes) {
  const byPage = {};
  for (const b of boxes) (byPage[b.page - 1] ??= []).push([b.x, b.y, b.width, b.height]);
  return `import sys, json, fitz
doc = fitz.open(sys.argv[1])
boxes = json.loads(${JSON.stringify(JSON.stringify(byPage))})
for p, rects in boxes.items():
    page = doc[int(p)]
    m = page.transformation_matrix
    for x, y, w, h in rects:
        page.add_redact_annot(fitz.Rect(x, y, x + w, y + h) * m)
    page.apply_redactions(images=fitz.PDF_REDACT_IMAGE_PIXELS)
doc.save(sys.argv[2], garbage=4, deflate=True)
`;
}

/** The median of three runs of another tool (one run moved by 20-30% on the shared machine). */
function reference(command, args) {
  const runs = [0, 1, 2].map(() => timed(command, args));
  if (!runs.every((t) => t.status === 0)) return { failed: true };
  return { cpu: runs.map((t) => t.cpuSeconds).sort((a, b) => a - b)[1], rss: Math.max(...runs.map((t) => t.maxRssMb)) };
}

export function benchRealPdf({ dir = process.env.WOO_REAL_PDF ?? join(here, '..', '..', 'shared', 'data', 'real-pdf') } = {}) {
  if (!existsSync(dir)) {
    console.log(`real PDFs: ${dir} not found, skipped`);
    return;
  }
  const tmp = mkdtempSync(join(tmpdir(), 'woo-bench-real-'));
  const rows = [];
  try {
    for (const name of readdirSync(dir).filter((f) => f.endsWith('.pdf')).sort()) {
      const file = join(dir, name);
      // The library as the CLI's workers run it (their allocator settings: libjpeg-turbo decodes
      // the JPEG images a redaction rewrites only there, see src/redact/pdf/jpeg.ts).
      const child = (out, json, runs) => [join(here, 'bench-real-pdf-child.mjs'), file, join(tmp, out), join(tmp, json), ...(runs ? [String(runs)] : [])];
      timed(process.execPath, child('out.pdf', 'out.json'), workerEnv());
      const result = JSON.parse(readFileSync(join(tmp, 'out.json'), 'utf8'));
      // And once in a plain process (a Woo-team's own tooling importing the library): its peak RSS.
      timed(process.execPath, child('plain.pdf', 'plain.json', 1));
      result.plainRssMb = JSON.parse(readFileSync(join(tmp, 'plain.json'), 'utf8')).maxRssMb;
      // Peak RSS moves by 10-15% between runs (garbage collection timing, other jobs): with
      // WOO_BENCH_RSS_RUNS=n each file runs in n fresh processes and the highest peak counts.
      for (let k = 1; k < RSS_RUNS; k++) {
        timed(process.execPath, child('again.pdf', 'again.json', 1), workerEnv());
        result.maxRssMb = Math.max(result.maxRssMb, JSON.parse(readFileSync(join(tmp, 'again.json'), 'utf8')).maxRssMb);
        timed(process.execPath, child('again.pdf', 'again.json', 1));
        result.plainRssMb = Math.max(result.plainRssMb, JSON.parse(readFileSync(join(tmp, 'again.json'), 'utf8')).maxRssMb);
      }
      if (!result.ok) {
        rows.push({ name, refused: result.code, rss: result.maxRssMb, plainRss: result.plainRssMb });
        continue;
      }
      const row = { name, pages: result.pages, boxes: result.boxes.length, cold: result.coldCpuSeconds, warm: result.warmCpuSeconds, steady: result.steadyCpuSeconds, rss: result.maxRssMb, plainRss: result.plainRssMb };
      // What a Woo-team runs: the CLI, whose worker process does the work (its own malloc and V8
      // settings); /usr/bin/time reports the largest process.
      rmSync(join(tmp, 'cli'), { recursive: true, force: true });
      row.cliRss = timed(process.execPath, [join(here, '..', 'bin', 'woo-redact.mjs'), file, '-o', join(tmp, 'cli'), '-j', '1', '-q']).maxRssMb;
      if (PYTHON) {
        writeFileSync(join(tmp, 'redact.py'), pymupdfScript(result.boxes));
        row.pymupdf = reference(PYTHON, [join(tmp, 'redact.py'), file, join(tmp, 'pymupdf.pdf')]);
      }
      if (MUTOOL) {
        writeFileSync(join(tmp, 'redact.js'), mutoolScript(result.boxes));
        row.mutool = reference(MUTOOL, ['run', join(tmp, 'redact.js'), file, join(tmp, 'mutool.pdf')]);
      }
      rows.push(row);
    }
  } finally {
    rmSync(tmp, { recursive: true, force: true });
  }
  const f = (n, d = 2) => (Number.isFinite(n) ? n.toFixed(d) : '-');
  const refs = [PYTHON && 'pymupdf', MUTOOL && 'mutool'].filter(Boolean);
  const missing = [!PYTHON && 'PyMuPDF (apt-get install python3-fitz)', !MUTOOL && 'mutool (apt-get install mupdf-tools)'].filter(Boolean);
  console.log(`real PDFs (${dir}), one process per file, OCR off; pages per core-second = pages / (user + system CPU s)${refs.length ? `, beside ${refs.join(' and ')} applying the same boxes (median of 3 runs)` : ''}${missing.length ? `; not installed: ${missing.join(', ')}` : ''}.`);
  console.log(`  The library runs in a process started as the CLI's workers are (their allocator settings, cli/pool.ts). "cold": the first run in a fresh process (module loading included); "warm": the same file again (V8 still compiling); "steady": the median of runs 3-5, as a batch worker a few files in. RSS: the peak of the first run in the library, so started / in a plain process (a Woo-team's own tooling); CLI RSS: \`woo-redact <file> -j 1\`, its largest process${RSS_RUNS > 1 ? `, the highest of ${RSS_RUNS} fresh processes` : ' (WOO_BENCH_RSS_RUNS=n: the highest of n processes)'}.`);
  console.log(`  file          pages boxes cold s warm s steady s pages/core-s(warm, steady)  peak RSS (workers / plain)  CLI RSS${refs.map((n) => ` | ${n.padStart(7)} cpu s  pages/core-s   RSS | ours/${n} (warm, steady)`).join('')}`);
  for (const r of rows) {
    if (r.refused) {
      console.log(`  ${r.name.padEnd(13)} ${r.refused === 'PDF_NO_TEXT' ? 'scan without a text layer (OCR bench)' : `refused: ${r.refused}`}, peak RSS ${f(r.rss, 0)} / ${f(r.plainRss, 0)} MB`);
      continue;
    }
    const ours = r.pages / r.warm;
    const oursSteady = r.pages / r.steady;
    const columns = refs.map((n) => {
      const ref = r[n];
      if (ref?.failed) return ` | ${'failed'.padStart(13)} ${''.padStart(19)} | ${''.padStart(n.length + 21)}`;
      // A file without boxes gives the other tool nothing to do: no comparison.
      const theirs = ref && r.boxes > 0 ? r.pages / ref.cpu : Number.NaN;
      return ` | ${f(ref?.cpu).padStart(13)} ${f(theirs, 1).padStart(13)} ${f(ref?.rss, 0).padStart(5)} | ${`${f(ours / theirs)}x, ${f(oursSteady / theirs)}x`.padStart(n.length + 21)}`;
    });
    console.log(
      `  ${r.name.padEnd(13)} ${String(r.pages).padStart(5)} ${String(r.boxes).padStart(5)} ${f(r.cold).padStart(6)} ${f(r.warm).padStart(6)} ${f(r.steady).padStart(8)} ${`${f(ours, 1)}, ${f(oursSteady, 1)}`.padStart(26)} ${f(r.rss, 0).padStart(6)} / ${f(r.plainRss, 0).padStart(3)} MB ${f(r.cliRss, 0).padStart(11)} MB${columns.join('')}`,
    );
  }
  const peak = Math.max(...rows.map((r) => r.rss));
  const plainPeak = Math.max(...rows.map((r) => r.plainRss));
  const cliPeak = Math.max(...rows.filter((r) => r.cliRss !== undefined).map((r) => r.cliRss));
  console.log(`  peak RSS over all files: ${f(peak, 0)} MB in the library (OCR off) started as the CLI's workers, ${f(plainPeak, 0)} MB in a plain process, ${f(cliPeak, 0)} MB through the CLI (OCR on; target < 300 MB)`);
}

if (process.argv[1] === fileURLToPath(import.meta.url)) {
  execFileSync('npm', ['run', 'build', '--silent'], { cwd: join(here, '..'), stdio: 'inherit' });
  benchRealPdf();
}
