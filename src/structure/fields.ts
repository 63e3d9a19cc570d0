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

function matchForm(folded: string, exactOnly: boolean): LabelForm | undefined {
  for (const form of LABEL_FORMS) {
    for (const f of form.forms) {
      if (folded === f) return form;
    }
  }
  if (exactOnly) return undefined;
  for (const form of LABEL_FORMS) {
    for (const f of form.forms) {
      if (f.length >= 6 && fuzzyEquals(folded, f)) return form;
    }
  }
  return undefined;
}

/** A label at the start of the line: "Datum: 8 juni", "Behandeld door J. Jansen", "Datum" alone. */
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

  const folded = foldForMatching(text);
  const alone = matchForm(folded, false);
  if (alone) {
    if (alone.needsColon && !matchForm(folded, true)) return null;
    return { form: alone, labelSpan: { start, end }, value: null, withColon: false };
  }

  // "Behandeld door J. Jansen": a long label followed by its value on the same line.
  const words = text.split(' ');
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
export function findFields(lines: readonly Line[]): { fields: LabelledField[]; emailHeaders: Span[] } {
  const hits: (LabelHit | null)[] = lines.map(labelAt);
  const fields: LabelledField[] = [];
  const emailHeaders: Span[] = [];
  const inHeader = new Array<boolean>(lines.length).fill(false);

  for (let i = 0; i < lines.length; ) {
    let j = i;
    while (j < lines.length && hits[j]?.withColon && hits[j]?.form.emailHeader) j++;
    if (j - i >= 2) {
      for (let k = i; k < j; k++) inHeader[k] = true;
      emailHeaders.push({ start: (lines[i] as Line).start, end: (lines[j - 1] as Line).end });
      i = j;
    } else i++;
  }

  for (let i = 0; i < lines.length; i++) {
    const hit = hits[i];
    if (!hit) continue;
    let value = hit.value;
    if (!value) {
      for (let k = i + 1; k < Math.min(lines.length, i + 3); k++) {
        const next = lines[k] as Line;
        if (isBlank(next)) continue;
        if (!hits[k]) value = trimmedSpan(next);
        break;
      }
    }
    if (!value) continue;
    fields.push({ label: hit.form.label, labelSpan: hit.labelSpan, value, inEmailHeader: inHeader[i] === true });
  }
  return { fields, emailHeaders };
}
