import { defineConfig } from 'tsup';

// Word lists stay plain text files in src/; esbuild inlines them as strings so the ESM and
// CJS builds need no file-system lookups at run time.
export default defineConfig({
  entry: { index: 'src/index.ts', cli: 'src/cli/main.ts' },
  format: ['esm', 'cjs'],
  dts: { entry: { index: 'src/index.ts' } },
  target: 'node20',
  platform: 'node',
  sourcemap: false,
  clean: true,
  splitting: false,
  shims: true,
  loader: { '.txt': 'text' },
  external: ['pdfjs-dist', 'pdf-lib'],
});
