/**
 * The OCR engine: tesseract.js (Tesseract 5 compiled to WebAssembly) with its language data read
 * from node_modules (`@tesseract.js-data/<lang>`), never from the network: the core is required
 * from tesseract.js-core, the model is read from a local folder, and its cache is off (nothing is
 * written next to the working folder).
 *
 * One engine per language per thread, kept while files come in: starting one costs about a CPU
 * second per file (half a second to start, and its first page runs slower while V8 compiles the
 * WebAssembly again for the new thread). In the main thread its thread is unreferenced while it
 * is idle, so a process that used it still exits by itself, and it is shut down after 30 s idle
 * (it holds 100-180 MB); where its thread cannot be unreferenced, after 1.5 s.
 */
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import { existsSync } from 'node:fs';
import { isMainThread, type TransferListItem, Worker as ThreadWorker } from 'node:worker_threads';
import type { Bbox, Block, Worker } from 'tesseract.js';
import { WooRedactError } from '../errors.js';

export class OcrError extends WooRedactError {}

/** A grey image, one byte a pixel, rows top to bottom. */
export interface GreyImage {
  readonly width: number;
  readonly height: number;
  readonly pixels: Uint8Array;
}

export interface OcrWord {
  readonly text: string;
  readonly confidence: number;
  readonly bbox: Bbox;
  /** Each character's box (Tesseract's symbols), in the word's reading order. */
  readonly symbols: readonly { readonly text: string; readonly bbox: Bbox }[];
}

export interface OcrLine {
  readonly bbox: Bbox;
  /** The baseline from (x0, y0) to (x1, y1), in image pixels. */
  readonly baseline: Bbox;
  readonly words: readonly OcrWord[];
}

export const DEFAULT_OCR_LANGUAGE = 'nld';

/** Idle time after which an engine is shut down: its memory; with a referenced thread, the process's exit. */
const IDLE_MS = 30_000;
const IDLE_MS_REFERENCED = 1500;

const require = createRequire(import.meta.url);
const LANGUAGE = /^[a-z]{3}(_[a-z]+)?$/;

/** The folder holding `<lang>.traineddata.gz` of an installed `@tesseract.js-data/<lang>` package. */
function languageFolder(lang: string): string | undefined {
  if (!LANGUAGE.test(lang)) return undefined;
  let root: string;
  try {
    root = dirname(require.resolve(`@tesseract.js-data/${lang}/package.json`));
  } catch {
    return undefined;
  }
  // LSTM-only models ("best" quality as integers): smaller and faster to load than the legacy ones.
  const folder = join(root, '4.0.0_best_int');
  return existsSync(join(folder, `${lang}.traineddata.gz`)) ? folder : undefined;
}

/**
 * Checks an OCR language ("nld", "eng", "deu", ...): its model must be installed from npm. Throws a
 * clear error naming the package to install.
 */
export function assertOcrLanguage(lang: string): void {
  if (!languageFolder(lang)) {
    throw new OcrError(
      'CONFIG_INVALID',
      `OCR language "${/^[\w+-]{1,24}$/.test(lang) ? lang : '?'}" is not installed: install its model with \`npm install @tesseract.js-data/${LANGUAGE.test(lang) ? lang : '<code>'}\` (Tesseract's three-letter codes, e.g. nld, eng, deu, fra; one language at a time), or turn OCR off (--no-ocr)`,
    );
  }
}

/** The engine's own thread, to reference only while it works. */
type Thread = Pick<ThreadWorker, 'ref' | 'unref'>;

interface Engine {
  readonly worker: Promise<{ worker: Worker; thread: Thread | undefined }>;
  busy: number;
  /** The last job: jobs run one after the other (a job's parameters must not change under it). */
  last: Promise<unknown>;
  /** The parameters the engine was last given (set again only when they change). */
  parameters: string;
}

const engines = new Map<string, Engine>();
let idleTimer: ReturnType<typeof setTimeout> | undefined;

