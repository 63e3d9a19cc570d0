import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { runCli } from './fixtures-cli.js';
import { DOSSIER_CONFIG, type Dossier, writeDossier } from './publish-dossier.js';
import { lookUp, parseCsv } from './publish-importer.js';

// Names, numbers and addresses the dossier's documents redact (tests/publish-dossier.ts).
const SECRETS = ['Verbeek', 'Brandsma', 'Roeland', 'Ilse', '12 34 56 78', '98 76 54 32', 'r.verbeek@', 'i.brandsma@'];

let dossier: Dossier;
/** The ID of the first inventory row containing `marker`, from the upload CSV. */
const idOf = (out: string, field: string, value: string) => lookUp(parseCsv(readFileSync(join(out, 'publicatie', 'productierapport.csv'), 'utf8')), field, value, 'id') as string;
const undatedIds = (out: string) => [idOf(out, 'sourcetype', 'pdf'), idOf(out, 'judgement', 'niet openbaar')].sort();
const config = (name: string, value: unknown) => {
  const file = join(dossier.root, name);
  writeFileSync(file, JSON.stringify(value));
  return file;
};

beforeAll(() => {
  dossier = writeDossier();
});

describe('terminal summary of the publication package', () => {
  it('counts rows, links and refused files, says what to upload and what to open in Excel, and names no redacted value', async () => {
    const out = join(dossier.root, 'out-summary');
    const r = await runCli([dossier.input, '--out', out, '--config', config('full.json', DOSSIER_CONFIG)]);
    expect(r.code).toBe(1); // kapot.txt failed
    const pkg = join(out, 'publicatie');
    expect(r.stderr).toContain(`\npublication package: ${pkg}: 7 rows in the inventory (6 published, 1 withheld wholly), 6 DiWoo files\n`);
    expect(r.stderr).toContain('\n  linked: 1 duplicate (same text as an earlier document), 2 e-mails quoted whole in a later one, 0 e-mails another rendering (a scan) of an earlier one, 1 e-mail thread, 1 e-mail with its attachments\n');
    expect(r.stderr).toContain(`\n  not in the inventory: 2 files refused, failed or skipped (named above; what to do: ${join(out, 'woo-team-rapport.intern.md')})\n`);
    expect(r.stderr).toContain(`\n  upload: ${join(pkg, 'productierapport.xlsx')} (or ${join(pkg, 'productierapport.csv')}) and the files in ${pkg}/documenten; to read in Excel: ${join(out, 'productierapport-excel.csv')}\n`);
    // Fully configured: only the Datum of the scan and of the withheld nota (its text is all
    // redacted, so nothing is read from it) is left to fill in.
    const fix = r.stderr.slice(r.stderr.indexOf('  to fix before uploading:')).split('\n').filter((l) => l.startsWith('    - '));
    expect(fix).toEqual([`    - 2 document(s) without a date woo-redact could read (Datum left empty; fill it in the XLSX): ${undatedIds(out).join(', ')}`]);
    for (const s of SECRETS) expect(r.stderr).not.toContain(s);
  }, 60_000);

  it('lists what to fix: no organisation (no DiWoo), no matter, and the documents without a date, by ID', async () => {
    const out = join(dossier.root, 'out-bare');
    const r = await runCli([dossier.input, '--out', out, '--config', config('bare.json', { dossier: { idPrefix: 'WOO' } })]);
    const fix = r.stderr.slice(r.stderr.indexOf('  to fix before uploading:'));
    expect(fix).toMatch(/\n {4}- dossier\.matter is not set: [^\n]*set it in the config/);
    expect(fix).toMatch(/\n {4}- DiWoo metadata not written: set dossier\.organisation in the config/);
    // The scan has no date of its own, the withheld nota no text read; by their IDs in the inventory.
    const undated = undatedIds(out);
    for (const id of undated) expect(id).toMatch(/^WOO\d{4}$/);
    expect(fix).toMatch(new RegExp(`\\n {4}- 2 document\\(s\\) without a date woo-redact could read \\(Datum left empty; fill it in the XLSX\\): ${undated.join(', ')}\\n`));
    expect(r.stderr).toContain('7 rows in the inventory');
    expect(r.stderr).toMatch(/0 DiWoo files\n/);
    for (const s of SECRETS) expect(r.stderr).not.toContain(s);
  }, 60_000);

  it('with an organisation but no besluitdatum, the undated document gets no DiWoo file and the notice says which key to set', async () => {
    const out = join(dossier.root, 'out-nodate');
    const r = await runCli([dossier.input, '--out', out, '--config', config('nodate.json', { dossier: { matter: 'WOO-2024-017', organisation: DOSSIER_CONFIG.dossier.organisation } })]);
    expect(r.stderr).toMatch(/5 DiWoo files\n/);
    expect(r.stderr).toMatch(/\n {4}- DiWoo metadata not written for 1 document\(s\) without a date woo-redact could read \(WOO20240170\d{3}\): set dossier\.besluitdatum \(YYYY-MM-DD\) in the config/);
    expect(r.stderr.match(/besluitdatum/g)).toHaveLength(1);
  }, 60_000);

  it('--json prints the same counts in publication, and --quiet nothing', async () => {
    const out = join(dossier.root, 'out-json');
    const r = await runCli([dossier.input, '--out', out, '--json', '--config', config('full2.json', DOSSIER_CONFIG)]);
    const summary = JSON.parse(r.stdout) as { publication: Record<string, unknown> };
    expect(summary.publication).toMatchObject({ rows: 7, duplicates: 1, quotedEmails: 2, threads: 1, families: 1, refused: 2 });
    expect(summary.publication.notices).toHaveLength(1);
    const q = await runCli([dossier.input, '--out', join(dossier.root, 'out-quiet'), '--quiet', '--config', config('full3.json', DOSSIER_CONFIG)]);
    expect(q.stderr).toBe('');
  }, 60_000);

  it('names at most 20 IDs in a notice; the internal report lists them all', async () => {
    const input = join(dossier.root, 'many');
    mkdirSync(input);
    for (let i = 1; i <= 22; i++) writeFileSync(join(input, `notitie-${String(i).padStart(2, '0')}.txt`), `Notitie over het onderhoud van gebouw ${i}.\n`);
    const out = join(dossier.root, 'out-many');
    const r = await runCli([input, '--out', out, '--config', config('many.json', { dossier: { matter: 'WOO-9' } })]);
    const line = r.stderr.split('\n').find((l) => l.includes('without a date')) ?? '';
    expect(line).toMatch(/- 22 document\(s\) without a date [^:]*: WOO90001, [^]*, WOO90020 and 2 more \(all in woo-team-rapport\.intern\.md\)$/);
    expect(line.match(/WOO9\d{4}/g)).toHaveLength(20);
    const report = readFileSync(join(out, 'woo-team-rapport.intern.md'), 'utf8');
    for (const id of ['WOO90001', 'WOO90021', 'WOO90022']) expect(report).toContain(`- ${id} (`);
  }, 60_000);

  it('apply (after propose) ends with the same publication lines', async () => {
    const input = join(dossier.root, 'for-review');
    mkdirSync(join(input, 'mails'), { recursive: true });
    for (const f of ['nota-dorpshuizen.txt', 'z-kopie-nota-dorpshuizen.txt', 'mails/mail-1.txt', 'mails/mail-2.txt']) writeFileSync(join(input, f), readFileSync(join(dossier.input, f)));
    const review = join(dossier.root, 'review');
    expect((await runCli(['propose', input, '--review', review, '--quiet'])).code).toBe(0);
    const template = JSON.parse(readFileSync(join(review, 'decisions.internal.json'), 'utf8')) as Record<string, unknown>;
    const decisions = join(dossier.root, 'decisions.json');
    writeFileSync(decisions, JSON.stringify({ ...template, decidedBy: 'A. Beoordelaar', decidedAt: '2026-12-01' }));
    const out = join(dossier.root, 'out-apply');
    const r = await runCli(['apply', '--decisions', decisions, '--review', review, input, '--out', out, '--undecided', 'redact', '--config', config('apply.json', DOSSIER_CONFIG)]);
    expect(r.code).toBe(0);
    expect(r.stderr).toContain(`\npublication package: ${join(out, 'publicatie')}: 4 rows in the inventory (4 published, 0 withheld wholly), 4 DiWoo files\n`);
    expect(r.stderr).toContain('\n  linked: 1 duplicate (same text as an earlier document), 1 e-mail quoted whole in a later one, ');
    expect(r.stderr).toContain(`to read in Excel: ${join(out, 'productierapport-excel.csv')}\n`);
    for (const s of SECRETS) expect(r.stderr).not.toContain(s);
  }, 60_000);
});
