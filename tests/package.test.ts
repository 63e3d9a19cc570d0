import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { jsonSchemas } from '../src/manifest/json-schema.js';
import { TOOL_VERSION } from '../src/version.js';

const pkg = JSON.parse(readFileSync(new URL('../package.json', import.meta.url), 'utf8'));

describe('package', () => {
  it('reports the version of package.json', () => {
    expect(TOOL_VERSION).toBe(pkg.version);
  });

  it('declares the bin and an honest engines field', () => {
    expect(pkg.bin['woo-redact']).toBe('./bin/woo-redact.mjs');
    expect(pkg.engines.node).toMatch(/^>=20/);
  });

  it.each(['manifest', 'config', 'inventory-row'] as const)('ships an up-to-date JSON Schema of the %s', (name) => {
    const shipped = JSON.parse(readFileSync(new URL(`../schema/${name}.schema.json`, import.meta.url), 'utf8'));
    expect(shipped, 'run `npm run build` to regenerate schema/').toEqual(JSON.parse(JSON.stringify(jsonSchemas()[name])));
  });
});
