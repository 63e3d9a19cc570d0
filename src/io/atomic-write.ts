import { randomBytes } from 'node:crypto';
import { mkdir, rename, rm, writeFile } from 'node:fs/promises';
import { basename, dirname, join } from 'node:path';
import { WooRedactError } from '../errors.js';

/**
 * Writes a file atomically: to a temporary name in the same folder, then renamed over the target,
 * so a reader (or a resumed run) never sees half a file.
 */
export async function writeFileAtomic(path: string, data: string | Uint8Array): Promise<void> {
  const dir = dirname(path);
  const tmp = join(dir, `.${basename(path)}.${randomBytes(6).toString('hex')}.tmp`);
  try {
    await mkdir(dir, { recursive: true });
    await writeFile(tmp, data);
    await rename(tmp, path);
  } catch (error) {
    await rm(tmp, { force: true });
    throw new WooRedactError('OUTPUT_WRITE_FAILED', `could not write an output file (${(error as NodeJS.ErrnoException).code ?? 'error'}); check that the output folder is writable and has space`, { cause: error });
  }
}
