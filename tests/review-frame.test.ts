import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { redactText } from '../src/api.js';
import { describeReason, REASON_KINDS } from '../src/decide/reasons.js';
import { runPdfPipeline } from '../src/pdf-pipeline.js';
import { fixturePdf } from './fixtures-files.js';

const pdf = (name: string) => new Uint8Array(readFileSync(fixturePdf(name)));

describe('one pipeline frame for text and PDF', () => {
  it('carries the document to the manifest: applied redactions, output hash, reasons as kinds', () => {
    const r = redactText('Van: Jan de Vries <jan.devries@minfin.nl>\nDe directeur Hanneke Mulder vroeg erom. Dit is besproken met staatssecretaris Van der Burg.', { policy: { reviewedAs: 'keep' } });
    expect(r.document.output).toBe(r.text);
    expect(r.document.applied).toBe(r.applied);
    expect(r.manifest.output.sha256).toBe(r.document.outputSha256);
    expect(r.manifest.redactions.length).toBe(r.document.applied.filter((a) => a.decision.action === 'redact').length);
    const reasons = r.document.decisions.flatMap((d) => (d.action === 'redact' ? [] : [d.reason]));
    expect(reasons.length).toBeGreaterThan(0);
    for (const reason of reasons) expect(REASON_KINDS).toContain(reason.kind);
    expect(reasons.map((x) => x.kind)).toContain('role-needs-review');
    expect(reasons.map((x) => x.kind)).toContain('public-office');
    // The manifest writes the reason in words built from kind and detail.
    const review = r.document.decisions.find((d) => d.action === 'review');
    expect(review && r.manifest.review[0]?.reason).toBe(review && describeReason(review.reason));
  });

  it('gives PDF redactions their boxes on the document and scrub results as diagnostics', async () => {
    const r = await runPdfPipeline(pdf('form-field.pdf'), 'form-field.pdf');
    const redactions = r.document.applied.filter((a) => a.decision.action === 'redact');
    expect(redactions.length).toBeGreaterThan(0);
    redactions.forEach((a, i) => {
      expect(a.boxes?.length).toBeGreaterThan(0);
      expect(r.manifest.redactions[i]?.boxes?.length).toBe(a.boxes?.length);
    });
    const redactStage = r.document.diagnostics.filter((d) => d.stage === 'redact');
    expect(redactStage.length).toBeGreaterThan(0);
    for (const d of redactStage) expect(r.manifest.warnings.map((w) => w.code)).toContain(d.code);
    expect(r.document.outputSha256).toBe(r.manifest.output.sha256);
  });
});
