import { lexicons } from '../detect/lexicons/index.js';
import type { EntityType } from '../document/types.js';

/**
 * Whether a redacted value says who someone is on its own, so that finding it again in the output
 * means the redaction failed. Not so a person value made only of name particles ("Van", "van
 * der"): it is what is left of a name when the rest was already taken by a finding of its own
 * (propagation redacts only the characters not yet gone), and Dutch prose is full of it ("Van de
 * minister ..."), so its other occurrences are no leak. The redaction itself still removes it.
 */
export function identifiesOnItsOwn(value: string, entity: EntityType): boolean {
  if (entity !== 'person') return true;
  const words = value.toLowerCase().split(/\s+/).filter((w) => w.length > 0);
  const particles = lexicons().tussenvoegselSet;
  return !(words.length > 0 && words.every((w) => particles.has(w)));
}

/**
 * The words of a person's redacted name that point at them without the rest: not titles,
 * particles, initials or everyday words ("mr. drs. Johanna de Wit": "Johanna"). A bookmark or an
 * image's alternative text that says "Reactie Johanna" names her as well as the whole value.
 * Other kinds of value are looked for whole.
 */
export function namePartsOf(value: string, entity: EntityType): string[] {
  if (entity !== 'person') return [];
  const lex = lexicons();
  return [...new Set(value.split(/[\s,;:()"]+/).map((w) => w.replace(/^[^\p{L}]+|[^\p{L}]+$/gu, '')))].filter((w) => {
    const lower = w.toLowerCase();
    return [...w].length >= 3 && /^\p{L}[\p{L}'-]*$/u.test(w) && !lex.tussenvoegselSet.has(lower) && !lex.titles.has(lower) && !lex.stopwords.has(lower) && !lex.commonWords.has(lower) && !lex.salutations.has(lower);
  });
}
