import { digitsOf, isDutchPhoneNumber } from '../validators/checksums.js';
import { breaksIn, MISREAD_PHONE_LINE, PHONE } from '../patterns/index.js';
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

/**
 * A number of ten digits on a phone line ("T", "M", "Tel.", "Mobiel" at the start of a line) that
 * is no Dutch number as written: OCR of a one-bit scan reads the leading 0 as 6, 8 or 9 ("T 66 44
 * 29 81 50"). Not sure enough to redact on its own: a review item, redacted until a person decides.
 */
export const misreadPhoneRecognizer = defineRecognizer({
  id: 'phone-misread',
  entity: 'phone',
  suggestedGround: '5.1.2e',
  patterns: [{ name: 'phone-line', regex: MISREAD_PHONE_LINE, score: 0.6 }],
  requires: /\d{2}/,
  validate: (value) => digitsOf(value).length === 10 && !isDutchPhoneNumber(value),
  examples: [
    { text: 'Contactpersoon\nT 66 44 29 81 50\nh.devries@ind.nl', expect: ['66 44 29 81 50'] },
    { text: 'M: 86-12345678', expect: ['86-12345678'] },
    // A number as written is the phone recognizer's.
    { text: 'T 06 44 29 81 50', expect: [] },
    { text: 'Postbus 16275\nTurfmarkt 147', expect: [] },
    { text: 'De T 12345678901 is een typenummer', expect: [] },
  ],
});
