import { basename, extname } from 'node:path';
import type { DocumentFacts } from './facts.js';
import { CONTAINMENT_THRESHOLD, containment, decodeSketch, MIN_SKETCH, positionsOf } from './quote-sketch.js';

/**
 * Duplicates and e-mail families in a dossier. Woo dossiers hold the same e-mail many times: as
 * itself, as a quoted copy inside every later reply, as a forwarded copy. The platform links
 * them (Gerelateerd ID, Email Thread ID, Family ID), and a reviewer decides a duplicate once.
 */
export interface DocumentRelations {
  /** Index of the first identical document (same normalised text), if this one is a copy. */
  readonly duplicateOf?: number;
  /** Indices of the later e-mails that quote this one whole. */
  readonly quotedIn: readonly number[];
  /** Indices of the e-mails this one quotes whole. */
  readonly quotes: readonly number[];
  /**
   * Indices of other renderings of the same e-mail whose text differs by OCR noise (the mail
   * digital and as a scan of its printout). Not duplicates: their texts, and so their
   * redactions, differ, and each is decided on its own.
   */
  readonly sameMailAs: readonly number[];
  /** E-mails of one conversation share a number (1, 2, ... in dossier order). */
  readonly threadId?: number;
  /** An e-mail and the documents it names as its attachments share a number. */
  readonly familyId?: number;
}

export interface DossierRelations {
  readonly documents: readonly DocumentRelations[];
  /** Documents identical to an earlier one. */
  readonly duplicates: number;
  /** E-mails quoted whole inside a later e-mail of the dossier. */
  readonly quotedEmails: number;
  /** E-mails that are another rendering (a scan) of an earlier e-mail of the dossier. */
  readonly otherRenderings: number;
  readonly threads: number;
  /** E-mails with at least one of their named attachments in the dossier. */
  readonly families: number;
}

/** True when `inner` occurs as a contiguous run in `outer`, and outer is longer. */
function quotedWhole(inner: readonly string[], outer: readonly string[]): boolean {
  if (inner.length === 0 || outer.length <= inner.length) return false;
  for (let start = 0; start + inner.length <= outer.length; start++) {
    if (inner.every((h, k) => outer[start + k] === h)) return true;
  }
  return false;
}

class UnionFind {
  private readonly parent: number[];
  constructor(n: number) {
    this.parent = Array.from({ length: n }, (_, i) => i);
  }
  find(i: number): number {
    while (this.parent[i] !== i) {
      const p = this.parent[i] as number;
      this.parent[i] = this.parent[p] as number;
      i = p;
    }
    return i;
  }
  union(a: number, b: number): void {
    const ra = this.find(a);
    const rb = this.find(b);
    if (ra !== rb) this.parent[Math.max(ra, rb)] = Math.min(ra, rb);
  }
}

/** At least three words of which two of four letters or more, and no redaction code. */
function specificSubject(subject: string): boolean {
  if (subject.includes('[')) return false;
  const words = subject.split(/\s+/).filter(Boolean);
  return words.length >= 3 && words.filter((w) => /\p{L}{4,}/u.test(w)).length >= 2;
}

const stemOf = (name: string) => basename(name, extname(name)).toLowerCase();

interface Sketched {
  readonly i: number;
  readonly own: readonly number[];
  readonly all: readonly number[];
  /** Position of each value in `all`, the whole e-mail in text order (headers, body, quotes). */
  readonly allAt: ReadonlyMap<number, number>;
  /** Messages found in it (header blocks). */
  readonly messages: number;
}

/** A kept gram found in more e-mails than this does not nominate candidates (it still counts). */
const COMMON_GRAM = 1000;
/** A kept gram in the own body of this many e-mails or more, and of this share of them, is boilerplate. */
const BOILERPLATE_MAILS = 4;
const BOILERPLATE_SHARE = 0.02;

/**
 * Quoted copies that differ by OCR noise (a printed and scanned e-mail, or a scanned reply): `a`
 * is quoted in `b` when most of the body of a's own message and most of all of a occur in b,
 * while b has a message of its own that a lacks (else they are two renderings of one mail, or b
 * is quoted in a).
 * Pairs the exact pass linked are left as they are.
 */
