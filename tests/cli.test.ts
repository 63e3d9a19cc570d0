import { execFileSync } from 'node:child_process';
import { cpSync, existsSync, mkdirSync, mkdtempSync, readFileSync, readdirSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { main } from '../src/cli/main.js';
import { TOOL_VERSION } from '../src/version.js';
import { runCli } from './fixtures-cli.js';

const dirs: string[] = [];
function tempDir(): string {
  const d = mkdtempSync(join(tmpdir(), 'woo-cli-'));
  dirs.push(d);
  return d;
}
afterEach(() => {
  for (const d of dirs.splice(0)) rmSync(d, { recursive: true, force: true });
});

const run = runCli;

function inputTree(): string {
  const root = tempDir();
  cpSync(new URL('../examples/input', import.meta.url).pathname, join(root, 'in'), { recursive: true });
  return join(root, 'in');
}

function snapshot(dir: string): Record<string, string> {
  const out: Record<string, string> = {};
  const walk = (d: string, rel: string) => {
    for (const e of readdirSync(d, { withFileTypes: true }).sort((a, b) => a.name.localeCompare(b.name))) {
      const p = join(d, e.name);
      if (e.isDirectory()) walk(p, `${rel}${e.name}/`);
      else out[`${rel}${e.name}`] = readFileSync(p, 'latin1');
    }
  };
  walk(dir, '');
  return out;
}

describe('woo-redact CLI', () => {
  it('prints help and version', async () => {
    expect((await run(['--help'])).stdout).toContain('Usage:');
    expect((await run(['--version'])).stdout).toBe(`${TOOL_VERSION}\n`);
  });

  it.each([
    [[], /no input/],
    [['x.txt'], /--out <dir> is required/],
    [['--bogus', 'x.txt', '--out', 'o'], /bogus/],
  ])('exits 2 on usage errors: %j', async (argv, message) => {
    const r = await run(argv);
    expect(r.code).toBe(2);
    expect(r.stderr).toMatch(message);
  });

  it('redacts a folder into a mirrored tree, lists other types as skipped, and leaves inputs alone', async () => {
    const input = inputTree();
    const before = snapshot(input);
    const out = join(tempDir(), 'out');
    const r = await run([input, '--out', out, '--json']);
    expect(r.code).toBe(0);
    const summary = JSON.parse(r.stdout);
    expect(summary.totals).toMatchObject({ files: 5, ok: 4, failed: 0, skipped: 1 });
    expect(summary.files.find((f: { status: string }) => f.status === 'skipped').input).toBe('losse-stukken/bijlage-presentatie.docx');
    expect(existsSync(join(out, 'dossier-2024', 'nota-stand-van-de-uitvoering.redacted.txt'))).toBe(true);
    expect(existsSync(join(out, 'dossier-2024', 'nota-stand-van-de-uitvoering.manifest.json'))).toBe(true);
    const csv = readFileSync(join(out, 'publicatie', 'productierapport.csv'), 'utf8').split('\r\n');
    expect(csv[0]).toBe('\uFEFFVolgnummer,ID,Matter,Family ID,Email Thread ID,Document,File type,Datum,Beoordeling,Opgeschort,Beoordelingsgrond,Toelichting,Publieke link,Gerelateerd ID,Zaaknummer');
    expect(csv.filter((l) => l.includes('deels openbaar'))).toHaveLength(4);
    expect(csv.join('\n')).not.toContain('bijlage-presentatie');
    expect(readFileSync(join(out, 'woo-team-rapport.intern.md'), 'utf8')).toMatch(/bijlage-presentatie\.docx \| overgeslagen/);
    expect(snapshot(input)).toEqual(before);
    expect(readdirSync(out, { recursive: true }).filter((f) => String(f).endsWith('.tmp'))).toEqual([]);
  });

  it('gives byte-identical output on a second run', async () => {
    const input = inputTree();
    const a = join(tempDir(), 'a');
    const b = join(tempDir(), 'b');
    await run([input, '--out', a, '-q']);
    await run([input, '--out', b, '-q']);
    expect(snapshot(b)).toEqual(snapshot(a));
  });

  it('fails a bad file with its reason, exit 1, and still finishes the others', async () => {
    const input = inputTree();
    writeFileSync(join(input, 'kapot.txt'), Buffer.from([0x00, 0x01, 0x02, 0x03]));
    writeFileSync(join(input, 'leeg.txt'), '');
    const out = join(tempDir(), 'out');
    const r = await run([input, '--out', out]);
    expect(r.code).toBe(1);
    expect(r.stderr).toMatch(/kapot\.txt: FAILED \[BINARY_TEXT\]/);
    expect(r.stderr).toMatch(/leeg\.txt: FAILED \[INPUT_EMPTY\]/);
    expect(existsSync(join(out, 'dossier-2024', 'mail-reactie.redacted.txt'))).toBe(true);
    expect(existsSync(join(out, 'kapot.redacted.txt'))).toBe(false);
  });

  it('follows symbolic links in a folder, reports a broken one, and does not loop on a link to a parent', async () => {
    const input = inputTree();
    const dossier = join(tempDir(), 'dossier');
    mkdirSync(dossier);
    symlinkSync(join(input, 'dossier-2024', 'mail-reactie.txt'), join(dossier, 'mail.txt'));
    symlinkSync(join(input, 'losse-stukken'), join(dossier, 'losse-stukken'));
    symlinkSync(dossier, join(dossier, 'lus'));
    symlinkSync(join(input, 'weg.txt'), join(dossier, 'weg.txt'));
    const out = join(tempDir(), 'out');
    const r = await run([dossier, '--out', out, '--json']);
    const summary = JSON.parse(r.stdout);
    const byInput = new Map(summary.files.map((f: { input: string; status: string }) => [f.input, f.status]));
    expect(byInput.get('mail.txt')).toBe('ok');
    expect([...byInput.keys()].filter((k) => String(k).startsWith('losse-stukken/')).length).toBe(readdirSync(join(input, 'losse-stukken')).length);
    expect(byInput.get('weg.txt')).toBe('failed');
    expect([...byInput.keys()].some((k) => String(k).startsWith('lus/'))).toBe(false);
    expect(r.code).toBe(1);
    expect(existsSync(join(out, 'mail.redacted.txt'))).toBe(true);
  });

  it('never reads its own output folder back as input', async () => {
    const input = inputTree();
    const out = join(input, 'uitvoer');
    await run([input, '--out', out, '-q']);
    const second = await run([input, '--out', out, '--json']);
    expect(JSON.parse(second.stdout).totals.files).toBe(5);
  });

  it('takes a config file and refuses an invalid one with exit 2', async () => {
    const dir = tempDir();
    const input = join(dir, 'in');
    mkdirSync(input);
    writeFileSync(join(input, 'a.txt'), 'Bel ons op 070 370 79 11.\n');
    writeFileSync(join(dir, 'ok.json'), JSON.stringify({ policy: { publicPhoneNumbers: ['070 3707911'] }, inventory: { besluitnaam: 'Besluit Woo-verzoek 2024-01' } }));
    writeFileSync(join(dir, 'bad.json'), JSON.stringify({ policy: { tresholds: {} } }));
    const ok = await run([input, '--out', join(dir, 'out'), '--config', join(dir, 'ok.json'), '-q']);
    expect(ok.code).toBe(0);
    expect(readFileSync(join(dir, 'out', 'a.redacted.txt'), 'utf8')).toBe('Bel ons op 070 370 79 11.\n');
    expect(readFileSync(join(dir, 'out', 'publicatie', 'motivering.md'), 'utf8')).toContain('Besluit Woo-verzoek 2024-01');
    const bad = await run([input, '--out', join(dir, 'out2'), '--config', join(dir, 'bad.json')]);
    expect(bad.code).toBe(2);
    expect(bad.stderr).toMatch(/config file .* is invalid/);
  });

  it('keeps names out of the file names it writes', async () => {
    const dir = tempDir();
    mkdirSync(join(dir, 'in'));
    writeFileSync(join(dir, 'in', 'mail van Anouk de Wit.txt'), 'Geen inhoud van belang.\n');
    const r = await run([join(dir, 'in'), '--out', join(dir, 'out'), '--json']);
    const written = readdirSync(join(dir, 'out'));
    expect(written.join(' ')).not.toContain('Anouk');
    expect(written).toContain('mail van 5.1.2e.redacted.txt');
    expect(r.stdout).not.toContain('Anouk');
    for (const f of ['publicatie/productierapport.csv', 'publicatie/motivering.md', 'woo-team-rapport.intern.md']) expect(readFileSync(join(dir, 'out', f), 'utf8')).not.toContain('Anouk');
  });

  it('names a file that is not a readable regular file and goes on', async () => {
    const input = inputTree();
    mkdirSync(join(input, 'map.txt'));
    const r = await run([input, join(input, 'bestaat-niet.txt'), '--out', join(tempDir(), 'out')]);
    expect(r.code).toBe(2);
    expect(r.stderr).toMatch(/bestaat-niet\.txt does not exist/);
  });
});

describe('PDF in a batch', () => {
  it('writes <name>.redacted.pdf and a manifest with boxes', async () => {
    const input = inputTree();
    const out = join(tempDir(), 'out');
    expect((await run([input, '--out', out, '-q'])).code).toBe(0);
    const pdf = readFileSync(join(out, 'dossier-2024', 'nota-contact.redacted.pdf'));
    expect(pdf.subarray(0, 5).toString('latin1')).toBe('%PDF-');
    const manifest = JSON.parse(readFileSync(join(out, 'dossier-2024', 'nota-contact.manifest.json'), 'utf8'));
    expect(manifest.source.kind).toBe('pdf');
    expect(manifest.output.path).toBe('dossier-2024/nota-contact.redacted.pdf');
    expect(manifest.redactions.every((r: { boxes?: unknown[] }) => (r.boxes?.length ?? 0) > 0)).toBe(true);
  });

  it('names a refused PDF with its code and goes on', async () => {
    const input = inputTree();
    cpSync(new URL('../fixtures/pdf/no-text-layer.pdf', import.meta.url).pathname, join(input, 'scan.pdf'));
    const out = join(tempDir(), 'out');
    const r = await run([input, '--out', out]);
    expect(r.code).toBe(1);
    expect(r.stderr).toMatch(/scan\.pdf: FAILED \[PDF_NO_TEXT\] .*OCR/);
    expect(existsSync(join(out, 'scan.redacted.pdf'))).toBe(false);
    expect(readFileSync(join(out, 'woo-team-rapport.intern.md'), 'utf8')).toMatch(/scan\.pdf \| geweigerd \| PDF_NO_TEXT/);
    expect(readFileSync(join(out, 'publicatie', 'productierapport.csv'), 'utf8')).not.toContain('scan');
  });
});

describe('--resume', () => {
  it('skips what an earlier run finished and redoes what changed, with the same final output', async () => {
    const input = inputTree();
    const full = join(tempDir(), 'full');
    await run([input, '--out', full, '-q']);
    const out = join(tempDir(), 'out');
    await run([input, '--out', out, '-q']);
    // Simulate an interruption: one output lost, one input changed since.
    rmSync(join(out, 'dossier-2024', 'mail-reactie.redacted.txt'));
    const r = await run([input, '--out', out, '--resume', '--json']);
    const files = JSON.parse(r.stdout).files as { input: string; resumed?: boolean }[];
    expect(files.find((f) => f.input === 'dossier-2024/mail-reactie.txt')?.resumed).toBeUndefined();
    expect(files.find((f) => f.input === 'losse-stukken/besluit-aanvraag.txt')?.resumed).toBe(true);
    expect(snapshot(out)).toEqual(snapshot(full));
  });
});

describe('progress on a terminal', () => {
  it('draws a bar with counts only, and names failures after it', async () => {
    const input = inputTree();
    writeFileSync(join(input, 'kapot.txt'), Buffer.from([0, 1, 2]));
    let stderr = '';
    const code = await main([input, '--out', join(tempDir(), 'out')], { stdout: () => undefined, stderr: (t) => (stderr += t), isTTY: true });
    expect(code).toBe(1);
    expect(stderr).toMatch(/woo-redact \|.*\| 6\/6 files \| \d+ pages \| 1 failed/);
    expect(stderr).toMatch(/kapot\.txt: FAILED \[BINARY_TEXT\]/);
    for (const secret of ['Zwanenburg', 'Bouzidi', '123456782']) expect(stderr).not.toContain(secret);
  });
});

describe('names in file names of failed and skipped files', () => {
  it('stay out of stderr, the summary and the inventory', async () => {
    const dir = tempDir();
    mkdirSync(join(dir, 'in'));
    writeFileSync(join(dir, 'in', 'verslag Pieter Hoogeveen.txt'), Buffer.from([0, 1, 2]));
    writeFileSync(join(dir, 'in', 'cv Anouk de Wit.docx'), 'x');
    const r = await run([join(dir, 'in'), '--out', join(dir, 'out'), '--json']);
    expect(r.code).toBe(1);
    for (const text of [r.stdout, r.stderr, readFileSync(join(dir, 'out', 'publicatie', 'productierapport.csv'), 'utf8'), readFileSync(join(dir, 'out', 'woo-team-rapport.intern.md'), 'utf8')]) {
      for (const name of ['Pieter', 'Hoogeveen', 'Anouk', 'de Wit']) expect(text).not.toContain(name);
    }
  });
});

describe('persons shared within a folder', () => {
  it('are looked for in the other files of the folder, not beyond (in-process run)', async () => {
    const { runBatch } = await import('../src/cli/batch.js');
    const input = join(tempDir(), 'in');
    mkdirSync(join(input, 'dossier'), { recursive: true });
    mkdirSync(join(input, 'ander'), { recursive: true });
    writeFileSync(join(input, 'dossier', 'a.txt'), 'Contactpersoon\nRhodia Maasbommel\n');
    // Shared by the full identity (given name + surname), never by the surname alone.
    const listed = 'Bijlage 2: Rhodia Maasbommel - overzicht.xlsx\n';
    writeFileSync(join(input, 'dossier', 'b.txt'), listed);
    writeFileSync(join(input, 'ander', 'c.txt'), listed);
    const out = join(tempDir(), 'out');
    await runBatch({ inputs: [input], outDir: out, jobs: 1 });
    expect(readFileSync(join(out, 'dossier', 'b.redacted.txt'), 'utf8')).toBe('Bijlage 2: [5.1.2e] - overzicht.xlsx\n');
    // Beyond the folder the name is not known: not a redaction, an open review item (shown
    // redacted until a person decides, fail closed).
    expect(readFileSync(join(out, 'ander', 'c.redacted.txt'), 'utf8')).toBe('Bijlage 2: [5.1.2e] - overzicht.xlsx\n');
    const manifest = (rel: string) => JSON.parse(readFileSync(join(out, rel), 'utf8'));
    expect([manifest('dossier/b.manifest.json').redactions.length, manifest('dossier/b.manifest.json').review.length]).toEqual([1, 0]);
    expect([manifest('ander/c.manifest.json').redactions.length, manifest('ander/c.manifest.json').review.length]).toEqual([0, 1]);
  });
});

describe('files that change during a run', () => {
  // After the first file, the last supported one is deleted or replaced, as a colleague might do
  // mid-run. chmod does not stop root (the CI user), so unreadable is made by what the path becomes:
  // a folder, or a named pipe (which would block a plain read forever).
  it.each([
    ['disappeared', () => undefined, 'INPUT_NOT_FOUND'],
    ['became a folder', (path: string) => mkdirSync(path), 'INPUT_UNREADABLE'],
    ['became a named pipe', (path: string) => execFileSync('mkfifo', [path]), 'INPUT_UNREADABLE'],
  ])('names a file that %s before its turn and finishes the others', async (_what, replace, code) => {
    const { runBatch } = await import('../src/cli/batch.js');
    const input = inputTree();
    const victim = join(input, 'losse-stukken', 'besluit-aanvraag.txt');
    const out = join(tempDir(), 'out');
    const summary = await runBatch({
      inputs: [input],
      outDir: out,
      jobs: 1,
      onFile: (done) => {
        if (done !== 1) return;
        rmSync(victim);
        replace(victim);
      },
    });
    expect(summary.files.find((f) => f.input === 'losse-stukken/besluit-aanvraag.txt')).toMatchObject({ status: 'failed', code });
    expect(summary.totals.ok).toBe(3);
    expect(existsSync(join(out, 'dossier-2024', 'mail-reactie.redacted.txt'))).toBe(true);
  });
});
