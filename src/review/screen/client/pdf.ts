/**
 * pdf.js in a page opened from file://, where a worker cannot start from a file: it starts from a
 * blob: URL of the worker's code (shipped as a string), or, when that fails or `?pdfworker=main`
 * asks for it, runs on the main thread (pdf.js's "fake worker", see pdf-worker.ts). The bytes come
 * from a data script, and only the pages shown are rendered (a cache holds a few).
 */
import { getDocument, type PageViewport, type PDFDocumentProxy, PDFWorker } from 'pdfjs-dist';
import { ASSETS_DIR, PDF_WASM_GLOBAL, PDF_WASM_SCRIPT, PDF_WORKER_SCRIPT, PDF_WORKER_SOURCE, PDF_WORKER_SOURCE_GLOBAL } from '../names.js';
import { base64Bytes, loadPdfBytes, loadScript } from './load.js';

/**
 * pdf.js's WebAssembly decoders (a JPEG 2000 scan needs OpenJPEG), which it would fetch: pdf.js asks
 * the page for them (useWorkerFetch: false), and they come from a script loaded the first time.
 */
class EmbeddedWasm {
  constructor(_options: { baseUrl?: string | null }) {}

  async fetch({ filename }: { filename: string }): Promise<Uint8Array> {
    await loadScript(`${ASSETS_DIR}/${PDF_WASM_SCRIPT}`);
    const b64 = (window as unknown as Record<string, Record<string, string> | undefined>)[PDF_WASM_GLOBAL]?.[filename];
    if (!b64) throw new Error(`${filename} ontbreekt in ${PDF_WASM_SCRIPT}`);
    return base64Bytes(b64);
  }
}

export type WorkerMode = 'worker' | 'main';

/** The worker's first message ("ready"), or its failure, within a few seconds. */
function started(port: Worker): Promise<boolean> {
  return new Promise((resolve) => {
    const done = (ok: boolean) => {
      port.removeEventListener('message', onMessage);
      port.removeEventListener('error', onError);
      clearTimeout(timer);
      resolve(ok);
    };
    const onMessage = () => done(true);
    const onError = () => done(false);
    const timer = setTimeout(() => done(false), 5_000);
    port.addEventListener('message', onMessage);
    port.addEventListener('error', onError);
  });
}

async function startWorker(): Promise<{ worker: PDFWorker; mode: WorkerMode }> {
  if (new URLSearchParams(location.search).get('pdfworker') !== 'main') {
    try {
      await loadScript(`${ASSETS_DIR}/${PDF_WORKER_SOURCE}`);
      const source = (window as unknown as Record<string, string | undefined>)[PDF_WORKER_SOURCE_GLOBAL];
      if (source) {
        const port = new Worker(URL.createObjectURL(new Blob([source], { type: 'text/javascript' })));
        if (await started(port)) return { worker: new PDFWorker({ port: port as unknown as null }), mode: 'worker' }; // typed as null, takes a Worker
        port.terminate();
      }
    } catch {
      // Below: the main thread.
    }
  }
  await loadScript(`${ASSETS_DIR}/${PDF_WORKER_SCRIPT}`);
  return { worker: new PDFWorker(), mode: 'main' };
}

let shared: Promise<{ worker: PDFWorker; mode: WorkerMode }> | undefined;
/** One worker for every PDF of the dossier (given to getDocument, so closing a PDF keeps it). */
export function pdfWorker(): Promise<{ worker: PDFWorker; mode: WorkerMode }> {
  shared ??= startWorker();
  return shared;
}

export interface RenderedPage {
  readonly page: number;
  readonly canvas: HTMLCanvasElement;
  readonly viewport: PageViewport;
  readonly ms: number;
}

export class PdfView {
  private readonly rendered = new Map<string, Promise<RenderedPage>>();

  private constructor(readonly pdf: PDFDocumentProxy) {}

  static async open(file: string): Promise<PdfView> {
    const [{ worker }, data] = await Promise.all([pdfWorker(), loadPdfBytes(file)]);
    // No eval (the page's CSP forbids it) and nothing fetched: fonts a PDF does not embed are
    // drawn with the system's fonts.
    const pdf = await getDocument({
      data,
      worker,
      isEvalSupported: false,
      useSystemFonts: true,
      disableAutoFetch: true,
      disableStream: true,
      disableRange: true,
      useWorkerFetch: false,
      wasmUrl: 'embedded/',
      WasmFactory: EmbeddedWasm,
    }).promise;
    return new PdfView(pdf);
  }

  get pages(): number {
    return this.pdf.numPages;
  }

  /** The page at CSS width `width`, rendered once per width. */
  render(pageNumber: number, width: number): Promise<RenderedPage> {
    const key = `${pageNumber}@${Math.round(width)}`;
    let p = this.rendered.get(key);
    if (!p) {
      p = this.draw(pageNumber, width);
      this.rendered.set(key, p);
      p.catch(() => this.rendered.delete(key));
      // A few pages stay ready; the rest go (a 1,000-page dossier must not hold 1,000 canvases).
      while (this.rendered.size > 4) {
        const oldest = this.rendered.keys().next().value as string;
        this.rendered.delete(oldest);
      }
    }
    return p;
  }

  private async draw(pageNumber: number, width: number): Promise<RenderedPage> {
    const t0 = performance.now();
    const page = await this.pdf.getPage(pageNumber);
    const base = page.getViewport({ scale: 1 });
    const viewport = page.getViewport({ scale: width / base.width });
    const ratio = Math.min(window.devicePixelRatio || 1, 2);
    const canvas = document.createElement('canvas');
    canvas.width = Math.floor(viewport.width * ratio);
    canvas.height = Math.floor(viewport.height * ratio);
    canvas.style.width = `${Math.floor(viewport.width)}px`;
    canvas.style.height = `${Math.floor(viewport.height)}px`;
    const context = canvas.getContext('2d');
    if (!context) throw new Error('canvas zonder 2d-context');
    await page.render({ canvas, canvasContext: context, viewport, ...(ratio !== 1 ? { transform: [ratio, 0, 0, ratio, 0, 0] } : {}) }).promise;
    page.cleanup();
    return { page: pageNumber, canvas, viewport, ms: performance.now() - t0 };
  }

  destroy(): void {
    this.rendered.clear();
    void this.pdf.destroy();
  }
}

/** A box in PDF user space (origin bottom-left) as CSS pixels on the rendered page. */
export function toScreen(viewport: PageViewport, b: { x: number; y: number; width: number; height: number }): { left: number; top: number; width: number; height: number } {
  const [x1, y1, x2, y2] = viewport.convertToViewportRectangle([b.x, b.y, b.x + b.width, b.y + b.height]) as [number, number, number, number];
  return { left: Math.min(x1, x2), top: Math.min(y1, y2), width: Math.abs(x2 - x1), height: Math.abs(y2 - y1) };
}

/** A rectangle drawn on the page (CSS pixels) back in PDF user space, rounded to 0.01 pt. */
export function toPdf(viewport: PageViewport, r: { left: number; top: number; width: number; height: number }): { x: number; y: number; width: number; height: number } {
  const [ax, ay] = viewport.convertToPdfPoint(r.left, r.top) as [number, number];
  const [bx, by] = viewport.convertToPdfPoint(r.left + r.width, r.top + r.height) as [number, number];
  const round = (n: number) => Math.round(n * 100) / 100;
  return { x: round(Math.min(ax, bx)), y: round(Math.min(ay, by)), width: round(Math.abs(bx - ax)), height: round(Math.abs(by - ay)) };
}
