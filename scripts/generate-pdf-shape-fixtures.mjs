#!/usr/bin/env node
// PDF fixtures of the shapes real Woo files have and the first generator's pdf-lib files lack
// (issue 11): every image codec under a box, encrypted object streams, standard-14 fonts without
// widths, odd page trees, forms stamped several times, table rows. Writes into fixtures/pdf/ and
// merges into fixtures/pdf/expectations.json, so it runs on its own or after
// generate-pdf-fixtures.mjs (which calls it). Needs qpdf and opj_compress (libopenjp2-tools) for
// the encrypted and JPEG 2000 files; the PDFs are committed, so tests need neither.
import { execFileSync } from 'node:child_process';
import { deflateSync } from 'node:zlib';
import { existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { PDFDocument, PDFName, StandardFonts, concatTransformationMatrix, drawObject, popGraphicsState, pushGraphicsState } from 'pdf-lib';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');
const out = join(root, 'fixtures', 'pdf');
const expectationsPath = join(out, 'expectations.json');
const expectations = existsSync(expectationsPath) ? JSON.parse(readFileSync(expectationsPath, 'utf8')) : {};
const FIXED_DATE = new Date('2024-06-08T10:00:00Z');

const LINES = ['Contactpersoon', 'Marieke Zwanenburg', 'T 06 44 29 81 50', 'Turfmarkt 147, 2511 DP Den Haag', 'Minister Faber stemt in.'];
const GONE = ['Zwanenburg', '44 29 81 50'];
const KEPT = ['Contactpersoon', 'Turfmarkt 147', 'Minister Faber stemt in.'];

async function newDoc() {
  const doc = await PDFDocument.create();
  doc.setCreationDate(FIXED_DATE);
  doc.setModificationDate(FIXED_DATE);
  doc.setProducer('fixture generator');
  return doc;
}

function write(name, bytes, gone, kept, extra = {}) {
  writeFileSync(join(out, name), bytes);
  expectations[name] = { gone, kept, ...extra };
}

async function save(name, doc, gone, kept, extra = {}) {
  write(name, await doc.save({ useObjectStreams: false }), gone, kept, extra);
}

/** A page of LINES in Helvetica at 60/780, 16 pt apart, over an image drawn at 40,690 500x110. */
async function textOverImage(name, imageDict, data, extra = {}) {
  const doc = await newDoc();
  const font = await doc.embedFont(StandardFonts.Helvetica);
  const page = doc.addPage([595, 842]);
  const image = doc.context.register(doc.context.stream(data, { Type: 'XObject', Subtype: 'Image', ...imageDict }));
  const xname = page.node.newXObject('Im', image);
  page.pushOperators(pushGraphicsState(), concatTransformationMatrix(500, 0, 0, 110, 40, 690), drawObject(xname), popGraphicsState());
  LINES.forEach((line, i) => page.drawText(line, { x: 60, y: 780 - i * 16, size: 11, font }));
  await save(name, doc, GONE, KEPT, { imagePixels: true, ...extra });
}

/** Stripes one pixel apart: any sample left under a box shows as non-uniform pixels. */
function stripes(width, height) {
  const pixels = Buffer.alloc(width * height);
  for (let y = 0; y < height; y++) for (let x = 0; x < width; x++) pixels[y * width + x] = (x + y) % 4 < 2 ? 40 : 230;
  return pixels;
}

// 1. JPEG 2000 (scanners' and archives' codec) under the text: decoded, destroyed, re-encoded.
if (existsSync('/usr/bin/opj_compress')) {
  const tmp = mkdtempSync(join(tmpdir(), 'jpx-'));
  const [w, h] = [250, 55];
  writeFileSync(join(tmp, 'i.pgm'), Buffer.concat([Buffer.from(`P5\n${w} ${h}\n255\n`), stripes(w, h)]));
  execFileSync('opj_compress', ['-i', join(tmp, 'i.pgm'), '-o', join(tmp, 'i.jp2')], { stdio: 'ignore' });
  const jp2 = readFileSync(join(tmp, 'i.jp2'));
  rmSync(tmp, { recursive: true, force: true });
  await textOverImage('text-over-jpx-image.pdf', { Width: w, Height: h, Filter: 'JPXDecode' }, jp2);
}

// 2. A 1-bit stencil mask (ImageMask true: painted in the fill colour where a sample is 0), as
// JBIG2 and CCITT scans of text are drawn; Flate-coded here, the same samples as a JBIG2 one.
{
  const [w, h] = [400, 88];
  const rowBytes = w / 8;
  const bits = Buffer.alloc(rowBytes * h, 0xff);
  for (let y = 0; y < h; y++) for (let b = 0; b < rowBytes; b++) bits[y * rowBytes + b] = y % 4 < 2 ? 0x33 : 0xcc;
  await textOverImage('text-over-image-mask.pdf', { Width: w, Height: h, ImageMask: true, Filter: 'FlateDecode' }, deflateSync(bits));
}

// 3. A grey image with a PNG predictor at 4 bits per sample and an inverting decode array.
{
  const [w, h] = [200, 44];
  const src = stripes(w, h);
  const rowBytes = w / 2;
  const rows = [];
  for (let y = 0; y < h; y++) {
    const row = Buffer.alloc(rowBytes + 1);
    row[0] = 0; // PNG "None" for every row: the predictor parameters still have to be honoured
    for (let x = 0; x < w; x += 2) row[1 + x / 2] = ((src[y * w + x] >> 4) << 4) | (src[y * w + x + 1] >> 4);
    rows.push(row);
  }
  await textOverImage(
    'text-over-4bit-predictor-image.pdf',
    { Width: w, Height: h, BitsPerComponent: 4, ColorSpace: 'DeviceGray', Decode: [1, 0], Filter: 'FlateDecode', DecodeParms: { Predictor: 15, Colors: 1, BitsPerComponent: 4, Columns: w } },
    deflateSync(Buffer.concat(rows)),
  );
}

// 4. pdf.js's calrgb.pdf shape: objects padded with comments at fixed offsets, a standard-14 font
// (Times-Roman) without /Widths, /FirstChar or /Encoding, so its built-in StandardEncoding and
// AFM widths apply.
{
  const pad = (s) => s.split('\n').map((l) => (l.trim() ? `${l.padEnd(48)}%` : l)).join('\n');
  const shown = LINES.map((l, i) => `${i ? ' 0 -16 Td ' : ''}(${l}) Tj`).join('\n');
  const content = pad(` /Cs7 cs\n 0.9 0.9 0.9 sc\n 25 525 100 100 re%\n f\n BT\n /F4 11 Tf\n 60 780 Td 0.0 g\n${shown}\n ET`);
  const objs = [
    '<<\n  /Title (CalRGB shape)\n  /Producer (genpdf.py)\n>>',
    '<<\n  /Type /Catalog\n  /Pages 3 0 R\n>>',
    '<< /Type /Pages\n   /MediaBox [ 0 0 595 842 ]\n   /Count 1\n   /Kids [\n        5 0 R\n   ]\n>>',
    '<< /Type /Font\n   /Subtype /Type1\n   /BaseFont /Times-Roman\n>>',
    '<< /Type /Page\n   /Parent 3 0 R\n   /Resources 6 0 R\n   /Contents 8 0 R\n   /CropBox [ 0 0 595 842 ]\n>>',
    '<<\n   /ColorSpace << /Cs7 7 0 R >>\n   /Font << /F4 4 0 R >>\n>>',
    '[ /CalRGB\n<< /WhitePoint [ 1.0 1.0 1.0 ] >>\n]',
    `<< /Length ${content.length + 1} >>\nstream\n${content}\nendstream`,
  ];
  let pdf = `%PDF-1.7\n${pad('%')}\n\n`;
  const offsets = objs.map((body, k) => {
    const at = pdf.length;
    pdf += `${k + 1} 0 obj\n${pad(body)}\n%\nendobj\n\n`;
    return at;
  });
  const xref = pdf.length;
  pdf += `xref\n0 ${objs.length + 1}\n0000000000 65535 f \n${offsets.map((o) => `${String(o).padStart(10, '0')} 00000 n \n`).join('')}`;
  pdf += `\ntrailer\n<<\n    /Size ${objs.length + 1}\n    /Root 2 0 R\n    /Info 1 0 R\n>>\nstartxref\n${xref}\n%%EOF\n`;
  write('standard14-no-widths.pdf', Buffer.from(pdf, 'latin1'), GONE, KEPT);
}

// 5. Encrypted with an owner password only, and object streams (as Word 2016 and Adobe PDF
// Library write them): the objects inside the streams are decrypted with the stream.
if (existsSync('/usr/bin/qpdf')) {
  const tmp = mkdtempSync(join(tmpdir(), 'enc-'));
  const doc = await newDoc();
  const font = await doc.embedFont(StandardFonts.Helvetica);
  const page = doc.addPage([595, 842]);
  LINES.forEach((line, i) => page.drawText(line, { x: 60, y: 780 - i * 16, size: 11, font }));
  doc.setTitle('Nota');
  writeFileSync(join(tmp, 'plain.pdf'), await doc.save({ useObjectStreams: true }));
  for (const [name, args] of [
    ['owner-password-objstm-aes128.pdf', ['128', '--use-aes=y']],
    ['owner-password-objstm-aes256.pdf', ['256']],
    ['owner-password-objstm-rc4.pdf', ['128', '--use-aes=n']],
  ]) {
    execFileSync('qpdf', ['--allow-weak-crypto', '--object-streams=generate', '--static-id', '--encrypt', '', 'eigenaar', ...args, '--', join(tmp, 'plain.pdf'), join(out, name)]);
    expectations[name] = { gone: GONE, kept: KEPT, warning: 'PDF_OWNER_PASSWORD_REMOVED' };
  }
  rmSync(tmp, { recursive: true, force: true });
}

// 6. Odd page trees that pdf-lib's recursive walks cannot take: 20,000 levels deep (call-stack
// overflow), and nodes without /Type whose page inherits /Resources, /MediaBox and /Rotate.
async function onePage() {
  const doc = await newDoc();
  const font = await doc.embedFont(StandardFonts.Helvetica);
  const page = doc.addPage([595, 842]);
  LINES.forEach((line, i) => page.drawText(line, { x: 60, y: 780 - i * 16, size: 11, font }));
  return { doc, page, ctx: doc.context };
}
{
  const { doc, page, ctx } = await onePage();
  let child = page.ref;
  for (let level = 0; level < 20_000; level++) {
    const node = ctx.register(ctx.obj({ Type: 'Pages', Kids: [child], Count: 1 }));
    ctx.lookup(child).set(PDFName.of('Parent'), node);
    child = node;
  }
  doc.catalog.set(PDFName.of('Pages'), child);
  write('deep-page-tree.pdf', await doc.save({ useObjectStreams: true, addDefaultPage: false, updateFieldAppearances: false }), GONE, KEPT);
}
{
  const { doc, page, ctx } = await onePage();
  const leaf = page.node;
  const middle = ctx.register(ctx.obj({ Kids: [page.ref], Count: 1, Resources: leaf.get(PDFName.of('Resources')), MediaBox: [0, 0, 595, 842], Rotate: 0 }));
  for (const key of ['Type', 'Resources', 'MediaBox']) leaf.delete(PDFName.of(key));
  leaf.set(PDFName.of('Parent'), middle);
  const root = doc.catalog.get(PDFName.of('Pages'));
  ctx.lookup(root).set(PDFName.of('Kids'), ctx.obj([middle]));
  ctx.lookup(middle).set(PDFName.of('Parent'), root);
  write('page-tree-without-types.pdf', await doc.save({ useObjectStreams: false, addDefaultPage: false, updateFieldAppearances: false }), GONE, KEPT);
}

// 7. A table row drawn cell by cell out of reading order (as Adobe and Word write tables): the
// name's two cells are next to each other in the content, a kept cell lies between them on the
// page. One box across the row would hide (and remove) the kept cell.
{
  const doc = await newDoc();
  const page = doc.addPage([595, 842]);
  const ctx = doc.context;
  const font = ctx.register(ctx.obj({ Type: 'Font', Subtype: 'Type1', BaseFont: 'Helvetica', Encoding: 'WinAnsiEncoding' }));
  page.node.setFontDictionary(PDFName.of('F1'), font);
  const content = [
    'BT /F1 11 Tf',
    '1 0 0 1 60 760 Tm (Behandeld door) Tj',
    '1 0 0 1 60 740 Tm (Marieke) Tj 1 0 0 1 330 740 Tm (Zwanenburg) Tj',
    '1 0 0 1 160 740 Tm (Contactpersoon) Tj',
    '1 0 0 1 60 700 Tm (Minister Faber stemt in.) Tj',
    'ET',
  ].join('\n');
  page.node.set(PDFName.of('Contents'), ctx.register(ctx.flateStream(Buffer.from(content, 'latin1'))));
  await save('table-row-out-of-order.pdf', doc, ['Zwanenburg'], ['Contactpersoon', 'Minister Faber stemt in.']);
}

writeFileSync(expectationsPath, `${JSON.stringify(expectations, null, 2)}\n`);
console.log(`${Object.keys(expectations).length} PDF fixtures in ${out}`);
