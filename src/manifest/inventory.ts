import { z } from 'zod';
import { AssessmentSchema } from './schema.js';

/** The columns of the inventarislijst on the open.minvws.nl platform (woo.md), in order. */
export const INVENTORY_COLUMNS = [
  'Document ID',
  'Documentnummer',
  'Bestandsnaam',
  'Beoordeling',
  'Beoordelingsgrond',
  'Toelichting',
  'Publieke link',
  'Opgeschort',
  'Gerelateerd documentnummer',
  'Besluitnaam',
] as const;

export const InventoryRowSchema = z
  .object({
    'Document ID': z.string(),
    Documentnummer: z.string(),
    Bestandsnaam: z.string(),
    Beoordeling: z.union([AssessmentSchema, z.literal('')]),
    Beoordelingsgrond: z.string().describe('Codes separated by "; ".'),
    Toelichting: z.string(),
    'Publieke link': z.string(),
    Opgeschort: z.string(),
    'Gerelateerd documentnummer': z.string(),
    Besluitnaam: z.string(),
    status: z.enum(['ok', 'failed', 'skipped']).describe('Only in the JSON form: what woo-redact did with the file.'),
  })
  .strict();

export type InventoryRow = z.infer<typeof InventoryRowSchema>;

function csvField(value: string): string {
  return /[",\n\r;]/.test(value) ? `"${value.replace(/"/g, '""')}"` : value;
}

/** RFC 4180 CSV with the platform's columns; the JSON-only status column is left out. */
export function inventoryToCsv(rows: readonly InventoryRow[]): string {
  const lines = [INVENTORY_COLUMNS.map(csvField).join(',')];
  for (const row of rows) lines.push(INVENTORY_COLUMNS.map((c) => csvField(row[c])).join(','));
  return `${lines.join('\r\n')}\r\n`;
}
