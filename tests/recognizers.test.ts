import { describe, expect, it } from 'vitest';
import { DEFAULT_RECOGNIZERS } from '../src/detect/registry.js';
import { emailRecognizer } from '../src/detect/recognizers/email.js';
import { phoneRecognizer } from '../src/detect/recognizers/phone.js';
import { bsnRecognizer } from '../src/detect/recognizers/bsn.js';
import { ibanRecognizer } from '../src/detect/recognizers/iban.js';
import { vNumberRecognizer, dateOfBirthRecognizer, licensePlateRecognizer } from '../src/detect/recognizers/labelled-values.js';
import { addressRecognizer } from '../src/detect/recognizers/address.js';
import { isValidBsn, isValidIban } from '../src/detect/validators/checksums.js';
import { found } from './helpers.js';

// Every recognizer carries its own examples; they run here as a table.
describe.each(DEFAULT_RECOGNIZERS.map((r) => [r.id, r] as const))('recognizer %s: own examples', (_id, recognizer) => {
  it.each(recognizer.examples.map((e) => [e.text, e.expect] as const))('%j', (text, expected) => {
    expect(found(recognizer, text, { includeOrganisational: recognizer.id === 'address' })).toEqual(expected);
  });
});

describe('e-mail', () => {
  it.each([
    ['Van: Jan <j.devries@minbzk.nl>', ['j.devries@minbzk.nl']],
    ['mail: anouk.schouten@rvo.nl.', ['anouk.schouten@rvo.nl']],
    ['OCR: s.chen@minfin.n1 en verder', ['s.chen@minfin.n1']],
    ['meerdere: a.b@ind.nl; c.d@ind.nl', ['a.b@ind.nl', 'c.d@ind.nl']],
    ['geen adres: www.rijksoverheid.nl', []],
    ['Kamerstuk 19 637, nr. 2740', []],
  ])('%j', (text, expected) => expect(found(emailRecognizer, text)).toEqual(expected));

  it.each(['info@ind.nl', 'woo@minvws.nl', 'postbus@minbzk.nl'])('%s is an organisation mailbox', (address) => {
    expect(found(emailRecognizer, `Mail naar ${address}`)).toEqual([]);
    expect(found(emailRecognizer, `Mail naar ${address}`, { includeOrganisational: true })).toEqual([address]);
  });
});

describe('phone', () => {
  it.each([
    ['06-12345678', ['06-12345678']],
    ['06 12 34 56 78', ['06 12 34 56 78']],
    ['+31 6 1234 5678', ['+31 6 1234 5678']],
    ['+31 (0)6 44 29 81 50', ['+31 (0)6 44 29 81 50']],
    ['0031 70 123 4567', ['0031 70 123 4567']],
    ['070 123 4567', ['070 123 4567']],
    ['(0297) 38 75 75', ['(0297) 38 75 75']],
    ['T 06 12345678', ['06 12345678']],
    ['M: +31 6 1234 5678', ['+31 6 1234 5678']],
    ['Tel.: 070-3456789', ['070-3456789']],
    ['tel. nr. 0612345678', ['0612345678']],
    ['Mobiel +31\n(0)6 61 85 10 85', ['+31\n(0)6 61 85 10 85']],
    ['Ons kenmerk 7061406', []],
    ['Ons kenmerk 0612345678', []],
    ['Zaaknummer: 0701234567', []],
    ['Postbus 16275', []],
    ['2500 BG Den Haag', []],
    ['Kamerstuk 19 637, nr. 2740', []],
    ['kenmerk 7061406/7559016', []],
    ['bedrag 06,12345678', []],
    ['in 2023 en 2024 waren er 140.210 aanvragen', []],
    ['06-1234567', []],
  ])('%j', (text, expected) => expect(found(phoneRecognizer, text)).toEqual(expected));

  it('marks service and organisation-wide numbers as organisational', () => {
    expect(found(phoneRecognizer, 'Bel 0800 123 4567 of 088 043 0430')).toEqual([]);
    // "T" is a letterhead's label for any number; a direct-line label makes an 088 number someone's.
    expect(found(phoneRecognizer, 'T 088 043 0430')).toEqual([]);
    expect(found(phoneRecognizer, 'Doorkiesnummer 088 043 0430')).toEqual(['088 043 0430']);
  });
});

