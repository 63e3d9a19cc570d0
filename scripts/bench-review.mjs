// Review part of `npm run bench`: the 600 two-page nota's of the batch bench, in one step and as
// propose + apply (every open item decided), each run in a process of its own with --jobs 2, in
// rounds (one-step, propose, apply, one-step, ...): the ratio is taken round by round and the
// median printed, as the machine's speed drifts. Target: propose + apply within 1.3x of one step.
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

const median = (xs) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)];

function round(input, jobs) {
  for (const d of ['one-step', 'review', 'publication']) rmSync(join(work, d), { recursive: true, force: true });
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
  return {
    oneStep,
    proposed,
    applied,
    ratio: (proposed.seconds + applied.seconds) / oneStep.seconds,
    // CPU time (all threads) as well: on a shared machine wall time follows the other load.
    cpuRatio: (proposed.cpuSeconds + applied.cpuSeconds) / oneStep.cpuSeconds,
  };
}

export async function benchReview({ pdfs = 600, jobs = 2, rounds = 3 } = {}) {
  rmSync(work, { recursive: true, force: true });
  const input = join(work, 'in');
  mkdirSync(input, { recursive: true });
  for (let i = 0; i < pdfs; i++) writeFileSync(join(input, `nota-${i}.pdf`), await notaPdf(i));
  const results = Array.from({ length: rounds }, () => round(input, jobs));
  const { oneStep, proposed, applied } = results[0];
  const m = (f) => median(results.map(f)).toFixed(1);
  const spread = (f) => results.map((r) => f(r).toFixed(2)).join(', ');
  const ratio = median(results.map((r) => r.ratio));
  const cpuRatio = median(results.map((r) => r.cpuRatio));
  console.log(
    `review, born-digital PDF (${pdfs} two-page nota's), --jobs ${jobs}, median of ${rounds} rounds: one step ${m((r) => r.oneStep.seconds)} s (${oneStep.ok}/${oneStep.files}); ` +
      `propose ${m((r) => r.proposed.seconds)} s (${proposed.ok} files, ${proposed.review} open items, ${proposed.persons} persons) + apply ${m((r) => r.applied.seconds)} s (${applied.ok}/${applied.files}): wall ${ratio.toFixed(2)}x the one-step run (rounds ${spread((r) => r.ratio)}; target <= 1.3x); ` +
      `CPU ${m((r) => r.oneStep.cpuSeconds)} s vs ${m((r) => r.proposed.cpuSeconds)} + ${m((r) => r.applied.cpuSeconds)} s: ${cpuRatio.toFixed(2)}x (rounds ${spread((r) => r.cpuRatio)}); peak rss ${Math.max(...results.flatMap((r) => [r.oneStep.maxRssMb, r.proposed.maxRssMb, r.applied.maxRssMb])).toFixed(0)} MB`,
  );
  rmSync(work, { recursive: true, force: true });
  return { results, ratio, cpuRatio };
}

if (import.meta.url === `file://${process.argv[1]}`) {
  const arg = (name, fallback) => {
    const i = process.argv.indexOf(name);
    return i > 0 ? Number(process.argv[i + 1]) : fallback;
  };
  await benchReview({ pdfs: arg('--pdfs', 600), rounds: arg('--rounds', 3) });
}
