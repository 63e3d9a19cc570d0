import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { analyze } from '../src/api.js';
import { personsInFile, runBatch } from '../src/cli/batch.js';

function tempDir(): string {
  return mkdtempSync(join(tmpdir(), 'woo-dossier-'));
}

/** Person decisions of a text, as "action:value", with the persons of other documents given. */
function persons(text: string, known: ReturnType<typeof personsInFile> = []): Set<string> {
  const { document } = analyze(text, { knownPersons: known });
  return new Set(
    document.decisions.filter((d) => d.finding.entity === 'person').map((d) => `${d.action}:${document.text.slice(d.finding.span.start, d.finding.span.end)}`),
  );
}

function knownFrom(text: string): ReturnType<typeof personsInFile> {
  const dir = tempDir();
  writeFileSync(join(dir, 'other.txt'), text);
  return personsInFile(join(dir, 'other.txt'), undefined);
}

describe('persons across the documents of a dossier', () => {
  const minister = 'Verslag\n\nAanwezig: minister Jeroen de Vries (Financiën), en de directie.\nDe Vries opende de vergadering.\n';
  const head = 'Contactpersoon\nMarco Bakker, afdelingshoofd Financiën\n';
  const staff = 'Met vriendelijke groet,\n\nAnouk de Vries\nbeleidsmedewerker\n\nDe Vries is bereikbaar via het secretariaat.\n';
  const colleague = 'Contactpersoon\nPieter Bakker\nT 06 12345678\n\nBakker belt u terug.\n';

  it.each([
    ['a public official does not make a civil servant with the same surname readable', minister, staff, ['redact:Anouk de Vries', 'redact:De Vries']],
    ['a head of department does not make a colleague with the same surname readable', head, colleague, ['redact:Pieter Bakker', 'redact:Bakker']],
  ])('%s', (_name, other, text, expected) => {
    expect(persons(text, knownFrom(other))).toEqual(new Set(expected));
    // Decided on its own evidence: the same as without the other document.
    expect(persons(text, knownFrom(other))).toEqual(persons(text));
  });

  it('does not redact the public namesake of a civil servant found elsewhere', () => {
    const known = knownFrom('Contactpersoon\nJeroen de Vries\nT 06 12345678\n');
    const text = 'De minister van Financiën, Hanna de Vries, heeft ingestemd. Minister De Vries stuurt de brief.\n';
    expect(persons(text, known)).toEqual(persons(text));
    expect([...persons(text, known)].filter((p) => p.startsWith('redact:'))).toEqual([]);
  });

  it('looks for a surname alone only within its own document', () => {
    const known = knownFrom('Contactpersoon\nMarieke Brandsteder\n');
    const text = 'Verslag\n\nBijlage: overzicht Brandsteder, versie 2.\n';
    expect(persons(text, known)).toEqual(new Set());
    expect(persons(text, known)).toEqual(persons(text));
  });

  const other = 'Van: Rhodia Maasbommel <r.maasbommel@example.nl>\nAan: Team Woo\n\nBeste collega,\n\nMet vriendelijke groet,\nR.T. Maasbommel\nSenior adviseur\n';

  it('finds a person of another document by given name and surname where this one has too little evidence', () => {
    const text = 'Bijlage 2: Rhodia Maasbommel - planning.xlsx\n';
    expect(persons(text)).toEqual(new Set(['review:Rhodia Maasbommel']));
    expect(persons(text, knownFrom(other))).toEqual(new Set(['redact:Rhodia Maasbommel']));
  });

  it('finds a person of another document by initials and surname, and then the surname alone in this one', () => {
    const text = 'Verslag\n\nDit stuk is nagekeken door R.T. Maasbommel en besproken.\nMaasbommel had geen opmerkingen.\n';
    expect(persons(text, knownFrom(other))).toEqual(new Set(['redact:R.T. Maasbommel', 'redact:Maasbommel']));
  });
});

describe('the output of a document does not depend on unrelated files in the run', () => {
  it('is byte-identical with and without an unrelated file in the same folder', async () => {
    const files: Record<string, string> = {
      'minister.txt': 'Verslag\n\nAanwezig: minister Jeroen de Vries (Financiën).\nDe Vries opende de vergadering. Ook Marco Bakker, afdelingshoofd, was er.\n',
      'brief.txt': 'Met vriendelijke groet,\n\nAnouk de Vries\nbeleidsmedewerker\n\nDe Vries en Bakker zijn bereikbaar via het secretariaat.\n',
    };
    const run = async (names: string[]) => {
      const input = join(tempDir(), 'in', 'dossier');
      mkdirSync(input, { recursive: true });
      for (const n of names) writeFileSync(join(input, n), files[n] as string);
      const out = join(tempDir(), 'out');
      await runBatch({ inputs: [join(input, '..')], outDir: out, jobs: 1 });
      return {
        text: readFileSync(join(out, 'dossier', 'brief.redacted.txt'), 'utf8'),
        manifest: JSON.parse(readFileSync(join(out, 'dossier', 'brief.manifest.json'), 'utf8')).redactions,
      };
    };
    const alone = await run(['brief.txt']);
    const together = await run(['brief.txt', 'minister.txt']);
    expect(together).toEqual(alone);
    expect(alone.text).toBe('Met vriendelijke groet,\n\n[5.1.2e]\nbeleidsmedewerker\n\n[5.1.2e] en Bakker zijn bereikbaar via het secretariaat.\n');
  });
});

describe('the e-mail address is a full identity across the dossier', () => {
  const first = 'Van: Piet Verhoeven <p.verhoeven@minbzk.example>\nAan: Secretariaat DGM\nOnderwerp: planning\n\nZie bijlage.\n';
  const second = 'Van: p.verhoeven@minbzk.example\nAan: Secretariaat DGM\nOnderwerp: RE: planning\n\nVerhoeven neemt het over.\n\nGroet,\nPiet\n';

  it('finds the first name and the surname of the person whose address occurs', () => {
    expect(persons(second, knownFrom(first))).toEqual(new Set(['redact:Verhoeven', 'redact:Piet']));
    // The surname alone is found only through the address: not in the document on its own.
    expect(persons(second).has('redact:Verhoeven')).toBe(false);
  });

  it('without the address, a surname from another document is not enough', () => {
    const without = 'Onderwerp: planning\n\nVerhoeven neemt het over.\n';
    const found = persons(without, knownFrom(first));
    expect([...found].filter((d) => d.startsWith('redact:'))).toEqual([]);
  });
});
