import type { Recognizer } from './recognizer.js';
import { addressRecognizer } from './recognizers/address.js';
import { bsnRecognizer } from './recognizers/bsn.js';
import { emailRecognizer } from './recognizers/email.js';
import { ibanRecognizer } from './recognizers/iban.js';
import { clientNumberRecognizer, dateOfBirthRecognizer, licensePlateRecognizer, vNumberRecognizer } from './recognizers/labelled-values.js';
import { initialsRecognizer, personRecognizer } from './recognizers/person.js';
import { misreadPhoneRecognizer, phoneRecognizer } from './recognizers/phone.js';

/** The built-in recognizers, frozen; callers add their own through the options, not by mutation. */
export const DEFAULT_RECOGNIZERS: readonly Recognizer[] = Object.freeze([
  emailRecognizer,
  phoneRecognizer,
  misreadPhoneRecognizer,
  bsnRecognizer,
  ibanRecognizer,
  vNumberRecognizer,
  dateOfBirthRecognizer,
  licensePlateRecognizer,
  clientNumberRecognizer,
  addressRecognizer,
  personRecognizer,
  initialsRecognizer,
]);
