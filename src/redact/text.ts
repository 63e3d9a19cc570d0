import type { AppliedRedaction, DecidedDocument } from '../document/document.js';
import type { GroundCode } from '../decide/grounds.js';
import type { Policy } from '../decide/policy.js';

export type { AppliedRedaction };

export function boxLabel(ground: GroundCode): string {
  return `[${ground}]`;
}

/** The decisions whose text leaves the output: redactions, and reviews when the policy says so. */
export function appliedDecisions(doc: DecidedDocument, policy: Policy): AppliedRedaction[] {
  const out: AppliedRedaction[] = [];
  for (const d of doc.decisions) {
    if (d.action === 'redact' || (d.action === 'review' && policy.reviewedAs === 'redact')) {
      out.push({ decision: d, source: doc.map.toSource(d.finding.span) });
    }
  }
  out.sort((a, b) => a.source.start - b.source.start || a.source.end - b.source.end);
  return out;
}

/**
 * Replaces every applied redaction in the source text by its code in brackets ("[5.1.2e]");
 * everything else stays byte-identical. Source spans that touch the same characters (two
 * normalised spans from one ligature) are merged first.
 */
export function redactSourceText(sourceText: string, applied: readonly AppliedRedaction[]): string {
  const parts: string[] = [];
  let cursor = 0;
  for (const a of applied) {
    if (a.source.end <= cursor) continue;
    parts.push(sourceText.slice(cursor, Math.max(a.source.start, cursor)), boxLabel(a.decision.ground));
    cursor = a.source.end;
  }
  parts.push(sourceText.slice(cursor));
  return parts.join('');
}
