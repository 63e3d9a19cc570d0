import type { GroundCode } from '../decide/grounds.js';
import type { Span } from '../document/span.js';

/** Labels of letterhead fields and e-mail headers, canonical forms. */
export const FIELD_LABELS = [
  'contactpersoon',
  'behandeld-door',
  'opgesteld-door',
  'inlichtingen-bij',
  'auteur',
  'paraaf',
  'aanwezig',
  'naam',
  'datum',
  'ons-kenmerk',
  'uw-kenmerk',
  'aan',
  'van',
  'cc',
  'bcc',
  'verzonden',
  'onderwerp',
  'bijlagen',
  'telefoon',
  'mobiel',
  'e-mail',
] as const;
export type FieldLabel = (typeof FIELD_LABELS)[number];

export interface LabelledField {
  readonly label: FieldLabel;
  readonly labelSpan: Span;
  /** The value: the rest of the line, or the next line in a letterhead column. */
  readonly value: Span;
  readonly inEmailHeader: boolean;
}

export interface Section {
  /** "5", "4.1". */
  readonly number: string;
  readonly title: string;
  readonly heading: Span;
  /** From the end of the heading line to the next heading of the same or a higher level. */
  readonly body: Span;
  readonly withheldInfoSection: boolean;
}

export type DeclarationScope =
  | { readonly kind: 'general' }
  | { readonly kind: 'section'; readonly ref: string }
  | { readonly kind: 'attachment'; readonly ref: string }
  | { readonly kind: 'document' };

export interface Declaration {
  readonly grounds: readonly GroundCode[];
  readonly scope: DeclarationScope;
  /** The sentence that declares it. */
  readonly span: Span;
}

export interface NotaStructure {
  readonly fields: readonly LabelledField[];
  readonly sections: readonly Section[];
  /** Section 5 "Informatie die niet openbaar gemaakt kan worden", if the document has one. */
  readonly withheldInfoSection?: Section;
  readonly declarations: readonly Declaration[];
  readonly emailHeaders: readonly Span[];
  /** Lines after a closing ("Met vriendelijke groet,") that hold a name, function and contact data. */
  readonly signatures: readonly Span[];
}
