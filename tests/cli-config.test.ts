import { mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { main } from '../src/cli/main.js';
import { loadConfig } from '../src/config/config.js';
import { nearestKey } from '../src/config/validate.js';

const root = mkdtempSync(join(tmpdir(), 'woo-config-'));
afterAll(() => rmSync(root, { recursive: true, force: true }));
let n = 0;

async function withConfig(config: unknown, text = 'Contactpersoon\nAnouk de Wit\nHeerengracht 12, 1015 BJ Amsterdam\n') {
  const d = join(root, `c${n++}`);
  mkdirSync(join(d, 'in'), { recursive: true });
  writeFileSync(join(d, 'in', 'a.txt'), text);
  writeFileSync(join(d, 'config.json'), JSON.stringify(config));
  let stderr = '';
  const code = await main([join(d, 'in'), '--out', join(d, 'out'), '--config', join(d, 'config.json'), '-q'], { stdout: () => undefined, stderr: (t) => (stderr += t), isTTY: false });
  return { code, stderr, out: join(d, 'out') };
}

describe('config errors that say what to do', () => {
  it.each([
    [{ policy: { tresholds: { redact: 0.8 } } }, /policy\.tresholds: unknown key; did you mean "thresholds"\?/],
    [{ policy: { entities: { adress: { action: 'redact' } } } }, /policy\.entities\.adress: unknown key; did you mean "address"\?/],
    [{ maxPage: 10 }, /maxPage: unknown key; did you mean "maxPages"\?/],
    [{ policy: { withhold: [{ section: '3.2' }] } }, /policy\.withhold\[0\]\.ground: "ground" is required/],
    [{ policy: { publicOfficials: [{ role: 'minister' }] } }, /policy\.publicOfficials\[0\]\.name: "name" is required/],
    [{ policy: { thresholds: { redact: 'hoog' } } }, /policy\.thresholds\.redact: expected number, received string/],
    [{ policy: { roles: { public: 'kep' } } }, /policy\.roles\.public: expected one of "redact", "review", "keep"/],
    [{ policy: { entities: { address: { action: 'review', ground: '5.1.2 z' } } } }, /policy\.entities\.address\.ground: not a Woo ground: expected a code such as 5\.1\.2e/],
    [{ policy: { zzzzzzzzzz: 1 } }, /policy\.zzzzzzzzzz: unknown key \(accepted here: entities, thresholds/],
  ])('%j', async (config, message) => {
    const r = await withConfig(config);
    expect(r.code).toBe(2);
    expect(r.stderr).toMatch(/config file .*config\.json is invalid: /);
    expect(r.stderr).toMatch(message);
    expect(r.stderr).toContain('[CONFIG_INVALID]');
  });

  it('accepts a rule without a ground (the type default) and every ground notation parseGroundCode reads', async () => {
    const r = await withConfig({
      policy: {
        entities: { person: { action: 'redact', ground: '5.1 lid 2 sub e' }, address: { action: 'review' } },
        withhold: [{ heading: 'Krachtenveld', ground: '5.1.2 i' }],
      },
    });
    expect(r.code, r.stderr).toBe(0);
    const manifest = JSON.parse(readFileSync(join(r.out, 'a.manifest.json'), 'utf8'));
    expect(manifest.redactions.map((x: { ground: string }) => x.ground)).toContain('5.1.2e');
    expect(manifest.review.map((x: { ground: string; entity: string }) => [x.entity, x.ground])).toContainEqual(['address', '5.1.2e']);
    const config = await loadConfig(join(root, `c${n - 1}`, 'config.json'));
    expect(config.policy.withhold[0]?.ground).toBe('5.1.2i');
    expect(config.policy.entities.address).toEqual({ action: 'review', ground: '5.1.2e' });
  });

  it('keeps values out of the messages, even of a broken JSON file', async () => {
    const d = join(root, 'json');
    mkdirSync(d);
    writeFileSync(join(d, 'config.json'), '{"policy": {"publicOfficials": [{"name": "Anouk de Wit",}]}}');
    await expect(loadConfig(join(d, 'config.json'))).rejects.toSatisfy((e: Error & { code: string }) => e.code === 'CONFIG_INVALID' && !e.message.includes('Anouk') && /not valid JSON/.test(e.message));
    const r = await withConfig({ policy: { publicOfficials: [{ name: 'Anouk de Wit', rol: 'x' }] } });
    expect(r.stderr).toMatch(/publicOfficials\[0\]\.rol: unknown key; did you mean "role"/);
    expect(r.stderr).not.toContain('Anouk');
  });

  it('suggests only a near key', () => {
    expect(nearestKey('treshold', ['thresholds', 'roles'])).toBe('thresholds');
    expect(nearestKey('banana', ['thresholds', 'roles'])).toBeUndefined();
  });
});
