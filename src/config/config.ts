import { existsSync } from 'node:fs';
import { readFile } from 'node:fs/promises';
import { dirname, resolve } from 'node:path';
import { z } from 'zod';
import { PolicySchema } from '../decide/policy.js';
import { ConfigError } from '../errors.js';
import { parseOrThrow } from './validate.js';

/**
 * `woo-redact.config.json`: the policy plus batch settings. Unknown keys are errors, so a typo
 * does not silently fall back to a default.
 */
export const ConfigSchema = z
  .object({
    $schema: z.string().optional(),
    policy: PolicySchema.default(PolicySchema.parse({})),
    /** A file with public officials, one per line: "Name" or "Name;role;organisation". */
    publicOfficialsFile: z.string().optional(),
    maxFileBytes: z.number().int().positive().optional().describe('Largest input file read (default 50 MB for text, 500 MB for PDF).'),
    maxPages: z.number().int().positive().optional().describe('Largest PDF page count (default 5000).'),
    maxObjectDepth: z.number().int().positive().max(10_000).optional().describe('Deepest nesting of arrays and dictionaries in a PDF (default 100).'),
    // At most 24 days: a timer longer than 2^31 ms would fire at once.
    maxSecondsPerFile: z.number().positive().max(2_000_000).optional().describe('Time limit per file in parallel runs (default 300 s).'),
    ocr: z.boolean().optional().describe('Read PDF pages without a text layer (scans) by OCR (default true); false refuses them with PDF_NO_TEXT.'),
    ocrLang: z.string().optional().describe('OCR language: a Tesseract code whose model @tesseract.js-data/<code> is installed (default "nld").'),
    inventory: z
      .object({
        besluitnaam: z.string().optional().describe('Name of the decision (besluit); dossier.besluitnaam takes precedence.'),
        publicLinkBase: z.string().optional().describe('Not used: the platform reads Publieke link only for documents already public elsewhere.'),
      })
      .strict()
      .default({}),
    /** The dossier being published: what the inventory, the DiWoo metadata and the annex need. */
    dossier: z
      .object({
        matter: z
          .string()
          .regex(/^[A-Za-z0-9._~-]{2,255}$/, 'letters, digits and . _ ~ - only, 2 to 255 characters')
          .optional()
          .describe("The dossier's kenmerk: the inventory's Matter column (ID + matter are unique within the organisation)."),
        idPrefix: z
          .string()
          .regex(/^[A-Za-z0-9]{1,40}$/, 'letters and digits only (the platform reads the ID from the start of the file name up to the first other character)')
          .optional()
          .describe('Start of every document ID (default: the matter without its other characters, else "doc").'),
        organisation: z
          .string()
          .optional()
          .describe("The publisher, mandatory for DiWoo: a TOOI URI or the organisation's name as in the value lists (e.g. \"ministerie van Binnenlandse Zaken en Koninkrijksrelaties\")."),
        informatiecategorie: z
          .string()
          .optional()
          .describe('Woo information category: a TOOI URI or its label (default: "Woo-verzoeken en -besluiten").'),
        besluitnaam: z.string().optional().describe('Name of the decision (besluit), for the annex.'),
        besluitdatum: z
          .string()
          .regex(/^\d{4}-\d{2}-\d{2}$/, 'YYYY-MM-DD')
          .optional()
          .describe('Date of the decision, YYYY-MM-DD; DiWoo uses it for documents without a date of their own.'),
        zaaknummer: z.string().max(255).optional().describe('Zaaknummer column: the case number(s) of the Woo request.'),
      })
      .strict()
      .default({}),
  })
  .strict();

export type Config = z.output<typeof ConfigSchema>;
/** A config as written: every key optional, grounds in any notation parseGroundCode reads. */
export type ConfigInput = z.input<typeof ConfigSchema>;

export const DEFAULT_CONFIG_FILE = 'woo-redact.config.json';

/** Parses the public-officials file: "Name" or "Name;role;organisation" per line, "#" comments. */
export function parsePublicOfficials(text: string): { name: string; role?: string; organisation?: string }[] {
  const out: { name: string; role?: string; organisation?: string }[] = [];
  for (const raw of text.split(/\r?\n/)) {
    const line = raw.trim();
    if (!line || line.startsWith('#')) continue;
    const [name, role, organisation] = line.split(/[;\t]/).map((s) => s.trim());
    if (!name || name.length < 2) continue;
    out.push({ name, ...(role ? { role } : {}), ...(organisation ? { organisation } : {}) });
  }
  return out;
}

/**
 * Validates a config object (partial, or resolved already) and reads its publicOfficialsFile,
 * relative to `baseDir`, into the policy's public officials.
 */
export async function resolveConfig(input: ConfigInput | Config | undefined, baseDir: string, what = 'config'): Promise<Config> {
  const config = parseOrThrow(ConfigSchema, input ?? {}, what);
  if (!config.publicOfficialsFile) return config;
  const file = resolve(baseDir, config.publicOfficialsFile);
  let list: string;
  try {
    list = await readFile(file, 'utf8');
  } catch (error) {
    throw new ConfigError('CONFIG_NOT_FOUND', `publicOfficialsFile ${config.publicOfficialsFile} cannot be read (${(error as NodeJS.ErrnoException).code ?? 'error'})`);
  }
  // Read once: the resolved config lists the officials and no longer names the file.
  const { publicOfficialsFile: _read, ...rest } = config;
  return { ...rest, policy: { ...config.policy, publicOfficials: [...config.policy.publicOfficials, ...parsePublicOfficials(list)] } };
}

/**
 * The config of a command line: the file given with --config (which must exist), else
 * `woo-redact.config.json` in the working folder when there is one, else the defaults.
 */
export async function loadCliConfig(given: string | undefined): Promise<Config> {
  const path = given ?? DEFAULT_CONFIG_FILE;
  return loadConfig(path, given !== undefined || existsSync(path));
}

/**
 * Loads and validates a config file. With `required` false a missing file gives the defaults
 * (the implicit `woo-redact.config.json` in the working folder is optional).
 */
export async function loadConfig(path: string, required = true): Promise<Config> {
  if (typeof path !== 'string') throw new ConfigError('INVALID_ARGUMENT', 'loadConfig takes the path of a config file (a string)');
  let text: string;
  try {
    text = await readFile(path, 'utf8');
  } catch (error) {
    if (!required && (error as NodeJS.ErrnoException).code === 'ENOENT') return ConfigSchema.parse({});
    throw new ConfigError('CONFIG_NOT_FOUND', `config file ${path} cannot be read (${(error as NodeJS.ErrnoException).code ?? 'error'})`);
  }
  let json: unknown;
  try {
    json = JSON.parse(text);
  } catch (error) {
    // Only where: V8's message quotes the text around the error, and a config may list names.
    const at = /position (\d+)/.exec((error as Error).message)?.[1];
    throw new ConfigError('CONFIG_INVALID', `config file ${path} is not valid JSON${at ? ` (at character ${at})` : ''}`);
  }
  return resolveConfig(json as ConfigInput, dirname(path), `config file ${path}`);
}
