// Pages OCR was unsure of: what it read there goes to review around what detection decided.
import { describe, expect, it } from 'vitest';
import { ingestString } from '../src/ingest/text.js';
import { analyzeDocument } from '../src/pipeline.js';

const text = 'Pagina een over de planning.\fContactpersoon: Piet Jansen, T 06 12345678\nMarieke.Zwanenburg. heeft getekend.\fPagina drie.';
const page2 = { start: text.indexOf('Contactpersoon'), end: text.lastIndexOf('\f') };

describe('unsure pages (decide)', () => {
  const plain = analyzeDocument(ingestString(text));
  const unsure = analyzeDocument({ ...ingestString(text), unsurePages: [page2] });
  const reviews = unsure.decisions.filter((d) => d.finding.detector === 'ocr-unsure');

  it('puts all the page holds outside what is decided already to review, and nothing of the other pages', () => {
    expect(plain.decisions.some((d) => d.finding.detector === 'ocr-unsure')).toBe(false);
    expect(reviews.length).toBeGreaterThan(0);
    for (const d of reviews) {
      expect(d).toMatchObject({ action: 'review', ground: '5.1.2e', reason: { kind: 'ocr-unsure' } });
      expect(d.finding.span.start).toBeGreaterThanOrEqual(page2.start);
      expect(d.finding.span.end).toBeLessThanOrEqual(page2.end);
    }
    // Every letter of page 2 is under a decision: found or under review.
    const covered = (i: number) => unsure.decisions.some((d) => d.action !== 'keep' && d.finding.span.start <= i && i < d.finding.span.end);
    for (let i = page2.start; i < page2.end; i++) if (/[\p{L}\p{N}]/u.test(unsure.text[i] as string)) expect(covered(i), unsure.text.slice(i, i + 10)).toBe(true);
    // The misread name is inside a review item.
    const at = unsure.text.indexOf('Zwanenburg');
    expect(reviews.some((d) => d.finding.span.start <= at && at < d.finding.span.end)).toBe(true);
  });

  it('keeps what detection found as it was: a reviewer who releases the page still has those redacted', () => {
    const found = plain.decisions.filter((d) => d.action === 'redact').map((d) => [d.finding.entity, d.finding.span.start, d.finding.span.end]);
    expect(found.length).toBeGreaterThan(0);
    expect(unsure.decisions.filter((d) => d.action === 'redact').map((d) => [d.finding.entity, d.finding.span.start, d.finding.span.end])).toEqual(found);
    // No review item overlaps a redaction.
    for (const r of reviews) for (const d of unsure.decisions.filter((x) => x.action === 'redact')) expect(r.finding.span.end <= d.finding.span.start || r.finding.span.start >= d.finding.span.end).toBe(true);
  });
});

describe('the mark of an image OCR could not read', () => {
  it('is put to review even where nothing else is left on its page around what was found', () => {
    const text = 'T 06 12345678\n\u2026';
    const doc = analyzeDocument({ ...ingestString(text), unsurePages: [{ start: 0, end: text.length }] });
    const reviews = doc.decisions.filter((d) => d.finding.detector === 'ocr-unsure');
    const at = doc.text.indexOf('\u2026');
    expect(at).toBeGreaterThan(0);
    expect(reviews.some((d) => d.finding.span.start <= at && at < d.finding.span.end)).toBe(true);
  });
});
