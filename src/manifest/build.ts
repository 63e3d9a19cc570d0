import { compareGroundCodes, GROUNDS, type GroundCode } from '../decide/grounds.js';
import { describeReason } from '../decide/reasons.js';
import type { AppliedRedaction, RedactedDocument } from '../document/document.js';
import { pageOf } from '../ingest/pages.js';
import { TOOL_NAME, TOOL_VERSION } from '../version.js';
import { type Assessment, type DecisionsProvenance, MANIFEST_SCHEMA_VERSION, type Manifest, ManifestSchema } from './schema.js';

/** Where the manifest says the output came from, beyond the document itself. */
export interface ManifestProvenance {
  readonly policySha256: string;
  readonly outputPath: string | null;
  readonly generatedAt?: string;
  /** apply: the decisions the output was made from (hashes and counts, no names). */
  readonly decisions?: DecisionsProvenance;
}

function roundBox(b: { page: number; x: number; y: number; width: number; height: number }) {
  const r = (n: number) => Math.round(n * 100) / 100;
  return { page: b.page, x: r(b.x), y: r(b.y), width: r(b.width), height: r(b.height) };
}

function round(n: number): number {
  return Math.round(n * 100) / 100;
}

export function assess(applied: readonly AppliedRedaction[]): Assessment {
  if (applied.some((a) => a.decision.finding.entity === 'document')) return 'niet openbaar';
  return applied.length > 0 ? 'deels openbaar' : 'openbaar';
}

/** Builds and validates the manifest: positions, grounds and counts, never the text itself. */
export function buildManifest(doc: RedactedDocument, inputs: ManifestProvenance): Manifest {
  const { applied } = doc;
  const page = (offset: number) => pageOf(doc.pageStarts, offset);
  const appliedById = new Map(applied.map((a) => [a.decision.finding.id, a]));

  const redactions = applied
    .filter((a) => a.decision.action === 'redact')
    .map((a, i) => ({
      id: `r${i + 1}`,
      ground: a.decision.ground,
      entity: a.decision.finding.entity,
      start: a.source.start,
      end: a.source.end,
      page: page(a.source.start),
      detector: a.decision.finding.detector,
      confidence: round(a.decision.finding.confidence),
      ...(a.boxes ? { boxes: a.boxes.map(roundBox) } : {}),
    }));

  const review = doc.decisions
    .filter((d): d is Extract<typeof d, { action: 'review' }> => d.action === 'review')
    .map((d, i) => {
      const source = doc.map.toSource(d.finding.span);
      return {
        id: `v${i + 1}`,
        ground: d.ground,
        entity: d.finding.entity,
        start: source.start,
        end: source.end,
        page: page(source.start),
        detector: d.finding.detector,
        confidence: round(d.finding.confidence),
        reason: describeReason(d.reason),
        shownAs: appliedById.has(d.finding.id) ? ('redacted' as const) : ('kept' as const),
        ...(appliedById.get(d.finding.id)?.boxes ? { boxes: (appliedById.get(d.finding.id)?.boxes ?? []).map(roundBox) } : {}),
      };
    });

  const counts = new Map<GroundCode, number>();
  for (const a of applied) counts.set(a.decision.ground, (counts.get(a.decision.ground) ?? 0) + 1);
  const grounds = [...counts.entries()]
    .sort(([a], [b]) => compareGroundCodes(a, b))
    .map(([code, count]) => ({ code, citation: GROUNDS[code].citation, label: GROUNDS[code].label, count }));

  const declaredGrounds = doc.structure.declarations.flatMap((d) => {
    const source = doc.map.toSource(d.span);
    return d.grounds.map((code) => ({
      code,
      citation: GROUNDS[code].citation,
      scope: d.scope.kind,
      ...('ref' in d.scope ? { ref: d.scope.ref } : {}),
      start: source.start,
      end: source.end,
    }));
  });

  const warnings = doc.diagnostics
    .filter((d) => d.severity !== 'info')
    .map((d) => {
      const source = d.span ? doc.map.toSource(d.span) : undefined;
      return { code: d.code, stage: d.stage, message: d.message, ...(source ? { start: source.start, end: source.end } : {}) };
    });

  const manifest: Manifest = {
    schemaVersion: MANIFEST_SCHEMA_VERSION,
    tool: { name: TOOL_NAME, version: TOOL_VERSION },
    policy: { sha256: inputs.policySha256 },
    source: {
      path: doc.source.path ?? null,
      sha256: doc.source.sha256,
      kind: doc.source.kind,
      pages: doc.source.pages,
      ...(doc.source.encoding ? { encoding: doc.source.encoding } : {}),
    },
    output: { path: inputs.outputPath, sha256: doc.outputSha256 },
    assessment: assess(applied),
    grounds,
    declaredGrounds,
    redactions,
    review,
    ...(inputs.decisions ? { decisions: inputs.decisions } : {}),
    warnings,
    ...(inputs.generatedAt ? { generatedAt: inputs.generatedAt } : {}),
  };
  return ManifestSchema.parse(manifest);
}

/** Serialises a manifest with a fixed key order (the schema's) and a final newline. */
export function serializeManifest(manifest: Manifest): string {
  return `${JSON.stringify(manifest, null, 2)}\n`;
}
