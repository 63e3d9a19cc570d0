import { createHash } from 'node:crypto';
import { cpSync, existsSync, mkdirSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ConfigSchema } from '../src/config/config.js';
import { apply } from '../src/review/apply.js';
import { type DecisionsInput, DecisionsSchema } from '../src/review/decisions-schema.js';
import { ReviewDocumentSchema, type ReviewIndex, ReviewIndexSchema } from '../src/review/package-schema.js';
import { propose } from '../src/review/propose.js';
import { ManifestSchema } from '../src/manifest/schema.js';
import { runCli } from './fixtures-cli.js';
import { fixturePdf } from './fixtures-files.js';
import { MISSED_NAME_LINE, notaAdditions, readJson, reviewDossier, reviewPackage, syntheticNota } from './fixtures-review.js';
import { HAVE_POPPLER, HAVE_QPDF, pdftotext, qpdfUncompressed } from './pdf-tools.js';

// A dossier of four synthetic documents: two texts and two PDFs (born-digital and a scan with an
// OCR layer), the same people across them.
const NOTA = syntheticNota([MISSED_NAME_LINE, 'Kenmerk: projectcode Zilvermeeuw, zie ook Zilvermeeuw-overleg.']);
const MAIL = ['Van: Pieter de Vries <p.devries@minbzk.nl>', 'Aan: Hanneke Mulder', '', 'Hanneke, hierbij het concept. Groet, Pieter de Vries', ''].join('\n');

const { root, input, dossier, reviewDir, out, remove } = reviewDossier('woo-review-');
afterAll(remove);

const reviewPkg = reviewPackage(reviewDir);
const docs = reviewPkg.index;
const reviewOf = reviewPkg.reviewOf;
const template = () => reviewPkg.template<DecisionsInput & { persons: { person: string; name: string; decision: unknown }[]; documents: { sha256: string; path: string; findings: { id: string; text: string; decision: unknown }[] }[] }>();
const read = (dir: string, rel: string) => readFileSync(join(dir, rel), 'utf8');

function snapshot(dir: string): Record<string, string> {
  const files: Record<string, string> = {};
  const walk = (d: string, rel: string) => {
    for (const e of readdirSync(d, { withFileTypes: true }).sort((a, b) => (a.name < b.name ? -1 : 1))) {
      if (e.isDirectory()) walk(join(d, e.name), `${rel}${e.name}/`);
      else files[`${rel}${e.name}`] = readFileSync(join(d, e.name)).toString('base64');
    }
  };
  walk(dir, '');
  return files;
}

