// How Excel opens a .csv by double-click, restated for the tests: it splits on the list separator
// of the Windows regional settings (";" with Dutch settings, where "," is the decimal sign), honours
// double quotes ("" inside a quoted field is a quote), and takes a leading UTF-8 byte-order mark
// as the encoding, not as text. Nothing else (no backslash escape, no separator detection).

export const DUTCH_LIST_SEPARATOR = ';';

export function openInExcel(text: string, listSeparator: string = DUTCH_LIST_SEPARATOR): string[][] {
  const body = text.replace(/^\uFEFF/, '');
  const rows: string[][] = [];
  let row: string[] = [];
  let field = '';
  let quoted = false;
  for (let i = 0; i < body.length; i++) {
    const c = body[i] as string;
    if (quoted) {
      if (c === '"' && body[i + 1] === '"') {
        field += '"';
        i++;
      } else if (c === '"') quoted = false;
      else field += c;
    } else if (c === '"' && field === '') quoted = true;
    else if (c === listSeparator) {
      row.push(field);
      field = '';
    } else if (c === '\n' || c === '\r') {
      if (c === '\r' && body[i + 1] === '\n') i++;
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
