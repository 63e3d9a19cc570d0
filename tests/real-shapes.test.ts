import { describe, expect, it } from 'vitest';
import { analyze, redactText } from '../src/api.js';
import type { PolicyInput } from '../src/decide/policy.js';

/**
 * Regression sets for the shapes real released documents have (issue 9): each case asserts the
 * exact texts redacted and kept, as sets. The texts are synthetic, written in the layouts of real
 * Outlook prints, letterheads and OCR'd scans (wide gaps, box borders, debris).
 */
function decided(text: string, policy: PolicyInput = {}) {
  const { document } = analyze(text, { policy });
  const of = (action: string, entities?: readonly string[]) =>
    document.decisions
      .filter((d) => d.action === action && (!entities || entities.includes(d.finding.entity)))
      .map((d) => document.text.slice(d.finding.span.start, d.finding.span.end))
      .sort();
  return { redact: of('redact'), keep: of('keep', ['person', 'email', 'phone', 'address']), keptContacts: of('keep', ['email', 'phone']), review: of('review') };
}

const GAP = ' '.repeat(24);

describe('e-mail headers are structure', () => {
  it.each([
    ['column layout, no colon', `Van${GAP}Jansen, Pieter\nVerzonden${GAP}dinsdag 7 april 2009 15:12\nAan${GAP}Bakker, Anouk\nOnderwerp${GAP}overleg`, ['Bakker, Anouk', 'Jansen, Pieter']],
    ['English labels', `From${GAP}Visser, M.J. (Marloes)\nSent${GAP}Tue 4 7 2009 3 30 13 PM\nTo${GAP}Dekker, Sven - DGBI\nSubject${GAP}RE vraag`, ['Dekker, Sven - DGBI', 'Visser, M.J. (Marloes)']],
    ['box borders and debris', `Van       [        Hendriks, Olga\nVerzonden woensdag 13 november 2013 9 44\nAan [            Kuipers, H. de (Hugo)  Smits, Ilse\nCC    r       Mulder, T.R. (Tom)  | Brouwer, Fenna ten\nOnderwerp   RE planning`, ['Brouwer, Fenna ten', 'Hendriks, Olga', 'Kuipers, H. de (Hugo)', 'Mulder, T.R. (Tom)', 'Smits, Ilse']],
    ['several recipients with ;', 'Van: Wouters, Lieke\nAan: Joris van Dam; Priya Ramdin; Secretariaat DGM\nOnderwerp: stukken', ['Joris van Dam', 'Priya Ramdin', 'Wouters, Lieke']],
    ['value wrapped onto the next line', `Aan${GAP}Verbeek, Kees\n${GAP}${GAP}Claassen, Noor\nVan${GAP}Hoekstra, Bram\nOnderwerp${GAP}agenda`, ['Claassen, Noor', 'Hoekstra, Bram', 'Verbeek, Kees']],
    ['display name before an address', 'Op 18 nov. 2017 om 11:43 heeft Dirk Zuidema <d.zuidema@gemeente.example> het volgende geschreven:', ['Dirk Zuidema', 'd.zuidema@gemeente.example']],
    ['double surname with a particle', `Van${GAP}El Idrissi-van Loon, Samira\nAan${GAP}Kampen-de Wit, R.\nOnderwerp${GAP}notitie`, ['El Idrissi-van Loon, Samira', 'Kampen-de Wit, R.']],
  ])('%s', (_case, text, expected) => {
    expect(decided(text).redact.filter((t) => !t.includes('@') || t.includes('<') || /^[\p{L}.]+@/u.test(t))).toEqual(expected.sort());
  });

  it('does not take a department, an organisation or a role for a person', () => {
    const text = `Van${GAP}Janssen, Willemijn${GAP}DIR INTERNATIONAAL\nAan${GAP}Secretariaat DGX${GAP}Minister van Financiën\nOnderwerp${GAP}verslag`;
    expect(decided(text).redact).toEqual(['Janssen, Willemijn']);
  });

  it('finds the first name of a header person further down ("Beste Rhodia")', () => {
    const text = `Van: Brink, Olaf\nAan: Rhodia Maas\nOnderwerp: afspraak\n\nBeste Rhodia,\n\nBel anders even met Olaf.\n\nGroet,\nOlaf`;
    const { redact } = decided(text);
    expect(redact).toContain('Rhodia');
    expect(redact.filter((t) => t === 'Olaf')).toHaveLength(2);
  });

  it('is no header where a letter says "Van der Meer" or "Aan de orde"', () => {
    const text = 'Van der Meer stelt voor de nota aan te passen.\nAan de orde is de planning.';
    const { document } = analyze(text);
    expect(document.structure.emailHeaders).toEqual([]);
  });
});