/** What a reviewer does with the template: signs it, decides persons and items, adds and removes. */
function reviewerDecisions(): DecisionsInput {
  const t = template();
  const nota = reviewOf('dossier/nota.txt');
  const scan = reviewOf('dossier/scan.pdf');
  const born = reviewOf('dossier/brief.pdf');
  const mail = reviewOf('dossier/mail.txt');
  const director = t.persons.find((p) => p.name === 'Hanneke Mulder');
  if (!director) throw new Error('no person Hanneke Mulder in the table');
  // One occurrence overrides the person's decision: the first name alone in the mail.
  const firstName = mail.findings.find((f) => f.text === 'Hanneke');
  const phone = nota.findings.find((f) => f.entity === 'phone');
  const signature = mail.findings.filter((f) => f.text === 'Pieter de Vries').pop();
  const kept = scan.findings.find((f) => f.text === 'Van Doorn');
  if (!firstName || !phone || !signature || !kept?.boxes[0]) throw new Error('fixture findings missing');
  const box = kept.boxes[0];
  return {
    ...t,
    decidedBy: 'A. Beoordelaar',
    decidedAt: '2026-12-01T10:00:00Z',
    approvedBy: 'B. Tweede',
    approvedAt: '2026-12-01T11:00:00Z',
    persons: t.persons.map((p) => (p.person === director.person ? { ...p, decision: { action: 'keep', reason: 'directeur; naam staat in het openbare organogram' } } : p)),
    documents: t.documents.map((d) => {
      const findings = (d.findings ?? []).map((f) => {
        if (d.path === 'dossier/mail.txt' && f.id === firstName.id) return { ...f, decision: { action: 'redact', ground: '5.1.2e' } };
        // One occurrence of a redacted person kept: the signature under the mail.
        if (d.path === 'dossier/mail.txt' && f.id === signature.id) return { ...f, decision: { action: 'keep', reason: 'ondertekening; eigen bericht van de verzoeker' } };
        // The organisation's address the tool was unsure about is public.
        if (f.id.startsWith('address')) return { ...f, decision: { action: 'keep', reason: 'bezoekadres van de organisatie' } };
        return f;
      });
      if (d.path === 'dossier/mail.txt' && !findings.some((f) => f.id === firstName.id)) findings.push({ id: firstName.id, text: 'Hanneke', decision: { action: 'redact', ground: '5.1.2e' } });
      if (d.path === 'dossier/mail.txt') findings.push({ id: signature.id, text: signature.text, decision: { action: 'keep', reason: 'ondertekening; eigen bericht van de verzoeker' } });
      if (d.path === 'dossier/nota.txt') {
        return {
          ...d,
          findings,
          additions: notaAdditions(nota.text),
          removals: [{ id: phone.id, reason: 'algemeen nummer van de afdeling' }],
        };
      }
      if (d.path === 'dossier/scan.pdf') return { ...d, findings, additions: [{ kind: 'box', page: box.page, x: box.x - 2, y: box.y - 2, width: box.width + 4, height: box.height + 4, ground: '5.1.2e' }] };
      if (d.path === 'dossier/brief.pdf') {
        const hoog = born.findings.find((f) => f.text === 'Hoogeveen');
        return { ...d, findings, additions: hoog?.boxes[0] ? [{ kind: 'box', ...hoog.boxes[0], ground: '5.1.2e' }] : [] };
      }
      return { ...d, findings };
    }),
  } as DecisionsInput;
}

beforeAll(async () => {
  mkdirSync(dossier, { recursive: true });
  writeFileSync(join(dossier, 'nota.txt'), NOTA);
  writeFileSync(join(dossier, 'mail.txt'), MAIL);
  cpSync(fixturePdf('standard14-nota.pdf'), join(dossier, 'brief.pdf'));
  cpSync(fixturePdf('scan-ocr-layer.pdf'), join(dossier, 'scan.pdf'));
  const summary = await propose({ inputs: [input], reviewDir });
  expect(summary.totals).toMatchObject({ files: 4, ok: 4, failed: 0 });
});

