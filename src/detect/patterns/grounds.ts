/**
 * Notations of Woo and Wob refusal grounds seen in real releases, including OCR damage
 * ("5,1,2e", "5.12e"). Each pattern names its article and captures `lid` (number or ordinal word,
 * as `lid` or `lidword`) and `letter`. `inText` is false for notations that are only a ground when
 * they stand alone in an inventory cell: a bare "5.2" or "11.1" in running text is usually a
 * section number.
 */
export interface GroundNotationPattern {
  readonly regex: RegExp;
  readonly article?: '5.1' | '5.2' | '10' | '11';
  readonly inText: boolean;
}

const SEP = String.raw`[.,]?\s?`;
const ART = String.raw`(?:\bart(?:ikel|\.)?\s*)`;
const LID = String.raw`(?:lid\s*(?<lid>\d)|(?<lidword>eerste|tweede|derde|vierde|vijfde)\s+lid)`;
const LETTER = String.raw`(?:(?:aanhef\s+en\s+)?(?:sub|onder)\s*(?<letter>[a-i])\b)`;

export const GROUND_NOTATION_PATTERNS: readonly GroundNotationPattern[] = [
  // artikel 5.1, tweede lid, aanhef en onder e / 5.1 lid 2 sub e / art. 10, lid 2 sub e Wob
  {
    regex: new RegExp(
      String.raw`${ART}?(?<article>5[.,]\s?1|10)\b\s*,?\s*${LID}\s*,?\s*${LETTER}?(?:\s*,?\s*(?:van\s+de\s+)?(?:Wob|Woo)\b)?`,
      'giu',
    ),
    inText: true,
  },
  // 5.1.2e, 5.1.2 e, 5.1.2.e, 5,1,2e, 5.12e
  {
    regex: new RegExp(String.raw`(?<![\d.,])5[.,]\s?1${SEP}(?<lid>[12])${SEP}(?<letter>[a-i])(?![\p{L}\d])`, 'giu'),
    article: '5.1',
    inText: true,
  },
  // 5.1.5
  { regex: /(?<![\d.,])5[.,]\s?1[.,]\s?(?<lid>5)(?![\d.,]?\d)/gu, article: '5.1', inText: true },
  // art. 5.2 / artikel 5.2, eerste lid / 5.2 Woo
  {
    regex: new RegExp(String.raw`${ART}5[.,]2(?:[.,]1)?(?![\d.,]?\d)(?:\s*,?\s*(?<lidword>eerste)\s+lid)?|(?<![\d.,])5[.,]2(?:[.,]1)?(?=\s*,?\s*(?:\(?Woo\b|\]))`, 'giu'),
    article: '5.2',
    inText: true,
  },
  // bare 5.2 / 5.2.1 in a cell
  { regex: /^5[.,]2(?:[.,]1)?$/gu, article: '5.2', inText: false },
  // Wob 10.2e, 10.2.e, 10.2. e
  {
    regex: new RegExp(String.raw`(?<![\d.,])10${SEP}(?<lid>[12])${SEP}(?<letter>[a-g])(?![\p{L}\d])`, 'giu'),
    article: '10',
    inText: true,
  },
  // Wob (10)(2e)
  { regex: /\(10\)\s?\((?<lid>[12])(?<letter>[a-g])\)/giu, article: '10', inText: true },
  // art. 11 Wob / artikel 11, eerste lid
  {
    regex: new RegExp(String.raw`${ART}11(?:[.,]1)?(?![\d.,]?\d)(?:\s*,?\s*(?<lidword>eerste)\s+lid)?(?=\s*,?\s*(?:(?:eerste\s+lid\s*,?\s*)?(?:van\s+de\s+)?Wob\b))|\(11\)\(1\)`, 'giu'),
    article: '11',
    inText: true,
  },
  // bare 11.1 / 11 in a cell
  { regex: /^11(?:[.,]1)?$/gu, article: '11', inText: false },
];
