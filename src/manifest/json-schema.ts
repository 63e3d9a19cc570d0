import { z } from 'zod';
import { ConfigSchema } from '../config/config.js';
import { InventoryRowSchema } from '../publish/inventory.js';
import { ManifestSchema } from './schema.js';

/** JSON Schemas of the contracts, generated from the zod schemas (shipped in schema/). */
export function jsonSchemas(): Record<'manifest' | 'config' | 'inventory-row', unknown> {
  return {
    manifest: z.toJSONSchema(ManifestSchema, { io: 'output' }),
    config: z.toJSONSchema(ConfigSchema, { io: 'input' }),
    'inventory-row': z.toJSONSchema(InventoryRowSchema, { io: 'output' }),
  };
}
