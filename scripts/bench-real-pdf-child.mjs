// One real PDF through the whole PDF pipeline (read, detect, rewrite, paint, scrub, save, verify)
// in a process of its own, so that its peak RSS is its own. Writes the output and its boxes.
import { readFileSync, writeFileSync } from 'node:fs';
import { runPdfPipeline } from '../dist/index.js';

const [input, outPdf, outJson, runCount] = process.argv.slice(2);
const bytes = new Uint8Array(readFileSync(input));
// Run five times: the first run pays for loading the modules (as a fresh process does); the second
// ("warm") still pays for much of V8's optimising compilation, on background threads that count in
// the process's CPU; the third to fifth ("steady", their median) are what each file costs a batch
// worker that has done a few files already.
const RUNS = Number(runCount ?? 5);
let result;
let maxRssMb;
const runs = [];
for (let k = 0; k < RUNS; k++) {
  const cpu = process.cpuUsage();
  try {
    const r = await runPdfPipeline(bytes, 'bench.pdf', { ocr: false });
    if (k === 0) writeFileSync(outPdf, r.pdf);
    // Every box the output has: redactions, and review items shown redacted until a person decides.
    const painted = [...r.manifest.redactions, ...r.manifest.review.filter((x) => x.shownAs === 'redacted')];
    result = { ok: true, pages: r.manifest.source.pages, boxes: painted.flatMap((x) => x.boxes ?? []) };
  } catch (error) {
    result = { ok: false, code: error.code ?? error.name };
  }
  const used = process.cpuUsage(cpu);
  runs.push((used.user + used.system) / 1e6);
  // The peak of one run (the first): what a fresh process needs for this file.
  if (k === 0) maxRssMb = process.resourceUsage().maxRSS / 1024;
  if (!result.ok) break;
}
const steady = runs.slice(2).sort((a, b) => a - b);
writeFileSync(outJson, JSON.stringify({ ...result, coldCpuSeconds: runs[0], warmCpuSeconds: runs[1], steadyCpuSeconds: steady[steady.length >> 1], maxRssMb }));
