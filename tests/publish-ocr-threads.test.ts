import { readFileSync } from 'node:fs';
import { beforeAll, describe, expect, it } from 'vitest';
import { type BatchSummary, runBatch } from '../src/cli/batch.js';
import { ConfigSchema } from '../src/config/config.js';
import { relateDocuments } from '../src/publish/duplicates.js';
import { documentFacts } from '../src/publish/facts.js';
import { containment, decodeSketch, encodeSketch, foldForOcr, positionsOf, sketchOf } from '../src/publish/quote-sketch.js';
import { OCR_DOSSIER_FILES, ocrNoise, writeOcrDossier } from './publish-ocr-dossier.js';
import { importerRecords, parseCsv } from './publish-importer.js';

const NAMES = Object.keys(OCR_DOSSIER_FILES);
const at = (name: string) => NAMES.indexOf(name);
const facts = () => NAMES.map((n) => documentFacts(OCR_DOSSIER_FILES[n] as string));

describe('OCR-tolerant sketches', () => {
  it('fold the usual OCR confusions, accents, case, spacing and punctuation to one form', () => {
    expect(foldForOcr('Het 0nderhoud rnoet beta1en, ge- bouwen: één|')).toBe(foldForOcr('het onderhoud moet betalen gebouwen een l'));
  });

  it('store 24-bit values only, and read back what they stored', () => {
    const sketch = sketchOf('De begroting voor de buurthuizen is bijgewerkt en de post onderhoud is verhoogd.');
    expect(sketch.length).toBeGreaterThan(3);
    for (const v of sketch) expect(v).toBeLessThan(2 ** 24);
    expect(decodeSketch(encodeSketch(sketch))).toEqual(sketch);
  });

  it('count a copy within one stretch: the same grams scattered over a long text do not make a copy', () => {
    const part = [1, 2, 3, 4, 5, 6, 7, 8, 9, 10];
    const contiguous = [...Array.from({ length: 50 }, (_, i) => 100 + i), 1, 2, 3, 42, 4, 5, 6, 7, 8, 9, 10];
    expect(containment(part, positionsOf(contiguous))).toBe(1);
    const scattered = part.flatMap((v, i) => [v, ...Array.from({ length: 20 }, (_, k) => 1000 + i * 20 + k)]);
    expect(containment(part, positionsOf(scattered))).toBeLessThanOrEqual(0.2);
  });
});

describe('e-mails linked across OCR noise', () => {
  it('the scans differ from the digital text, so the exact message hashes do not link them', () => {
    const f = facts();
    expect(f.map((x) => x.kind)).toEqual(NAMES.map(() => 'email'));
    const original = f[at('mails/budget-1.txt')]?.messages[0] as string;
    expect(f[at('mails/budget-3.txt')]?.messages).toContain(original);
    expect(f[at('scans/budget-2-scan.txt')]?.messages).not.toContain(original);
    expect(f[at('mails/overleg-2.txt')]?.messages).not.toContain(f[at('scans/overleg-1-scan.txt')]?.messages[0]);
  });

  it('links a digital mail to the OCR\'d reply quoting it, and a scanned mail to the digital reply quoting it; not the replies to each other, nor a mail from the same template', () => {
    const r = relateDocuments(facts(), NAMES);
    const d = (name: string) => r.documents[at(name)];
    expect(d('mails/budget-1.txt')?.quotedIn).toEqual([at('scans/budget-2-scan.txt'), at('mails/budget-3.txt')]);
    expect(d('scans/budget-2-scan.txt')).toMatchObject({ quotes: [at('mails/budget-1.txt')], quotedIn: [] });
    expect(d('mails/budget-3.txt')).toMatchObject({ quotes: [at('mails/budget-1.txt')], quotedIn: [] });
    expect(d('scans/overleg-1-scan.txt')?.quotedIn).toEqual([at('mails/overleg-2.txt')]);
    expect(d('mails/overleg-2.txt')?.quotes).toEqual([at('scans/overleg-1-scan.txt')]);
    expect(d('mails/overleg-westerhoven.txt')).toMatchObject({ quotes: [], quotedIn: [], sameMailAs: [at('scans/overleg-westerhoven-scan.txt')] });
    expect(d('scans/overleg-westerhoven-scan.txt')).toMatchObject({ quotes: [], quotedIn: [], sameMailAs: [at('mails/overleg-westerhoven.txt')] });
    for (const name of NAMES.filter((x) => !x.includes('westerhoven'))) expect(d(name)?.sameMailAs, name).toEqual([]);
    expect(r.quotedEmails).toBe(2);
    expect(r.otherRenderings).toBe(1);
    // Threads: the scan's subject is OCR'd too ("begr0ting"), so only the quotation joins it.
    expect(d('scans/budget-2-scan.txt')?.threadId).toBe(d('mails/budget-1.txt')?.threadId);
    expect(d('mails/overleg-2.txt')?.threadId).toBe(d('scans/overleg-1-scan.txt')?.threadId);
    expect(d('mails/overleg-westerhoven.txt')?.threadId).not.toBe(d('scans/overleg-1-scan.txt')?.threadId);
    expect(r.threads).toBe(3);
  });

  it('two renderings of one mail (digital and OCR\'d) are not one quoting the other, nor duplicates: the same mail, in one thread', () => {
    const mail = OCR_DOSSIER_FILES['mails/budget-3.txt'] as string;
    const r = relateDocuments([documentFacts(mail), documentFacts(ocrNoise(mail))], ['a.txt', 'b.txt']);
    expect(r.documents.map((x) => [x.quotes, x.quotedIn, x.sameMailAs, x.duplicateOf])).toEqual([
      [[], [], [1], undefined],
      [[], [], [0], undefined],
    ]);
    expect(r).toMatchObject({ duplicates: 0, quotedEmails: 0, otherRenderings: 1, threads: 1 });
  });

  it('a scanned reply too short to compare by its body ("Akkoord.") is linked when it has more messages than the mail it quotes', () => {
    const original = OCR_DOSSIER_FILES['mails/budget-1.txt'] as string;
    const reply = `Van: Teun Bakker <t.bakker@minbzk.nl>\nVerzonden: woensdag 10 april 2024 08:01\nAan: Marloes Kuipers <m.kuipers@minbzk.nl>\nOnderwerp: RE: begroting buurthuizen 2025\n\nAkkoord.\n\n-----Oorspronkelijk bericht-----\n${original}`;
    const r = relateDocuments([documentFacts(original), documentFacts(ocrNoise(reply))], ['a.txt', 'b.txt']);
    expect(r.documents[0]?.quotedIn).toEqual([1]);
    // The same reply with its quoted header block lost to OCR is one message: not linked.
    const lost = ocrNoise(reply).replace(/-----Oorspronkelijk[^]*?Onderwerp:[^\n]*\n/, '');
    expect(relateDocuments([documentFacts(original), documentFacts(lost)], ['a.txt', 'b.txt']).quotedEmails).toBe(0);
  });
});

