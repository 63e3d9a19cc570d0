import { z } from 'zod';

/**
 * The inventory ("productierapport") as open.minvws.nl's importer reads it
 * (nl-rdo-woo-web, src/Service/Inventory): headers are matched lower-cased, trimmed and without
 * leading digits against fixed lists; ID, Matter, Document, Beoordeling and Beoordelingsgrond are
 * required headers. One row per published or withheld document; refused files are no rows.
 */
export const INVENTORY_COLUMNS = [
  'ID',
  'Matter',
  'Family ID',
  'Email Thread ID',
  'Document',
  'File type',
  'Datum',
  'Beoordeling',
  'Opgeschort',
  'Beoordelingsgrond',
  'Toelichting',
  'Publieke link',
  'Gerelateerd ID',
  'Zaaknummer',
] as const;

export type InventoryColumn = (typeof INVENTORY_COLUMNS)[number];

/** The four values the importer knows; anything else it silently stores as "niet openbaar". */
export const BEOORDELINGEN = ['openbaar', 'deels openbaar', 'reeds openbaar', 'niet openbaar'] as const;

/** The importer's limits (InventoryReader, DocumentId). */
export const INVENTORY_LIMITS = { idLength: 170, documentBytes: 500, toelichting: 1000, link: 2048, matter: 255 } as const;

/**
 * The document ID: letters and digits only. The importer accepts [A-Za-z0-9.-], but it reads the
 * ID of an uploaded file from the start of its name up to the first character that is not a
 * letter or digit, so a dot or hyphen in the ID would break the match with the file.
 */
export const DOCUMENT_ID_PATTERN = /^[A-Za-z0-9]{1,170}$/;

const PositiveIntOrEmpty = z.union([z.number().int().positive(), z.literal('')]);

export const InventoryRowSchema = z
  .object({
    ID: z.string().regex(DOCUMENT_ID_PATTERN),
    Matter: z.string().max(INVENTORY_LIMITS.matter),
    'Family ID': PositiveIntOrEmpty.describe('E-mail and its attachments share a number.'),
    'Email Thread ID': PositiveIntOrEmpty.describe('E-mails of one conversation share a number.'),
    Document: z.string().describe("The document's name on the website: its subject or title."),
    'File type': z.string(),
    Datum: z.union([z.string().regex(/^\d{4}-\d{2}-\d{2}$/), z.literal('')]),
    Beoordeling: z.enum(BEOORDELINGEN),
    Opgeschort: z.union([z.literal('yes'), z.literal('')]),
    Beoordelingsgrond: z.string().describe('Ground codes separated by "; ".'),
    Toelichting: z.string().max(INVENTORY_LIMITS.toelichting).describe('A short public explanation; never an internal note.'),
    'Publieke link': z.string().max(INVENTORY_LIMITS.link),
    'Gerelateerd ID': z.string().describe('IDs of related documents (duplicates, quoted e-mails), separated by "; ".'),
    Zaaknummer: z.string(),
  })
  .strict();

export type InventoryRow = z.infer<typeof InventoryRowSchema>;

/** Cuts a string to at most `max` UTF-8 bytes on a character boundary. */
export function truncateBytes(value: string, max: number): string {
  if (Buffer.byteLength(value, 'utf8') <= max) return value;
  let out = '';
  let bytes = 0;
  for (const ch of value) {
    const n = Buffer.byteLength(ch, 'utf8');
    if (bytes + n > max - 3) break;
    out += ch;
    bytes += n;
  }
  return `${out.trimEnd()}...`;
}

/** Excel reads a cell that starts with one of these as a formula (CSV injection). */
const FORMULA_START = /^[=+\-@\t\r]/;

function csvField(value: string | number, separator: CsvSeparator): string {
  // PHP's fgetcsv treats a backslash before a quote as an escape: never write that pair.
  let text = String(value).replace(/\\"/g, '/"');
  // The Excel copy is opened, not uploaded: a leading apostrophe makes a title such as
  // "=HYPERLINK(...)" show as text instead of running (the apostrophe shows). The upload file
  // keeps the title as it is: the platform shows it on the website.
  if (separator === ';' && FORMULA_START.test(text)) text = `'${text}`;
  return /[",\n\r;]/.test(text) ? `"${text.replace(/"/g, '""')}"` : text;
}

/**
 * Columns of the CSV: an ignored "Volgnummer" column first. The CSV starts with a byte-order
 * mark (so Excel reads it as UTF-8), and the importer's fgetcsv keeps that mark in the first
 * header; a header no list matches anyway takes it, so that ID is read.
 */
export const CSV_LEAD_COLUMN = 'Volgnummer';

/**
 * "," for the importer: it reads CSV with PHP's fgetcsv and its default separator, a comma, and
 * detects nothing (nl-rdo-woo-web CsvReaderFactory and CsvReader). ";" for Excel with Dutch
 * settings, whose list separator it is: it opens a comma file as one column. No single file
 * serves both (a "sep=" line would be read as the importer's header row), so the package has
 * both: the comma file to upload, the semicolon file to open.
 */
export type CsvSeparator = ',' | ';';

/** The header line of the inventory CSV with this separator (to recognise our own files). */
export function inventoryCsvHeader(separator: CsvSeparator): string {
  return [CSV_LEAD_COLUMN, ...INVENTORY_COLUMNS].map((c) => csvField(c, separator)).join(separator);
}

/** RFC 4180 CSV, UTF-8 with BOM, CRLF; comma-separated unless told otherwise (see CsvSeparator). */
export function inventoryToCsv(rows: readonly InventoryRow[], separator: CsvSeparator = ','): string {
  const lines = [inventoryCsvHeader(separator)];
  rows.forEach((row, i) => lines.push([String(i + 1), ...INVENTORY_COLUMNS.map((c) => row[c])].map((v) => csvField(v, separator)).join(separator)));
  return `\uFEFF${lines.join('\r\n')}\r\n`;
}
