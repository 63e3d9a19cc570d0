import { spawn } from 'node:child_process';
import { cpSync, existsSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { runCli } from './fixtures-cli.js';
import { planOutputNames } from '../src/cli/output-names.js';

// Outputs are never silently lost, and woo-redact never reads what it wrote: run through the
// built CLI (worker processes, --jobs) as a Woo-team runs it, and in-process for the messages.
const bin = new URL('../bin/woo-redact.mjs', import.meta.url).pathname;
const fixtures = new URL('../fixtures/pdf/', import.meta.url).pathname;
const root = mkdtempSync(join(tmpdir(), 'woo-outputs-'));
afterAll(() => rmSync(root, { recursive: true, force: true }));
let counter = 0;
function dir(): string {
  const d = join(root, `t${counter++}`);
  mkdirSync(d, { recursive: true });
  return d;
}

// Asynchronous, so this test worker keeps answering vitest while the CLI runs.
function cli(args: string[]): Promise<{ code: number; stdout: string; stderr: string }> {
  return new Promise((resolve) => {
    const child = spawn(process.execPath, [bin, ...args], { timeout: 120_000 });
    let stdout = '';
    let stderr = '';
    child.stdout.on('data', (d: Buffer) => (stdout += d.toString('utf8')));
    child.stderr.on('data', (d: Buffer) => (stderr += d.toString('utf8')));
    child.on('close', (code) => resolve({ code: code ?? -1, stdout, stderr }));
  });
}

const inProcess = runCli;

function tree(d: string): Record<string, string> {
  const out: Record<string, string> = {};
  for (const f of readdirSync(d, { recursive: true, withFileTypes: true })) {
    if (f.isFile()) out[join(f.parentPath, f.name).slice(d.length + 1)] = readFileSync(join(f.parentPath, f.name), 'latin1');
  }
  return out;
}

interface Summary {
  totals: { files: number; ok: number };
  files: { status: string; input: string; output?: string; manifest?: string; resumed?: boolean }[];
  ownOutputsIgnored: string[];
}

describe('output names in a batch', () => {
  // Two names replaced by the same code, and one stem shared by a text and a PDF.
  const input = join(dir(), 'in');
  mkdirSync(input);
  writeFileSync(join(input, 'mail van Anouk de Wit.txt'), 'Beste collega,\n\nHet eerste bericht.\n');
  writeFileSync(join(input, 'mail van Jeroen Bakker.txt'), 'Beste collega,\n\nHet tweede bericht, anders.\n');
  writeFileSync(join(input, 'nota.txt'), 'Contactpersoon\nMarieke Zwanenburg\n');
  cpSync(join(fixtures, 'standard14-nota.pdf'), join(input, 'nota.pdf'));

  it('gives every input its own outputs and inventory row, the same for any --jobs, also with --resume', async () => {
    const runs: { out: string; summary: Summary }[] = [];
    for (const jobs of ['1', '2']) {
      const out = join(root, `names-${jobs}`);
      const r = await cli([input, '--out', out, '--jobs', jobs, '--json']);
      expect(r.code, r.stderr).toBe(0);
      runs.push({ out, summary: JSON.parse(r.stdout) as Summary });
    }
    const [one, two] = runs as [(typeof runs)[0], (typeof runs)[0]];
    expect(tree(two.out)).toEqual(tree(one.out));
    const files = one.summary.files;
    expect(files).toHaveLength(4);
    // Every output and manifest named once: nothing overwritten.
    const written = files.flatMap((f) => [f.output, f.manifest]);
    expect(new Set(written.map((w) => w?.toLowerCase())).size).toBe(8);
    expect(written.sort()).toEqual(
      [
        'mail van 5.1.2e (1).redacted.txt',
        'mail van 5.1.2e (1).manifest.json',
        'mail van 5.1.2e (2).redacted.txt',
        'mail van 5.1.2e (2).manifest.json',
        'nota.redacted.txt',
        'nota.txt.manifest.json',
        'nota.redacted.pdf',
        'nota.pdf.manifest.json',
      ].sort(),
    );
    // Each manifest describes its own input, and names its own output.
    const sources = new Set<string>();
    for (const f of files) {
      const m = JSON.parse(readFileSync(join(one.out, f.manifest as string), 'utf8'));
      expect(m.output.path).toBe(f.output);
      expect(m.source.kind).toBe(f.output?.endsWith('.pdf') ? 'pdf' : 'text');
      sources.add(m.source.sha256);
    }
    expect(sources.size).toBe(4);
    const first = readFileSync(join(one.out, 'mail van 5.1.2e (1).redacted.txt'), 'utf8');
    const second = readFileSync(join(one.out, 'mail van 5.1.2e (2).redacted.txt'), 'utf8');
    expect([first, second]).toEqual(['Beste collega,\n\nHet eerste bericht.\n', 'Beste collega,\n\nHet tweede bericht, anders.\n']);
    const rows = readFileSync(join(one.out, 'publicatie', 'productierapport.csv'), 'utf8').trim().split(/\r?\n/).slice(1);
    expect(rows.map((r) => r.split(',')[0])).toEqual(['1', '2', '3', '4']);
    expect(rows.every((r) => r.includes('openbaar'))).toBe(true);
    for (const text of [JSON.stringify(one.summary), JSON.stringify(rows), readdirSync(one.out).join(' ')]) {
      for (const name of ['Anouk', 'Jeroen', 'Bakker']) expect(text).not.toContain(name);
    }

    // --resume finds each file's own outputs again, and redoes only what changed.
    rmSync(join(two.out, 'mail van 5.1.2e (2).redacted.txt'));
    const resumed = await cli([input, '--out', two.out, '--resume', '--jobs', '2', '--json']);
    expect(resumed.code, resumed.stderr).toBe(0);
    const again = (JSON.parse(resumed.stdout) as Summary).files;
    expect(again.map((f) => [f.output, f.resumed ?? false])).toEqual(files.map((f) => [f.output, f.output !== 'mail van 5.1.2e (2).redacted.txt']));
    expect(tree(two.out)).toEqual(tree(one.out));
  });

  it('numbers around names other files already have, case-insensitively', () => {
    const names = planOutputNames(
      ['a (1).txt', 'a.txt', 'A.txt', 'b.txt', 'b.docx'].map((safe) => ({ safe, extension: safe.slice(safe.lastIndexOf('.')), supported: !safe.endsWith('.docx') })),
    );
    expect(names.slice(0, 4).map((n) => [n.output, n.manifest])).toEqual([
      ['a (1).redacted.txt', 'a (1).manifest.json'],
      ['a (2).redacted.txt', 'a (2).manifest.json'],
      ['A (3).redacted.txt', 'A (3).manifest.json'],
      ['b.redacted.txt', 'b.manifest.json'],
    ]);
  });
});

describe("woo-redact's own outputs", () => {
  it('refuses an output folder that is an input folder or the folder of an input file (exit 2)', async () => {
    const d = dir();
    writeFileSync(join(d, 'a.txt'), 'Contactpersoon\nAnouk de Wit\n');
    for (const args of [[d, '--out', d], [join(d, 'a.txt'), '--out', d], [d, '--out', join(d, '.')]]) {
      const r = await inProcess(args);
      expect(r.code).toBe(2);
      expect(r.stderr).toMatch(/output folder .* is the (input folder|folder of the input file).*choose a separate --out folder/);
    }
    expect(readdirSync(d)).toEqual(['a.txt']);
  });

  it('never reads them back as inputs wherever they are, and says so', async () => {
    const d = dir();
    const input = join(d, 'in');
    cpSync(new URL('../examples/input', import.meta.url).pathname, input, { recursive: true });
    writeFileSync(join(input, 'eigen.redacted.txt'), 'Een notitie van de gebruiker zelf, Anouk de Wit.\n');
    const first = await inProcess([input, '--out', join(input, 'uitvoer'), '--json', '--summary-file', join(input, 'samenvatting.json')]);
    const files = (JSON.parse(first.stdout) as Summary).totals.files;
    // An earlier run's outputs copied into the dossier, and the summary file beside the inputs.
    cpSync(join(input, 'uitvoer'), join(input, 'oud'), { recursive: true });
    const second = await inProcess([input, '--out', join(d, 'out'), '--json']);
    const summary = JSON.parse(second.stdout) as Summary;
    // The summary file is new (one more file than the first run saw), and ignored with the rest.
    expect(summary.totals.files).toBe(files);
    expect(summary.files.map((f) => f.input)).toContain('eigen.redacted.txt');
    expect(summary.files.some((f) => f.input.startsWith('oud/') || f.input.includes('manifest') || f.input.includes('productierapport') || f.input.includes('publicatie') || f.input.includes('rapport'))).toBe(false);
    expect(summary.ownOutputsIgnored).toContain('samenvatting.json');
    for (const f of ['oud/publicatie/productierapport.csv', 'oud/publicatie/productierapport.xlsx', 'oud/publicatie/motivering.md', 'oud/publicatie/documenten/doc0001.txt', 'oud/woo-team-rapport.intern.md']) {
      expect(summary.ownOutputsIgnored).toContain(f);
    }
    expect(summary.ownOutputsIgnored).toContain('oud/dossier-2024/nota-contact.redacted.pdf');
    expect(summary.ownOutputsIgnored).toContain('oud/dossier-2024/nota-contact.manifest.json');
    expect(summary.ownOutputsIgnored).toContain('oud/eigen.redacted.redacted.txt');
    const text = await inProcess([input, '--out', join(d, 'out2')]);
    expect(text.stderr).toContain(`not read: ${summary.ownOutputsIgnored.length} file(s) among the inputs that woo-redact wrote itself`);
  });
});

describe('the terminal tells the truth', () => {
  it('--help names PDF input and the .redacted.pdf output', async () => {
    const help = (await inProcess(['--help'])).stdout;
    expect(help).toMatch(/as PDF/);
    expect(help).toContain('<name>.redacted.pdf');
  });

  it('names the files to review, shows what else changed in a PDF, and says how to include skipped files', async () => {
    const d = dir();
    const input = join(d, 'in');
    mkdirSync(input);
    writeFileSync(join(input, 'overleg.txt'), 'De directeur Hanneke Mulder heeft gevraagd om een analyse.\n');
    writeFileSync(join(input, 'zonder.txt'), 'Niets bijzonders.\n');
    writeFileSync(join(input, 'bijlage.docx'), 'x');
    for (const f of ['outline-attachment.pdf', 'form-field.pdf', 'owner-password-rc4.pdf']) cpSync(join(fixtures, f), join(input, f));
    const r = await inProcess([input, '--out', join(d, 'out')]);
    expect(r.code, r.stderr).toBe(0);
    // Every file with review items is named with its count and manifest, and no other.
    const toReview = ['overleg', 'zonder', 'outline-attachment', 'form-field', 'owner-password-rc4']
      .map((f) => ({ f, n: JSON.parse(readFileSync(join(d, 'out', `${f}.manifest.json`), 'utf8')).review.length as number }))
      .filter((x) => x.n > 0);
    expect(toReview.map((x) => x.f)).toContain('overleg');
    expect(r.stderr).toContain(`\nto review (${toReview.length} file(s)`);
    for (const { f, n } of toReview) expect(r.stderr).toMatch(new RegExp(`\\n  ${f}\\.(txt|pdf): ${n} open item\\(s\\), redacted until decided [^\\n]*; see ${f}\\.manifest\\.json\\n`));
    expect(r.stderr).not.toMatch(/zonder\.txt: \d+ item/);
    expect(r.stderr).toMatch(/outline-attachment\.pdf: [^\n]*attachments were removed/);
    expect(r.stderr).toMatch(/form-field\.pdf: [^\n]*form fields were removed/);
    expect(r.stderr).toMatch(/owner-password-rc4\.pdf: [^\n]*owner password/);
    expect(r.stderr).toMatch(/bijlage\.docx: skipped, [^\n]*convert them as PDF or as \.txt[^\n]*run again to include them/);
    for (const secret of ['Hanneke', 'Mulder']) expect(r.stderr).not.toContain(secret);
    for (const f of ['outline-attachment', 'form-field', 'owner-password-rc4']) {
      const m = JSON.parse(readFileSync(join(d, 'out', `${f}.manifest.json`), 'utf8'));
      expect(m.warnings.length).toBeGreaterThan(0);
    }
    expect(existsSync(join(d, 'out', 'overleg.manifest.json'))).toBe(true);
  });
});
