// A synthetic dossier for linking e-mails across OCR: a reply that exists only as the OCR'd text
// of a printed page (quoting a digital mail), a digital reply quoting a mail that exists only as
// a scan, and mails of the same conversations that quote nothing of the others. All names and
// addresses are invented.
import { type Dossier, tempDossier } from './fixtures-files.js';

const SUBSTITUTE: readonly [RegExp, string][] = [
  [/l/, '1'],
  [/o/, '0'],
  [/m/, 'rn'],
  [/e/, 'c'],
  [/i/, 'l'],
  [/a/, 'e'],
  [/n/, 'u'],
  [/h/, 'b'],
];
const LABEL = /^(Van|Verzonden|Aan|CC|Onderwerp):\s*/;

/**
 * OCR noise, deterministic: one word in four has a letter misread (l/1, o/0, m/rn, e/c, ...),
 * one in thirteen is split in two, one in seventeen gets a stray comma, accents are dropped.
 * Header labels stay readable (OCR reads bold labels well); their values do not.
 */
export function ocrNoise(text: string): string {
  let w = 0;
  return text
    .normalize('NFKD')
    .replace(/[\u0300-\u036f]/g, '')
    .split('\n')
    .map((line) => {
      const label = LABEL.exec(line)?.[0] ?? '';
      const words = line
        .slice(label.length)
        .split(' ')
        .map((word) => {
          w++;
          let out = word;
          if (w % 4 === 1) {
            const rule = SUBSTITUTE.find(([re]) => re.test(out));
            if (rule) out = out.replace(rule[0], rule[1]);
          }
          if (w % 13 === 7 && out.length >= 6) out = `${out.slice(0, 3)} ${out.slice(3)}`;
          if (w % 17 === 3 && out !== '') out = `${out},`;
          return out;
        });
      return label + words.join(' ');
    })
    .join('\n');
}

const BUDGET_1 = `Van: Marloes Kuipers <m.kuipers@minbzk.nl>
Verzonden: maandag 8 april 2024 10:12
Aan: Teun Bakker <t.bakker@minbzk.nl>
Onderwerp: begroting buurthuizen 2025

Beste Teun,

Voor het overleg van donderdag heb ik de begroting voor de buurthuizen bijgewerkt. De post
onderhoud is verhoogd omdat drie gebouwen een nieuw dak nodig hebben, en de bijdrage van de
provincie is nog niet toegezegd. Kun je nagaan of de gemeenten hun deel voor juni kunnen betalen?

Met vriendelijke groet,
Marloes Kuipers
`;

// The reply, printed and scanned: its own message and the quoted BUDGET_1, both OCR'd.
const BUDGET_2_PRINTED = `Van: Teun Bakker <t.bakker@minbzk.nl>
Verzonden: dinsdag 9 april 2024 15:47
Aan: Marloes Kuipers <m.kuipers@minbzk.nl>
Onderwerp: RE: begroting buurthuizen 2025

Dag Marloes,

Ik heb de gemeenten gebeld. Twee kunnen voor juni betalen, de derde pas na de zomer omdat hun
raad eerst over de voorjaarsnota moet besluiten. Ik zet het op de agenda van donderdag.

Groet,
Teun Bakker

-----Oorspronkelijk bericht-----
${BUDGET_1}`;

// Another reply to BUDGET_1, digital, quoting it exactly: same conversation, nothing of BUDGET_2.
const BUDGET_3 = `Van: Sanne de Graaf <s.degraaf@minbzk.nl>
Verzonden: dinsdag 9 april 2024 16:05
Aan: Marloes Kuipers <m.kuipers@minbzk.nl>
Onderwerp: RE: begroting buurthuizen 2025

Hoi Marloes,

De bijdrage van de provincie komt in de vergadering van mei aan de orde. Ik laat je weten of de
gedeputeerde akkoord is. Wil je de post onderhoud per gebouw uitsplitsen voor donderdag?

Groet,
Sanne de Graaf

-----Oorspronkelijk bericht-----
${BUDGET_1}`;

// A mail that exists only as a scan, and the digital reply that quotes it.
const OVERLEG_1_PRINTED = `Van: Joris Hendriks <j.hendriks@minbzk.nl>
Verzonden: woensdag 17 april 2024 09:30
Aan: Marloes Kuipers <m.kuipers@minbzk.nl>
Onderwerp: verslag werkbezoek Oosterwijk

Beste Marloes,

Hierbij mijn aantekeningen van het werkbezoek aan het buurthuis in Oosterwijk. Het bestuur vraagt
om een tweede toegangsdeur en om hulp bij het vinden van vrijwilligers voor de avonden. De
wethouder heeft toegezegd dat de gemeente de huur voor dit jaar bevriest.

Vriendelijke groet,
Joris Hendriks
`;

const OVERLEG_2 = `Van: Marloes Kuipers <m.kuipers@minbzk.nl>
Verzonden: woensdag 17 april 2024 14:02
Aan: Joris Hendriks <j.hendriks@minbzk.nl>
Onderwerp: RE: verslag werkbezoek Oosterwijk

Dank Joris, ik neem de vraag om een tweede deur mee in de begroting.

Marloes

-----Oorspronkelijk bericht-----
${OVERLEG_1_PRINTED}`;

// Same shape, greeting, signature and sender as OVERLEG_1, about something else: linked to nothing.
const OVERLEG_OTHER = `Van: Joris Hendriks <j.hendriks@minbzk.nl>
Verzonden: donderdag 18 april 2024 11:20
Aan: Marloes Kuipers <m.kuipers@minbzk.nl>
Onderwerp: verslag werkbezoek Westerhoven

Beste Marloes,

Hierbij mijn aantekeningen van het werkbezoek aan het buurthuis in Westerhoven. Het bestuur is
tevreden over de nieuwe keuken en zoekt nog een penningmeester. De gemeente betaalt de huur voor
dit jaar zoals afgesproken.

Vriendelijke groet,
Joris Hendriks
`;

export const OCR_DOSSIER_FILES: Readonly<Record<string, string>> = {
  'mails/budget-1.txt': BUDGET_1,
  'scans/budget-2-scan.txt': ocrNoise(BUDGET_2_PRINTED),
  'mails/budget-3.txt': BUDGET_3,
  'scans/overleg-1-scan.txt': ocrNoise(OVERLEG_1_PRINTED),
  'mails/overleg-2.txt': OVERLEG_2,
  'mails/overleg-westerhoven.txt': OVERLEG_OTHER,
  // The same mail again, printed and scanned: another rendering, not a duplicate.
  'scans/overleg-westerhoven-scan.txt': ocrNoise(OVERLEG_OTHER),
};

export function writeOcrDossier(): Dossier {
  return tempDossier('woo-ocr-threads-', OCR_DOSSIER_FILES);
}
