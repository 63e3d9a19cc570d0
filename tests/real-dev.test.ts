import { describe, expect, it } from 'vitest';
import { evaluateRealDev, realDevDir } from '../scripts/eval-real-dev.mjs';

/**
 * Detection on the real development set (../shared/data/real-dev: real released documents with
 * refilled synthetic personal data), on the built CLI as a dossier batch. Skipped where the set is
 * not beside the repository. The thresholds are issue 9's; the known failures are listed by
 * document and offsets, so that a new miss fails the test even while the percentage still passes.
 */
const KNOWN_FAILURES: readonly string[] = [
  // Names alone on a line of an e-mail signature, without a closing, unknown given name.
  'rd-77:2676-2701',
  'rd-77:7943-7957',
  'rd-78:5253-5265',
  // A surname that is also a public role ("... Dijkgraaf").
  'rd-79:1191-1207',
];

const dir = realDevDir();

describe.skipIf(!dir)('real-dev (real released documents)', () => {
  const report = dir ? evaluateRealDev(dir) : null;
  const rate = (c: { gold: number; found: number } | undefined) => (c ? c.found / c.gold : 0);

  it('meets the recall, precision and keep thresholds', () => {
    if (!report) return;
    expect(report.failed).toEqual([]);
    expect(rate(report.total)).toBeGreaterThanOrEqual(0.97);
    expect(rate(report.perCategory.get('name'))).toBeGreaterThanOrEqual(0.97);
    expect(rate(report.perCategory.get('email'))).toBeGreaterThanOrEqual(0.97);
    expect(report.precision).toBeGreaterThanOrEqual(0.9);
    expect(report.keepViolated / report.keepTotal).toBeLessThanOrEqual(0.02);
  });

  it('misses nothing beyond the known failures', () => {
    if (!report) return;
    const misses = report.misses.map((m) => m.split(' ')[0]);
    expect(misses.filter((m) => !KNOWN_FAILURES.includes(m as string))).toEqual([]);
  });
});
