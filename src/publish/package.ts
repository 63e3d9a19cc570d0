import { createHash } from 'node:crypto';
import { readdir, readFile, rm } from 'node:fs/promises';
import { join } from 'node:path';
import type { Config } from '../config/config.js';
import type { GroundCode } from '../decide/grounds.js';
import { isWooRedactError } from '../errors.js';
import { writeFileAtomic } from '../io/atomic-write.js';
import type { Manifest } from '../manifest/schema.js';
import { type AnnexDocument, annexMarkdown, annexPdf } from './annex.js';
import { diwooDossier, type DiwooDossier, diwooXml, resolveCategory } from './diwoo.js';
import { type DossierRelations, relateDocuments } from './duplicates.js';
import type { DocumentFacts } from './facts.js';
import { BEOORDELINGEN, INVENTORY_LIMITS, type InventoryRow, InventoryRowSchema, inventoryToCsv, truncateBytes } from './inventory.js';
import { internalReport } from './report.js';
import { inventoryToXlsx } from './xlsx.js';

/**
 * The publication package of a dossier: what a Woo-team uploads to the platform as it is.
 *
 *   publicatie/documenten/<ID>.pdf|txt   the redacted documents, named after their IDs
 *   publicatie/productierapport.xlsx     the inventory, and the same as CSV (comma: the importer's)
 *   publicatie/diwoo/<ID>.xml            DiWoo metadata per published document
 *   publicatie/motivering.pdf|md         the annex to the decision letter
 *   woo-team-rapport.intern.md           for the Woo-team only: refused files, open items
 *   productierapport-excel.csv           the inventory for Excel with Dutch settings (";"): to read, never to upload
 *
 * Written by the one-step batch run and by apply (review), from the per-document results.
 */
export const PACKAGE_DIR = 'publicatie';
export const INTERNAL_REPORT = 'woo-team-rapport.intern.md';
/** The inventory as Excel with Dutch settings opens it in columns (outside publicatie/: not for upload). */
export const EXCEL_INVENTORY = 'productierapport-excel.csv';

/** One document that went through the pipeline, as the package needs it. */
export interface PackageDocument {
  /** The input's safe relative name (personal data in the name replaced by its code). */
  readonly input: string;
  /** The redacted output file, and its type. */
  readonly outputFile: string;
  readonly format: 'pdf' | 'txt';
  readonly manifest: Pick<Manifest, 'assessment' | 'grounds' | 'source' | 'output' | 'review'>;
  readonly facts: DocumentFacts;
}

/** A file that was refused, failed or skipped: reported to the Woo-team, never a row. */
export interface PackageRefusal {
  readonly input: string;
  readonly status: 'failed' | 'skipped';
  readonly code: string;
  readonly message: string;
}

export interface PublicationInput {
  readonly outDir: string;
  readonly config: Config;
  readonly documents: readonly PackageDocument[];
  readonly refused: readonly PackageRefusal[];
}

export interface PublicationSummary {
  readonly dir: string;
  /** xlsx and csv are for upload; excelCsv (";"-separated) is for reading in Excel with Dutch settings. */
  readonly inventory: { readonly xlsx: string; readonly csv: string; readonly excelCsv: string };
  readonly annex: { readonly pdf: string; readonly markdown: string };
  readonly internalReport: string;
  readonly rows: number;
  readonly published: number;
  readonly withheld: number;
  readonly diwoo: number;
  readonly duplicates: number;
  readonly quotedEmails: number;
  /** E-mails that are another rendering (a scan) of an earlier e-mail. */
  readonly otherRenderings: number;
  readonly threads: number;
  /** E-mails whose attachments (named in their Bijlage(n) header) are in the dossier. */
  readonly families: number;
  readonly refused: number;
  /** What the Woo-team must fix before uploading (missing config, documents without a date). */
  readonly notices: readonly string[];
}