describe('propose: the internal review package', () => {
  it('is marked internal in every file name and in its content, and fits its schema', () => {
    // The review screen (tests/review-screen.test.ts): its data scripts say internal too; its page and code hold no data.
    const names = readdirSync(reviewDir).concat(readdirSync(join(reviewDir, 'documents'))).filter((n) => !/\.internal\.js$/.test(n) && n !== 'review.html' && n !== 'assets');
    const perDocument = ['0001', '0002', '0003', '0004'].flatMap((n) => [`${n}.internal.json`, `${n}.analysis.internal.json`]);
    expect(names.sort()).toEqual([...perDocument, 'INTERN-NIET-PUBLICEREN.txt', 'decisions.internal.json', 'documents', 'review.internal.json'].sort());
    const index = ReviewIndexSchema.parse(docs());
    expect(index.internal).toBe(true);
    expect(index.notice).toMatch(/^INTERN/);
    for (const d of index.documents) expect(ReviewDocumentSchema.parse(readJson(join(reviewDir, d.file))).internal).toBe(true);
    expect(readFileSync(join(reviewDir, 'INTERN-NIET-PUBLICEREN.txt'), 'utf8')).toMatch(/^INTERN - niet openbaar/);
  });

  it('lists every finding with text, entity, proposal, ground, reason, confidence, place and context', () => {
    const nota = reviewOf('dossier/nota.txt');
    const director = nota.findings.find((f) => f.text === 'Hanneke Mulder');
    expect(director).toMatchObject({ entity: 'person', proposed: 'review', ground: '5.1.2e', page: 1, boxes: [], reason: { kind: 'role-needs-review', detail: 'directeur' } });
    expect(nota.text.slice(director?.start, director?.end)).toBe('Hanneke Mulder');
    expect(director?.context.before.endsWith('De directeur ')).toBe(true);
    expect(director?.confidence).toBeGreaterThan(0);
    const staff = nota.findings.find((f) => f.text === 'Pieter de Vries');
    expect(staff).toMatchObject({ proposed: 'redact' });
    expect(staff?.reason).toBeUndefined();
    const pdf = reviewOf('dossier/brief.pdf');
    for (const f of pdf.findings) expect(f.boxes.length, f.id).toBeGreaterThan(0);
    expect(pdf.findings.find((f) => f.text === 'Van Doorn')).toMatchObject({ proposed: 'keep', reason: { kind: 'public-office' } });
  });

  it('has a person table for the dossier: each person with every mention in every document', () => {
    const director = docs().persons.find((p) => p.name === 'Hanneke Mulder');
    expect(director?.proposed).toBe('review');
    expect(new Set(director?.mentions.map((m) => m.path))).toEqual(new Set(['dossier/nota.txt', 'dossier/mail.txt']));
    expect(director?.names).toContain('Hanneke');
    const staff = docs().persons.find((p) => p.name === 'Pieter de Vries');
    expect(staff?.mentions.length).toBe(4);
    expect(staff?.proposed).toBe('redact');
  });

  it('writes a decisions template that names documents by sha256 and leaves review items undecided', () => {
    const t = template();
    expect(() => DecisionsSchema.parse(t)).toThrow(); // who and when are left for a person to fill in
    const nota = t.documents.find((d) => d.path === 'dossier/nota.txt');
    expect(nota?.sha256).toBe(docs().documents.find((d) => d.path === 'dossier/nota.txt')?.sha256);
    expect(nota?.findings?.map((f) => [f.text, f.decision])).toEqual([['Hanneke Mulder', null]]);
  });

  it('gives the same finding ids for the same input (stable keys)', async () => {
    const again = join(root, 'review-again');
    await propose({ inputs: [input], reviewDir: again });
    expect(readFileSync(join(again, 'decisions.internal.json'), 'utf8')).toBe(readFileSync(join(reviewDir, 'decisions.internal.json'), 'utf8'));
    expect(readFileSync(join(again, 'documents', '0003.internal.json'), 'utf8').replace(/"input": ".*"/, '')).toBe(readFileSync(join(reviewDir, 'documents', '0003.internal.json'), 'utf8').replace(/"input": ".*"/, ''));
  });

  it('is refused inside a publication output, and a publication output is refused inside it', async () => {
    const pub = out('pub-for-refusal');
    await apply({ inputs: [input], review: reviewDir, decisions: reviewerDecisions(), outDir: pub });
    await expect(propose({ inputs: [input], reviewDir: join(pub, 'review') })).rejects.toMatchObject({ code: 'REVIEW_FOLDER_REFUSED' });
    await expect(apply({ inputs: [input], review: reviewDir, decisions: reviewerDecisions(), outDir: join(reviewDir, 'publicatie') })).rejects.toMatchObject({ code: 'REVIEW_FOLDER_REFUSED' });
    // The one-step run refuses it too.
    expect((await runCli([input, '--out', reviewDir])).code).toBe(2);
    // Decisions (and the review package beside them) inside the output folder.
    const inside = out('pub-with-review');
    mkdirSync(inside, { recursive: true });
    cpSync(reviewDir, join(inside, 'review'), { recursive: true });
    writeFileSync(join(inside, 'review', 'decisions.internal.json'), JSON.stringify(reviewerDecisions()));
    await expect(apply({ inputs: [input], decisions: join(inside, 'review'), outDir: inside })).rejects.toMatchObject({ code: 'REVIEW_FOLDER_REFUSED' });
    // Inside the inputs, where apply would read it back as input.
    await expect(propose({ inputs: [input], reviewDir: join(dossier, 'review') })).rejects.toMatchObject({ code: 'REVIEW_FOLDER_REFUSED' });
    const withPackage = join(root, 'in-with-package');
    cpSync(input, withPackage, { recursive: true });
    cpSync(reviewDir, join(withPackage, 'dossier', 'beoordeling'), { recursive: true });
    await expect(apply({ inputs: [withPackage], review: reviewDir, decisions: reviewerDecisions(), outDir: out('pub-w') })).rejects.toMatchObject({ code: 'REVIEW_FOLDER_REFUSED' });
  });
});