async function startEngine(lang: string): Promise<{ worker: Worker; thread: Thread | undefined }> {
  assertOcrLanguage(lang);
  const { createWorker, OEM } = await import('tesseract.js');
  // tesseract.js keeps its thread to itself: it is caught as tesseract.js subscribes to its
  // messages, which createWorker does synchronously (no other code runs while \`on\` is wrapped).
  let thread: Thread | undefined;
  const proto = ThreadWorker.prototype as unknown as { on: (this: ThreadWorker, ...args: unknown[]) => unknown };
  const inherited = proto.on;
  proto.on = function (this: ThreadWorker, ...args: unknown[]) {
    if (args[0] === 'message') thread ??= this;
    return inherited.apply(this, args);
  };
  let started: Promise<Worker>;
  try {
    started = createWorker(lang, OEM.LSTM_ONLY, { langPath: languageFolder(lang) as string, cacheMethod: 'none', gzip: true, logger: () => {}, errorHandler: () => {} });
  } finally {
    Reflect.deleteProperty(proto, 'on');
    if (proto.on !== inherited) proto.on = inherited;
  }
  if (thread) transferPageImages(thread as ThreadWorker);
  return { worker: await started, thread };
}

/**
 * A page image goes to the engine's thread moved, not copied: tesseract.js posts its jobs without
 * a transfer list, so each page's 9 MB (300 dpi) was cloned into the engine's thread while the
 * sender's copy waited for garbage collection. Only a recognition's image is moved, and only an
 * ArrayBuffer that nothing else views (recognizeNow hands over a buffer of its own).
 */
function transferPageImages(thread: ThreadWorker): void {
  const post = thread.postMessage.bind(thread);
  thread.postMessage = (message: unknown, transfer?: readonly TransferListItem[]) => {
    const image = (message as { action?: string; payload?: { image?: unknown } } | null)?.payload?.image;
    const own = (message as { action?: string } | null)?.action === 'recognize' && image instanceof Uint8Array && image.byteOffset === 0 && image.byteLength === image.buffer.byteLength && image.buffer instanceof ArrayBuffer;
    post(message, own ? [...(transfer ?? []), image.buffer as ArrayBuffer] : transfer);
  };
}

function engineFor(setting: string): Engine {
  let engine = engines.get(setting);
  if (!engine) {
    engine = { worker: startEngine(setting), busy: 0, last: Promise.resolve(), parameters: '' };
    engines.set(setting, engine);
    // A failed start is not kept: the next file tries again (and fails with the same clear error).
    engine.worker.catch(() => engines.delete(setting));
  }
  return engine;
}

function scheduleIdleShutdown(referenced: boolean): void {
  // In a batch's worker thread the engine stays for the next scans (the pool ends the thread, and
  // the engine's thread with it); in the main thread it must not keep the process alive.
  if (!isMainThread) return;
  if (idleTimer) clearTimeout(idleTimer);
  idleTimer = setTimeout(
    () => {
      idleTimer = undefined;
      if ([...engines.values()].every((e) => e.busy === 0)) void closeOcr();
    },
    referenced ? IDLE_MS_REFERENCED : IDLE_MS,
  );
  idleTimer.unref();
}

/** Whether an OCR engine of this thread is running (started, or starting): it holds 100-180 MB. */
export function ocrEngineRunning(): boolean {
  return engines.size > 0;
}

/**
 * Starts this thread's engine for `lang` now, ahead of its first page, so that its start (about
 * 0.2 s, mostly on its own thread) overlaps what the caller still does before that page is ready.
 * Left unused, it is shut down as an idle engine is.
 */
export function startOcr(lang: string): void {
  const engine = engineFor(lang);
  engine.worker.then(
    ({ thread }) => {
      if (engine.busy > 0) return;
      thread?.unref();
      scheduleIdleShutdown(thread === undefined);
    },
    () => undefined,
  );
}

/** Resolves once this thread's engine for `lang` has started (at once when none is starting). */
export function ocrStarted(lang: string): Promise<void> {
  return engines.get(lang)?.worker.then(
    () => undefined,
    () => undefined,
  ) ?? Promise.resolve();
}

/**
 * Shuts down the engines of this thread that have no work (another file's recognition in this
 * thread is left alone); they start again when needed.
 */
export async function closeIdleOcr(): Promise<void> {
  const idle = [...engines].filter(([, e]) => e.busy === 0);
  for (const [setting] of idle) engines.delete(setting);
  await Promise.all(idle.map(([, e]) => e.worker.then(({ worker }) => worker.terminate()).catch(() => undefined)));
}

/** Shuts every OCR engine of this thread down (they start again when needed). */
export async function closeOcr(): Promise<void> {
  const all = [...engines.values()];
  engines.clear();
  await Promise.all(all.map((e) => e.worker.then(({ worker }) => worker.terminate()).catch(() => undefined)));
}

