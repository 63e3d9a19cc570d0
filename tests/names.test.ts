import { describe, expect, it } from 'vitest';
import { analyze } from '../src/api.js';

/** Person texts by decision: what gets redacted, reviewed and kept. */
function persons(text: string) {
  const { document } = analyze(text);
  const of = (action: string) =>
    document.decisions
      .filter((d) => d.finding.entity === 'person' && d.action === action)
      .map((d) => document.text.slice(d.finding.span.start, d.finding.span.end));
  return { redact: of('redact'), review: of('review'), keep: of('keep') };
}

describe('names of civil servants are redacted', () => {
  it.each([
    ['labelled contact', 'Contactpersoon\nmr. drs. J.H.M. de Vries\nT 06 12345678', ['mr. drs. J.H.M. de Vries']],
    ['nickname in brackets', 'Behandeld door: J. (Jan) van der Berg', ['J. (Jan) van der Berg']],
    ['double surname', 'Dit is afgestemd met Ingrid Broekers-Knol (DGM).', ['Ingrid Broekers-Knol']],
    ['"met X (DGM)"', 'Ik heb dit besproken met Jansen (DGM) en hij stemt in.', ['Jansen']],
    ['aldus', '"We gaan door," aldus Joël Schoneveld, projectmanager.', ['Joël Schoneveld']],
    ['salutation + surname', 'Volgens mevrouw Van der Meer is dat zo.', ['Van der Meer']],
    ['greeting', 'Hoi Anouk,\n\nDank voor je bericht.', ['Anouk']],
    ['van \'t', 'Overleg met Evelien van \'t Hof over de planning.', ["Evelien van 't Hof"]],
    ['Outlook order in a header', 'Van: Jansen, Piet\nAan: Mulder, A.\nOnderwerp: planning', ['Jansen, Piet', 'Mulder, A.']],
    ['names of other backgrounds', 'Afgestemd met Mehmet Yılmaz en met Fatima el Idrissi.', ['Mehmet Yılmaz', 'Fatima el Idrissi']],
    ['unknown surname with a strong cue', 'De heer Zwavelkamp heeft de stukken.', ['Zwavelkamp']],
    ['double surname in capitals (its parts are surnames, not acronyms)', 'Gesproken met mevrouw BOER-VOS over de zaak.', ['BOER-VOS']],
    ['name in capitals under a signature, particles too', 'Met vriendelijke groet,\n\nJ. VAN DER BERG\nBeleidsmedewerker', ['J. VAN DER BERG']],
    ['title and name in capitals', 'Met vriendelijke groet,\n\nMR. J. VAN DEN HEUVEL', ['MR. J. VAN DEN HEUVEL']],
    ['name wrapped over a line', 'De tekst is aangepast na overleg met Wouter\nWillems en de directie.', ['Wouter\nWillems']],
    ['function after a comma', 'Pieter Smit, senior beleidsmedewerker, schreef de nota.', ['Pieter Smit']],
    ['signature', 'Met vriendelijke groet,\n\nSanne Bakker\nBeleidsadviseur', ['Sanne Bakker']],
    ['paraaf', 'Paraaf: JdV', ['JdV']],
    ['form field', 'Naam aanvrager: Zeynep Kılıçaslan\nWoonplaats: Zwolle', ['Zeynep Kılıçaslan']],
    ['for the attention of', 'Brief t.a.v. P. Oudshoorn over de aanvraag.', ['P. Oudshoorn']],
  ])('%s', (_case, text, expected) => {
    expect(persons(text).redact).toEqual(expected);
  });
});

describe('every mention of a person found once', () => {
  it('finds the surname alone, the first name alone and OCR variants', () => {
    const text = 'Dit is afgestemd met Marieke Schoneveld (DGM). Schoneveld stelt voor te wachten.\nVolgens Sch0neveld kan het later. Kun je Marieke bellen?';
    expect(persons(text).redact).toEqual(['Marieke Schoneveld', 'Schoneveld', 'Sch0neveld', 'Marieke']);
  });

  it('finds a name split by a hyphen over a line end', () => {
    const text = 'Overleg met Anouk Schone-\nveld (DGM) is gepland. Schoneveld belt terug.';
    // Offsets are of the normalised text here; the manifest maps them back to "Schone-\nveld".
    expect(persons(text).redact).toEqual(['Anouk Schoneveld', 'Schoneveld']);
  });

  it('finds persons known from another document of the dossier', () => {
    const first = analyze('Dit is afgestemd met Marieke Zwanenburg (DGM).');
    const known = first.document.findings.length > 0;
    expect(known).toBe(true);
    // By the full identity only: then the surname alone in this document is that person too.
    const text = 'Bijlage 2: Marieke Zwanenburg - planning.xlsx\nZwanenburg stelt voor te wachten.';
    const knownPersons = [{ key: 'zwanenburg', surname: 'Zwanenburg', tussenvoegsel: '', givens: ['Marieke'] }];
    const { document } = analyze(text, { knownPersons });
    expect(document.decisions.filter((d) => d.action === 'redact').map((d) => document.text.slice(d.finding.span.start, d.finding.span.end))).toEqual(['Marieke Zwanenburg', 'Zwanenburg']);
    const surnameOnly = analyze('Zwanenburg stelt voor te wachten.', { knownPersons }).document;
    expect(surnameOnly.decisions.filter((d) => d.action === 'redact')).toEqual([]);
  });
});

