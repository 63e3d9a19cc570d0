import { z } from 'zod';
import { EntityTypeSchema, GroundCodeSchema } from '../decide/policy.js';

/**
 * The decisions file: what a Woo-team decided about a proposal (`woo-redact propose`), applied by
 * `woo-redact apply`. Internal: it may hold a reviewer's words and the names of who decided.
 */
export const DECISIONS_SCHEMA_VERSION = '1.0.0';

const Sha256 = z.string().regex(/^[0-9a-f]{64}$/);
const Offset = z.number().int().nonnegative();
const Name = z.string().trim().min(1);

export const ReviewerDecisionSchema = z.discriminatedUnion('action', [
  z.object({ action: z.literal('redact'), ground: GroundCodeSchema.describe('The Woo ground cited for the redaction.') }).strict(),
  z.object({ action: z.literal('keep'), reason: Name.describe('Why it stays readable, in the reviewer\'s words (stays internal).') }).strict(),
]);
export type ReviewerDecision = z.infer<typeof ReviewerDecisionSchema>;

/** `null`: not decided yet (the template propose writes). Undecided items are redacted or refused. */
const MaybeDecision = ReviewerDecisionSchema.nullable();

const FindingDecisionSchema = z
  .object({
    id: z.string().min(1).describe('The finding id from the review package (stable for the same input and tool version).'),
    decision: MaybeDecision,
    text: z.string().optional().describe('A reminder for the person editing the file; ignored by apply.'),
    proposed: z.string().optional().describe('What the tool proposed; ignored by apply.'),
  })
  .strict();

const PersonDecisionSchema = z
  .object({
    person: z.string().regex(/^p[0-9a-f]{12}$/).describe('The person id from the review package\'s person table.'),
    decision: MaybeDecision.describe('Covers every mention of the person in the dossier, unless a finding decision says otherwise.'),
    name: z.string().optional().describe('A reminder for the person editing the file; ignored by apply.'),
  })
  .strict();

const TextAdditionSchema = z
  .object({
    kind: z.literal('text'),
    start: Offset.describe('Start offset in the source text (as the review package counts it).'),
    end: Offset.describe('End offset (exclusive).'),
    ground: GroundCodeSchema,
    entity: EntityTypeSchema.default('person').describe('What was missed; names are verified with their capitals, other values in any case.'),
  })
  .strict()
  .refine((a) => a.end > a.start, { message: 'a text addition needs end > start' });

const MatchAdditionSchema = z
  .object({
    kind: z.literal('match'),
    text: z.string().trim().min(2).describe('Redact every whole-word occurrence of this text in the document.'),
    ground: GroundCodeSchema,
    entity: EntityTypeSchema.default('person'),
  })
  .strict();

const BoxAdditionSchema = z
  .object({
    kind: z.literal('box'),
    page: z.number().int().positive(),
    x: z.number(),
    y: z.number(),
    width: z.number().positive(),
    height: z.number().positive(),
    ground: GroundCodeSchema,
  })
  .strict()
  .describe('PDF only: a box in PDF user space (points, origin bottom-left); every glyph and pixel under it goes.');

export const AdditionSchema = z.union([TextAdditionSchema, MatchAdditionSchema, BoxAdditionSchema]);
export type Addition = z.infer<typeof AdditionSchema>;

const DocumentDecisionsSchema = z
  .object({
    sha256: Sha256.describe('The sha256 of the input file decided on; apply refuses an input that differs.'),
    path: z.string().optional().describe('The input\'s path relative to its dossier folder, as propose saw it.'),
    findings: z.array(FindingDecisionSchema).default([]),
    additions: z.array(AdditionSchema).default([]).describe('Redactions the tool missed.'),
    removals: z
      .array(z.object({ id: z.string().min(1), reason: Name }).strict())
      .default([])
      .describe('Proposed redactions taken out (kept readable), with the reason.'),
  })
  .strict();
export type DocumentDecisions = z.output<typeof DocumentDecisionsSchema>;

export const DecisionsSchema = z
  .object({
    schemaVersion: z.literal(DECISIONS_SCHEMA_VERSION),
    kind: z.literal('woo-redact-decisions'),
    internal: z.literal(true).describe('Not for publication.'),
    tool: z.object({ name: z.literal('woo-redact'), version: z.string() }).strict().describe('The tool version that made the proposal; apply needs the same.'),
    policy: z.object({ sha256: Sha256 }).strict().describe('The policy the proposal was made under; apply needs the same.'),
    decidedBy: Name.describe('Who decided.'),
    decidedAt: z.string().min(1).describe('When (ISO 8601 date or date-time).'),
    approvedBy: Name.optional().describe('Who approved (four eyes): another person than decidedBy.'),
    approvedAt: z.string().min(1).optional(),
    persons: z.array(PersonDecisionSchema).default([]),
    documents: z.array(DocumentDecisionsSchema).default([]),
  })
  .strict();
export type DecisionsFile = z.output<typeof DecisionsSchema>;
export type DecisionsInput = z.input<typeof DecisionsSchema>;

/** The template propose writes: who and when left empty, so apply refuses it until a person fills them in. */
export const DecisionsTemplateSchema = DecisionsSchema.extend({ decidedBy: z.string(), decidedAt: z.string() });
