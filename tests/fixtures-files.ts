// Temporary folders with a synthetic dossier in them, and the committed fixture PDFs.
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';

/** A committed PDF of fixtures/pdf/. */
export const fixturePdf = (name: string): string => new URL(`../fixtures/pdf/${name}`, import.meta.url).pathname;

/** A fresh folder under the system's temporary folder; `remove` deletes it (call it in afterAll). */
export function tempFolder(prefix: string): { readonly root: string; readonly remove: () => void } {
  const root = mkdtempSync(join(tmpdir(), prefix));
  // Retries: a browser that is closing may still be writing its profile inside.
  return { root, remove: () => rmSync(root, { recursive: true, force: true, maxRetries: 5, retryDelay: 100 }) };
}

/** Writes each file (path relative to `dir` -> text or bytes), making the folders it needs. */
export function writeFiles(dir: string, files: Readonly<Record<string, string | Uint8Array>>): void {
  for (const [name, content] of Object.entries(files)) {
    mkdirSync(dirname(join(dir, name)), { recursive: true });
    writeFileSync(join(dir, name), content);
  }
}

/** A dossier in a fresh temporary folder: its files in <root>/dossier, its output to go to <root>/out. */
export interface Dossier {
  readonly root: string;
  readonly input: string;
  readonly out: string;
}

export function tempDossier(prefix: string, files: Readonly<Record<string, string | Uint8Array>>): Dossier {
  const { root } = tempFolder(prefix);
  const input = join(root, 'dossier');
  writeFiles(input, files);
  return { root, input, out: join(root, 'out') };
}
