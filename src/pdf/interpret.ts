import { PDFArray, PDFDict, PDFName, PDFRef, PDFStream, type PDFContext, type PDFPage } from 'pdf-lib';
import { ContentStreamError, type Operand, type Operation, parseContentStream } from './content-stream.js';
import { loadFont, type PdfFont } from './fonts.js';
import { type Matrix, IDENTITY, multiply, transformPoint, translate } from './matrix.js';
import { dictOf, get, nameText, numbers, resolve, streamBytes } from './objects.js';
import type { GlyphTable } from './glyph-table.js';

/** Where a glyph's bytes live: a page's content, or a form XObject drawn on that page. */
export interface StreamTarget {
  /** "page" or the path of form names from the page ("Fm1/Fm2"). */
  readonly id: string;
  readonly ops: Operation[];
  /** The form's stream object (undefined for page content). */
  readonly form?: { readonly ref: PDFRef | undefined; readonly stream: PDFStream; readonly parent: StreamTarget; readonly name: string };
  readonly resources: PDFDict | undefined;
  /** Drops the parsed operations where they can be parsed again from the stream. */
  release?(): void;
}

type TargetFields = Omit<StreamTarget, 'ops' | 'release'>;

/**
 * A stream target whose operations can be dropped once its glyphs are read and parsed again from
 * the same stream objects when a rewrite needs them (the parse is deterministic, so glyphs' op
 * indices still point at the same operations). A long document keeps no operations for the pages
 * it does not change: they were a hundred kilobytes a page.
 */
class ReleasableTarget implements StreamTarget {
  readonly id: string;
  readonly form?: StreamTarget['form'];
  readonly resources: PDFDict | undefined;
  #ops: Operation[] | undefined;
  readonly #parse: () => Operation[];

  constructor(fields: TargetFields, parse: () => Operation[]) {
    this.id = fields.id;
    if (fields.form) this.form = fields.form;
    this.resources = fields.resources;
    this.#parse = parse;
  }

  get ops(): Operation[] {
    this.#ops ??= this.#parse();
    return this.#ops;
  }

  release(): void {
    this.#ops = undefined;
  }
}

/** Decoded bytes of form streams whose operations FormOperations holds at most. */
const MAX_HELD_FORM_BYTES = 2 * 1024 * 1024;

/**
 * The parsed operations of form XObjects while a document is read: a form drawn on many pages (a
 * letterhead, a logo drawn as paths) is parsed once instead of once per drawing (woo-22: one 76 KB
 * form on 19 of its 29 pages was 58% of the bytes parsed). Only reading shares them (nothing
 * changes operations then); after close() every parse is the caller's own again, as a rewrite
 * edits its target's operations. Bounded by the forms' decoded bytes, least recently drawn
 * dropped first.
 */
export class FormOperations {
  readonly #held = new Map<PDFStream, { readonly ops: Operation[]; readonly size: number }>();
  #bytes = 0;
  #closed = false;

  /** One that shares nothing: every parse is its caller's own. */
  static unshared(): FormOperations {
    const forms = new FormOperations();
    forms.close();
    return forms;
  }

