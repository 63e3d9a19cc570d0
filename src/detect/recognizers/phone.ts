import { isDutchPhoneNumber } from '../validators/checksums.js';
import { breaksIn, PHONE } from '../patterns/index.js';
import { defineRecognizer } from '../recognizer.js';
import { isOrganisationPhone } from './organisation-phone.js';

export const phoneRecognizer = defineRecognizer({
  id: 'phone',
  entity: 'phone',
  suggestedGround: '5.1.2e',
  patterns: [{ name: 'dutch-number', regex: PHONE, score: 0.85 }],
  context: ['t', 'm', 'tel', 'telefoon', 'telefoonnummer', 'mobiel', 'mob', 'gsm', 'bel', 'bellen', 'bereikbaar', 'direct', 'doorkiesnummer', 'whatsapp'],
  contextScore: 0.95,
  vetoContext: ['kenmerk', 'ons kenmerk', 'uw kenmerk', 'zaaknummer', 'dossiernummer', 'referentie', 'factuurnummer', 'nr', 'nummer', 'bsn', 'iban', 'rekeningnummer', 'kvk', 'v-nummer', 'klantnummer', 'relatienummer', 'ordernummer'],
  contextWindow: 30,
  // One break inside a number is layout; more is a column of figures.
  validate: (value) => isDutchPhoneNumber(value) && breaksIn(value) <= 1,
  organisational: isOrganisationPhone,
  examples: [
    { text: 'T 06 12345678', expect: ['06 12345678'] },
    { text: 'M: +31 6 1234 5678', expect: ['+31 6 1234 5678'] },
    { text: 'Mobiel +31 (0)6 44 29 81 50', expect: ['+31 (0)6 44 29 81 50'] },
    { text: 'Tel. (0297) 38 75 75', expect: ['(0297) 38 75 75'] },
    { text: 'bel 070 123 4567 of 06-12345678', expect: ['070 123 4567', '06-12345678'] },
    { text: 'Ons kenmerk 7061406', expect: [] },
    { text: 'Ons kenmerk 0612345678', expect: [] },
    { text: 'Postbus 16275', expect: [] },
    { text: 'Kamerstuk 19 637, nr. 2740', expect: [] },
    { text: 'kenmerk 7061406/7559016', expect: [] },
    { text: 'T 06 1234\n5678', expect: ['06 1234\n5678'] },
    { text: 'nummers\n01\n02\n03\n04\n05', expect: [] },
    // OCR of a scanned leading 0.
    { text: 'T ©6 44 29 81 50', expect: ['©6 44 29 81 50'] },
    { text: 'M O6-12345678', expect: ['O6-12345678'] },
    { text: 'code TO6 12345678', expect: [] },
    { text: 'T\n-06 44298150', expect: ['06 44298150'] },
    { text: 'zaak 2024-0612345678', expect: [] },
  ],
});