function linkOcrCopies(facts: readonly DocumentFacts[], emails: readonly number[], quotedIn: number[][], quotes: number[][], sameMailAs: number[][]): void {
  const raw: { i: number; own: number[]; all: number[] }[] = [];
  for (const i of emails) {
    const sketch = facts[i]?.quoteSketch;
    if (!sketch) continue;
    const own = decodeSketch(sketch.own);
    const rest = decodeSketch(sketch.rest);
    // In text order: the own header block, the own body, then the quoted messages.
    raw.push({ i, own, all: [...new Set([...rest.slice(0, sketch.ownHeader), ...own, ...rest.slice(sketch.ownHeader)])] });
  }
  // A gram in the own body of several e-mails is a signature, a disclaimer, a greeting or a
  // template's sentence: it says nothing about which mail is quoted where. A mail's own text
  // stands as its own body in one e-mail only (exact copies are left out already).
  const ownBodies = new Map<number, number>();
  for (const r of raw) for (const v of r.own) ownBodies.set(v, (ownBodies.get(v) ?? 0) + 1);
  // Relative too: in a dossier of thousands of e-mails, ordinary word sequences recur by chance.
  const boilerplate = Math.max(BOILERPLATE_MAILS, Math.ceil(BOILERPLATE_SHARE * raw.length));
  const specific = (v: number) => (ownBodies.get(v) ?? 0) < boilerplate;
  const sketched: Sketched[] = raw.map((r) => {
    const all = r.all.filter(specific);
    return { i: r.i, own: r.own.filter(specific), all, allAt: positionsOf(all), messages: facts[r.i]?.messages.length ?? 0 };
  });
  if (sketched.length < 2) return;
  // Candidates through an index of kept grams: a dossier may hold thousands of e-mails.
  const postings = new Map<number, number[]>();
  sketched.forEach((b, k) => {
    for (const v of b.all) {
      const list = postings.get(v);
      if (list) list.push(k);
      else postings.set(v, [k]);
    }
  });
  const hits = new Int32Array(sketched.length);
  for (const [ka, a] of sketched.entries()) {
    if (a.own.length < MIN_SKETCH) continue;
    const touched: number[] = [];
    let common = 0;
    for (const v of a.own) {
      const list = postings.get(v) as number[];
      if (list.length > COMMON_GRAM) {
        common++;
        continue;
      }
      for (const kb of list) {
        if (hits[kb] === 0) touched.push(kb);
        hits[kb] = (hits[kb] as number) + 1;
      }
    }
    const needed = CONTAINMENT_THRESHOLD * a.own.length - common;
    for (const kb of touched) {
      const enough = (hits[kb] as number) >= needed;
      hits[kb] = 0;
      if (!enough || kb === ka) continue;
      const b = sketched[kb] as Sketched;
      if (quotedIn[a.i]?.includes(b.i) || quotedIn[b.i]?.includes(a.i)) continue;
      if (containment(a.own, b.allAt) < CONTAINMENT_THRESHOLD || containment(a.all, b.allAt) < CONTAINMENT_THRESHOLD) continue;
      // b must have a message of its own that a lacks: its own body not in a, or (a body too
      // short to tell, "Akkoord.") more messages than a. Else, when b is in a as a is in b,
      // they are one mail rendered twice.
      if (b.own.length >= MIN_SKETCH ? containment(b.own, a.allAt) >= CONTAINMENT_THRESHOLD : b.messages <= a.messages) {
        if (b.own.length >= MIN_SKETCH && containment(b.all, a.allAt) >= CONTAINMENT_THRESHOLD && !sameMailAs[a.i]?.includes(b.i)) {
          sameMailAs[a.i]?.push(b.i);
          sameMailAs[b.i]?.push(a.i);
        }
        continue;
      }
      quotedIn[a.i]?.push(b.i);
      quotes[b.i]?.push(a.i);
    }
  }
  for (const list of [...quotedIn, ...quotes, ...sameMailAs]) list.sort((x, y) => x - y);
}