describe('publication package of the OCR dossier', () => {
  let summary: BatchSummary;
  let rows: Map<string, Record<string, string>>;
  beforeAll(async () => {
    const dossier = writeOcrDossier();
    summary = await runBatch({ inputs: [dossier.input], outDir: dossier.out, config: ConfigSchema.parse({ dossier: { matter: 'WOO-2024-040', idPrefix: 'OCR' } }) });
    rows = new Map(importerRecords(parseCsv(readFileSync(summary.publication.inventory.csv, 'utf8'))).map((r) => [r.document as string, r]));
  }, 60_000);

  const inputId = (name: string) => `OCR${String(summary.files.filter((f) => f.status === 'ok').findIndex((f) => f.input === name) + 1).padStart(4, '0')}`;

  it('fills Gerelateerd ID, Email Thread ID and Family ID, and passes the importer rules', () => {
    expect(rows.size).toBe(7);
    const byId = new Map([...rows.values()].map((r) => [r.id, r]));
    const row = (name: string) => byId.get(inputId(name)) as Record<string, string>;
    const original = row('mails/budget-1.txt');
    expect(original.refers_to).toBe([inputId('mails/budget-3.txt'), inputId('scans/budget-2-scan.txt')].sort().join('; '));
    expect(original.remark).toMatch(/volledig opgenomen in document/);
    expect(row('scans/budget-2-scan.txt').refers_to).toBe(inputId('mails/budget-1.txt'));
    expect(row('mails/budget-3.txt').refers_to).toBe(inputId('mails/budget-1.txt'));
    expect(row('mails/overleg-2.txt').refers_to).toBe(inputId('scans/overleg-1-scan.txt'));
    expect(row('mails/overleg-westerhoven.txt').refers_to).toBe(inputId('scans/overleg-westerhoven-scan.txt'));
    expect(row('scans/overleg-westerhoven-scan.txt').remark).toBe(`Dezelfde e-mail als document ${inputId('mails/overleg-westerhoven.txt')}, in een andere weergave (zoals een scan van een afdruk).`);
    expect(row('scans/overleg-westerhoven-scan.txt').threadid).toBe(row('mails/overleg-westerhoven.txt').threadid);
    expect(row('scans/budget-2-scan.txt').threadid).toBe(original.threadid);
    expect(row('scans/overleg-1-scan.txt').threadid).toBe(row('mails/overleg-2.txt').threadid);
    expect(row('mails/overleg-westerhoven.txt').threadid).not.toBe(row('mails/overleg-2.txt').threadid);
    // Every e-mail is a family of its own (no attachments named here).
    const families = NAMES.map((n) => row(n).family);
    for (const f of families) expect(f).toMatch(/^[1-9]\d*$/);
    expect(new Set(families).size).toBe(7);
    expect(summary.publication).toMatchObject({ quotedEmails: 2, otherRenderings: 1, duplicates: 0, threads: 3, families: 0 });
  });
});
