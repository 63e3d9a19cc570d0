import { z } from 'zod';
import { EntityTypeSchema, GroundCodeSchema } from '../decide/policy.js';

export const MANIFEST_SCHEMA_VERSION = '1.0.0';

const Sha256 = z.string().regex(/^[0-9a-f]{64}$/);
const Offset = z.number().int().nonnegative();

export const AssessmentSchema = z.enum(['openbaar', 'deels openbaar', 'niet openbaar']);
export type Assessment = z.infer<typeof AssessmentSchema>;

const BoxSchema = z
  .object({
    page: z.number().int().positive(),
    x: z.number(),
    y: z.number(),
    width: z.number().nonnegative(),
    height: z.number().nonnegative(),
  })
  .strict()
  .describe('A redaction box in PDF user space (points, origin bottom-left of the page).');

const RedactionSchema = z
  .object({
    id: z.string().describe('Stable within the manifest: r1, r2, ... in text order.'),
    ground: GroundCodeSchema,
    entity: EntityTypeSchema,
    start: Offset.describe('Start offset in the source text (JavaScript string index into the decoded input; for PDF input, into the text woo-redact extracted, pages separated by form feeds).'),
    end: Offset.describe('End offset (exclusive).'),
    page: z.number().int().positive(),
    detector: z.string(),
    confidence: z.number().min(0).max(1),
    boxes: z.array(BoxSchema).optional().describe('PDF input only: where the redaction was painted.'),
  })
  .strict();

const ReviewSchema = z
  .object({
    id: z.string().describe('v1, v2, ... in text order.'),
    ground: GroundCodeSchema.describe('The ground that would apply if a reviewer decides to redact.'),
    entity: EntityTypeSchema,
    start: Offset,
    end: Offset,
    page: z.number().int().positive(),
    detector: z.string(),
    confidence: z.number().min(0).max(1),
    reason: z.string(),
    shownAs: z.enum(['kept', 'redacted']).describe('How the output shows it until a person decides (redacted unless the policy says reviewedAs: keep).'),
    boxes: z.array(BoxSchema).optional().describe('PDF input, shown redacted: where it was painted.'),
  })
  .strict();

const DeclarationSchema = z
  .object({
    code: GroundCodeSchema,
    citation: z.string(),
    scope: z.enum(['general', 'section', 'attachment', 'document']),
    ref: z.string().optional().describe('Section number or attachment number the declaration is about.'),
    start: Offset,
    end: Offset,
  })
  .strict();

const WarningSchema = z
  .object({
    code: z.string(),
    stage: z.string(),
    message: z.string(),
    start: Offset.optional(),
    end: Offset.optional(),
  })
  .strict();

const DecisionsFileRefSchema = z
  .object({
    sha256: Sha256.describe('The sha256 of the decisions file as read (for decisions given in memory: of their JSON).'),
    decidedAt: z.string().describe('When the decisions were made, as the file says.'),
    approved: z.boolean().describe('Approved by another person than the one who decided (four eyes).'),
    approvedAt: z.string().optional().describe('When, if approved.'),
  })
  .strict();

const Count = z.number().int().nonnegative();

const DecisionsProvenanceSchema = z
  .object({
    files: z.array(DecisionsFileRefSchema).min(1).describe('Every decisions file merged for the run, by sha256 (sorted).'),
    applied: z
      .object({
        findings: z.object({ redact: Count, keep: Count }).strict().describe("Findings of this document decided by their own decision."),
        persons: z.object({ redact: Count, keep: Count }).strict().describe("Mentions of this document decided by their person's decision."),
        original: Count.describe("A duplicate: findings decided by the decision on the same finding of its original."),
        removals: Count.describe('Proposed redactions taken out.'),
        additions: Count.describe('Additions (text span, match, box) as the decisions give them.'),
        undecided: Count.describe('Items nobody decided, redacted (apply --undecided redact).'),
      })
      .strict(),
  })
  .strict()
  .describe("Only in apply's output: the output was made from a reviewer's decisions. No names and no reasons: those stay in the internal decisions file.");

/** The contract with the Woo-team's other tools. Never contains the redacted text. */
export const ManifestSchema = z
  .object({
    schemaVersion: z.literal(MANIFEST_SCHEMA_VERSION),
    tool: z.object({ name: z.literal('woo-redact'), version: z.string() }).strict(),
    policy: z.object({ sha256: Sha256 }).strict(),
    source: z
      .object({
        path: z.string().nullable(),
        sha256: Sha256,
        kind: z.enum(['text', 'pdf']),
        pages: z.number().int().positive(),
        encoding: z.string().optional(),
      })
      .strict(),
    output: z.object({ path: z.string().nullable(), sha256: Sha256 }).strict(),
    assessment: AssessmentSchema,
    grounds: z.array(z.object({ code: GroundCodeSchema, citation: z.string(), label: z.string(), count: z.number().int().positive() }).strict()),
    declaredGrounds: z.array(DeclarationSchema),
    redactions: z.array(RedactionSchema),
    review: z.array(ReviewSchema),
    decisions: DecisionsProvenanceSchema.optional(),
    warnings: z.array(WarningSchema),
    generatedAt: z.string().optional().describe('Only when asked for (--timestamps): output is otherwise byte-identical per input.'),
  })
  .strict();

export type Manifest = z.infer<typeof ManifestSchema>;
export type ManifestRedaction = z.infer<typeof RedactionSchema>;
export type ManifestReview = z.infer<typeof ReviewSchema>;
export type DecisionsProvenance = z.infer<typeof DecisionsProvenanceSchema>;
export type DecisionsFileRef = z.infer<typeof DecisionsFileRefSchema>;