describe('BSN', () => {
  it.each([
    ['111222333', true],
    ['123456782', true],
    ['123456789', false],
    ['000000000', false],
    ['12345678', false],
  ])('elfproef %s -> %s', (digits, valid) => expect(isValidBsn(digits)).toBe(valid));

  it.each([
    ['BSN: 123456782', ['123456782']],
    ['burgerservicenummer 1234.56.782', ['1234.56.782']],
    ['sofinummer 123 456 782', ['123 456 782']],
    ['het nummer 123456782 staat in het dossier', ['123456782']],
    ['BSN 123456789', []],
    ['Ons kenmerk 123456782', []],
    ['Zaaknummer 123456782', []],
    ['Kamerstuk 35 387, nr. 2', []],
    ['Postbus 16275', []],
    ['telefoon 123456782', []],
  ])('%j', (text, expected) => expect(found(bsnRecognizer, text)).toEqual(expected));
});

describe('IBAN', () => {
  it.each([
    ['NL91ABNA0417164300', true],
    ['NL91 ABNA 0417 1643 00', true],
    ['NL91ABNA0417164301', false],
    ['DE89370400440532013000', true],
    ['NL91ABNA041716430', false],
  ])('mod-97 %s -> %s', (iban, valid) => expect(isValidIban(iban)).toBe(valid));

  it.each([
    ['IBAN NL91 ABNA 0417 1643 00', ['NL91 ABNA 0417 1643 00']],
    ['rekening NL91 ABNA\n0417 1643 00.', ['NL91 ABNA\n0417 1643 00']],
    ['NL12 3456 7890', []],
  ])('%j', (text, expected) => expect(found(ibanRecognizer, text)).toEqual(expected));
});

describe('labelled values', () => {
  it.each([
    [vNumberRecognizer, 'V-nummer: 1234567890', ['1234567890']],
    [vNumberRecognizer, 'V-nr. 1234 567 890', ['1234 567 890']],
    [vNumberRecognizer, 'klantnummer 1234567890', []],
    [dateOfBirthRecognizer, 'geboren op 1 januari 1970', ['1 januari 1970']],
    [dateOfBirthRecognizer, 'geb0ren op 01-02-1984', ['01-02-1984']],
    [dateOfBirthRecognizer, 'Geb. 3-7-90', ['3-7-90']],
    [dateOfBirthRecognizer, 'vergadering op 1 januari 2024', []],
    [licensePlateRecognizer, 'kenteken 12-ABC-3', ['12-ABC-3']],
    [licensePlateRecognizer, 'artikel 12-3-4', []],
  ] as const)('%#: %j', (recognizer, text, expected) => expect(found(recognizer, text)).toEqual(expected));
});

describe('addresses', () => {
  it('redacts a home address and keeps a government building', () => {
    const text = 'Bezoekadres\nTurfmarkt 147\n2511 DP Den Haag\n\nBetrokkene is woonachtig aan de Lindenlaan 12, 3521 AB Utrecht.';
    expect(found(addressRecognizer, text)).toEqual(['Lindenlaan 12, 3521 AB Utrecht']);
    expect(found(addressRecognizer, text, { includeOrganisational: true })).toEqual(['Turfmarkt 147\n2511 DP Den Haag', 'Lindenlaan 12, 3521 AB Utrecht']);
  });

  it('treats the address block under an addressee as private', () => {
    expect(found(addressRecognizer, 'De heer P. Jansen\nKerkstraat 3\n1234 AB Zwolle\n\nDatum 1 mei 2024')).toEqual(['Kerkstraat 3\n1234 AB Zwolle']);
  });

  it.each(['Stand van de Uitvoering 2026', 'Kamerstuk 35 387', 'De Wet Mulder 2024'])('no address in %j', (text) => {
    expect(found(addressRecognizer, text, { includeOrganisational: true })).toEqual([]);
  });
});
