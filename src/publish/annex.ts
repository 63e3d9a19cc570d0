import { PDFArray, PDFDict, PDFDocument, PDFName, PDFNumber, PDFOperator, PDFOperatorNames, type PDFFont, type PDFPage, type PDFRef, StandardFonts, rgb } from 'pdf-lib';
import { compareGroundCodes, GROUNDS, type GroundCode } from '../decide/grounds.js';
import type { Assessment } from '../manifest/schema.js';
import { MOTIVATIONS } from './motivations.js';

/**
 * The annex to the decision letter ("motivering"), per dossier, in Dutch: per ground its citation,
 * its standard motivation and how often it was applied in how many documents; the documents
 * withheld wholly and why; and the SHA-256 of every input and published file. Written as
 * Markdown and as an accessible PDF (tagged headings and paragraphs, /Lang nl-NL, real text).
 */
export interface AnnexDocument {
  readonly id: string;
  readonly title: string;
  readonly assessment: Assessment;
  readonly grounds: readonly { readonly code: GroundCode; readonly count: number }[];
  readonly inputSha256: string;
  /** The published file in the package (absent for documents withheld wholly). */
  readonly published?: { readonly file: string; readonly sha256: string };
  readonly duplicateOf?: string;
}

export interface AnnexModel {
  readonly besluitnaam?: string;
  readonly besluitdatum?: string;
  readonly matter?: string;
  readonly organisation?: string;
  readonly documents: readonly AnnexDocument[];
  readonly duplicates: number;
  readonly quotedEmails: number;
}

interface Block {
  readonly kind: 'H1' | 'H2' | 'H3' | 'P' | 'Code';
  readonly text: string;
}

const nl = new Intl.NumberFormat('nl-NL');
const plural = (n: number, one: string, many: string) => `${nl.format(n)} ${n === 1 ? one : many}`;

function dateNl(iso: string): string {
  const [y, m, d] = iso.split('-').map(Number) as [number, number, number];
  const months = ['januari', 'februari', 'maart', 'april', 'mei', 'juni', 'juli', 'augustus', 'september', 'oktober', 'november', 'december'];
  return `${d} ${months[m - 1]} ${y}`;
}

