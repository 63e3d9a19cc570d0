import { escapeRegExp } from '../detect/engine.js';
import type { Span } from '../document/span.js';
import { normalise } from '../normalise/normalise.js';
import type { AppliedRedaction } from '../redact/text.js';

// Whole sections are checked by their words elsewhere; a section body is prose whose phrases may
// legitimately recur ("de Tweede Kamer"), so only values that identify are checked verbatim.
const CHECKED_ENTITIES = new Set(['person', 'email', 'phone', 'bsn', 'iban', 'v-number', 'date-of-birth', 'license-plate', 'address']);
const MIN_LENGTH = 3;

function occurrences(haystack: string, value: string, caseSensitive: boolean): number {
  const key = value.trim().replace(/\s+/g, ' ');
  if (key.length < MIN_LENGTH) return 0;
  const pattern = escapeRegExp(key).replace(/ /g, '\\s+');
  return [...haystack.matchAll(new RegExp(`(?<![\\p{L}\\d])${pattern}(?![\\p{L}\\d])`, caseSensitive ? 'gu' : 'giu'))].length;
}

/**
 * Re-reads the redacted output and returns the source spans of redactions whose text can still be
 * found in it, in its exact or its normalised form (case-insensitive, any spacing). For sections,
 * the output must not contain the section's text at all.
 */
export function findSurvivors(sourceText: string, output: string, applied: readonly AppliedRedaction[], exempt: readonly Span[] = []): Span[] {
  const normalisedOutput = normalise(output).text;
  // Text kept on purpose (a public official sharing a civil servant's surname) may occur as often
  // as it was kept, and no more.
  const exemptText = exempt.map((s) => sourceText.slice(s.start, s.end)).join('\n');
  const survivors: Span[] = [];
  for (const a of applied) {
    const value = sourceText.slice(a.source.start, a.source.end);
    const entity = a.decision.finding.entity;
    const check = CHECKED_ENTITIES.has(entity) ? value : value.length >= 40 ? value : '';
    if (!check) continue;
    const normalisedValue = normalise(check).text;
    const caseSensitive = entity === 'person';
    const allowed = occurrences(exemptText, check, caseSensitive);
    if (occurrences(output, check, caseSensitive) > allowed || occurrences(normalisedOutput, normalisedValue, caseSensitive) > allowed) {
      survivors.push(a.source);
    }
  }
  return survivors;
}
