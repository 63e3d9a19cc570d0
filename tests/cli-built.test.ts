import { execFileSync } from 'node:child_process';
import { cpSync, mkdirSync, mkdtempSync, readFileSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { HAVE_POPPLER, pdftotext } from './pdf-tools.js';

// The published artefact, run as users run it: `npm test` builds first (see package.json).
const bin = new URL('../bin/woo-redact.mjs', import.meta.url).pathname;
const root = mkdtempSync(join(tmpdir(), 'woo-built-'));
afterAll(() => rmSync(root, { recursive: true, force: true }));

function tree(dir: string): Record<string, string> {
  const out: Record<string, string> = {};
  const walk = (d: string, rel: string) => {
    for (const e of readdirSync(d, { withFileTypes: true })) {
      if (e.isDirectory()) walk(join(d, e.name), `${rel}${e.name}/`);
      else out[`${rel}${e.name}`] = readFileSync(join(d, e.name), 'latin1');
    }
  };
  walk(dir, '');
  return out;
}

describe('the built CLI', () => {
  const input = join(root, 'in');
  cpSync(new URL('../examples/input', import.meta.url).pathname, input, { recursive: true });
  for (const f of ['standard14-nota.pdf', 'form-xobject-two-pages.pdf', 'no-text-layer.pdf']) cpSync(new URL(`../fixtures/pdf/${f}`, import.meta.url).pathname, join(input, 'pdf', f));

  it('gives byte-identical output with 1 and 2 jobs, and exit 1 for the refused file', () => {
    const run = (jobs: string, out: string) => {
      try {
        execFileSync(process.execPath, [bin, input, '--out', out, '--jobs', jobs, '-q'], { stdio: 'pipe' });
        return 0;
      } catch (error) {
        return (error as { status: number }).status;
      }
    };
    expect(run('1', join(root, 'one'))).toBe(1);
    expect(run('2', join(root, 'two'))).toBe(1);
    const one = tree(join(root, 'one'));
    expect(Object.keys(one)).toContain('pdf/standard14-nota.redacted.pdf');
    expect(tree(join(root, 'two'))).toEqual(one);
  });

  // Worker threads differ from the library path (pdf.js without DecompressionStream, synchronous
  // file I/O): every PDF fixture goes through them with the outcome it has in tests/pdf.test.ts.
  it.runIf(HAVE_POPPLER)('gives every PDF fixture its expected outcome in worker processes, the redacted values gone', () => {
    const fixtures = new URL('../fixtures/pdf/', import.meta.url).pathname;
    const expectations: Record<string, { gone: string[]; error?: string }> = JSON.parse(readFileSync(join(fixtures, 'expectations.json'), 'utf8'));
    const pdfIn = join(root, 'fixtures');
    for (const name of Object.keys(expectations)) if (name !== 'too-many-pages.pdf') cpSync(join(fixtures, name), join(pdfIn, name));
    const summaryFile = join(root, 'fixtures-summary.json');
    try {
      execFileSync(process.execPath, [bin, pdfIn, '--out', join(root, 'fixtures-out'), '--jobs', '2', '-q', '--summary-file', summaryFile], { stdio: 'pipe' });
    } catch {
      // Exit 1: some fixtures are refused on purpose.
    }
    const summary = JSON.parse(readFileSync(summaryFile, 'utf8')) as { files: { input: string; status: string; code?: string; output?: string }[] };
    expect(summary.files.length).toBe(Object.keys(expectations).length - 1);
    for (const f of summary.files) {
      const expected = expectations[f.input];
      expect(f.status === 'ok' ? 'ok' : f.code, f.input).toBe(expected?.error ?? 'ok');
      if (f.status !== 'ok') continue;
      const text = pdftotext(readFileSync(join(root, 'fixtures-out', f.output as string))).replace(/\s+/g, ' ');
      for (const value of expected?.gone ?? []) expect(text, f.input).not.toContain(value);
    }
  });

  it('shares persons found in one file with the other files of its folder, not beyond (first pass in the workers)', () => {
    const dossier = join(root, 'dossiers');
    mkdirSync(join(dossier, 'dossier'), { recursive: true });
    mkdirSync(join(dossier, 'ander'), { recursive: true });
    writeFileSync(join(dossier, 'dossier', 'a.txt'), 'Contactpersoon\nRhodia Maasbommel\n');
    // A name in a list, without the evidence that finds it on its own; shared by the full identity.
    const listed = 'Bijlage 2: Rhodia Maasbommel - overzicht.xlsx\n';
    writeFileSync(join(dossier, 'dossier', 'b.txt'), listed);
    writeFileSync(join(dossier, 'ander', 'c.txt'), listed);
    execFileSync(process.execPath, [bin, dossier, '--out', join(root, 'dossiers-out'), '--jobs', '2', '-q'], { stdio: 'pipe' });
    expect(readFileSync(join(root, 'dossiers-out', 'dossier', 'b.redacted.txt'), 'utf8')).toBe('Bijlage 2: [5.1.2e] - overzicht.xlsx\n');
    // Beyond the folder: not a redaction, an open review item (shown redacted until decided).
    const manifest = (rel: string) => JSON.parse(readFileSync(join(root, 'dossiers-out', rel), 'utf8'));
    expect([manifest('dossier/b.manifest.json').redactions.length, manifest('ander/c.manifest.json').redactions.length]).toEqual([1, 0]);
    expect(manifest('ander/c.manifest.json').review.map((v: { shownAs: string }) => v.shownAs)).toEqual(['redacted']);
    expect(listed).toContain('Rhodia');
  });

  it('stops a file that runs over the time limit, names it, and goes on', () => {
    const config = join(root, 'slow.json');
    writeFileSync(config, JSON.stringify({ maxSecondsPerFile: 0.001 }));
    let stderr = '';
    try {
      execFileSync(process.execPath, [bin, join(input, 'pdf'), '--out', join(root, 'slow'), '--config', config, '--jobs', '1'], { stdio: 'pipe' });
    } catch (error) {
      stderr = String((error as { stderr: Buffer }).stderr);
    }
    expect(stderr).toMatch(/FAILED \[FILE_TIMEOUT\]/);
  });

  it('prints its version and usage errors with exit 2', () => {
    expect(execFileSync(process.execPath, [bin, '--version'], { encoding: 'utf8' }).trim()).toMatch(/^\d+\.\d+\.\d+$/);
    let status = 0;
    try {
      execFileSync(process.execPath, [bin, input, '--out', join(root, 'x'), '--jobs', 'many'], { stdio: 'pipe' });
    } catch (error) {
      status = (error as { status: number }).status;
    }
    expect(status).toBe(2);
  });
});
