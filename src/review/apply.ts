/**
 * `apply`: a Woo-team's decisions on a proposal, applied to the same inputs. Exactly those
 * decisions, verified like every output, written as the publication output (the one-step run's
 * files, manifests and inventory). Refused, with the reason, when the decisions do not fit.
 */
import { existsSync, readdirSync, readFileSync, statSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { type BatchOptions, type BatchSummary, runBatch } from '../cli/batch.js';
import { type Config, ConfigSchema } from '../config/config.js';
import { policyHash } from '../decide/policy.js';
import { sha256 } from '../ingest/text.js';
import type { DecisionsFileRef } from '../manifest/schema.js';
import { TOOL_VERSION } from '../version.js';
import { type DecisionsFile, type DecisionsInput, DecisionsSchema, type DocumentDecisions, type ReviewerDecision } from './decisions-schema.js';
import { ReviewError } from './errors.js';
import { refuseDecisionsInsideOutput, reviewRun } from './folders.js';
import { type Inherited, inheritedFrom } from './duplicates.js';
import { REVIEW_INDEX_FILE, ReviewDocumentSchema, type ReviewIndex, ReviewIndexSchema } from './package-schema.js';

export interface ApplyOptions {
  readonly inputs: readonly string[];
  /** A decisions file, a folder of them (a review package), or decisions already in memory. */
  readonly decisions: string | DecisionsInput | readonly DecisionsInput[];
  readonly outDir: string;
  /**
   * The review package propose wrote (its person table checks the person decisions). Found by
   * itself when the decisions are read from the package (the folder, or a file in it).
   */
  readonly review?: string;
  readonly config?: Config;
  /** Items nobody decided: refuse the file (default) or redact them. */
  readonly undecided?: 'refuse' | 'redact';
  /** Four eyes: every decisions file approved by another person than the one who decided. */
  readonly requireApproval?: boolean;
  readonly jobs?: number;
  readonly timestamps?: boolean;
  /** Skip files whose output an earlier apply wrote from the same input and the same decisions files. */
  readonly resume?: boolean;
  readonly onFile?: BatchOptions['onFile'];
}

interface Loaded {
  readonly name: string;
  readonly data: unknown;
  /** Of the file's bytes; of the JSON for decisions given in memory. */
  readonly sha256: string;
}

function readJson(path: string, name: string): { data: unknown; sha256: string } {
  try {
    const bytes = readFileSync(path);
    return { data: JSON.parse(bytes.toString('utf8')), sha256: sha256(bytes) };
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code;
    throw new ReviewError('DECISIONS_INVALID', code ? `the decisions file ${name} cannot be read (${code})` : `the decisions file ${name} is not valid JSON; check it with a JSON validator`);
  }
}

/** A file, or every decisions file in a folder (other JSON there, such as the review index, is left alone). */
function load(path: string): { files: Loaded[]; folder: string } {
  let info;
  try {
    info = statSync(path);
  } catch {
    throw new ReviewError('DECISIONS_INVALID', `the decisions file or folder ${path} does not exist`);
  }
  if (!info.isDirectory()) return { files: [{ name: path, ...readJson(path, path) }], folder: dirname(path) };
  const files = readdirSync(path)
    .filter((n) => n.endsWith('.json'))
    .sort()
    .map((n) => ({ name: join(path, n), ...readJson(join(path, n), join(path, n)) }))
    .filter((f) => (f.data as { kind?: unknown } | null)?.kind === 'woo-redact-decisions');
  if (files.length === 0) throw new ReviewError('DECISIONS_INVALID', `the folder ${path} holds no decisions file (JSON with "kind": "woo-redact-decisions")`);
  return { files, folder: path };
}

function parse(f: Loaded): DecisionsFile {
  const parsed = DecisionsSchema.safeParse(f.data);
  if (!parsed.success) {
    // Paths and zod's words only: a value in the file may be a name.
    const where = parsed.error.issues.slice(0, 5).map((i) => `${i.path.join('.') || '(top)'}: ${i.message.replace(/received .*/s, '').trim()}`);
    throw new ReviewError('DECISIONS_INVALID', `the decisions file ${f.name} does not fit the decisions schema (schema/decisions.schema.json): ${where.join('; ')}`);
  }
  return parsed.data;
}

const sameName = (a: string, b: string) => a.replace(/\s+/g, ' ').trim().toLowerCase() === b.replace(/\s+/g, ' ').trim().toLowerCase();

/** An ISO 8601 date or date-time: decidedAt and approvedAt go into every published manifest, free text never. */
const ISO_DATE = /^\d{4}-\d{2}-\d{2}(?:[T ]\d{2}:\d{2}(?::\d{2}(?:\.\d{1,9})?)?(?:Z|[+-]\d{2}:?\d{2})?)?$/;

function check(file: DecisionsFile, name: string, config: Config, requireApproval: boolean): void {
  for (const [field, value] of [['decidedAt', file.decidedAt], ['approvedAt', file.approvedAt]] as const) {
    if (value !== undefined && !ISO_DATE.test(value.trim())) {
      throw new ReviewError('DECISIONS_INVALID', `${field} in ${name} is not an ISO 8601 date or date-time (such as 2026-12-01 or 2026-12-01T10:00:00Z); it is recorded in the published manifests, so it holds a date only`);
    }
  }
  if (file.tool.version !== TOOL_VERSION) {
    throw new ReviewError(
      'DECISIONS_MISMATCH',
      `the decisions in ${name} were made on a proposal by woo-redact ${file.tool.version}, this is ${TOOL_VERSION}: finding ids may differ between versions; apply with ${file.tool.version}, or propose again and decide`,
    );
  }
  if (file.policy.sha256 !== policyHash(config.policy)) {
    throw new ReviewError('DECISIONS_MISMATCH', `the decisions in ${name} were made under another policy (the config changed since the proposal); apply with the same config, or propose again and decide`);
  }
  if (requireApproval) {
    if (!file.approvedBy || !file.approvedAt) throw new ReviewError('DECISIONS_NOT_APPROVED', `the decisions in ${name} are not approved (approvedBy, approvedAt), and --require-approval asks for four eyes`);
    if (sameName(file.approvedBy, file.decidedBy)) throw new ReviewError('DECISIONS_NOT_APPROVED', `the decisions in ${name} are approved by the person who made them; four eyes needs another person (approvedBy)`);
  }
}

function sameDecision(a: ReviewerDecision, b: ReviewerDecision): boolean {
  return a.action === b.action && (a.action === 'redact' ? a.ground === (b as typeof a).ground : true);
}

/** Several files (reviewers, or one per document) as one set; a contradiction is refused. */
function merge(files: readonly DecisionsFile[]): { documents: DocumentDecisions[]; persons: Record<string, ReviewerDecision> } {
  const persons: Record<string, ReviewerDecision> = {};
  for (const f of files) {
    for (const p of f.persons) {
      if (!p.decision) continue;
      const seen = persons[p.person];
      if (seen && !sameDecision(seen, p.decision)) throw new ReviewError('DECISIONS_INVALID', `person ${p.person} is decided differently in two decisions files`);
      persons[p.person] = p.decision;
    }
  }
  const documents = new Map<string, DocumentDecisions>();
  for (const f of files) {
    for (const d of f.documents) {
      const key = `${d.sha256}\u0000${d.path ?? ''}`;
      const seen = documents.get(key);
      if (!seen) {
        documents.set(key, d);
        continue;
      }
      const findings = new Map(seen.findings.map((x) => [x.id, x]));
      for (const x of d.findings) {
        const other = findings.get(x.id);
        if (other?.decision && x.decision && !sameDecision(other.decision, x.decision)) {
          throw new ReviewError('DECISIONS_INVALID', `finding ${x.id} is decided differently in two decisions files`);
        }
        if (!other?.decision) findings.set(x.id, x);
      }
      documents.set(key, { ...seen, findings: [...findings.values()], additions: [...seen.additions, ...d.additions], removals: [...seen.removals, ...d.removals] });
    }
  }
  return { documents: [...documents.values()], persons };
}

/** The review package: given, or the folder the decisions were read from when it holds the index. */
function reviewPackage(given: string | undefined, folder: string | undefined): { dir: string; index: ReviewIndex } | undefined {
  const dir = given ?? (folder && existsSync(join(folder, REVIEW_INDEX_FILE)) ? folder : undefined);
  if (dir === undefined) return undefined;
  const path = join(dir, REVIEW_INDEX_FILE);
  let data: unknown;
  try {
    data = JSON.parse(readFileSync(path, 'utf8'));
  } catch {
    throw new ReviewError('DECISIONS_INVALID', `the review package ${dir} has no readable ${REVIEW_INDEX_FILE}; give the folder propose wrote`);
  }
  const parsed = ReviewIndexSchema.safeParse(data);
  if (!parsed.success) throw new ReviewError('DECISIONS_INVALID', `${path} does not fit the review package's schema (schema/review.schema.json); propose again`);
  return { dir, index: parsed.data };
}

/** Each document's record of the proposal's detect and decide, by path and sha256 (see analysis.ts). */
function analysesOf(pkg: { dir: string; index: ReviewIndex } | undefined): Map<string, string> {
  const out = new Map<string, string>();
  for (const d of pkg?.index.documents ?? []) if (d.analysis) out.set(`${d.path}\u0000${d.sha256}`, resolve(pkg?.dir ?? '', d.analysis));
  return out;
}

/** What each duplicate in the package takes over from its original's decisions, by `path\0sha256`. */
function inheritance(pkg: { dir: string; index: ReviewIndex } | undefined, documents: readonly DocumentDecisions[]): Map<string, Inherited> {
  const out = new Map<string, Inherited>();
  if (!pkg) return out;
  const entries = new Map(pkg.index.documents.map((d) => [`${d.path}\u0000${d.sha256}`, d]));
  const originals = new Map<string, Inherited>();
  for (const d of pkg.index.documents) {
    if (!d.duplicateOf) continue;
    const key = `${d.duplicateOf.path}\u0000${d.duplicateOf.sha256}`;
    const original = entries.get(key);
    if (!original) continue;
    let inherited = originals.get(key);
    if (!inherited) {
      const file = join(pkg.dir, original.file);
      let review;
      try {
        review = ReviewDocumentSchema.parse(JSON.parse(readFileSync(file, 'utf8')));
      } catch {
        throw new ReviewError('DECISIONS_INVALID', `the review package's file ${original.file} is missing or damaged; propose again`);
      }
      const decided = documents.find((x) => x.sha256 === original.sha256 && (x.path === undefined || x.path === original.path));
      inherited = inheritedFrom({ path: original.path, sha256: original.sha256, text: review.text, findings: review.findings }, decided);
      originals.set(key, inherited);
    }
    out.set(`${d.path}\u0000${d.sha256}`, inherited);
  }
  return out;
}

/** Every person decided must be one of the dossier's person table: a mistyped id would decide nobody. */
function checkPersons(files: readonly DecisionsFile[], index: ReviewIndex | undefined): void {
  const decided = [...new Set(files.flatMap((f) => f.persons.filter((p) => p.decision).map((p) => p.person)))];
  if (decided.length === 0) return;
  if (!index) {
    throw new ReviewError(
      'DECISIONS_UNKNOWN_PERSON',
      `the decisions decide ${decided.length} person(s), but the review package with the person table is not at hand to check the ids: keep the decisions file in the review package, or name the package (--review <dir>)`,
    );
  }
  if (index.tool.version !== TOOL_VERSION || index.policy.sha256 !== files[0]?.policy.sha256) {
    throw new ReviewError('DECISIONS_MISMATCH', 'the review package was made by another tool version or under another policy than the decisions; give the package the decisions were made on');
  }
  const known = new Set(index.persons.map((p) => p.id));
  const unknown = decided.filter((id) => !known.has(id)).sort();
  if (unknown.length > 0) {
    throw new ReviewError(
      'DECISIONS_UNKNOWN_PERSON',
      `${unknown.length} person decision(s) name a person the dossier's person table does not have (${unknown.slice(0, 5).join(', ')}); take the ids from the person table (review.internal.json) of the same proposal`,
    );
  }
}

function reference(file: DecisionsFile, digest: string): DecisionsFileRef {
  // Approved: by a person other than the one who decided (as --require-approval checks).
  const approved = file.approvedBy !== undefined && file.approvedAt !== undefined && !sameName(file.approvedBy, file.decidedBy);
  return { sha256: digest, decidedAt: file.decidedAt, approved, ...(approved ? { approvedAt: file.approvedAt } : {}) };
}

/** Applies the decisions to the inputs and writes the publication output into `outDir`. */
export async function apply(options: ApplyOptions): Promise<BatchSummary> {
  const config = options.config ?? ConfigSchema.parse({});
  const given = options.decisions;
  const loaded =
    typeof given === 'string'
      ? load(given)
      : { files: (Array.isArray(given) ? given : [given]).map((data, i) => ({ name: `decisions ${i + 1}`, data, sha256: sha256(JSON.stringify(data)) })), folder: undefined };
  const files = loaded.files.map((f) => {
    const parsed = parse(f);
    check(parsed, f.name, config, options.requireApproval === true);
    return parsed;
  });
  const pkg = reviewPackage(options.review, loaded.folder);
  checkPersons(files, pkg?.index);
  const { documents, persons } = merge(files);
  const refs = files.map((f, i) => reference(f, (loaded.files[i] as Loaded).sha256)).sort((a, b) => (a.sha256 < b.sha256 ? -1 : a.sha256 > b.sha256 ? 1 : 0));
  const run = reviewRun(documents, persons, options.undecided ?? 'refuse', [...(loaded.folder ? [loaded.folder] : []), ...(pkg ? [pkg.dir] : [])], refs, analysesOf(pkg), inheritance(pkg, documents));
  refuseDecisionsInsideOutput(run, options.outDir);
  return runBatch({
    inputs: options.inputs,
    outDir: options.outDir,
    config,
    review: run,
    ...(options.timestamps ? { timestamps: true } : {}),
    ...(options.resume ? { resume: true } : {}),
    ...(options.jobs !== undefined ? { jobs: options.jobs } : {}),
    ...(options.onFile ? { onFile: options.onFile } : {}),
  });
}
