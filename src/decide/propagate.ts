import type { DetectedDocument } from '../document/document.js';
import { overlaps } from '../document/span.js';
import type { Decision, EntityType, Finding } from '../document/types.js';
import { escapeRegExp } from '../detect/engine.js';

// Values that identify a person wherever they occur in the same document.
const PROPAGATED: ReadonlySet<EntityType> = new Set<EntityType>(['person', 'email', 'phone', 'bsn', 'iban', 'v-number', 'date-of-birth', 'license-plate', 'address']);
const MIN_LENGTH = 3;

/**
 * Once a value is redacted, every other occurrence of the same text in the document is redacted
 * too (case-insensitive, whole words, any run of spaces): the same name cannot be withheld in one
 * place and readable in the next. Returns the added decisions.
 */
export function propagateRedactions(doc: DetectedDocument, decisions: readonly Decision[], publicKeeps: readonly Decision[]): Decision[] {
  const redactions = decisions.filter((d): d is Extract<Decision, { action: 'redact' }> => d.action === 'redact');
  // A public official who shares a surname with a redacted civil servant stays readable.
  const blocked = [...redactions.map((d) => d.finding.span), ...publicKeeps.map((d) => d.finding.span)];
  const added: Decision[] = [];
  const seen = new Set<string>();
  for (const d of redactions) {
    if (!PROPAGATED.has(d.finding.entity)) continue;
    const value = doc.text.slice(d.finding.span.start, d.finding.span.end).trim();
    // Names are matched with their capitals ("Bakker" is not "bakker"); numbers and addresses not.
    const caseSensitive = d.finding.entity === 'person';
    const spaced = value.replace(/\s+/g, ' ');
    const key = caseSensitive ? spaced : spaced.toLowerCase();
    if (key.length < MIN_LENGTH || seen.has(key)) continue;
    seen.add(key);
    const pattern = escapeRegExp(key).replace(/ /g, '\\s+');
    const regex = new RegExp(`(?<![\\p{L}\\d])${pattern}(?![\\p{L}\\d])`, caseSensitive ? 'gu' : 'giu');
    for (const m of doc.text.matchAll(regex)) {
      const span = { start: m.index, end: m.index + m[0].length };
      if (blocked.some((b) => overlaps(b, span))) continue;
      const finding: Finding = {
        id: `propagate@${span.start}-${span.end}`,
        entity: d.finding.entity,
        span,
        detector: 'propagate',
        confidence: d.finding.confidence,
        suggestedGround: d.ground,
        ...(d.finding.personKey !== undefined ? { personKey: d.finding.personKey } : {}),
      };
      added.push({ action: 'redact', finding, ground: d.ground });
      blocked.push(span);
    }
  }
  return added;
}
