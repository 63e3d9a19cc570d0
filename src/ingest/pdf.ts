import { ParseSpeeds, PDFDocument } from 'pdf-lib';
import type { IngestedDocument } from '../document/document.js';
import type { Diagnostic } from '../document/types.js';
import { installPdfLibFixes } from '../pdf/pdf-lib-fixes.js';
import { isUnreadableText } from './unreadable-text.js';
import { resourcesHideText } from './unread-text.js';
import { imageCoverage, isStampedScan, joinPageTexts, textLines } from './scanned-pages.js';
import { decryptInPlace, type EncryptedObjectStream, isEncrypted, loadEncrypted, UserPasswordRequiredError } from '../pdf/decrypt.js';
import { InputError, WooRedactError } from '../errors.js';
import { ContentStreamError } from '../pdf/content-stream.js';
import { UnsupportedFontError } from '../pdf/fonts.js';
import { type FontCache, FormOperations, type ImagePlacement, PageInterpreter, type StreamTarget, UnsupportedContentError } from '../pdf/interpret.js';
import { GlyphTable } from '../pdf/glyph-table.js';
import { layoutPage, type PageText } from '../pdf/layout.js';
import { DamagedStreamError, deepestNesting, quietly, usesUnreadableObject, StreamTooLargeError, UnsupportedStreamError } from '../pdf/objects.js';
import { readPagesWithOcr, type OcrPage } from '../ocr/read-pages.js';
import { DEFAULT_OCR_LANGUAGE } from '../ocr/engine.js';
import { flattenPageTree, PageTreeError, TooManyPagesError } from '../pdf/page-tree.js';
import { pageStarts } from './pages.js';
import { sha256 } from './text.js';

/** What the PDF redactor needs beyond the text: the loaded file and every glyph's place. */
export interface PdfLayout {
  readonly pdf: PDFDocument;
  readonly glyphs: GlyphTable;
  readonly images: readonly ImagePlacement[];
  readonly targets: readonly StreamTarget[];
  readonly pageTargets: readonly StreamTarget[];
  /** For every character of the document text, the index of its glyph (-1: inserted). */
  readonly glyphOf: Int32Array;
  /** Pages read by OCR (they had no text layer), with their words. */
  readonly ocrPages: readonly OcrPage[];
}

/** OCR of pages without text: on (in a language whose model is installed) or off (they are refused). */
export type OcrSetting = { readonly lang: string } | false;

export interface IngestedPdf {
  readonly doc: IngestedDocument;
  readonly layout: PdfLayout;
}

export class PdfError extends WooRedactError {}

/** Most pages read by default (maxPages). */
export const DEFAULT_MAX_PAGES = 5000;

/** Deepest nesting of arrays and dictionaries: real files stay under ten, a hostile one goes on for thousands. */
export const DEFAULT_MAX_OBJECT_DEPTH = 100;

/**
 * Reads a PDF into the document model: the text of every page from its content streams (page
 * breaks as form feeds), each character tied to its glyph so a span maps to exact positions.
 */
