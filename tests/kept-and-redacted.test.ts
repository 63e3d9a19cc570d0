import { describe, expect, it } from 'vitest';
import { redactText } from '../src/api.js';
import { defineRecognizer } from '../src/detect/recognizer.js';
import { runPdfPipeline } from '../src/pdf-pipeline.js';
import { extractWithPdfJs } from '../src/verify/pdf.js';

/** The person values a text's redaction removes, as source substrings (as a multiset, sorted). */
function redacted(text: string, options: Parameters<typeof redactText>[1] = {}): string[] {
  const result = redactText(text, options);
  return result.manifest.redactions.filter((r) => r.entity === 'person').map((r) => text.slice(r.start, r.end)).sort();
}

// The same string identifies a public official in one place and a civil servant in another.
const FIRST_NAME = 'Van: Ruben Bakker\nAan: Team Woo\n\nBeste Ruben,\n\nWethouder Ilsink stemt in.\n\nGroet,\nRuben\n';
const INHERITED = 'Contactpersoon\nAnouk de Vries\n\nMinister Hanna de Vries heeft ingestemd.\nDe Vries zegt dat het kan.\n';
const OWN_OFFICE = 'Contactpersoon\nAnouk de Vries\n\nMinister De Vries heeft ingestemd. De Vries belt u morgen.\n';

describe("a value both kept and redacted is resolved before writing, in the redaction's favour", () => {
  it('a first name shared by a wethouder and a colleague: every occurrence is redacted', () => {
    const result = redactText(FIRST_NAME);
    expect(redacted(FIRST_NAME)).toEqual(['Ruben', 'Ruben', 'Ruben Bakker']);
    expect(result.text).toMatch(/^Van: \[5\.1\.2e\]\n.*\n\nBeste \[5\.1\.2e\],\n\nWethouder Ilsink stemt in\.\n\nGroet,\n\[5\.1\.2e\]\n$/);
  });

  it('a surname shared by a minister and a civil servant: only the mention with its own office stays', () => {
    const result = redactText(INHERITED);
    expect(redacted(INHERITED)).toEqual(['Anouk de Vries', 'De Vries']);
    expect(result.text).toBe('Contactpersoon\n[5.1.2e]\n\nMinister Hanna de Vries heeft ingestemd.\n[5.1.2e] zegt dat het kan.\n');
  });

  it('the same string kept beside its office and redacted elsewhere: the output is written and the allowance is that one', () => {
    const result = redactText(OWN_OFFICE);
    expect(redacted(OWN_OFFICE)).toEqual(['Anouk de Vries', 'De Vries']);
    expect(result.text).toBe('Contactpersoon\n[5.1.2e]\n\nMinister De Vries heeft ingestemd. [5.1.2e] belt u morgen.\n');
    const kept = result.document.decisions.filter((d) => d.action === 'keep' && d.finding.entity === 'person').map((d) => result.document.text.slice(d.finding.span.start, d.finding.span.end));
    expect(kept).toEqual(['De Vries']);
  });

  it('keeps a public official whose full name only contains the redacted value', () => {
    const text = 'Van: Jeroen Bakker\nAan: Team Woo\n\nMinister Jeroen Zandvoort heeft ingestemd.\n\nGroet,\nJeroen\n';
    const result = redactText(text);
    expect(result.text).toContain('Minister Jeroen Zandvoort heeft ingestemd.');
    expect(redacted(text)).toEqual(['Jeroen', 'Jeroen Bakker']);
  });

  it('drops a keep that a redaction covers, so the verifier allows no more than stays readable', () => {
    // A recognizer that keeps "de Vries" alone as a public official where the text has "Jan de
    // Vries", redacted elsewhere: the same characters both kept and redacted.
    const keepSurname = defineRecognizer({
      id: 'test-public-surname',
      entity: 'person',
      suggestedGround: '5.1.2e',
      find: (ctx) => [...ctx.text.matchAll(/(?<=Jan )de Vries(?= sprak)/g)].map((m) => ({ span: { start: m.index, end: m.index + m[0].length }, confidence: 0.9, role: { role: 'minister', roleClass: 'public' as const } })),
      examples: [],
    });
    const text = 'Contactpersoon\nJan de Vries\nT 06 12345678\n\nVolgens Jan de Vries sprak men af.\n';
    const result = redactText(text, { recognizers: [keepSurname] });
    expect(result.text).toBe('Contactpersoon\n[5.1.2e]\nT [5.1.2e]\n\nVolgens [5.1.2e] sprak men af.\n');
    expect(result.document.decisions.filter((d) => d.action === 'keep' && d.finding.entity === 'person')).toEqual([]);
  });

  it('propagates reviews as well when reviews leave the output (reviewedAs: redact)', () => {
    const text = 'Behandeld door\nMarco Jansen, afdelingshoofd\n\nJansen belt u terug. Marco Jansen is bereikbaar.\n';
    const result = redactText(text, { policy: { reviewedAs: 'redact' } });
    expect(result.text).not.toMatch(/Jansen|Marco/);
  });

  it('writes the PDF, resolved the same way', async () => {
    const { PDFDocument, StandardFonts } = await import('pdf-lib');
    const doc = await PDFDocument.create();
    const page = doc.addPage([420, 300]);
    const font = await doc.embedFont(StandardFonts.Helvetica);
    INHERITED.split('\n').forEach((line, i) => page.drawText(line, { x: 30, y: 260 - 14 * i, size: 10, font }));
    const result = await runPdfPipeline(await doc.save({ useObjectStreams: false }), 'brief.pdf');
    const out = await extractWithPdfJs(result.pdf);
    expect(out).toContain('Minister Hanna de Vries heeft ingestemd.');
    expect(out).not.toContain('Anouk');
    expect(out).not.toMatch(/^De Vries zegt/m);
    expect(result.manifest.redactions.filter((r) => r.entity === 'person')).toHaveLength(2);
  });
});
