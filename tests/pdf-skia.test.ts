/**
 * PDFs as Chrome writes them (Skia/PDF: CID TrueType subsets with Identity-H, link annotations,
 * transparency groups, text in SVG, rotated and letter-spaced runs, a header repeated on every
 * page), printed by Debian's chromium from synthetic HTML through playwright-core: a producer the
 * hand-made fixtures do not imitate. Every person's data is gone from the output by pdftotext and
 * qpdf's decoded objects; the kept text stays.
 */
import { existsSync } from 'node:fs';
import { type Browser, chromium } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { runPdfPipeline } from '../src/pdf-pipeline.js';
import { HAVE_POPPLER, HAVE_QPDF, pdftotext, qpdfUncompressed } from './pdf-tools.js';

const CHROMIUM = '/usr/bin/chromium';
const READY = existsSync(CHROMIUM) && HAVE_POPPLER && HAVE_QPDF;

const MAIL = `<!doctype html><html lang="nl"><head><meta charset="utf-8"><style>
body{font-family:"DejaVu Sans",sans-serif;font-size:11pt} td{padding:2px 8px}</style></head><body>
<table>
<tr><td><b>Van:</b></td><td>Hoekstra, M. (Maarten) &lt;<a href="mailto:maarten.hoekstra@minbzk.nl">maarten.hoekstra@minbzk.nl</a>&gt;</td></tr>
<tr><td><b>Verzonden:</b></td><td>dinsdag 3 maart 2020 14:12</td></tr>
<tr><td><b>Aan:</b></td><td>Brouwer, Ilse &lt;ilse.brouwer@minfin.nl&gt;</td></tr>
<tr><td><b>Onderwerp:</b></td><td>RE: Concept nota over de Woo-verzoeken</td></tr></table>
<p>Beste Ilse,</p>
<p>Hierbij het concept van de nota. Kun je voor donderdag reageren?</p>
<p>Met vriendelijke groet,<br>Maarten Hoekstra<br>Senior beleidsmedewerker<br>Directie Constitutionele Zaken<br>M 06-41526374</p>
</body></html>`;

const NOTA = `<!doctype html><html lang="nl"><head><meta charset="utf-8"><style>
body{font-family:"DejaVu Serif",serif;font-size:11pt}
.o{opacity:.6} .r{display:inline-block;transform:rotate(-8deg)} .ls{letter-spacing:2px}
.hdr{position:fixed;top:0;right:0;color:#555;font-size:8pt} .col{column-count:2}
</style></head><body>
<div class="hdr">Behandeld door: Karin Verbeek, k.verbeek@minvws.nl</div>
<h1>Nota aan de minister</h1>
<p class="o">Contactpersoon: Ruben Wijnands, telefoon 06-52637485</p>
<p><span class="r">Paraaf: Joost Kramer</span></p>
<p class="ls">Opgesteld door Femke Dijkman (femke.dijkman@minvws.nl)</p>
<svg width="420" height="40"><text x="0" y="20" font-size="14">Contactpersoon: Noor Hendriks</text></svg>
<div class="col"><p>Over het beleid is overleg gevoerd met de uitvoering; de nota beschrijft de gevolgen voor
de planning, de kosten en de communicatie over de maatregel in het voorjaar.</p>
<p>Contactpersoon: Eva Molenaar, e-mail eva.molenaar@minvws.nl, telefoon 070 340 5678.</p></div>
<div style="page-break-before:always"></div>
<h2>Bijlage bij de nota</h2><p>Contactpersoon: Lars Koster, telefoon 06-34567890.</p>
</body></html>`;

let browser: Browser | undefined;

async function print(html: string): Promise<Uint8Array> {
  const page = await (browser as Browser).newPage();
  try {
    await page.setContent(html);
    return new Uint8Array(await page.pdf({ format: 'A4', printBackground: true }));
  } finally {
    await page.close();
  }
}

describe.skipIf(!READY)('PDFs printed by Chrome (Skia/PDF)', () => {
  beforeAll(async () => {
    browser = await chromium.launch({ executablePath: CHROMIUM, headless: true, args: ['--no-sandbox', '--disable-gpu', '--disable-background-networking'] });
  }, 60_000);
  afterAll(async () => {
    await browser?.close();
  });

  it.each([
    ['an e-mail with a mailto link', MAIL, ['Hoekstra', 'maarten.hoekstra', 'Brouwer', 'ilse.brouwer', '41526374'], ['Concept nota over de Woo-verzoeken', 'Directie Constitutionele Zaken']],
    [
      'a two-page nota with a repeated header, transparency, rotation, letter spacing, SVG text and columns',
      NOTA,
      // (The rotated paraaf is in the file as a shape; pdftotext reads rotated runs in pieces.)
      ['Verbeek', 'k.verbeek', 'Wijnands', '52637485', 'Dijkman', 'femke.dijkman', 'Hendriks', 'Molenaar', 'eva.molenaar', '340 5678', 'Koster', '34567890'],
      ['Nota aan de minister', 'Bijlage bij de nota'],
    ],
  ])('redacts %s clean', async (_what, html, gone, kept) => {
    const bytes = await print(html);
    // Each value can be read from the printed file (else the checks below would prove nothing);
    // the raw objects matter for what is not glyph codes: the link's URI, metadata.
    // Letter-spaced runs come out of pdftotext with spaces between the letters: compared without.
    const squeeze = (t: string) => t.replace(/\s+/g, '');
    const before = squeeze(pdftotext(bytes));
    for (const value of [...gone, ...kept]) expect(before, value).toContain(squeeze(value));
    expect(Buffer.from(bytes).toString('latin1')).toMatch(/\/Producer \(Skia\/PDF/);
    const result = await runPdfPipeline(bytes, 'chrome.pdf', { ocr: false });
    const text = squeeze(pdftotext(result.pdf));
    const raw = qpdfUncompressed(result.pdf);
    for (const value of gone) {
      expect(text, value).not.toContain(squeeze(value));
      expect(raw.includes(value), value).toBe(false);
    }
    for (const value of kept) expect(text).toContain(squeeze(value));
    expect(result.manifest.redactions.length).toBeGreaterThanOrEqual(gone.length - 2);
    // The link annotation quoting the address is not published either.
    expect(raw).not.toMatch(/mailto:/);
  }, 60_000);
});
