// pdf.js's worker module: the client runs it on the main thread (see pdf-worker.ts).
declare module 'pdfjs-dist/build/pdf.worker.mjs' {
  export const WorkerMessageHandler: unknown;
}
