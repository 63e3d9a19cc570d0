import { defineConfig, type Options } from 'tsup';

// Word lists stay plain text files in src/; esbuild inlines them as strings, so the ESM and CJS
// builds need no file-system lookups at run time. The CLI is ESM only (bin/woo-redact.mjs).
const shared: Options = {
  target: 'node20',
  platform: 'node',
  sourcemap: false,
  splitting: false,
  shims: true,
  loader: { '.txt': 'text' },
  external: ['pdfjs-dist', 'pdf-lib'],
};

// The review screen (src/review/screen/client) runs in a browser from file://, where ES modules,
// fetch and workers from files are blocked: classic IIFE scripts, pdf.js bundled in, and pdf.js's
// worker as a second classic script it runs on the main thread. propose copies them beside review.html.
const screen: Options = {
  entry: { 'review-screen/client': 'src/review/screen/client/main.ts', 'review-screen/pdf.worker': 'src/review/screen/client/pdf-worker.ts' },
  format: ['iife'],
  platform: 'browser',
  target: 'chrome110',
  noExternal: ['pdfjs-dist'],
  minify: true,
  sourcemap: false,
  splitting: false,
  dts: false,
  outExtension: () => ({ js: '.js' }),
};

export default defineConfig([
  { ...shared, entry: { index: 'src/index.ts' }, format: ['esm', 'cjs'], dts: true },
  { ...shared, entry: { cli: 'src/cli/main.ts', worker: 'src/cli/worker.ts' }, format: ['esm'], dts: false },
  screen,
]);