/** The annex as a sequence of headings and paragraphs, the one source of both renderings. */
export function annexBlocks(model: AnnexModel): Block[] {
  const docs = model.documents;
  const blocks: Block[] = [{ kind: 'H1', text: 'Bijlage: motivering van de weigeringsgronden' }];
  const about = [
    model.besluitnaam ? `Besluit: ${model.besluitnaam}${model.besluitdatum ? ` van ${dateNl(model.besluitdatum)}` : ''}.` : model.besluitdatum ? `Besluit van ${dateNl(model.besluitdatum)}.` : '',
    model.matter ? `Dossier: ${model.matter}.` : '',
    model.organisation ? `Bestuursorgaan: ${model.organisation}.` : '',
  ].filter(Boolean);
  if (about.length > 0) blocks.push({ kind: 'P', text: about.join(' ') });

  const count = (a: Assessment) => docs.filter((d) => d.assessment === a).length;
  const redactions = docs.filter((d) => d.assessment === 'deels openbaar').reduce((s, d) => s + d.grounds.reduce((t, g) => t + g.count, 0), 0);
  const redactedDocs = docs.filter((d) => d.assessment === 'deels openbaar').length;
  blocks.push({ kind: 'H2', text: '1. Overzicht' });
  blocks.push({
    kind: 'P',
    text:
      `Beoordeeld zijn ${plural(docs.length, 'document', 'documenten')}: ${nl.format(count('openbaar'))} openbaar, ${nl.format(count('deels openbaar'))} deels openbaar en ${nl.format(count('niet openbaar'))} niet openbaar. ` +
      `In ${plural(redactedDocs, 'document', 'documenten')} ${redactions === 1 ? 'is' : 'zijn'} ${plural(redactions, 'passage', 'passages')} gelakt; bij elke lakking staat de code van de weigeringsgrond.` +
      (model.duplicates > 0 || model.quotedEmails > 0
        ? ` ${plural(model.duplicates, 'document is een duplicaat', 'documenten zijn duplicaten')} van een ander document in het dossier, en ${plural(model.quotedEmails, 'e-mail is', "e-mails zijn")} volledig opgenomen in een latere e-mail; deze zijn op dezelfde wijze beoordeeld en in de inventarislijst aan elkaar gekoppeld.`
        : ''),
  });

  const used = new Map<GroundCode, { count: number; documents: number }>();
  for (const d of docs) {
    for (const g of d.grounds) {
      const u = used.get(g.code) ?? { count: 0, documents: 0 };
      used.set(g.code, { count: u.count + g.count, documents: u.documents + 1 });
    }
  }
  blocks.push({ kind: 'H2', text: '2. Weigeringsgronden' });
  if (used.size === 0) blocks.push({ kind: 'P', text: 'Er is geen informatie geweigerd.' });
  for (const code of [...used.keys()].sort(compareGroundCodes)) {
    const g = GROUNDS[code];
    const u = used.get(code) as { count: number; documents: number };
    blocks.push({ kind: 'H3', text: `${code}: ${g.label} (${g.citation})` });
    blocks.push({ kind: 'P', text: MOTIVATIONS[code] });
    blocks.push({ kind: 'P', text: `Toegepast: ${plural(u.count, 'keer', 'keer')} in ${plural(u.documents, 'document', 'documenten')}.` });
  }

  blocks.push({ kind: 'H2', text: '3. Documenten die geheel niet openbaar zijn gemaakt' });
  const withheld = docs.filter((d) => d.assessment === 'niet openbaar');
  if (withheld.length === 0) blocks.push({ kind: 'P', text: 'Geen.' });
  for (const d of withheld) {
    const reasons = d.grounds.map((g) => `${g.code} (${GROUNDS[g.code].label})`).join('; ');
    blocks.push({ kind: 'P', text: `${d.id}, ${d.title}: geheel niet openbaar op grond van ${reasons || 'een weigeringsgrond'}.` });
  }

  blocks.push({ kind: 'H2', text: '4. Controlegetallen (SHA-256)' });
  blocks.push({
    kind: 'P',
    text: 'Per document de SHA-256-hash van het ontvangen bestand en van het gepubliceerde bestand. Wie een bestand heeft, kan met deze getallen nagaan dat het ongewijzigd is.',
  });
  for (const d of docs) {
    blocks.push({ kind: 'H3', text: `${d.id}: ${d.title}` });
    blocks.push({ kind: 'Code', text: `invoer: ${d.inputSha256}` });
    blocks.push({ kind: 'Code', text: d.published ? `${d.published.file}: ${d.published.sha256}` : 'niet gepubliceerd' });
  }
  return blocks;
}