describe('public officials and organisations stay readable', () => {
  it.each([
    ['signature of a minister', 'De Minister van Asiel en Migratie,\n\n\nM.H.M. Faber'],
    ['staatssecretaris', 'Dit is besproken met staatssecretaris Van der Burg.'],
    ['het lid', 'Naar aanleiding van vragen van het lid Koekkoek.'],
    ['Kamerlid', 'Kamerlid Piri heeft gevraagd om een brief.'],
    ['motion', 'De motie-Brekelmans vraagt om meer tempo.'],
    ['DG', 'De directeur-generaal Ruud Hoogland heeft ingestemd.'],
    ['role after a comma', 'Jan de Vries, wethouder van Utrecht, was aanwezig.'],
    ['plural role', 'De wethouders Jansen en De Vries waren aanwezig.'],
    ['DG below the name', 'Rhodia Maas\nDG IND'],
    ['burgemeester wrapped', 'Ik heb hierover uitgebreid gesproken met de burgemeester\nJoost Zijlstra van Almere.'],
  ])('%s', (_case, text) => {
    expect(persons(text).redact).toEqual([]);
    expect(persons(text).keep.length).toBeGreaterThan(0);
  });

  it.each([
    'De Stand van de Uitvoering gaat naar de Tweede Kamer in Den Haag.',
    'Het advies van de Raad van State is verwerkt.',
    'De stukken liggen op de Johan de Wittlaan 7 in Den Haag.',
    'De Wet Mulder blijft ongewijzigd.',
    'Volgens Werk aan Uitvoering is dat nodig.',
    'Dit blijft immers belangrijk, zeker nu de IND groeit.',
    'Het voorstel van de minister wordt overgenomen.',
    'Ook de Europese Commissie in Brussel is geïnformeerd.',
    'Afgesproken wordt om de reactie van NVZ-KNMG rechtstreeks te sturen.',
    'Namens ABN-AMRO en van FNV/CNV kwam een reactie.',
    'Wij wachten op de reactie van de FNV over het plan.',
  ])('no person in %j', (text) => {
    const p = persons(text);
    expect([...p.redact, ...p.review]).toEqual([]);
  });

  it('keeps a minister readable who shares a surname with a redacted civil servant', () => {
    const text = 'Dit is afgestemd met Karin Bakker (DGM).\nDe minister Bakker heeft ingestemd.';
    const p = persons(text);
    expect(p.redact).toEqual(['Karin Bakker']);
    expect(p.keep).toEqual(['Bakker']);
  });
});

describe('review instead of guessing', () => {
  it('sends a director to review', () => {
    expect(persons('De directeur Hanneke Mulder heeft gevraagd om een analyse.').review).toEqual(['Hanneke Mulder']);
  });

  it('sends a weak candidate to review', () => {
    expect(persons('Ook Xandrilo Verbeek heeft meegelezen.').review).toEqual(['Xandrilo Verbeek']);
  });

  it('sends one word in capitals under a label to review (an acronym as often as a surname), not after a salutation', () => {
    const labelled = persons('From\nKLMNO\nRef 2009 101 Date 2009 10 13');
    expect(labelled.review).toEqual(['KLMNO']);
    expect(labelled.redact).toEqual([]);
    expect(persons('Van: JANSEN\nAan: Piet de Vries\nOnderwerp: overleg').review).toEqual(['JANSEN']);
    expect(persons('De heer JANSEN heeft de stukken.').redact).toEqual(['JANSEN']);
  });
});

describe('lettered lists are not initials for sure', () => {
  it('headings "A. Governance", "B. Compliance" go to review, and their words are not surnames elsewhere', () => {
    const text = 'Nota aan de minister\n\nA. Governance\nDe Governance van het programma is belegd bij de stuurgroep.\nB. Compliance\nDe Compliance wordt jaarlijks getoetst.\n';
    const { redact, review } = persons(text);
    expect(redact).toEqual([]);
    expect(review).toEqual(expect.arrayContaining(['A. Governance', 'B. Compliance']));
    // Read as initials with a surname, the word was redacted in every sentence it recurred in.
    expect(review).not.toContain('Governance');
  });

  it('a list of people keeps its known surnames redacted and puts an unknown one in review, not out', () => {
    const { redact, review } = persons('Met vriendelijke groet,\n\nA. Jansen\nB. de Vries\nC. Zyxwerk\n');
    expect(redact).toEqual(['A. Jansen', 'B. de Vries']);
    expect(review).toEqual(['C. Zyxwerk']);
  });

  it('one letter alone is an initial as before', () => {
    expect(persons('Overleg\nA. Zyxwerk\nheeft de stukken.').redact).toEqual(['A. Zyxwerk']);
  });
});
