// Splitting CSV text into rows of fields, the way a reader of our inventory does: the one state
// machine behind the tests' Excel (publish-excel.ts) and the importer's fgetcsv (publish-importer.ts),
// which differ only in the dialect below.

export interface CsvDialect {
  readonly separator: string;
  /** Excel opens a quoted part only at the start of a field; fgetcsv wherever a quote stands. */
  readonly quoteOnlyAtFieldStart: boolean;
  /**
   * fgetcsv reads a backslash before a quote (inside quotes) as an escape. Our writer never needs
   * one, so meeting it fails the test with this message.
   */
  readonly backslashQuote?: string;
}

/** Rows of fields; "" inside a quoted field is a quote; CRLF, LF or CR ends a row. */
export function splitCsv(text: string, dialect: CsvDialect): string[][] {
  const rows: string[][] = [];
  let row: string[] = [];
  let field = '';
  let quoted = false;
  for (let i = 0; i < text.length; i++) {
    const c = text[i] as string;
    if (quoted) {
      if (dialect.backslashQuote !== undefined && c === '\\' && text[i + 1] === '"') throw new Error(dialect.backslashQuote);
      if (c === '"' && text[i + 1] === '"') {
        field += '"';
        i++;
      } else if (c === '"') quoted = false;
      else field += c;
    } else if (c === '"' && (field === '' || !dialect.quoteOnlyAtFieldStart)) quoted = true;
    else if (c === dialect.separator) {
      row.push(field);
      field = '';
    } else if (c === '\n' || c === '\r') {
      if (c === '\r' && text[i + 1] === '\n') i++;
      row.push(field);
      rows.push(row);
      row = [];
      field = '';
    } else field += c;
  }
  if (field !== '' || row.length > 0) {
    row.push(field);
    rows.push(row);
  }
  return rows;
}
