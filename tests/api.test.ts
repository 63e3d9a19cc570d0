import { mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { readInput, readInputSync, redactBytes, redactFile } from '../src/api.js';
import { writeFileAtomic, writeFileAtomicSync } from '../src/io/atomic-write.js';

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
    // The batch workers' synchronous reader refuses the same way.
    expect(() => readInputSync(path())).toThrow(expect.objectContaining({ code }));
  });

  it('refuses a file over the size cap', async () => {
    const f = join(dir, 'groot.txt');
    writeFileSync(f, 'x'.repeat(2048));
    await expect(readInput(f, 1024)).rejects.toMatchObject({ code: 'FILE_TOO_LARGE' });
    expect(() => readInputSync(f, 1024)).toThrow(expect.objectContaining({ code: 'FILE_TOO_LARGE' }));
    expect(readInputSync(f, 4096)).toHaveLength(2048);
  });

  it('holds a configured limit for PDFs too', async () => {
    const f = join(dir, 'groot.pdf');
    writeFileSync(f, `%PDF-1.7\n${'x'.repeat(2048)}`);
    await expect(readInput(f, 1024)).rejects.toMatchObject({ code: 'FILE_TOO_LARGE' });
  });

  it('redacts bytes already read, the name telling the type', async () => {
    const r = await redactBytes(new TextEncoder().encode('Contactpersoon\nAnouk de Wit\n'), 'uit-dms.txt');
    if (r.kind !== 'text') throw new Error('expected text output');
    expect(r.text).toBe('Contactpersoon\n[5.1.2e]\n');
    await expect(redactBytes(new TextEncoder().encode('geen pdf'), 'nota.pdf')).rejects.toMatchObject({ code: 'PDF_DAMAGED' });
    await expect(redactBytes(new Uint8Array(0), 'nota.pdf')).rejects.toMatchObject({ code: 'INPUT_EMPTY', message: expect.stringContaining('empty (0 bytes)') });
  });
});

describe('atomic writes', () => {
  it.each([
    ['writeFileAtomic', (p: string, d: string) => writeFileAtomic(p, d)],
    ['writeFileAtomicSync', async (p: string, d: string) => writeFileAtomicSync(p, d)],
  ])('%s writes the whole file under its name and leaves no temporary file', async (_name, write) => {
    const out = join(dir, `atomic-${_name}`, 'sub', 'a.txt');
    await write(out, 'eerste');
    await write(out, 'tweede');
    expect(readFileSync(out, 'utf8')).toBe('tweede');
    expect(readdirSync(dirname(out))).toEqual(['a.txt']);
  });

  it.each([
    ['writeFileAtomic', (p: string, d: string) => writeFileAtomic(p, d)],
    ['writeFileAtomicSync', async (p: string, d: string) => writeFileAtomicSync(p, d)],
  ])('%s fails with OUTPUT_WRITE_FAILED where the folder cannot be made', async (_name, write) => {
    const blocker = join(dir, `blocker-${_name}`);
    writeFileSync(blocker, 'een bestand, geen map');
    await expect(write(join(blocker, 'a.txt'), 'x')).rejects.toMatchObject({ code: 'OUTPUT_WRITE_FAILED' });
  });
});
