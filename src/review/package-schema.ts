import { z } from 'zod';
import { EntityTypeSchema, GroundCodeSchema } from '../decide/policy.js';
import { REASON_KINDS } from '../decide/reasons.js';

/**
 * The internal review package `woo-redact propose` writes: everything a person needs to decide,
 * the text included. It is never published: every file's name says "internal" and every file
 * says so in `internal` and `notice`. A review screen reads it as it is (see the README).
 *
 *   <review>/review.internal.json            this index: documents, the dossier's person table
 *   <review>/documents/0001.internal.json    per document: its text and every finding
 *   <review>/decisions.internal.json         the decisions template to fill in
 *   <review>/INTERN-NIET-PUBLICEREN.txt      what this folder is, in words
 */
export const REVIEW_SCHEMA_VERSION = '1.0.0';
export const REVIEW_NOTICE = 'INTERN - niet openbaar maken. Internal review material with the unredacted text; never publish it.';
export const REVIEW_INDEX_FILE = 'review.internal.json';
export const DECISIONS_TEMPLATE_FILE = 'decisions.internal.json';
export const REVIEW_README_FILE = 'INTERN-NIET-PUBLICEREN.txt';

const Sha256 = z.string().regex(/^[0-9a-f]{64}$/);
const Offset = z.number().int().nonnegative();
const Proposed = z.enum(['redact', 'review', 'keep']);

const BoxSchema = z
  .object({ page: z.number().int().positive(), x: z.number(), y: z.number(), width: z.number().nonnegative(), height: z.number().nonnegative() })
  .strict()
  .describe('PDF user space: points, origin bottom-left of the page (pdf.js viewport.convertToViewportRectangle turns it into screen pixels).');

export const ReviewFindingSchema = z
  .object({
    id: z.string().describe('Stable for the same input and tool version: the key a decision names.'),
    entity: EntityTypeSchema,
    text: z.string().describe('The text found, as in the source.'),
    start: Offset.describe('Start offset in `text` of the document (source text).'),
    end: Offset.describe('End offset (exclusive).'),
    page: z.number().int().positive(),
    boxes: z.array(BoxSchema).describe('PDF: where the text lies on its page(s); empty for text input.'),
    proposed: Proposed.describe('What the tool proposes; review means a person must decide.'),
    ground: GroundCodeSchema.describe('The ground cited when it is redacted.'),
    reason: z
      .object({ kind: z.enum(REASON_KINDS), detail: z.string(), text: z.string() })
      .strict()
      .optional()
      .describe('Why it is kept or sent to review (absent for a proposed redaction).'),
    confidence: z.number().min(0).max(1),
    detector: z.string(),
    person: z.string().optional().describe('The person id in the person table, for a name.'),
    context: z.object({ before: z.string(), after: z.string() }).strict().describe('Up to 80 characters of source text on each side.'),
  })
  .strict();
export type ReviewFinding = z.infer<typeof ReviewFindingSchema>;

const DocumentRefSchema = z
  .object({
    sha256: Sha256.describe('The sha256 of the input file: decisions name the document by it.'),
    path: z.string().describe('Path relative to the input folder given (the dossier), "/"-separated.'),
    input: z.string().describe('The input file as propose read it (absolute path), for a screen that shows the original.'),
    kind: z.enum(['text', 'pdf']),
    pages: z.number().int().positive(),
    duplicateOf: z
      .object({ sha256: Sha256, path: z.string() })
      .strict()
      .optional()
      .describe('A duplicate (the same normalised text as this earlier document of the dossier): decided like it; its own decisions override.'),
  })
  .strict();

export const ReviewDocumentSchema = z
  .object({
    schemaVersion: z.literal(REVIEW_SCHEMA_VERSION),
    kind: z.literal('woo-redact-review-document'),
    internal: z.literal(true),
    notice: z.literal(REVIEW_NOTICE),
    document: DocumentRefSchema,
    text: z.string().describe('The source text every offset indexes into (for PDF: the text woo-redact extracted, pages separated by form feeds).'),
    pageStarts: z.array(Offset).describe('Offset in `text` where each page starts.'),
    findings: z.array(ReviewFindingSchema).describe('Every decision of the proposal, in text order.'),
    warnings: z.array(z.object({ code: z.string(), stage: z.string(), message: z.string() }).strict()),
  })
  .strict();
export type ReviewDocument = z.infer<typeof ReviewDocumentSchema>;

export const ReviewPersonSchema = z
  .object({
    id: z.string().regex(/^p[0-9a-f]{12}$/),
    name: z.string().describe('The longest way the person is written.'),
    names: z.array(z.string()).describe('Every way the person is written, sorted.'),
    proposed: z.enum(['redact', 'review', 'keep', 'mixed']).describe('mixed: some mentions redacted, others kept.'),
    mentions: z.array(
      z
        .object({ document: Sha256, path: z.string(), finding: z.string(), text: z.string(), page: z.number().int().positive(), proposed: Proposed })
        .strict(),
    ),
  })
  .strict();
export type ReviewPerson = z.infer<typeof ReviewPersonSchema>;

export const ReviewIndexSchema = z
  .object({
    schemaVersion: z.literal(REVIEW_SCHEMA_VERSION),
    kind: z.literal('woo-redact-review'),
    internal: z.literal(true),
    notice: z.literal(REVIEW_NOTICE),
    tool: z.object({ name: z.literal('woo-redact'), version: z.string() }).strict(),
    policy: z.object({ sha256: Sha256 }).strict(),
    decisions: z.literal(DECISIONS_TEMPLATE_FILE).describe('The decisions template, beside this file.'),
    documents: z.array(
      DocumentRefSchema.extend({
        file: z.string().describe('The document\'s review file, relative to this index.'),
        analysis: z.string().optional().describe('For apply: the proposal\'s detect and decide, so that apply works on the findings decided on without detecting again.'),
        counts: z.object({ redact: z.number().int(), review: z.number().int(), keep: z.number().int() }).strict(),
      }).strict(),
    ),
    failed: z.array(z.object({ path: z.string(), code: z.string(), message: z.string() }).strict()).describe('Inputs that could not be read; nothing to review for them.'),
    skipped: z.array(z.object({ path: z.string(), reason: z.string() }).strict()),
    persons: z.array(ReviewPersonSchema).describe('The dossier\'s person table: every person with every mention.'),
  })
  .strict();
export type ReviewIndex = z.infer<typeof ReviewIndexSchema>;