describe('apply: exactly the decisions, verified, written for publication', () => {
  const pub = out('pub');
  let summary: Awaited<ReturnType<typeof apply>>;
  beforeAll(async () => {
    writeFileSync(join(root, 'decisions.json'), JSON.stringify(reviewerDecisions(), null, 2));
    summary = await apply({ inputs: [input], review: reviewDir, decisions: join(root, 'decisions.json'), outDir: pub, requireApproval: true });
  });

  it('applies every file', () => {
    expect(summary.totals).toMatchObject({ files: 4, ok: 4, failed: 0 });
    for (const f of ['nota', 'mail', 'scan']) ManifestSchema.parse(JSON.parse(read(pub, `dossier/${f}.manifest.json`)));
  });

  it('applies per-person decisions, the override of one occurrence, removals and both kinds of text addition', () => {
    const nota = read(pub, 'dossier/nota.redacted.txt');
    const mail = read(pub, 'dossier/mail.redacted.txt');
    expect(nota).toContain('De directeur Hanneke Mulder vroeg');
    expect(mail).toContain('Aan: Hanneke Mulder');
    expect(mail).toContain('[5.1.2e], hierbij het concept');
    expect(nota).not.toContain('Pieter de Vries');
    // Redacted by the proposal in the header, kept by a decision in the signature.
    expect(mail).toContain('Van: [5.1.2e] <[5.1.2e]>');
    expect(mail).toContain('Groet, Pieter de Vries');
    expect(nota).toContain('Telefoon: 06 12345678');
    expect(nota).toContain('mevrouw [5.1.2e] is intern');
    expect(nota).not.toContain('Zilvermeeuw');
    expect(nota).toContain('projectcode [5.1.2i], zie ook [5.1.2i]-overleg');
    const manifest = JSON.parse(read(pub, 'dossier/nota.manifest.json'));
    expect(manifest.review).toEqual([]);
    expect(manifest.redactions.filter((r: { detector: string }) => r.detector === 'manual').length).toBe(3);
    expect(JSON.stringify(manifest)).not.toMatch(/Jansen|Zilvermeeuw|Beoordelaar|organogram/);
  });

  it.runIf(HAVE_POPPLER && HAVE_QPDF)('removes every glyph under a box drawn on a PDF page, text layer of a scan included (pdftotext, qpdf)', () => {
    const scan = new Uint8Array(readFileSync(join(pub, 'dossier/scan.redacted.pdf')));
    const text = pdftotext(scan).replace(/\s+/g, ' ');
    expect(text).not.toContain('Doorn');
    expect(text).not.toContain('Zwanenburg');
    expect(text).toContain('Turfmarkt 147');
    expect(qpdfUncompressed(scan)).not.toMatch(/Doorn|Zwanenburg/);
    const manifest = JSON.parse(read(pub, 'dossier/scan.manifest.json'));
    expect(manifest.warnings.map((w: { code: string }) => w.code)).toContain('PDF_IMAGE_PIXELS_DESTROYED');
    const born = new Uint8Array(readFileSync(join(pub, 'dossier/brief.redacted.pdf')));
    const bornText = pdftotext(born);
    expect(bornText).not.toContain('Hoogeveen');
    expect(bornText).toContain('Van Doorn');
    expect(qpdfUncompressed(born)).not.toMatch(/Hoogeveen|Zwanenburg/);
  });

  it('is reproducible: original + decisions + tool version give byte-identical output', async () => {
    const again = out('pub-again');
    await apply({ inputs: [input], review: reviewDir, decisions: join(root, 'decisions.json'), outDir: again, jobs: 1 });
    expect(snapshot(again)).toEqual(snapshot(pub));
  });

  it('works from the command line, with a folder of decisions', async () => {
    const folder = join(root, 'decisions-folder');
    mkdirSync(folder, { recursive: true });
    // The same bytes: the manifests record the decisions file's sha256.
    cpSync(join(root, 'decisions.json'), join(folder, 'beoordeling.json'));
    const r = await runCli(['apply', '--decisions', folder, '--review', reviewDir, input, '--out', out('pub-cli'), '--require-approval']);
    expect(r.code, r.stderr).toBe(0);
    expect(snapshot(out('pub-cli'))).toEqual(snapshot(pub));
    const p = await runCli(['propose', input, '--review', out('review-cli'), '--json']);
    expect(p.code).toBe(0);
    expect(JSON.parse(p.stdout).totals.persons).toBe(docs().persons.length);
    expect(p.stdout).not.toMatch(/Mulder|Vries/);
  });
});

