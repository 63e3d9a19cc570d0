/** A line of text with its offsets; line breaks are "\n" and the form feed (page break). */
export interface Line {
  readonly start: number;
  readonly end: number;
  readonly text: string;
}

export function splitLines(text: string): Line[] {
  const lines: Line[] = [];
  let start = 0;
  for (let i = 0; i <= text.length; i++) {
    const c = text[i];
    if (i === text.length || c === '\n' || c === '\f') {
      lines.push({ start, end: i, text: text.slice(start, i) });
      start = i + 1;
    }
  }
  return lines;
}

export function isBlank(line: Line): boolean {
  return line.text.trim().length === 0;
}

/** Offsets of the line's text without leading and trailing spaces. */
export function trimmedSpan(line: Line): { start: number; end: number } {
  const lead = line.text.length - line.text.trimStart().length;
  const trail = line.text.length - line.text.trimEnd().length;
  return { start: line.start + lead, end: Math.max(line.start + lead, line.end - trail) };
}
