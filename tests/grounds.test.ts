import { describe, expect, it } from 'vitest';
import { findGroundCitations, parseGroundCode, parseGroundList } from '../src/decide/ground-parser.js';
import { GROUND_CODES, GROUNDS } from '../src/decide/grounds.js';

describe('grounds table', () => {
  it('holds every code of woo.md with citation, label and kind, frozen', () => {
    expect(GROUND_CODES).toHaveLength(16);
    expect(GROUNDS['5.1.2e'].citation).toBe('art. 5.1, tweede lid, onder e, Woo');
    expect(GROUNDS['5.1.1e'].kind).toBe('absolute');
    expect(GROUNDS['5.2'].kind).toBe('own-article');
    expect(Object.isFrozen(GROUNDS)).toBe(true);
    expect(Object.isFrozen(GROUNDS['5.1.2e'])).toBe(true);
  });
});

describe('parseGroundCode', () => {
  it.each([
    ['5.1.2e', '5.1.2e'],
    ['5.1.2 e', '5.1.2e'],
    ['5.1.2.e', '5.1.2e'],
    ['5.1.2.E', '5.1.2e'],
    ['5,1,2e', '5.1.2e'],
    ['5.12e', '5.1.2e'],
    ['5.1 lid 2 sub e', '5.1.2e'],
    ['artikel 5.1, tweede lid, aanhef en onder e', '5.1.2e'],
    ['art. 5.1, eerste lid, onder c', '5.1.1c'],
    ['5.1.1e', '5.1.1e'],
    ['5.1.5', '5.1.5'],
    ['5.1 lid 5', '5.1.5'],
    ['5.2', '5.2'],
    ['5.2.1', '5.2'],
    ['10.2e', '5.1.2e'],
    ['10.2.e', '5.1.2e'],
    ['10.2. e', '5.1.2e'],
    ['(10)(2e)', '5.1.2e'],
    ['Art. 10 lid 2 sub e Wob', '5.1.2e'],
    ['10.1c', '5.1.1c'],
    ['10.2g', '5.1.5'],
    ['11.1', '5.2'],
  ])('%j -> %s', (written, code) => expect(parseGroundCode(written)?.code).toBe(code));

  it.each(['5.1.2z', '5.3', 'hallo', '5.1.3a', '12.1'])('%j is no ground', (written) => {
    expect(parseGroundCode(written)).toBeNull();
  });

  it('keeps the Wob code as written and knows 10.2f has no Woo successor', () => {
    expect(parseGroundCode('10.2.e')).toMatchObject({ law: 'wob', canonical: '10.2e' });
    expect(parseGroundCode('10.2f')).toMatchObject({ law: 'wob', canonical: '10.2f', code: null });
  });
});

describe('ground lists and citations in text', () => {
  it('splits inventory cells on "; "', () => {
    expect(parseGroundList('5.1.1c; 5.1.2e')).toEqual(['5.1.1c', '5.1.2e']);
    expect(parseGroundList('5.1.2 e;5.2.1')).toEqual(['5.1.2e', '5.2']);
  });

  it('finds citations in prose but not section numbers', () => {
    const text = 'Paragraaf 3.2 valt onder 5.1.2i. Zie ook artikel 5.2 van de Woo en 5.2 Toelichting.';
    expect(findGroundCitations(text).map((c) => c.code)).toEqual(['5.1.2i', '5.2']);
  });

  it('reports offsets of each citation', () => {
    const text = 'grond: artikel 5.1, tweede lid, onder e, Woo.';
    const [c] = findGroundCitations(text);
    expect(text.slice(c?.start, c?.end)).toBe('artikel 5.1, tweede lid, onder e, Woo');
  });
});
