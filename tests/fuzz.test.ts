import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { isWooRedactError } from '../src/errors.js';
import { runPdfPipeline } from '../src/pdf-pipeline.js';
import { normalise } from '../src/normalise/normalise.js';
import { redactText } from '../src/api.js';
// @ts-expect-error: plain JavaScript shared with `npm run fuzz`
import { mutants } from '../scripts/fuzz-core.mjs';

const FIXTURES = ['standard14-nota.pdf', 'type0-accents.pdf', 'form-xobject-two-pages.pdf', 'scan-ocr-layer.pdf'];

describe('PDF mutation fuzzing (bounded)', () => {
  it.each(FIXTURES)('%s: every mutant ends verified or with a clean error', async (name) => {
    const base = new Uint8Array(readFileSync(new URL(`../fixtures/pdf/${name}`, import.meta.url)));
    const outcomes: Record<string, number> = {};
    for (const m of mutants(base, 12, name.length * 97) as Uint8Array[]) {
      try {
        await runPdfPipeline(m, name);
        outcomes.ok = (outcomes.ok ?? 0) + 1;
      } catch (error) {
        expect(isWooRedactError(error), `${(error as Error).name}: ${(error as Error).message}`).toBe(true);
        outcomes[(error as { code: string }).code] = (outcomes[(error as { code: string }).code] ?? 0) + 1;
      }
    }
    expect(Object.values(outcomes).reduce((a, b) => a + b, 0)).toBe(12);
  });
});

describe('text pipeline properties (random input)', () => {
  const alphabet = ['a', 'Jan', ' de ', 'Vries', '\n', '-\n', '06 12345678', 'ﬁ', '\u00AD', 'é', 'e\u0301', '\t', '  ', '.', '@', 'x@y.nl', '\f', 'Mevrouw ', '5.1.2e', 'ı'];
  let seed = 99;
  const rand = () => ((seed = (seed * 1103515245 + 12345) % 2147483648) / 2147483648);
  it('offsets always map back into the source, and redaction never throws', () => {
    for (let round = 0; round < 200; round++) {
      let text = '';
      for (let i = 0; i < 30; i++) text += alphabet[Math.floor(rand() * alphabet.length)];
      const { map, text: normalised } = normalise(text);
      for (let i = 0; i < normalised.length; i += 3) {
        const s = map.toSource({ start: i, end: Math.min(normalised.length, i + 3) });
        expect(s.start).toBeGreaterThanOrEqual(0);
        expect(s.end).toBeLessThanOrEqual(text.length);
      }
      const r = redactText(text);
      for (const x of r.manifest.redactions) {
        expect(x.end).toBeLessThanOrEqual(text.length);
        expect(x.start).toBeLessThan(x.end);
      }
    }
  });
});
