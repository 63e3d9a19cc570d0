// Synthetic documents for the benchmark, from the fixture generator's building blocks.
import { DocBuilder, MINISTRIES, STAFF_FUNCTIONS, date, person, phone, rng } from './fixture-kit.mjs';

const PARAGRAPHS = [
  'In de kabinetsreactie op het rapport Werk aan Uitvoering is besloten dat uitvoeringsorganisaties een Stand van de Uitvoering opstellen. In een Stand van de Uitvoering worden dilemma\'s waarmee professionals worstelen ongefilterd inzichtelijk gemaakt.',
  'De aanbiedingsbrief is, net zoals voorgaande jaren, een procedurele brief. In deze Stand wordt aandacht besteed aan onderwerpen als het hoge aantal asielaanvragen en toekomstbestendige financiering.',
  'Het opstellen van Standen van de Uitvoering vloeit voort uit de kabinetsreactie. Hierin staat aangekondigd dat uitvoeringsorganisaties een Stand van de Uitvoering kunnen opstellen om de Tweede Kamer te informeren.',
];

/** One synthetic nota of about 3-6 kB with names, contact data and public officials. */
export function corpusDocument(seed) {
  const r = rng(seed * 31 + 7);
  const m = r.pick(MINISTRIES);
  const a = person(r);
  const b = person(r);
  const d = new DocBuilder();
  d.t(`Minister van ${m.name}\n\n${m.org}\n${m.dir}\n\n${m.street}\n${m.pc} Den Haag\n\nContactpersoon\n${a.full}\nT ${phone(r)}\n${a.local}@${m.domain}\n\nDatum\n${date(r)}\n\n`);
  for (let s = 1; s <= 5; s++) {
    d.t(`${s}. ${r.pick(['Aanleiding', 'Kernpunten', 'Toelichting', 'Politieke context', 'Afweging'])}\n\n`);
    for (let p = 0; p < r.int(1, 3); p++) d.t(`${r.pick(PARAGRAPHS)} `);
    d.t(`Dit is afgestemd met ${b.full}, ${r.pick(STAFF_FUNCTIONS)}. ${b.alone} stelt voor de brief te versturen. De minister heeft ingestemd.\n\n`);
  }
  d.t('De persoonsgegevens van de ambtenaren zijn niet openbaar ter bescherming van de persoonlijke levenssfeer.\n');
  return d.build().text;
}
