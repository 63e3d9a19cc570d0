/**
 * Keeping the internal review package and the publication output apart, and finding the
 * decisions for each input of an apply run.
 */
import { existsSync, readFileSync } from 'node:fs';
import { dirname, join, relative, resolve, sep } from 'node:path';
import type { InputFile } from '../cli/collect.js';
import { sha256 } from '../ingest/text.js';
import { INTERNAL_REPORT, PACKAGE_DIR } from '../publish/package.js';
import type { DecisionsFileRef } from '../manifest/schema.js';
import type { FileDecisions } from './choose.js';
import type { Inherited } from './duplicates.js';
import type { DocumentDecisions, ReviewerDecision } from './decisions-schema.js';
import { ReviewError } from './errors.js';
import { REVIEW_INDEX_FILE } from './package-schema.js';

/** Files only a publication output holds (the one-step run's and apply's, see src/publish). */
const PUBLICATION_MARKERS = [INTERNAL_REPORT, join(PACKAGE_DIR, 'productierapport.xlsx'), 'inventarislijst.json', 'inventarislijst.csv'];

function isInside(child: string, parent: string): boolean {
  const rel = relative(parent, child);
  return rel === '' || (!rel.startsWith('..') && !rel.startsWith(sep) && !rel.startsWith('/'));
}

/** The folder and every folder above it. */
function selfAndAncestors(dir: string): string[] {
  const out: string[] = [];
  for (let d = resolve(dir); ; d = dirname(d)) {
    out.push(d);
    if (dirname(d) === d) return out;
  }
}

/** A review package (or a folder inside one) is never a publication output. */
export async function refuseReviewFolderAsOutput(outDir: string): Promise<void> {
  for (const d of selfAndAncestors(outDir)) {
    if (existsSync(join(d, REVIEW_INDEX_FILE))) {
      throw new ReviewError('REVIEW_FOLDER_REFUSED', 'the output folder is (inside) an internal review package, which holds the unredacted text; give the publication output a folder of its own');
    }
  }
}

/** The review package is never written inside a publication output, nor the other way round. */
export function refusePublicationFolderAsReview(reviewDir: string, inputs: readonly string[]): void {
  for (const d of selfAndAncestors(reviewDir)) {
    if (PUBLICATION_MARKERS.some((m) => existsSync(join(d, m)))) {
      throw new ReviewError('REVIEW_FOLDER_REFUSED', 'the review folder is (inside) a publication output; the internal review package holds the unredacted text and must be kept apart from what is published');
    }
  }
  for (const input of inputs) {
    // apply reads the same inputs again: a package inside them would be read as input.
    if (isInside(resolve(reviewDir), resolve(input))) {
      throw new ReviewError('REVIEW_FOLDER_REFUSED', 'the review folder lies inside an input folder, where apply and the one-step run would read it back as input; give it a folder outside the inputs');
    }
  }
}

/** A review package among the inputs would be read (its text file published): refuse the run. */
export function refuseReviewPackageAmongInputs(files: readonly InputFile[]): void {
  if (files.some((f) => f.relative === REVIEW_INDEX_FILE || f.relative.endsWith(`/${REVIEW_INDEX_FILE}`))) {
    throw new ReviewError('REVIEW_FOLDER_REFUSED', 'an input folder contains an internal review package (review.internal.json), which holds the unredacted text; move it out of the inputs');
  }
}

/** The decisions of an apply run, merged from one or more files, ready to look up per input. */
export interface ReviewRun {
  readonly byPath: ReadonlyMap<string, readonly DocumentDecisions[]>;
  readonly bySha: ReadonlyMap<string, DocumentDecisions>;
  readonly persons: Readonly<Record<string, ReviewerDecision>>;
  readonly undecided: 'refuse' | 'redact';
  /** Folders the decisions came from: never inside the publication output. */
  readonly sources: readonly string[];
  /** The decisions files merged, for every manifest (and for --resume: the same files or redo). */
  readonly files: readonly DecisionsFileRef[];
  /** The proposal's detect and decide per document (`path\0sha256`), from the review package. */
  readonly analyses: ReadonlyMap<string, string>;
  /** Duplicates (`path\0sha256`): what each takes over from its original's decisions. */
  readonly inherited: ReadonlyMap<string, Inherited>;
}

export function reviewRun(
  documents: readonly DocumentDecisions[],
  persons: Readonly<Record<string, ReviewerDecision>>,
  undecided: 'refuse' | 'redact',
  sources: readonly string[],
  files: readonly DecisionsFileRef[],
  analyses: ReadonlyMap<string, string> = new Map(),
  inherited: ReadonlyMap<string, Inherited> = new Map(),
): ReviewRun {
  const byPath = new Map<string, DocumentDecisions[]>();
  const bySha = new Map<string, DocumentDecisions>();
  for (const d of documents) {
    if (d.path !== undefined) byPath.set(d.path, [...(byPath.get(d.path) ?? []), d]);
    if (!bySha.has(d.sha256)) bySha.set(d.sha256, d);
  }
  return { byPath, bySha, persons, undecided, sources, files, analyses, inherited };
}

/** Decisions for the publication output must not come from inside it. */
export function refuseDecisionsInsideOutput(run: ReviewRun, outDir: string): void {
  for (const s of run.sources) {
    if (isInside(resolve(s), resolve(outDir))) {
      throw new ReviewError('REVIEW_FOLDER_REFUSED', 'the decisions (and the review package beside them) lie inside the output folder; internal material never goes into the publication output: move them out, or choose another output folder');
    }
  }
}

/**
 * The decisions for one input: by its path in the dossier, else (a renamed file) by its sha256.
 * A path whose decisions name another sha256 is passed on as it is, so the file is refused with
 * the mismatch rather than applied with another file's decisions.
 */
export function decisionsFor(run: ReviewRun, file: InputFile): FileDecisions {
  const byPath = run.byPath.get(file.relative) ?? [];
  let document: DocumentDecisions | undefined = byPath.length === 1 ? byPath[0] : undefined;
  if (!document) {
    let hash: string | undefined;
    try {
      hash = sha256(readFileSync(file.path));
    } catch {
      hash = undefined; // unreadable: the file fails with its own reason when it is read
    }
    document = (hash && (byPath.find((d) => d.sha256 === hash) ?? run.bySha.get(hash))) || byPath[0];
  }
  const key = document && `${document.path ?? file.relative}\u0000${document.sha256}`;
  const analysis = key && run.analyses.get(key);
  const inherited = key && run.inherited.get(key);
  return { document, persons: run.persons, undecided: run.undecided, files: run.files, ...(analysis ? { analysis } : {}), ...(inherited ? { inherited } : {}) };
}
