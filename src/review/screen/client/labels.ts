/** The screen's words for the package's values (the package itself speaks English: it is data). */
import type { ReasonKind } from '../../../decide/reasons.js';

export const ENTITY_LABELS: Record<string, string> = {
  person: 'naam',
  email: 'e-mailadres',
  phone: 'telefoonnummer',
  bsn: 'BSN',
  iban: 'IBAN',
  'v-number': 'v-nummer',
  address: 'adres',
  'date-of-birth': 'geboortedatum',
  'license-plate': 'kenteken',
  'client-number': 'klantnummer',
  section: 'passage',
  document: 'document',
};

export const PROPOSED_LABELS = { redact: 'lakken', review: 'beoordelen', keep: 'openbaar', mixed: 'gemengd' } as const;

const CONFIDENCE = (detail: string) => `${Math.round(Number(detail) * 100)}%`;
const entity = (detail: string) => ENTITY_LABELS[detail] ?? detail;

/** Every reason kind in Dutch: a kind added to REASON_KINDS without words here does not compile. */
const REASON_WORDS: Record<ReasonKind, (detail: string) => string> = {
  'policy-keeps-entity': (d) => `het beleid laat elk(e) ${entity(d)} staan`,
  'organisation-contact': () => 'contactgegevens van de organisatie',
  'policy-contact': () => 'staat in het beleid als contactgegeven van de organisatie',
  'policy-public-official': () => 'staat in het beleid als publieke functionaris',
  'public-office': (d) => `publieke functie (${d})`,
  'role-needs-review': (d) => `functie ${d}: alleen openbaar waar de organisatie de naam zelf publiceert`,
  'policy-reviews-entity': (d) => `het beleid legt elk(e) ${entity(d)} ter beoordeling voor`,
  'below-redact-threshold': (d) => `zekerheid ${CONFIDENCE(d)}, onder de drempel om te lakken`,
  'below-review-threshold': (d) => `zekerheid ${CONFIDENCE(d)}, onder de drempel voor beoordeling`,
  reviewer: () => 'door een beoordelaar openbaar gelaten',
  'ocr-unsure': () => 'op een gescande pagina die OCR niet met zekerheid kon lezen',
};

export function reasonWords(reason: { readonly kind: ReasonKind; readonly detail: string }): string {
  return REASON_WORDS[reason.kind](reason.detail);
}