describe('e-mail addresses mangled by OCR or layout are addresses', () => {
  it.each([
    ['space for the last dot', 'To   Kok, Ilse   i.kok@minfin nl1', 'i.kok@minfin nl1'],
    ['space after the @', 'Van  b.smit@ voorbeeld com]', 'b.smit@ voorbeeld com'],
    ['dot lost', 'Email  r.lammers@voorbeeldcom', 'r.lammers@voorbeeldcom'],
    ['layout gap before the @', 'mail naar p.jansen       @rvo.nl', 'p.jansen\t@rvo.nl'],
  ])('%s', (_case, text, address) => {
    expect(decided(text).redact).toContain(address);
  });

  it.each([
    ['office word in a part', 'loket.zuid.vergunningen@gemeente.example'],
    ['long office word glued to a code', 'wobverzoekenfez@ministerie.example'],
    ['department acronym', 'xyz@toezicht.example'],
    ['generic word and code', 'ABCD_Wob@agentschap.example'],
    ['meldpunt with digits', 'mailboxmeldpunt112@dienst.example'],
  ])('keeps a functional mailbox: %s', (_case, address) => {
    const { redact, keep } = decided(`Vragen? Mail naar ${address} of bel ons.`);
    expect(redact).toEqual([]);
    expect(keep).toEqual([address]);
  });

  it('a single character before the @ is a remnant of a removed address, not an address', () => {
    expect(decided('Email  j@ voorbeeld com').redact).toEqual([]);
  });
});

describe('organisation phone numbers stay readable, personal ones do not', () => {
  const letterhead = (contact: string) =>
    `${GAP}Divisie Toezicht\n${GAP}Postbus 43210\n${GAP}3500 AB Utrecht\n${GAP}www.toezicht.example\n\n${GAP}Contactpersoon\n${contact}\n\nGeachte heer,`;
  it.each([
    ['switchboard and fax under a contact', letterhead(`${GAP}Sietske Wolters\n${GAP}T 030 123 45 00\n${GAP}F 030 123 45 01`), ['030 123 45 00', '030 123 45 01'], ['Sietske Wolters']],
    ['088 with a functional mailbox', letterhead(`${GAP}E. Schippers\n${GAP}T 088 042 11 11\n${GAP}loket@toezicht.example`), ['088 042 11 11', 'loket@toezicht.example'], ['E. Schippers']],
    ['(algemeen)', `${GAP}Postbus 20999\n${GAP}T 070 379 1111 (algemeen)\n`, ['070 379 1111'], []],
    ['fax in running text', 'U kunt faxen naar de afdeling bezwaar. Het faxnummer is: 020 555 45 00.', ['020 555 45 00'], []],
  ])('%s', (_case, text, kept, redacted) => {
    const d = decided(text);
    expect(d.keptContacts).toEqual([...kept].sort());
    expect(d.redact).toEqual([...redacted].sort());
  });

  it.each([
    ['a direct line beside the person\'s own address', letterhead(`${GAP}Noor Wiersma\n${GAP}T: 030-6323495\n${GAP}n.wiersma@toezicht.example`), '030-6323495'],
    ['a landline under a contact person, no fax beside it', letterhead(`${GAP}Jelmer Bosch\n${GAP}T 030 765 43 21`), '030 765 43 21'],
    ['a mobile number in a letterhead', letterhead(`${GAP}Juridisch adviseur\n${GAP}T 06-12345678`), '06-12345678'],
    ['a landline in an e-mail signature', `Van: Groen, Lotte\nAan: Vos, Erik\nOnderwerp: x\n\nMet vriendelijke groet,\nLotte Groen\nPostbus 100\n2500 AA Den Haag\nTel 070 123 4567\nFax 070 123 4568`, '070 123 4567'],
  ])('redacts %s', (_case, text, phone) => {
    expect(decided(text).redact).toContain(phone);
  });
});

describe('listed public officials stay readable in every shape', () => {
  const policy: PolicyInput = { publicOfficials: [{ name: 'Ruben Ilsink', role: 'wethouder' }] };
  it.each([
    ['inverted in a header', 'Van: Brink, Olaf\nAan: Ilsink, Ruben; Dalen, Sem van\nOnderwerp: x', ['Ilsink, Ruben'], ['Brink, Olaf', 'Dalen, Sem van']],
    ['surname first without comma', 'Aan: Sem van Dalen; Ilsink Ruben;\nVan: Olaf Brink\nOnderwerp: x', ['Ilsink Ruben'], ['Sem van Dalen', 'Olaf Brink']],
    ['first name of that person', 'Van: Brink, Olaf\nAan: Ilsink, Ruben\nOnderwerp: x\n\nHoi Ruben,\n\nzie bijlage.', ['Ilsink, Ruben', 'Ruben'], ['Brink, Olaf']],
    ['the official\'s address, OCR-damaged', 'heeft Ilsink Ruben <R.llsink@gemeente.example> het volgende geschreven:', ['Ilsink Ruben', 'R.llsink@gemeente.example'], []],
  ])('%s', (_case, text, kept, redacted) => {
    const d = decided(text, policy);
    for (const k of kept) expect(d.keep).toContain(k);
    expect(d.redact).toEqual([...redacted].sort());
  });

  it('another person with the same first name is still redacted', () => {
    const text = 'Van: Ilsink, Ruben\nAan: Ruben Bos\nOnderwerp: x';
    expect(decided(text, policy).redact).toEqual(['Ruben Bos']);
  });
});

