import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { readInput, redactFile } from '../src/api.js';

const dir = mkdtempSync(join(tmpdir(), 'woo-api-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

describe('redactFile and readInput', () => {
  it('redacts a file and records the path given', async () => {
    const f = join(dir, 'a.txt');
    writeFileSync(f, 'Contactpersoon\nAnouk de Wit\n');
    const r = await redactFile(f, { displayPath: 'dossier/a.txt' });
    if (r.kind !== 'text') throw new Error('expected text output');
    expect(r.text).toBe('Contactpersoon\n[5.1.2e]\n');
    expect(r.manifest.source).toMatchObject({ path: 'dossier/a.txt', kind: 'text', encoding: 'utf-8', pages: 1 });
  });

  it.each([
    ['missing', () => join(dir, 'weg.txt'), 'INPUT_NOT_FOUND'],
    ['a folder', () => {
      const d = join(dir, 'map.txt');
      mkdirSync(d, { recursive: true });
      return d;
    }, 'INPUT_UNREADABLE'],
    ['unsupported type', () => join(dir, 'x.docx'), 'UNSUPPORTED_TYPE'],
    ['a PDF that is not there', () => join(dir, 'weg.pdf'), 'INPUT_NOT_FOUND'],
  ])('refuses %s with a stable code', async (_name, path, code) => {
    await expect(readInput(path())).rejects.toMatchObject({ code });
  });

  it('refuses a file over the size cap', async () => {
    const f = join(dir, 'groot.txt');
    writeFileSync(f, 'x'.repeat(2048));
    await expect(readInput(f, 1024)).rejects.toMatchObject({ code: 'FILE_TOO_LARGE' });
  });

  it('holds a configured limit for PDFs too', async () => {
    const f = join(dir, 'groot.pdf');
    writeFileSync(f, `%PDF-1.7\n${'x'.repeat(2048)}`);
    await expect(readInput(f, 1024)).rejects.toMatchObject({ code: 'FILE_TOO_LARGE' });
  });
});
