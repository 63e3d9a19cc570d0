import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { jsonSchemas } from '../src/manifest/json-schema.js';
import { TOOL_VERSION } from '../src/version.js';

const pkg = JSON.parse(readFileSync(new URL('../package.json', import.meta.url), 'utf8'));

describe('package', () => {
  it('reports the version of package.json', () => {
    expect(TOOL_VERSION).toBe(pkg.version);
  });

  it('ships the text of the licence it declares', () => {
    expect(pkg.license).toBe('EUPL-1.2');
    expect(pkg.files).toContain('LICENSE');
    const licence = readFileSync(new URL('../LICENSE', import.meta.url), 'utf8');
    expect(licence).toMatch(/^\s*EUROPEAN UNION PUBLIC LICENCE v\. 1\.2/);
    // Its articles 1 to 15 and the appendix of compatible licences.
    for (const heading of ['1. Definitions', '5. Obligations of the Licensee', '15. Applicable Law', 'Appendix']) expect(licence).toContain(`\n${heading}\n`);
    expect(licence).toContain('GNU General Public License (GPL) v. 2, v. 3');
  });

  it('builds on pack and installs exactly its lock in CI', () => {
    expect(pkg.scripts.prepack).toMatch(/npm run build/);
    expect(readFileSync(new URL('../.ci/run', import.meta.url), 'utf8')).toMatch(/^npm ci\b/m);
    expect(pkg.exports['./inventory-row.schema.json']).toBe('./schema/inventory-row.schema.json');
  });

  it('declares the bin and an honest engines field', () => {
    expect(pkg.bin['woo-redact']).toBe('./bin/woo-redact.mjs');
    expect(pkg.engines.node).toMatch(/^>=20/);
  });

  it('ships the licence of every package bundled into dist/, and does not install them again', () => {
    const dist = new URL('../dist/', import.meta.url);
    expect(existsSync(new URL('cli.js', dist)), 'run `npm run build` first').toBe(true);
    const bundled = new Set<string>();
    for (const file of readdirSync(dist).filter((f) => /\.c?js$/.test(f))) {
      for (const m of readFileSync(new URL(file, dist), 'utf8').matchAll(/^\/\/ node_modules\/((?:@[^/]+\/)?[^/]+)\//gm)) bundled.add(m[1] as string);
    }
    bundled.delete('tsup');
    expect([...bundled]).toEqual(expect.arrayContaining(['pdf-lib', 'compromise', 'fast-levenshtein']));
    const licences = readFileSync(new URL('THIRD-PARTY-LICENSES.txt', dist), 'utf8');
    for (const name of bundled) {
      expect(licences, name).toMatch(new RegExp(`^== ${name.replace(/[/.]/g, '\\$&')} \\d`, 'm'));
      expect(Object.keys(pkg.dependencies), `${name} is bundled: a devDependency`).not.toContain(name);
    }
    expect(licences).toMatch(/Permission is hereby granted, free of charge/);
    // What stays external is installed with the package.
    for (const name of ['pdfjs-dist', 'zod']) expect(Object.keys(pkg.dependencies)).toContain(name);
  });

  it.each(['manifest', 'config', 'inventory-row'] as const)('ships an up-to-date JSON Schema of the %s', (name) => {
    const shipped = JSON.parse(readFileSync(new URL(`../schema/${name}.schema.json`, import.meta.url), 'utf8'));
    expect(shipped, 'run `npm run build` to regenerate schema/').toEqual(JSON.parse(JSON.stringify(jsonSchemas()[name])));
  });
});