describe('addresses', () => {
  it.each([
    ['a home address wrapped between street and number', 'geboren op 12-04-1988 en woonachtig aan de Vlinderstraat\n2, 4537 AB Delft.\nDe vergoeding', ['Vlinderstraat\n2, 4537 AB Delft']],
    ['no address from a word at a line end and a row number', 'geen betrekking hebben op de Schouwburg\n       84\n', []],
  ])('%s', (_case, text, expected) => {
    expect(decided(text).redact.filter((t) => !/^\d{2}-/.test(t))).toEqual(expected);
  });

  it('keeps a government building the lexicon knows, also in running text', () => {
    const text = 'De brieven worden verzonden vanuit de Turfmarkt 147 in Den Haag.';
    expect(decided(text).redact).toEqual([]);
    expect(decided(text).keep).toEqual(['Turfmarkt 147']);
  });

  it('an address that is the object of the matter goes to review, which shows it redacted', () => {
    const text = 'Besluit op uw Wob-verzoek inzake Gasthuisstraat 2 te Amsterdam';
    expect(decided(text).review).toEqual(['Gasthuisstraat 2']);
    expect(redactText(text).text).not.toContain('Gasthuisstraat 2');
  });
});

describe('names in the shapes Dutch offices write them', () => {
  it.each([
    ['initials before a capitalised particle', `Contactpersoon\nR. Van Gennip\n\nDit is besproken met J. De Bruijn en A.B.C. de Vries.`, ['A.B.C. de Vries', 'J. De Bruijn', 'R. Van Gennip']],
    ['a double surname with an Arabic particle', 'Met vriendelijke groet,\n\nFatima Jansen-El Amrani\n', ['Fatima Jansen-El Amrani']],
    ['particle double surname after a salutation', 'Geachte mevrouw Bennani-El Amrani,\n\nIn uw brief', ['Bennani-El Amrani']],
    ['hyphen and particle in a signature', 'Met vriendelijke groet,\n\nS. Vermeulen-van Dongen', ['S. Vermeulen-van Dongen']],
    ['capitalised Arabic particle inside a name', 'Met vriendelijke groet,\n\nYoussef El Mansouri', ['Youssef El Mansouri']],
    ['initial that is also a word', `Behandeld door${GAP}U. van Beek-Hoekstra\nKopie aan${GAP}n.v.t.`, ['U. van Beek-Hoekstra']],
    ['salutation and name in two cells', `Beste${GAP}Sanne\n\nZoals besproken`, ['Sanne']],
    ['informal greeting', `Ha      Jeroen\n\nVolgens de planning`, ['Jeroen']],
    ['bilingual closing', 'hoor graag van je\n\nKind regards Met vriendelijke groet\n\n  Lisanne\n', ['Lisanne']],
  ])('%s', (_case, text, expected) => {
    expect(decided(text).redact).toEqual(expected);
  });

  it('keeps abbreviations of bodies and reports, foundations and street names', () => {
    expect(decided('Het rapport van PwC en de WaU over de POK is besproken met Stichting Vluchtelingenwerk. Het kantoor aan de Lange Niezel is gesloten.').redact).toEqual([]);
  });

  it.each([
    ['table cells are no name', `Voorbeeld B.V.${GAP}Zeilbond${GAP}IenW`],
    ['a column heading', `Nr.  Datum${GAP}Persoonsgegevens en bedrijfsgegevens`],
    ['a heading word after a particle', 'Vervolgens gaat Inge op de Inventarisatie in'],
    ['English signature lines', 'Voorbeeld Holding B V\n\nThe Hague The Netherlands'],
    ['a degree before a country', 'MA Portugal'],
    ['capitals of a department', `To${GAP}Farhan Ismail${GAP}BX SI KLM\nFrom${GAP}Jet Wolff\nSubject${GAP}x`],
  ])('%s', (_case, text) => {
    const red = decided(text).redact;
    expect(red.filter((t) => /Zeilbond|Persoonsgegevens|Inventarisatie|The|Portugal|^SI$|^AE|FXR|Voorbeeld/.test(t))).toEqual([]);
  });
});
