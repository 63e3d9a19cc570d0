import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { redactText } from '../src/api.js';

const dir = new URL('../fixtures/holdout/', import.meta.url);
const expectations: Record<string, { gone: string[]; kept: string[] }> = JSON.parse(readFileSync(new URL('expectations.json', dir), 'utf8'));
const cases = Object.entries(expectations).filter(([file]) => !file.startsWith('_'));

// Documents written by hand in other styles than the generated gold set (English Outlook headers,
// minutes with a participants list, a municipal letter): a check that the rules generalise.
describe.each(cases)('%s', (file, { gone, kept }) => {
  const result = redactText(readFileSync(new URL(file, dir), 'utf8'));
  it.each(gone)('%s is gone', (value) => expect(result.text).not.toContain(value));
  it.each(kept)('%s stays readable', (value) => expect(result.text).toContain(value));
});
