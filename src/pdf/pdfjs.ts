/**
 * pdf.js in Node (legacy build), loaded once. It runs its worker in-process: destroying one
 * document while another loads breaks the other ("Invalid page request"), so every use goes
 * through one queue.
 */
import { createRequire } from 'node:module';
import { dirname } from 'node:path';
import { gunzipSync, inflateRawSync, inflateSync } from 'node:zlib';

export type PdfJs = typeof import('pdfjs-dist/legacy/build/pdf.mjs');

let module: Promise<PdfJs> | undefined;

// pdf.js decodes JPEG 2000 and JBIG2 with WebAssembly modules it reads from this folder (a local
// path: pdf.js in Node reads it from disk, never from the network).
const WASM_FOLDER = `${dirname(createRequire(import.meta.url).resolve('pdfjs-dist/package.json'))}/wasm/`;
let queue: Promise<unknown> = Promise.resolve();

/*
 * The legacy build (and its in-process worker, loaded at the first document) bundles core-js,
 * which on Node 20's V8 replaces Array.prototype.push and JSON.parse process-wide with JavaScript
 * versions that differ from the native ones only for arrays of 2^32 elements and JSON.parse's
 * source-text callback argument. Both are hot in this library and in its host: the native ones,
 * captured before pdf.js is first loaded, are put back after every load.
 */
const nativePush = Array.prototype.push;
const nativeJsonParse = JSON.parse;

/** Puts back the built-ins pdf.js's bundled polyfills replace; called after each pdf.js load. */
export function restoreNativeBuiltins(): void {
  if (Array.prototype.push !== nativePush) Object.defineProperty(Array.prototype, 'push', { value: nativePush, writable: true, configurable: true, enumerable: false });
  if (JSON.parse !== nativeJsonParse) Object.defineProperty(JSON, 'parse', { value: nativeJsonParse, writable: true, configurable: true, enumerable: false });
}

export function pdfjs(): Promise<PdfJs> {
  module ??= import('pdfjs-dist/legacy/build/pdf.mjs').then((m) => {
    restoreNativeBuiltins();
    return m;
  });
  return module;
}

/**
 * A DecompressionStream that inflates what was written in one go when the writer closes. pdf.js
 * inflates every Flate stream (content, fonts) through the global DecompressionStream, which in
 * Node pushes each through web streams and zlib's thread pool: that was a quarter of reading a
 * 29-page document's text. Installed only while a pdf.js document is open; it is a complete
 * DecompressionStream for its formats (output all at once), so other code running meanwhile
 * gets the same bytes. Data that does not inflate errors the stream, as the native one does, and
 * pdf.js then decodes with its own inflater.
 */
class BufferedDecompressionStream {
  readonly readable: ReadableStream<Uint8Array>;
  readonly writable: WritableStream<Uint8Array>;

  constructor(format: string) {
    const inflate = format === 'deflate' ? inflateSync : format === 'deflate-raw' ? inflateRawSync : format === 'gzip' ? gunzipSync : undefined;
    if (!inflate) throw new TypeError(`DecompressionStream: unsupported format "${format}"`);
    const chunks: Uint8Array[] = [];
    const stream = new TransformStream<Uint8Array, Uint8Array>({
      transform: (chunk) => {
        chunks.push(chunk);
      },
      flush: (controller) => {
        const out = inflate(Buffer.concat(chunks));
        controller.enqueue(new Uint8Array(out.buffer, out.byteOffset, out.length));
      },
    });
    this.readable = stream.readable;
    this.writable = stream.writable;
  }
}

type WithDecompression = { DecompressionStream?: unknown };

/** Runs `f` with a pdf.js document of `bytes`, one document at a time, destroying it afterwards. */
export function withPdfJsDocument<T>(bytes: Uint8Array, f: (doc: import('pdfjs-dist/legacy/build/pdf.mjs').PDFDocumentProxy, lib: PdfJs) => Promise<T>): Promise<T> {
  const run = queue.then(async () => {
    const global = globalThis as WithDecompression;
    const had = 'DecompressionStream' in global;
    const native = global.DecompressionStream;
    global.DecompressionStream = BufferedDecompressionStream;
    try {
      return await withDocument(bytes, f);
    } finally {
      // A batch worker thread deletes the native one (cli/worker.ts): it stays deleted.
      if (had) global.DecompressionStream = native;
      else Reflect.deleteProperty(global, 'DecompressionStream');
    }
  });
  queue = run.catch(() => undefined);
  return run;
}

