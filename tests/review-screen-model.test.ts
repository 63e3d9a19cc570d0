// The review screen's model (src/review/screen/client/model.ts, no DOM): what it shows for an item
// follows apply's order, and a duplicate's items follow its original.
import { describe, expect, it } from 'vitest';
import { effectiveOf, progressOf, type DocRef } from '../src/review/screen/client/model.js';
import { reasonWords } from '../src/review/screen/client/labels.js';
import { REASON_KINDS } from '../src/decide/reasons.js';
import { exportDecisions, findingKey, importDecisions, type State } from '../src/review/screen/client/store.js';
import { DecisionsSchema } from '../src/review/decisions-schema.js';
import type { ReviewDocument, ReviewFinding, ReviewIndex } from '../src/review/package-schema.js';

const sha = 'a'.repeat(64);
const doc: DocRef = { sha256: sha, path: 'd/nota.txt', input: '/in/d/nota.txt', kind: 'text', pages: 1, file: 'documents/0001.internal.json', counts: { redact: 1, review: 1, keep: 0 } };
const finding = (id: string, proposed: ReviewFinding['proposed'], person?: string): ReviewFinding => ({
  id,
  entity: 'person',
  text: 'Anna de Wit',
  start: 0,
  end: 11,
  page: 1,
  boxes: [],
  proposed,
  ground: '5.1.2e',
  confidence: 0.9,
  detector: 'names',
  ...(person ? { person } : {}),
  context: { before: '', after: '' },
});
const data = { findings: [finding('person@0-11', 'review', 'p0123456789ab'), finding('phone@20-30', 'redact')] } as ReviewDocument;
const state = (s: Partial<State> = {}): State => ({ decidedBy: '', decidedAt: '', approvedBy: '', findings: {}, persons: {}, additions: {}, ...s });

describe('review screen model', () => {
  it('shows the occurrence decision first, then the person decision, then the proposal; review undecided is open', () => {
    const [f] = data.findings as [ReviewFinding];
    expect(effectiveOf(doc, f, state())).toEqual({ kind: 'open', ground: '5.1.2e' });
    const person = state({ persons: { p0123456789ab: { action: 'keep', reason: 'publieke functionaris' } } });
    expect(effectiveOf(doc, f, person)).toMatchObject({ kind: 'keep', by: 'person' });
    const own = state({ ...person, findings: { [findingKey(sha, f.id)]: { action: 'redact', ground: '5.1.2e' } } });
    expect(effectiveOf(doc, f, own)).toMatchObject({ kind: 'redact', by: 'reviewer' });
    expect(progressOf(doc, data, state())).toEqual({ review: 1, open: 1, decided: 0 });
    expect(progressOf(doc, data, own)).toEqual({ review: 1, open: 0, decided: 1 });
  });

  it('counts nothing of a duplicate as open: apply decides it like its original', () => {
    const dup: DocRef = { ...doc, duplicateOf: { sha256: 'b'.repeat(64), path: 'd/origineel.txt' } };
    expect(progressOf(dup, data, state())).toEqual({ review: 0, open: 0, decided: 0 });
  });

  it('exports a decisions file that fits the schema and imports back to the same state', () => {
    const index = { tool: { name: 'woo-redact', version: '0.1.0' }, policy: { sha256: 'c'.repeat(64) }, documents: [doc], persons: [{ id: 'p0123456789ab', name: 'Anna de Wit', names: [], proposed: 'review', mentions: [] }] } as unknown as ReviewIndex;
    const s = state({
      decidedBy: 'A. Beoordelaar',
      persons: { p0123456789ab: { action: 'redact', ground: '5.1.2e' } },
      findings: { [findingKey(sha, 'phone@20-30')]: { action: 'keep', reason: 'organisatiegegevens' } },
      additions: { [sha]: [{ kind: 'text', start: 40, end: 50, ground: '5.1.2i', entity: 'section' }] },
    });
    const file = DecisionsSchema.parse(exportDecisions(index, s, new Date('2026-12-01T10:00:00Z')));
    expect(file).toMatchObject({ decidedBy: 'A. Beoordelaar', decidedAt: '2026-12-01T10:00:00.000Z', persons: [{ person: 'p0123456789ab', decision: { action: 'redact' } }] });
    expect(file.approvedBy).toBeUndefined();
    const back = importDecisions(index, file);
    expect(back).toMatchObject({ decidedBy: s.decidedBy, persons: s.persons, findings: s.findings, additions: s.additions });
    expect(() => importDecisions(index, { ...file, policy: { sha256: 'd'.repeat(64) } })).toThrow(/ander beleid/);
    const approved = DecisionsSchema.parse(exportDecisions(index, { ...back, approvedBy: 'B. Tweede' }, new Date('2026-12-02T09:00:00Z')));
    expect(approved).toMatchObject({ decidedAt: '2026-12-01T10:00:00.000Z', approvedBy: 'B. Tweede', approvedAt: '2026-12-02T09:00:00.000Z' });
  });
});

describe('the screen speaks Dutch about the proposal', () => {
  it('gives every reason kind its own Dutch words, with the detail (role, entity, confidence) in them', () => {
    const words = REASON_KINDS.map((kind) => reasonWords({ kind, detail: kind === 'public-office' || kind === 'role-needs-review' ? 'directeur' : kind.includes('threshold') ? '0.55' : 'address' }));
    expect(new Set(words).size).toBe(REASON_KINDS.length);
    for (const w of words) expect(w).not.toMatch(/\b(the|policy|confidence|below|listed|kept by)\b/);
    expect(reasonWords({ kind: 'role-needs-review', detail: 'directeur' })).toContain('directeur');
    expect(reasonWords({ kind: 'below-redact-threshold', detail: '0.55' })).toContain('55%');
    expect(reasonWords({ kind: 'policy-reviews-entity', detail: 'address' })).toContain('adres');
  });

  it('shows a proposed keep with the Dutch reason, not the package\'s English text', () => {
    const kept: ReviewFinding = { ...finding('person@0-11', 'keep'), reason: { kind: 'public-office', detail: 'minister', text: 'public office (minister)' } };
    const e = effectiveOf(doc, kept, { findings: {}, persons: {}, additions: {} } as unknown as State);
    expect(e).toMatchObject({ kind: 'keep', reason: 'publieke functie (minister)', by: 'proposal' });
  });
});
