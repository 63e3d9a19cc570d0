#!/usr/bin/env node
// Generates the synthetic gold fixture set: fixtures/gold/<case>.txt + <case>.gold.json.
// Deterministic (seeded); run `npm run fixtures` to regenerate. Every name, number and address is
// synthetic. The gold files list each annotated value with its entity and what must happen to it:
// "redact", "keep" (public officials, organisations, organisation contact data) or "review".
import { mkdirSync, rmSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import {
  CITIES, DocBuilder, MINISTRIES, STAFF_FUNCTIONS, STREETS, bsn, date, iban, ocrDamage, person, phone, rng, wrapLines,
} from './fixture-kit.mjs';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');
const outDir = join(root, 'fixtures', 'gold');

const PUBLIC_ROLES = [
  ['minister', 'de minister'],
  ['staatssecretaris', 'de staatssecretaris'],
  ['Kamerlid', 'Kamerlid'],
  ['het lid', 'het lid'],
  ['burgemeester', 'burgemeester'],
  ['wethouder', 'wethouder'],
  ['directeur-generaal', 'de directeur-generaal'],
  ['secretaris-generaal', 'de secretaris-generaal'],
];

function emailOf(p, m, r) {
  return r.chance(0.8) ? `${p.local}@${m.domain}` : `${p.given.toLowerCase().replace(/[^a-z]/g, '')}.${p.core.toLowerCase().replace(/[^a-z]/g, '')}@${m.domain}`;
}

function letterhead(b, m, contact, r, { withContact = true } = {}) {
  b.t(`Minister van ${m.name}`).nl(2);
  b.k(m.org, 'organisation').nl().t(m.dir).nl(2);
  b.k(m.street, 'address').nl().k(`${m.pc} Den Haag`, 'address').nl();
  b.t(`${m.pb}`).nl().k(`${m.pbpc} Den Haag`, 'address').nl();
  b.t(`www.${m.domain}`).nl(2);
  if (withContact) {
    b.t(r.pick(['Contactpersoon', 'Behandeld door', 'Inlichtingen bij'])).nl();
    b.r(r.chance(0.5) ? contact.full : contact.formal, 'person').nl();
    b.t(r.pick(['T ', 'T: ', 'Tel. ', 'M '])).r(phone(r), 'phone').nl();
    b.r(emailOf(contact, m, r), 'email').nl(2);
  }
  b.t('Datum').nl().t(date(r)).nl(2);
  b.t('Ons kenmerk').nl().t(`${r.int(1000000, 9999999)}`).nl(2);
  b.t('Bijlage(n)').nl().t(String(r.int(0, 3))).nl(2);
}

function section5(b, r, extra) {
  b.t('5. Informatie die niet openbaar gemaakt kan worden').nl(2);
  b.t('5.1. Toelichting').nl(2);
  b.t('De persoonsgegevens van de ambtenaren zijn niet openbaar ter bescherming van de persoonlijke levenssfeer.');
  if (extra) b.t(` ${extra}`);
  b.nl();
}

function staffMention(b, p, r, m) {
  const form = r.int(0, 5);
  if (form === 0) b.t('Dit is afgestemd met ').r(p.full, 'person').t(` (${m.dept}).`);
  else if (form === 1) b.t('Volgens ').r(p.full, 'person').t(`, ${r.pick(STAFF_FUNCTIONS)} bij de directie, is dit haalbaar.`);
  else if (form === 2) b.t('In overleg met ').r(p.formal, 'person').t(' is besloten de brief aan te passen.');
  else if (form === 3) b.t(`${r.pick(['Mevrouw', 'De heer'])} `).r(p.alone, 'person').t(' heeft de cijfers gecontroleerd.');
  else if (form === 4) b.t('De juridische toets is uitgevoerd door ').r(`mr. ${p.formal}`, 'person').t('.');
  else b.t('Collega ').r(p.full, 'person').t(' bereidt de beantwoording voor.');
}

function surnameMention(b, p, r) {
  const form = r.int(0, 2);
  if (form === 0) b.r(p.alone, 'person').t(' stelt voor om de planning aan te houden.');
  else if (form === 1) b.t('Het voorstel van ').r(p.alone, 'person').t(' wordt overgenomen.');
  else b.t('Zoals ').r(p.alone, 'person').t(' eerder aangaf, is meer tijd nodig.');
}

function publicMention(b, official, r) {
  const [role, written] = r.pick(PUBLIC_ROLES);
  const form = r.int(0, 2);
  if (role === 'het lid') {
    b.t('Naar aanleiding van de vragen van het lid ').k(official.alone, 'person').t(' is een reactie toegezegd.');
  } else if (form === 0) {
    b.t(`Dit is besproken met ${written} `).k(official.alone, 'person').t('.');
  } else if (form === 1) {
    b.t('De motie-').k(official.core, 'person').t(' vraagt om een versnelling.');
  } else {
    b.t(`${written[0].toUpperCase()}${written.slice(1)} `).k(official.full, 'person').t(' heeft hierover eerder gesproken.');
  }
}

function beslisnota(r, variant) {
  const m = r.pick(MINISTRIES);
  const contact = person(r);
  const staff = person(r, { invented: r.chance(0.2) });
  const official = person(r);
  const head = new DocBuilder();
  letterhead(head, m, contact, r);
  const b = new DocBuilder();
  const merged = variant.merged;
  if (!merged) for (const line of head.lines) b.lines.push(line);
  else b.nl();
  b.t('nota').nl(2).t(`Verzending ${r.pick(['voortgangsrapportage', 'beleidsreactie', 'evaluatie', 'Kamerbrief'])} over ${r.pick(['de asielketen', 'de uitvoering', 'het toezicht', 'de informatiehuishouding'])}`).nl(2);
  b.t('1. Aanleiding').nl(2);
  b.t('In de kabinetsreactie op het rapport Werk aan Uitvoering is besloten dat uitvoeringsorganisaties een Stand van de Uitvoering opstellen. ');
  publicMention(b, official, r);
  b.nl(2).t('2. Geadviseerd besluit').nl(2);
  b.t('U wordt verzocht akkoord te gaan met de aanbiedingsbrief aan de Tweede Kamer.').nl(2);
  b.t('3. Kernpunten').nl(2);
  b.t('De brief is een procedurele brief. ');
  staffMention(b, staff, r, m);
  b.t(' ');
  surnameMention(b, staff, r);
  b.nl(2).t('4. Toelichting').nl(2);
  b.t('Het advies van de Raad van State is verwerkt. De stukken worden verzonden vanuit de Johan de Wittlaan 7 in Den Haag. ');
  if (variant.second) {
    const other = person(r);
    b.t('Ook ').r(other.full, 'person').t(` (${m.dept}) heeft meegelezen; `).r(other.alone, 'person').t(' had geen opmerkingen.');
  }
  b.nl(2).t('4.1 Politieke context').nl(2);
  b.t('De Tweede Kamer heeft eerder om deze informatie gevraagd. ');
  publicMention(b, person(r), r);
  b.nl(2);
  if (variant.withhold) {
    b.t('4.2 Afweging').nl(2);
    b.r('Intern is gesproken over twee scenario\'s. De voorkeur van de directie gaat uit naar het eerste scenario, omdat het tweede te veel capaciteit vraagt.', 'section').nl(2);
    section5(b, r, 'Paragraaf 4.2 bevat persoonlijke beleidsopvattingen en valt onder artikel 5.2 van de Woo.');
  } else section5(b, r);
  if (merged) b.mergeColumns(head, r);
  return b;
}

function emailThread(r, variant) {
  const m = r.pick(MINISTRIES);
  const a = person(r);
  const c = person(r, { invented: r.chance(0.15) });
  const d = person(r);
  const b = new DocBuilder();
  const header = (from, to, cc) => {
    b.t('Van: ').r(from.full, 'person').t(' <').r(emailOf(from, m, r), 'email').t('>').nl();
    b.t(`Verzonden: ${r.pick(['maandag', 'dinsdag', 'woensdag', 'donderdag', 'vrijdag'])} ${date(r)} ${r.int(8, 18)}:${String(r.int(0, 59)).padStart(2, '0')}`).nl();
    b.t('Aan: ').r(to.full, 'person').t(' <').r(emailOf(to, m, r), 'email').t('>').nl();
    if (cc) b.t('CC: ').r(cc.inverted, 'person').nl();
    b.t(`Onderwerp: RE: ${r.pick(['stand van zaken Kamervragen', 'concept nota', 'planning Woo-verzoek', 'overleg met de gemeente'])}`).nl(2);
  };
  header(a, c, variant.cc ? d : null);
  b.t(`${r.pick(['Hoi', 'Beste', 'Hallo', 'Dag'])} `).r(c.given, 'person').t(',').nl(2);
  b.t('Dank voor je bericht. Ik heb de tekst aangepast na overleg met ').r(d.full, 'person').t('. ');
  b.t('De minister wil de brief voor het reces versturen.').nl();
  if (variant.wethouder) {
    const w = person(r);
    b.t('Wethouder ').k(w.alone, 'person').t(' van ').t(r.pick(CITIES)).t(' is op de hoogte gebracht.').nl();
  }
  b.t('Kun je ').r(d.given, 'person').t(' vragen of de cijfers kloppen?').nl(2);
  b.t(r.pick(['Met vriendelijke groet,', 'Groet,', 'Hartelijke groet,'])).nl(2);
  b.r(a.full, 'person').nl().t(`${r.pick(STAFF_FUNCTIONS)[0].toUpperCase()}${r.pick(STAFF_FUNCTIONS).slice(1)}`).nl().t(m.dir).nl();
  b.t(r.pick(['M ', 'M: ', 'T ', 'Mobiel: '])).r(phone(r, true), 'phone').nl();
  b.r(emailOf(a, m, r), 'email').nl(2);
  b.t('-----Oorspronkelijk bericht-----').nl();
  header(c, a, null);
  b.t('Hoi ').r(a.given, 'person').t(',').nl(2).t('Bijgaand de concepttekst. Graag jouw reactie voor vrijdag.').nl(2).t('Groet,').nl(2).r(c.given, 'person').nl();
  return b;
}

function kamerbrief(r) {
  const sec = person(r);
  const mp = person(r);
  const mayor = person(r);
  const staff = person(r);
  const b = new DocBuilder();
  b.t('Aan de Voorzitter van de Tweede Kamer der Staten-Generaal').nl().t('Postbus 20018').nl().k('2500 EA Den Haag', 'address').nl(2);
  b.t(`Datum ${date(r)}`).nl().t('Betreft Voortgang aanpak asielketen').nl(2);
  b.t('Tijdens het commissiedebat heb ik uw Kamer toegezegd u te informeren over de voortgang (Kamerstuk 19 637, nr. 2740). ');
  b.t('Het lid ').k(mp.alone, 'person').t(' heeft gevraagd naar de wachttijden. ');
  b.t('Ook de motie-').k(mp.core, 'person').t(' verzoekt de regering om meer duidelijkheid.').nl(2);
  b.t('Ik heb hierover gesproken met burgemeester ').k(mayor.full, 'person').t(` van ${r.pick(CITIES)}. `);
  const w1 = person(r);
  const w2 = person(r);
  b.t('Ook de wethouders ').k(w1.alone, 'person').t(' en ').k(w2.alone, 'person').t(' zijn betrokken.').nl(2);
  b.t('Het rapport van de commissie-').k(person(r).core, 'person').t(' is als bijlage toegevoegd. ');
  b.t('De Wet Mulder blijft ongewijzigd.').nl(2);
  b.t('Voor vragen kunt u terecht bij ').r(staff.full, 'person').t(', telefoon ').r(phone(r), 'phone').t('.').nl(2);
  b.t('De Staatssecretaris van Justitie en Veiligheid,').nl(3);
  b.k(sec.formal, 'person').nl();
  return b;
}

function burgerBesluit(r) {
  const citizen = person(r);
  const handler = person(r);
  const b = new DocBuilder();
  b.k('Immigratie- en Naturalisatiedienst', 'organisation').nl().t('Postbus 287').nl().k('7600 AG Almelo', 'address').nl(2);
  b.t(`${r.pick(['De heer', 'Mevrouw'])} `).r(citizen.formal, 'person').nl();
  b.r(`${r.pick(STREETS)} ${r.int(1, 250)}`, 'address').nl().r(`${r.int(1000, 9999)} ${r.pick(['AB', 'KL', 'XT', 'RS'])} ${r.pick(CITIES)}`, 'address').nl(2);
  b.t(`Datum ${date(r)}`).nl().t('Onderwerp Besluit op uw aanvraag').nl(2);
  b.t('V-nummer: ').r(String(r.int(1000000000, 9999999999)), 'v-number').nl();
  b.t('BSN: ').r(bsn(r), 'bsn').nl(2);
  b.t(`Geachte ${r.pick(['heer', 'mevrouw'])} `).r(citizen.alone, 'person').t(',').nl(2);
  b.t('U bent geboren op ').r(`${r.int(1, 28)}-${String(r.int(1, 12)).padStart(2, '0')}-${r.int(1950, 2005)}`, 'date-of-birth').t(' en woonachtig aan de ');
  b.r(`${r.pick(STREETS)} ${r.int(1, 99)}, ${r.int(1000, 9999)} ${r.pick(['AB', 'CD', 'EF'])} ${r.pick(CITIES)}`, 'address').t('.').nl();
  b.t('De vergoeding wordt overgemaakt op rekeningnummer ').r(iban(r), 'iban').t('.').nl();
  b.t('Het voertuig met kenteken ').r(`${r.pick(['12', 'XT', '7'])}-${r.pick(['ABC', 'KL', 'RS'])}-${r.int(1, 9)}`, 'license-plate').t(' is niet in beslag genomen.').nl(2);
  b.t('Heeft u vragen? Bel dan 088 043 0430 of mail naar ').k('info@ind.nl', 'email').t('.').nl(2);
  b.t('Hoogachtend,').nl(2).t('de staatssecretaris van Justitie en Veiligheid,').nl().t('namens deze,').nl(2);
  b.r(handler.full, 'person').nl().t('Teamleider Asiel').nl();
  return b;
}

function verslag(r) {
  const m = r.pick(MINISTRIES);
  const people = [person(r), person(r), person(r), person(r, { invented: true })];
  const dg = person(r);
  const b = new DocBuilder();
  b.t('Verslag overleg uitvoeringstoets').nl(2);
  b.t(`Datum: ${date(r)}`).nl();
  b.t('Aanwezig: ');
  people.forEach((p, i) => {
    if (i > 0) b.t(', ');
    b.r(i % 2 === 0 ? p.full : p.formal, 'person').t(` (${m.dept})`);
  });
  b.t(', directeur-generaal ').k(dg.full, 'person').nl();
  b.t('Afwezig: ').r(person(r).full, 'person').nl(2);
  b.t('1. Opening').nl(2);
  b.t('De directeur-generaal ').k(dg.alone, 'person').t(' opent het overleg. ');
  b.r(people[0].alone, 'person').t(' licht de stand van zaken toe. ');
  b.t('Volgens ').r(people[3].alone, 'person').t(' is de planning krap.').nl(2);
  b.t('2. Actiepunten').nl(2);
  b.t('- ').r(people[1].alone, 'person').t(' stuurt de conceptnota rond.').nl();
  b.t('- ').r(people[2].given, 'person').t(' vraagt advies bij de landsadvocaat.').nl(2);
  b.t('Paraaf: ').r(`${people[0].given[0]}${people[0].core[0]}`, 'person').nl();
  return b;
}

function directeurNota(r) {
  const m = r.pick(MINISTRIES);
  const dir = person(r);
  const staff = person(r);
  const b = new DocBuilder();
  letterhead(b, m, staff, r);
  b.t('nota').nl(2).t('1. Aanleiding').nl(2);
  b.t('De directeur ').v(dir.full, 'person').t(' heeft gevraagd om een nadere analyse. ');
  b.t('De woordvoerder wordt geïnformeerd.').nl(2);
  b.t('2. Toelichting').nl(2);
  b.t('De analyse is opgesteld door ').r(staff.full, 'person').t(', in overleg met de Europese Commissie in Brussel.').nl(2);
  b.t('De Minister van ').t(m.name).t(',').nl(3).k(person(r).formal, 'person').nl();
  return b;
}

function wholeDocument(r) {
  const m = r.pick(MINISTRIES);
  const b = new DocBuilder();
  const staff = person(r);
  b.r(`nota\n\n1. Aanleiding\n\nDe onderhandelingen met de buurlanden lopen nog. ${staff.full} heeft de posities voorbereid.\n\n2. Kernpunten\n\nDe inzet van Nederland is vertrouwelijk.\n\n3. Informatie die niet openbaar gemaakt kan worden\n\nDeze nota wordt in zijn geheel niet openbaar gemaakt ter bescherming van de betrekkingen met andere staten.`, 'document');
  void m;
  return b;
}

const TEMPLATES = [
  ['nota', (r) => beslisnota(r, { merged: false, second: r.chance(0.5), withhold: false })],
  ['nota-merged', (r) => beslisnota(r, { merged: true, second: r.chance(0.5), withhold: false })],
  ['nota-withheld-section', (r) => beslisnota(r, { merged: false, second: false, withhold: true })],
  ['email', (r) => emailThread(r, { cc: r.chance(0.7), wethouder: r.chance(0.5) })],
  ['kamerbrief', kamerbrief],
  ['besluit', burgerBesluit],
  ['verslag', verslag],
  ['nota-directeur', directeurNota],
];

const COUNTS = { nota: 16, 'nota-merged': 12, 'nota-withheld-section': 6, email: 20, kamerbrief: 10, besluit: 10, verslag: 10, 'nota-directeur': 6 };

function generate() {
  rmSync(outDir, { recursive: true, force: true });
  mkdirSync(outDir, { recursive: true });
  let seed = 1;
  let files = 0;
  let names = 0;
  for (const [kind, template] of TEMPLATES) {
    for (let i = 1; i <= COUNTS[kind]; i++) {
      const r = rng(seed++ * 7919);
      const doc = template(r).build();
      // OCR-style damage on half the documents; line wrapping with hyphenation on most.
      if (r.chance(0.5)) ocrDamage(doc, r, r.int(1, 4));
      if (r.chance(0.7)) wrapLines(doc, r, r.int(60, 85), true);
      if (r.chance(0.15)) doc.text = doc.text.replace(/\n\n(?=\d\. )/, '\n\f');
      const name = `${kind}-${String(i).padStart(2, '0')}`;
      const spans = doc.spans.map((s) => ({ start: s.start, end: s.end, entity: s.entity, action: s.action }));
      for (const s of spans) {
        if (doc.text.slice(s.start, s.end).trim() === '') throw new Error(`empty span in ${name}`);
      }
      names += spans.filter((s) => s.entity === 'person').length;
      writeFileSync(join(outDir, `${name}.txt`), doc.text);
      writeFileSync(join(outDir, `${name}.gold.json`), `${JSON.stringify({ spans }, null, 1)}\n`);
      files++;
    }
  }
  console.log(`${files} documents, ${names} annotated name mentions in ${outDir}`);
}

generate();
