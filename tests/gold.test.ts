import { readdirSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { redactText } from '../src/api.js';
// The same scorer as `npm run eval`, run on the sources.
import { evaluate, formatReport } from '../scripts/eval-core.mjs';

const dir = new URL('../fixtures/gold', import.meta.url).pathname;

describe('gold fixture set', () => {
  const report = evaluate(redactText, dir);
  const recall = (entity: string) => report.entities.find((e) => e.entity === entity)?.recall;
  const precision = (entity: string) => report.entities.find((e) => e.entity === entity)?.precision;

  it('is large enough: 80+ documents, 300+ annotated name mentions', () => {
    expect(readdirSync(dir).filter((f) => f.endsWith('.txt')).length).toBeGreaterThanOrEqual(80);
    expect(report.entities.find((e: { entity: string }) => e.entity === 'person')?.gold).toBeGreaterThanOrEqual(300);
  });

  it('processes every document', () => {
    expect(report.failures).toEqual([]);
  });

  it.each(['email', 'phone', 'bsn', 'person'])('recall of %s >= 0.97', (entity) => {
    expect(recall(entity), formatReport(report)).toBeGreaterThanOrEqual(0.97);
  });

  it('name character precision >= 0.95', () => {
    expect(precision('person')).toBeGreaterThanOrEqual(0.95);
  });

  it('redacts no public official or organisation', () => {
    expect(report.officialsRedacted).toEqual([]);
  });

  it('leaves no value readable in any output except where detection missed it', () => {
    const missed = new Set(report.misses.map((m: { file: string; start: number }) => `${m.file}:${m.start}`));
    expect(report.leaks.filter((l: { file: string; start: number }) => !missed.has(`${l.file}:${l.start}`))).toEqual([]);
  });
});