/*
 * One in-process worker for every document (they take turns: the queue above). A worker per
 * document set up pdf.js's message handlers anew each time, and once a collection freed the last
 * document's, V8 threw away the optimised code that had been specialised on them and compiled it
 * again for the next file: in a batch that recompiling (on V8's background threads, counted in
 * the process's CPU) was a third of woo-22's CPU three files in.
 */
let worker: InstanceType<PdfJs['PDFWorker']> | undefined;

async function withDocument<T>(bytes: Uint8Array, f: (doc: import('pdfjs-dist/legacy/build/pdf.mjs').PDFDocumentProxy, lib: PdfJs) => Promise<T>): Promise<T> {
  const lib = await pdfjs();
  if (!worker || worker.destroyed) worker = new lib.PDFWorker({ verbosity: 0 });
  const task = lib.getDocument({ worker, data: new Uint8Array(bytes), useSystemFonts: false, disableFontFace: true, isEvalSupported: false, verbosity: 0, wasmUrl: WASM_FOLDER });
  try {
    const doc = await task.promise;
    // The fake worker is imported with the first document and brings its own polyfills.
    restoreNativeBuiltins();
    return await f(doc, lib);
  } finally {
    restoreNativeBuiltins();
    // The document's half of the worker goes; the shared worker stays for the next.
    await task.destroy();
  }
}

/** A decoded image as pdf.js gives it: kind 1 = 1-bit grey, 2 = RGB, 3 = RGBA. */
export interface PdfJsImage {
  readonly width: number;
  readonly height: number;
  readonly kind: number;
  readonly data: Uint8Array | Uint8ClampedArray;
  readonly ref?: string;
}

/**
 * pdf.js's images of one page by object reference ("12R"), decoded on the page's own terms, and
 * its stencil masks (a JBIG2 or CCITT scan is often one) in drawing order: pdf.js gives them
 * without their reference, as 1-bit samples with 0 where the mask paints.
 */
/** A page's decoded images by reference, and its stencil masks in drawing order. */
export interface PageImages {
  readonly images: Map<string, PdfJsImage>;
  readonly masks: PdfJsImage[];
}

export async function decodedImages(doc: import('pdfjs-dist/legacy/build/pdf.mjs').PDFDocumentProxy, lib: PdfJs, pageIndex: number): Promise<PageImages> {
  const page = await doc.getPage(pageIndex + 1);
  const ops = await page.getOperatorList();
  const images = new Map<string, PdfJsImage>();
  const masks: PdfJsImage[] = [];
  for (let i = 0; i < ops.fnArray.length; i++) {
    if (ops.fnArray[i] === lib.OPS.paintImageMaskXObject) {
      // The samples are in the page's objects under the id given as `data` (or inline, in older builds).
      const mask = (ops.argsArray[i] as unknown[])[0] as { data?: Uint8Array | string; width: number; height: number } | undefined;
      const data = typeof mask?.data === 'string' ? ((await fromStore(page, mask.data)) as { data?: Uint8Array } | null)?.data : mask?.data;
      if (mask && data) masks.push({ width: mask.width, height: mask.height, kind: 1, data });
      continue;
    }
    if (ops.fnArray[i] !== lib.OPS.paintImageXObject) continue;
    const image = (await fromStore(page, (ops.argsArray[i] as unknown[])[0] as string)) as PdfJsImage | null;
    if (image?.ref && image.data) images.set(image.ref, image);
  }
  return { images, masks };
}

/** What decodedImages gives for a page, through a document of its own (CCITT, LZW, JBIG2, JPX, indexed and 1-bit images). */
export function pageImagesWithPdfJs(bytes: Uint8Array, pageIndex: number): Promise<PageImages> {
  return withPdfJsDocument(bytes, (doc, lib) => decodedImages(doc, lib, pageIndex));
}

/** An object pdf.js resolved for a page ("g_" ids live in the document's common objects). */
function fromStore(page: import('pdfjs-dist/legacy/build/pdf.mjs').PDFPageProxy, id: string): Promise<unknown> {
  const store = id.startsWith('g_') ? page.commonObjs : page.objs;
  return new Promise((resolve) => {
    try {
      store.get(id, (value: unknown) => resolve(value));
    } catch {
      resolve(null);
    }
  });
}