  get(stream: PDFStream, source: () => Uint8Array): Operation[] {
    const known = this.#held.get(stream);
    if (known) {
      this.#held.delete(stream);
      this.#held.set(stream, known);
      return known.ops;
    }
    const bytes = source();
    const ops = parseContentStream(bytes);
    if (this.#closed || bytes.length > MAX_HELD_FORM_BYTES) return ops;
    this.#held.set(stream, { ops, size: bytes.length });
    this.#bytes += bytes.length;
    for (const [key, entry] of this.#held) {
      if (this.#bytes <= MAX_HELD_FORM_BYTES) break;
      this.#held.delete(key);
      this.#bytes -= entry.size;
    }
    return ops;
  }

  /** Reading is done: the held operations go, and later parses are not shared. */
  close(): void {
    this.#held.clear();
    this.#bytes = 0;
    this.#closed = true;
  }
}

export type Quad = readonly [number, number, number, number, number, number, number, number];

/** An image or other content drawn on a page, with the quad it covers. */
export interface ImagePlacement {
  readonly pageIndex: number;
  readonly target: StreamTarget;
  readonly opIndex: number;
  readonly name: string;
  readonly quad: Quad;
  readonly inline: boolean;
}

export class UnsupportedContentError extends Error {}

/** Fonts read from a document, keyed by their (resolved) font dictionary. */
export type FontCache = WeakMap<PDFDict, PdfFont>;

interface TextState {
  charSpacing: number;
  wordSpacing: number;
  scale: number;
  leading: number;
  font: PdfFont | undefined;
  fontSize: number;
  render: number;
  rise: number;
}

interface GraphicsState {
  ctm: Matrix;
  text: TextState;
}

const MAX_FORM_DEPTH = 12;

/** The operators that show strings; TJ's array holds them. */
const TEXT_OPERATORS = new Set(['Tj', 'TJ', "'", '"']);

function num(o: Operand | undefined): number {
  return o?.kind === 'number' ? o.value : 0;
}

/** Reads a page's content (and its forms) into glyphs with exact positions, and image placements. */
export class PageInterpreter {
  readonly images: ImagePlacement[] = [];
  readonly targets: ReleasableTarget[] = [];

  constructor(
    private readonly context: PDFContext,
    private readonly pageIndex: number,
    /** Where the glyphs go: one table for the whole document. */
    private readonly glyphs: GlyphTable,
    /** Fonts already read, by their dictionary: pages of a document share their fonts. */
    private readonly fonts: FontCache = new WeakMap(),
    /** Forms already parsed, shared by the pages of a document while it is read (none by default). */
    private readonly forms: FormOperations = FormOperations.unshared(),
  ) {}

  run(page: PDFPage): StreamTarget {
    const contents = resolve(this.context, page.node.get(PDFName.of('Contents')));
    const streams: PDFStream[] = [];
    if (contents instanceof PDFStream) streams.push(contents);
    else if (contents instanceof PDFArray) {
      for (const item of contents.asArray()) {
        const s = resolve(this.context, item);
        if (s instanceof PDFStream) streams.push(s);
      }
    }
    const resources = dictOf(this.context, page.node.Resources());
    const target = new ReleasableTarget({ id: 'page', resources }, () => parseContentStream(concatenated(streams.map((s) => streamBytes(s)))));
    this.targets.push(target);
    this.#walk(target, IDENTITY, 0);
    return target;
  }

  /** Drops the parsed operations of this page's streams (read again when they are rewritten). */
  releaseOperations(): void {
    for (const t of this.targets) t.release();
  }

  #font(resources: PDFDict | undefined, name: string): PdfFont {
    const fonts = dictOf(this.context, resources?.get(PDFName.of('Font')));
    const fontObj = fonts?.get(PDFName.of(name));
    const dict = dictOf(this.context, fontObj);
    const cached = dict && this.fonts.get(dict);
    if (cached) return cached;
    const font = loadFont(this.context, fontObj);
    if (dict) this.fonts.set(dict, font);
    return font;
  }

  #walk(target: StreamTarget, baseCtm: Matrix, depth: number): void {
    if (depth > MAX_FORM_DEPTH) throw new UnsupportedContentError('form XObjects are nested too deeply');
    const stack: GraphicsState[] = [];
    let gs: GraphicsState = {
      ctm: baseCtm,
      text: { charSpacing: 0, wordSpacing: 0, scale: 1, leading: 0, font: undefined, fontSize: 0, render: 0, rise: 0 },
    };
    let tm: Matrix = IDENTITY;
    let tlm: Matrix = IDENTITY;
    const ops = target.ops;
    for (let index = 0; index < ops.length; index++) {
      const op = ops[index] as Operation;
      const a = op.operands;
      // Text may sit only in the text-showing operators (and in marked-content property lists,
      // which the rewrite cleans). A string anywhere else means the stream is damaged (a broken
      // "<<" turns a property list into loose operands): other readers may take it for text
      // that no redaction would reach.
      if (!TEXT_OPERATORS.has(op.operator) && a.some(holdsString)) {
        throw new ContentStreamError('text outside any text operator');
      }
      switch (op.operator) {
        case 'q':
          stack.push({ ctm: gs.ctm, text: { ...gs.text } });
          break;
        case 'Q':
          gs = stack.pop() ?? gs;
          break;
        case 'cm':
          gs.ctm = multiply([num(a[0]), num(a[1]), num(a[2]), num(a[3]), num(a[4]), num(a[5])], gs.ctm);
          break;
        case 'BT':
          tm = IDENTITY;
          tlm = IDENTITY;
          break;
        case 'Tc':
          gs.text.charSpacing = num(a[0]);
          break;
        case 'Tw':
          gs.text.wordSpacing = num(a[0]);
          break;
        case 'Tz':
          gs.text.scale = num(a[0]) / 100;
          break;
        case 'TL':
          gs.text.leading = num(a[0]);
          break;
        case 'Tr':
          gs.text.render = num(a[0]);
          break;
        case 'Ts':
          gs.text.rise = num(a[0]);
          break;
        case 'Tf': {
          const name = a[0]?.kind === 'name' ? a[0].value : '';
          gs.text.font = this.#font(target.resources, name);
          gs.text.fontSize = num(a[1]);
          break;
        }
        case 'Td':
          tlm = translate(num(a[0]), num(a[1]), tlm);
          tm = tlm;
          break;
        case 'TD':
          gs.text.leading = -num(a[1]);
          tlm = translate(num(a[0]), num(a[1]), tlm);
          tm = tlm;
          break;
        case 'Tm':
          tlm = [num(a[0]), num(a[1]), num(a[2]), num(a[3]), num(a[4]), num(a[5])];
          tm = tlm;
          break;
        case 'T*':
          tlm = translate(0, -gs.text.leading, tlm);
          tm = tlm;
          break;
        case 'Tj':
          tm = this.#show(target, index, 0, a[0], gs, tm);
          break;
        case "'":
          tlm = translate(0, -gs.text.leading, tlm);
          tm = this.#show(target, index, 0, a[0], gs, tlm);
          break;
        case '"':
          gs.text.wordSpacing = num(a[0]);
          gs.text.charSpacing = num(a[1]);
          tlm = translate(0, -gs.text.leading, tlm);
          tm = this.#show(target, index, 2, a[2], gs, tlm);
          break;
        case 'TJ': {
          const items = a[0]?.kind === 'array' ? a[0].items : [];
          items.forEach((item, k) => {
            if (item.kind === 'number') {
              const tx = (-item.value / 1000) * gs.text.fontSize * gs.text.scale;
              tm = translate(tx, 0, tm);
            } else if (item.kind === 'string') tm = this.#show(target, index, k, item, gs, tm);
          });
          break;
        }
        case 'Do': {
          const name = a[0]?.kind === 'name' ? a[0].value : '';
          this.#doXObject(target, index, name, gs.ctm, depth);
          break;
        }
        case 'BI':
          this.images.push({ pageIndex: this.pageIndex, target, opIndex: index, name: 'inline', quad: unitSquare(gs.ctm), inline: true });
          break;
        default:
          break;
      }
    }
  }

