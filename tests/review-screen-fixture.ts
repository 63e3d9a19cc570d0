/**
 * A small synthetic dossier for the review screen's browser test: a three-page PDF and a text
 * nota, invented names only. Where a word lies on the PDF page is returned, so the test can draw
 * a box over it as a reviewer would.
 */
import { PDFDocument, StandardFonts } from 'pdf-lib';
import { syntheticNota } from './fixtures-review.js';

export const PAGE = { width: 595.28, height: 841.89 };

export const PDF_PAGES: readonly (readonly string[])[] = [
  ['Ministerie van Binnenlandse Zaken', '', 'Contactpersoon', 'Jorien Vermeulen', 'T 06 18273645', 'j.vermeulen@minbzk.nl', '', 'Nota', '', '1. Aanleiding', 'De directeur Hanneke Mulder vroeg om advies over de aanpak.'],
  ['2. Afstemming', '', 'Dit is afgestemd met Pieter de Vries, senior beleidsmedewerker.', 'Het project Zilvermeeuw loopt door tot het einde van het jaar.', 'Het algemene nummer van de afdeling is 070 3456789.'],
  ['3. Besluit', '', 'Hanneke Mulder stemt in met het voorstel.', 'Jorien Vermeulen stuurt de brief voor het reces.'],
];

export const NOTA = syntheticNota(['Kenmerk: projectcode Kraanvogel, intern bekend.']);

const SIZE = 11;
const LEFT = 72;
const TOP = 770;
const LEADING = 16;

export interface WordBox {
  readonly page: number;
  readonly x: number;
  readonly y: number;
  readonly width: number;
  readonly height: number;
}

export async function screenPdf(): Promise<{ bytes: Uint8Array; word: (page: number, word: string) => WordBox }> {
  const doc = await PDFDocument.create();
  const font = await doc.embedFont(StandardFonts.Helvetica);
  for (const lines of PDF_PAGES) {
    const page = doc.addPage([PAGE.width, PAGE.height]);
    lines.forEach((line, i) => page.drawText(line, { x: LEFT, y: TOP - i * LEADING, size: SIZE, font }));
  }
  const bytes = await doc.save({ useObjectStreams: false });
  const word = (page: number, w: string): WordBox => {
    const lines = PDF_PAGES[page - 1] ?? [];
    const i = lines.findIndex((l) => l.includes(w));
    if (i < 0) throw new Error(`no ${w} on page ${page}`);
    const line = lines[i] as string;
    const x = LEFT + font.widthOfTextAtSize(line.slice(0, line.indexOf(w)), SIZE);
    return { page, x, y: TOP - i * LEADING - 3, width: font.widthOfTextAtSize(w, SIZE), height: SIZE + 2 };
  };
  return { bytes, word };
}
