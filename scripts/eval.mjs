#!/usr/bin/env node
// `npm run eval`: recall and precision per entity type on the gold fixtures (on the build).
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { redactText } from '../dist/index.js';
import { evaluate, formatReport } from './eval-core.mjs';
import { evaluateRealDev, formatRealDevReport, realDevDir } from './eval-real-dev.mjs';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');
const report = evaluate(redactText, join(root, 'fixtures', 'gold'));
console.log(formatReport(report));

// The real development set, when it is beside the repository (skipped quietly otherwise).
const realDev = realDevDir();
if (realDev) console.log(`\n${formatRealDevReport(evaluateRealDev(realDev))}`);

// For the developer's own terminal only (the fixtures are synthetic): show what was missed.
if (process.argv.includes('--show-text')) {
  const { readFileSync } = await import('node:fs');
  const show = (title, items) => {
    console.log(`\n${title} with text:`);
    for (const i of items) {
      const text = readFileSync(join(root, 'fixtures', 'gold', i.file), 'utf8');
      const ctx = JSON.stringify(text.slice(Math.max(0, i.start - 30), i.start) + '[[' + text.slice(i.start, i.end) + ']]' + text.slice(i.end, i.end + 20));
      console.log(`  ${i.file} ${i.entity} ${i.detector ?? ''} ${ctx}`);
    }
  };
  show('misses', report.misses);
  show('false positives', report.falsePositives);
  show('officials redacted', report.officialsRedacted);
}
