import { describe, expect, it } from 'vitest';
import { normalise } from '../src/normalise/normalise.js';

function mapped(source: string, needle: string): string {
  const { text, map } = normalise(source);
  const at = text.indexOf(needle);
  expect(at).toBeGreaterThanOrEqual(0);
  const s = map.toSource({ start: at, end: at + needle.length });
  return source.slice(s.start, s.end);
}

describe('normalise', () => {
  it.each([
    ['rech-\nterlijke uitspraken', 'rechterlijke uitspraken'],
    ['rech-  \n  terlijke', 'rechterlijke'],
    ['Broekers-\nKnol', 'Broekers-Knol'],
    ['Immigratie-\nen Naturalisatiedienst', 'Immigratie-\nen Naturalisatiedienst'],
    ['de ﬁnanciën', 'de financiën'],
    ['soft\u00ADhyphen', 'softhyphen'],
    ['‘quoted’ and “double”', '\'quoted\' and "double"'],
    ['a\u00A0b', 'a b'],
    ['line\r\nbreak', 'line\nbreak'],
    ['Joe\u0308l', 'Joël'],
    ['veel    ruimte', 'veel\truimte'],
    ['twee  spaties', 'twee spaties'],
    ['page\fbreak', 'page\fbreak'],
    ['zero\u200Bwidth', 'zerowidth'],
  ])('%j -> %j', (source, expected) => expect(normalise(source).text).toBe(expected));

  it('maps a finding across a hyphenated line break back to the exact source', () => {
    expect(mapped('met Schone-\nveld gesproken', 'Schoneveld')).toBe('Schone-\nveld');
  });

  it('maps through ligatures, combining marks and collapsed spaces', () => {
    expect(mapped('de ﬁnanciën van Joe\u0308l  de Vries', 'financiën')).toBe('ﬁnanciën');
    expect(mapped('de ﬁnanciën van Joe\u0308l  de Vries', 'Joël de Vries')).toBe('Joe\u0308l  de Vries');
  });

  it('keeps every source position reachable (random input)', () => {
    const alphabet = ['a', 'B', ' ', '  ', '\n', '-', '-\n', 'ﬁ', '\u00AD', '’', 'e\u0301', '\t', '\r\n', '\f', 'ij'];
    let seed = 42;
    const rand = () => ((seed = (seed * 1103515245 + 12345) % 2147483648) / 2147483648);
    for (let round = 0; round < 300; round++) {
      let source = '';
      const n = Math.floor(rand() * 40);
      for (let i = 0; i < n; i++) source += alphabet[Math.floor(rand() * alphabet.length)];
      const { text, map } = normalise(source);
      expect(map.length).toBe(text.length);
      let previousEnd = 0;
      for (let i = 0; i < text.length; i++) {
        const s = map.toSource({ start: i, end: i + 1 });
        expect(s.start).toBeGreaterThanOrEqual(0);
        expect(s.end).toBeLessThanOrEqual(source.length);
        expect(s.start).toBeLessThan(s.end);
        // Monotone: the map never goes back.
        expect(s.start).toBeGreaterThanOrEqual(previousEnd - 1);
        previousEnd = s.end;
      }
      // Letters survive normalisation unchanged in number.
      const letters = (x: string) => (x.normalize('NFC').match(/[aBij]/g) ?? []).length;
      expect(letters(text)).toBe(letters(source.replace(/ﬁ/g, 'fi').replace(/ﬁ/g, '')));
    }
  });
});