export async function ingestPdf(bytes: Uint8Array, path?: string, maxPages = DEFAULT_MAX_PAGES, maxObjectDepth = DEFAULT_MAX_OBJECT_DEPTH, ocr: OcrSetting = { lang: DEFAULT_OCR_LANGUAGE }): Promise<IngestedPdf> {
  // A file of no bytes (a copy or download that did not finish) is said to be empty, not damaged.
  if (bytes.length === 0) throw new InputError('INPUT_EMPTY', 'the PDF is empty (0 bytes): there is nothing to redact; copy or export it again');
  const head = Buffer.from(bytes.subarray(0, 1024)).toString('latin1');
  if (!head.includes('%PDF-')) throw new InputError('PDF_DAMAGED', 'the file is not a PDF (it has no PDF header); check what it is and export it as PDF again');
  // A view, not a copy of the file.
  const encrypted = Buffer.from(bytes.buffer, bytes.byteOffset, bytes.length).includes('/Encrypt');
  let pdf: PDFDocument;
  let objectStreams: EncryptedObjectStream[] = [];
  // parseSpeed Fastest: pdf-lib otherwise waits for a timer (at least 1 ms) every 100 objects,
  // idle time that only made the file slower (the pages are read in one go afterwards anyway).
  const loadOptions = { updateMetadata: false, throwOnInvalidObject: false, ignoreEncryption: true, parseSpeed: ParseSpeeds.Fastest };
  installPdfLibFixes();
  try {
    if (encrypted) ({ pdf, objectStreams } = await quietly(() => loadEncrypted(bytes, loadOptions)));
    else pdf = await quietly(() => PDFDocument.load(bytes, loadOptions));
  } catch {
    throw new InputError('PDF_DAMAGED', 'the file is not a readable PDF (damaged or truncated); re-export it from the source application');
  }
  const diagnostics: Diagnostic[] = [];
  if (encrypted && isEncrypted(pdf)) {
    // A file that opens without a password but restricts editing or copying (an owner password) is
    // decrypted; one that needs a password to open is refused.
    try {
      await decryptInPlace(pdf, objectStreams);
    } catch (error) {
      if (error instanceof UserPasswordRequiredError) {
        throw new PdfError('PDF_ENCRYPTED', 'the PDF needs a password to open; decrypt it first (for example `qpdf --decrypt --password=... in.pdf out.pdf`) and run again');
      }
      throw new PdfError('PDF_ENCRYPTED', `the PDF's encryption is not supported (${(error as Error).message}); decrypt it first (for example \`qpdf --decrypt in.pdf out.pdf\`) and run again`);
    }
    diagnostics.push({ code: 'PDF_OWNER_PASSWORD_REMOVED', severity: 'warning', stage: 'ingest', message: 'the PDF was protected by an owner password (no password to open); the redacted copy is written without encryption' });
  }
  if (usesUnreadableObject(pdf.context)) {
    throw new InputError('PDF_DAMAGED', 'the PDF is damaged: an object it uses cannot be read, so what it holds cannot be redacted; repair it (for example `qpdf in.pdf repaired.pdf`) or re-export it, and run again');
  }
  const depth = deepestNesting(pdf.context, maxObjectDepth);
  if (depth > maxObjectDepth) {
    throw new InputError('FILE_TOO_LARGE', `the PDF nests arrays or dictionaries more than ${maxObjectDepth} levels deep (the limit, maxObjectDepth); re-export it from the source application`);
  }
  try {
    flattenPageTree(pdf, maxPages);
  } catch (error) {
    if (error instanceof TooManyPagesError) {
      throw new InputError('FILE_TOO_LARGE', `the PDF has more pages than the limit of ${maxPages}; split it or raise the limit (maxPages)`);
    }
    if (error instanceof PageTreeError) throw new PdfError('PDF_DAMAGED', `the PDF's page tree is damaged (${error.message}); repair it (for example \`qpdf in.pdf repaired.pdf\`) or re-export it, and run again`);
    throw error;
  }
  const glyphs = new GlyphTable();
  const fonts: FontCache = new WeakMap();
  const forms = new FormOperations();
  const images: ImagePlacement[] = [];
  const targets: StreamTarget[] = [];
  const pageTargets: StreamTarget[] = [];
  const pageTexts: { text: string; glyphOf: readonly number[] }[] = [];
  // Per page, the visible glyphs that read as nothing (their font maps their codes to no text).
  const muteGlyphs: number[] = [];
  // Pages with text in patterns or soft masks, which the reader does not read (1-based).
  const hiddenText: number[] = [];
  const pages = pdf.getPages();
  if (pages.length === 0) throw new InputError('PDF_DAMAGED', 'the PDF has no pages');
  if (pages.length > maxPages) {
    throw new InputError('FILE_TOO_LARGE', `the PDF has ${pages.length} pages, more than the limit of ${maxPages}; split it or raise the limit (maxPages)`);
  }
  try {
    pages.forEach((page, index) => {
      const interpreter = new PageInterpreter(pdf.context, index, glyphs, fonts, forms);
      const first = glyphs.length;
      const pageTarget = interpreter.run(page);
      pageTargets.push(pageTarget);
      if ([pageTarget, ...interpreter.targets].some((t) => resourcesHideText(pdf.context, t.resources))) hiddenText.push(index + 1);
      pageTexts.push(layoutPage(glyphs, first, glyphs.length));
      let mute = 0;
      for (let g = first; g < glyphs.length; g++) if (glyphs.unicodeOf(g) === '' && !glyphs.invisible(g)) mute++;
      muteGlyphs.push(mute);
      images.push(...interpreter.images);
      targets.push(...interpreter.targets);
      // Operations are parsed again for the few streams a redaction rewrites.
      interpreter.releaseOperations();
    });
    forms.close();
  } catch (error) {
    if (error instanceof StreamTooLargeError) {
      throw new InputError('FILE_TOO_LARGE', `the PDF holds a stream that decompresses to more than the limit (a decompression bomb?); nothing was written`);
    }
    if (error instanceof ContentStreamError || error instanceof DamagedStreamError) {
      throw new PdfError('PDF_DAMAGED', `the PDF is damaged (${error.message}); re-export it from the source application, or repair it (for example \`qpdf in.pdf repaired.pdf\`) and check the result`);
    }
    if (error instanceof UnsupportedFontError || error instanceof UnsupportedContentError || error instanceof UnsupportedStreamError) {
      throw new PdfError('PDF_NOT_SUPPORTED', `the PDF uses something woo-redact cannot redact safely yet (${error.message}); nothing was written`);
    }
    throw error;
  }
  if (hiddenText.length > 0) {
    diagnostics.push({ code: 'PDF_TEXT_NOT_READ', severity: 'warning', stage: 'ingest', message: `page(s) ${hiddenText.join(', ')} draw text inside a pattern or a soft mask, which woo-redact does not read: names in it are neither found nor removed; check these pages by hand` });
  }
  // A text layer that reads as no letters cannot be searched for names: refused, not published
  // with what it shows unredacted.
  const unreadable = pageTexts.flatMap((p, i) => (isUnreadableText(p.text, muteGlyphs[i]) ? [i + 1] : []));
  if (unreadable.length > 0) {
    throw new PdfError(
      'PDF_TEXT_UNREADABLE',
      `the text layer of page(s) ${unreadable.join(', ')} cannot be read: its fonts map the characters to no letters (no usable ToUnicode), so names on it cannot be found; export the PDF again from the source application, or run OCR over it (for example \`ocrmypdf --force-ocr -l nld in.pdf out.pdf\`) and redact the result, or redact it by hand`,
    );
  }
  // Pages without a text layer (scans) are read by OCR from their images, page by page, and so
  // are scans with only a stamp's text on them.
  const textless = pageTexts.flatMap((p, i) => (p.text.trim().length === 0 ? [i] : []));
  const coverage = imageCoverage(pages, images);
  // An invisible text layer is an OCR layer (someone else's OCR), not a stamp: trusted as on every
  // other page, unless it is a stamp's worth of text over a scan that shows far more lines of
  // print than it holds (an OCR tool that read a line and gave up): such a page is read again.
  const hasOcrLayer = (p: PageText) => p.glyphOf.some((g) => g >= 0 && glyphs.invisible(g));
  const sparse = pageTexts.flatMap((p, i) => (isStampedScan(p.text, coverage[i] ?? 0) ? [i] : []));
  const stamped = new Set(sparse.filter((i) => !hasOcrLayer(pageTexts[i] as PageText)));
  const layerLines = new Map(sparse.filter((i) => !stamped.has(i)).map((i) => [i, textLines((pageTexts[i] as PageText).text)] as const));
  const ocrPages: OcrPage[] = [];
  // Pages OCR was unsure of in every orientation (0-based): withheld for review.
  let unsure: readonly number[] = [];
  if (!ocr) {
    // Images below 2% of the page are not read by OCR either (a logo, a bullet).
    const unread = [...textless.filter((i) => (coverage[i] ?? 0) >= 0.02), ...stamped].sort((a, b) => a - b);
    if (unread.length > 0) {
      diagnostics.push({ code: 'PDF_PAGES_NOT_READ', severity: 'warning', stage: 'ingest', message: `page(s) ${unread.map((i) => i + 1).join(', ')} show images with little or no text (scans?) and OCR is off: what their images show was neither read nor redacted; check them by hand, or turn OCR on` });
    }
  }
  if (ocr && textless.length + stamped.size + layerLines.size > 0) {
    const wanted = [...textless, ...stamped, ...layerLines.keys()].sort((a, b) => a - b);
    const { read: pagesRead, blank, turned, poor } = await readPagesWithOcr({ bytes, pdf, pages: wanted, images, glyphs, lang: ocr.lang, layerLines });
    for (const read of pagesRead) {
      const i = read.page.pageIndex;
      const byOcr = layoutPage(glyphs, read.first, read.end);
      pageTexts[i] = stamped.has(i) || layerLines.has(i) ? joinPageTexts(pageTexts[i] as PageText, byOcr) : byOcr;
      ocrPages.push(read.page);
    }
    if (blank.length > 0) {
      // Not read: a person checks that these pages are empty indeed (handwriting is not read either).
      diagnostics.push({ code: 'PDF_OCR_BLANK', severity: 'warning', stage: 'ingest', message: `page(s) ${blank.map((i) => i + 1).join(', ')} without a text layer hold no mark of a printed character's size and were not read by OCR: check that they are blank` });
    }
    const list = (pageIndices: readonly number[]) => pageIndices.map((i) => i + 1).join(', ');
    if (turned.length > 0) {
      diagnostics.push({ code: 'PDF_OCR_TURNED', severity: 'warning', stage: 'ingest', message: `page(s) ${list(turned)} were scanned upside down or sideways (the page shows them turned): OCR read them turned upright; check their redactions` });
    }
    if (poor.length > 0) {
      // Uncertain means redacted: what OCR read there is withheld until a person has read the
      // page (a name it misread is found by nothing else).
      unsure = poor;
      diagnostics.push({ code: 'PDF_OCR_POOR', severity: 'warning', stage: 'ingest', message: `OCR was unsure of what it read on page(s) ${list(poor)} in every orientation (faint, handwritten or damaged print?): all it read there and the whole page image are withheld for review until a person has read the page` });
    }
    if (ocrPages.length > 0) {
      // A warning: OCR misreads (a name with a letter wrong is still found, a name it cannot read is
      // not), so a person checks these pages' redactions.
      const withStamp = ocrPages.filter((p) => stamped.has(p.pageIndex)).length;
      const withLayer = ocrPages.filter((p) => layerLines.has(p.pageIndex)).length;
      const which = [
        ...(withStamp > 0 ? [`${withStamp} of them scans with only a stamp's text on them`] : []),
        ...(withLayer > 0 ? [`${withLayer} of them scans whose own OCR layer holds far fewer lines than they show`] : []),
      ];
      const whichText = which.length > 0 ? ` (${which.join('; ')})` : '';
      diagnostics.push({ code: 'PDF_OCR', severity: 'warning', stage: 'ingest', message: `${ocrPages.length} page(s) without a text layer were read by OCR (${ocr.lang})${whichText}: check their redactions; the output has an invisible text layer of the remaining text` });
    }
  }
  const texts: string[] = [];
  const glyphOf: number[] = [];
  pageTexts.forEach((laid, index) => {
    if (index > 0) {
      texts.push('\f');
      glyphOf.push(-1);
    }
    texts.push(laid.text);
    for (const g of laid.glyphOf) glyphOf.push(g);
  });
  const text = texts.join('');
  if (glyphs.length === 0 || text.trim().length === 0) {
    if (!ocr) throw new PdfError('PDF_NO_TEXT', 'the PDF has no text layer (a scan?) and OCR is off: turn OCR on (leave out --no-ocr), or run OCR on it first (for example `ocrmypdf -l nld in.pdf out.pdf`) and redact the result');
    throw new PdfError('PDF_NO_TEXT', 'the PDF has no text layer, and OCR read no text in its page images (or it has none); check the file, or redact it by hand');
  }
  const starts = pageStarts(text);
  const unsurePages = unsure.flatMap((i) => {
    const start = starts[i];
    if (start === undefined) return [];
    const end = starts[i + 1] !== undefined ? (starts[i + 1] as number) - 1 : text.length;
    return [{ start, end }];
  });
  return {
    doc: {
      source: { kind: 'pdf', ...(path !== undefined ? { path } : {}), sha256: sha256(bytes), pages: pages.length },
      sourceText: text,
      pageStarts: starts,
      diagnostics,
      ...(unsurePages.length > 0 ? { unsurePages } : {}),
    },
    layout: { pdf, glyphs, images, targets, pageTargets, glyphOf: Int32Array.from(glyphOf), ocrPages },
  };
}