/**
 * Encodes a grey image in Leptonica's own serialised form ("spix": seven 32-bit little-endian
 * header words, then the raster as Leptonica holds it), which the engine reads with one copy; its
 * PGM reader takes a call per pixel (a tenth of a CPU second for a 300 dpi page). The raster is
 * rows of 32-bit words, padded, each holding four pixels from its most significant byte down: in
 * memory the bytes of each word are the pixels in reverse order.
 */
function spix(image: GreyImage): Uint8Array {
  const { width, height, pixels } = image;
  const wordsPerRow = Math.ceil(width / 4);
  const rowBytes = 4 * wordsPerRow;
  const out = new Uint8Array(28 + rowBytes * height);
  const head = new DataView(out.buffer);
  [0x78697073 /* "spix" */, width, height, 8, wordsPerRow, 0, rowBytes * height].forEach((v, k) => head.setUint32(4 * k, v, true));
  for (let y = 0; y < height; y++) out.set(pixels.subarray(y * width, (y + 1) * width), 28 + y * rowBytes);
  // Reversing the bytes of each word is the same on any host (28 keeps the words aligned).
  const words = new Uint32Array(out.buffer, 28, wordsPerRow * height);
  for (let i = 0; i < words.length; i++) {
    const v = words[i] as number;
    words[i] = (v >>> 24) | ((v >>> 8) & 0xff00) | ((v << 8) & 0xff0000) | (v << 24);
  }
  return out;
}

/**
 * How the engine finds text on a page: as one block of text (Tesseract's mode 6, the library's
 * default: faster than its automatic layout on a page of text), or as sparse text in any order
 * (mode 11: reads words between rules, dots and other marks where a block reads noise).
 */
export type OcrLayout = 'block' | 'sparse';

/** Recognises the text lines of an upright grey image, each word with its characters' boxes. */
export function recognizeLines(image: GreyImage, lang: string, dpi?: number, layout: OcrLayout = 'block'): Promise<OcrLine[]> {
  const engine = engineFor(lang);
  engine.busy++;
  const job = engine.last.then(() => recognizeNow(engine, image, dpi, layout));
  engine.last = job.catch(() => undefined);
  return job;
}

async function recognizeNow(engine: Engine, image: GreyImage, dpi: number | undefined, layout: OcrLayout): Promise<OcrLine[]> {
  let thread: Thread | undefined;
  try {
    const started = await engine.worker;
    const worker = started.worker;
    thread = started.thread;
    // Working, the engine's thread keeps the process alive (the result is awaited).
    thread?.ref();
    // Tesseract's own notes ("Image too small to scale!!" for a speck it took for a line) would
    // be printed into a batch's output: they go to its debug file, which is /dev/null.
    const parameters = { user_defined_dpi: String(Math.round(Math.min(1200, Math.max(70, dpi ?? 300)))), debug_file: '/dev/null', tessedit_pageseg_mode: layout === 'sparse' ? '11' : '6' };
    const key = JSON.stringify(parameters);
    // Not awaited before the recognition is posted: the engine's thread takes its messages in
    // order, and the answer would wait for this thread, which is busy decoding the next page.
    const set = key === engine.parameters ? undefined : worker.setParameters(parameters as never);
    engine.parameters = key;
    set?.catch(() => {
      engine.parameters = '';
    });
    // An ArrayBuffer, which tesseract.js views as it is (a Uint8Array it copies first).
    const result = await worker.recognize(spix(image).buffer as never, {}, { blocks: true, text: false });
    await set;
    return linesOf(result.data.blocks ?? []);
  } catch (error) {
    if (error instanceof WooRedactError) throw error;
    throw new OcrError('PDF_DAMAGED', `a page image could not be read by OCR (${typeof error === 'string' ? 'engine error' : (error as Error).name}); nothing was written`, { cause: error });
  } finally {
    engine.busy--;
    if (engine.busy === 0) thread?.unref();
    scheduleIdleShutdown(thread === undefined);
  }
}

function linesOf(blocks: readonly Block[]): OcrLine[] {
  const lines: OcrLine[] = [];
  for (const block of blocks) {
    for (const paragraph of block.paragraphs) {
      for (const line of paragraph.lines) {
        const words = line.words
          .filter((w) => w.text.trim().length > 0)
          .map((w) => ({ text: w.text, confidence: w.confidence, bbox: w.bbox, symbols: w.symbols.filter((s) => s.text.length > 0).map((s) => ({ text: s.text, bbox: s.bbox })) }));
        if (words.length > 0) lines.push({ bbox: line.bbox, baseline: line.baseline, words });
      }
    }
  }
  return lines;
}
