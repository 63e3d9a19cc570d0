import { readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
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
  // pdf-lib, compromise and fast-levenshtein are bundled: loaded file by file (hundreds of small
  // modules) they cost every thread, the main one and each worker, about 0.3 s of start-up. pdf.js
  // stays external (loaded when a PDF is verified), zod too (its types are part of ours), and sharp
  // (native, optional: JPEG decoding, see src/redact/pdf/jpeg.ts).
  external: ['pdfjs-dist', 'zod', 'sharp'],
  noExternal: ['pdf-lib', '@pdf-lib/standard-fonts', 'compromise', 'fast-levenshtein'],
};

// The licences of what the bundles hold, read from the packages esbuild put in them (it names
// each module's path in a comment): a package without a licence file fails the build. The CLI
// holds everything the library does (tests/package-licences.test.ts checks every bundle).
function writeBundledLicences(): void {
  const packages = new Set<string>();
  for (const file of ['cli.js', 'worker.js']) {
    for (const m of readFileSync(join('dist', file), 'utf8').matchAll(/^\/\/ node_modules\/((?:@[^/]+\/)?[^/]+)\//gm)) packages.add(m[1] as string);
  }
  packages.delete('tsup'); // its ESM shims, generated code
  const sections = [...packages].sort().map((name) => {
    const dir = join('node_modules', name);
    const meta = JSON.parse(readFileSync(join(dir, 'package.json'), 'utf8')) as { version: string; license?: string };
    const licence = readdirSync(dir).find((f) => /^licen[cs]e/i.test(f));
    if (!licence) throw new Error(`bundled package ${name} has no licence file`);
    return `== ${name} ${meta.version} (${meta.license ?? 'see below'}) ==\n\n${readFileSync(join(dir, licence), 'utf8').trim()}\n`;
  });
  writeFileSync(join('dist', 'THIRD-PARTY-LICENSES.txt'), `Packages bundled into woo-redact's dist/*.js and dist/index.cjs, with their licences.\n\n${sections.join('\n')}`);
}

// The review screen (src/review/screen/client) runs in a browser from file://, where ES modules,
// fetch and workers from files are blocked: classic IIFE scripts, pdf.js bundled in, and pdf.js's
// worker as a second classic script it runs on the main thread. propose copies them beside review.html.
// pdf.js's image decoders (JPEG 2000 needs OpenJPEG, JBIG2 and ICC colours decode faster) are
// WebAssembly files pdf.js would fetch: as a classic script of base64 beside the screen, with the
// licences of what the screen bundles.
const PDFJS = dirname(createRequire(import.meta.url).resolve('pdfjs-dist/package.json'));
const WASM = ['openjpeg.wasm', 'jbig2.wasm', 'qcms_bg.wasm'];
function writeScreenAssets(): void {
  const out = 'dist/review-screen';
  const wasm = Object.fromEntries(WASM.map((f) => [f, readFileSync(join(PDFJS, 'wasm', f)).toString('base64')]));
  writeFileSync(join(out, 'pdf.wasm.js'), `window.__wooPdfWasm=${JSON.stringify(wasm)};\n`);
  const licences: [string, string][] = [
    ['pdf.js (client.js, pdf.worker.js)', join(PDFJS, 'LICENSE')],
    ['OpenJPEG decoder (pdf.wasm.js: openjpeg.wasm)', join(PDFJS, 'wasm', 'LICENSE_OPENJPEG')],
    ['pdf.js OpenJPEG build', join(PDFJS, 'wasm', 'LICENSE_PDFJS_OPENJPEG')],
    ['PDFium JBIG2 decoder (pdf.wasm.js: jbig2.wasm)', join(PDFJS, 'wasm', 'LICENSE_JBIG2')],
    ['pdf.js JBIG2 build', join(PDFJS, 'wasm', 'LICENSE_PDFJS_JBIG2')],
    ['qcms (pdf.wasm.js: qcms_bg.wasm)', join(PDFJS, 'wasm', 'LICENSE_QCMS')],
    ['pdf.js qcms build', join(PDFJS, 'wasm', 'LICENSE_PDFJS_QCMS')],
  ];
  writeFileSync(join(out, 'LICENSES.txt'), licences.map(([what, file]) => `== ${what} ==\n\n${readFileSync(file, 'utf8').trim()}\n`).join('\n'));
}

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
  onSuccess: async () => writeScreenAssets(),
};

export default defineConfig([
  { ...shared, entry: { index: 'src/index.ts' }, format: ['esm', 'cjs'], dts: true },
  { ...shared, entry: { cli: 'src/cli/main.ts', worker: 'src/cli/worker.ts' }, format: ['esm'], dts: false, onSuccess: async () => writeBundledLicences() },
  screen,
]);