/** At most this many IDs are named in a notice; the internal report lists them all. */
const LISTED_IDS = 20;
const listIds = (ids: readonly string[]) => (ids.length > LISTED_IDS ? `${ids.slice(0, LISTED_IDS).join(', ')} and ${ids.length - LISTED_IDS} more (all in ${INTERNAL_REPORT})` : ids.join(', '));

/** The dossier's IDs: prefix + a four-digit number, unique in the dossier (case-insensitively too). */
export function documentIds(count: number, prefix: string): string[] {
  const width = Math.max(4, String(count).length);
  return Array.from({ length: count }, (_, i) => `${prefix}${String(i + 1).padStart(width, '0')}`);
}

export function idPrefixOf(config: Config): string {
  return config.dossier.idPrefix ?? ((config.dossier.matter ?? '').replace(/[^A-Za-z0-9]/g, '').slice(0, 40) || 'doc');
}

const sha256 = (data: Uint8Array | string) => createHash('sha256').update(data).digest('hex');

function fileType(doc: PackageDocument): string {
  return doc.facts.kind === 'email' ? 'email' : doc.format === 'pdf' ? 'pdf' : 'doc';
}

/** The name shown on the website: the subject, else the file name without extension. */
export function documentName(doc: Pick<PackageDocument, 'input' | 'facts'>): string {
  const base = doc.input.split('/').pop() ?? doc.input;
  const fallback = base.replace(/\.[^.]+$/, '').replace(/[-_]+/g, ' ').trim() || base;
  return truncateBytes(doc.facts.title ?? fallback, INVENTORY_LIMITS.documentBytes);
}

function publicExplanation(i: number, ids: readonly string[], relations: DossierRelations, assessment: string): string {
  const r = relations.documents[i];
  const parts: string[] = [];
  if (r?.duplicateOf !== undefined) parts.push(`Duplicaat van document ${ids[r.duplicateOf]}.`);
  if (r && r.quotedIn.length > 0) parts.push(`Deze e-mail is volledig opgenomen in document ${r.quotedIn.map((j) => ids[j]).join(', ')}.`);
  if (r && r.sameMailAs.length > 0) parts.push(`Dezelfde e-mail als document ${r.sameMailAs.map((j) => ids[j]).join(', ')}, in een andere weergave (zoals een scan van een afdruk).`);
  if (assessment === 'niet openbaar') parts.push('Dit document is in zijn geheel niet openbaar gemaakt.');
  return parts.join(' ').slice(0, INVENTORY_LIMITS.toelichting);
}

function relatedIds(i: number, ids: readonly string[], relations: DossierRelations): string {
  const r = relations.documents[i];
  if (!r) return '';
  const related = new Set<number>([...r.quotedIn, ...r.quotes, ...r.sameMailAs]);
  if (r.duplicateOf !== undefined) related.add(r.duplicateOf);
  relations.documents.forEach((other, j) => {
    if (other.duplicateOf === i) related.add(j);
  });
  related.delete(i);
  return [...related]
    .sort((a, b) => a - b)
    .map((j) => ids[j])
    .join('; ');
}

/** The inventory rows, one per document, in dossier order. */
export function inventoryRows(documents: readonly PackageDocument[], ids: readonly string[], relations: DossierRelations, config: Config): InventoryRow[] {
  return documents.map((doc, i) => {
    const r = relations.documents[i];
    const assessment = doc.manifest.assessment;
    if (!(BEOORDELINGEN as readonly string[]).includes(assessment)) throw new Error(`unexpected assessment ${assessment}`);
    return InventoryRowSchema.parse({
      ID: ids[i],
      Matter: config.dossier.matter ?? '',
      'Family ID': r?.familyId ?? '',
      'Email Thread ID': r?.threadId ?? '',
      Document: documentName(doc),
      'File type': fileType(doc),
      Datum: doc.facts.date?.date ?? '',
      Beoordeling: assessment,
      Opgeschort: '',
      Beoordelingsgrond: assessment === 'openbaar' ? '' : doc.manifest.grounds.map((g) => g.code).join('; '),
      Toelichting: publicExplanation(i, ids, relations, assessment),
      'Publieke link': '',
      'Gerelateerd ID': relatedIds(i, ids, relations),
      Zaaknummer: config.dossier.zaaknummer ?? '',
    });
  });
}

