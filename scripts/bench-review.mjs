// Review part of `npm run bench`: the 600 two-page nota's of the batch bench, once in one step
// and once as propose + apply (every open item decided), each run in a process of its own with
// --jobs 2. Target: propose + apply within 1.3x of the one-step run.
import { execFileSync } from 'node:child_process';
import { mkdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { notaPdf } from './bench-cli.mjs';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');
const work = join(root, '.bench-review');
const child = join(root, 'scripts', 'bench-review-child.mjs');

function run(...args) {
  return JSON.parse(execFileSync(process.execPath, [child, ...args], { encoding: 'utf8', maxBuffer: 1 << 26 }).trim().split('\n').pop());
}

export async function benchReview({ pdfs = 600, jobs = 2 } = {}) {
  rmSync(work, { recursive: true, force: true });
  const input = join(work, 'in');
  mkdirSync(input, { recursive: true });
  for (let i = 0; i < pdfs; i++) writeFileSync(join(input, `nota-${i}.pdf`), await notaPdf(i));
  const oneStep = run('one-step', input, join(work, 'one-step'), String(jobs));
  const proposed = run('propose', input, join(work, 'review'), String(jobs));
  // A reviewer's file: every open item redacted, per person where the person table allows (the
  // persons proposed for review or mixed; the others stand as proposed, as in the one-step run).
  const template = JSON.parse(readFileSync(join(work, 'review', 'decisions.internal.json'), 'utf8'));
  const index = JSON.parse(readFileSync(join(work, 'review', 'review.internal.json'), 'utf8'));
  const open = new Set(index.persons.filter((p) => p.proposed === 'review' || p.proposed === 'mixed').map((p) => p.id));
  const decisions = {
    ...template,
    decidedBy: 'bench',
    decidedAt: '2026-01-01',
    persons: template.persons.map((p) => ({ ...p, decision: open.has(p.person) ? { action: 'redact', ground: '5.1.2e' } : null })),
    documents: template.documents.map((d) => ({ ...d, findings: d.findings.map((f) => ({ ...f, decision: { action: 'redact', ground: '5.1.2e' } })) })),
  };
  // Filled in where propose wrote the template, as the README's workflow does: apply finds the
  // person table beside it.
  writeFileSync(join(work, 'review', 'decisions.internal.json'), JSON.stringify(decisions));
  const applied = run('apply', input, join(work, 'publication'), String(jobs), join(work, 'review'));
  const ratio = (proposed.seconds + applied.seconds) / oneStep.seconds;
  // CPU time (all threads) as well: on a shared machine wall time follows the other load.
  const cpuRatio = (proposed.cpuSeconds + applied.cpuSeconds) / oneStep.cpuSeconds;
  console.log(
    `review, born-digital PDF (${pdfs} two-page nota's), --jobs ${jobs}: one step ${oneStep.seconds.toFixed(1)} s (${oneStep.ok}/${oneStep.files}); ` +
      `propose ${proposed.seconds.toFixed(1)} s (${proposed.ok} files, ${proposed.review} open items, ${proposed.persons} persons) + apply ${applied.seconds.toFixed(1)} s (${applied.ok}/${applied.files}) = ${ratio.toFixed(2)}x the one-step run (target <= 1.3x); CPU ${oneStep.cpuSeconds.toFixed(1)} s vs ${proposed.cpuSeconds.toFixed(1)} + ${applied.cpuSeconds.toFixed(1)} s = ${cpuRatio.toFixed(2)}x; peak rss ${Math.max(oneStep.maxRssMb, proposed.maxRssMb, applied.maxRssMb).toFixed(0)} MB`,
  );
  rmSync(work, { recursive: true, force: true });
  return { oneStep, proposed, applied, ratio, cpuRatio };
}

if (import.meta.url === `file://${process.argv[1]}`) {
  const i = process.argv.indexOf('--pdfs');
  await benchReview({ pdfs: i > 0 ? Number(process.argv[i + 1]) : 600 });
}
