import { execFileSync, spawnSync } from 'node:child_process';
import { createHash } from 'node:crypto';
import { existsSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import ExcelJS from 'exceljs';
import { beforeAll, describe, expect, it } from 'vitest';
import { type BatchSummary, runBatch } from '../src/cli/batch.js';
import { ConfigSchema } from '../src/config/config.js';
import { INVENTORY_COLUMNS } from '../src/publish/inventory.js';
import { DOSSIER_CONFIG, type Dossier, writeDossier } from './publish-dossier.js';
import { openInExcel } from './publish-excel.js';
import { idFromFileName, importerRecords, mapHeaders, parseCsv } from './publish-importer.js';

const XSD = new URL('../fixtures/diwoo/diwoo-metadata.xsd', import.meta.url).pathname;
const has = (tool: string) => spawnSync('sh', ['-c', `command -v ${tool}`]).status === 0;
if (!has('xmllint')) console.warn('publish.test: xmllint (Debian libxml2-utils) is not installed: the DiWoo files are NOT validated against the XSD');
const sha = (data: Buffer | string) => createHash('sha256').update(data).digest('hex');

let dossier: Dossier;
let summary: BatchSummary;
const pkg = () => join(dossier.out, 'publicatie');

async function xlsxRows(path: string): Promise<string[][]> {
  const workbook = new ExcelJS.Workbook();
  await workbook.xlsx.readFile(path);
  const sheet = workbook.worksheets[0];
  if (!sheet) throw new Error('no sheet');
  const rows: string[][] = [];
  sheet.eachRow({ includeEmpty: false }, (row) => {
    const cells: string[] = [];
    for (let c = 1; c <= sheet.columnCount; c++) {
      const value = row.getCell(c).value;
      cells.push(value === null || value === undefined ? '' : String(value));
    }
    rows.push(cells);
  });
  return rows;
}

/** The rows by ID, read as the importer reads them, with every rule checked. */
function checkedRows(rows: string[][]): Map<string, Record<string, string>> {
  const out = new Map<string, Record<string, string>>();
  for (const record of importerRecords(rows)) {
    const id = record.id as string;
    expect(out.has(id.toLowerCase()), `ID ${id} unique`).toBe(false);
    out.set(id.toLowerCase(), record);
  }
  return out;
}

beforeAll(async () => {
  dossier = writeDossier();
  summary = await runBatch({ inputs: [dossier.input], outDir: dossier.out, config: ConfigSchema.parse(DOSSIER_CONFIG) });
}, 60_000);

/** The ID the package gives an input (prefix from the matter, number in dossier order). */
const idOf = (name: string) => {
  const i = summary.files.filter((f) => f.status === 'ok').findIndex((f) => f.input === name);
  expect(i, name).toBeGreaterThanOrEqual(0);
  return `WOO2024017${String(i + 1).padStart(4, '0')}`;
};
/** As the rows are keyed: the importer compares IDs lower-cased. */
const byInput = (name: string) => idOf(name).toLowerCase();

describe('publication package: inventory', () => {
  it('has one row per processed document; refused and skipped files are reported internally, not as rows', async () => {
    const rows = checkedRows(await xlsxRows(summary.publication.inventory.xlsx));
    expect(summary.totals).toMatchObject({ ok: 7, failed: 1, skipped: 1 });
    expect(rows.size).toBe(7);
    expect([...rows.values()].map((r) => r.document).join(' ')).not.toMatch(/kapot|presentatie/);
    const report = readFileSync(summary.publication.internalReport, 'utf8');
    expect(report).toMatch(/kapot\.txt \| geweigerd \| BINARY_TEXT/);
    expect(report).toMatch(/presentatie\.docx \| overgeslagen/);
    expect(summary.publication.internalReport.startsWith(pkg())).toBe(false);
  });

  it('XLSX and CSV carry the importer headers and the same rows, passing its rules (BOM included)', async () => {
    const xlsx = await xlsxRows(summary.publication.inventory.xlsx);
    expect(xlsx[0]).toEqual([...INVENTORY_COLUMNS]);
    const csvText = readFileSync(summary.publication.inventory.csv, 'utf8');
    expect(csvText.startsWith('\uFEFF')).toBe(true);
    // fgetcsv keeps the byte-order mark in the first header: it must still find ID.
    const csv = parseCsv(csvText);
    expect(csv[0]?.[0]?.startsWith('\uFEFF')).toBe(true);
    const fromCsv = checkedRows(csv);
    const fromXlsx = checkedRows(xlsx);
    expect([...fromCsv.entries()]).toEqual([...fromXlsx.entries()]);
  });

  it('the Excel copy (";", outside publicatie/) opens in columns in Dutch Excel with the same cells; the upload CSV would not, and the importer rejects the Excel copy whole instead of misreading it', async () => {
    const xlsx = await xlsxRows(summary.publication.inventory.xlsx);
    const excelPath = summary.publication.inventory.excelCsv;
    expect(excelPath.startsWith(pkg())).toBe(false);
    const excelText = readFileSync(excelPath, 'utf8');
    expect(excelText.startsWith('\uFEFF')).toBe(true);
    const excel = openInExcel(excelText);
    expect(excel[0]?.[0]).toBe('Volgnummer');
    expect(excel.map((r) => r.slice(1))).toEqual(xlsx);
    expect(excel.slice(1).map((r) => r[0])).toEqual(xlsx.slice(1).map((_, i) => String(i + 1)));
    // The comma file in Dutch Excel: every line one cell.
    for (const line of openInExcel(readFileSync(summary.publication.inventory.csv, 'utf8')).slice(0, 1)) expect(line).toHaveLength(1);
    // The Excel file uploaded by mistake: the importer finds no required header and rejects the file.
    expect(() => mapHeaders(parseCsv(excelText)[0] ?? [])).toThrow(/missing headers: .*id/);
  });

  it.skipIf(!has('xlsx2csv'))('passes the rules after xlsx2csv, the converter the platform runs on XLSX uploads', () => {
    const csv = execFileSync('xlsx2csv', [summary.publication.inventory.xlsx], { encoding: 'utf8' });
    const rows = checkedRows(parseCsv(csv));
    expect(rows.size).toBe(7);
    expect(rows.get(byInput('nota-dorpshuizen.txt'))?.date).toBe('2024-03-12');
    expect(rows.get(byInput('mails/mail-1.txt'))?.threadid).toBe('1');
  });

  it('fills Document, Datum, File type, Beoordeling and grounds from the documents', async () => {
    const rows = checkedRows(await xlsxRows(summary.publication.inventory.xlsx));
    const nota = rows.get(byInput('nota-dorpshuizen.txt'));
    expect(nota).toMatchObject({ document: 'Subsidieregeling dorpshuizen', date: '2024-03-12', judgement: 'deels openbaar', ground: '5.1.2e', sourcetype: 'doc', matter: 'WOO-2024-017', casenr: 'ZK-2024-001' });
    expect(rows.get(byInput('mails/mail-1.txt'))).toMatchObject({ document: 'planning dorpshuizen', date: '2024-03-05', sourcetype: 'email' });
    expect(rows.get(byInput('mails/mail-2.txt'))).toMatchObject({ document: 'RE: planning dorpshuizen', date: '2024-03-06' });
    expect(rows.get(byInput('mails/mail-3.txt'))?.date).toBe('2024-03-07');
    expect(rows.get(byInput('nota-beveiliging.txt'))).toMatchObject({ judgement: 'niet openbaar', ground: '5.1.2i', document: 'nota beveiliging' });
    expect(rows.get(byInput('scan-nota.pdf'))).toMatchObject({ sourcetype: 'pdf', judgement: 'deels openbaar' });
    for (const row of rows.values()) {
      expect(row.remark).not.toMatch(/beoordeling|review|passage/i);
      for (const secret of ['Verbeek', 'Brandsma', 'Roeland', 'Ilse', '12 34 56', 'Zwanenburg']) expect(JSON.stringify(row)).not.toContain(secret);
    }
  });

  it('names each published file after its ID, as the platform reads it; withheld documents have none', () => {
    const files = readdirSync(join(pkg(), 'documenten')).sort();
    const withheld = byInput('nota-beveiliging.txt');
    expect(files).toHaveLength(6);
    for (const f of files) expect(idFromFileName(f)?.toLowerCase()).not.toBe(withheld);
    const ids = files.map((f) => idFromFileName(f)?.toLowerCase());
    expect(new Set(ids).size).toBe(6);
    expect(files).toContain(`${idOf('scan-nota.pdf')}.pdf`);
    expect(files).toContain(`${idOf('mails/mail-1.txt')}.txt`);
    const scan = readFileSync(join(pkg(), 'documenten', `${idOf('scan-nota.pdf')}.pdf`));
    expect(scan.subarray(0, 5).toString('latin1')).toBe('%PDF-');
  });
});

describe('publication package: duplicates and e-mail families', () => {
  it('links an identical copy to its original and a quoted e-mail to the mails that quote it', async () => {
    const rows = checkedRows(await xlsxRows(summary.publication.inventory.xlsx));
    const original = byInput('nota-dorpshuizen.txt');
    const copy = rows.get(byInput('z-kopie-nota-dorpshuizen.txt'));
    expect(copy?.refers_to?.toLowerCase()).toBe(original);
    expect(copy?.remark?.toLowerCase()).toContain(`duplicaat van document ${original}`);
    expect(rows.get(original)?.refers_to?.toLowerCase()).toContain(byInput('z-kopie-nota-dorpshuizen.txt'));
    const [m1, m2, m3] = ['mails/mail-1.txt', 'mails/mail-2.txt', 'mails/mail-3.txt'].map((n) => rows.get(byInput(n)) as Record<string, string>);
    expect(m1?.refers_to?.toLowerCase().split('; ')).toEqual([byInput('mails/mail-2.txt'), byInput('mails/mail-3.txt')]);
    expect(m1?.remark).toMatch(/volledig opgenomen/);
    expect(m3?.refers_to?.toLowerCase().split('; ')).toEqual([byInput('mails/mail-1.txt'), byInput('mails/mail-2.txt')]);
    expect(new Set([m1?.threadid, m2?.threadid, m3?.threadid]).size).toBe(1);
    expect(m1?.threadid).not.toBe('');
    // mail-2 names the nota as its attachment: they share a Family ID.
    expect(rows.get(original)?.family).toBe(m2?.family);
    expect(m1?.family).not.toBe(m2?.family);
    expect(summary.publication).toMatchObject({ duplicates: 1, quotedEmails: 2, threads: 1 });
  });
});

describe('publication package: DiWoo metadata', () => {
  it('writes one file per published document with values from the value lists', () => {
    const files = readdirSync(join(pkg(), 'diwoo')).sort();
    expect(files).toHaveLength(6);
    const nota = readFileSync(join(pkg(), 'diwoo', `${idOf('nota-dorpshuizen.txt')}.xml`), 'utf8');
    expect(nota).toContain('<diwoo:publisher resource="https://identifier.overheid.nl/tooi/id/ministerie/mnre1034">ministerie van Binnenlandse Zaken en Koninkrijksrelaties</diwoo:publisher>');
    expect(nota).toContain('<diwoo:officieleTitel>Subsidieregeling dorpshuizen</diwoo:officieleTitel>');
    expect(nota).toContain('resource="https://identifier.overheid.nl/tooi/def/thes/kern/c_2977c34f">beslisnota<');
    expect(nota).toContain('resource="https://identifier.overheid.nl/tooi/def/thes/kern/c_3baef532"');
    expect(nota).toContain('<diwoo:creatiedatum>2024-03-12</diwoo:creatiedatum>');
    expect(nota).toMatch(/<diwoo:atTime>2024-03-12T00:00:00\+01:00<\/diwoo:atTime>/);
    expect(nota).toContain('language/NLD">Nederlands<');
    const mail = readFileSync(join(pkg(), 'diwoo', `${idOf('mails/mail-2.txt')}.xml`), 'utf8');
    expect(mail).toMatch(/<diwoo:atTime>2024-03-06T16:40:00\+01:00<\/diwoo:atTime>/);
    expect(mail).not.toContain('documentsoort');
    // The scan has no date of its own: the besluit's date stands in, no creatiedatum is invented.
    const scan = readFileSync(join(pkg(), 'diwoo', `${idOf('scan-nota.pdf')}.xml`), 'utf8');
    expect(scan).toContain('<diwoo:atTime>2024-11-01T00:00:00+01:00</diwoo:atTime>');
    expect(scan).not.toContain('creatiedatum');
  });

  it.skipIf(!has('xmllint'))('every file validates against the DiWoo XSD (needs xmllint from Debian libxml2-utils; skipped without it), and a plain-date atTime does not', () => {
    const dir = join(pkg(), 'diwoo');
    const files = readdirSync(dir).map((f) => join(dir, f));
    const ok = spawnSync('xmllint', ['--noout', '--schema', XSD, ...files], { encoding: 'utf8' });
    expect(ok.stderr).not.toMatch(/fails to validate|error/);
    expect(ok.status).toBe(0);
    const broken = join(dossier.root, 'broken.xml');
    writeFileSync(broken, readFileSync(files[0] as string, 'utf8').replace(/<diwoo:atTime>([0-9-]{10})T[^<]*</, '<diwoo:atTime>$1<'));
    const bad = spawnSync('xmllint', ['--noout', '--schema', XSD, broken], { encoding: 'utf8' });
    expect(bad.status).not.toBe(0);
    expect(bad.stderr).toMatch(/atTime/);
  });
});

describe('publication package: motivation annex', () => {
  it('Markdown: per ground its citation, motivation and counts; withheld documents; SHA-256 of every input and published file', () => {
    const md = readFileSync(summary.publication.annex.markdown, 'utf8');
    expect(md).toMatch(/### 5\.1\.2e: eerbiediging van de persoonlijke levenssfeer \(art\. 5\.1, tweede lid, onder e, Woo\)/);
    expect(md).toMatch(/in de openbaarheid treden/);
    expect(md).toMatch(/Toegepast: \d+ keer in 6 documenten\./);
    expect(md).toMatch(/5\.1\.2i: goed functioneren/);
    expect(md).toMatch(/geheel niet openbaar op grond van 5\.1\.2i/);
    for (const input of ['nota-dorpshuizen.txt', 'mails/mail-3.txt', 'scan-nota.pdf']) expect(md).toContain(sha(readFileSync(join(dossier.input, input))));
    for (const f of readdirSync(join(pkg(), 'documenten'))) expect(md).toContain(sha(readFileSync(join(pkg(), 'documenten', f))));
    expect(md).not.toMatch(/Verbeek|Brandsma/);
  });

  it.skipIf(!has('pdftotext'))('PDF: opens, its text is extractable, and it is tagged with Dutch as its language', () => {
    const pdf = summary.publication.annex.pdf;
    const text = execFileSync('pdftotext', ['-layout', pdf, '-'], { encoding: 'utf8' });
    expect(text).toContain('Bijlage: motivering van de weigeringsgronden');
    expect(text).toContain('eerbiediging van de persoonlijke levenssfeer');
    expect(text).toContain(sha(readFileSync(join(dossier.input, 'scan-nota.pdf'))));
    const raw = readFileSync(pdf, 'latin1');
    expect(raw).toMatch(/\/Lang \(nl-NL\)/);
    expect(raw).toMatch(/\/StructTreeRoot/);
    expect(raw).toMatch(/\/Marked true/);
    expect(raw).toMatch(/\/S \/H1/);
    expect(raw).toMatch(/\/S \/H2/);
    if (has('pdfinfo')) expect(execFileSync('pdfinfo', [pdf], { encoding: 'utf8' })).toMatch(/Tagged:\s+yes/);
  });
});

describe('publication package: nothing redacted in it', () => {
  it('no name, number or address redacted in the documents appears in the inventory, metadata, annex or internal report', () => {
    const texts = readdirSync(pkg(), { recursive: true })
      .map(String)
      .filter((f) => /\.(csv|md|xml|txt)$/.test(f))
      .map((f) => readFileSync(join(pkg(), f), 'utf8'));
    texts.push(readFileSync(summary.publication.internalReport, 'utf8'));
    if (has('pdftotext')) texts.push(execFileSync('pdftotext', [summary.publication.annex.pdf, '-'], { encoding: 'utf8' }));
    expect(texts.length).toBeGreaterThan(12);
    for (const text of texts) {
      for (const secret of ['Verbeek', 'Brandsma', 'Roeland', 'Ilse', '12 34 56 78', '98 76 54 32', 'r.verbeek@', 'i.brandsma@', 'Zwanenburg', 'Hoogeveen']) expect(text).not.toContain(secret);
    }
  });
});

describe('publication package: reproducible and configured', () => {
  it('a second run gives byte-identical package files', async () => {
    const again = join(dossier.root, 'again');
    await runBatch({ inputs: [dossier.input], outDir: again, config: ConfigSchema.parse(DOSSIER_CONFIG) });
    const files = readdirSync(pkg(), { recursive: true }).map(String).filter((f) => /\.(xlsx|csv|pdf|md|xml|txt)$/.test(f)).sort();
    expect(files.length).toBeGreaterThan(10);
    for (const f of files) expect(sha(readFileSync(join(again, 'publicatie', f))), f).toBe(sha(readFileSync(join(pkg(), f))));
  }, 60_000);

  it('without an organisation: no DiWoo files and a clear notice; an unknown one is a config error before any file', async () => {
    const out = join(dossier.root, 'no-org');
    const s = await runBatch({ inputs: [join(dossier.input, 'nota-dorpshuizen.txt')], outDir: out, config: ConfigSchema.parse({ dossier: { matter: 'WOO-1' } }) });
    expect(existsSync(join(out, 'publicatie', 'diwoo'))).toBe(false);
    expect(s.publication.notices.join('\n')).toMatch(/set dossier\.organisation/);
    await expect(runBatch({ inputs: [dossier.input], outDir: join(dossier.root, 'bad'), config: ConfigSchema.parse({ dossier: { organisation: 'Ministerie van Dingen' } }) })).rejects.toMatchObject({ code: 'CONFIG_INVALID', message: expect.stringMatching(/not in the DiWoo organisation lists/) });
    expect(existsSync(join(dossier.root, 'bad'))).toBe(false);
    expect(() => ConfigSchema.parse({ dossier: { idPrefix: 'WOO-2024' } })).toThrow(/letters and digits/);
    expect(() => ConfigSchema.parse({ dossier: { matter: 'a b' } })).toThrow();
  });

});
