/**
 * pdf.js in Node (legacy build), loaded once. It runs its worker in-process: destroying one
 * document while another loads breaks the other ("Invalid page request"), so every use goes
 * through one queue.
 */
import { createRequire } from 'node:module';
import { dirname } from 'node:path';

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

/** Runs `f` with a pdf.js document of `bytes`, one document at a time, destroying it afterwards. */
export function withPdfJsDocument<T>(bytes: Uint8Array, f: (doc: import('pdfjs-dist/legacy/build/pdf.mjs').PDFDocumentProxy, lib: PdfJs) => Promise<T>): Promise<T> {
  const run = queue.then(async () => {
    const lib = await pdfjs();
    const task = lib.getDocument({ data: new Uint8Array(bytes), useSystemFonts: false, disableFontFace: true, isEvalSupported: false, verbosity: 0, wasmUrl: WASM_FOLDER });
    const doc = await task.promise;
    // The fake worker is imported with the first document and brings its own polyfills.
    restoreNativeBuiltins();
    try {
      return await f(doc, lib);
    } finally {
      await task.destroy();
    }
  });
  queue = run.catch(() => undefined);
  return run;
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
 * Decodes the images drawn on a page with pdf.js (CCITT, JBIG2, JPX, indexed and 1-bit images
 * included), keyed by their object reference ("12 0 R" as "12R").
 */
export function pageImagesWithPdfJs(bytes: Uint8Array, pageIndex: number): Promise<Map<string, PdfJsImage>> {
  return withPdfJsDocument(bytes, async (doc, lib) => {
    const page = await doc.getPage(pageIndex + 1);
    const ops = await page.getOperatorList();
    const images = new Map<string, PdfJsImage>();
    for (let i = 0; i < ops.fnArray.length; i++) {
      if (ops.fnArray[i] !== lib.OPS.paintImageXObject) continue;
      const id = (ops.argsArray[i] as unknown[])[0] as string;
      const store = id.startsWith('g_') ? page.commonObjs : page.objs;
      const image = await new Promise<PdfJsImage | null>((resolve) => {
        try {
          store.get(id, (img: PdfJsImage | null) => resolve(img));
        } catch {
          resolve(null);
        }
      });
      if (image?.ref && image.data) images.set(image.ref, image);
    }
    return images;
  });
}
