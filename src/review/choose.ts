/**
 * Applying a reviewer's decisions: the step of the pipeline frame that chooses what leaves the
 * output, when a person decided instead of the policy's `reviewedAs`.
 *
 * Per finding, the first that applies: its own decision, a removal, its person's decision, the
 * proposal when that was redact or keep. A proposal of review that nobody decided is refused, or
 * redacted with `undecided: 'redact'`. Manual additions become findings of their own.
 */
import { declarationDiagnostics, isPublicKeep, resolveOverlaps } from '../decide/decide.js';
import type { GroundCode } from '../decide/grounds.js';
import { propagateRedactions } from '../decide/propagate.js';
import { reason } from '../decide/reasons.js';
import type { AppliedRedaction, DecidedDocument, PageBox } from '../document/document.js';
import { overlaps, type Span } from '../document/span.js';
import type { Decision, EntityType, Finding } from '../document/types.js';
import { findValues, valueKey } from '../document/value-search.js';
import type { DecisionsFileRef, DecisionsProvenance } from '../manifest/schema.js';
import { fromSource } from '../normalise/offset-map.js';
import type { ApplyDecisions, FormatTools } from '../pipeline.js';
import type { Addition, DocumentDecisions, ReviewerDecision } from './decisions-schema.js';
import { findingKeys, type Inherited, inheritedAdditions } from './duplicates.js';
import { ReviewError } from './errors.js';
import { personIdOf } from './person-id.js';

/** Everything apply needs for one input, as plain data (it travels to a worker process). */
export interface FileDecisions {
  /** The decisions naming this input (by path or sha256), if any. */
  readonly document: DocumentDecisions | undefined;
  /** Decisions per person id, for the whole dossier. */
  readonly persons: Readonly<Record<string, ReviewerDecision>>;
  readonly undecided: 'refuse' | 'redact';
  /** The decisions files merged for the run, for the manifest (hashes, dates, approval; no names). */
  readonly files: readonly DecisionsFileRef[];
  /** The proposal's record of detect and decide for this input, if the review package has one (analysis.ts). */
  readonly analysis?: string;
  /** A duplicate: what it takes over from its original's decisions (duplicates.ts). */
  readonly inherited?: Inherited;
}

interface Manual {
  readonly finding: Finding;
  readonly source: Span;
  readonly area?: PageBox;
}

function manualFinding(id: string, entity: EntityType, span: Span, ground: GroundCode): Finding {
  return { id, entity, span, detector: 'manual', confidence: 1, suggestedGround: ground };
}

function additionsOf(doc: DecidedDocument, additions: readonly Addition[], tools: FormatTools): Manual[] {
  const out: Manual[] = [];
  const length = doc.sourceText.length;
  additions.forEach((a, n) => {
    const where = `addition ${n + 1}`;
    if (a.kind === 'text') {
      if (a.end > length) throw new ReviewError('DECISIONS_INVALID', `${where} runs past the end of the document's text (${length} characters); take the offsets from the review package`);
      const source = { start: a.start, end: a.end };
      out.push({ finding: manualFinding(`manual@${a.start}-${a.end}`, a.entity, fromSource(doc.map, source), a.ground), source });
    } else if (a.kind === 'match') {
      const caseSensitive = a.entity === 'person';
      const spans = findValues(doc.sourceText, [a.text], caseSensitive).get(valueKey(a.text, caseSensitive)) ?? [];
      if (spans.length === 0) throw new ReviewError('DECISIONS_INVALID', `${where} (match) occurs nowhere in the document as a whole word; check the spelling, or give offsets`);
      for (const source of spans) out.push({ finding: manualFinding(`manual@${source.start}-${source.end}`, a.entity, fromSource(doc.map, source), a.ground), source });
    } else {
      if (!tools.underArea) throw new ReviewError('DECISIONS_INVALID', `${where} is a box, and boxes can only be drawn on PDF pages; give a text span (start, end) instead`);
      if (a.page > doc.source.pages) throw new ReviewError('DECISIONS_INVALID', `${where} is on page ${a.page}, but the document has ${doc.source.pages} page(s)`);
      const area: PageBox = { page: a.page, x: a.x, y: a.y, width: a.width, height: a.height };
      const runs = tools.underArea(area);
      const id = `manual-box@${a.page}:${a.x},${a.y},${a.width},${a.height}`;
      if (runs.length === 0) {
        // Only pixels under it (a signature, a photo): the box is the whole redaction.
        const at = doc.pageStarts[a.page - 1] ?? 0;
        const source = { start: at, end: at };
        out.push({ finding: manualFinding(id, 'section', fromSource(doc.map, source), a.ground), source, area });
      }
      runs.forEach((source, k) => {
        const finding = manualFinding(k === 0 ? id : `${id}#${k + 1}`, 'section', fromSource(doc.map, source), a.ground);
        out.push({ finding, source, ...(k === 0 ? { area } : {}) });
      });
    }
  });
  return out;
}

