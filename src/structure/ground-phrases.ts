import type { GroundCode } from '../decide/grounds.js';

/**
 * Phrases by which section 5 of a nota (and decision letters) declare a ground in prose, folded
 * (lower case, no accents). Matched fuzzily, so OCR damage does not lose a declaration. Longer,
 * more specific phrases come first: "bijzondere persoonsgegevens" must win over "persoonsgegevens".
 */
export const GROUND_PHRASES: readonly { readonly phrase: string; readonly code: GroundCode }[] = [
  { phrase: 'eenheid van de kroon', code: '5.1.1a' },
  { phrase: 'veiligheid van de staat', code: '5.1.1b' },
  { phrase: 'vertrouwelijk meegedeelde bedrijfs- en fabricagegegevens', code: '5.1.1c' },
  { phrase: 'vertrouwelijk verstrekte bedrijfs- en fabricagegegevens', code: '5.1.1c' },
  { phrase: 'vertrouwelijk aan de overheid meegedeeld', code: '5.1.1c' },
  { phrase: 'bijzondere persoonsgegevens', code: '5.1.1d' },
  { phrase: 'identificatienummer', code: '5.1.1e' },
  { phrase: 'burgerservicenummer', code: '5.1.1e' },
  { phrase: 'betrekkingen van nederland met andere staten', code: '5.1.2a' },
  { phrase: 'betrekkingen met andere staten', code: '5.1.2a' },
  { phrase: 'internationale organisaties', code: '5.1.2a' },
  { phrase: 'economische of financiele belangen van de staat', code: '5.1.2b' },
  { phrase: 'financiele belangen van de staat', code: '5.1.2b' },
  { phrase: 'opsporing en vervolging van strafbare feiten', code: '5.1.2c' },
  { phrase: 'inspectie, controle en toezicht', code: '5.1.2d' },
  { phrase: 'persoonlijke levenssfeer', code: '5.1.2e' },
  { phrase: 'persoonsgegevens', code: '5.1.2e' },
  { phrase: 'namen van ambtenaren', code: '5.1.2e' },
  { phrase: 'concurrentiegevoelige', code: '5.1.2f' },
  { phrase: 'bescherming van het milieu', code: '5.1.2g' },
  { phrase: 'beveiliging van personen', code: '5.1.2h' },
  { phrase: 'voorkomen van sabotage', code: '5.1.2h' },
  { phrase: 'goed functioneren van de staat', code: '5.1.2i' },
  { phrase: 'goed functioneren van het bestuursorgaan', code: '5.1.2i' },
  { phrase: 'onevenredige benadeling', code: '5.1.5' },
  { phrase: 'onevenredig benadeeld', code: '5.1.5' },
  { phrase: 'persoonlijke beleidsopvattingen', code: '5.2' },
  { phrase: 'intern beraad', code: '5.2' },
];

/** Phrases that make a structure-less sentence a refusal ("... wordt niet openbaar gemaakt"). */
export const WITHHOLDING_PHRASES: readonly string[] = [
  'niet openbaar',
  'niet openbaar gemaakt',
  'wordt geweigerd',
  'worden geweigerd',
  'valt onder',
  'vallen onder',
  'gelakt',
  'weggelakt',
];

/** Title of the nota section that declares what is withheld, and shorter forms of it. */
export const WITHHELD_SECTION_TITLES: readonly string[] = [
  'informatie die niet openbaar gemaakt kan worden',
  'informatie die niet openbaar kan worden gemaakt',
  'niet openbaar te maken informatie',
  'openbaarmaking',
  'woo-paragraaf',
  'wob-paragraaf',
];
