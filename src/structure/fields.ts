import { isBlank, type Line, trimmedSpan } from '../document/lines.js';
import type { Span } from '../document/span.js';
import { foldForMatching, fuzzyEquals } from './fuzzy.js';
import { LABEL_FORMS, type LabelForm } from './labels.js';
import type { LabelledField } from './types.js';

interface LabelHit {
  readonly form: LabelForm;
  readonly labelSpan: Span;
  /** Value on the same line, or null if the value is on the next line. */
  readonly value: Span | null;
  readonly withColon: boolean;
}

/** Each written form's label (the first in LABEL_FORMS's order that has it). */
const EXACT = new Map<string, LabelForm>();
for (const form of LABEL_FORMS) for (const f of form.forms) if (!EXACT.has(f)) EXACT.set(f, form);

/**
 * The forms worth an edit distance against a folded text of each length (5-30): six letters or
 * more, at most two longer or shorter, in LABEL_FORMS's order (the first that matches wins, as
 * when every form was tried in turn; matchForm ran for every cell of every line).
 */
const FUZZY_BY_LENGTH: readonly (readonly { form: LabelForm; f: string }[])[] = Array.from({ length: 31 }, (_, length) =>
  length < 5 ? [] : LABEL_FORMS.flatMap((form) => form.forms.filter((f) => f.length >= 6 && Math.abs(f.length - length) <= 2).map((f) => ({ form, f }))),
);

function matchForm(folded: string, exactOnly: boolean): LabelForm | undefined {
  const exact = EXACT.get(folded);
  if (exact) return exact;
  if (exactOnly || folded.length < 5 || folded.length > 30) return undefined;
  for (const { form, f } of FUZZY_BY_LENGTH[folded.length] ?? []) {
    // Cheap filter before the edit distance: OCR rarely damages both first and last letter.
    if (f[0] !== folded[0] && f[f.length - 1] !== folded[folded.length - 1]) continue;
    if (fuzzyEquals(folded, f)) return form;
  }
  return undefined;
}

/**
 * The cells of a line: the normaliser turns a wide gap between layout columns into a tab, so a
 * letterhead that OCR merged into body lines ("... de persoonlijke\tContactpersoon") splits again.
 */
export function cellsOf(line: Line): Line[] {
  const cells: Line[] = [];
  let start = line.start;
  for (const part of line.text.split('\t')) {
    cells.push({ start, end: start + part.length, text: part });
    start += part.length + 1;
  }
  return cells;
}

/** A label at the start of a cell: "Datum: 8 juni", "Behandeld door J. Jansen", "Datum" alone. */
function labelAt(line: Line): LabelHit | null {
  const { start, end } = trimmedSpan(line);
  const text = line.text.slice(start - line.start, end - line.start);
  if (text.length === 0) return null;

  const colon = text.indexOf(':');
  if (colon > 0 && colon <= 32) {
    const form = matchForm(foldForMatching(text.slice(0, colon)), false);
    if (form) {
      let v = colon + 1;
      while (v < text.length && text[v] === ' ') v++;
      const value = v < text.length ? { start: start + v, end } : null;
      return { form, labelSpan: { start, end: start + colon }, value, withColon: true };
    }
  }

  // A label alone on its line is short; longer lines can only start with one (cheap test first).
  if (text.length <= 34) {
    const folded = foldForMatching(text);
    const alone = matchForm(folded, false);
    if (alone) {
      if (alone.needsColon && !matchForm(folded, true)) return null;
      return { form: alone, labelSpan: { start, end }, value: null, withColon: false };
    }
  }
  if (!/^\p{L}/u.test(text)) return null;

  // "Behandeld door J. Jansen": a long label followed by its value on the same line.
  const words = text.split(' ', 4);
  for (let n = 3; n >= 1; n--) {
    if (words.length <= n) continue;
    const head = words.slice(0, n).join(' ');
    const form = matchForm(foldForMatching(head), false);
    if (form && !form.needsColon) {
      const valueStart = start + head.length + 1;
      return { form, labelSpan: { start, end: start + head.length }, value: { start: valueStart, end }, withColon: false };
    }
  }
  return null;
}

/**
 * Finds the labelled fields of a letterhead or e-mail header. A label alone on its line takes the
 * next non-blank line as its value, as letterhead columns are laid out. Lines of two or more
 * consecutive e-mail header labels with colons form an e-mail header block.
 */
export function findFields(lines: readonly Line[], claimed: ReadonlySet<number> = new Set()): { fields: LabelledField[]; emailHeaders: Span[] } {
  const cells = lines.map(cellsOf);
  // Lines of an e-mail header block are read by findEmailHeaders.
  const hits: (LabelHit | null)[][] = cells.map((row, i) => (claimed.has(i) ? row.map(() => null) : row.map(labelAt)));
  const fields: LabelledField[] = [];
  const emailHeaders: Span[] = [];
  const inHeader = new Array<boolean>(lines.length).fill(false);
  const headerHit = (i: number) => {
    const h = hits[i]?.[0];
    return h !== null && h !== undefined && h.withColon && h.form.emailHeader;
  };

  for (let i = 0; i < lines.length; ) {
    let j = i;
    while (j < lines.length && headerHit(j)) j++;
    if (j - i >= 2) {
      for (let k = i; k < j; k++) inHeader[k] = true;
      emailHeaders.push({ start: (lines[i] as Line).start, end: (lines[j - 1] as Line).end });
      i = j;
    } else i++;
  }

  for (let i = 0; i < lines.length; i++) {
    const row = hits[i] as (LabelHit | null)[];
    row.forEach((hit, column) => {
      if (!hit) return;
      let value = hit.value;
      // Column layout: the label in one cell, its value in the next cell of the same line
      // ("Behandeld door<gap>A. Jansen").
      const right = cells[i]?.[column + 1];
      if (!value && right && right.text.trim() !== '' && !row[column + 1]) value = trimmedSpan(right);
      // The value sits below the label, in the same column of the next non-blank line.
      for (let k = i + 1; !value && k < Math.min(lines.length, i + 4); k++) {
        if (isBlank(lines[k] as Line)) continue;
        const below = cells[k] as Line[];
        const cell = below.length > column ? below[column] : column > 0 ? undefined : below[0];
        if (!cell || cell.text.trim() === '') continue;
        if (!hits[k]?.[below.indexOf(cell)]) value = trimmedSpan(cell);
        break;
      }
      if (!value) return;
      fields.push({ label: hit.form.label, labelSpan: hit.labelSpan, value, inEmailHeader: inHeader[i] === true });
    });
  }
  return { fields, emailHeaders };
}
