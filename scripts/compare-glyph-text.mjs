// Our glyph text against pdf.js's getTextContent, page by page (issue 11): where pdf.js reads a
// letter or digit that our reader does not, that is a bug of ours (a font we decode wrong, an
// operator we skip). Counts and characters only, never the text: the files may hold personal data.
//   node scripts/compare-glyph-text.mjs [file.pdf ...]   (default: ../shared/data/real-pdf, fixtures/pdf)
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { runPdfPipeline } from '../dist/index.js';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');
const pdfjs = await import('pdfjs-dist/legacy/build/pdf.mjs');

/** Letters and digits of a text, counted (NFKC: a ligature counts as its letters). */
function letters(text) {
  const counts = new Map();
  for (const ch of text.normalize('NFKC')) if (/[\p{L}\p{N}]/u.test(ch)) counts.set(ch, (counts.get(ch) ?? 0) + 1);
  return counts;
}

async function compare(file) {
  const bytes = new Uint8Array(readFileSync(file));
  let pages;
  try {
    const result = await runPdfPipeline(bytes, 'compare.pdf', { ocr: false });
    pages = result.document.sourceText.split('\f');
  } catch (error) {
    return { file, refused: error.code ?? error.name };
  }
  const doc = await pdfjs.getDocument({ data: new Uint8Array(bytes), verbosity: 0, disableFontFace: true, useSystemFonts: false, isEvalSupported: false }).promise;
  const row = { file, theirs: 0, missed: 0, extra: 0, missedChars: new Map(), pagesWithMisses: [] };
  try {
    for (let p = 1; p <= doc.numPages; p++) {
      const page = await doc.getPage(p);
      const theirs = letters((await page.getTextContent()).items.map((i) => i.str ?? '').join(' '));
      page.cleanup();
      const mine = letters(pages[p - 1] ?? '');
      let missedHere = 0;
      for (const [ch, n] of theirs) {
        row.theirs += n;
        const d = n - (mine.get(ch) ?? 0);
        if (d > 0) {
          missedHere += d;
          row.missedChars.set(ch, (row.missedChars.get(ch) ?? 0) + d);
        }
      }
      for (const [ch, n] of mine) row.extra += Math.max(0, n - (theirs.get(ch) ?? 0));
      row.missed += missedHere;
      if (missedHere > 0) row.pagesWithMisses.push(p);
    }
  } finally {
    await doc.destroy();
  }
  return row;
}

const args = process.argv.slice(2);
const dirs = [join(root, '..', 'shared', 'data', 'real-pdf'), join(root, 'fixtures', 'pdf')].filter((d) => existsSync(d));
const files = args.length > 0 ? args : dirs.flatMap((d) => readdirSync(d).filter((f) => f.endsWith('.pdf')).sort().map((f) => join(d, f)));
let missed = 0;
let read = 0;
for (const file of files) {
  const r = await compare(file);
  const name = file.replace(/.*\//, '');
  if (r.refused) {
    console.log(`${name}: not read (${r.refused})`);
    continue;
  }
  missed += r.missed;
  read += r.theirs;
  const top = [...r.missedChars].sort((a, b) => b[1] - a[1]).slice(0, 10).map(([c, n]) => `${JSON.stringify(c)} x${n}`).join(', ');
  console.log(`${name}: pdf.js ${r.theirs} letters and digits, ours misses ${r.missed}${r.missed > 0 ? ` (pages ${r.pagesWithMisses.join(', ')}: ${top})` : ''}, ours has ${r.extra} more`);
}
console.log(`total: ours misses ${missed} of the ${read} letters and digits pdf.js reads`);