/** `names`: each document's (safe) file name, to match attachment names from e-mail headers. */
export function relateDocuments(facts: readonly DocumentFacts[], names: readonly string[]): DossierRelations {
  const n = facts.length;
  const firstByFingerprint = new Map<string, number>();
  const duplicateOf: (number | undefined)[] = facts.map((f, i) => {
    const first = firstByFingerprint.get(f.fingerprint);
    if (first === undefined) firstByFingerprint.set(f.fingerprint, i);
    return first;
  });

  const quotedIn: number[][] = facts.map(() => []);
  const quotes: number[][] = facts.map(() => []);
  const emails = facts.map((f, i) => ({ f, i })).filter(({ f }) => f.kind === 'email' && f.messages.length > 0);
  // Only originals take part: a duplicate is linked to its original, and through it to the thread.
  const originals = emails.filter(({ i }) => duplicateOf[i] === undefined);
  // Candidates by the first message's hash: a dossier may hold thousands of e-mails.
  const containing = new Map<string, number[]>();
  for (const b of originals) {
    for (const h of new Set(b.f.messages)) {
      const list = containing.get(h);
      if (list) list.push(b.i);
      else containing.set(h, [b.i]);
    }
  }
  for (const a of originals) {
    for (const bi of containing.get(a.f.messages[0] as string) ?? []) {
      if (a.i !== bi && quotedWhole(a.f.messages, (facts[bi] as DocumentFacts).messages)) {
        quotedIn[a.i]?.push(bi);
        quotes[bi]?.push(a.i);
      }
    }
  }

  const sameMailAs: number[][] = facts.map(() => []);
  linkOcrCopies(facts, originals.map(({ i }) => i), quotedIn, quotes, sameMailAs);

  // Threads: e-mails linked by quotation or duplication, or sharing the first message's subject.
  const threads = new UnionFind(n);
  facts.forEach((_, i) => {
    const d = duplicateOf[i];
    if (d !== undefined) threads.union(i, d);
    for (const j of [...(quotedIn[i] ?? []), ...(sameMailAs[i] ?? [])]) threads.union(i, j);
  });
  const bySubject = new Map<string, number>();
  for (const { f, i } of emails) {
    // A generic subject ("vraag", "Wob-verzoek") joins unrelated mails: only specific ones count.
    if (!f.threadSubject || !specificSubject(f.threadSubject)) continue;
    const first = bySubject.get(f.threadSubject);
    if (first === undefined) bySubject.set(f.threadSubject, i);
    else threads.union(i, first);
  }
  const threadNumbers = new Map<number, number>();
  const threadId = facts.map((f, i) => {
    if (f.kind !== 'email') return undefined;
    const root = threads.find(i);
    if (!threadNumbers.has(root)) threadNumbers.set(root, threadNumbers.size + 1);
    return threadNumbers.get(root);
  });

  // Families: each e-mail with the documents it names in its Bijlage(n) header.
  const byStem = new Map<string, number>();
  names.forEach((name, i) => {
    if (!byStem.has(stemOf(name))) byStem.set(stemOf(name), i);
  });
  const familyId: (number | undefined)[] = new Array(n).fill(undefined);
  let families = 0;
  let withAttachments = 0;
  facts.forEach((f, i) => {
    if (f.kind !== 'email') return;
    const family = familyId[i] ?? ++families;
    familyId[i] = family;
    let joined = false;
    for (const attachment of f.attachments) {
      const j = byStem.get(stemOf(attachment));
      if (j !== undefined && j !== i && familyId[j] === undefined) {
        familyId[j] = family;
        joined = true;
      }
    }
    if (joined) withAttachments++;
  });

  return {
    documents: facts.map((_, i) => {
      const dup = duplicateOf[i];
      const thread = threadId[i];
      const family = familyId[i];
      return {
        ...(dup !== undefined ? { duplicateOf: dup } : {}),
        quotedIn: quotedIn[i] ?? [],
        quotes: quotes[i] ?? [],
        sameMailAs: sameMailAs[i] ?? [],
        ...(thread !== undefined ? { threadId: thread } : {}),
        ...(family !== undefined ? { familyId: family } : {}),
      };
    }),
    duplicates: duplicateOf.filter((d) => d !== undefined).length,
    quotedEmails: quotedIn.filter((q) => q.length > 0).length,
    otherRenderings: sameMailAs.filter((same, i) => same.some((j) => j < i)).length,
    threads: threadNumbers.size,
    families: withAttachments,
  };
}
