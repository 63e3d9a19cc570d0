// A synthetic Woo dossier for the publication-package tests: nota's (one with an identical copy,
// one withheld wholly), an e-mail thread whose replies quote the earlier messages whole, an OCR'd
// scan, and files the batch refuses. All names and numbers are invented.
import { readFileSync } from 'node:fs';
import { type Dossier, fixturePdf, tempDossier } from './fixtures-files.js';

export type { Dossier } from './fixtures-files.js';

export const NOTA = `Minister van Binnenlandse Zaken en Koninkrijksrelaties

Directoraat-generaal Openbaar Bestuur

Contactpersoon
Roeland Verbeek
T 06 12 34 56 78
r.verbeek@minbzk.nl

Datum
12 maart 2024

Ons kenmerk
2024-0000123

nota

Subsidieregeling dorpshuizen

1. Aanleiding

U heeft gevraagd om een voorstel. Roeland Verbeek heeft dit afgestemd met Ilse Brandsma.

2. Geadviseerd besluit

Akkoord gaan met de regeling.

5. Informatie die niet openbaar gemaakt kan worden

De persoonsgegevens van de ambtenaren zijn niet openbaar ter bescherming van de persoonlijke levenssfeer.
`;

export const NOTA_WITHHELD = `Minister van Binnenlandse Zaken en Koninkrijksrelaties

Contactpersoon
Ilse Brandsma
T 06 98 76 54 32

Datum
2 april 2024

nota

Gevoelige afweging over de beveiliging

1. Aanleiding

Dit is een interne afweging.

5. Informatie die niet openbaar gemaakt kan worden

Deze nota wordt in zijn geheel niet openbaar gemaakt op grond van artikel 5.1, tweede lid, onder i, Woo.
`;

const MAIL_1 = `Van: Ilse Brandsma <i.brandsma@minbzk.nl>
Verzonden: dinsdag 5 maart 2024 09:14
Aan: Roeland Verbeek <r.verbeek@minbzk.nl>
Onderwerp: planning dorpshuizen

Hoi Roeland,

Kun je de nota over de dorpshuizen voor vrijdag klaar hebben?

Groet,
Ilse Brandsma
`;

const MAIL_2 = `Van: Roeland Verbeek <r.verbeek@minbzk.nl>
Verzonden: woensdag 6 maart 2024 16:40
Aan: Ilse Brandsma <i.brandsma@minbzk.nl>
Onderwerp: RE: planning dorpshuizen
Bijlagen: nota-dorpshuizen.txt

Dag Ilse,

Bijgaand de conceptnota. De minister wil de brief voor het reces versturen.

Met vriendelijke groet,
Roeland Verbeek
M 06 12 34 56 78

-----Oorspronkelijk bericht-----
${MAIL_1}`;

const MAIL_3 = `Van: Ilse Brandsma <i.brandsma@minbzk.nl>
Verzonden: 7 maart 2024 08:02
Aan: Roeland Verbeek <r.verbeek@minbzk.nl>
Onderwerp: RE: planning dorpshuizen

Dank, ik stuur hem door.

Ilse

-----Oorspronkelijk bericht-----
${MAIL_2}`;

export const SCAN_FIXTURE = fixturePdf('ocrmypdf-scan.pdf');

/** Writes the dossier into a fresh temporary folder. */
export function writeDossier(): Dossier {
  return tempDossier('woo-publish-', {
    'nota-dorpshuizen.txt': NOTA,
    'z-kopie-nota-dorpshuizen.txt': NOTA,
    'nota-beveiliging.txt': NOTA_WITHHELD,
    'mails/mail-1.txt': MAIL_1,
    'mails/mail-2.txt': MAIL_2,
    'mails/mail-3.txt': MAIL_3,
    'scan-nota.pdf': readFileSync(SCAN_FIXTURE),
    'kapot.txt': Buffer.from([0, 1, 2, 3]),
    'presentatie.docx': 'x',
  });
}

export const DOSSIER_CONFIG = {
  dossier: {
    matter: 'WOO-2024-017',
    organisation: 'ministerie van Binnenlandse Zaken en Koninkrijksrelaties',
    besluitnaam: 'Besluit op het Woo-verzoek over dorpshuizen',
    besluitdatum: '2024-11-01',
    zaaknummer: 'ZK-2024-001',
  },
};
