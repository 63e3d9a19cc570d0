// The inventory rules of open.minvws.nl's importer (nl-rdo-woo-web, src/Service/Inventory and
// src/Service/FileReader), restated for the tests: how headers are matched, which are required,
// what each value must be. Written from reading that code; the tests run our output through it.

import { expect } from 'vitest';
import { splitCsv } from './fixtures-csv.js';

/** Header lists per field, as the importer's InventoryReaderFactory declares them. */
export const IMPORTER_COLUMNS: readonly { field: string; required: boolean; names: readonly string[] }[] = [
  { field: 'date', required: false, names: ['date', 'datum'] },
  { field: 'document', required: true, names: ['document', 'document id', 'documentnr', 'document nr', 'documentnr.', 'document nr.', 'nr.', 'omschrijving'] },
  { field: 'family', required: false, names: ['family', 'familie', 'family id'] },
  { field: 'sourcetype', required: false, names: ['file type', 'filetype'] },
  { field: 'ground', required: true, names: ['beoordelingsgrond', 'grond', 'tagmulti006', 'beoordelingsgrond (; gescheiden)'] },
  { field: 'id', required: true, names: ['id'] },
  { field: 'judgement', required: true, names: ['beoordeling', 'openbaarmaking'] },
  { field: 'threadid', required: false, names: ['thread id', 'email thread id', 'email thread'] },
  { field: 'casenr', required: false, names: ['zaaknr', 'casenr', 'zaak', 'case', 'zaaknummer'] },
  { field: 'suspended', required: false, names: ['opgeschort', 'suspended', 'tag015'] },
  { field: 'link', required: false, names: ['publiekelinktag', 'publieke link', 'publiekelink', 'publicatielink', 'publicatie link', 'publiekelink ( | gescheiden)'] },
  { field: 'remark', required: false, names: ['toelichting', 'opmerking'] },
  { field: 'matter', required: true, names: ['matter', 'matter / marjoleinnummer'] },
  { field: 'refers_to', required: false, names: ['gerelateerd id'] },
];

/** PHP's trim(): spaces, tabs, newlines, NUL and vertical tab only (not a byte-order mark). */
const phpTrim = (s: string) => s.replace(/^[ \t\n\r\0\x0B]+|[ \t\n\r\0\x0B]+$/g, '');

/** HeaderMappingTrait::resolveHeaderMapping: field -> column index; throws for missing required headers. */
export function mapHeaders(headers: readonly string[]): Map<string, number> {
  const mapping = new Map<string, number>();
  const missing = new Map(IMPORTER_COLUMNS.map((c) => [c.field, c]));
  headers.forEach((raw, idx) => {
    const name = phpTrim(phpTrim(raw.toLowerCase()).replace(/^[0-9]+/, ''));
    if (name === '') return;
    for (const [field, column] of missing) {
      if (column.names.includes(name)) {
        mapping.set(field, idx);
        missing.delete(field);
      }
    }
  });
  const required = [...missing.values()].filter((c) => c.required).map((c) => c.field);
  if (required.length > 0) throw new Error(`missing headers: ${required.join(', ')}`);
  return mapping;
}

/**
 * fgetcsv with PHP's defaults (comma, double quote, backslash escape), for the rows we write.
 * The importer passes no separator (CsvReaderFactory::createReader and CsvReader call
 * fgetcsv($handle) / fgetcsv($handle, escape: '\\')) and detects none: a ";" file is one column.
 */
export function parseCsv(text: string): string[][] {
  return splitCsv(text, { separator: ',', quoteOnlyAtFieldStart: false, backslashQuote: 'backslash before a quote: fgetcsv would read it as an escape' });
}

export const JUDGEMENTS = ['openbaar', 'deels openbaar', 'reeds openbaar', 'niet openbaar'];
export const GROUND_CODES = ['5.1.1a', '5.1.1b', '5.1.1c', '5.1.1d', '5.1.1e', '5.1.2a', '5.1.2b', '5.1.2c', '5.1.2d', '5.1.2e', '5.1.2f', '5.1.2g', '5.1.2h', '5.1.2i', '5.1.5', '5.2'];

/** One importer row as the tests check it: every rule the importer applies, as a list of violations. */
export function rowViolations(row: readonly string[], map: ReadonlyMap<string, number>): string[] {
  const get = (field: string) => {
    const i = map.get(field);
    return i === undefined ? undefined : (row[i] ?? '');
  };
  const v: string[] = [];
  const id = get('id') ?? '';
  if (!/^[a-zA-Z0-9.-]*$/.test(id) || id.length < 1 || id.length > 170) v.push(`ID "${id}" does not match the pattern or length`);
  const matter = get('matter') ?? '';
  if (!/^[a-zA-Z0-9-._~]*$/.test(matter) || matter.length < 2 || matter.length > 255) v.push('Matter missing or invalid');
  const judgement = (get('judgement') ?? '').trim().toLowerCase();
  if (!JUDGEMENTS.includes(judgement)) v.push(`Beoordeling "${judgement}" is none of the four values`);
  const grounds = (get('ground') ?? '').split(';').map((g) => g.trim()).filter(Boolean);
  for (const g of grounds) if (!GROUND_CODES.includes(g.replace(/^(5\.1\.[12])\.([a-i])$/, '$1$2'))) v.push(`ground "${g}" unknown`);
  if (judgement === 'deels openbaar' && grounds.length === 0) v.push('deels openbaar without a ground');
  if (Buffer.byteLength(get('document') ?? '', 'utf8') > 500) v.push('Document over 500 bytes');
  if ((get('document') ?? '').trim() === '') v.push('Document empty');
  const remark = get('remark') ?? '';
  if ([...remark].length > 1000) v.push('Toelichting over 1000 characters');
  for (const field of ['family', 'threadid']) {
    const value = get(field) ?? '';
    if (value !== '' && !(Number.isInteger(Number(value)) && Number(value) >= 1)) v.push(`${field} "${value}" is not a positive integer`);
  }
  const date = get('date') ?? '';
  if (date !== '' && !/^\d{4}-\d{2}-\d{2}$/.test(date)) v.push(`Datum "${date}" is not JJJJ-MM-DD`);
  const link = get('link') ?? '';
  if (link !== '' && (link.length > 2048 || !/^https?:\/\//.test(link))) v.push('Publieke link invalid');
  const suspended = get('suspended') ?? '';
  if (suspended !== '' && suspended !== 'yes') v.push('Opgeschort is not "yes" or empty');
  return v;
}

/** The rows after the header as the importer maps them (field -> value), each checked against every rule. */
export function importerRecords(rows: readonly string[][]): Record<string, string>[] {
  const [header, ...body] = rows;
  const map = mapHeaders(header ?? []);
  return body.map((row) => {
    expect(rowViolations(row, map)).toEqual([]);
    return Object.fromEntries([...map].map(([field, i]) => [field, row[i] ?? '']));
  });
}

/** The value of `field` in the first row whose `where` field holds `value` (no rule checked: a bare config breaks some). */
export function lookUp(rows: readonly string[][], where: string, value: string, field: string): string | undefined {
  const [header, ...body] = rows;
  const map = mapHeaders(header ?? []);
  const at = (f: string) => {
    const i = map.get(f);
    if (i === undefined) throw new Error(`no column for ${f}`);
    return i;
  };
  return body.find((row) => row[at(where)] === value)?.[at(field)];
}

/** DocumentNumberExtractor: the ID is the file name's leading run of letters and digits. */
export function idFromFileName(name: string): string | undefined {
  return /^([a-zA-Z0-9]+)/.exec(name.replace(/\.[^.]*$/, ''))?.[1];
}
