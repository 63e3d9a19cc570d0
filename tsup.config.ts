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

export default defineConfig([
  { ...shared, entry: { index: 'src/index.ts' }, format: ['esm', 'cjs'], dts: true },
  { ...shared, entry: { cli: 'src/cli/main.ts', worker: 'src/cli/worker.ts' }, format: ['esm'], dts: false },
]);
