import levenshtein from 'fast-levenshtein';
import type { z } from 'zod';
import { ConfigError, type ConfigIssue, type WooErrorCode } from '../errors.js';

// Validation that fails like the documentation says: a ConfigError with a stable code and, per
// problem, its path, what was expected, and for a misspelt key the key that was probably meant.
// Messages quote keys and types, never a value (a policy may list names).

type AnySchema = z.ZodType;
interface Def {
  readonly type: string;
  readonly shape?: Record<string, AnySchema>;
  readonly innerType?: AnySchema;
  readonly in?: AnySchema;
  readonly element?: AnySchema;
  readonly keyType?: AnySchema;
  readonly valueType?: AnySchema;
  readonly entries?: Record<string, unknown>;
  readonly options?: readonly AnySchema[];
}

function defOf(schema: AnySchema): Def {
  return (schema as unknown as { _zod: { def: Def } })._zod.def;
}

/** The schema without wrappers that do not change its shape (default, optional, pipe input ...). */
function unwrap(schema: AnySchema): AnySchema {
  let s = schema;
  for (let i = 0; i < 20; i++) {
    const d = defOf(s);
    const next = d.innerType ?? (d.type === 'pipe' ? d.in : undefined);
    if (!next) return s;
    s = next;
  }
  return s;
}

/** The schema at a path (object keys, array indices, record values), or undefined. */
function schemaAt(schema: AnySchema, path: readonly PropertyKey[]): AnySchema | undefined {
  let s: AnySchema | undefined = unwrap(schema);
  for (const key of path) {
    if (!s) return undefined;
    const d = defOf(s);
    if (d.type === 'object') s = d.shape?.[String(key)];
    else if (d.type === 'array') s = d.element;
    else if (d.type === 'record') s = d.valueType;
    else return undefined;
    s = s ? unwrap(s) : undefined;
  }
  return s;
}

/** The keys an object (or an enum-keyed record) accepts at a path. */
function keysAt(schema: AnySchema, path: readonly PropertyKey[]): string[] {
  const s = schemaAt(schema, path);
  if (!s) return [];
  const d = defOf(s);
  if (d.type === 'object') return Object.keys(d.shape ?? {});
  if (d.type === 'record' && d.keyType) {
    const k = defOf(unwrap(d.keyType));
    if (k.type === 'enum') return Object.keys(k.entries ?? {});
  }
  return [];
}

/** The accepted key nearest to a misspelt one, if it is near enough to be meant. */
export function nearestKey(key: string, candidates: readonly string[]): string | undefined {
  let best: string | undefined;
  let bestDistance = Number.POSITIVE_INFINITY;
  for (const c of candidates) {
    const d = levenshtein.get(key.toLowerCase(), c.toLowerCase());
    if (d < bestDistance) [best, bestDistance] = [c, d];
  }
  return best !== undefined && bestDistance <= Math.max(2, Math.floor(key.length / 3)) ? best : undefined;
}

function valueAt(input: unknown, path: readonly PropertyKey[]): { found: boolean; value: unknown } {
  let v: unknown = input;
  for (const key of path) {
    if (v === null || typeof v !== 'object' || !Object.hasOwn(v, key)) return { found: false, value: undefined };
    v = (v as Record<PropertyKey, unknown>)[key];
  }
  return { found: true, value: v };
}

function pathText(path: readonly PropertyKey[]): string {
  return path.reduce<string>((s, k) => (typeof k === 'number' ? `${s}[${k}]` : s ? `${s}.${String(k)}` : String(k)), '');
}

function issuesOf(schema: AnySchema, input: unknown, error: z.ZodError, prefix: readonly PropertyKey[]): ConfigIssue[] {
  const out: ConfigIssue[] = [];
  for (const issue of error.issues) {
    const path = [...prefix, ...issue.path];
    const where = pathText(path) || '(top level)';
    const raw = issue as unknown as { code: string; expected?: string; values?: unknown[]; keys?: string[]; minimum?: unknown; maximum?: unknown; errors?: unknown };
    if (raw.code === 'unrecognized_keys') {
      const accepted = keysAt(schema, issue.path);
      for (const key of raw.keys ?? []) {
        const near = nearestKey(key, accepted);
        const keyPath = pathText([...path, key]);
        out.push({
          path: keyPath,
          expected: accepted.length ? `one of the keys ${accepted.join(', ')}` : 'no such key',
          message: `${keyPath}: unknown key${near ? `; did you mean "${near}"?` : accepted.length ? ` (accepted here: ${accepted.join(', ')})` : ''}`,
        });
      }
      continue;
    }
    if (raw.code === 'invalid_type' && valueAt(input, issue.path).value === undefined && issue.path.length > 0) {
      const key = String(issue.path[issue.path.length - 1]);
      out.push({ path: where, expected: raw.expected ?? 'a value', message: `${where}: "${key}" is required (${raw.expected ?? 'a value'})` });
      continue;
    }
    let expected: string;
    if (raw.code === 'invalid_type') expected = raw.expected ?? 'another type';
    else if (raw.code === 'invalid_value') expected = `one of ${(raw.values ?? []).map((v) => JSON.stringify(v)).join(', ')}`;
    else if (raw.code === 'too_small') expected = `at least ${String(raw.minimum)}`;
    else if (raw.code === 'too_big') expected = `at most ${String(raw.maximum)}`;
    else expected = issue.message;
    const got = valueAt(input, issue.path);
    const received = got.found ? (got.value === null ? 'null' : Array.isArray(got.value) ? 'array' : typeof got.value) : 'nothing';
    const detail = raw.code === 'invalid_type' ? `expected ${expected}, received ${received}` : raw.code === 'custom' ? issue.message : `expected ${expected}`;
    out.push({ path: where, expected, message: `${where}: ${detail}` });
  }
  return out;
}

/**
 * Parses `input` with `schema`, or throws a ConfigError (`code`, CONFIG_INVALID by default) whose
 * message starts with `what` and lists the first problems, each with its path.
 */
export function parseOrThrow<S extends AnySchema>(
  schema: S,
  input: unknown,
  what: string,
  options: { code?: WooErrorCode; prefix?: readonly PropertyKey[] } = {},
): z.output<S> {
  let parsed;
  try {
    parsed = schema.safeParse(input);
  } catch (error) {
    // A getter that throws, a proxy ...: hostile input is invalid input, not a crash.
    throw new ConfigError(options.code ?? 'CONFIG_INVALID', `${what} is invalid: it cannot be read (${(error as Error)?.name ?? 'error'})`, { cause: error });
  }
  if (parsed.success) return parsed.data as z.output<S>;
  const issues = issuesOf(schema, input, parsed.error, options.prefix ?? []);
  const shown = issues.slice(0, 5).map((i) => i.message);
  if (issues.length > 5) shown.push(`and ${issues.length - 5} more`);
  throw new ConfigError(options.code ?? 'CONFIG_INVALID', `${what} is invalid: ${shown.join('; ')}`, { issues, cause: parsed.error });
}
