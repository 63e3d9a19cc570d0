import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { main as batch } from '../examples/batch.js';
import { caseNumber, main as custom } from '../examples/custom-recognizer.js';
import { main as redactTextExample } from '../examples/redact-text.js';
import { main as redactPdfExample } from '../examples/redact-pdf.js';
import { found } from './helpers.js';

const out = mkdtempSync(join(tmpdir(), 'woo-examples-'));
afterAll(() => rmSync(out, { recursive: true, force: true }));

describe('examples run', () => {
  it('redact-text', () => {
    const r = redactTextExample();
    expect(r.text).toBe('Contactpersoon\n[5.1.2e]\nT [5.1.2e]\n\n1. Aanleiding\n\nDit is afgestemd met [5.1.2e] (DGM). De minister stemt in.');
    expect(r.redactions).toBe(3);
    expect(r.grounds).toEqual(['5.1.2e (art. 5.1, tweede lid, onder e, Woo)']);
  });

  it('custom-recognizer, with its own examples', () => {
    expect(custom()).toBe('Uw zaak [5.1.2e] is in behandeling.');
    for (const e of caseNumber.examples) expect(found(caseNumber, e.text)).toEqual(e.expect);
  });

  it('redact-pdf', async () => {
    const r = await redactPdfExample(new URL('../fixtures/pdf/owner-password-aes256.pdf', import.meta.url).pathname, join(out, 'x.pdf'));
    expect(r.pages).toBe(1);
    expect(r.redactions).toBeGreaterThanOrEqual(4);
    expect(r.warnings).toContain('PDF_OWNER_PASSWORD_REMOVED');
    expect(readFileSync(join(out, 'x.pdf')).subarray(0, 5).toString('latin1')).toBe('%PDF-');
  });

  it('batch over examples/input', async () => {
    const summary = await batch(out);
    expect(summary.totals).toMatchObject({ files: 5, ok: 4, failed: 0, skipped: 1 });
    const mail = readFileSync(join(out, 'dossier-2024', 'mail-reactie.redacted.txt'), 'utf8');
    for (const name of ['Zwanenburg', 'Marieke', 'Pieter', 'Hoogeveen', 'Ahmed', 'Amrani', '44 29 81 50']) expect(mail).not.toContain(name);
    expect(mail).toContain('De staatssecretaris wil de brief');
    const besluit = readFileSync(join(out, 'losse-stukken', 'besluit-aanvraag.redacted.txt'), 'utf8');
    for (const value of ['Bouzidi', 'Lindenlaan', '3521 AB', '1234567890', '123456782', '12-03-1984', 'NL91', 'Sanne', 'Vermeer']) expect(besluit).not.toContain(value);
    for (const value of ['Postbus 287', '7600 AG Almelo', '088 043 0430', 'info@ind.nl', 'Teamleider Asiel']) expect(besluit).toContain(value);
  });
});