const mdEscape = (s: string) => s.replace(/([\\`*_[\]<>#|])/g, '\\$1');

export function annexMarkdown(model: AnnexModel): string {
  const out: string[] = [];
  for (const b of annexBlocks(model)) {
    if (b.kind === 'H1') out.push(`# ${mdEscape(b.text)}`);
    else if (b.kind === 'H2') out.push(`## ${mdEscape(b.text)}`);
    else if (b.kind === 'H3') out.push(`### ${mdEscape(b.text)}`);
    else if (b.kind === 'Code') out.push(`    ${b.text}`);
    else out.push(mdEscape(b.text));
    out.push('');
  }
  return out.join('\n');
}

/** Characters the standard fonts cannot encode (WinAnsi) are written without accents, or as "?". */
function encodable(font: PDFFont, text: string): string {
  const set = new Set(font.getCharacterSet());
  let out = '';
  for (const ch of text) {
    if (set.has(ch.codePointAt(0) as number)) out += ch;
    else {
      const plain = ch.normalize('NFKD').replace(/[\u0300-\u036f]/g, '');
      out += [...plain].every((c) => set.has(c.codePointAt(0) as number)) ? plain : ch === '\u0131' ? 'i' : '?';
    }
  }
  return out;
}

function wrap(font: PDFFont, text: string, size: number, width: number): string[] {
  const lines: string[] = [];
  let line = '';
  for (const word of text.split(/\s+/).filter(Boolean)) {
    const candidate = line ? `${line} ${word}` : word;
    if (font.widthOfTextAtSize(candidate, size) <= width || !line) line = candidate;
    else {
      lines.push(line);
      line = word;
    }
  }
  if (line) lines.push(line);
  return lines;
}

/** An accessible PDF of the annex: every heading and paragraph a structure element with its text. */
export async function annexPdf(model: AnnexModel): Promise<Uint8Array> {
  // No metadata dates: the same dossier gives the same bytes.
  const pdf = await PDFDocument.create({ updateMetadata: false });
  pdf.setTitle('Bijlage: motivering van de weigeringsgronden', { showInWindowTitleBar: true });
  pdf.setLanguage('nl-NL');
  const regular = await pdf.embedFont(StandardFonts.Helvetica);
  const bold = await pdf.embedFont(StandardFonts.HelveticaBold);
  const mono = await pdf.embedFont(StandardFonts.Courier);
  const style = {
    H1: { font: bold, size: 16, before: 0, after: 10 },
    H2: { font: bold, size: 13, before: 12, after: 6 },
    H3: { font: bold, size: 10.5, before: 8, after: 3 },
    P: { font: regular, size: 10, before: 0, after: 6 },
    Code: { font: mono, size: 7.5, before: 0, after: 2 },
  } as const;
  const [pageWidth, pageHeight, margin] = [595.28, 841.89, 56];
  const context = pdf.context;
  const structRoot = context.nextRef();
  const documentElem = context.nextRef();
  const elements: PDFRef[] = [];
  const parentTree: (PDFRef[] | undefined)[] = [];

  let page: PDFPage | undefined;
  let pageRef: PDFRef | undefined;
  let pageMarks: PDFRef[] = [];
  let y = 0;
  const newPage = () => {
    if (page) parentTree.push(pageMarks);
    page = pdf.addPage([pageWidth, pageHeight]);
    pageRef = page.ref;
    page.node.set(PDFName.of('StructParents'), PDFNumber.of(parentTree.length));
    page.node.set(PDFName.of('Tabs'), PDFName.of('S'));
    pageMarks = [];
    y = pageHeight - margin;
  };
  newPage();

  for (const block of annexBlocks(model)) {
    const s = style[block.kind];
    const text = encodable(s.font, block.text);
    const lines = wrap(s.font, text, s.size, pageWidth - 2 * margin);
    const lineHeight = s.size * 1.3;
    y -= s.before;
    // Keep a heading with the first lines of what follows it.
    const needed = block.kind.startsWith('H') ? lineHeight * (lines.length + 3) : lineHeight;
    if (y - needed < margin) newPage();
    // A block may run over a page end: each page's part is its own marked-content sequence.
    let k = 0;
    while (k < lines.length) {
      const p = page as PDFPage;
      const mcid = pageMarks.length;
      const elem = context.nextRef();
      const tag = block.kind === 'Code' ? 'Code' : block.kind;
      p.pushOperators(PDFOperator.of(PDFOperatorNames.BeginMarkedContentSequence, [PDFName.of(tag), context.obj({ MCID: mcid }) as unknown as PDFArray]));
      while (k < lines.length && y - lineHeight >= margin - s.size) {
        y -= lineHeight;
        p.drawText(lines[k] as string, { x: margin, y, size: s.size, font: s.font, color: rgb(0, 0, 0) });
        k++;
      }
      p.pushOperators(PDFOperator.of(PDFOperatorNames.EndMarkedContent));
      context.assign(elem, context.obj({ Type: 'StructElem', S: tag === 'Code' ? 'P' : tag, P: documentElem, Pg: pageRef as PDFRef, K: mcid }));
      elements.push(elem);
      pageMarks.push(elem);
      if (k < lines.length) newPage();
    }
    y -= s.after;
  }
  parentTree.push(pageMarks);

  const nums: (PDFNumber | PDFArray)[] = [];
  parentTree.forEach((marks, i) => {
    nums.push(PDFNumber.of(i), context.obj(marks ?? []));
  });
  context.assign(documentElem, context.obj({ Type: 'StructElem', S: 'Document', P: structRoot, K: elements }));
  context.assign(structRoot, context.obj({ Type: 'StructTreeRoot', K: documentElem, ParentTree: context.obj({ Nums: nums }), ParentTreeNextKey: parentTree.length }));
  pdf.catalog.set(PDFName.of('StructTreeRoot'), structRoot);
  pdf.catalog.set(PDFName.of('MarkInfo'), context.obj({ Marked: true }));
  const prefs = pdf.catalog.lookupMaybe(PDFName.of('ViewerPreferences'), PDFDict);
  if (!prefs) pdf.catalog.set(PDFName.of('ViewerPreferences'), context.obj({ DisplayDocTitle: true }));
  return pdf.save({ useObjectStreams: false });
}
