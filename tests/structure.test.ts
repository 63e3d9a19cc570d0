import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { normalise } from '../src/normalise/normalise.js';
import { analyseStructure } from '../src/structure/structure.js';

const nota = normalise(readFileSync(new URL('../fixtures/text/nota-ocr.txt', import.meta.url), 'utf8')).text;

function fieldValues(text: string, label: string): string[] {
  return analyseStructure(text)
    .fields.filter((f) => f.label === label)
    .map((f) => text.slice(f.value.start, f.value.end));
}

describe('structure of a nota', () => {
  const structure = analyseStructure(nota);

  it('finds the numbered sections in order', () => {
    expect(structure.sections.map((s) => s.number)).toEqual(['1', '2', '3', '4', '4.1', '5', '5.1']);
    expect(structure.sections.find((s) => s.number === '4.1')?.title).toBe('Politieke context');
  });

  it('recognises section 5 and turns its prose into declared grounds', () => {
    expect(structure.withheldInfoSection?.number).toBe('5');
    expect(structure.declarations.map((d) => [d.grounds, d.scope.kind])).toEqual([[['5.1.2e'], 'general']]);
  });

  it('reads letterhead fields with the value on the next line', () => {
    expect(fieldValues(nota, 'contactpersoon')).toEqual(['mr. H.J. (Henk) van der Velde-Bos']);
    expect(fieldValues(nota, 'datum')).toEqual(['8 juni 2026']);
    expect(fieldValues(nota, 'ons-kenmerk')).toEqual(['7061406/7559016']);
  });

  it('matches OCR-damaged headings and labels fuzzily', () => {
    const damaged = normalise('1. Aanleiding\n\nTekst.\n\n5. Informatie die niet openbaar gemaakt kan wordne\n\n5.1 Toelichting\n\nDe persoonsgegevns van de ambtenaren zijn niet openbaar ter bescherming van de persoonlijke levensfeer.\n\nOns kenmer\n5444272').text;
    const s = analyseStructure(damaged);
    expect(s.withheldInfoSection?.number).toBe('5');
    expect(s.declarations.flatMap((d) => d.grounds)).toEqual(['5.1.2e']);
    expect(fieldValues(damaged, 'ons-kenmerk')).toEqual(['5444272']);
  });

  it('reads a letterhead that OCR merged into the body lines', () => {
    const merged = normalise('De Stand wordt verzonden.      Contactpersoon\nDe brief is procedureel.      Anouk de Wit\nHet reces begint.      T 06 12345678').text;
    expect(fieldValues(merged, 'contactpersoon')).toEqual(['Anouk de Wit']);
  });
});

describe('declarations with a scope', () => {
  it.each([
    ['Bijlage 2 bevat persoonlijke beleidsopvattingen en wordt niet openbaar gemaakt.', ['5.2'], 'attachment', '2'],
    ['Paragraaf 3.2 valt onder 5.1.2i.', ['5.1.2i'], 'section', '3.2'],
    ['Deze nota wordt in zijn geheel niet openbaar gemaakt ter bescherming van de betrekkingen met andere staten.', ['5.1.2a'], 'document', undefined],
    ['Informatie over de onderhandelingen valt onder artikel 5.1, tweede lid, onder b, Woo.', ['5.1.2b'], 'general', undefined],
    ['Paragraaf 3.2 valt onder art. 5.1, tweede lid,\nonder i, Woo.', ['5.1.2i'], 'section', '3.2'],
  ])('%j', (sentence, grounds, kind, ref) => {
    const text = normalise(`1. Aanleiding\n\nTekst.\n\n5. Informatie die niet openbaar gemaakt kan worden\n\n${sentence}\n`).text;
    const [d] = analyseStructure(text).declarations;
    expect(d?.grounds).toEqual(grounds);
    expect(d?.scope.kind).toBe(kind);
    expect(d && 'ref' in d.scope ? d.scope.ref : undefined).toBe(ref);
  });
});

describe('e-mail headers and signatures', () => {
  const mail = normalise('Van: Jansen, Piet <p.jansen@minbzk.nl>\nVerzonden: maandag 3 juni 2024 10:12\nAan: Anouk de Wit\nCC: Mulder, A.\nOnderwerp: RE: nota\n\nHoi Anouk,\n\nPrima zo.\n\nMet vriendelijke groet,\n\nPiet Jansen\nSenior beleidsmedewerker\nM 06 12345678\n').text;
  const s = analyseStructure(mail);

  it('recognises the header block and its fields', () => {
    expect(s.emailHeaders).toHaveLength(1);
    expect(fieldValues(mail, 'cc')).toEqual(['Mulder, A.']);
    expect(s.fields.filter((f) => f.inEmailHeader).map((f) => f.label)).toEqual(['van', 'verzonden', 'aan', 'cc', 'onderwerp']);
  });

  it('finds the signature block after the closing', () => {
    expect(s.signatures.map((sp) => mail.slice(sp.start, sp.end))).toEqual(['Piet Jansen\nSenior beleidsmedewerker\nM 06 12345678']);
  });

  it('does not take "Van der Meer stelt" for a label', () => {
    expect(analyseStructure('Van der Meer stelt voor te wachten.').fields).toEqual([]);
  });
});
