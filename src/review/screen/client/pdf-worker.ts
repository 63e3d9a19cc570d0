/**
 * pdf.js's worker, as a classic script. From file:// a page may start no worker from a file and
 * load no module, so pdf.js runs its worker code on the main thread ("fake worker"): it uses
 * `globalThis.pdfjsWorker.WorkerMessageHandler` when this script set it before the first document.
 */
import { WorkerMessageHandler } from 'pdfjs-dist/build/pdf.worker.mjs';

(globalThis as { pdfjsWorker?: unknown }).pdfjsWorker = { WorkerMessageHandler };