const base = () => reviewerDecisions() as DecisionsInput & Record<string, unknown>;

describe('apply refuses, with a clear error', () => {

  it('an input whose sha256 differs from the one decided on (that file only)', async () => {
    const changed = join(root, 'changed');
    cpSync(input, changed, { recursive: true });
    writeFileSync(join(changed, 'dossier', 'nota.txt'), `${NOTA}Nog een regel.\n`);
    const s = await apply({ inputs: [changed], review: reviewDir, decisions: base(), outDir: out('pub-changed') });
    const failed = s.files.filter((f) => f.status === 'failed');
    expect(failed).toMatchObject([{ input: 'dossier/nota.txt', code: 'DECISIONS_MISMATCH' }]);
    expect(s.totals.ok).toBe(3);
    expect(existsSync(join(out('pub-changed'), 'dossier', 'nota.redacted.txt'))).toBe(false);
  });

  it('a decision naming a finding that does not exist', async () => {
    const d = base();
    const docsOf = d.documents as { path: string; findings: unknown[] }[];
    docsOf.find((x) => x.path === 'dossier/mail.txt')?.findings.push({ id: 'person@9999-9010', decision: { action: 'keep', reason: 'x' } });
    const s = await apply({ inputs: [input], review: reviewDir, decisions: d, outDir: out('pub-unknown') });
    expect(s.files.find((f) => f.input === 'dossier/mail.txt')).toMatchObject({ status: 'failed', code: 'DECISIONS_UNKNOWN_FINDING' });
  });

  it('items still undecided, unless undecided items are to be redacted', async () => {
    const t = { ...template(), decidedBy: 'A. Beoordelaar', decidedAt: '2026-12-01' } as DecisionsInput;
    const s = await apply({ inputs: [input], review: reviewDir, decisions: t, outDir: out('pub-undecided') });
    // Exactly the files with review items the template leaves open.
    const open = docs().documents.filter((d) => d.counts.review > 0).map((d) => d.path).sort();
    expect(open).toContain('dossier/nota.txt');
    const failed = s.files.filter((f) => f.status === 'failed');
    expect(failed.map((f) => f.input).sort()).toEqual(open);
    for (const f of failed) expect(f).toMatchObject({ code: 'DECISIONS_UNDECIDED' });
    const r = await apply({ inputs: [input], review: reviewDir, decisions: t, outDir: out('pub-undecided-redact'), undecided: 'redact' });
    expect(r.totals.failed).toBe(0);
    expect(read(out('pub-undecided-redact'), 'dossier/nota.redacted.txt')).toContain('De directeur [5.1.2e] vroeg');
  });

  it('decisions without approval by another person when approval is required (four eyes)', async () => {
    const { approvedBy: _a, approvedAt: _b, ...unapproved } = base();
    await expect(apply({ inputs: [input], decisions: unapproved as DecisionsInput, outDir: out('pub-x'), requireApproval: true })).rejects.toMatchObject({ code: 'DECISIONS_NOT_APPROVED' });
    await expect(apply({ inputs: [input], decisions: { ...base(), approvedBy: ' a. beoordelaar ' }, outDir: out('pub-x'), requireApproval: true })).rejects.toMatchObject({ code: 'DECISIONS_NOT_APPROVED' });
    expect(existsSync(out('pub-x'))).toBe(false);
    const r = await runCli(['apply', '--decisions', join(reviewDir, 'decisions.internal.json'), input, '--out', out('pub-y')]);
    expect(r.code).toBe(2);
    expect(r.stderr).toContain('DECISIONS_INVALID');
  });

  it('a proposal of another tool version or under another policy, and a box on a text document', async () => {
    await expect(apply({ inputs: [input], decisions: { ...base(), tool: { name: 'woo-redact', version: '0.0.1' } }, outDir: out('pub-z') })).rejects.toMatchObject({ code: 'DECISIONS_MISMATCH' });
    const config = ConfigSchema.parse({ policy: { thresholds: { redact: 0.8, review: 0.4 } } });
    await expect(apply({ inputs: [input], decisions: base(), outDir: out('pub-z'), config })).rejects.toMatchObject({ code: 'DECISIONS_MISMATCH' });
    const d = base();
    const mail = (d.documents as { path: string; additions: unknown[] }[]).find((x) => x.path === 'dossier/mail.txt');
    mail?.additions.push({ kind: 'box', page: 1, x: 0, y: 0, width: 10, height: 10, ground: '5.1.2e' });
    const s = await apply({ inputs: [input], review: reviewDir, decisions: d, outDir: out('pub-box') });
    expect(s.files.find((f) => f.input === 'dossier/mail.txt')).toMatchObject({ status: 'failed', code: 'DECISIONS_INVALID' });
  });
});

