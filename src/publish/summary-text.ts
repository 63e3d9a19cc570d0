import type { PublicationSummary } from './package.js';

const plural = (n: number, one: string, many: string) => `${n} ${n === 1 ? one : many}`;

/**
 * The publication package on the terminal: what was written, what was linked, what was left out
 * and what the Woo-team must still fix. Counts, IDs, safe file names and config keys only: the
 * notices are written so, and nothing here reads a document.
 */
export function publicationSummaryLines(p: PublicationSummary): string[] {
  const lines = [
    `publication package: ${p.dir}: ${plural(p.rows, 'row', 'rows')} in the inventory (${p.published} published, ${p.withheld} withheld wholly), ${plural(p.diwoo, 'DiWoo file', 'DiWoo files')}`,
    `  linked: ${plural(p.duplicates, 'duplicate', 'duplicates')} (same text as an earlier document), ${plural(p.quotedEmails, 'e-mail', 'e-mails')} quoted whole in a later one, ${plural(p.otherRenderings, 'e-mail', 'e-mails')} another rendering (a scan) of an earlier one, ${plural(p.threads, 'e-mail thread', 'e-mail threads')}, ${plural(p.families, 'e-mail with its attachments', 'e-mails with their attachments')}`,
  ];
  if (p.refused > 0) lines.push(`  not in the inventory: ${plural(p.refused, 'file', 'files')} refused, failed or skipped (named above; what to do: ${p.internalReport})`);
  if (p.notices.length > 0) {
    lines.push('  to fix before uploading:');
    for (const n of p.notices) lines.push(`    - ${n}`);
  }
  lines.push(`  upload: ${p.inventory.xlsx} (or ${p.inventory.csv}) and the files in ${p.dir}/documenten; to read in Excel: ${p.inventory.excelCsv}`);
  return lines;
}
