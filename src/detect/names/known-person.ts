import type { RoleClass } from '../../document/types.js';

/**
 * A person found with good evidence, remembered so that other mentions (surname alone, first name
 * alone, OCR variants) are found in the same document and, in a batch, in the other documents of
 * the dossier. Held in memory only; never written anywhere.
 */
export interface KnownPerson {
  /** Folded surname core: the person key. */
  readonly key: string;
  readonly surname: string;
  /** The person's tussenvoegsel, lower case ("van der"), or "" for none. */
  readonly tussenvoegsel: string;
  readonly givens: readonly string[];
  /** The strongest role the person appeared in, if any (public wins over review over staff). */
  readonly roleClass?: RoleClass;
}

const ROLE_RANK: Record<RoleClass, number> = { public: 3, review: 2, staff: 1 };

export function strongerRole(a: RoleClass | undefined, b: RoleClass | undefined): RoleClass | undefined {
  if (!a) return b;
  if (!b) return a;
  return ROLE_RANK[a] >= ROLE_RANK[b] ? a : b;
}

/** Merges person lists by key; givens are united and the strongest role wins. */
export function mergeKnownPersons(lists: readonly (readonly KnownPerson[])[]): KnownPerson[] {
  const byKey = new Map<string, KnownPerson>();
  for (const list of lists) {
    for (const p of list) {
      const seen = byKey.get(p.key);
      if (!seen) {
        byKey.set(p.key, p);
        continue;
      }
      const givens = [...new Set([...seen.givens, ...p.givens])].sort();
      const roleClass = strongerRole(seen.roleClass, p.roleClass);
      byKey.set(p.key, { key: p.key, surname: seen.surname, tussenvoegsel: seen.tussenvoegsel || p.tussenvoegsel, givens, ...(roleClass ? { roleClass } : {}) });
    }
  }
  return [...byKey.values()].sort((a, b) => (a.key < b.key ? -1 : a.key > b.key ? 1 : 0));
}
