import type { GroundCode } from '../decide/grounds.js';
import type { Reason } from '../decide/reasons.js';
import type { Span } from './span.js';

/** What a finding is. A literal union so that policies and manifests cannot name unknown types. */
export const ENTITY_TYPES = [
  'person',
  'email',
  'phone',
  'bsn',
  'iban',
  'v-number',
  'address',
  'date-of-birth',
  'license-plate',
  'client-number',
  'section',
  'document',
] as const;
export type EntityType = (typeof ENTITY_TYPES)[number];

export type SourceKind = 'text' | 'pdf';

/**
 * The character standing in a PDF's text for a whole page image OCR could not read with
 * confidence ("…", as large as the image): under review with the page's text, it withholds what
 * OCR did not read as words at all.
 */
export const UNREAD_IMAGE_MARK = '\u2026';

/** Evidence for the role a person appears in; decide turns it into keep / review / redact. */
export type RoleClass = 'public' | 'review' | 'staff';

export interface RoleContext {
  /** The role word as written in the lexicon's canonical form, e.g. "minister", "beleidsmedewerker". */
  readonly role: string;
  readonly roleClass: RoleClass;
}

export interface Finding {
  /** Stable within a document: detector id + normalised start, for deterministic ordering. */
  readonly id: string;
  readonly entity: EntityType;
  /** Offsets into the normalised text. */
  readonly span: Span;
  readonly detector: string;
  /** 0..1; the policy's thresholds turn it into redact / review. */
  readonly confidence: number;
  /** The ground the detector proposes; the policy may override it per entity type. */
  readonly suggestedGround: GroundCode;
  /** For person findings: a key shared by all mentions of the same person in the document. */
  readonly personKey?: string;
  readonly role?: RoleContext;
  /** Why the detector is unsure or certain, in words that never quote the text. */
  readonly evidence?: readonly string[];
  /** A value the policy says is organisation contact data (switchboard, info@ mailbox). */
  readonly organisational?: boolean;
}

export type Decision =
  | { readonly action: 'redact'; readonly finding: Finding; readonly ground: GroundCode }
  | { readonly action: 'review'; readonly finding: Finding; readonly ground: GroundCode; readonly reason: Reason }
  | { readonly action: 'keep'; readonly finding: Finding; readonly reason: Reason };

export type Severity = 'info' | 'warning' | 'error';
export type Stage = 'ingest' | 'normalise' | 'structure' | 'detect' | 'decide' | 'redact' | 'verify' | 'manifest';

export interface Diagnostic {
  readonly code: string;
  readonly severity: Severity;
  readonly stage: Stage;
  /** A message that never quotes document content. */
  readonly message: string;
  readonly span?: Span;
}