describe('person decisions are checked against the person table', () => {
  it('refuses a person id the dossier does not have, before anything is written', async () => {
    const d = base();
    (d.persons as { person: string; decision: unknown }[]).push({ person: 'p0123456789ab', decision: { action: 'redact', ground: '5.1.2e' } });
    await expect(apply({ inputs: [input], review: reviewDir, decisions: d, outDir: out('pub-person') })).rejects.toMatchObject({ code: 'DECISIONS_UNKNOWN_PERSON', message: expect.stringContaining('p0123456789ab') });
    expect(existsSync(out('pub-person'))).toBe(false);
    // From the command line: the run is refused (exit 2), the id named, no name.
    writeFileSync(join(root, 'decisions-unknown-person.json'), JSON.stringify(d));
    const r = await runCli(['apply', '--decisions', join(root, 'decisions-unknown-person.json'), '--review', reviewDir, input, '--out', out('pub-person')]);
    expect(r.code).toBe(2);
    expect(r.stderr).toContain('DECISIONS_UNKNOWN_PERSON');
    expect(r.stderr).not.toMatch(/Mulder|Vries|Beoordelaar/);
  });

  it('refuses person decisions when no person table is at hand, and finds the table beside decisions kept in the package', async () => {
    await expect(apply({ inputs: [input], decisions: base(), outDir: out('pub-no-table') })).rejects.toMatchObject({ code: 'DECISIONS_UNKNOWN_PERSON', message: expect.stringContaining('--review') });
    expect(existsSync(out('pub-no-table'))).toBe(false);
    // Without person decisions nothing needs the table.
    const noPersons = { ...base(), persons: [] };
    const s = await apply({ inputs: [input], decisions: noPersons, outDir: out('pub-no-persons'), undecided: 'redact' });
    expect(s.totals.failed).toBe(0);
    // The decisions filled in inside (a copy of) the package: its table is found by itself.
    const pkg = join(root, 'review-filled');
    cpSync(reviewDir, pkg, { recursive: true });
    writeFileSync(join(pkg, 'decisions.internal.json'), JSON.stringify(base()));
    const byFile = await apply({ inputs: [input], decisions: join(pkg, 'decisions.internal.json'), outDir: out('pub-in-package') });
    expect(byFile.totals).toMatchObject({ ok: 4, failed: 0 });
    const byFolder = await apply({ inputs: [input], decisions: pkg, outDir: out('pub-package-folder') });
    expect(byFolder.totals).toMatchObject({ ok: 4, failed: 0 });
  });
});

