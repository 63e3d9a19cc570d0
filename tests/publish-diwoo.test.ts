import { spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { diwooDossier, diwooXml } from '../src/publish/diwoo.js';
import { documentFacts } from '../src/publish/facts.js';

const XSD = new URL('../fixtures/diwoo/diwoo-metadata.xsd', import.meta.url).pathname;
const LISTS = readFileSync(new URL('../fixtures/diwoo/diwoo-metadata-lijsten.xsd', import.meta.url), 'utf8');
const hasXmllint = spawnSync('sh', ['-c', 'command -v xmllint']).status === 0;

/** The documentsoort value list as the XSD itself declares it: URI -> label. */
function documentsoortList(): Map<string, string> {
  const body = /<xs:simpleType name="documentsoortlijst"[\s\S]*?<\/xs:simpleType>/.exec(LISTS)?.[0] ?? '';
  const out = new Map<string, string>();
  for (const m of body.matchAll(/<xs:enumeration value="([^"]+)">[\s\S]*?<dita:p[^>]*>([^<]*)<\/dita:p>/g)) out.set(m[1] as string, (m[2] as string).trim());
  return out;
}

// One synthetic document per kind (invented text), and the list label its DiWoo file must carry.
const DOCUMENTS: readonly { name: string; text: string; label: string | undefined }[] = [
  { name: 'nota', text: 'Ministerie\n\nDatum\n12 maart 2024\n\nnota\n\nSubsidieregeling buurthuizen\n\n1. Aanleiding\n\nTekst.\n\n2. Geadviseerd besluit\n\nAkkoord.\n', label: 'beslisnota' },
  { name: 'email', text: 'Van: [5.1.2e]\nVerzonden: dinsdag 5 maart 2024 09:14\nAan: [5.1.2e]\nOnderwerp: planning buurthuizen\n\nKun je de nota klaar hebben?\n', label: undefined },
  { name: 'brief', text: 'Gemeente Voorbeeld\n\nDatum 3 mei 2021\nOnderwerp Uitnodiging overleg wijkteam\n\nGeachte heer,\n\nTekst.\n', label: 'brief' },
  { name: 'kamerbrief', text: 'Aan de Voorzitter van de Tweede Kamer der Staten-Generaal\n\nDatum 4 juli 2024\nBetreft Voortgang aanpak\n\nTekst.\n', label: 'Kamerbrief' },
  { name: 'besluit', text: 'Dienst\n\nDatum 3 mei 2021\nOnderwerp Besluit op uw aanvraag\n\nGeachte heer,\n', label: 'besluit' },
  { name: 'woo-besluit', text: 'Gemeente Voorbeeld\n\nDatum 14 februari 2020\nOnderwerp Besluit op uw Woo-verzoek\n\nGeachte mevrouw,\n', label: 'beslissing op Wob-/Woo-verzoek' },
  { name: 'verslag', text: 'Verslag overleg uitvoeringstoets\n\nDatum: 2 februari 2023\n\n1. Opening\n', label: 'vergaderverslag' },
  { name: 'besluitenlijst', text: 'Besluitenlijst stuurgroep\n\nDatum: 9 februari 2023\n\n1. Vastgesteld\n', label: 'besluitenlijst' },
];

const dossier = diwooDossier({ organisation: 'ministerie van Binnenlandse Zaken en Koninkrijksrelaties', besluitdatum: '2024-11-01' });

describe('DiWoo documentsoort from the value list', () => {
  it('the list has no e-mail or correspondence type (so an e-mail gets none); a "-bericht" in it is no e-mail', () => {
    const labels = [...documentsoortList().values()];
    expect(labels.length).toBeGreaterThan(90);
    expect(labels.filter((l) => /mail|correspond/i.test(l))).toEqual([]);
    expect(labels.filter((l) => /bericht/i.test(l)).sort()).toEqual(['ambtsbericht', 'nieuwsbericht', 'persbericht']);
  });

  it.each(DOCUMENTS)('$name: the type read from the document, as URI and label of the list', ({ name, text, label }) => {
    const facts = documentFacts(text);
    const xml = diwooXml({ id: `doc${name.length}`, title: facts.title ?? name, kind: facts.kind, ...(facts.date ? { date: facts.date } : {}), format: 'txt' }, dossier);
    const found = /<diwoo:documentsoort resource="([^"]+)">([^<]*)</.exec(xml);
    if (label === undefined) {
      expect(xml).not.toContain('documentsoort');
      return;
    }
    const uri = found?.[1] as string;
    expect(documentsoortList().get(uri)).toBe(label);
    expect(found?.[2]).toBe(label);
  });

  it.skipIf(!hasXmllint)('every kind\'s file validates against the XSD with xmllint; a type outside the list does not', () => {
    const dir = mkdtempSync(join(tmpdir(), 'woo-diwoo-'));
    const files = DOCUMENTS.map(({ name, text }) => {
      const facts = documentFacts(text);
      const file = join(dir, `${name}.xml`);
      writeFileSync(file, diwooXml({ id: `doc${name.replace(/\W/g, '')}`, title: facts.title ?? name, kind: facts.kind, ...(facts.date ? { date: facts.date } : {}), format: 'txt' }, dossier));
      return file;
    });
    const ok = spawnSync('xmllint', ['--noout', '--schema', XSD, ...files], { encoding: 'utf8' });
    expect(ok.stderr).not.toMatch(/fails to validate|error/);
    expect(ok.status).toBe(0);
    const bad = join(dir, 'free-text.xml');
    writeFileSync(bad, readFileSync(files[0] as string, 'utf8').replace(/kern\/c_2977c34f/, 'kern/e-mail'));
    const r = spawnSync('xmllint', ['--noout', '--schema', XSD, bad], { encoding: 'utf8' });
    expect(r.status).not.toBe(0);
    expect(r.stderr).toMatch(/documentsoort/);
  });
});
