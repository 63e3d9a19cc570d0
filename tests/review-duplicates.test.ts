import { appendFileSync, cpSync, existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ManifestSchema } from '../src/manifest/schema.js';
import { apply } from '../src/review/apply.js';
import type { DecisionsInput } from '../src/review/decisions-schema.js';
import { propose } from '../src/review/propose.js';
import { fixturePdf } from './fixtures-files.js';
import { MISSED_NAME_LINE, notaAdditions, reviewDossier, reviewPackage, syntheticNota } from './fixtures-review.js';
import { HAVE_POPPLER, pdftotext } from './pdf-tools.js';

// A dossier with a duplicate text (the same nota with Windows line endings, an empty line more and
// other spacing, so every offset differs) and a duplicate PDF (the same file with bytes appended:
// another sha256, the same text), filed in two folders; the first in dossier order is the
// original. Synthetic names only.
const NOTA = syntheticNota([MISSED_NAME_LINE, 'Kenmerk: projectcode Zilvermeeuw.'], { addressee: false });
// An empty line more at the top moves every offset (and so every id) of the copy.
const COPY = `\n${NOTA.replace('vroeg om advies', 'vroeg  om   advies')}`.split('\n').join('\r\n');

const { root, input, dossier, reviewDir, remove } = reviewDossier('woo-review-dup-');
afterAll(remove);

const { entry, reviewOf, finding: find, ...reviewPkg } = reviewPackage(reviewDir);
interface TemplateDocument {
  sha256: string;
  path: string;
  findings: { id: string; decision: unknown }[];
  additions: unknown[];
  removals: unknown[];
}
type Template = Omit<DecisionsInput, 'documents'> & { documents: TemplateDocument[] };
const template = () => reviewPkg.template<Template>();

/** Decisions on the originals only (and what a test adds per document). */
function decisions(extra: Record<string, Partial<TemplateDocument>> = {}): DecisionsInput {
  const t = template();
  const nota = reviewOf('dossier/2024/nota.txt');
  return {
    ...t,
    decidedBy: 'A. Beoordelaar',
    decidedAt: '2026-12-01',
    documents: t.documents.map((d) => {
      let out: TemplateDocument = d;
      if (d.path === 'dossier/2024/nota.txt') {
        out = {
          ...d,
          findings: [{ id: find('dossier/2024/nota.txt', 'Hanneke Mulder').id, decision: { action: 'keep', reason: 'directeur, staat in het organogram' } }],
          removals: [{ id: find('dossier/2024/nota.txt', '06 12345678').id, reason: 'algemeen nummer' }],
          additions: notaAdditions(nota.text),
        };
      }
      if (d.path === 'dossier/2024/brief.pdf') out = { ...d, removals: [{ id: find('dossier/2024/brief.pdf', '06 44 29 81 50').id, reason: 'algemeen nummer' }] };
      return { ...out, ...(extra[d.path] ?? {}) };
    }),
  } as unknown as DecisionsInput;
}

beforeAll(async () => {
  mkdirSync(join(dossier, '2024'), { recursive: true });
  mkdirSync(join(dossier, '2025'), { recursive: true });
  writeFileSync(join(dossier, '2024', 'nota.txt'), NOTA);
  writeFileSync(join(dossier, '2025', 'nota.txt'), COPY);
  cpSync(fixturePdf('standard14-nota.pdf'), join(dossier, '2024', 'brief.pdf'));
  cpSync(join(dossier, '2024', 'brief.pdf'), join(dossier, '2025', 'brief.pdf'));
  appendFileSync(join(dossier, '2025', 'brief.pdf'), '\n% een kopie\n');
  const s = await propose({ inputs: [input], reviewDir });
  expect(s.totals).toMatchObject({ files: 4, ok: 4, failed: 0 });
});

describe('propose marks a duplicate with its original', () => {
  it('in the index and in its review file, text and PDF alike', () => {
    for (const [copy, original] of [
      ['dossier/2025/nota.txt', 'dossier/2024/nota.txt'],
      ['dossier/2025/brief.pdf', 'dossier/2024/brief.pdf'],
    ] as const) {
      expect(entry(copy).sha256).not.toBe(entry(original).sha256);
      expect(entry(copy).duplicateOf).toEqual({ path: original, sha256: entry(original).sha256 });
      expect(reviewOf(copy).document.duplicateOf).toEqual({ path: original, sha256: entry(original).sha256 });
      expect(entry(original).duplicateOf).toBeUndefined();
    }
  });

  it("leaves the duplicate's open items out of the template: its original's decisions cover them", () => {
    // Offset-based ids differ between the copies: the copy's spacing moved the name.
    expect(find('dossier/2025/nota.txt', 'Hanneke Mulder').id).not.toBe(find('dossier/2024/nota.txt', 'Hanneke Mulder').id);
    const t = template();
    expect(t.documents.find((d) => d.path === 'dossier/2024/nota.txt')?.findings.length).toBe(1);
    expect(t.documents.find((d) => d.path === 'dossier/2025/nota.txt')?.findings).toEqual([]);
  });
});

