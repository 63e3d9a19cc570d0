import { describe, expect, it } from 'vitest';
import { amsterdamDateTime, parseDocumentDate } from '../src/publish/dates.js';
import { listValue } from '../src/publish/diwoo.js';
import { relateDocuments } from '../src/publish/duplicates.js';
import { comparableText, documentFacts, redactedTextOf } from '../src/publish/facts.js';
import { inventoryToCsv, type InventoryRow, truncateBytes } from '../src/publish/inventory.js';
import { documentIds } from '../src/publish/package.js';
import { zip } from '../src/publish/zip.js';
import { openInExcel } from './publish-excel.js';
import { parseCsv } from './publish-importer.js';

describe('dates read from documents', () => {
  it.each([
    ['12 maart 2024', { date: '2024-03-12' }],
    ['woensdag 14 juli 2024 8:32', { date: '2024-07-14', time: '08:32' }],
    ['14 jul. 2024', { date: '2024-07-14' }],
    ['14-07-2024', { date: '2024-07-14' }],
    ['2024-07-14', { date: '2024-07-14' }],
    ['Monday, June 3, 2024 2:02 PM', { date: '2024-06-03', time: '14:02' }],
    ['3 mrt 2025 om 16.05', { date: '2025-03-03', time: '16:05' }],
  ])('%s', (text, expected) => {
    expect(parseDocumentDate(text)).toEqual(expected);
  });

  it.each(['31 februari 2024', '45-01-2024', '[5.1.2e]', 'morgen', '12 smarch 2024'])('not a date: %s', (text) => {
    expect(parseDocumentDate(text)).toBeUndefined();
  });

  it('writes atTime with the Amsterdam offset of that day (CET or CEST)', () => {
    expect(amsterdamDateTime({ date: '2024-01-15', time: '09:30' })).toBe('2024-01-15T09:30:00+01:00');
    expect(amsterdamDateTime({ date: '2024-07-15' })).toBe('2024-07-15T00:00:00+02:00');
  });
});

describe('facts from redacted text', () => {
  it('replaces what the manifest shows redacted, review items shown redacted included', () => {
    const text = 'Van Jan naar Piet en Klaas.';
    const manifest = {
      redactions: [{ id: 'r1', ground: '5.1.2e', entity: 'person', start: 4, end: 7, page: 1, detector: 'x', confidence: 1 }],
      review: [
        { id: 'v1', ground: '5.1.2e', entity: 'person', start: 13, end: 17, page: 1, detector: 'x', confidence: 0.5, reason: 'r', shownAs: 'redacted' },
        { id: 'v2', ground: '5.1.2e', entity: 'person', start: 21, end: 26, page: 1, detector: 'x', confidence: 0.5, reason: 'r', shownAs: 'kept' },
      ],
    } as const;
    expect(redactedTextOf(text, manifest as never)).toBe('Van [5.1.2e] naar [5.1.2e] en Klaas.');
  });

  it('compares texts without quote markers, separator lines, case and spacing', () => {
    expect(comparableText('> Hoi  Jan,\n>\n> Tot morgen')).toBe(comparableText('Hoi jan,\n\nTot   morgen'));
    expect(comparableText('-----Oorspronkelijk bericht-----\nVan: a')).toBe('van: a');
  });

  it('reads values from layout cells and skips what a column layout puts below a label', () => {
    // "Datum            12 augustus 2020": the value in the next cell.
    expect(documentFacts('Gemeente\n\nDatum            12 augustus 2020\nOnderwerp        Besluit op uw verzoek\n\nGeachte heer,\n')).toMatchObject({ kind: 'besluit', title: 'Besluit op uw verzoek', date: { date: '2020-08-12' } });
    // Labels read before their values: the text under "Datum" is no date, under "Onderwerp" no subject.
    const columns = 'Gemeente\n\nDatum\nOnderwerp\n14 februari 2020\nBesluit op uw Woo-verzoek\n\nGeachte mevrouw,\n\nTekst.\fPagina 2\fDatum 14 februari 2020\n';
    const facts = documentFacts(columns);
    expect(facts.title).toBeUndefined();
    expect(facts.date).toEqual({ date: '2020-02-14' });
  });

  it('takes an e-mail whose Van line has its value elsewhere for an e-mail, and a letterhead for none', () => {
    expect(documentFacts('Van:\nVerzonden: zaterdag 18 november 2017 16:07\nAan: [5.1.2e]\nOnderwerp: Re\n\nTekst.\n')).toMatchObject({ kind: 'email', title: 'Re', date: { date: '2017-11-18', time: '16:07' } });
    expect(documentFacts('Gemeente\n\nDatum\t19 september 2018\nOns kenmerk\t2018/16\nUw kenmerk\tN.v.t.\nAan\t[5.1.2e]\nOnderwerp\tBesluit op uw verzoek\n\nGeachte heer,\n').kind).not.toBe('email');
  });

  it('reads a kamerbrief, a besluit and a verslag', () => {
    expect(documentFacts('Aan de Voorzitter van de Tweede Kamer der Staten-Generaal\n\nDatum 4 juli 2024\nBetreft Voortgang aanpak\n\nTekst.')).toMatchObject({ kind: 'kamerbrief', title: 'Voortgang aanpak', date: { date: '2024-07-04' } });
    expect(documentFacts('Dienst\n\nDatum 3 mei 2021\nOnderwerp Besluit op uw aanvraag\n\nGeachte heer,\n')).toMatchObject({ kind: 'besluit', title: 'Besluit op uw aanvraag' });
    expect(documentFacts('Verslag overleg uitvoeringstoets\n\nDatum: 2 februari 2023\n\n1. Opening\n')).toMatchObject({ kind: 'verslag', title: 'Verslag overleg uitvoeringstoets', date: { date: '2023-02-02' } });
  });
});

