import { closeSync, openSync, readSync } from 'node:fs';
import { readdir, readFile, realpath, stat } from 'node:fs/promises';
import { basename, dirname, extname, join, relative, resolve, sep } from 'node:path';
import { InputError, UsageError } from '../errors.js';
import { CSV_LEAD_COLUMN, INVENTORY_COLUMNS } from '../publish/inventory.js';
import { INTERNAL_REPORT, PACKAGE_DIR } from '../publish/package.js';

export interface InputFile {
  /** Absolute path to read. */
  readonly path: string;
  /** Path relative to the input root, with "/" separators: mirrored under the output folder. */
  readonly relative: string;
  readonly extension: string;
}

export interface CollectedInputs {
  readonly files: InputFile[];
  /** Files woo-redact wrote itself (redacted files, manifests, inventories, summaries), not read as inputs. */
  readonly ownOutputs: string[];
}

function isInside(child: string, parent: string): boolean {
  const rel = relative(parent, child);
  return rel === '' || (!rel.startsWith('..') && !rel.startsWith(sep) && rel !== child);
}

/**
 * A folder's files, recursively. Symbolic links are followed (a dossier is often assembled from
 * links into a document store): to a file, it is read under the link's name; to a folder, it is
 * walked unless it is one of the folders being walked (a loop) or the output folder. A broken
 * link is listed all the same, so the batch reports it as unreadable instead of leaving it out.
 */
async function walk(dir: string, root: string, outDir: string, out: InputFile[], ancestors: ReadonlySet<string> = new Set()): Promise<void> {
  const here = new Set(ancestors).add(await canonical(dir));
  const entries = await readdir(dir, { withFileTypes: true });
  entries.sort((a, b) => (a.name < b.name ? -1 : a.name > b.name ? 1 : 0));
  for (const entry of entries) {
    const full = join(dir, entry.name);
    let isDirectory = entry.isDirectory();
    let isFile = entry.isFile();
    if (entry.isSymbolicLink()) {
      const target = await stat(full).catch(() => undefined);
      isDirectory = target?.isDirectory() ?? false;
      isFile = target ? target.isFile() : true;
      if (isDirectory) {
        const real = await canonical(full);
        if (here.has(real) || isInside(real, await canonical(outDir))) continue;
      }
    }
    if (isDirectory) {
      // Never read our own output back, nor version-control or hidden folders.
      if (isInside(full, outDir) || entry.name.startsWith('.')) continue;
      await walk(full, root, outDir, out, here);
    } else if (isFile) {
      out.push({ path: full, relative: relative(root, full).split(sep).join('/'), extension: extname(entry.name).toLowerCase() });
    }
  }
}

async function canonical(path: string): Promise<string> {
  try {
    return await realpath(path);
  } catch {
    return resolve(path);
  }
}

/** The first bytes of a file, enough to recognise what woo-redact writes. */
function head(path: string, bytes = 512): string {
  let fd: number | undefined;
  try {
    fd = openSync(path, 'r');
    const buffer = Buffer.alloc(bytes);
    const n = readSync(fd, buffer, 0, bytes, 0);
    return buffer.subarray(0, n).toString('utf8');
  } catch {
    return '';
  } finally {
    if (fd !== undefined) closeSync(fd);
  }
}

