import type { RoleClass } from '../../document/types.js';
import { findValues } from '../../document/value-search.js';

/**
 * A person found with good evidence, remembered so that other mentions (surname alone, first name
 * alone, OCR variants) are found in the same document and, in a batch, so that the same full
 * identity is found in the other documents of the dossier (see `matchDossier`). Held in memory
 * only; never written anywhere.
 */
export interface KnownPerson {
  /** Folded surname core: the person key. */
  readonly key: string;
  readonly surname: string;
  /** The person's tussenvoegsel, lower case ("van der"), or "" for none. */
  readonly tussenvoegsel: string;
  readonly givens: readonly string[];
  /** Initials the person was written with ("A.B."), without spaces. */
  readonly initials?: readonly string[];
  /** The strongest role the person appeared in, if any (public wins over review over staff). */
  readonly roleClass?: RoleClass;
  /** E-mail addresses written with the person's name ("Piet Jansen <p.jansen@...>"), lower case. */
  readonly addresses?: readonly string[];
}

const ROLE_RANK: Record<RoleClass, number> = { public: 3, review: 2, staff: 1 };

export function strongerRole(a: RoleClass | undefined, b: RoleClass | undefined): RoleClass | undefined {
  if (!a) return b;
  if (!b) return a;
  return ROLE_RANK[a] >= ROLE_RANK[b] ? a : b;
}

/** Whether two entries of one key can be one person: a shared first name or initial, or nothing to tell them apart. */
function couldBeOne(a: KnownPerson, b: KnownPerson): boolean {
  const firsts = (p: KnownPerson) => [...p.givens.map((g) => g.charAt(0).toUpperCase()), ...(p.initials ?? []).map((i) => i.charAt(0).toUpperCase())];
  const givens = (p: KnownPerson) => p.givens.map((g) => g.toLowerCase());
  if (a.givens.length > 0 && b.givens.length > 0) return givens(a).some((g) => givens(b).includes(g));
  const fa = firsts(a);
  const fb = firsts(b);
  return fa.length === 0 || fb.length === 0 || fa.some((f) => fb.includes(f));
}

/**
 * Merges person lists by key; givens and initials are united. The strongest role wins for one
 * person; for two people of one surname ("Anouk de Vries" and minister "Hanna de Vries") no role
 * is shared: each mention keeps only the office beside it, and a bare "De Vries" has none
 * (uncertain means redacted).
 */
export function mergeKnownPersons(lists: readonly (readonly KnownPerson[])[]): KnownPerson[] {
  const byKey = new Map<string, KnownPerson>();
  const twoPeople = new Set<string>();
  for (const list of lists) {
    for (const p of list) {
      const seen = byKey.get(p.key);
      if (!seen) {
        byKey.set(p.key, p);
        continue;
      }
      if (!couldBeOne(seen, p) && seen.roleClass !== p.roleClass) twoPeople.add(p.key);
      const givens = [...new Set([...seen.givens, ...p.givens])].sort();
      const addresses = [...new Set([...(seen.addresses ?? []), ...(p.addresses ?? [])])].sort();
      const initials = [...new Set([...(seen.initials ?? []), ...(p.initials ?? [])])].sort();
      const roleClass = twoPeople.has(p.key) ? undefined : strongerRole(seen.roleClass, p.roleClass);
      byKey.set(p.key, {
        key: p.key,
        surname: seen.surname,
        tussenvoegsel: seen.tussenvoegsel || p.tussenvoegsel,
        givens,
        ...(initials.length > 0 ? { initials } : {}),
        ...(roleClass ? { roleClass } : {}),
        ...(addresses.length > 0 ? { addresses } : {}),
      });
    }
  }
  return [...byKey.values()].sort((a, b) => (a.key < b.key ? -1 : a.key > b.key ? 1 : 0));
}

/**
 * The full identities a person found in one document is known by in the other documents of the
 * dossier: given name + surname ("Anouk de Vries", "De Vries, Anouk") and initials + surname
 * ("A.B. de Vries", "Vries, A.B. de"). Never the surname alone: two people called De Vries are two
 * people.
 */
export function fullIdentities(p: KnownPerson): string[] {
  const tv = p.tussenvoegsel;
  const capitalTv = tv ? tv.charAt(0).toUpperCase() + tv.slice(1) : '';
  const named = (first: string): string[] =>
    tv
      ? [`${first} ${tv} ${p.surname}`, `${first} ${capitalTv} ${p.surname}`, `${capitalTv} ${p.surname}, ${first}`, `${p.surname}, ${first} ${tv}`]
      : [`${first} ${p.surname}`, `${p.surname}, ${first}`];
  const firsts = [...p.givens, ...(p.initials ?? []).flatMap((i) => [i, i.replace(/\.(?=\p{Lu})/gu, '. ')])];
  return [...new Set(firsts.flatMap(named))];
}

/** A dossier person whose full identity occurs in this document, and where. */
export interface DossierMatch {
  readonly person: KnownPerson;
  readonly spans: readonly { readonly start: number; readonly end: number }[];
}

/**
 * The persons of the dossier (found in other documents) whose full identity occurs in `text`,
 * with the places it occurs. Their roles stay behind: whether a person is public or a head of
 * department is decided in each document on its own evidence.
 */
export function matchDossier(text: string, dossier: readonly KnownPerson[]): DossierMatch[] {
  if (dossier.length === 0) return [];
  const forms = dossier.map((p) => ({ p, forms: fullIdentities(p) }));
  const found = findValues(text, forms.flatMap((f) => f.forms), true);
  const lower = text.toLowerCase();
  const out: DossierMatch[] = [];
  for (const { p, forms: mine } of forms) {
    const spans = mine.flatMap((f) => found.get(f.replace(/\s+/g, ' ')) ?? []).sort((a, b) => a.start - b.start);
    // The person's own address is a full identity too: the person takes part here (their surname
    // and first name alone are then found as in any document), the address itself is the e-mail
    // recognizer's.
    const byAddress = (p.addresses ?? []).some((a) => lower.includes(a));
    if (spans.length === 0 && !byAddress) continue;
    const { roleClass: _role, ...withoutRole } = p;
    out.push({ person: withoutRole, spans });
  }
  return out;
}
