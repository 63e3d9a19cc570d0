import { z } from 'zod';
import { configJsonSchema } from '../config/json-schema.js';
import { InventoryRowSchema } from '../publish/inventory.js';
import { ManifestSchema } from './schema.js';
import { DecisionsSchema } from '../review/decisions-schema.js';
import { ReviewDocumentSchema, ReviewIndexSchema } from '../review/package-schema.js';

/** JSON Schemas of the contracts, generated from the zod schemas (shipped in schema/). */
export function jsonSchemas(): Record<'manifest' | 'config' | 'inventory-row' | 'decisions' | 'review' | 'review-document', unknown> {
  return {
    manifest: z.toJSONSchema(ManifestSchema, { io: 'output' }),
    config: configJsonSchema(),
    'inventory-row': z.toJSONSchema(InventoryRowSchema, { io: 'output' }),
    // What a reviewer (or a review screen) writes: defaults may be left out.
    decisions: z.toJSONSchema(DecisionsSchema, { io: 'input' }),
    review: z.toJSONSchema(ReviewIndexSchema, { io: 'output' }),
    'review-document': z.toJSONSchema(ReviewDocumentSchema, { io: 'output' }),
  };
}