describe('the manifest records the decisions it was made from, without names or reasons', () => {
  const pub = out('pub');
  const manifest = (name: string) => ManifestSchema.parse(JSON.parse(read(pub, `dossier/${name}.manifest.json`)));

  it('names the decisions file by sha256 with its date and approval, and counts what was applied per kind', () => {
    const digest = createHash('sha256').update(readFileSync(join(root, 'decisions.json'))).digest('hex');
    const nota = manifest('nota');
    expect(nota.decisions?.files).toEqual([{ sha256: digest, decidedAt: '2026-12-01T10:00:00Z', approved: true, approvedAt: '2026-12-01T11:00:00Z' }]);
    // nota.txt: the director kept by her person decision, the phone removed, two additions.
    expect(nota.decisions?.applied).toMatchObject({ persons: { keep: 1 }, removals: 1, additions: 2, undecided: 0 });
    // mail.txt: the first name redacted and the signature kept by their own decisions.
    expect(manifest('mail').decisions?.applied).toMatchObject({ findings: { redact: 1, keep: 1 }, persons: { keep: 1 }, removals: 0, additions: 0 });
    expect(manifest('scan').decisions?.applied.additions).toBe(1);
    for (const name of ['nota', 'mail', 'scan', 'brief']) {
      const text = read(pub, `dossier/${name}.manifest.json`);
      // Who decided and the reviewers' reasons stay in the internal decisions file.
      expect(text).not.toMatch(/Beoordelaar|Tweede|organogram|ondertekening|bezoekadres|algemeen nummer/);
    }
  });

  it('says when the decisions were not approved, and what nobody decided; the one-step run records none', async () => {
    const { approvedBy: _a, approvedAt: _b, ...unapproved } = { ...template(), decidedBy: 'A. Beoordelaar', decidedAt: '2026-12-01' } as DecisionsInput;
    await apply({ inputs: [input], review: reviewDir, decisions: unapproved as DecisionsInput, outDir: out('pub-unapproved'), undecided: 'redact' });
    const m = ManifestSchema.parse(JSON.parse(read(out('pub-unapproved'), 'dossier/nota.manifest.json')));
    expect(m.decisions?.files).toEqual([{ sha256: createHash('sha256').update(JSON.stringify(unapproved)).digest('hex'), decidedAt: '2026-12-01', approved: false }]);
    expect(m.decisions?.applied.undecided).toBe(1);
    await runCli([input, '--out', out('one-step-no-decisions')]);
    expect(ManifestSchema.parse(JSON.parse(read(out('one-step-no-decisions'), 'dossier/nota.manifest.json'))).decisions).toBeUndefined();
  });

  it('refuses a decidedAt or approvedAt that is not a date: it would be published', async () => {
    for (const field of ['decidedAt', 'approvedAt']) {
      const d = { ...base(), [field]: '1 december, door A. Beoordelaar' };
      await expect(apply({ inputs: [input], review: reviewDir, decisions: d as DecisionsInput, outDir: out('pub-date') })).rejects.toMatchObject({ code: 'DECISIONS_INVALID', message: expect.stringContaining(field) });
    }
    expect(existsSync(out('pub-date'))).toBe(false);
  });

  it('is in the shipped manifest schema', () => {
    const schema = JSON.parse(readFileSync(new URL('../schema/manifest.schema.json', import.meta.url), 'utf8'));
    expect(Object.keys(schema.properties.decisions.properties).sort()).toEqual(['applied', 'files']);
  });
});

describe("apply takes detect and decide over from the proposal", () => {
  it('gives the same output as detecting again, uses the record only for the text it was made from', async () => {
    const pkg = join(root, 'review-records');
    cpSync(reviewDir, pkg, { recursive: true });
    const decisions = join(root, 'decisions.json');
    const withRecords = out('pub-records');
    await apply({ inputs: [input], review: pkg, decisions, outDir: withRecords });
    // Without the records apply detects again: byte-identical publication.
    const index = readJson<ReviewIndex>(join(pkg, 'review.internal.json'));
    const bare = join(root, 'review-bare');
    cpSync(pkg, bare, { recursive: true });
    writeFileSync(join(bare, 'review.internal.json'), JSON.stringify({ ...index, documents: index.documents.map(({ analysis: _a, ...d }) => d) }));
    await apply({ inputs: [input], review: bare, decisions, outDir: out('pub-bare') });
    expect(snapshot(out('pub-bare'))).toEqual(snapshot(withRecords));
    // The record is what apply works on: emptied, the decided findings are not there.
    const mail = index.documents.find((d) => d.path === 'dossier/mail.txt');
    const record = join(pkg, mail?.analysis ?? '');
    const original = readFileSync(record, 'utf8');
    writeFileSync(record, JSON.stringify({ ...JSON.parse(original), findings: [], decisions: [] }));
    const emptied = await apply({ inputs: [input], review: pkg, decisions, outDir: out('pub-emptied') });
    expect(emptied.files.find((f) => f.input === 'dossier/mail.txt')).toMatchObject({ status: 'failed', code: 'DECISIONS_UNKNOWN_FINDING' });
    // Made from another text (or another version, policy or known persons): not taken over.
    writeFileSync(record, JSON.stringify({ ...JSON.parse(original), key: '0'.repeat(64), findings: [], decisions: [] }));
    await apply({ inputs: [input], review: pkg, decisions, outDir: out('pub-other-key') });
    expect(snapshot(out('pub-other-key'))).toEqual(snapshot(withRecords));
  });
});