function sourceSlice(doc: DecidedDocument, span: Span): string {
  const s = doc.map.toSource(span);
  return doc.sourceText.slice(s.start, s.end);
}

function asDecision(d: Decision, chosen: ReviewerDecision): Decision {
  return chosen.action === 'redact' ? { action: 'redact', finding: d.finding, ground: chosen.ground } : { action: 'keep', finding: d.finding, reason: reason('reviewer') };
}

/** The reviewer's decisions for one input, as the frame's "apply decisions" step. */
export function byReviewer(file: FileDecisions): ApplyDecisions {
  return (doc, _policy, tools) => {
    const decided = file.document;
    if (!decided) {
      throw new ReviewError('DECISIONS_MISMATCH', 'no decisions name this input (by its path or its sha256): it was not in the proposal, or it changed since; propose again and decide it');
    }
    if (decided.sha256 !== doc.source.sha256) {
      throw new ReviewError('DECISIONS_MISMATCH', `the input's sha256 (${doc.source.sha256.slice(0, 12)}...) differs from the one decided on (${decided.sha256.slice(0, 12)}...): the file changed since the proposal; propose again and decide it`);
    }
    const byId = new Map(doc.decisions.map((d) => [d.finding.id, d]));
    const own = new Map<string, ReviewerDecision | null>();
    for (const f of decided.findings) {
      if (own.has(f.id)) throw new ReviewError('DECISIONS_INVALID', `finding ${f.id} is decided twice in the decisions for this document`);
      own.set(f.id, f.decision);
    }
    for (const r of decided.removals) {
      if (own.get(r.id)) throw new ReviewError('DECISIONS_INVALID', `finding ${r.id} is both decided and removed`);
      own.set(r.id, { action: 'keep', reason: r.reason });
    }
    const unknown = [...own.keys()].filter((id) => !byId.has(id));
    if (unknown.length > 0) {
      throw new ReviewError(
        'DECISIONS_UNKNOWN_FINDING',
        `${unknown.length} decision(s) name a finding this document does not have (${unknown.slice(0, 5).join(', ')}); the ids come from the review package of the same input and tool version`,
      );
    }
    for (const r of decided.removals) {
      if (byId.get(r.id)?.action === 'keep') throw new ReviewError('DECISIONS_INVALID', `removal of ${r.id}: the proposal did not redact it; decide it in "findings" instead`);
    }

    const removed = new Set(decided.removals.map((r) => r.id));
    const inherited = file.inherited;
    const inheritedAdded = inherited ? inheritedAdditions(inherited, doc.sourceText, decided.additions) : [];
    const counts: DecisionsProvenance['applied'] = {
      findings: { redact: 0, keep: 0 },
      persons: { redact: 0, keep: 0 },
      original: 0,
      removals: 0,
      additions: decided.additions.length + inheritedAdded.length,
      undecided: 0,
    };
    const keys = inherited ? findingKeys(doc.decisions.map((d) => ({ entity: d.finding.entity, text: sourceSlice(doc, d.finding.span) }))) : [];
    const undecided: string[] = [];
    const reviewed = doc.decisions.map((d, i): Decision => {
      const mine = own.get(d.finding.id);
      if (mine) {
        if (removed.has(d.finding.id)) counts.removals++;
        else counts.findings[mine.action]++;
        return asDecision(d, mine);
      }
      // A duplicate: the decision on the same finding of its original.
      const original = inherited?.findings[keys[i] as string];
      if (original) {
        counts.original++;
        return asDecision(d, original);
      }
      const person = personIdOf(d.finding, doc.source.sha256);
      const theirs = person !== undefined ? file.persons[person] : undefined;
      if (theirs) {
        counts.persons[theirs.action]++;
        return asDecision(d, theirs);
      }
      if (d.action !== 'review') return d;
      if (file.undecided === 'redact') {
        counts.undecided++;
        return { action: 'redact', finding: d.finding, ground: d.ground };
      }
      undecided.push(d.finding.id);
      return d;
    });
    if (undecided.length > 0) {
      throw new ReviewError(
        'DECISIONS_UNDECIDED',
        `${undecided.length} item(s) of this document are still undecided (${undecided.slice(0, 5).join(', ')}); decide them (per finding or per person), or run apply with --undecided redact`,
      );
    }

    const manual = additionsOf(doc, [...decided.additions, ...inheritedAdded], tools);
    const manualSource = new Map(manual.map((m) => [m.finding.id, m]));
    const added: Decision[] = manual.map((m) => ({ action: 'redact', finding: m.finding, ground: m.finding.suggestedGround }));
    // What blocks propagation, as in decide: public officials and what a person kept.
    const blocking = reviewed.filter((d) => d.action === 'keep' && (isPublicKeep(d) || d.reason.kind === 'reviewer'));
    // A value redacted by a decision goes wherever else it occurs, except where a decision keeps it
    // (the same rule as the one-step run; verification would refuse the output otherwise).
    const active = resolveOverlaps([...reviewed.filter((d) => d.action !== 'keep'), ...added]);
    const propagated = propagateRedactions(doc, active, blocking);
    const redactions = resolveOverlaps([...active, ...propagated]).filter((d): d is Extract<Decision, { action: 'redact' }> => d.action === 'redact');
    // A keep a redaction touches is kept no more (as in decide): the verifier allows to recur
    // exactly what stays whole in the output.
    const keeps = reviewed.filter((d) => d.action === 'keep' && !redactions.some((r) => overlaps(r.finding.span, d.finding.span)));
    const decisions = [...redactions, ...keeps].sort(
      (a, b) => a.finding.span.start - b.finding.span.start || a.finding.span.end - b.finding.span.end || (a.finding.id < b.finding.id ? -1 : a.finding.id > b.finding.id ? 1 : 0),
    );

    // Areas go with whichever decision kept their finding (a wider redaction may have absorbed it).
    const areas = manual.filter((m) => m.area);
    const applied: AppliedRedaction[] = redactions.map((d) => {
      const m = manualSource.get(d.finding.id);
      const source = doc.map.toSource(d.finding.span);
      const covering = m ? { start: Math.min(source.start, m.source.start), end: Math.max(source.end, m.source.end) } : source;
      return { decision: d, source: covering, ...(m?.area ? { area: m.area } : {}) };
    });
    for (const m of areas) {
      if (applied.some((a) => a.area === m.area)) continue;
      // Its text runs lie inside a wider redaction: the area still needs its own box and pixels.
      const at = doc.pageStarts[(m.area as PageBox).page - 1] ?? 0;
      applied.push({ decision: { action: 'redact', finding: m.finding, ground: m.finding.suggestedGround }, source: { start: at, end: at }, area: m.area as PageBox });
    }
    applied.sort((a, b) => a.source.start - b.source.start || a.source.end - b.source.end);

    const otherDiagnostics = doc.diagnostics.filter((x) => !(x.stage === 'decide' && (x.code === 'GROUND_NOT_DECLARED' || x.code === 'DECLARED_GROUND_UNUSED')));
    const findings = [...doc.findings, ...manual.map((m) => m.finding), ...propagated.map((d) => d.finding)].sort(
      (a, b) => a.span.start - b.span.start || a.span.end - b.span.end || (a.id < b.id ? -1 : 1),
    );
    return {
      document: { ...doc, findings, decisions, diagnostics: [...otherDiagnostics, ...declarationDiagnostics(doc, decisions)] },
      applied,
      provenance: { files: [...file.files], applied: counts },
    };
  };
}
