import { nationalPhoneDigits, isDutchPhoneNumber } from '../validators/checksums.js';
import { breaksIn, PHONE } from '../patterns/index.js';
import { defineRecognizer } from '../recognizer.js';
import { lineBefore } from '../engine.js';

// Service numbers are organisational by nature: nobody has a personal 0800 or 0900 line.
const SERVICE_PREFIXES = ['0800', '0900', '0906', '0909'];
// 088 and 085 are organisation-wide numbers; only with a direct-line label are they someone's.
const ORGANISATION_PREFIXES = ['088', '085'];
const DIRECT_LINE = /(?:^|[^\p{L}])(?:t|m|tel|telefoon|mobiel|direct|doorkies(?:nummer)?)\.?:?\s*$/u;

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
  organisational: (value, ctx, span) => {
    const digits = nationalPhoneDigits(value);
    if (SERVICE_PREFIXES.some((p) => digits.startsWith(p))) return true;
    return ORGANISATION_PREFIXES.some((p) => digits.startsWith(p)) && !DIRECT_LINE.test(lineBefore(ctx.text, span.start, 20));
  },
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
  ],
});
