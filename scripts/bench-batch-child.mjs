// Runs one batch in its own process and reports time and peak memory (for bench-cli.mjs).
import { performance } from 'node:perf_hooks';
import { runBatch } from '../dist/index.js';

const [input, out, jobs] = process.argv.slice(2);
const t = performance.now();
// RSS (main thread and workers: one process) after each tenth of the files, and the main
// thread's live heap after a full collection (it keeps one small result per file for the summary).
const rssAtTenths = [];
const heapAtTenths = [];
const summary = await runBatch({
  inputs: [input],
  outDir: out,
  jobs: Number(jobs),
  onFile: (done, total) => {
    if (done % Math.max(1, Math.floor(total / 10)) !== 0 || rssAtTenths.length >= 10) return;
    rssAtTenths.push(Math.round(process.memoryUsage().rss / 1048576));
    globalThis.gc?.();
    heapAtTenths.push(Math.round(process.memoryUsage().heapUsed / 1048576));
  },
});
const usage = process.resourceUsage();
console.log(JSON.stringify({ seconds: (performance.now() - t) / 1000, cpuSeconds: (usage.userCPUTime + usage.systemCPUTime) / 1e6, maxRssMb: usage.maxRSS / 1024, files: summary.totals.files, ok: summary.totals.ok, failed: summary.totals.failed, rssAtTenths, heapAtTenths }));
