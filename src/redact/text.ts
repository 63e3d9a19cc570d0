import type { AppliedRedaction, DecidedDocument } from '../document/document.js';
import type { GroundCode } from '../decide/grounds.js';
import type { Policy } from '../decide/policy.js';
import { allMatches } from '../util/regex.js';

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

// A line or page break inside a redacted value, with the indentation around it: layout, not data.
const LAYOUT_BREAK = /[ \t\u00A0]*(?:\r\n|\r|\n|\f)+[ \t\u00A0]*/g;

/** The code in brackets for each part of a value on its own line; the breaks between stay. */
function boxed(value: string, label: string): string {
  if (!/[\r\n\f]/.test(value)) return label;
  const parts: string[] = [];
  let cursor = 0;
  for (const m of allMatches(LAYOUT_BREAK, value)) {
    if (m.index > cursor) parts.push(label);
    parts.push(m[0]);
    cursor = m.index + m[0].length;
  }
  if (cursor < value.length) parts.push(label);
  return parts.join('');
}

/**
 * Replaces every applied redaction in the source text by its code in brackets ("[5.1.2e]");
 * everything else stays byte-identical. A value wrapped across a line or page break
 * ("NL92 ABNA\n0410 5561 57") gets a code on each line and keeps its break, so lines and pages
 * stay where they were (a withheld passage stays one code). Source spans that touch the same characters (two normalised spans from
 * one ligature) are merged first.
 */
export function redactSourceText(sourceText: string, applied: readonly AppliedRedaction[]): string {
  const parts: string[] = [];
  let cursor = 0;
  for (const a of applied) {
    if (a.source.end <= cursor) continue;
    const start = Math.max(a.source.start, cursor);
    const label = boxLabel(a.decision.ground);
    // A withheld section or document is one passage: one code for all of it.
    const passage = a.decision.finding.entity === 'section' || a.decision.finding.entity === 'document';
    parts.push(sourceText.slice(cursor, start), passage ? label : boxed(sourceText.slice(start, a.source.end), label));
    cursor = a.source.end;
  }
  parts.push(sourceText.slice(cursor));
  return parts.join('');
}
