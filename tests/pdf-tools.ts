import { execFileSync } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

/** Poppler and qpdf: extractors independent of ours. CI installs them (see .ci/run). */
export const HAVE_POPPLER = existsSync('/usr/bin/pdftotext') && existsSync('/usr/bin/pdftoppm');
export const HAVE_QPDF = existsSync('/usr/bin/qpdf');

function withFile<T>(bytes: Uint8Array, f: (path: string, dir: string) => T): T {
  const dir = mkdtempSync(join(tmpdir(), 'woo-pdf-'));
  try {
    const path = join(dir, 'f.pdf');
    writeFileSync(path, bytes);
    return f(path, dir);
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

export function pdftotext(bytes: Uint8Array): string {
  return withFile(bytes, (path) => execFileSync('pdftotext', ['-q', path, '-'], { encoding: 'utf8' }));
}

/** qpdf's uncompressed, normalised rewrite: every stream decoded, strings as written. */
export function qpdfUncompressed(bytes: Uint8Array): string {
  return withFile(bytes, (path, dir) => {
    const out = join(dir, 'qdf.pdf');
    execFileSync('qpdf', ['--qdf', '--object-streams=disable', '--decode-level=all', path, out]);
    return readFileSync(out).toString('latin1');
  });
}

/** Renders page `page` (1-based) as 8-bit greyscale at `dpi`: width, height, pixels. */
export function renderGray(bytes: Uint8Array, page: number, dpi: number): { width: number; height: number; pixels: Uint8Array } {
  return withFile(bytes, (path, dir) => {
    execFileSync('pdftoppm', ['-q', '-gray', '-r', String(dpi), '-f', String(page), '-l', String(page), path, join(dir, 'p')]);
    // pdftoppm pads the page number to the width of the page count ("p-1.pgm", "p-01.pgm").
    const name = readdirSync(dir).find((f) => f.startsWith('p-') && f.endsWith('.pgm'));
    if (!name) throw new Error('pdftoppm wrote no page');
    const file = readFileSync(join(dir, name));
    // Binary PGM: "P5\n<w> <h>\n255\n" then the pixels.
    const header = /^P5\s+(\d+)\s+(\d+)\s+(\d+)\s/.exec(file.subarray(0, 40).toString('latin1'));
    if (!header) throw new Error('not a PGM');
    const width = Number(header[1]);
    const height = Number(header[2]);
    return { width, height, pixels: new Uint8Array(file.subarray(header[0].length)) };
  });
}

export const HAVE_TESSERACT = existsSync('/usr/bin/tesseract');

/** Renders a page at 200 dpi and reads it back with Tesseract (Dutch): what a person could read. */
/**
 * The Tesseract CLI's reading of a rendered page turned by `turn` degrees clockwise first (a scan
 * fed upside down or sideways read the way a person turns it to read it).
 */
export function ocrTurnedPage(bytes: Uint8Array, page: number, turn: 90 | 180 | 270): string {
  return withFile(bytes, (path, dir) => {
    execFileSync('pdftoppm', ['-q', '-r', '200', '-gray', '-f', String(page), '-l', String(page), path, join(dir, 'p')]);
    const name = readdirSync(dir).find((f) => f.startsWith('p-') && f.endsWith('.pgm'));
    if (!name) throw new Error('pdftoppm wrote no page');
    const pgm = readFileSync(join(dir, name));
    const header = /^P5\s+(\d+)\s+(\d+)\s+255\s/.exec(pgm.subarray(0, 40).toString('latin1'));
    if (!header) throw new Error('not a PGM');
    const [w, h] = [Number(header[1]), Number(header[2])];
    const src = pgm.subarray(header[0].length);
    const out = Buffer.alloc(w * h);
    const side = turn !== 180;
    for (let y = 0; y < h; y++) {
      for (let x = 0; x < w; x++) {
        // Clockwise by 90: (x, y) goes to column h - 1 - y of row x; by 270 the other way round.
        const at = turn === 180 ? (h - 1 - y) * w + (w - 1 - x) : turn === 90 ? x * h + (h - 1 - y) : (w - 1 - x) * h + y;
        out[at] = src[y * w + x] as number;
      }
    }
    const turned = join(dir, 'turned.pgm');
    writeFileSync(turned, Buffer.concat([Buffer.from(`P5\n${side ? h : w} ${side ? w : h}\n255\n`, 'latin1'), out]));
    return execFileSync('tesseract', [turned, '-', '-l', 'nld'], { encoding: 'utf8', stdio: ['ignore', 'pipe', 'ignore'] });
  });
}

export function ocrPage(bytes: Uint8Array, page: number): string {
  return withFile(bytes, (path, dir) => {
    execFileSync('pdftoppm', ['-q', '-r', '200', '-gray', '-png', '-f', String(page), '-l', String(page), path, join(dir, 'p')]);
    const name = readdirSync(dir).find((f) => f.startsWith('p-') && f.endsWith('.png'));
    if (!name) throw new Error('pdftoppm wrote no page');
    return execFileSync('tesseract', [join(dir, name), '-', '-l', 'nld'], { encoding: 'utf8', stdio: ['ignore', 'pipe', 'ignore'] });
  });
}
