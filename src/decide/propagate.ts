import type { DetectedDocument } from '../document/document.js';
import type { Decision, EntityType, Finding } from '../document/types.js';
import { findValues, valueKey } from '../document/value-search.js';

// Values that identify a person wherever they occur in the same document.
const PROPAGATED: ReadonlySet<EntityType> = new Set<EntityType>(['person', 'email', 'phone', 'bsn', 'iban', 'v-number', 'date-of-birth', 'license-plate', 'client-number', 'address']);
const MIN_LENGTH = 3;

/**
 * Once a value is redacted, every other occurrence of the same text in the document is redacted
 * too (case-insensitive, whole words, any run of spaces): the same name cannot be withheld in one
 * place and readable in the next. A value sent to review sends its other occurrences to review
 * with it, for the same reason (shown redacted until a person decides, they must all go). A value
 * both redacted and reviewed is redacted everywhere. Returns the added decisions.
 */
export function propagateRedactions(doc: DetectedDocument, decisions: readonly Decision[], publicKeeps: readonly Decision[]): Decision[] {
  type Active = Extract<Decision, { action: 'redact' | 'review' }>;
  const redactions = decisions.filter((d): d is Extract<Decision, { action: 'redact' }> => d.action === 'redact');
  const reviews = decisions.filter((d): d is Extract<Decision, { action: 'review' }> => d.action === 'review');
  // Characters already redacted, or kept on purpose: a public official who shares a surname with
  // a redacted civil servant stays readable. A reviewed occurrence of a redacted value is redacted.
  const blocked = new Uint8Array(doc.text.length);
  for (const d of [...redactions, ...publicKeeps]) blocked.fill(1, d.finding.span.start, d.finding.span.end);
  const isBlocked = (s: { start: number; end: number }) => {
    for (let i = s.start; i < s.end; i++) if (blocked[i]) return true;
    return false;
  };
  const added: Decision[] = [];
  const spread = (sourceDecisions: readonly Active[]) => {
    // Names are matched with their capitals ("Bakker" is not "bakker"); numbers and addresses not.
    for (const caseSensitive of [true, false]) {
      const sources = new Map<string, Active>();
      for (const d of sourceDecisions) {
        if (!PROPAGATED.has(d.finding.entity) || (d.finding.entity === 'person') !== caseSensitive) continue;
        const key = valueKey(doc.text.slice(d.finding.span.start, d.finding.span.end), caseSensitive);
        if (key.length >= MIN_LENGTH && !sources.has(key)) sources.set(key, d);
      }
      if (sources.size === 0) continue;
      const occurrences = findValues(doc.text, [...sources.keys()], caseSensitive);
      for (const [key, spans] of occurrences) {
        const d = sources.get(key);
        if (!d) continue;
        for (const span of spans) {
          if (isBlocked(span)) continue;
          const finding: Finding = {
            id: `propagate@${span.start}-${span.end}`,
            entity: d.finding.entity,
            span,
            detector: 'propagate',
            confidence: d.finding.confidence,
            suggestedGround: d.ground,
            ...(d.finding.personKey !== undefined ? { personKey: d.finding.personKey } : {}),
          };
          added.push(d.action === 'redact' ? { action: 'redact', finding, ground: d.ground } : { action: 'review', finding, ground: d.ground, reason: d.reason });
          blocked.fill(1, span.start, span.end);
        }
      }
    }
  };
  spread(redactions);
  // Then reviewed values, around everything already redacted or reviewed.
  for (const d of reviews) blocked.fill(1, d.finding.span.start, d.finding.span.end);
  spread(reviews);
  return added.sort((a, b) => a.finding.span.start - b.finding.span.start);
}
