import { isValidIban } from '../validators/checksums.js';
import { breaksIn, IBAN } from '../patterns/index.js';
import { defineRecognizer } from '../recognizer.js';

export const ibanRecognizer = defineRecognizer({
  id: 'iban',
  entity: 'iban',
  suggestedGround: '5.1.2e',
  patterns: [{ name: 'iban', regex: IBAN, score: 0.95 }],
  // One break inside is layout (a wrapped line, a page turn); mod-97 still decides.
  validate: (value) => isValidIban(value) && breaksIn(value) <= 1,
  examples: [
    { text: 'IBAN NL91 ABNA 0417 1643 00', expect: ['NL91 ABNA 0417 1643 00'] },
    { text: 'rekening NL91ABNA0417164300.', expect: ['NL91ABNA0417164300'] },
    { text: 'IBAN NL91 ABNA 0417 1643 01', expect: [] },
    { text: 'IBAN NL91 ABNA \n0417 1643 00', expect: ['NL91 ABNA \n0417 1643 00'] },
  ],
});
