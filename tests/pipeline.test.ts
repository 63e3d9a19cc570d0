import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { analyze, redactText } from '../src/api.js';
import { defineRecognizer } from '../src/detect/recognizer.js';
import { ManifestSchema } from '../src/manifest/schema.js';
import { LeakError } from '../src/errors.js';
import { findSurvivors } from '../src/verify/text.js';
import { identifiesOnItsOwn } from '../src/verify/identifying.js';

const nota = readFileSync(new URL('../fixtures/text/nota-ocr.txt', import.meta.url), 'utf8');

describe('redactText', () => {
  const result = redactText(nota);

  it('replaces each redaction by its code and leaves everything else byte-identical', () => {
    let rebuilt = '';
    let cursor = 0;
    const redactions = result.manifest.redactions;
    for (const r of redactions) {
      rebuilt += `${nota.slice(cursor, r.start)}[${r.ground}]`;
      cursor = r.end;
    }
    rebuilt += nota.slice(cursor);
    expect(result.text).toBe(rebuilt);
  });

  it('redacts the civil servants and keeps the public officials', () => {
    const redacted = result.manifest.redactions.map((r) => nota.slice(r.start, r.end));
    expect(redacted).toEqual(
      expect.arrayContaining(['mr. H.J. (Henk) van der Velde-Bos', '06 44 29 81 50', 'h.vandervelde@ind.nl', 'Marieke Zwanenburg', 'Zwanenburg', 'Van der Velde-Bos']),
    );
    for (const kept of ['Koekoek', 'Van Doorn', 'Visscher', 'Ruud Hoogland', 'Turfmarkt 147']) expect(result.text).toContain(kept);
  });

  it('writes a valid manifest that cites the ground and never contains the redacted text', () => {
    const m = ManifestSchema.parse(result.manifest);
    expect(m.assessment).toBe('deels openbaar');
    expect(m.grounds).toEqual([{ code: '5.1.2e', citation: 'art. 5.1, tweede lid, onder e, Woo', label: 'eerbiediging van de persoonlijke levenssfeer', count: m.redactions.length }]);
    expect(m.declaredGrounds.map((d) => d.code)).toEqual(['5.1.2e']);
    const json = JSON.stringify(m);
    for (const r of m.redactions) {
      const value = nota.slice(r.start, r.end);
      expect(json.includes(value), `manifest leaks a redacted value at ${r.start}-${r.end}`).toBe(false);
    }
  });

  it('is deterministic', () => {
    expect(JSON.stringify(redactText(nota).manifest)).toBe(JSON.stringify(result.manifest));
  });

  it('reports 1-based pages from form feeds', () => {
    const r = redactText('Pagina een.\fContactpersoon\nAnouk de Wit\n');
    expect(r.manifest.source.pages).toBe(2);
    expect(r.manifest.redactions.map((x) => x.page)).toEqual([2]);
  });

  it('assesses an untouched document as openbaar', () => {
    expect(redactText('De minister stuurt de brief naar de Tweede Kamer.').manifest.assessment).toBe('openbaar');
  });
});

describe('sections and documents under a ground', () => {
  const base = '1. Aanleiding\n\nTekst.\n\n2. Afweging\n\nDe directie kiest scenario A boven scenario B omdat B te duur is.\n\n3. Informatie die niet openbaar gemaakt kan worden\n\n';

  it('withholds a section the nota declares withheld', () => {
    const r = redactText(`${base}Paragraaf 2 bevat persoonlijke beleidsopvattingen en valt onder 5.2.\n`);
    expect(r.text).toContain('2. Afweging\n\n[5.2]');
    expect(r.text).not.toContain('scenario A');
    expect(r.manifest.redactions.map((x) => [x.entity, x.ground])).toEqual([['section', '5.2']]);
    expect(r.manifest.assessment).toBe('deels openbaar');
  });

  it('withholds a section by a rule in the policy', () => {
    const r = redactText(base, { policy: { withhold: [{ heading: 'afweging', ground: '5.1.2i' }] } });
    expect(r.text).not.toContain('scenario A');
    expect(r.manifest.grounds.map((g) => g.code)).toEqual(['5.1.2i']);
  });

  it('withholds a whole document: niet openbaar', () => {
    const r = redactText(`${base}Deze nota wordt in zijn geheel niet openbaar gemaakt ter bescherming van de betrekkingen met andere staten.\n`);
    expect(r.manifest.assessment).toBe('niet openbaar');
    expect(r.text).toBe('[5.1.2a]');
  });

  it('can ignore declarations when the policy says so', () => {
    const r = redactText(`${base}Paragraaf 2 valt onder 5.2.\n`, { policy: { applyDeclarations: false } });
    expect(r.text).toContain('scenario A');
  });
});

describe('declared and applied grounds must agree', () => {
  it('warns when a declared ground is not used and a used ground is not declared', () => {
    const text = '1. Aanleiding\n\nOverleg met Anouk de Wit (DGM).\n\n2. Informatie die niet openbaar gemaakt kan worden\n\nInformatie over de onderhandelingen valt onder 5.1.2b.\n';
    const codes = redactText(text).manifest.warnings.map((w) => w.code);
    expect(codes).toEqual(['GROUND_NOT_DECLARED', 'DECLARED_GROUND_UNUSED']);
  });
});

