import { readFile } from 'node:fs/promises';
import { dirname, resolve } from 'node:path';
import { z } from 'zod';
import { PolicySchema } from '../decide/policy.js';
import { ConfigError } from '../errors.js';

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
    maxSecondsPerFile: z.number().positive().optional().describe('Time limit per file in parallel runs (default 300 s).'),
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

export const DEFAULT_CONFIG_FILE = 'woo-redact.config.json';

function describeIssues(error: z.ZodError): string {
  return error.issues
    .slice(0, 5)
    .map((i) => `${i.path.join('.') || '(top level)'}: ${i.message}`)
    .join('; ');
}

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
 * Loads and validates a config file. With `required` false a missing file gives the defaults
 * (the implicit `woo-redact.config.json` in the working folder is optional).
 */
export async function loadConfig(path: string, required = true): Promise<Config> {
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
    throw new ConfigError('CONFIG_INVALID', `config file ${path} is not valid JSON: ${(error as Error).message}`);
  }
  const parsed = ConfigSchema.safeParse(json);
  if (!parsed.success) throw new ConfigError('CONFIG_INVALID', `config file ${path} is invalid: ${describeIssues(parsed.error)}`);
  const config = parsed.data;
  if (config.publicOfficialsFile) {
    const file = resolve(dirname(path), config.publicOfficialsFile);
    let list: string;
    try {
      list = await readFile(file, 'utf8');
    } catch (error) {
      throw new ConfigError('CONFIG_NOT_FOUND', `publicOfficialsFile ${config.publicOfficialsFile} cannot be read (${(error as NodeJS.ErrnoException).code ?? 'error'})`);
    }
    return { ...config, policy: { ...config.policy, publicOfficials: [...config.policy.publicOfficials, ...parsePublicOfficials(list)] } };
  }
  return config;
}
