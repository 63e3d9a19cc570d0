import { randomBytes } from 'node:crypto';
import { mkdirSync, renameSync, rmSync, writeFileSync } from 'node:fs';
import { mkdir, rename, rm, writeFile } from 'node:fs/promises';
import { basename, dirname, join } from 'node:path';
import { WooRedactError } from '../errors.js';

/**
 * Writes a file atomically: to a temporary name in the same folder, then renamed over the target,
 * so a reader (or a resumed run) never sees half a file.
 */
export async function writeFileAtomic(path: string, data: string | Uint8Array): Promise<void> {
  const tmp = temporaryName(path);
  try {
    await mkdir(dirname(path), { recursive: true });
    await writeFile(tmp, data);
    await rename(tmp, path);
  } catch (error) {
    // Cleaning up may fail for the same reason (the folder is a file): the write error is the news.
    await rm(tmp, { force: true }).catch(() => undefined);
    throw writeFailed(error);
  }
}

/** writeFileAtomic without the event loop, for batch worker threads (see readInputSync). */
export function writeFileAtomicSync(path: string, data: string | Uint8Array): void {
  const tmp = temporaryName(path);
  try {
    try {
      writeFileSync(tmp, data);
    } catch (error) {
      // The folder is made only when it is missing: a recursive mkdir on every write of a batch
      // (several files per document) cost more than the small writes themselves.
      if ((error as NodeJS.ErrnoException).code !== 'ENOENT') throw error;
      mkdirSync(dirname(path), { recursive: true });
      writeFileSync(tmp, data);
    }
    renameSync(tmp, path);
  } catch (error) {
    try {
      rmSync(tmp, { force: true });
    } catch {
      // The write error is the news (see writeFileAtomic).
    }
    throw writeFailed(error);
  }
}

function temporaryName(path: string): string {
  return join(dirname(path), `.${basename(path)}.${randomBytes(6).toString('hex')}.tmp`);
}

function writeFailed(error: unknown): WooRedactError {
  return new WooRedactError('OUTPUT_WRITE_FAILED', `could not write an output file (${(error as NodeJS.ErrnoException).code ?? 'error'}); check that the output folder is writable and has space`, { cause: error });
}
