import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { lexicons, parseList, SortedWordList } from '../src/detect/lexicons/index.js';

const surnameText = readFileSync(new URL('../src/detect/lexicons/surname-cores.txt', import.meta.url), 'utf8');

describe('SortedWordList', () => {
  it('finds exactly its entries, skipping comment and blank lines, LF or CRLF', () => {
    const list = new SortedWordList('# header\n# more\nbakker\nberg\nbroek-knol\n\ndijk\r\nvries\n');
    expect([...list.entries()]).toEqual(['bakker', 'berg', 'broek-knol', 'dijk', 'vries']);
    for (const w of ['bakker', 'berg', 'broek-knol', 'dijk', 'vries']) expect(list.has(w), w).toBe(true);
    for (const w of ['', 'b', 'bak', 'bakkers', 'berga', 'broek', 'dijk\r', 'a', 'zz', '# header', 'Berg']) expect(list.has(w), w).toBe(false);
    expect(new SortedWordList('').has('x')).toBe(false);
    expect(new SortedWordList('# only a comment\n').size).toBe(0);
  });

  it('answers as a Set of the surname cores would', () => {
    const entries = parseList(surnameText);
    const set = new Set(entries);
    const list = lexicons().surnameCores;
    // Every entry, and near misses of many (one letter more, less or changed).
    for (const e of entries) expect(list.has(e)).toBe(true);
    for (const e of entries.filter((_, i) => i % 7 === 0)) {
      for (const probe of [`${e}x`, e.slice(0, -1), `${e.slice(0, -1)}~`, e.toUpperCase(), ` ${e}`]) expect(list.has(probe), probe).toBe(set.has(probe));
    }
  });

  it('is given a sorted, trimmed file (the halving search relies on it)', () => {
    const entries = parseList(surnameText);
    const lines = surnameText.split('\n').filter((l) => l.length > 0 && !l.startsWith('#'));
    expect(lines).toEqual(entries); // trimmed: no line differs from its trimmed entry
    for (let i = 1; i < entries.length; i++) {
      if (!((entries[i - 1] as string) < (entries[i] as string))) throw new Error(`surname-cores.txt is not sorted at line ${i}: run npm run lexicons`);
    }
    expect(entries.length).toBeGreaterThan(100_000);
  });
});
