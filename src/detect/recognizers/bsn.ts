import { digitsOf, isValidBsn } from '../validators/checksums.js';
import { NINE_DIGITS } from '../patterns/index.js';
import { defineRecognizer } from '../recognizer.js';

export const bsnRecognizer = defineRecognizer({
  id: 'bsn',
  entity: 'bsn',
  suggestedGround: '5.1.1e',
  // Without a label a 9-digit number that passes the elfproef is still likely a BSN in these
  // documents, but one in eleven random numbers passes too: the policy decides what that score means.
  patterns: [{ name: 'nine-digits', regex: NINE_DIGITS, score: 0.7 }],
  context: ['bsn', 'burgerservicenummer', 'burger service nummer', 'sofinummer', 'sofi-nummer', 'persoonsnummer', 'bsn-nummer'],
  contextScore: 0.97,
  vetoContext: ['kenmerk', 'zaaknummer', 'dossiernummer', 'referentie', 'factuurnummer', 'kvk', 'kvk-nummer', 'btw', 'iban', 'rekeningnummer', 'telefoon', 'tel', 'v-nummer', 'vreemdelingennummer', 'ordernummer', 'kamerstuk', 'nr', 'postbus'],
  contextWindow: 40,
  validate: (value) => isValidBsn(digitsOf(value)),
  examples: [
    { text: 'BSN: 111222333', expect: ['111222333'] },
    { text: 'burgerservicenummer 1112.22.333', expect: ['1112.22.333'] },
    { text: 'BSN 123456789', expect: [] },
    { text: 'Ons kenmerk 111222333', expect: [] },
    { text: 'Postbus 16275', expect: [] },
    { text: 'Kamerstuk 19 637, nr. 2740', expect: [] },
  ],
});
