#!/usr/bin/env node
// Generates the synthetic PDF fixtures in fixtures/pdf/ with pdf-lib (and qpdf for the encrypted
// one), plus fixtures/pdf/expectations.json: per file, what must be gone from the redacted output
// and what must stay. The PDFs are committed, so tests need none of these tools.
// Run: `node scripts/generate-pdf-fixtures.mjs` (needs /usr/share/fonts/truetype/dejavu and qpdf).
import { execFileSync } from 'node:child_process';
import { deflateSync } from 'node:zlib';
import { existsSync, mkdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import fontkit from '@pdf-lib/fontkit';
import { PDFDocument, PDFHexString, PDFName, PDFString, StandardFonts, TextRenderingMode, beginText, degrees, endText, moveText, rgb, setFontAndSize, setTextMatrix, setTextRenderingMode, showText, pushGraphicsState, popGraphicsState, concatTransformationMatrix, drawObject } from 'pdf-lib';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');
const out = join(root, 'fixtures', 'pdf');
rmSync(out, { recursive: true, force: true });
mkdirSync(out, { recursive: true });
const expectations = {};
const FIXED_DATE = new Date('2024-06-08T10:00:00Z');

async function newDoc() {
  const doc = await PDFDocument.create();
  doc.setCreationDate(FIXED_DATE);
  doc.setModificationDate(FIXED_DATE);
  doc.setProducer('fixture generator');
  return doc;
}

const NOTA = [
  'Minister van Asiel en Migratie',
  'Immigratie- en Naturalisatiedienst',
  'Turfmarkt 147, 2511 DP Den Haag',
  '',
  'Contactpersoon',
  'Marieke Zwanenburg',
  'T 06 44 29 81 50',
  'm.zwanenburg@ind.nl',
  '',
  'nota',
  '',
  '1. Aanleiding',
  '',
  'Dit is afgestemd met Pieter Hoogeveen (DGM). De staatssecretaris Van Doorn',
  'stemt in. Hoogeveen stelt voor de brief voor het reces te versturen.',
  '',
  '5. Informatie die niet openbaar gemaakt kan worden',
  '',
  'De persoonsgegevens van de ambtenaren zijn niet openbaar ter bescherming',
  'van de persoonlijke levenssfeer.',
];
const NOTA_GONE = ['Zwanenburg', 'Marieke', '44 29 81 50', 'm.zwanenburg@ind.nl', 'Hoogeveen', 'Pieter'];
const NOTA_KEPT = ['Contactpersoon', 'Turfmarkt 147', 'staatssecretaris Van Doorn', 'stemt in.', 'stelt voor de brief voor het reces te versturen.', '1. Aanleiding'];

function drawLines(page, font, lines, { x = 60, top = 780, size = 11, lead = 16, rotate } = {}) {
  lines.forEach((line, i) => {
    if (line) page.drawText(line, { x, y: top - i * lead, size, font, ...(rotate ? { rotate } : {}) });
  });
}

async function save(name, doc, gone, kept, extra = {}) {
  const bytes = await doc.save({ useObjectStreams: false });
  writeFileSync(join(out, name), bytes);
  expectations[name] = { gone, kept, ...extra };
  return bytes;
}

// 1. Standard 14 font, metadata naming the author.
{
  const doc = await newDoc();
  const font = await doc.embedFont(StandardFonts.Helvetica);
  drawLines(doc.addPage([595, 842]), font, NOTA);
  doc.setAuthor('Marieke Zwanenburg');
  doc.setTitle('Nota van Pieter Hoogeveen');
  doc.setSubject('Concept Zwanenburg');
  doc.setKeywords(['Hoogeveen', 'Zwanenburg']);
  await save('standard14-nota.pdf', doc, NOTA_GONE, NOTA_KEPT);
}

// 2. Embedded TrueType font (Type0, Identity-H, subset, ToUnicode), accented names.
{
  const doc = await newDoc();
  doc.registerFontkit(fontkit);
  const font = await doc.embedFont(readFileSync('/usr/share/fonts/truetype/dejavu/DejaVuSans.ttf'), { subset: true });
  const lines = ['Contactpersoon', 'Joël Yılmaz', 'T 070 123 4567', '', 'Overleg met Anouk Brinkhorst (DGM) over de planning.', 'Volgens Yılmaz is de brief klaar. Minister Faber stemt in.'];
  drawLines(doc.addPage([595, 842]), font, lines);
  await save('type0-accents.pdf', doc, ['Joël', 'Yılmaz', '070 123 4567', 'Anouk', 'Brinkhorst'], ['Contactpersoon', 'Minister Faber stemt in.', 'over de planning.']);
}

// 2b. Ligature glyphs: one glyph for "ffi", "fi" (ToUnicode maps it back to several letters).
{
  const doc = await newDoc();
  doc.registerFontkit(fontkit);
  const font = await doc.embedFont(readFileSync('/usr/share/fonts/truetype/dejavu/DejaVuSerif.ttf'), { subset: true, features: { liga: true } });
  const lines = ['Contactpersoon', 'Fleur Griffioen', '', 'Overleg met Fleur Griffioen over de financiën en het officiële besluit.', 'Griffioen stelt voor de brief te versturen.'];
  drawLines(doc.addPage([595, 842]), font, lines);
  await save('type0-ligatures.pdf', doc, ['Fleur', 'Griffioen'], ['Contactpersoon', 'over de financiën en het officiële besluit.', 'stelt voor de brief te versturen.']);
}

// 2c. A Type3 font: glyphs drawn by content procedures in their own glyph space (FontMatrix
// 0.01, widths in hundredths), text found through the Differences glyph names.
{
  const doc = await newDoc();
  const page = doc.addPage([595, 842]);
  const ctx = doc.context;
  const letters = 'abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ';
  const procs = {};
  for (const ch of letters) procs[ch] = ctx.register(ctx.stream(Buffer.from('50 0 0 0 45 70 d1 5 0 40 70 re f', 'latin1')));
  procs.space = ctx.register(ctx.stream(Buffer.from('30 0 0 0 0 0 d1', 'latin1')));
  const differences = [32, 'space', 65, ...letters.slice(26).split(''), 97, ...letters.slice(0, 26).split('')];
  const font = ctx.register(ctx.obj({
    Type: 'Font', Subtype: 'Type3', FontBBox: [0, 0, 50, 70], FontMatrix: [0.01, 0, 0, 0.01, 0, 0],
    CharProcs: ctx.obj(procs), Encoding: { Type: 'Encoding', Differences: differences },
    FirstChar: 32, LastChar: 122, Widths: Array.from({ length: 91 }, (_, i) => (i === 0 ? 30 : 50)),
  }));
  page.node.setFontDictionary(PDFName.of('T3'), font);
  const content = 'BT /T3 12 Tf 14 TL 60 780 Td (Contactpersoon) Tj (Anouk Brinkhorst) \' (Minister Faber stemt in) \' ET';
  page.node.set(PDFName.of('Contents'), ctx.register(ctx.flateStream(Buffer.from(content, 'latin1'))));
  await save('type3-font.pdf', doc, ['Anouk', 'Brinkhorst'], ['Contactpersoon', 'Minister Faber stemt in']);
}

// 2d. A composite font with an embedded CMap: 1-byte codes for ASCII and 2-byte codes from <8000>,
// as CJK-capable producers write them (here the 2-byte code <80EB> is "ë").
{
  const doc = await newDoc();
  const page = doc.addPage([595, 842]);
  const ctx = doc.context;
  const cmap = [
    '/CIDInit /ProcSet findresource begin 12 dict begin begincmap',
    '/CMapName /Woo-Mixed def /CMapType 1 def',
    '2 begincodespacerange <00> <7f> <8000> <ffff> endcodespacerange',
    '1 begincidrange <20> <7e> 1 endcidrange',
    '1 begincidchar <80eb> 200 endcidchar',
    'endcmap CMapName currentdict /CMap defineresource pop end end',
  ].join('\n');
  const toUnicode = [
    '/CIDInit /ProcSet findresource begin 12 dict begin begincmap',
    '1 begincodespacerange <00> <ffff> endcodespacerange',
    '1 beginbfrange <20> <7e> <0020> endbfrange',
    '1 beginbfchar <80eb> <00eb> endbfchar',
    'endcmap CMapName currentdict /CMap defineresource pop end end',
  ].join('\n');
  const cidFont = ctx.register(ctx.obj({ Type: 'Font', Subtype: 'CIDFontType2', BaseFont: 'DejaVuSans', CIDSystemInfo: { Registry: PDFString.of('Adobe'), Ordering: PDFString.of('Identity'), Supplement: 0 }, DW: 600, CIDToGIDMap: 'Identity' }));
  const font = ctx.register(ctx.obj({ Type: 'Font', Subtype: 'Type0', BaseFont: 'DejaVuSans', Encoding: ctx.register(ctx.stream(Buffer.from(cmap, 'latin1'), { Type: 'CMap', CMapName: 'Woo-Mixed' })), DescendantFonts: [cidFont], ToUnicode: ctx.register(ctx.stream(Buffer.from(toUnicode, 'latin1'))) }));
  page.node.setFontDictionary(PDFName.of('C0'), font);
  const content = String.raw`BT /C0 11 Tf 16 TL 60 780 Td (Contactpersoon) Tj (Joël Bakker) ' (Minister Faber stemt in.) ' ET`;
  page.node.set(PDFName.of('Contents'), ctx.register(ctx.flateStream(Buffer.from(content, 'latin1'))));
  await save('type0-embedded-cmap.pdf', doc, ['Joël', 'Bakker'], ['Contactpersoon', 'Minister Faber stemt in.']);
}

// 2e. Marked content repeating the text for accessibility: /ActualText around a name.
{
  const doc = await newDoc();
  const page = doc.addPage([595, 842]);
  const ctx = doc.context;
  const font = ctx.register(ctx.obj({ Type: 'Font', Subtype: 'Type1', BaseFont: 'Helvetica', Encoding: 'WinAnsiEncoding' }));
  page.node.setFontDictionary(PDFName.of('F1'), font);
  const content = [
    'BT /F1 11 Tf 16 TL 60 780 Td',
    '/P <</MCID 0>> BDC (Contactpersoon) Tj EMC',
    "/Span <</ActualText (Marieke Zwanenburg) /Lang (nl-NL)>> BDC (Marieke Zwanenburg) ' EMC",
    "/Span <</Alt <FEFF0054002000300036002000340034002000320039> >> BDC (T 06 44 29 81 50) ' EMC",
    "/P <</ActualText (Turfmarkt 147)>> BDC (Turfmarkt 147) ' EMC",
    'ET',
  ].join('\n');
  page.node.set(PDFName.of('Contents'), ctx.register(ctx.flateStream(Buffer.from(content, 'latin1'))));
  await save('marked-content-actualtext.pdf', doc, ['Marieke', 'Zwanenburg', '44 29 81 50'], ['Contactpersoon', 'Turfmarkt 147']);
}

// 3. Annotations: a comment quoting a name, a note over the name, and a harmless link.
{
  const doc = await newDoc();
  const font = await doc.embedFont(StandardFonts.Helvetica);
  const page = doc.addPage([595, 842]);
  drawLines(page, font, NOTA);
  const ctx = doc.context;
  const comment = ctx.register(ctx.obj({ Type: 'Annot', Subtype: 'Text', Rect: [400, 700, 420, 720], Contents: PDFString.of('Graag nog checken bij Hoogeveen'), T: PDFString.of('Marieke Zwanenburg') }));
  const link = ctx.register(ctx.obj({ Type: 'Annot', Subtype: 'Link', Rect: [60, 100, 200, 115], Border: [0, 0, 0], A: { S: 'URI', URI: PDFString.of('https://www.ind.nl') } }));
  page.node.set(PDFName.of('Annots'), ctx.obj([comment, link]));
  await save('annotations.pdf', doc, NOTA_GONE, NOTA_KEPT, { annotationsAfter: 1 });
}

// 4. Outline titled with a name, and an attachment.
{
  const doc = await newDoc();
  const font = await doc.embedFont(StandardFonts.Helvetica);
  const page = doc.addPage([595, 842]);
  drawLines(page, font, NOTA);
  await doc.attach(Buffer.from('Notities van Marieke Zwanenburg, 06 44 29 81 50'), 'notities.txt', { mimeType: 'text/plain', creationDate: FIXED_DATE, modificationDate: FIXED_DATE });
  const ctx = doc.context;
  const outlines = ctx.nextRef();
  const item = ctx.register(ctx.obj({ Title: PDFString.of('Reactie Hoogeveen'), Parent: outlines, Dest: [page.ref, 'XYZ', null, null, null] }));
  ctx.assign(outlines, ctx.obj({ Type: 'Outlines', First: item, Last: item, Count: 1 }));
  doc.catalog.set(PDFName.of('Outlines'), outlines);
  await save('outline-attachment.pdf', doc, NOTA_GONE, NOTA_KEPT);
}

// 5. A form field holding a name.
{
  const doc = await newDoc();
  const font = await doc.embedFont(StandardFonts.Helvetica);
  const page = doc.addPage([595, 842]);
  drawLines(page, font, NOTA);
  const field = doc.getForm().createTextField('behandelaar');
  field.setText('Pieter Hoogeveen');
  field.addToPage(page, { x: 300, y: 100, width: 200, height: 20 });
  await save('form-field.pdf', doc, NOTA_GONE, NOTA_KEPT);
}

// 6. Text in a form XObject drawn on two pages.
{
  const src = await newDoc();
  const font = await src.embedFont(StandardFonts.Helvetica);
  drawLines(src.addPage([595, 842]), font, NOTA);
  const doc = await newDoc();
  const [embedded] = await doc.embedPdf(await src.save());
  for (let i = 0; i < 2; i++) doc.addPage([595, 842]).drawPage(embedded, { x: 0, y: 0 });
  await save('form-xobject-two-pages.pdf', doc, NOTA_GONE, NOTA_KEPT);
}

// 7. A rotated page with rotated text, and a second page.
{
  const doc = await newDoc();
  const font = await doc.embedFont(StandardFonts.TimesRoman);
  const page = doc.addPage([842, 595]);
  page.setRotation(degrees(90));
  drawLines(page, font, NOTA, { x: 60, top: 560, size: 10, lead: 14 });
  const second = doc.addPage([595, 842]);
  second.drawText('Bijlage: overleg met Pieter Hoogeveen (DGM).', { x: 560, y: 100, size: 11, font, rotate: degrees(90) });
  await save('rotated.pdf', doc, NOTA_GONE, ['Contactpersoon', 'staatssecretaris Van Doorn', 'Bijlage: overleg met']);
}

// 8. Several pages, invisible text (render mode 3, as an OCR layer writes it), and an old revision.
{
  const doc = await newDoc();
  const font = await doc.embedFont(StandardFonts.Helvetica);
  drawLines(doc.addPage([595, 842]), font, NOTA.slice(0, 10));
  const p2 = doc.addPage([595, 842]);
  drawLines(p2, font, NOTA.slice(10));
  const key = p2.node.newFontDictionary(font.name, font.ref);
  p2.pushOperators(
    beginText(),
    setTextRenderingMode(TextRenderingMode.Invisible),
    setFontAndSize(key, 11),
    moveText(60, 200),
    showText(font.encodeText('Onzichtbare OCR-laag: Marieke Zwanenburg')),
    endText(),
  );
  const base = await doc.save({ useObjectStreams: false });
  // An incremental update that changes the Info dictionary: the first revision still holds the old one.
  const pdf = await PDFDocument.load(base);
  const text = Buffer.from(base).toString('latin1');
  const infoRef = pdf.context.trailerInfo.Info;
  const size = pdf.context.largestObjectNumber + 1;
  const startxref = Number(/startxref\s+(\d+)/.exec(text.slice(-64))?.[1]);
  const obj = `\n${infoRef.objectNumber} 0 obj\n<< /Producer (fixture generator) /Title (Herziene versie) /Author (Marieke Zwanenburg) >>\nendobj\n`;
  const objAt = base.length + 1;
  const xrefAt = base.length + obj.length;
  const xref = `xref\n${infoRef.objectNumber} 1\n${String(objAt).padStart(10, '0')} 00000 n \ntrailer\n<< /Size ${size} /Root ${pdf.context.trailerInfo.Root.toString()} /Info ${infoRef.toString()} /Prev ${startxref} >>\nstartxref\n${xrefAt}\n%%EOF\n`;
  const bytes = Buffer.concat([Buffer.from(base), Buffer.from(obj + xref, 'latin1')]);
  writeFileSync(join(out, 'multipage-revision.pdf'), bytes);
  expectations['multipage-revision.pdf'] = { gone: NOTA_GONE, kept: ['Contactpersoon', '1. Aanleiding', 'Onzichtbare OCR-laag'] };
}

// 9. Text over a PNG image: the pixels under the boxes are destroyed.
{
  const doc = await newDoc();
  const font = await doc.embedFont(StandardFonts.Helvetica);
  const page = doc.addPage([595, 842]);
  // A light gradient, 250 x 110 pixels, Flate with a PNG predictor (as many producers write it).
  const w = 250;
  const h = 110;
  const rows = [];
  for (let y = 0; y < h; y++) {
    const row = [2]; // predictor "Up"
    for (let x = 0; x < w * 3; x++) row.push(y === 0 ? 200 + ((x / 3) % 40) : 0);
    rows.push(...row);
  }
  const data = deflateSync(Buffer.from(rows));
  const image = doc.context.register(doc.context.stream(data, { Type: 'XObject', Subtype: 'Image', Width: w, Height: h, BitsPerComponent: 8, ColorSpace: 'DeviceRGB', Filter: 'FlateDecode', DecodeParms: { Predictor: 12, Colors: 3, Columns: w } }));
  const name = page.node.newXObject('Im', image);
  page.pushOperators(pushGraphicsState(), concatTransformationMatrix(500, 0, 0, 220, 40, 600), drawObject(name), popGraphicsState());
  drawLines(page, font, NOTA.slice(0, 9));
  await save('text-over-image.pdf', doc, NOTA_GONE.slice(0, 4), ['Contactpersoon', 'Turfmarkt 147'], { imagePixels: true });
}

// 9-form. The text-over-image page drawn as a form XObject on two pages: image and text inside the form.
{
  const doc = await newDoc();
  const [embedded] = await doc.embedPdf(readFileSync(join(out, 'text-over-image.pdf')));
  for (let i = 0; i < 2; i++) doc.addPage([595, 842]).drawPage(embedded, { x: 0, y: 0 });
  await save('image-in-form-xobject.pdf', doc, NOTA_GONE.slice(0, 4), ['Contactpersoon', 'Turfmarkt 147']);
}

// 9a. Text over images our own decoders do not read, decoded through pdf.js: a 1-bit black and
// white image (as scanners write them) and an indexed (palette) image. And an image that nothing
// can decode under text: it must fail closed.
async function imagePage(name, dict, data, gone, kept, extra = {}) {
  const doc = await newDoc();
  const font = await doc.embedFont(StandardFonts.Helvetica);
  const page = doc.addPage([595, 842]);
  const image = doc.context.register(doc.context.stream(data, { Type: 'XObject', Subtype: 'Image', ...dict }));
  const xname = page.node.newXObject('Im', image);
  page.pushOperators(pushGraphicsState(), concatTransformationMatrix(500, 0, 0, 220, 40, 600), drawObject(xname), popGraphicsState());
  drawLines(page, font, NOTA.slice(0, 9));
  await save(name, doc, gone, kept, extra);
}
{
  const w = 400;
  const h = 176;
  const rowBytes = w / 8;
  const bits = Buffer.alloc(rowBytes * h, 0xff);
  for (let y = 0; y < h; y += 8) bits.fill(0xaa, y * rowBytes, (y + 1) * rowBytes); // thin grey-ish stripes
  await imagePage('text-over-1bit-image.pdf', { Width: w, Height: h, BitsPerComponent: 1, ColorSpace: 'DeviceGray', Filter: 'FlateDecode' }, deflateSync(bits), NOTA_GONE.slice(0, 4), ['Contactpersoon', 'Turfmarkt 147'], { imagePixels: true });
  const indices = Buffer.alloc(w * h);
  for (let i = 0; i < indices.length; i++) indices[i] = (i % w) % 3;
  const palette = Buffer.from([250, 250, 250, 230, 240, 255, 255, 240, 220]);
  await imagePage('text-over-indexed-image.pdf', { Width: w, Height: h, BitsPerComponent: 8, ColorSpace: ['Indexed', 'DeviceRGB', 2, PDFHexString.of(palette.toString('hex'))], Filter: 'FlateDecode' }, deflateSync(indices), NOTA_GONE.slice(0, 4), ['Contactpersoon', 'Turfmarkt 147'], { imagePixels: true });
  await imagePage('text-over-undecodable-image.pdf', { Width: 8, Height: 8, BitsPerComponent: 8, ColorSpace: 'DeviceGray', Filter: 'DCTDecode' }, Buffer.from('not a jpeg at all'), [], [], { error: 'PDF_IMAGE_UNDER_REDACTION' });
}

// 9a'. An inline image (BI ... ID ... EI) under text, as some scanners and converters write them.
{
  const doc = await newDoc();
  const page = doc.addPage([595, 842]);
  const ctx = doc.context;
  const font = ctx.register(ctx.obj({ Type: 'Font', Subtype: 'Type1', BaseFont: 'Helvetica', Encoding: 'WinAnsiEncoding' }));
  page.node.setFontDictionary(PDFName.of('F1'), font);
  const w = 250;
  const h = 110;
  const pixels = Buffer.alloc(w * h);
  for (let i = 0; i < pixels.length; i++) pixels[i] = 200 + ((i % w) % 50);
  const head = Buffer.from(`q 500 0 0 220 40 600 cm\nBI /W ${w} /H ${h} /BPC 8 /CS /G /F /Fl ID `, 'latin1');
  const tail = Buffer.from('\nEI\nQ\nBT /F1 11 Tf 16 TL 60 780 Td (Contactpersoon) Tj (Marieke Zwanenburg) \' (T 06 44 29 81 50) \' (Turfmarkt 147) \' ET\n', 'latin1');
  const content = Buffer.concat([head, deflateSync(pixels), tail]);
  page.node.set(PDFName.of('Contents'), ctx.register(ctx.stream(content)));
  await save('inline-image.pdf', doc, ['Zwanenburg', '44 29 81 50'], ['Contactpersoon', 'Turfmarkt 147']);
}

// 9b. A "scan": the page as a JPEG image (rendered by pdftoppm) under an invisible text layer at
// the same places, as OCRmyPDF makes them. The names are in the pixels too.
if (existsSync('/usr/bin/pdftoppm')) {
  const tmp = join(out, 'scan-tmp');
  mkdirSync(tmp, { recursive: true });
  execFileSync('pdftoppm', ['-r', '100', '-jpeg', '-gray', '-f', '1', '-l', '1', join(out, 'standard14-nota.pdf'), join(tmp, 'p')]);
  const jpg = readFileSync(join(tmp, 'p-1.jpg'));
  rmSync(tmp, { recursive: true, force: true });
  const doc = await newDoc();
  const font = await doc.embedFont(StandardFonts.Helvetica);
  const page = doc.addPage([595, 842]);
  page.drawImage(await doc.embedJpg(jpg), { x: 0, y: 0, width: 595, height: 842 });
  const key = page.node.newFontDictionary(font.name, font.ref);
  const ops = [beginText(), setTextRenderingMode(TextRenderingMode.Invisible), setFontAndSize(key, 11)];
  NOTA.forEach((line, i) => {
    if (line) ops.push(setTextMatrix(1, 0, 0, 1, 60, 780 - i * 16), showText(font.encodeText(line)));
  });
  ops.push(endText());
  page.pushOperators(...ops);
  await save('scan-ocr-layer.pdf', doc, NOTA_GONE, NOTA_KEPT, { scan: true });
}

// 9c. Hand-written operators: ' and " and TJ with kerning, a font with /Differences, text in a
// literal string with escapes. Producers other than pdf-lib write all of these.
{
  const doc = await newDoc();
  const page = doc.addPage([595, 842]);
  const ctx = doc.context;
  const font = ctx.register(ctx.obj({ Type: 'Font', Subtype: 'Type1', BaseFont: 'Helvetica', Encoding: { Type: 'Encoding', BaseEncoding: 'WinAnsiEncoding', Differences: [200, 'edieresis'] } }));
  page.node.setFontDictionary(PDFName.of('F9'), font);
  const content = [
    'BT /F9 11 Tf 14 TL 60 780 Td',
    '(Contactpersoon) Tj',
    "(Anouk de Wit) '",
    '1 0.5 (T 06 12345678) "',
    String.raw`T* [(Overleg met Jo) 20 (\310l Bakk) -15 (er \(DGM\) over de brief.)] TJ`,
    'T* [(Minister Faber stemt in.)] TJ',
    'ET',
  ].join('\n');
  const stream = ctx.register(ctx.flateStream(Buffer.from(content, 'latin1')));
  page.node.set(PDFName.of('Contents'), stream);
  await save('operators-differences.pdf', doc, ['Anouk', 'de Wit', '06 12345678', 'Bakker'], ['Contactpersoon', 'Minister Faber stemt in.', 'over de brief.', 'Overleg met']);
}

// 9d. Office-suite exports: LibreOffice writes subset TrueType fonts (WinAnsi or custom encodings
// with ToUnicode). A plain-text nota (monospace) and an HTML letter (proportional, bold, italics).
const soffice = ['/usr/bin/soffice', '/usr/bin/libreoffice'].find((p) => existsSync(p));
if (soffice) {
  const tmp = join(out, 'lo-tmp');
  mkdirSync(tmp, { recursive: true });
  writeFileSync(join(tmp, 'libreoffice-nota.txt'), readFileSync(join(root, 'fixtures', 'text', 'nota-ocr.txt')));
  writeFileSync(
    join(tmp, 'libreoffice-brief.html'),
    `<html lang="nl"><head><meta charset="utf-8"><title>Brief</title></head><body>
<p><b>Ministerie van Justitie en Veiligheid</b><br>Turfmarkt 147, 2511 DP Den Haag</p>
<p>Geachte mevrouw Yılmaz,</p>
<p>Uw verzoek is behandeld door <i>mr. J.H.M. van der Velde</i>, jurist bij de directie Wetgeving.
Voor vragen kunt u haar bereiken op 06-48213377 of via j.vandervelde@minjenv.nl.</p>
<p>Staatssecretaris Van der Burg heeft het besluit ondertekend. Het lid Koekkoek heeft vragen gesteld
over de uitvoering; zie ook de motie-Brekelmans.</p>
<p>Met vriendelijke groet,</p><p>Ingrid Schoonhoven<br>Senior beleidsmedewerker</p>
</body></html>`,
  );
  execFileSync(soffice, ['--headless', '--convert-to', 'pdf', '--outdir', tmp, join(tmp, 'libreoffice-nota.txt'), join(tmp, 'libreoffice-brief.html')], { stdio: 'ignore', timeout: 120_000 });
  for (const name of ['libreoffice-nota.pdf', 'libreoffice-brief.pdf']) writeFileSync(join(out, name), readFileSync(join(tmp, name)));
  // The same nota as a tagged (accessible) PDF: structure tree and marked content stay usable.
  writeFileSync(join(tmp, 'libreoffice-tagged.txt'), readFileSync(join(root, 'fixtures', 'text', 'nota-ocr.txt')));
  execFileSync(soffice, ['--headless', '--convert-to', 'pdf:writer_pdf_Export:{"UseTaggedPDF":{"type":"boolean","value":"true"}}', '--outdir', tmp, join(tmp, 'libreoffice-tagged.txt')], { stdio: 'ignore', timeout: 120_000 });
  writeFileSync(join(out, 'libreoffice-tagged.pdf'), readFileSync(join(tmp, 'libreoffice-tagged.pdf')));
  rmSync(tmp, { recursive: true, force: true });
  expectations['libreoffice-nota.pdf'] = {
    gone: ['Henk', 'van der Velde-Bos', '06 44 29 81 50', 'h.vandervelde@ind.nl', 'Marieke', 'Zwanenburg'],
    kept: ['Contactpersoon', 'Het lid Koekoek', 'staatssecretaris', 'Van Doorn', 'burgemeester Visscher', 'Ruud Hoogland', 'Turfmarkt 147'],
  };
  expectations['libreoffice-tagged.pdf'] = { ...expectations['libreoffice-nota.pdf'], tagged: true };
  expectations['libreoffice-brief.pdf'] = {
    gone: ['Yılmaz', 'J.H.M.', 'van der Velde', '48213377', 'j.vandervelde@minjenv.nl', 'Ingrid', 'Schoonhoven'],
    kept: ['Staatssecretaris Van der Burg', 'Het lid Koekkoek', 'motie-Brekelmans', 'Senior beleidsmedewerker', 'Turfmarkt 147'],
  };
}

// 9e. A real OCR'd scan: the standard-font nota rendered to a 200 dpi greyscale image, wrapped in a
// PDF, then OCR'd by OCRmyPDF with Tesseract's Dutch model (text in GlyphLessFont, render mode 3,
// inside a form XObject over the page image).
if (existsSync('/usr/bin/ocrmypdf') && existsSync('/usr/bin/pdftoppm')) {
  const tmp = join(out, 'ocr-tmp');
  mkdirSync(tmp, { recursive: true });
  execFileSync('pdftoppm', ['-r', '200', '-gray', '-png', '-f', '1', '-l', '1', join(out, 'standard14-nota.pdf'), join(tmp, 'p')]);
  const doc = await newDoc();
  const page = doc.addPage([595, 842]);
  page.drawImage(await doc.embedPng(readFileSync(join(tmp, 'p-1.png'))), { x: 0, y: 0, width: 595, height: 842 });
  writeFileSync(join(tmp, 'scan.pdf'), await doc.save());
  execFileSync('ocrmypdf', ['-q', '-l', 'nld', '--output-type', 'pdf', '--optimize', '0', join(tmp, 'scan.pdf'), join(out, 'ocrmypdf-scan.pdf')], { stdio: 'ignore', timeout: 300_000, env: { ...process.env, SOURCE_DATE_EPOCH: '1717840800' } });
  rmSync(tmp, { recursive: true, force: true });
  expectations['ocrmypdf-scan.pdf'] = { gone: ['Zwanenburg', '44 29 81 50', 'Hoogeveen'], kept: ['Contactpersoon', 'Turfmarkt 147', 'stemt in.'], scan: true };
}

// 9f. A decompression bomb: a content stream of a few hundred kilobytes that inflates to 300 MB.
{
  const doc = await newDoc();
  const page = doc.addPage([595, 842]);
  const bomb = deflateSync(Buffer.alloc(300 * 1024 * 1024, 0x20), { level: 9 });
  page.node.set(PDFName.of('Contents'), doc.context.register(doc.context.stream(bomb, { Filter: 'FlateDecode' })));
  await save('decompression-bomb.pdf', doc, [], [], { error: 'FILE_TOO_LARGE' });
}

// 10. A scan without text layer.
{
  const doc = await newDoc();
  const page = doc.addPage([595, 842]);
  page.drawRectangle({ x: 50, y: 50, width: 495, height: 742, color: rgb(0.9, 0.9, 0.9) });
  await save('no-text-layer.pdf', doc, [], [], { error: 'PDF_NO_TEXT' });
}

// 11. Encrypted with a user password (refused) and with an owner password only (decrypted).
if (existsSync('/usr/bin/qpdf')) {
  execFileSync('qpdf', ['--encrypt', '', 'eigenaar', '256', '--', join(out, 'standard14-nota.pdf'), join(out, 'owner-password-aes256.pdf')]);
  expectations['owner-password-aes256.pdf'] = { gone: NOTA_GONE, kept: NOTA_KEPT, warning: 'PDF_OWNER_PASSWORD_REMOVED' };
  execFileSync('qpdf', ['--allow-weak-crypto', '--encrypt', '', 'eigenaar', '128', '--use-aes=n', '--', join(out, 'type0-accents.pdf'), join(out, 'owner-password-rc4.pdf')]);
  expectations['owner-password-rc4.pdf'] = { ...expectations['type0-accents.pdf'], warning: 'PDF_OWNER_PASSWORD_REMOVED' };
  execFileSync('qpdf', ['--encrypt', 'geheim', 'eigenaar', '256', '--', join(out, 'standard14-nota.pdf'), join(out, 'encrypted-user-password.pdf')]);
  expectations['encrypted-user-password.pdf'] = { gone: [], kept: [], error: 'PDF_ENCRYPTED' };
}

// 11b. A page tree that contains itself, and more pages than the default limit.
{
  const doc = await newDoc();
  const font = await doc.embedFont(StandardFonts.Helvetica);
  doc.addPage([595, 842]).drawText('Contactpersoon Anouk de Wit', { x: 50, y: 700, size: 11, font });
  const pagesRef = doc.catalog.get(PDFName.of('Pages'));
  const pages = doc.context.lookup(pagesRef);
  pages.get(PDFName.of('Kids')).push(pagesRef);
  pages.set(PDFName.of('Count'), doc.context.obj(2));
  await save('cyclic-page-tree.pdf', doc, [], [], { error: 'PDF_DAMAGED' });
}
{
  const doc = await newDoc();
  for (let i = 0; i < 5001; i++) doc.addPage([595, 842]);
  await save('too-many-pages.pdf', doc, [], [], { error: 'FILE_TOO_LARGE' });
}

// 12. Not a PDF at all.
writeFileSync(join(out, 'html-named-pdf.pdf'), '<html><body>Dit is geen PDF</body></html>\n');
expectations['html-named-pdf.pdf'] = { gone: [], kept: [], error: 'PDF_DAMAGED' };

writeFileSync(join(out, 'expectations.json'), `${JSON.stringify(expectations, null, 2)}\n`);
console.log(`${Object.keys(expectations).length} PDF fixtures in ${out}`);
// The shapes of real Woo files (issue 11) add to the same folder and expectations.
await import('./generate-pdf-shape-fixtures.mjs');