describe('policy', () => {
  it('keeps a listed switchboard number and a listed official', () => {
    const text = 'T 070 370 79 11\nOverleg met Anouk de Wit (DGM).';
    const r = redactText(text, { policy: { publicPhoneNumbers: ['0703707911'], publicOfficials: [{ name: 'Anouk de Wit' }] } });
    expect(r.manifest.redactions).toEqual([]);
  });

  it('sends everything of a type to review when asked, shown redacted until a person decides', () => {
    const r = redactText('Mail p.jansen@minbzk.nl', { policy: { entities: { email: { action: 'review', ground: '5.1.2e' } } } });
    expect(r.manifest.redactions).toEqual([]);
    expect(r.manifest.review.map((v) => [v.entity, v.shownAs])).toEqual([['email', 'redacted']]);
    expect(r.text).toBe('Mail [5.1.2e]');
  });

  it('shows review items redacted by default (fail closed), readable only when the policy says reviewedAs: keep', () => {
    const text = 'De directeur Hanneke Mulder vroeg erom.';
    const r = redactText(text);
    expect(r.text).toBe('De directeur [5.1.2e] vroeg erom.');
    expect(r.manifest.review[0]?.shownAs).toBe('redacted');
    const kept = redactText(text, { policy: { reviewedAs: 'keep' } });
    expect(kept.text).toBe(text);
    expect(kept.manifest.review[0]?.shownAs).toBe('kept');
  });

  it('sends every occurrence of a reviewed value to review, so that none stays readable', () => {
    const r = redactText('De directeur Hanneke Mulder vroeg erom. Later schreef Hanneke Mulder terug.');
    expect(r.text).not.toContain('Mulder');
    expect(r.manifest.review.map((v) => v.shownAs)).toEqual(['redacted', 'redacted']);
  });

  it('rejects an invalid policy with a clear message', () => {
    expect(() => redactText('x', { policy: { thresholds: { redact: 0.3, review: 0.6 } } })).toThrow(/thresholds.review must not exceed/);
  });
});

describe('custom recognizers', () => {
  it('runs a recognizer defined by the caller', () => {
    const caseNumber = defineRecognizer({
      id: 'zaaknummer',
      entity: 'v-number',
      suggestedGround: '5.1.2e',
      patterns: [{ name: 'zaak', regex: /\bZK-\d{6}\b/g, score: 0.9 }],
      examples: [{ text: 'zaak ZK-123456', expect: ['ZK-123456'] }],
    });
    const r = redactText('Zie zaak ZK-123456.', { recognizers: [caseNumber] });
    expect(r.text).toBe('Zie zaak [5.1.2e].');
    expect(r.manifest.redactions[0]?.detector).toBe('zaaknummer');
  });
});

describe('verification fails closed', () => {
  it('finds a redacted value that survives elsewhere in the output', () => {
    const source = 'Anouk de Wit en nog eens Anouk de Wit';
    const applied = [{ decision: { action: 'redact', ground: '5.1.2e', finding: { id: 'x', entity: 'person', span: { start: 0, end: 12 }, detector: 't', confidence: 1, suggestedGround: '5.1.2e' } }, source: { start: 0, end: 12 } }] as const;
    const output = '[5.1.2e] en nog eens Anouk de Wit';
    expect(findSurvivors(source, output, applied as never)).toEqual([{ start: 0, end: 12 }]);
  });

  it('does not count a name particle left alone ("Van") as a survivor when prose has it, and still checks the rest of the name', () => {
    // Propagation redacted "Van" of "Van Dijkhuizen" by itself: "Dijkhuizen" was a finding of its own.
    const source = 'Opdracht aan Van Dijkhuizen. Van de minister kwam bericht.';
    const person = (start: number, end: number) => ({ decision: { action: 'redact', ground: '5.1.2e', finding: { id: `p${start}`, entity: 'person', span: { start, end }, detector: 'propagate', confidence: 1, suggestedGround: '5.1.2e' } }, source: { start, end } });
    const applied = [person(13, 16), person(17, 27)];
    expect(source.slice(13, 16)).toBe('Van');
    expect(findSurvivors(source, 'Opdracht aan [5.1.2e] [5.1.2e]. Van de minister kwam bericht.', applied as never)).toEqual([]);
    expect(findSurvivors(source, 'Opdracht aan [5.1.2e] Dijkhuizen. Van de minister kwam bericht.', applied as never)).toEqual([{ start: 17, end: 27 }]);
  });

  it('tells values that identify on their own from name particles', () => {
    expect(identifiesOnItsOwn('Van', 'person')).toBe(false);
    expect(identifiesOnItsOwn('van der', 'person')).toBe(false);
    expect(identifiesOnItsOwn('Ten', 'person')).toBe(false);
    expect(identifiesOnItsOwn('Vandaag', 'person')).toBe(true);
    expect(identifiesOnItsOwn('van Dijk', 'person')).toBe(true);
    expect(identifiesOnItsOwn('van', 'address')).toBe(true);
  });

  it('the pipeline throws LeakError instead of returning a leaking output', () => {
    // A recognizer that redacts only the first of two identical account numbers would leak the
    // second; propagation redacts both, so verification passes.
    const r = redactText('IBAN NL91ABNA0417164300 en NL91ABNA0417164300');
    expect(r.text).toBe('IBAN [5.1.2e] en [5.1.2e]');
    expect(LeakError).toBeDefined();
  });

  it('analyze gives findings and decisions without writing', () => {
    const a = analyze('Mail p.jansen@minbzk.nl');
    expect(a.findings.map((f) => f.entity)).toEqual(['email']);
    expect(a.decisions.map((d) => d.action)).toEqual(['redact']);
  });
});
