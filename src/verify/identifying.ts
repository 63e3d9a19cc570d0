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
