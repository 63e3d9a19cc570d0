import { escapeRegExp } from '../detect/engine.js';
import type { Span } from '../document/span.js';
import { normalise } from '../normalise/normalise.js';
import type { AppliedRedaction } from '../redact/text.js';

// Whole sections are checked by their words elsewhere; a section body is prose whose phrases may
// legitimately recur ("de Tweede Kamer"), so only values that identify are checked verbatim.
const CHECKED_ENTITIES = new Set(['person', 'email', 'phone', 'bsn', 'iban', 'v-number', 'date-of-birth', 'license-plate', 'address']);
const MIN_LENGTH = 3;

function survives(haystack: string, value: string, caseSensitive: boolean): boolean {
  const key = value.trim().replace(/\s+/g, ' ');
  if (key.length < MIN_LENGTH) return false;
  const pattern = escapeRegExp(key).replace(/ /g, '\\s+');
  return new RegExp(`(?<![\\p{L}\\d])${pattern}(?![\\p{L}\\d])`, caseSensitive ? 'u' : 'iu').test(haystack);
}

/**
 * Re-reads the redacted output and returns the source spans of redactions whose text can still be
 * found in it, in its exact or its normalised form (case-insensitive, any spacing). For sections,
 * the output must not contain the section's text at all.
 */
export function findSurvivors(sourceText: string, output: string, applied: readonly AppliedRedaction[]): Span[] {
  const normalisedOutput = normalise(output).text;
  const survivors: Span[] = [];
  for (const a of applied) {
    const value = sourceText.slice(a.source.start, a.source.end);
    const entity = a.decision.finding.entity;
    const check = CHECKED_ENTITIES.has(entity) ? value : value.length >= 40 ? value : '';
    if (!check) continue;
    const normalisedValue = normalise(check).text;
    const caseSensitive = entity === 'person';
    if (survives(output, check, caseSensitive) || survives(normalisedOutput, normalisedValue, caseSensitive)) survivors.push(a.source);
  }
  return survivors;
}