describe('apply --resume', () => {
  it('keeps what an earlier apply wrote from the same input and decisions, and redoes what other decisions would change', async () => {
    const dir = out('pub-resume');
    const decisions = join(root, 'decisions.json');
    const first = await apply({ inputs: [input], review: reviewDir, decisions, outDir: dir });
    expect(first.totals.ok).toBe(4);
    const before = snapshot(dir);
    // An interruption: one output and its manifest lost.
    rmSync(join(dir, 'dossier', 'mail.redacted.txt'));
    const again = await apply({ inputs: [input], review: reviewDir, decisions, outDir: dir, resume: true });
    const resumed = again.files.filter((f) => f.status === 'ok' && f.resumed).map((f) => f.input).sort();
    expect(resumed).toEqual(['dossier/brief.pdf', 'dossier/nota.txt', 'dossier/scan.pdf']);
    expect(snapshot(dir)).toEqual(before);
    // Other decisions (another file, other bytes): nothing is taken over from the earlier run.
    const other = join(root, 'decisions-other.json');
    writeFileSync(other, JSON.stringify({ ...reviewerDecisions(), decidedAt: '2026-12-02' }));
    const changed = await apply({ inputs: [input], review: reviewDir, decisions: other, outDir: dir, resume: true });
    expect(changed.files.filter((f) => f.status === 'ok' && f.resumed)).toEqual([]);
    expect(ManifestSchema.parse(JSON.parse(read(dir, 'dossier/nota.manifest.json'))).decisions?.files[0]?.decidedAt).toBe('2026-12-02');
    // The one-step run does not take apply's outputs as its own, nor apply the one-step run's.
    const oneStep = await runCli([input, '--out', dir, '--resume', '--json']);
    expect(JSON.parse(oneStep.stdout).files.filter((f: { resumed?: boolean }) => f.resumed)).toEqual([]);
    const back = await apply({ inputs: [input], review: reviewDir, decisions: other, outDir: dir, resume: true });
    expect(back.files.filter((f) => f.status === 'ok' && f.resumed)).toEqual([]);
  });

  it('is an apply option on the command line', async () => {
    const dir = out('pub-resume-cli');
    const args = ['apply', '--decisions', join(root, 'decisions.json'), '--review', reviewDir, input, '--out', dir];
    expect((await runCli(args)).code).toBe(0);
    const r = await runCli([...args, '--resume']);
    expect(r.code, r.stderr).toBe(0);
    expect(r.stderr).toContain('4 kept from an earlier run');
  });
});

describe('the one-step run, fail closed', () => {
  it('shows review items redacted, lists them in the manifest and names the files with open items', async () => {
    const r = await runCli([input, '--out', out('one-step')]);
    expect(r.code).toBe(0);
    expect(read(out('one-step'), 'dossier/nota.redacted.txt')).toContain('De directeur [5.1.2e] vroeg');
    const manifest = JSON.parse(read(out('one-step'), 'dossier/nota.manifest.json'));
    expect(manifest.review.map((v: { shownAs: string }) => v.shownAs)).toEqual(['redacted']);
    expect(r.stderr).toMatch(/dossier\/nota\.txt: 1 open item\(s\), redacted until decided/);
    const pdfManifest = JSON.parse(read(out('one-step'), 'dossier/nota.manifest.json'.replace('nota.manifest', 'scan.manifest')));
    for (const v of pdfManifest.review) expect(v.boxes.length).toBeGreaterThan(0);
  });
});
