import type { DetectedDocument } from '../document/document.js';
import type { Span } from '../document/span.js';
import type { Decision, EntityType, Finding } from '../document/types.js';
import { findValues, valueKey } from '../document/value-search.js';

// Values that identify a person wherever they occur in the same document.
const PROPAGATED: ReadonlySet<EntityType> = new Set<EntityType>(['person', 'email', 'phone', 'bsn', 'iban', 'v-number', 'date-of-birth', 'license-plate', 'client-number', 'address']);
const MIN_LENGTH = 3;

type Active = Extract<Decision, { action: 'redact' | 'review' }>;

/**
 * Once a value is redacted, every other occurrence of the same text in the document is redacted
 * too (case-insensitive, whole words, any run of spaces): the same name cannot be withheld in one
 * place and readable in the next. A value sent to review sends its other occurrences to review
 * with it, for the same reason (shown redacted until a person decides, they must all go). A value
 * both redacted and reviewed is redacted everywhere. Returns the added decisions.
 *
 * Kept on purpose (a public official) stays only an occurrence that lies wholly inside a kept
 * name: one that is more than the value ("Jeroen" inside the minister's "Jeroen Zandvoort"),
 * or one written alike that has its own office beside it ("secretaris-generaal Bakker" while a
 * colleague Bakker is redacted; never a first name alone). A kept span written exactly as a
 * redacted or reviewed value whose office was only inherited from another mention (the
 * minister's bare "De Vries" further on, a shared first name) cannot be told apart: it goes too,
 * as does an occurrence that only partly overlaps a kept name or a redaction (its characters not
 * yet gone). Uncertain means redacted; decide then drops the keeps a redaction touches, so that
 * what the verifier allows to recur is exactly what stays readable.
 */
export function propagateRedactions(doc: DetectedDocument, decisions: readonly Decision[], publicKeeps: readonly Decision[]): Decision[] {
  const text = doc.text;
  const redactions = decisions.filter((d): d is Extract<Decision, { action: 'redact' }> => d.action === 'redact');
  const reviews = decisions.filter((d): d is Extract<Decision, { action: 'review' }> => d.action === 'review');
  const gone = new Uint8Array(text.length);
  for (const d of redactions) gone.fill(1, d.finding.span.start, d.finding.span.end);

  const contestedNames = new Set([...redactions, ...reviews].filter((d) => d.finding.entity === 'person').map((d) => valueKey(text.slice(d.finding.span.start, d.finding.span.end), true)));
  const kept = new Uint8Array(text.length);
  for (const k of publicKeeps) {
    if (!keptOnOwnEvidence(k) && contestedNames.has(valueKey(text.slice(k.finding.span.start, k.finding.span.end), true))) continue;
    kept.fill(1, k.finding.span.start, k.finding.span.end);
  }
  const whollyIn = (mask: Uint8Array, s: Span) => {
    for (let i = s.start; i < s.end; i++) if (!mask[i]) return false;
    return true;
  };

  const added: Decision[] = [];
  const spread = (sourceDecisions: readonly Active[]) => {
    // Names are matched with their capitals ("Bakker" is not "bakker"); numbers and addresses not.
    for (const caseSensitive of [true, false]) {
      const sources = new Map<string, Active>();
      for (const d of sourceDecisions) {
        if (!PROPAGATED.has(d.finding.entity) || (d.finding.entity === 'person') !== caseSensitive) continue;
        const key = valueKey(text.slice(d.finding.span.start, d.finding.span.end), caseSensitive);
        if (key.length >= MIN_LENGTH && !sources.has(key)) sources.set(key, d);
      }
      if (sources.size === 0) continue;
      const occurrences = findValues(text, [...sources.keys()], caseSensitive);
      for (const [key, spans] of occurrences) {
        const d = sources.get(key);
        if (!d) continue;
        for (const span of spans) {
          if (whollyIn(gone, span) || whollyIn(kept, span)) continue;
          // Only the characters not yet gone: the decisions it touches stay as they are.
          for (const part of uncoveredParts(text, span, gone)) {
            const finding: Finding = {
              id: `propagate@${part.start}-${part.end}`,
              entity: d.finding.entity,
              span: part,
              detector: 'propagate',
              confidence: d.finding.confidence,
              suggestedGround: d.ground,
              ...(d.finding.personKey !== undefined ? { personKey: d.finding.personKey } : {}),
            };
            added.push(d.action === 'redact' ? { action: 'redact', finding, ground: d.ground } : { action: 'review', finding, ground: d.ground, reason: d.reason });
            gone.fill(1, part.start, part.end);
          }
        }
      }
    }
  };
  spread(redactions);
  // Then reviewed values, around everything already redacted or reviewed.
  for (const d of reviews) gone.fill(1, d.finding.span.start, d.finding.span.end);
  spread(reviews);
  return added.sort((a, b) => a.finding.span.start - b.finding.span.start);
}

/**
 * A keep that stands on evidence at its own place: the office next to the name ("secretaris-
 * generaal Bakker", "motie-Bakker") or the policy's list. A keep whose office was only inherited
 * from another mention of the same key ("known-public"), or a first name alone, cannot tell two
 * people apart.
 */
function keptOnOwnEvidence(k: Decision): boolean {
  if (k.action !== 'keep') return false;
  // The policy's list, or a person who decided (apply): kept on that evidence.
  if (k.reason.kind === 'policy-public-official' || k.reason.kind === 'reviewer') return true;
  if (k.finding.personKey?.startsWith('given:') || k.finding.evidence?.includes('mention:given-name')) return false;
  const role = k.finding.role;
  return role !== undefined && !role.role.startsWith('known-');
}

/** The runs of `span` not yet gone, without the spaces at their edges. */
function uncoveredParts(text: string, span: Span, gone: Uint8Array): Span[] {
  const parts: Span[] = [];
  let i = span.start;
  while (i < span.end) {
    while (i < span.end && (gone[i] || /\s/.test(text[i] as string))) i++;
    let j = i;
    while (j < span.end && !gone[j]) j++;
    let end = j;
    while (end > i && /\s/.test(text[end - 1] as string)) end--;
    if (end > i) parts.push({ start: i, end });
    i = j;
  }
  return parts;
}
