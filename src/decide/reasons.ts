/**
 * Why a finding is kept or sent to review: a kind that code can test, and a detail in words that
 * never quote the document (an entity type, a role word from the lexicon, a confidence).
 */
export const REASON_KINDS = [
  /** The policy keeps every finding of this entity type (detail: the entity type). */
  'policy-keeps-entity',
  /** The detector marked the value as organisation contact data (switchboard, info@ mailbox). */
  'organisation-contact',
  /** The value is in the policy's list of organisation phone numbers or mailboxes. */
  'policy-contact',
  /** The name is in the policy's list of public officials. */
  'policy-public-official',
  /** The name stands next to a public office (detail: the role word). */
  'public-office',
  /** The role is public only where the organisation publishes the name (detail: the role word). */
  'role-needs-review',
  /** The policy sends every finding of this entity type to review (detail: the entity type). */
  'policy-reviews-entity',
  /** Confidence between the review and the redact threshold (detail: the confidence, 2 decimals). */
  'below-redact-threshold',
  /** Confidence below the review threshold (detail: the confidence, 2 decimals). */
  'below-review-threshold',
  /** A person decided to keep it (the decisions file); its words stay in the review package. */
  'reviewer',
  /** OCR was unsure of a scanned page in every orientation: what it read is withheld until a person reads the page. */
  'ocr-unsure',
] as const;
export type ReasonKind = (typeof REASON_KINDS)[number];

export interface Reason {
  readonly kind: ReasonKind;
  /** Empty when the kind says it all. */
  readonly detail: string;
}

export function reason(kind: ReasonKind, detail = ''): Reason {
  return { kind, detail };
}

/** The reason in words, as the manifest writes it. */
export function describeReason(r: Reason): string {
  switch (r.kind) {
    case 'policy-keeps-entity':
      return `policy keeps ${r.detail}`;
    case 'organisation-contact':
      return 'organisation contact data';
    case 'policy-contact':
      return 'listed as organisation contact data in the policy';
    case 'policy-public-official':
      return 'listed as a public official in the policy';
    case 'public-office':
      return `public office (${r.detail})`;
    case 'role-needs-review':
      return `role ${r.detail}: public only where the organisation publishes the name`;
    case 'policy-reviews-entity':
      return `policy reviews ${r.detail}`;
    case 'below-redact-threshold':
      return `confidence ${r.detail} below the redact threshold`;
    case 'below-review-threshold':
      return `confidence ${r.detail} below the review threshold`;
    case 'reviewer':
      return 'kept by a reviewer';
    case 'ocr-unsure':
      return 'on a scanned page OCR could not read with confidence';
  }
}
