/**
 * Text drawn where the glyph reader does not look: in a tiling pattern's cell (text used as a fill)
 * and in a soft mask's group (text as a transparency mask). Other readers show it (MuPDF reads a
 * pattern's text, poppler a soft mask's), woo-redact neither finds names in it nor removes it, so
 * the pages that hold such text are named in a warning for a person to check (a sweep of synthetic
 * files found names in both left readable).
 */
import { PDFDict, PDFName, PDFStream, type PDFContext } from 'pdf-lib';
import { parseContentStream } from '../pdf/content-stream.js';
import { dictOf, resolve, streamBytes } from '../pdf/objects.js';

const SHOWS_TEXT = new Set(['Tj', 'TJ', "'", '"']);
const MAX_DEPTH = 8;

/** Whether a stream's content shows text, or a form, pattern or mask in its own resources does. */
function streamShowsText(context: PDFContext, stream: PDFStream, seen: Set<PDFStream>, depth: number): boolean {
  if (seen.has(stream) || depth > MAX_DEPTH) return false;
  seen.add(stream);
  try {
    if (parseContentStream(streamBytes(stream)).some((op) => SHOWS_TEXT.has(op.operator))) return true;
  } catch {
    // What cannot be decoded cannot be said to hold no text.
    return true;
  }
  const resources = dictOf(context, stream.dict.get(PDFName.of('Resources')));
  if (!resources) return false;
  const forms = dictOf(context, resources.get(PDFName.of('XObject')));
  for (const [, v] of forms?.entries() ?? []) {
    const form = resolve(context, v);
    if (form instanceof PDFStream && String(form.dict.get(PDFName.of('Subtype'))) === '/Form' && streamShowsText(context, form, seen, depth + 1)) return true;
  }
  return hideText(context, resources, seen, depth + 1);
}

/** Per resources dictionary, the answer: pages and forms share one (every page of a Word export). */
const answered = new WeakMap<PDFDict, boolean>();

/**
 * Whether a content stream's resources hold text the reader does not read: a tiling pattern whose
 * cell shows text, or a graphics state whose soft mask's group does.
 */
export function resourcesHideText(context: PDFContext, resources: PDFDict | undefined): boolean {
  if (!resources) return false;
  let hides = answered.get(resources);
  if (hides === undefined) answered.set(resources, (hides = hideText(context, resources, new Set(), 0)));
  return hides;
}

function hideText(context: PDFContext, resources: PDFDict, seen: Set<PDFStream>, depth: number): boolean {
  if (depth > MAX_DEPTH) return false;
  const patterns = dictOf(context, resources.get(PDFName.of('Pattern')));
  for (const [, v] of patterns?.entries() ?? []) {
    const pattern = resolve(context, v);
    if (pattern instanceof PDFStream && streamShowsText(context, pattern, seen, depth)) return true;
  }
  const states = dictOf(context, resources.get(PDFName.of('ExtGState')));
  for (const [, v] of states?.entries() ?? []) {
    const mask = dictOf(context, dictOf(context, v)?.get(PDFName.of('SMask')));
    const group = resolve(context, mask?.get(PDFName.of('G')));
    if (group instanceof PDFStream && streamShowsText(context, group, seen, depth)) return true;
  }
  return false;
}
