import { CLIENT_NUMBER, DATE_OF_BIRTH, LICENSE_PLATE, V_NUMBER } from '../patterns/index.js';
import { defineRecognizer } from '../recognizer.js';

/** The vreemdelingennummer, an IND client number: only with its label, the value alone. */
export const vNumberRecognizer = defineRecognizer({
  id: 'v-number',
  entity: 'v-number',
  suggestedGround: '5.1.2e',
  patterns: [{ name: 'labelled', regex: V_NUMBER, score: 0.95 }],
  requires: /v-?n|vreemdelingen/i,
  examples: [
    { text: 'V-nummer: 1234567890', expect: ['1234567890'] },
    { text: 'vreemdelingennummer 2345 678 901', expect: ['2345 678 901'] },
    { text: 'nummer 1234567890', expect: [] },
  ],
});

export const dateOfBirthRecognizer = defineRecognizer({
  id: 'date-of-birth',
  entity: 'date-of-birth',
  suggestedGround: '5.1.2e',
  patterns: [{ name: 'labelled', regex: DATE_OF_BIRTH, score: 0.95 }],
  requires: /geb/i,
  examples: [
    { text: 'geboren op 12 maart 1984 te Utrecht', expect: ['12 maart 1984'] },
    { text: 'Geboortedatum: 03-07-1990', expect: ['03-07-1990'] },
    { text: 'Datum 8 juni 2026', expect: [] },
  ],
});

export const licensePlateRecognizer = defineRecognizer({
  id: 'license-plate',
  entity: 'license-plate',
  suggestedGround: '5.1.2e',
  patterns: [{ name: 'labelled', regex: LICENSE_PLATE, score: 0.9 }],
  requires: /kenteken/i,
  examples: [
    { text: 'kenteken 12-ABC-3', expect: ['12-ABC-3'] },
    { text: 'Kenteken: XX-99-YY.', expect: ['XX-99-YY'] },
    { text: 'artikel 5.1-2-e', expect: [] },
  ],
});

/** Client, policy, passport and similar numbers of a citizen, only with their label. */
export const clientNumberRecognizer = defineRecognizer({
  id: 'client-number',
  entity: 'client-number',
  suggestedGround: '5.1.2e',
  patterns: [{ name: 'labelled', regex: CLIENT_NUMBER, score: 0.9 }],
  requires: /nummer|nr/i,
  examples: [
    { text: 'Klantnummer: 884213', expect: ['884213'] },
    { text: 'paspoortnummer NW92KL7H1', expect: ['NW92KL7H1'] },
    { text: 'relatienr. 12 345 678', expect: ['12 345 678'] },
    { text: 'Ons kenmerk 7061406', expect: [] },
    { text: 'het klantnummer is onbekend', expect: [] },
  ],
});
