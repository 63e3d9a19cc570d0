// Runs one step of the review bench in its own process: one-step, propose or apply (bench-review.mjs).
import { performance } from 'node:perf_hooks';
import { apply, propose, runBatch } from '../dist/index.js';

const [what, input, out, jobs, decisions] = process.argv.slice(2);
const t = performance.now();
let result;
if (what === 'one-step') {
  const s = await runBatch({ inputs: [input], outDir: out, jobs: Number(jobs) });
  result = { files: s.totals.files, ok: s.totals.ok };
} else if (what === 'propose') {
  const s = await propose({ inputs: [input], reviewDir: out, jobs: Number(jobs) });
  result = { files: s.totals.files, ok: s.totals.ok, review: s.totals.review, persons: s.totals.persons };
} else {
  const s = await apply({ inputs: [input], decisions, outDir: out, jobs: Number(jobs) });
  result = { files: s.totals.files, ok: s.totals.ok, failed: s.totals.failed };
}
const usage = process.resourceUsage();
console.log(JSON.stringify({ seconds: (performance.now() - t) / 1000, cpuSeconds: (usage.userCPUTime + usage.systemCPUTime) / 1e6, maxRssMb: usage.maxRSS / 1024, ...result }));
