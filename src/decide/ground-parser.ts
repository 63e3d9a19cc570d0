import { type GroundCode, isGroundCode } from './grounds.js';
import { WOB_TO_WOO } from './wob-grounds.js';
import { GROUND_NOTATION_PATTERNS } from '../detect/patterns/grounds.js';

export type Law = 'woo' | 'wob';

export interface ParsedGround {
  /** The Woo ground, or null for a Wob ground without a Woo successor (10.2f). */
  readonly code: GroundCode | null;
  readonly law: Law;
  /** Canonical short form in its own law: "5.1.2e", "10.2e", "11.1". */
  readonly canonical: string;
  readonly start: number;
  readonly end: number;
}

const ORDINALS: Readonly<Record<string, number>> = {
  eerste: 1,
  tweede: 2,
  derde: 3,
  vierde: 4,
  vijfde: 5,
};

function toNumber(value: string | undefined): number | undefined {
  if (value === undefined) return undefined;
  const lower = value.toLowerCase();
  if (lower in ORDINALS) return ORDINALS[lower];
  const n = Number.parseInt(lower, 10);
  return Number.isNaN(n) ? undefined : n;
}

/** Builds the canonical code from article, paragraph (lid) and letter (onder/sub). */
type Canonical = Pick<ParsedGround, 'code' | 'law' | 'canonical'>;

function canonicalise(article: string, lid: number | undefined, letter: string | undefined): Canonical | null {
  const l = letter?.toLowerCase();
  if (article === '5.1') {
    if (lid === 5 && !l) return { code: '5.1.5', law: 'woo', canonical: '5.1.5' };
    if ((lid === 1 || lid === 2) && l) {
      const code = `5.1.${lid}${l}`;
      return isGroundCode(code) ? { code, law: 'woo', canonical: code } : null;
    }
    return null;
  }
  if (article === '5.2') {
    if (lid === undefined || lid === 1) return { code: '5.2', law: 'woo', canonical: '5.2' };
    return null;
  }
  if (article === '10') {
    if ((lid === 1 || lid === 2) && l) {
      const canonical = `10.${lid}${l}`;
      if (canonical in WOB_TO_WOO) return { code: WOB_TO_WOO[canonical] ?? null, law: 'wob', canonical };
    }
    return null;
  }
  if (article === '11') {
    if (lid === undefined || lid === 1) return { code: '5.2', law: 'wob', canonical: '11.1' };
    return null;
  }
  return null;
}

/**
 * Finds every ground citation in a text, in any of the notations seen in real releases
 * ("5.1.2e", "5.1.2 e", "5.1 lid 2 sub e", "artikel 5.1, tweede lid, aanhef en onder e", Wob
 * "10.2.e", "(10)(2e)"), normalised to the codes of the grounds table. Overlapping notations
 * are reported once (the longest wins).
 */
export function findGroundCitations(text: string, mode: 'text' | 'cell' = 'text'): ParsedGround[] {
  const found: ParsedGround[] = [];
  for (const pattern of GROUND_NOTATION_PATTERNS) {
    if (mode === 'text' && !pattern.inText) continue;
    const regex = new RegExp(pattern.regex.source, pattern.regex.flags);
    for (let m = regex.exec(text); m; m = regex.exec(text)) {
      const g = m.groups ?? {};
      const article = (pattern.article ?? g.article ?? '').replace(/[,\s]/g, (c) => (c === ',' ? '.' : ''));
      const parsed = canonicalise(article, toNumber(g.lid ?? g.lidword), g.letter);
      if (parsed) found.push({ ...parsed, start: m.index, end: m.index + m[0].length });
    }
  }
  found.sort((a, b) => a.start - b.start || b.end - a.end);
  const result: ParsedGround[] = [];
  for (const f of found) {
    const last = result[result.length - 1];
    if (last && f.start < last.end) continue;
    result.push(f);
  }
  return result;
}

/** Normalises one written code ("5.1.2 e", "10.2.e", "5.2.1") or returns null if it is none. */
export function parseGroundCode(written: string): ParsedGround | null {
  const trimmed = written.trim();
  const all = findGroundCitations(trimmed, 'cell');
  const first = all[0];
  if (!first || first.start !== 0 || first.end !== trimmed.length) {
    return null;
  }
  return first;
}

/** Parses a "; "-separated inventory cell ("5.1.1c; 5.1.2e") into Woo codes. */
export function parseGroundList(cell: string): GroundCode[] {
  const codes = new Set<GroundCode>();
  for (const part of cell.split(/[;|]/)) {
    const parsed = parseGroundCode(part);
    if (parsed?.code) codes.add(parsed.code);
  }
  return [...codes];
}
