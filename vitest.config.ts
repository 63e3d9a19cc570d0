import { readFileSync } from 'node:fs';
import { defineConfig } from 'vitest/config';

// Same contract as the tsup build (loader '.txt': 'text'): `import x from './list.txt'` gives
// the file's text. `enforce: 'pre'` keeps Vite's asset plugin from turning it into a URL.
const textFiles = {
  name: 'woo-redact:text-files',
  enforce: 'pre' as const,
  load(id: string) {
    if (!id.endsWith('.txt')) return null;
    return { code: `export default ${JSON.stringify(readFileSync(id, 'utf8'))};`, map: null };
  },
};

export default defineConfig({
  plugins: [textFiles],
  // Examples import the package by name, as users do; in tests that name is the source.
  resolve: { alias: { 'woo-redact': new URL('./src/index.ts', import.meta.url).pathname } },
  test: {
    include: ['tests/**/*.test.ts'],
    testTimeout: 60_000,
    // A suite's setup can start a browser: chromium's first start on a fresh machine (font caches
    // built, profile created) took more than vitest's default 10 s while other suites ran.
    hookTimeout: 60_000,
  },
});
