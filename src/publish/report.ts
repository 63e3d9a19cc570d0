import type { Assessment } from '../manifest/schema.js';
import type { DossierRelations } from './duplicates.js';
import type { PackageRefusal } from './package.js';

/**
 * The Woo-team's own report beside the package (never uploaded): files that were refused,
 * failed or skipped and what to do about them, documents with items still to review, documents
 * without a readable date, duplicates found. Names files by their safe names only.
 */
export interface ReportInput {
  readonly documents: readonly { readonly id: string; readonly input: string; readonly assessment: Assessment; readonly openReview: number; readonly undated: boolean }[];
  readonly refused: readonly PackageRefusal[];
  readonly relations: DossierRelations;
  readonly ids: readonly string[];
  readonly notices: readonly string[];
}

const cell = (s: string) => s.replace(/\|/g, '\\|').replace(/\r?\n/g, ' ');

export function internalReport(input: ReportInput): string {
  const out = [
    '# Woo-team: rapport bij het publicatiepakket (intern, niet publiceren)',
    '',
    `Documenten in het pakket: ${input.documents.length}. Niet verwerkt: ${input.refused.length}. Duplicaten: ${input.relations.duplicates}. E-mails volledig opgenomen in een latere e-mail: ${input.relations.quotedEmails}. E-mailconversaties: ${input.relations.threads}.`,
    '',
  ];
  out.push('## Niet verwerkt (geen rij in de inventarislijst)', '');
  if (input.refused.length === 0) out.push('Geen.', '');
  else {
    out.push('| bestand | status | code | wat te doen |', '|---|---|---|---|');
    for (const r of input.refused) out.push(`| ${cell(r.input)} | ${r.status === 'failed' ? 'geweigerd' : 'overgeslagen'} | ${r.code} | ${cell(r.message)} |`);
    out.push('');
  }
  const open = input.documents.filter((d) => d.openReview > 0);
  out.push('## Nog te beoordelen', '');
  if (open.length === 0) out.push('Geen open punten.', '');
  else {
    out.push('Deze documenten hebben passages die een mens moet beoordelen; tot dan zijn ze gepubliceerd zoals de instelling reviewedAs zegt.', '', '| ID | bestand | open punten |', '|---|---|---|');
    for (const d of open) out.push(`| ${d.id} | ${cell(d.input)} | ${d.openReview} |`);
    out.push('');
  }
  const undated = input.documents.filter((d) => d.undated);
  out.push('## Zonder leesbare datum', '');
  out.push(undated.length === 0 ? 'Geen.' : undated.map((d) => `- ${d.id} (${cell(d.input)})`).join('\n'), '');
  const dups = input.relations.documents.flatMap((r, i) => (r.duplicateOf !== undefined ? [`- ${input.ids[i]} is een duplicaat van ${input.ids[r.duplicateOf]}`] : []));
  const quoted = input.relations.documents.flatMap((r, i) => (r.quotedIn.length > 0 ? [`- ${input.ids[i]} is volledig opgenomen in ${r.quotedIn.map((j) => input.ids[j]).join(', ')}`] : []));
  const renderings = input.relations.documents.flatMap((r, i) => (r.sameMailAs.some((j) => j < i) ? [`- ${input.ids[i]} is dezelfde e-mail als ${r.sameMailAs.filter((j) => j < i).map((j) => input.ids[j]).join(', ')}, in een andere weergave (zoals een scan); geen duplicaat: beoordeel elk`] : []));
  out.push('## Duplicaten en e-mailconversaties', '');
  out.push(dups.length + quoted.length + renderings.length === 0 ? 'Geen.' : [...dups, ...quoted, ...renderings].join('\n'), '');
  if (input.notices.length > 0) {
    out.push('## Nog te regelen voor de upload', '');
    for (const n of input.notices) out.push(`- ${n}`);
    out.push('');
  }
  out.push('## Bestanden in het pakket', '', '| ID | bestand | beoordeling |', '|---|---|---|');
  for (const d of input.documents) out.push(`| ${d.id} | ${cell(d.input)} | ${d.assessment} |`);
  out.push('');
  return out.join('\n');
}
