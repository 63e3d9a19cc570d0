import { findValues, valueKey } from '../document/value-search.js';
import type { Span } from '../document/span.js';
import { normalise } from '../normalise/normalise.js';
import type { AppliedRedaction } from '../redact/text.js';
import { identifiesOnItsOwn } from './identifying.js';

// Whole sections are checked by their words elsewhere; a section body is prose whose phrases may
// legitimately recur ("de Tweede Kamer"), so only values that identify are checked verbatim.
const CHECKED_ENTITIES = new Set(['person', 'email', 'phone', 'bsn', 'iban', 'v-number', 'date-of-birth', 'license-plate', 'client-number', 'address']);
const MIN_LENGTH = 3;

/**
 * Re-reads the redacted output and returns the source spans of redactions whose text can still be
 * found in it, normalised as detection reads text (whole words, any spacing; names with their
 * capitals, other values in any case). Long withheld passages are checked as well.
 */
export function findSurvivors(sourceText: string, output: string, applied: readonly AppliedRedaction[], exempt: readonly Span[] = []): Span[] {
  const normalisedOutput = normalise(output).text;
  // Text kept on purpose (a public official sharing a civil servant's surname) may occur as often
  // as it was kept, and no more.
  const exemptText = exempt.map((s) => sourceText.slice(s.start, s.end)).join('\n');
  const checks = applied.flatMap((a) => {
    const value = sourceText.slice(a.source.start, a.source.end);
    const entity = a.decision.finding.entity;
    const check = CHECKED_ENTITIES.has(entity) ? value : value.length >= 40 ? value : '';
    if (valueKey(check, true).length < MIN_LENGTH || !identifiesOnItsOwn(check, entity)) return [];
    return [{ a, check, normalised: normalise(check).text, caseSensitive: entity === 'person' }];
  });
  const survivors: Span[] = [];
  for (const caseSensitive of [true, false]) {
    const mine = checks.filter((c) => c.caseSensitive === caseSensitive);
    // Compared as detection saw the text: the normalised output against the normalised value
    // (ligatures, soft hyphens, line-end hyphenation and spacing undone on both sides).
    const values = mine.map((c) => c.normalised);
    const inNormalised = findValues(normalisedOutput, values, caseSensitive);
    const inExempt = findValues(normalise(exemptText).text, values, caseSensitive);
    const count = (found: Map<string, unknown[]>, value: string) => found.get(valueKey(value, caseSensitive))?.length ?? 0;
    for (const c of mine) {
      if (count(inNormalised, c.normalised) > count(inExempt, c.normalised)) survivors.push(c.a.source);
    }
  }
  return survivors.sort((x, y) => x.start - y.start || x.end - y.end);
}
