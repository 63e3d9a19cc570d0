import { readdir, stat } from 'node:fs/promises';
import { basename, extname, join, relative, resolve, sep } from 'node:path';
import { InputError } from '../errors.js';

export interface InputFile {
  /** Absolute path to read. */
  readonly path: string;
  /** Path relative to the input root, with "/" separators: mirrored under the output folder. */
  readonly relative: string;
  readonly extension: string;
}

function isInside(child: string, parent: string): boolean {
  const rel = relative(parent, child);
  return rel === '' || (!rel.startsWith('..') && !rel.startsWith(sep) && rel !== child);
}

async function walk(dir: string, root: string, outDir: string, out: InputFile[]): Promise<void> {
  const entries = await readdir(dir, { withFileTypes: true });
  entries.sort((a, b) => (a.name < b.name ? -1 : a.name > b.name ? 1 : 0));
  for (const entry of entries) {
    const full = join(dir, entry.name);
    if (entry.isDirectory()) {
      // Never read our own output back, nor version-control or hidden folders.
      if (isInside(full, outDir) || entry.name.startsWith('.')) continue;
      await walk(full, root, outDir, out);
    } else if (entry.isFile()) {
      out.push({ path: full, relative: relative(root, full).split(sep).join('/'), extension: extname(entry.name).toLowerCase() });
    }
  }
}

/**
 * Expands the command line's files and folders into input files, folders recursively, in a
 * stable (code point) order. Relative paths of two inputs must not collide in the output tree.
 */
export async function collectInputs(inputs: readonly string[], outDir: string): Promise<InputFile[]> {
  const out: InputFile[] = [];
  const absOut = resolve(outDir);
  for (const input of inputs) {
    const abs = resolve(input);
    let info;
    try {
      info = await stat(abs);
    } catch {
      throw new InputError('INPUT_NOT_FOUND', `input ${input} does not exist`);
    }
    if (info.isDirectory()) await walk(abs, abs, absOut, out);
    else out.push({ path: abs, relative: basename(abs), extension: extname(abs).toLowerCase() });
  }
  const seen = new Map<string, string>();
  for (const f of out) {
    const other = seen.get(f.relative);
    if (other && other !== f.path) {
      throw new InputError('INPUT_UNREADABLE', `two inputs map to the same output path ${f.relative}; run them separately or give their common parent folder`);
    }
    seen.set(f.relative, f.path);
  }
  return out.filter((f, i) => out.findIndex((g) => g.path === f.path) === i);
}