describe('apply decides a duplicate like its original', () => {
  const pub = join(root, 'pub');
  let summary: Awaited<ReturnType<typeof apply>>;
  beforeAll(async () => {
    summary = await apply({ inputs: [input], review: reviewDir, decisions: decisions(), outDir: pub });
  });

  it('takes over finding decisions, removals and text additions on the matching positions', () => {
    expect(summary.totals).toMatchObject({ files: 4, ok: 4, failed: 0 });
    const original = readFileSync(join(pub, 'dossier/2024/nota.redacted.txt'), 'utf8');
    const copy = readFileSync(join(pub, 'dossier/2025/nota.redacted.txt'), 'utf8');
    for (const text of [original, copy]) {
      expect(text).toMatch(/De directeur Hanneke Mulder vroeg/);
      expect(text).toContain('Telefoon: 06 12345678');
      expect(text).toContain('mevrouw [5.1.2e] is intern');
      expect(text).toContain('projectcode [5.1.2i].');
      expect(text).not.toContain('Pieter de Vries');
    }
    // The copy keeps its own bytes around the redactions.
    expect(copy).toContain('vroeg  om   advies');
    expect(copy).toContain('\r\n');
    const m = ManifestSchema.parse(JSON.parse(readFileSync(join(pub, 'dossier/2025/nota.manifest.json'), 'utf8')));
    expect(m.decisions?.applied).toMatchObject({ original: 2, additions: 2, findings: { redact: 0, keep: 0 } });
  });

  it.runIf(HAVE_POPPLER)('takes over a removal on a duplicate PDF; the rest stays redacted (pdftotext)', () => {
    for (const name of ['2024', '2025']) {
      const text = pdftotext(new Uint8Array(readFileSync(join(pub, `dossier/${name}/brief.redacted.pdf`))));
      expect(text, name).toContain('06 44 29 81 50');
      expect(text, name).not.toContain('Zwanenburg');
      expect(text, name).not.toContain('Hoogeveen');
    }
  });

  it("lets the duplicate's own decision override its original's", async () => {
    const own = { findings: [{ id: find('dossier/2025/nota.txt', 'Hanneke Mulder').id, decision: { action: 'redact', ground: '5.1.2e' } }] };
    const out = join(root, 'pub-own');
    const s = await apply({ inputs: [input], review: reviewDir, decisions: decisions({ 'dossier/2025/nota.txt': own }), outDir: out });
    expect(s.totals.failed).toBe(0);
    expect(readFileSync(join(out, 'dossier/2024/nota.redacted.txt'), 'utf8')).toContain('Hanneke Mulder');
    const copy = readFileSync(join(out, 'dossier/2025/nota.redacted.txt'), 'utf8');
    expect(copy).toContain('De directeur [5.1.2e] vroeg');
    expect(copy).toContain('Telefoon: 06 12345678');
  });

  it('refuses a duplicate PDF whose original has a box drawn on it, until the box is drawn on the copy too', async () => {
    const hoog = find('dossier/2024/brief.pdf', 'Van Doorn').boxes[0];
    if (!hoog) throw new Error('no box');
    const box = { kind: 'box', ...hoog, ground: '5.1.2e' };
    const refused = await apply({ inputs: [input], review: reviewDir, decisions: decisions({ 'dossier/2024/brief.pdf': { additions: [box] } }), outDir: join(root, 'pub-box') });
    expect(refused.files.find((f) => f.input === 'dossier/2025/brief.pdf')).toMatchObject({ status: 'failed', code: 'DECISIONS_UNDECIDED' });
    expect(existsSync(join(root, 'pub-box', 'dossier', '2025', 'brief.redacted.pdf'))).toBe(false);
    const both = await apply({
      inputs: [input],
      review: reviewDir,
      decisions: decisions({ 'dossier/2024/brief.pdf': { additions: [box] }, 'dossier/2025/brief.pdf': { additions: [box] } }),
      outDir: join(root, 'pub-box-both'),
    });
    expect(both.totals.failed).toBe(0);
  });

  it('without the review package a duplicate is decided on its own: its open item is refused', async () => {
    const s = await apply({ inputs: [input], decisions: { ...decisions(), persons: [] }, outDir: join(root, 'pub-alone') });
    expect(s.files.find((f) => f.input === 'dossier/2025/nota.txt')).toMatchObject({ status: 'failed', code: 'DECISIONS_UNDECIDED' });
    expect(s.files.find((f) => f.input === 'dossier/2024/nota.txt')).toMatchObject({ status: 'ok' });
  });
});
