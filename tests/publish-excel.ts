// How Excel opens a .csv by double-click, restated for the tests: it splits on the list separator
// of the Windows regional settings (";" with Dutch settings, where "," is the decimal sign), honours
// double quotes ("" inside a quoted field is a quote), and takes a leading UTF-8 byte-order mark
// as the encoding, not as text. Nothing else (no backslash escape, no separator detection).

import { splitCsv } from './fixtures-csv.js';

export const DUTCH_LIST_SEPARATOR = ';';

export function openInExcel(text: string, listSeparator: string = DUTCH_LIST_SEPARATOR): string[][] {
  return splitCsv(text.replace(/^\uFEFF/, ''), { separator: listSeparator, quoteOnlyAtFieldStart: true });
}