// The inventory of the publication package (productierapport.csv) and of earlier versions.
const INVENTORY_CSV_HEADERS = [[CSV_LEAD_COLUMN, ...INVENTORY_COLUMNS].join(','), [CSV_LEAD_COLUMN, ...INVENTORY_COLUMNS].join(';'), INVENTORY_COLUMNS.join(','), 'Document ID,Documentnummer,Bestandsnaam,Beoordeling'];
const REPORT_START = '# Woo-team: rapport bij het publicatiepakket';
// JSON.stringify(x, null, 2) as written by the batch: a summary starts with the tool, an
// inventory with its first row's first column.
const SUMMARY_JSON = /^\{\n {2}"tool": \{\n {4}"name": "woo-redact",/;
const INVENTORY_JSON = /^\[\n {2}\{\n {4}"Document ID": /;
const MANIFEST_JSON = /^\{\n {2}"schemaVersion": "[^"]*",\n {2}"tool": \{\n {4}"name": "woo-redact",/;

/**
 * woo-redact's own outputs among the files: manifests (and the redacted files they name),
 * inventories and batch summaries, recognised by their content, not by their name alone, so a
 * user's own "x.redacted.txt" without a manifest of ours beside it is still read.
 */
async function ownOutputs(files: readonly InputFile[]): Promise<Set<string>> {
  const own = new Set<string>();
  // A publication package (publicatie/ with its productierapport.csv): documents named by ID,
  // DiWoo metadata, annex: all ours.
  const packages: string[] = [];
  for (const f of files) {
    if (f.extension === '.csv') {
      const start = head(f.path, 1024).replace(/^\uFEFF/, '');
      if (INVENTORY_CSV_HEADERS.some((h) => start.startsWith(h))) {
        own.add(f.path);
        if (basename(f.path) === 'productierapport.csv' && basename(dirname(f.path)) === PACKAGE_DIR) packages.push(`${dirname(f.path)}${sep}`);
      }
    } else if (f.extension === '.md' && basename(f.path) === INTERNAL_REPORT) {
      if (head(f.path).startsWith(REPORT_START)) own.add(f.path);
    } else if (f.extension === '.json') {
      const start = head(f.path);
      if (SUMMARY_JSON.test(start) || INVENTORY_JSON.test(start)) own.add(f.path);
      else if (MANIFEST_JSON.test(start)) {
        own.add(f.path);
        try {
          const output = (JSON.parse(await readFile(f.path, 'utf8')) as { output?: { path?: unknown } }).output?.path;
          if (typeof output === 'string') own.add(join(dirname(f.path), basename(output)));
        } catch {
          // A manifest we cannot read names no output; it is ours all the same.
        }
      }
    }
  }
  if (packages.length > 0) for (const f of files) if (packages.some((p) => f.path.startsWith(p))) own.add(f.path);
  return own;
}

/**
 * An output folder that is an input folder (or the folder of an input file) would put outputs
 * beside the inputs, and the next run would read them as documents: refused.
 */
async function refuseOutputAmongInputs(inputs: readonly { input: string; abs: string; isDirectory: boolean }[], outDir: string): Promise<void> {
  const out = await canonical(outDir);
  for (const i of inputs) {
    const folder = await canonical(i.isDirectory ? i.abs : dirname(i.abs));
    if (folder === out) {
      throw new UsageError(
        `the output folder ${outDir} is ${i.isDirectory ? 'the input folder' : 'the folder of the input file'} ${i.input}: outputs would be mixed with the documents; choose a separate --out folder (a subfolder is fine, it is never read as input)`,
      );
    }
  }
}

/**
 * Expands the command line's files and folders into input files, folders recursively, in a
 * stable (code point) order, without woo-redact's own outputs. Relative paths of two inputs must
 * not collide in the output tree.
 */
export async function collectInputs(inputs: readonly string[], outDir: string): Promise<CollectedInputs> {
  const out: InputFile[] = [];
  const absOut = resolve(outDir);
  const given: { input: string; abs: string; isDirectory: boolean }[] = [];
  for (const input of inputs) {
    const abs = resolve(input);
    let info;
    try {
      info = await stat(abs);
    } catch {
      throw new InputError('INPUT_NOT_FOUND', `input ${input} does not exist`);
    }
    given.push({ input, abs, isDirectory: info.isDirectory() });
  }
  await refuseOutputAmongInputs(given, outDir);
  for (const { abs, isDirectory } of given) {
    if (isDirectory) await walk(abs, abs, absOut, out);
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
  const paths = new Set<string>();
  const unique = out.filter((f) => !paths.has(f.path) && paths.add(f.path));
  const own = await ownOutputs(unique);
  return { files: unique.filter((f) => !own.has(f.path)), ownOutputs: unique.filter((f) => own.has(f.path)).map((f) => f.relative) };
}
