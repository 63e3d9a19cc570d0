#!/usr/bin/env node
// `npm run fuzz -- [mutants per fixture, default 200]`: the longer mutation run over every fixture PDF.
import { readdirSync, readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { isWooRedactError, runPdfPipeline } from '../dist/index.js';
import { mutants } from './fuzz-core.mjs';

const dir = join(dirname(fileURLToPath(import.meta.url)), '..', 'fixtures', 'pdf');
const count = Number(process.argv[2] ?? 200);
const outcomes = {};
let crashes = 0;
for (const name of readdirSync(dir).filter((f) => f.endsWith('.pdf')).sort()) {
  const base = new Uint8Array(readFileSync(join(dir, name)));
  for (const m of mutants(base, count, name.length * 131)) {
    try {
      await runPdfPipeline(m, name);
      outcomes.ok = (outcomes.ok ?? 0) + 1;
    } catch (error) {
      const key = isWooRedactError(error) ? error.code : `CRASH ${error.name}`;
      if (!isWooRedactError(error)) crashes++;
      outcomes[key] = (outcomes[key] ?? 0) + 1;
    }
  }
}
console.log(outcomes);
process.exitCode = crashes > 0 ? 1 : 0;
