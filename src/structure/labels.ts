import type { FieldLabel } from './types.js';

/**
 * How each field label is written (folded: lower case, no accents). `needsColon` marks labels that
 * are also ordinary words at a line start ("Van der Meer stelt ..."): they count only with a colon
 * or alone on their line (a letterhead column puts the value on the next line).
 */
export interface LabelForm {
  readonly label: FieldLabel;
  readonly forms: readonly string[];
  readonly needsColon: boolean;
  /** Part of an e-mail header block (Van/Verzonden/Aan/CC/Onderwerp). */
  readonly emailHeader: boolean;
}

export const LABEL_FORMS: readonly LabelForm[] = [
  { label: 'contactpersoon', forms: ['contactpersoon', 'contactpersonen', 'contact persoon'], needsColon: false, emailHeader: false },
  { label: 'behandeld-door', forms: ['behandeld door'], needsColon: false, emailHeader: false },
  { label: 'opgesteld-door', forms: ['opgesteld door'], needsColon: false, emailHeader: false },
  { label: 'inlichtingen-bij', forms: ['inlichtingen bij', 'inlichtingen', 'nadere inlichtingen'], needsColon: false, emailHeader: false },
  { label: 'auteur', forms: ['auteur', 'auteurs'], needsColon: true, emailHeader: false },
  { label: 'paraaf', forms: ['paraaf', 'parafen', 'geparafeerd', 'geparafeerd door', 'vastgesteld door', 'goedgekeurd door', 'gecontroleerd door', 'akkoord', 'akkoord door', 'ondertekend door', 'handtekening'], needsColon: true, emailHeader: false },
  { label: 'aanwezig', forms: ['aanwezig', 'aanwezigen', 'afwezig', 'afwezigen', 'deelnemers', 'afgemeld', 'afmeldingen', 'notulist', 'notulen', 'verslag', 'verslaglegging'], needsColon: true, emailHeader: false },
  { label: 'naam', forms: ['naam', 'volledige naam', 'voornaam', 'voornamen', 'achternaam', 'voorletters', 'naam medewerker', 'naam behandelaar', 'naam aanvrager', 'naam verzoeker', 'aanvrager', 'verzoeker', 'melder', 'klager', 'betrokkene', 'naam betrokkene', 'ondertekenaar'], needsColon: true, emailHeader: false },
  { label: 'datum', forms: ['datum'], needsColon: false, emailHeader: false },
  { label: 'ons-kenmerk', forms: ['ons kenmerk', 'kenmerk'], needsColon: false, emailHeader: false },
  { label: 'uw-kenmerk', forms: ['uw kenmerk'], needsColon: false, emailHeader: false },
  { label: 'aan', forms: ['aan', 'to', 'geadresseerde'], needsColon: true, emailHeader: true },
  { label: 'van', forms: ['van', 'from', 'afzender'], needsColon: true, emailHeader: true },
  { label: 'cc', forms: ['cc', 'kopie aan', 'kopie'], needsColon: true, emailHeader: true },
  { label: 'bcc', forms: ['bcc'], needsColon: true, emailHeader: true },
  { label: 'verzonden', forms: ['verzonden', 'sent', 'datum verzonden', 'verstuurd'], needsColon: true, emailHeader: true },
  { label: 'onderwerp', forms: ['onderwerp', 'subject', 'betreft'], needsColon: true, emailHeader: true },
  { label: 'bijlagen', forms: ['bijlage(n)', 'bijlagen', 'bijlage', 'attachments'], needsColon: true, emailHeader: true },
  { label: 'telefoon', forms: ['telefoon', 'telefoonnummer', 'tel', 'tel.', 't'], needsColon: true, emailHeader: false },
  { label: 'mobiel', forms: ['mobiel', 'mobiel nummer', 'mob', 'm'], needsColon: true, emailHeader: false },
  { label: 'e-mail', forms: ['e-mail', 'email', 'e-mailadres', 'e'], needsColon: true, emailHeader: false },
];

/** Fields whose value is a person (when it looks like a name and no role words). */
export const PERSON_FIELDS: ReadonlySet<FieldLabel> = new Set<FieldLabel>([
  'contactpersoon',
  'behandeld-door',
  'opgesteld-door',
  'inlichtingen-bij',
  'auteur',
  'paraaf',
  'aanwezig',
  'naam',
  'aan',
  'van',
  'cc',
  'bcc',
]);
