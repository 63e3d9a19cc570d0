import { isDeepStrictEqual } from 'node:util';
import { z } from 'zod';
import { ConfigSchema } from './config.js';

/**
 * The config's JSON Schema (what a user writes, io "input"), with the defaults zod leaves out:
 * it omits a default in input mode when the schema under it transforms (grounds parsed from any
 * notation), as the parsed default need not be valid input. Restored where it is: when parsing
 * the default gives it back unchanged.
 */
export function configJsonSchema(): Record<string, unknown> {
  return z.toJSONSchema(ConfigSchema, {
    io: 'input',
    override: (ctx) => {
      const def = (ctx.zodSchema as unknown as { _zod: { def: { type: string; defaultValue?: unknown; innerType?: z.ZodType } } })._zod.def;
      if (def.type !== 'default' || ctx.jsonSchema.default !== undefined || !def.innerType) return;
      const value = def.defaultValue;
      const parsed = def.innerType.safeParse(value);
      if (parsed.success && isDeepStrictEqual(parsed.data, value)) ctx.jsonSchema.default = structuredClone(value);
    },
  }) as Record<string, unknown>;
}
