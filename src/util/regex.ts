/**
 * Every match of a global regex in `text`, found by the regex itself. String.prototype.matchAll
 * runs a copy of the regex, and V8 keeps a copy's compiled code only in a cache that every full
 * garbage collection ages (two drop it): with the collections the PDF pipeline forces between a
 * document's phases, each document compiled its large Unicode patterns again (1-1.5 ms each, 2-5%
 * of a short document's CPU). The matches are collected at once, so no other use of the shared
 * regex can come between, and its lastIndex is left at 0.
 */
export function allMatches(regex: RegExp, text: string): RegExpExecArray[] {
  if (!regex.global) throw new TypeError('allMatches needs a global regular expression');
  const out: RegExpExecArray[] = [];
  regex.lastIndex = 0;
  try {
    for (let m = regex.exec(text); m; m = regex.exec(text)) {
      out.push(m);
      // An empty match: step past it (by a whole code point in a Unicode regex), as matchAll does.
      if (m[0] === '') regex.lastIndex += regex.unicode && (text.codePointAt(regex.lastIndex) ?? 0) > 0xffff ? 2 : 1;
    }
  } finally {
    regex.lastIndex = 0;
  }
  return out;
}
