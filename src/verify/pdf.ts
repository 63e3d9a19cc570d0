import { PDFDocument, PDFRawStream } from 'pdf-lib';
import { compileValues, type ValueMatcher, valueKey } from '../document/value-search.js';
import { normalise } from '../normalise/normalise.js';
import { quietly, streamBytes } from '../pdf/objects.js';
import { withPdfJsDocument } from '../pdf/pdfjs.js';

export interface PdfCheckValue {
  readonly value: string;
  readonly caseSensitive: boolean;
  /** How often the value may legitimately remain (kept public officials with the same name). */
  readonly allowed: number;
  readonly id: number;
}

/** The text of every page as pdf.js (an extractor independent of ours) reads it, plus metadata. */
export function extractWithPdfJs(bytes: Uint8Array): Promise<string> {
  return withPdfJsDocument(bytes, async (doc) => {
    const parts: string[] = [];
    for (let p = 1; p <= doc.numPages; p++) {
      const page = await doc.getPage(p);
      const content = await page.getTextContent();
      for (const item of content.items) if ('str' in item) parts.push(item.str, item.hasEOL ? '\n' : '');
      parts.push('\f');
      // Let pdf.js drop the page's fonts and parsed content before the next one.
      page.cleanup();
    }
    const meta = await doc.getMetadata().catch(() => undefined);
    if (meta) parts.push(JSON.stringify(meta.info ?? {}), (meta.metadata as unknown as { getRaw?: () => string } | null)?.getRaw?.() ?? '');
    return parts.join('');
  });
}

/** The raw bytes and every decodable stream of the file, as Latin-1 and as UTF-16BE-decoded text. */
export async function rawTexts(bytes: Uint8Array): Promise<string[]> {
  const texts = [Buffer.from(bytes).toString('latin1')];
  const pdf = await quietly(() => PDFDocument.load(bytes, { updateMetadata: false, throwOnInvalidObject: false }));
  for (const [, obj] of pdf.context.enumerateIndirectObjects()) {
    if (!(obj instanceof PDFRawStream)) continue;
    try {
      const decoded = streamBytes(obj);
      texts.push(Buffer.from(decoded).toString('latin1'));
    } catch {
      // Streams we cannot decode (images in DCT and the like) are checked raw above.
    }
  }
  // Strings written as UTF-16BE (metadata, outlines): read every other byte as well.
  texts.push(texts.map((t) => t.replace(/\u0000/g, '')).join('\n'));
  return texts;
}

interface Prepared extends PdfCheckValue {
  readonly normalised: string;
}

interface Matchers {
  readonly values: readonly Prepared[];
  readonly exact: Record<'true' | 'false', ValueMatcher>;
  readonly normalised: Record<'true' | 'false', ValueMatcher>;
}

function matchers(values: readonly Prepared[]): Matchers {
  const of = (cs: boolean, pick: (v: Prepared) => string) => compileValues(values.filter((v) => v.caseSensitive === cs).map(pick), cs);
  return {
    values,
    exact: { true: of(true, (v) => v.value), false: of(false, (v) => v.value) },
    normalised: { true: of(true, (v) => v.normalised), false: of(false, (v) => v.normalised) },
  };
}

/** Values occurring in `text` more often than allowed, as written and (for extracted text) normalised. */
function survivorsIn(text: string, m: Matchers, alsoNormalised: boolean): Set<number> {
  const out = new Set<number>();
  const normalisedText = alsoNormalised ? normalise(text).text : '';
  for (const caseSensitive of [true, false]) {
    const mine = m.values.filter((v) => v.caseSensitive === caseSensitive);
    if (mine.length === 0) continue;
    const cs = String(caseSensitive) as 'true' | 'false';
    const found = m.exact[cs].find(text);
    const foundNormalised = alsoNormalised ? m.normalised[cs].find(normalisedText) : undefined;
    for (const v of mine) {
      const n = found.get(valueKey(v.value, caseSensitive))?.length ?? 0;
      const k = foundNormalised?.get(valueKey(v.normalised, caseSensitive))?.length ?? 0;
      if (Math.max(n, k) > v.allowed) out.add(v.id);
    }
  }
  return out;
}

/**
 * Re-reads a written PDF by every channel (pdf.js text and metadata, the raw bytes, every decoded
 * stream) and returns the ids of the values still readable more often than allowed.
 */
export async function findPdfSurvivors(bytes: Uint8Array, values: readonly PdfCheckValue[]): Promise<number[]> {
  const checked: Prepared[] = values.filter((v) => v.value.trim().length >= 3).map((v) => ({ ...v, normalised: normalise(v.value).text }));
  const survivors = survivorsIn(await extractWithPdfJs(bytes), matchers(checked), true);
  // Raw channels, each on its own (a kept value may appear once in each): only values long enough
  // not to occur by chance in binary data.
  const long = matchers(checked.filter((v) => v.value.trim().length >= 5));
  for (const text of await rawTexts(bytes)) for (const id of survivorsIn(text, long, false)) survivors.add(id);
  return [...survivors].sort((a, b) => a - b);
}
