// One real PDF through the whole PDF pipeline (read, detect, rewrite, paint, scrub, save, verify)
// in a process of its own, so that its peak RSS is its own. Writes the output and its boxes.
import { readFileSync, writeFileSync } from 'node:fs';
import { runPdfPipeline } from '../dist/index.js';

const [input, outPdf, outJson] = process.argv.slice(2);
const bytes = new Uint8Array(readFileSync(input));
const cpu = process.cpuUsage();
let result;
try {
  const r = await runPdfPipeline(bytes, 'bench.pdf', { ocr: false });
  writeFileSync(outPdf, r.pdf);
  result = { ok: true, pages: r.manifest.source.pages, boxes: r.manifest.redactions.flatMap((x) => x.boxes ?? []) };
} catch (error) {
  result = { ok: false, code: error.code ?? error.name };
}
const used = process.cpuUsage(cpu);
writeFileSync(outJson, JSON.stringify({ ...result, cpuSeconds: (used.user + used.system) / 1e6, maxRssMb: process.resourceUsage().maxRSS / 1024 }));
