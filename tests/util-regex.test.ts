import { describe, expect, it } from 'vitest';
import { allMatches } from '../src/util/regex.js';

describe('allMatches', () => {
  it('gives what matchAll gives, empty matches and surrogate pairs included, and leaves lastIndex at 0', () => {
    const cases: [RegExp, string][] = [
      [/(?<w>\p{Lu}\p{Ll}+)/gu, 'Piet en Anouk Schouten, Ærø'],
      [/x*/g, 'axxb'],
      [/(?:)/gu, 'a😀b'],
      [/\d+/g, 'geen cijfers'],
    ];
    for (const [regex, text] of cases) {
      const expected = [...text.matchAll(regex)].map((m) => [m.index, m[0], m.groups?.w]);
      expect(allMatches(regex, text).map((m) => [m.index, m[0], m.groups?.w])).toEqual(expected);
      expect(regex.lastIndex).toBe(0);
    }
  });

  it('starts from the beginning whatever lastIndex the shared regex had, and refuses a non-global regex', () => {
    const regex = /\d/g;
    regex.lastIndex = 3;
    expect(allMatches(regex, '1a2b3').map((m) => m[0])).toEqual(['1', '2', '3']);
    expect(() => allMatches(/\d/, '1')).toThrow(TypeError);
  });
});