describe('duplicates and threads', () => {
  const mail = (subject: string, body: string, quoted = '') => `Van: [5.1.2e]\nVerzonden: 1 maart 2024 10:00\nOnderwerp: ${subject}\n\n${body}\n${quoted ? `\n-----Oorspronkelijk bericht-----\n${quoted}` : ''}`;

  it('does not call a shorter e-mail quoted when only its subject matches', () => {
    const subject = 'planning van de subsidieregeling';
    const a = documentFacts(mail(subject, 'eerste'));
    const b = documentFacts(mail(`RE: ${subject}`, 'tweede', mail(subject, 'iets anders')));
    const r = relateDocuments([a, b], ['a.txt', 'b.txt']);
    expect(r.quotedEmails).toBe(0);
    // Same conversation by its specific subject, still one thread.
    expect(r.documents[0]?.threadId).toBe(r.documents[1]?.threadId);
  });

  it('does not join unrelated e-mails into one thread by a generic subject', () => {
    const r = relateDocuments([documentFacts(mail('Wob-verzoek', 'eerste')), documentFacts(mail('RE: Wob-verzoek', 'tweede'))], ['a.txt', 'b.txt']);
    expect(r.documents[0]?.threadId).not.toBe(r.documents[1]?.threadId);
    expect(r.threads).toBe(2);
  });

  it('links a quoted copy with > markers to its original', () => {
    const first = mail('y', 'vraag');
    const reply = mail('RE: y', 'antwoord', first.split('\n').map((l) => `> ${l}`).join('\n'));
    const r = relateDocuments([documentFacts(first), documentFacts(reply)], ['a.txt', 'b.txt']);
    expect(r.documents[0]?.quotedIn).toEqual([1]);
    expect(r.documents[1]?.quotes).toEqual([0]);
  });
});

describe('inventory values', () => {
  it('gives unique IDs of letters and digits only', () => {
    const ids = documentIds(12000, 'WOO2024');
    expect(new Set(ids.map((i) => i.toLowerCase())).size).toBe(12000);
    for (const id of ids) expect(id).toMatch(/^[A-Za-z0-9]{1,170}$/);
    expect(ids[0]).toBe('WOO202400001');
  });

  it('cuts to a byte limit on a character boundary', () => {
    const cut = truncateBytes('é'.repeat(400), 500);
    expect(Buffer.byteLength(cut, 'utf8')).toBeLessThanOrEqual(500);
    expect(cut.endsWith('...')).toBe(true);
  });

  it('never writes a backslash before a quote (PHP fgetcsv would read an escape)', () => {
    const row = { ID: 'a1', Matter: 'm1', 'Family ID': '', 'Email Thread ID': '', Document: 'pad C:\\"x" en, komma', 'File type': 'doc', Datum: '', Beoordeling: 'openbaar', Opgeschort: '', Beoordelingsgrond: '', Toelichting: '', 'Publieke link': '', 'Gerelateerd ID': '', Zaaknummer: '' } satisfies InventoryRow;
    const rows = parseCsv(inventoryToCsv([row]));
    expect(rows[1]?.[5]).toBe('pad C:/"x" en, komma');
  });

  it('the Excel copy shows a formula-like title as text; the upload CSV keeps it as the website shows it', () => {
    const row = { ID: 'a1', Matter: 'm1', 'Family ID': 2, 'Email Thread ID': '', Document: '=HYPERLINK("x";"y")', 'File type': 'doc', Datum: '2024-01-02', Beoordeling: 'deels openbaar', Opgeschort: '', Beoordelingsgrond: '5.1.1c; 5.1.2e', Toelichting: '-concept', 'Publieke link': '', 'Gerelateerd ID': '', Zaaknummer: '' } satisfies InventoryRow;
    const upload = parseCsv(inventoryToCsv([row]))[1];
    expect(upload?.[5]).toBe('=HYPERLINK("x";"y")');
    expect(upload?.[10]).toBe('5.1.1c; 5.1.2e');
    const excel = openInExcel(inventoryToCsv([row], ';'))[1];
    expect(excel).toHaveLength(15);
    expect(excel?.[5]).toBe(`'=HYPERLINK("x";"y")`);
    expect(excel?.[11]).toBe(`'-concept`);
    expect(excel?.[10]).toBe('5.1.1c; 5.1.2e');
    expect(excel?.[3]).toBe('2');
  });

  it('finds list values by URI or label, accents and case ignored', () => {
    expect(listValue('organisations', 'Ministerie van Binnenlandse Zaken en Koninkrijksrelaties')?.uri).toBe('https://identifier.overheid.nl/tooi/id/ministerie/mnre1034');
    expect(listValue('informatiecategorie', 'woo-verzoeken en -besluiten')?.uri).toMatch(/c_3baef532$/);
    expect(listValue('organisations', 'Ministerie van Dingen')).toBeUndefined();
  });

  it('zips reproducibly', () => {
    const a = zip([{ name: 'a.xml', data: '<a/>' }]);
    expect(Buffer.from(a)).toEqual(Buffer.from(zip([{ name: 'a.xml', data: '<a/>' }])));
    expect(Buffer.from(a.subarray(0, 4)).toString('hex')).toBe('504b0304');
  });
});
