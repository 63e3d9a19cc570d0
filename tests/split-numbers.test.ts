import { describe, expect, it } from 'vitest';
import { redactText } from '../src/api.js';

/** The redacted values of a text, as source substrings, and the output. */
function redactions(text: string): { values: Set<string>; output: string } {
  const result = redactText(text);
  return { values: new Set(result.manifest.redactions.map((r) => text.slice(r.start, r.end))), output: result.text };
}

describe('numbers split by a line or page break', () => {
  it.each([
    ['an IBAN wrapped after a group', 'Rekening: NL91 ABNA \n0417 1643 00 t.n.v. de heer\n', 'NL91 ABNA \n0417 1643 00', 'Rekening: [5.1.2e] \n[5.1.2e] t.n.v. de heer\n'],
    ['an IBAN wrapped with the layout\'s indentation', 'IBAN              NL91 ABNA\n                  0417 1643 00\n', 'NL91 ABNA\n                  0417 1643 00', 'IBAN              [5.1.2e]\n                  [5.1.2e]\n'],
    ['an IBAN across a page break', 'IBAN NL91 ABNA 0417\f1643 00 is bekend.\n', 'NL91 ABNA 0417\f1643 00', 'IBAN [5.1.2e]\f[5.1.2e] is bekend.\n'],
    ['a mobile number wrapped after the prefix', 'Bereikbaar op tel. 06 -\n12345678 (mobiel).\n', '06 -\n12345678', 'Bereikbaar op tel. [5.1.2e]\n[5.1.2e] (mobiel).\n'],
    ['a mobile number wrapped with indentation', 'T 06 44 29\n      81 50\n', '06 44 29\n      81 50', 'T [5.1.2e]\n      [5.1.2e]\n'],
    ['an international number across CRLF', 'M +31 6 1234\r\n5678\r\n', '+31 6 1234\r\n5678', 'M [5.1.2e]\r\n[5.1.2e]\r\n'],
    ['an area-code number wrapped', 'Telefoon (0297) 38\n75 75\n', '(0297) 38\n75 75', 'Telefoon [5.1.2e]\n[5.1.2e]\n'],
  ])('finds %s, with both parts redacted and the break kept', (_name, text, value, output) => {
    const r = redactions(text);
    expect(r.values).toEqual(new Set([value]));
    expect(r.output).toBe(output);
  });

  it.each([
    ['an IBAN whose check digits fail across the break', 'IBAN NL91 ABNA \n0417 1643 01\n'],
    ['too many digits across the break', 'T 06 1234\n56789\n'],
    ['a column of numbered lines', 'Nummers:\n01\n02\n03\n04\n05\n06\n07\n08\n09\n'],
    ['a year and a page number', 'Den Haag, 2024\n0612\n'],
  ])('does not make a number of %s', (_name, text) => {
    const result = redactText(text);
    expect(result.manifest.redactions.filter((r) => /[\n\f]/.test(text.slice(r.start, r.end)))).toEqual([]);
    expect(result.manifest.redactions.filter((r) => r.entity === 'iban')).toEqual([]);
  });
});

describe('numbers split by a line break in a PDF', () => {
  it('paints a box on each line and leaves no digit of the number readable', async () => {
    const { PDFDocument, StandardFonts } = await import('pdf-lib');
    const { runPdfPipeline } = await import('../src/pdf-pipeline.js');
    const { extractWithPdfJs } = await import('../src/verify/pdf.js');
    const doc = await PDFDocument.create();
    const page = doc.addPage([400, 300]);
    const font = await doc.embedFont(StandardFonts.Helvetica);
    page.drawText('Rekening: NL91 ABNA', { x: 40, y: 250, size: 11, font });
    page.drawText('0417 1643 00 t.n.v. de aanvrager', { x: 40, y: 236, size: 11, font });
    page.drawText('Telefoon: 06 44 29', { x: 40, y: 200, size: 11, font });
    page.drawText('81 50 (mobiel)', { x: 40, y: 186, size: 11, font });
    const result = await runPdfPipeline(await doc.save({ useObjectStreams: false }), 'brief.pdf');
    const redactions = result.manifest.redactions.map((r) => ({ entity: r.entity, boxes: r.boxes?.length }));
    expect(redactions).toEqual([
      { entity: 'iban', boxes: 2 },
      { entity: 'phone', boxes: 2 },
    ]);
    const text = await extractWithPdfJs(result.pdf);
    for (const part of ['NL91', 'ABNA', '0417', '1643', '44 29', '81 50']) expect(text).not.toContain(part);
    for (const kept of ['Rekening:', 't.n.v. de aanvrager', 'Telefoon:', '(mobiel)']) expect(text).toContain(kept);
  });
});
