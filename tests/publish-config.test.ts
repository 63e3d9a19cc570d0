import { describe, expect, it } from 'vitest';
import { ConfigSchema } from '../src/config/config.js';
import { configJsonSchema } from '../src/config/json-schema.js';
import { checkPublicationConfig } from '../src/publish/package.js';
import { diwooDossier } from '../src/publish/diwoo.js';

type Json = { properties?: Record<string, Json>; default?: unknown };

describe('dossier config', () => {
  it('the JSON Schema carries the defaults, and each is what the config parses to without that key', () => {
    const schema = configJsonSchema() as Json;
    const policy = schema.properties?.policy as Json;
    const defaults = ConfigSchema.parse({});
    expect(policy.default).toEqual(JSON.parse(JSON.stringify(defaults.policy)));
    expect(policy.properties?.entities?.default).toEqual({});
    expect(policy.properties?.withhold?.default).toEqual([]);
    expect(schema.properties?.dossier?.default).toEqual({});
    expect(schema.properties?.inventory?.default).toEqual({});
    // A config written as the schema's defaults parses to the defaults.
    expect(ConfigSchema.parse({ policy: policy.default, dossier: {}, inventory: {} })).toEqual(defaults);
  });

  it('a missing publisher is a clear error from the DiWoo step, naming the key and an example; an unknown one too', () => {
    expect(() => diwooDossier({})).toThrow(expect.objectContaining({ code: 'CONFIG_INVALID', message: expect.stringMatching(/set dossier\.organisation in the config .*TOOI URI.*e\.g\. "ministerie van/) }));
    expect(() => diwooDossier({ organisation: 'gemeente Nergenshuizen' })).toThrow(expect.objectContaining({ code: 'CONFIG_INVALID', message: expect.stringMatching(/not in the DiWoo organisation lists/) }));
    expect(() => checkPublicationConfig(ConfigSchema.parse({ dossier: { informatiecategorie: 'geheime stukken' } }))).toThrow(expect.objectContaining({ code: 'CONFIG_INVALID', message: expect.stringMatching(/not a Woo information category/) }));
    expect(diwooDossier({ organisation: 'https://identifier.overheid.nl/tooi/id/ministerie/mnre1034' }).publisher.label).toBe('ministerie van Binnenlandse Zaken en Koninkrijksrelaties');
  });

  it('DiWoo configured without its publisher is refused before any file is read; nothing configured for DiWoo is a notice', async () => {
    const { mkdtempSync, existsSync, writeFileSync } = await import('node:fs');
    const { tmpdir } = await import('node:os');
    const { join } = await import('node:path');
    const { runBatch } = await import('../src/cli/batch.js');
    const root = mkdtempSync(join(tmpdir(), 'woo-publish-config-'));
    writeFileSync(join(root, 'nota.txt'), 'Notitie over het onderhoud.\n');
    const out = join(root, 'out');
    await expect(runBatch({ inputs: [join(root, 'nota.txt')], outDir: out, config: ConfigSchema.parse({ dossier: { matter: 'WOO-1', informatiecategorie: 'Woo-verzoeken en -besluiten' } }) })).rejects.toMatchObject({ code: 'CONFIG_INVALID', message: expect.stringMatching(/DiWoo needs the publisher: set dossier\.organisation/) });
    expect(existsSync(out)).toBe(false);
    const ok = await runBatch({ inputs: [join(root, 'nota.txt')], outDir: out, config: ConfigSchema.parse({ dossier: { matter: 'WOO-1' } }) });
    expect(ok.publication.notices.join('\n')).toMatch(/DiWoo metadata not written: set dossier\.organisation/);
  }, 30_000);
});
