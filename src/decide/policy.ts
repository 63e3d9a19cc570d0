import { createHash } from 'node:crypto';
import { z } from 'zod';
import { ENTITY_TYPES, type EntityType } from '../document/types.js';
import { parseOrThrow } from '../config/validate.js';
import { parseGroundCode } from './ground-parser.js';
import { GROUND_CODES, type GroundCode, isGroundCode } from './grounds.js';

export const GroundCodeSchema = z.enum(GROUND_CODES);
export const EntityTypeSchema = z.enum(ENTITY_TYPES);
export const ActionSchema = z.enum(['redact', 'review', 'keep']);
export type Action = z.infer<typeof ActionSchema>;

/**
 * A ground as a config writes it: the code ("5.1.2e") or any notation parseGroundCode reads
 * ("5.1.2 e", "5.1 lid 2 sub e", Wob "10.2e"), normalised to the code.
 */
export const GroundInputSchema = z
  .string()
  .meta({ description: 'A Woo ground: 5.1.2e, or 5.1.2 e, 5.1 lid 2 sub e, Wob 10.2e ...', examples: [...GROUND_CODES] })
  .transform((written, ctx): GroundCode => {
    if (isGroundCode(written)) return written;
    const parsed = parseGroundCode(written);
    if (parsed?.code) return parsed.code;
    ctx.issues.push({
      code: 'custom',
      input: written,
      message: `not a Woo ground: expected a code such as 5.1.2e (${GROUND_CODES.join(', ')}; also written "5.1.2 e", "5.1 lid 2 sub e" or as a Wob code)`,
    });
    return z.NEVER;
  });

const EntityRuleSchema = z
  .object({
    action: ActionSchema.describe('What to do with a confident finding of this type.'),
    ground: GroundInputSchema.optional().describe("The refusal ground cited for it (default: the entity type's default ground)."),
  })
  .strict();
export interface EntityRule {
  readonly action: Action;
  readonly ground: GroundCode;
}

/** Defaults in code: what a Woo-team expects without a config file (woo.md). */
export const DEFAULT_ENTITY_RULES: Readonly<Record<EntityType, EntityRule>> = Object.freeze({
  person: { action: 'redact', ground: '5.1.2e' },
  email: { action: 'redact', ground: '5.1.2e' },
  phone: { action: 'redact', ground: '5.1.2e' },
  bsn: { action: 'redact', ground: '5.1.1e' },
  iban: { action: 'redact', ground: '5.1.2e' },
  'v-number': { action: 'redact', ground: '5.1.2e' },
  address: { action: 'redact', ground: '5.1.2e' },
  'date-of-birth': { action: 'redact', ground: '5.1.2e' },
  'license-plate': { action: 'redact', ground: '5.1.2e' },
  'client-number': { action: 'redact', ground: '5.1.2e' },
  section: { action: 'redact', ground: '5.2' },
  document: { action: 'redact', ground: '5.2' },
});

const WithholdRuleSchema = z
  .object({
    section: z.string().regex(/^\d{1,2}(?:\.\d{1,2}){0,3}$/).optional().describe('Section number, e.g. "3.2".'),
    heading: z.string().min(3).optional().describe('Withhold every section whose heading contains this text.'),
    document: z.literal(true).optional().describe('Withhold the whole document.'),
    ground: GroundInputSchema,
  })
  .strict()
  .refine((r) => [r.section, r.heading, r.document].filter((x) => x !== undefined).length === 1, {
    message: 'a withhold rule names exactly one of "section", "heading" or "document"',
  });
export type WithholdRule = z.infer<typeof WithholdRuleSchema>;

const PublicOfficialSchema = z
  .object({
    name: z.string().min(2).describe('The name as written, e.g. "M.H.M. Faber" or "Marjolein Faber".'),
    role: z.string().optional(),
    organisation: z.string().optional(),
  })
  .strict();
export type PublicOfficial = z.infer<typeof PublicOfficialSchema>;

export const PolicySchema = z
  .object({
    entities: z
      .partialRecord(EntityTypeSchema, EntityRuleSchema)
      .default({})
      // A rule without a ground cites the type's default ground.
      .transform((rules): Partial<Record<EntityType, EntityRule>> =>
        Object.fromEntries(Object.entries(rules).map(([type, rule]) => [type, { action: rule.action, ground: rule.ground ?? DEFAULT_ENTITY_RULES[type as EntityType].ground }])),
      )
      .describe('Per entity type: action and ground; missing types keep their defaults.'),
    thresholds: z
      .object({
        redact: z.number().min(0).max(1).default(0.7),
        review: z.number().min(0).max(1).default(0.4),
      })
      .strict()
      .default({ redact: 0.7, review: 0.4 })
      .refine((t) => t.review <= t.redact, { message: 'thresholds.review must not exceed thresholds.redact' }),
    roles: z
      .object({
        public: ActionSchema.default('keep').describe('Names next to a public office (minister, Kamerlid, SG, DG, burgemeester ...).'),
        review: ActionSchema.default('review').describe('Directors, heads of department, spokespeople.'),
      })
      .strict()
      .default({ public: 'keep', review: 'review' }),
    publicOfficials: z.array(PublicOfficialSchema).default([]).describe('Names that stay readable wherever they occur.'),
    publicPhoneNumbers: z.array(z.string()).default([]).describe('Organisation numbers (switchboard) that stay readable.'),
    publicEmailAddresses: z.array(z.string()).default([]).describe('Organisation mailboxes beyond info@, woo@ ... that stay readable.'),
    withhold: z.array(WithholdRuleSchema).default([]).describe('Sections or whole documents withheld under a ground.'),
    applyDeclarations: z
      .boolean()
      .default(true)
      .describe('Withhold sections and documents that the nota itself declares withheld (section 5).'),
    reviewedAs: z
      .enum(['keep', 'redact'])
      .default('redact')
      .describe('How findings that need review appear in the one-step output until a person decides (woo-redact propose / apply): redacted by default, fail closed.'),
  })
  .strict();

export type PolicyInput = z.input<typeof PolicySchema>;
export type Policy = z.output<typeof PolicySchema>;

/** Validates a policy (partial, or resolved already); a bad one throws CONFIG_INVALID with its paths. */
export function resolvePolicy(input: PolicyInput | Policy | undefined = {}): Policy {
  return parseOrThrow(PolicySchema, input ?? {}, 'policy', { prefix: ['policy'] });
}

export function entityRule(policy: Policy, entity: EntityType): EntityRule {
  return policy.entities[entity] ?? DEFAULT_ENTITY_RULES[entity];
}

function canonicalJson(value: unknown): string {
  if (Array.isArray(value)) return `[${value.map(canonicalJson).join(',')}]`;
  if (value && typeof value === 'object') {
    const entries = Object.entries(value as Record<string, unknown>)
      .filter(([, v]) => v !== undefined)
      .sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0));
    return `{${entries.map(([k, v]) => `${JSON.stringify(k)}:${canonicalJson(v)}`).join(',')}}`;
  }
  return JSON.stringify(value);
}

/** A stable hash of the resolved policy, for provenance and resumable batches. */
export function policyHash(policy: Policy): string {
  return createHash('sha256').update(canonicalJson(policy)).digest('hex');
}

export type { GroundCode };
