import type { DecidedDocument, DetectedDocument } from '../document/document.js';
import { compareSpans, overlaps } from '../document/span.js';
import type { Decision, Diagnostic, Finding } from '../document/types.js';
import { nationalPhoneDigits } from '../detect/validators/checksums.js';
import { compareGroundCodes, type GroundCode } from './grounds.js';
import { entityRule, type Policy } from './policy.js';
import { isPublicOfficialAddress, isPublicOfficialMention } from './public-officials.js';
import { propagateRedactions } from './propagate.js';
import { reason } from './reasons.js';
import { unsurePageReviews } from './unsure-pages.js';
import { withheldParts } from './withhold.js';

function isPublicContact(finding: Finding, text: string, policy: Policy): boolean {
  const value = text.slice(finding.span.start, finding.span.end);
  if (finding.entity === 'phone') {
    const digits = nationalPhoneDigits(value);
    return policy.publicPhoneNumbers.some((n) => nationalPhoneDigits(n) === digits);
  }
  if (finding.entity === 'email') {
    const compact = value.replace(/\s+/g, '').toLowerCase();
    return policy.publicEmailAddresses.some((e) => e.trim().toLowerCase() === compact) || isPublicOfficialAddress(compact, policy.publicOfficials);
  }
  return false;
}

/** One finding, one decision, by the policy. Reasons never quote the text. */
export function decideFinding(finding: Finding, text: string, policy: Policy): Decision {
  const policyRule = entityRule(policy, finding.entity);
  // A withheld section or document carries the ground its declaration or rule names.
  const rule = finding.entity === 'section' || finding.entity === 'document' ? { ...policyRule, ground: finding.suggestedGround } : policyRule;
  if (rule.action === 'keep') return { action: 'keep', finding, reason: reason('policy-keeps-entity', finding.entity) };
  if (finding.organisational) return { action: 'keep', finding, reason: reason('organisation-contact') };
  if (isPublicContact(finding, text, policy)) return { action: 'keep', finding, reason: reason('policy-contact') };
  if (finding.entity === 'person') {
    if (isPublicOfficialMention(text.slice(finding.span.start, finding.span.end), finding.personKey, policy.publicOfficials)) {
      return { action: 'keep', finding, reason: reason('policy-public-official') };
    }
    const role = finding.role;
    if (role?.roleClass === 'public') {
      const action = policy.roles.public;
      const why = reason('public-office', role.role);
      if (action === 'keep') return { action: 'keep', finding, reason: why };
      if (action === 'review') return { action: 'review', finding, ground: rule.ground, reason: why };
      return { action: 'redact', finding, ground: rule.ground };
    }
    if (role?.roleClass === 'review') {
      const action = policy.roles.review;
      const why = reason('role-needs-review', role.role);
      if (action === 'keep') return { action: 'keep', finding, reason: why };
      if (action === 'review') return { action: 'review', finding, ground: rule.ground, reason: why };
      return { action: 'redact', finding, ground: rule.ground };
    }
  }
  if (finding.confidence >= policy.thresholds.redact) {
    if (rule.action === 'review') return { action: 'review', finding, ground: rule.ground, reason: reason('policy-reviews-entity', finding.entity) };
    return { action: 'redact', finding, ground: rule.ground };
  }
  if (finding.confidence >= policy.thresholds.review) {
    return { action: 'review', finding, ground: rule.ground, reason: reason('below-redact-threshold', finding.confidence.toFixed(2)) };
  }
  return { action: 'keep', finding, reason: reason('below-review-threshold', finding.confidence.toFixed(2)) };
}

/** A person kept readable because of a public office or the policy's allowlist. */
export function isPublicKeep(d: Decision): boolean {
  return d.action === 'keep' && d.finding.entity === 'person' && (d.finding.role?.roleClass === 'public' || d.reason.kind === 'policy-public-official');
}

const ACTION_RANK = { redact: 3, review: 2, keep: 1 } as const;

function spanOf(d: Decision) {
  return d.finding.span;
}

/**
 * Resolves overlaps: a redaction beats a review beats a keep of the same text, a wider span beats
 * a narrower one of the same action. What is left does not overlap, so redacting is unambiguous.
 */
export function resolveOverlaps(decisions: readonly Decision[]): Decision[] {
  const ranked = [...decisions].sort(
    (a, b) =>
      ACTION_RANK[b.action] - ACTION_RANK[a.action] ||
      b.finding.span.end - b.finding.span.start - (a.finding.span.end - a.finding.span.start) ||
      compareSpans(a.finding.span, b.finding.span) ||
      (a.finding.id < b.finding.id ? -1 : 1),
  );
  const taken: Decision[] = [];
  for (const d of ranked) {
    if (taken.some((t) => overlaps(spanOf(t), spanOf(d)))) continue;
    taken.push(d);
  }
  return taken.sort((a, b) => compareSpans(a.finding.span, b.finding.span) || (a.finding.id < b.finding.id ? -1 : 1));
}

/** Declaration in section 5 and redactions made must agree; where not, say so. */
export function declarationDiagnostics(doc: DetectedDocument, decisions: readonly Decision[]): Diagnostic[] {
  const declared = new Set<GroundCode>();
  for (const d of doc.structure.declarations) for (const g of d.grounds) declared.add(g);
  if (!doc.structure.withheldInfoSection && declared.size === 0) return [];
  const used = new Set<GroundCode>();
  for (const d of decisions) if (d.action === 'redact') used.add(d.ground);
  const out: Diagnostic[] = [];
  for (const g of [...used].sort(compareGroundCodes)) {
    if (!declared.has(g)) {
      out.push({ code: 'GROUND_NOT_DECLARED', severity: 'warning', stage: 'decide', message: `redactions under ${g}, which the document's section on withheld information does not declare` });
    }
  }
  for (const g of [...declared].sort(compareGroundCodes)) {
    if (!used.has(g)) {
      out.push({ code: 'DECLARED_GROUND_UNUSED', severity: 'warning', stage: 'decide', message: `the document declares ${g}, but nothing was redacted under it` });
    }
  }
  return out;
}

export function decide(doc: DetectedDocument, policy: Policy): DecidedDocument {
  const withheld = withheldParts(doc, policy);
  const all = [...doc.findings, ...withheld].map((f) => decideFinding(f, doc.text, policy));
  const resolved = resolveOverlaps(all.filter((d) => d.action !== 'keep'));
  const propagated = propagateRedactions(doc, resolved, all.filter(isPublicKeep));
  // A propagated redaction replaces a review or keep of the same text.
  const found = resolveOverlaps([...resolved, ...propagated]);
  // What OCR read on pages it was unsure of goes to review, around what is decided already.
  const unsure = unsurePageReviews(doc, found);
  const active = [...found, ...unsure];
  // A public keep that a redaction or review touches is kept no more: what the verifier allows to
  // recur is exactly the kept names that stay whole in the output.
  const keeps = all.filter((d) => d.action === 'keep' && !(isPublicKeep(d) && active.some((a) => overlaps(a.finding.span, d.finding.span))));
  const decisions = [...active, ...keeps];
  decisions.sort((a, b) => compareSpans(a.finding.span, b.finding.span) || (a.finding.id < b.finding.id ? -1 : a.finding.id > b.finding.id ? 1 : 0));
  return {
    ...doc,
    findings: [...doc.findings, ...withheld, ...propagated.map((d) => d.finding), ...unsure.map((d) => d.finding)].sort((a, b) => compareSpans(a.span, b.span) || (a.id < b.id ? -1 : 1)),
    decisions,
    diagnostics: [...doc.diagnostics, ...declarationDiagnostics(doc, decisions)],
  };
}
