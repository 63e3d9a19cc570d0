import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { isWooRedactError } from '../src/errors.js';
import { runPdfPipeline } from '../src/pdf-pipeline.js';
import { normalise } from '../src/normalise/normalise.js';
import { redactText } from '../src/api.js';
import fc from 'fast-check';
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

// Property-based tests of the text pipeline: inputs built from the pieces that stress it (names,
// hyphenation, ligatures, soft hyphens, combining marks, columns, page breaks, codes).
const PIECES = ['a', 'Jan', ' de ', 'Vries', '\n', '-\n', '06 12345678', '\uFB01', '\u00AD', 'é', 'e\u0301', '\t', '  ', '.', '@', 'x@y.nl', '\f', 'Mevrouw ', '5.1.2e', 'ı', 'Anouk', 'Contactpersoon\n', 'BSN 123456782', ' met ', '(DGM)', 'Van: ', '\r\n'];
const document = fc.array(fc.oneof(fc.constantFrom(...PIECES), fc.string({ maxLength: 4 })), { maxLength: 40 }).map((parts) => parts.join(''));

describe('text pipeline properties (fast-check)', () => {
  it('normalised offsets always map back into the source, in order', () => {
    fc.assert(
      fc.property(document, (text) => {
        const { map, text: normalised } = normalise(text);
        let last = 0;
        for (let i = 0; i < normalised.length; i++) {
          const s = map.toSource({ start: i, end: i + 1 });
          if (s.start < 0 || s.end > text.length || s.start >= s.end || s.start < last - 1) return false;
          last = s.end;
        }
        return true;
      }),
      { numRuns: 300, seed: 42 },
    );
  });

  it('a finding never loses a character: its source span holds all of its letters', () => {
    fc.assert(
      fc.property(document, (text) => {
        const r = redactText(text);
        return r.manifest.redactions.every((x) => {
          const source = text.slice(x.start, x.end);
          return x.start < x.end && x.end <= text.length && source.trim().length > 0;
        });
      }),
      { numRuns: 300, seed: 7 },
    );
  });

  it('redaction never throws and never leaves a redacted value in its output', () => {
    fc.assert(
      fc.property(document, (text) => {
        // runPipeline verifies its own output and throws LeakError on a survivor.
        const r = redactText(text);
        return typeof r.text === 'string';
      }),
      { numRuns: 500, seed: 1234 },
    );
  });
});
