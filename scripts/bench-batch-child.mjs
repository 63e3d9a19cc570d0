// Runs one batch in its own process and reports time and peak memory (for bench-cli.mjs).
import { performance } from 'node:perf_hooks';
import { runBatch } from '../dist/index.js';

const [input, out, jobs] = process.argv.slice(2);
const t = performance.now();
const summary = await runBatch({ inputs: [input], outDir: out, jobs: Number(jobs) });
const usage = process.resourceUsage();
console.log(JSON.stringify({ seconds: (performance.now() - t) / 1000, cpuSeconds: (usage.userCPUTime + usage.systemCPUTime) / 1e6, maxRssMb: usage.maxRSS / 1024, files: summary.totals.files, ok: summary.totals.ok, failed: summary.totals.failed }));
