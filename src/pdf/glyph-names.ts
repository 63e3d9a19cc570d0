/**
 * Glyph names to Unicode for simple fonts with /Differences: letters, "uniXXXX", accented
 * letters by their Adobe names ("eacute", "Odieresis"), and the usual punctuation.
 */
const ACCENTS: Record<string, string> = {
  acute: '\u0301',
  grave: '\u0300',
  circumflex: '\u0302',
  dieresis: '\u0308',
  tilde: '\u0303',
  ring: '\u030A',
  cedilla: '\u0327',
  caron: '\u030C',
  macron: '\u0304',
  breve: '\u0306',
  ogonek: '\u0328',
  dotaccent: '\u0307',
  hungarumlaut: '\u030B',
};

const NAMED: Record<string, string> = {
  space: ' ', exclam: '!', quotedbl: '"', numbersign: '#', dollar: '$', percent: '%', ampersand: '&',
  quotesingle: "'", quoteright: '\u2019', quoteleft: '\u2018', parenleft: '(', parenright: ')', asterisk: '*',
  plus: '+', comma: ',', hyphen: '-', minus: '\u2212', period: '.', slash: '/', colon: ':', semicolon: ';',
  less: '<', equal: '=', greater: '>', question: '?', at: '@', bracketleft: '[', backslash: '\\',
  bracketright: ']', asciicircum: '^', underscore: '_', grave: '`', braceleft: '{', bar: '|', braceright: '}',
  asciitilde: '~', zero: '0', one: '1', two: '2', three: '3', four: '4', five: '5', six: '6', seven: '7',
  eight: '8', nine: '9', endash: '\u2013', emdash: '\u2014', bullet: '\u2022', ellipsis: '\u2026',
  quotedblleft: '\u201C', quotedblright: '\u201D', quotesinglbase: '\u201A', quotedblbase: '\u201E',
  guillemotleft: '\u00AB', guillemotright: '\u00BB', germandbls: '\u00DF', euro: '\u20AC', Euro: '\u20AC',
  fi: 'fi', fl: 'fl', ff: 'ff', ffi: 'ffi', ffl: 'ffl', section: '\u00A7', paragraph: '\u00B6', degree: '\u00B0',
  copyright: '\u00A9', registered: '\u00AE', trademark: '\u2122', nbspace: '\u00A0', sfthyphen: '\u00AD',
  periodcentered: '\u00B7', multiply: '\u00D7', divide: '\u00F7', dotlessi: '\u0131', ae: '\u00E6', AE: '\u00C6',
  exclamdown: '\u00A1', cent: '\u00A2', sterling: '\u00A3', fraction: '\u2044', yen: '\u00A5', currency: '\u00A4',
  guilsinglleft: '\u2039', guilsinglright: '\u203A', dagger: '\u2020', daggerdbl: '\u2021', perthousand: '\u2030',
  questiondown: '\u00BF', acute: '\u00B4', circumflex: '\u02C6', tilde: '\u02DC', macron: '\u00AF', breve: '\u02D8',
  dotaccent: '\u02D9', dieresis: '\u00A8', ring: '\u02DA', cedilla: '\u00B8', hungarumlaut: '\u02DD', ogonek: '\u02DB',
  caron: '\u02C7', ordfeminine: '\u00AA', ordmasculine: '\u00BA', Lslash: '\u0141', lslash: '\u0142', plusminus: '\u00B1',
  logicalnot: '\u00AC', mu: '\u00B5', brokenbar: '\u00A6', onehalf: '\u00BD', onequarter: '\u00BC', threequarters: '\u00BE',
  oslash: '\u00F8', Oslash: '\u00D8', oe: '\u0153', OE: '\u0152', ij: '\u0133', IJ: '\u0132', florin: '\u0192',
};

export function glyphNameToUnicode(name: string): string | undefined {
  if (/^[A-Za-z]$/.test(name)) return name;
  const named = NAMED[name];
  if (named !== undefined) return named;
  const uni = /^uni([0-9A-Fa-f]{4,})$/.exec(name);
  if (uni) return String.fromCodePoint(Number.parseInt((uni[1] as string).slice(0, 4), 16));
  const u = /^u([0-9A-Fa-f]{4,6})$/.exec(name);
  if (u) return String.fromCodePoint(Number.parseInt(u[1] as string, 16));
  const accented = /^([A-Za-z])(acute|grave|circumflex|dieresis|tilde|ring|cedilla|caron|macron|breve|ogonek|dotaccent|hungarumlaut)$/.exec(name);
  if (accented) return `${accented[1]}${ACCENTS[accented[2] as string]}`.normalize('NFC');
  const base = name.split('.')[0] as string;
  return base !== name ? glyphNameToUnicode(base) : undefined;
}