  #doXObject(target: StreamTarget, opIndex: number, name: string, ctm: Matrix, depth: number): void {
    const xobjects = dictOf(this.context, target.resources?.get(PDFName.of('XObject')));
    const raw = xobjects?.get(PDFName.of(name));
    const stream = resolve(this.context, raw);
    if (!(stream instanceof PDFStream)) return;
    const subtype = get(this.context, stream.dict, 'Subtype');
    const kind = subtype instanceof PDFName ? nameText(subtype) : '';
    if (kind === 'Image') {
      this.images.push({ pageIndex: this.pageIndex, target, opIndex, name, quad: unitSquare(ctm), inline: false });
      return;
    }
    if (kind !== 'Form') return;
    const m = numbers(this.context, (get(this.context, stream.dict, 'Matrix') as PDFArray | undefined)?.asArray());
    const formMatrix: Matrix = m.length === 6 ? (m as unknown as Matrix) : IDENTITY;
    const resources = dictOf(this.context, stream.dict.get(PDFName.of('Resources'))) ?? target.resources;
    const form = new ReleasableTarget({ id: `${target.id}/${name}`, form: { ref: raw instanceof PDFRef ? raw : undefined, stream, parent: target, name }, resources }, () => this.forms.get(stream, () => streamBytes(stream)));
    this.targets.push(form);
    this.#walk(form, multiply(formMatrix, ctm), depth + 1);
  }

  #show(target: StreamTarget, opIndex: number, itemIndex: number, operand: Operand | undefined, gs: GraphicsState, start: Matrix): Matrix {
    if (operand?.kind !== 'string') return start;
    const font = gs.text.font;
    if (!font) throw new UnsupportedContentError('text is shown before a font is set');
    if (font.vertical) throw new UnsupportedContentError('vertical writing is not supported');
    const t = gs.text;
    const bytes = operand.bytes;
    // Trm = [fontSize*scale 0 0 fontSize 0 rise] x Tm x CTM. Within one string only Tm's
    // translation moves (by each advance along Tm's x axis), so Trm is computed once and each
    // glyph's origin is that of the string plus the advance so far along (ux, uy): no matrix
    // per glyph, millions of glyphs.
    const trm = multiply(multiply([t.fontSize * t.scale, 0, 0, t.fontSize, 0, t.rise], start), gs.ctm);
    const a = trm[0], bb = trm[1], c = trm[2], d = trm[3];
    const ux = start[0] * gs.ctm[0] + start[1] * gs.ctm[2];
    const uy = start[0] * gs.ctm[1] + start[1] * gs.ctm[3];
    const height = Math.hypot(c, d);
    const invisible = t.render === 3 || t.render === 7;
    let moved = 0;
    for (let b = 0; b < bytes.length; ) {
      const length = font.codeLength(bytes, b);
      if (b + length > bytes.length) break;
      let code = 0;
      for (let k = 0; k < length; k++) code = (code << 8) | (bytes[b + k] as number);
      const w0 = font.width(code);
      // Word spacing applies to the single-byte code 32 only (also in a CMap with 1-byte codes).
      const isSpace = length === 1 && code === 32;
      const advance = w0 * t.fontSize + t.charSpacing + (isSpace ? t.wordSpacing : 0);
      const e = trm[4] + moved * ux;
      const f = trm[5] + moved * uy;
      // The glyph box (advance x em, 0.2 em below the baseline) and baseline, written straight
      // into the table.
      const w = w0;
      const xs0 = -0.2 * c + e;
      const ys0 = -0.2 * d + f;
      const xs1 = a * w - 0.2 * c + e;
      const ys1 = bb * w - 0.2 * d + f;
      const xs2 = a * w + 0.8 * c + e;
      const ys2 = bb * w + 0.8 * d + f;
      const xs3 = 0.8 * c + e;
      const ys3 = 0.8 * d + f;
      this.glyphs.pushRaw(
        this.pageIndex,
        target,
        opIndex,
        itemIndex,
        b,
        b + length,
        font.unicode(code),
        Math.min(xs0, xs1, xs2, xs3),
        Math.min(ys0, ys1, ys2, ys3),
        Math.max(xs0, xs1, xs2, xs3),
        Math.max(ys0, ys1, ys2, ys3),
        e,
        f,
        a * w + e,
        bb * w + f,
        height,
        t.fontSize === 0 ? Number.NaN : -((advance * 1000) / t.fontSize),
        invisible,
      );
      moved += advance * t.scale;
      b += length;
    }
    return translate(moved, 0, start);
  }
}

/** Whether an operand is a string or an array with one inside (at any depth). */
function holdsString(o: Operand): boolean {
  return o.kind === 'string' || (o.kind === 'array' && o.items.some(holdsString));
}

/** A page's content streams as one, a newline between them (a token may not span two streams). */
function concatenated(chunks: readonly Uint8Array[]): Uint8Array {
  const bytes = new Uint8Array(chunks.reduce((n, c) => n + c.length + 1, 0));
  let at = 0;
  for (const c of chunks) {
    bytes.set(c, at);
    at += c.length;
    bytes[at++] = 0x0a;
  }
  return bytes;
}

function unitSquare(ctm: Matrix): Quad {
  return [...transformPoint(ctm, 0, 0), ...transformPoint(ctm, 1, 0), ...transformPoint(ctm, 1, 1), ...transformPoint(ctm, 0, 1)] as unknown as Quad;
}

export function quadBounds(q: Quad): { x0: number; y0: number; x1: number; y1: number } {
  const xs = [q[0], q[2], q[4], q[6]];
  const ys = [q[1], q[3], q[5], q[7]];
  return { x0: Math.min(...xs), y0: Math.min(...ys), x1: Math.max(...xs), y1: Math.max(...ys) };
}