/** Removes files a previous run left in a package folder that this run does not write. */
async function removeStale(dir: string, keep: ReadonlySet<string>): Promise<void> {
  let names: string[];
  try {
    names = await readdir(dir);
  } catch {
    return;
  }
  await Promise.all(names.filter((n) => !keep.has(n)).map((n) => rm(join(dir, n), { force: true, recursive: true })));
}

/**
 * Checks the dossier config before any file is processed (a config error, exit 2): a wrong
 * organisation or category, or DiWoo configured (an informatiecategorie) without its mandatory
 * publisher. A config that sets nothing for DiWoo only gets a notice: the package is written
 * without DiWoo files.
 */
export function checkPublicationConfig(config: Config): void {
  if (config.dossier.informatiecategorie) resolveCategory(config.dossier.informatiecategorie);
  if (config.dossier.organisation || config.dossier.informatiecategorie) diwooDossier(config.dossier);
}

/** Writes the package; returns what it wrote and what the Woo-team must still fix. */
export async function writePublicationPackage(input: PublicationInput): Promise<PublicationSummary> {
  const { outDir, config, documents } = input;
  const dir = join(outDir, PACKAGE_DIR);
  const notices: string[] = [];
  const ids = documentIds(documents.length, idPrefixOf(config));
  const relations = relateDocuments(
    documents.map((d) => d.facts),
    documents.map((d) => d.input.split('/').pop() ?? d.input),
  );
  const rows = inventoryRows(documents, ids, relations, config);
  if (!config.dossier.matter) notices.push('dossier.matter is not set: the platform needs the Matter (the dossier\'s kenmerk) in every row; set it in the config and run again');

  // The documents, named after their IDs: the platform reads the ID from the file name.
  const published = new Map<number, { file: string; sha256: string }>();
  for (const [i, doc] of documents.entries()) {
    if (doc.manifest.assessment === 'niet openbaar') continue;
    const bytes = new Uint8Array(await readFile(doc.outputFile));
    const hash = sha256(bytes);
    if (hash !== doc.manifest.output.sha256) throw new Error(`the redacted output of ${doc.input} changed after it was verified; run woo-redact again`);
    const file = `${ids[i]}.${doc.format}`;
    await writeFileAtomic(join(dir, 'documenten', file), bytes);
    published.set(i, { file: `documenten/${file}`, sha256: hash });
  }
  await removeStale(join(dir, 'documenten'), new Set([...published.values()].map((p) => p.file.slice('documenten/'.length))));

  // DiWoo metadata: only when the publisher is configured (a wrong value is a config error).
  let diwoo: DiwooDossier | undefined;
  if (config.dossier.organisation) diwoo = diwooDossier(config.dossier);
  else notices.push('DiWoo metadata not written: set dossier.organisation in the config (the TOOI URI or the name of the organisation as in the DiWoo value lists)');
  const diwooFiles = new Set<string>();
  const noDiwooDate: string[] = [];
  if (diwoo) {
    for (const [i, doc] of documents.entries()) {
      if (!published.has(i)) continue;
      const id = ids[i] as string;
      // DiWoo needs a moment for its documenthandeling: the document's date, else the besluit's.
      if (!doc.facts.date && !diwoo.besluitdatum) {
        noDiwooDate.push(id);
        continue;
      }
      try {
        const xml = diwooXml({ id, title: documentName(doc), kind: doc.facts.kind, ...(doc.facts.date ? { date: doc.facts.date } : {}), format: doc.format, ...(config.dossier.matter ? { matter: config.dossier.matter } : {}) }, diwoo);
        await writeFileAtomic(join(dir, 'diwoo', `${id}.xml`), xml);
        diwooFiles.add(`${id}.xml`);
      } catch (error) {
        if (!isWooRedactError(error)) throw error;
        notices.push(error.message);
      }
    }
  }
  await removeStale(join(dir, 'diwoo'), diwooFiles);
  if (noDiwooDate.length > 0) notices.push(`DiWoo metadata not written for ${noDiwooDate.length} document(s) without a date woo-redact could read (${listIds(noDiwooDate)}): set dossier.besluitdatum (YYYY-MM-DD) in the config, DiWoo then uses it`);

  const xlsxPath = join(dir, 'productierapport.xlsx');
  const csvPath = join(dir, 'productierapport.csv');
  await writeFileAtomic(xlsxPath, inventoryToXlsx(rows));
  await writeFileAtomic(csvPath, inventoryToCsv(rows, ','));
  const excelCsvPath = join(outDir, EXCEL_INVENTORY);
  await writeFileAtomic(excelCsvPath, inventoryToCsv(rows, ';'));

  const annexDocs: AnnexDocument[] = documents.map((doc, i) => {
    const dup = relations.documents[i]?.duplicateOf;
    const pub = published.get(i);
    return {
      id: ids[i] as string,
      title: documentName(doc),
      assessment: doc.manifest.assessment,
      grounds: doc.manifest.grounds.map((g) => ({ code: g.code as GroundCode, count: g.count })),
      inputSha256: doc.manifest.source.sha256,
      ...(pub ? { published: pub } : {}),
      ...(dup !== undefined ? { duplicateOf: ids[dup] as string } : {}),
    };
  });
  const besluitnaam = config.dossier.besluitnaam ?? config.inventory.besluitnaam;
  const model = {
    ...(besluitnaam ? { besluitnaam } : {}),
    ...(config.dossier.besluitdatum ? { besluitdatum: config.dossier.besluitdatum } : {}),
    ...(config.dossier.matter ? { matter: config.dossier.matter } : {}),
    ...(diwoo ? { organisation: diwoo.publisher.label } : {}),
    documents: annexDocs,
    duplicates: relations.duplicates,
    quotedEmails: relations.quotedEmails,
  };
  const annexMd = join(dir, 'motivering.md');
  const annexPdfPath = join(dir, 'motivering.pdf');
  await writeFileAtomic(annexMd, annexMarkdown(model));
  await writeFileAtomic(annexPdfPath, await annexPdf(model));

  const undated = documents.flatMap((d, i) => (d.facts.date ? [] : [ids[i] as string]));
  const reportPath = join(outDir, INTERNAL_REPORT);
  await writeFileAtomic(
    reportPath,
    internalReport({
      documents: documents.map((d, i) => ({ id: ids[i] as string, input: d.input, assessment: d.manifest.assessment, openReview: d.manifest.review.length, undated: !d.facts.date })),
      refused: input.refused,
      relations,
      ids,
      notices,
    }),
  );
  if (undated.length > 0) {
    notices.push(`${undated.length} document(s) without a date woo-redact could read (Datum left empty; fill it in the XLSX): ${listIds(undated)}`);
  }

  return {
    dir,
    inventory: { xlsx: xlsxPath, csv: csvPath, excelCsv: excelCsvPath },
    annex: { pdf: annexPdfPath, markdown: annexMd },
    internalReport: reportPath,
    rows: rows.length,
    published: published.size,
    withheld: documents.length - published.size,
    diwoo: diwooFiles.size,
    duplicates: relations.duplicates,
    quotedEmails: relations.quotedEmails,
    otherRenderings: relations.otherRenderings,
    threads: relations.threads,
    families: relations.families,
    refused: input.refused.length,
    notices,
  };
}

