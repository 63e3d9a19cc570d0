/**
 * `propose`: the internal review package for a dossier. Per document every finding with its text,
 * proposed decision, ground, reason, confidence, place and context; per dossier a person table;
 * and a decisions template to fill in. Nothing is redacted and nothing is published.
 */
import { mkdirSync, readdirSync, rmSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { readInputSync, SUPPORTED_EXTENSIONS } from '../api.js';
import { personsByFolder, safeNameOf } from '../cli/batch.js';
import { collectInputs, type InputFile } from '../cli/collect.js';
import { DEFAULT_MAX_SECONDS_PER_FILE } from '../cli/batch.js';
import { defaultJobs, WorkerPool, workerScript } from '../cli/pool.js';
import { type Config, ConfigSchema } from '../config/config.js';
import { policyHash } from '../decide/policy.js';
import type { KnownPerson } from '../detect/names/known-person.js';
import { isWooRedactError } from '../errors.js';
import { writeFileAtomic, writeFileAtomicSync } from '../io/atomic-write.js';
import { TOOL_VERSION } from '../version.js';
import { DECISIONS_SCHEMA_VERSION, type DecisionsInput } from './decisions-schema.js';
import { refusePublicationFolderAsReview } from './folders.js';
import {
  DECISIONS_TEMPLATE_FILE,
  REVIEW_INDEX_FILE,
  REVIEW_NOTICE,
  REVIEW_README_FILE,
  REVIEW_SCHEMA_VERSION,
  type ReviewDocument,
  type ReviewIndex,
  type ReviewPerson,
} from './package-schema.js';
import { proposeDocument } from './propose-document.js';
import { writeDocumentScreenData, writeReviewScreen } from './screen/write-screen.js';
import { comparableText, type DocumentFacts } from '../publish/facts.js';
import { relateDocuments } from '../publish/duplicates.js';
import { sha256 } from '../ingest/text.js';
import { readFileSync, writeFileSync } from 'node:fs';

export interface ProposeOptions {
  readonly inputs: readonly string[];
  /** The folder the internal review package is written to (never a publication output). */
  readonly reviewDir: string;
  readonly config?: Config;
  /** Worker threads (default: the number of cores); the package is the same whatever the number. */
  readonly jobs?: number;
  readonly onFile?: (done: number, total: number, result: ProposeFileSummary) => void;
}

interface Mention {
  readonly person: string;
  readonly finding: string;
  readonly text: string;
  readonly page: number;
  readonly proposed: 'redact' | 'review' | 'keep';
}

export type ProposeFileResult =
  | {
      readonly status: 'ok';
      /** The file's safe name (personal data in it replaced), for messages. */
      readonly input: string;
      readonly path: string;
      readonly source: string;
      readonly sha256: string;
      readonly kind: 'text' | 'pdf';
      readonly pages: number;
      readonly file: string;
      readonly analysis?: string;
      /** Of the source text as duplicates are recognised (publish/facts.ts comparableText). */
      readonly fingerprint: string;
      /** A duplicate of an earlier document of the dossier (set once every file is proposed). */
      readonly duplicateOf?: { readonly sha256: string; readonly path: string };
      readonly counts: { readonly redact: number; readonly review: number; readonly keep: number };
      readonly mentions: readonly Mention[];
      readonly reviewItems: readonly { readonly id: string; readonly text: string }[];
    }
  | { readonly status: 'failed'; readonly input: string; readonly path: string; readonly code: string; readonly message: string }
  | { readonly status: 'skipped'; readonly input: string; readonly path: string; readonly reason: string };

export interface ProposeSummary {
  readonly tool: { readonly name: 'woo-redact'; readonly version: string };
  readonly policySha256: string;
  readonly reviewDir: string;
  readonly index: string;
  readonly decisions: string;
  readonly totals: { readonly files: number; readonly ok: number; readonly failed: number; readonly skipped: number; readonly findings: number; readonly review: number; readonly persons: number };
  /** Per file, without the text: safe to print and log. */
  readonly files: readonly ProposeFileSummary[];
}

export type ProposeFileSummary =
  | { readonly status: 'ok'; readonly input: string; readonly counts: { readonly redact: number; readonly review: number; readonly keep: number } }
  | { readonly status: 'failed'; readonly input: string; readonly code: string; readonly message: string }
  | { readonly status: 'skipped'; readonly input: string; readonly reason: string };

/** A file's result without its text or path (the path may hold a name): for messages. */
export function summariseProposal(r: ProposeFileResult): ProposeFileSummary {
  if (r.status === 'ok') return { status: 'ok', input: r.input, counts: r.counts };
  if (r.status === 'failed') return { status: 'failed', input: r.input, code: r.code, message: r.message };
  return { status: 'skipped', input: r.input, reason: r.reason };
}

/** What a worker process gets to propose one file. */
export interface ProposeTask {
  readonly kind: 'propose';
  readonly file: InputFile;
  readonly number: number;
  readonly knownPersons: readonly KnownPerson[];
  readonly config: Config;
  readonly reviewDir: string;
}

const json = (value: unknown) => `${JSON.stringify(value, null, 2)}\n`;

function documentFile(number: number): string {
  return `documents/${String(number).padStart(4, '0')}.internal.json`;
}

function analysisFileOf(number: number): string {
  return `documents/${String(number).padStart(4, '0')}.analysis.internal.json`;
}

/** One file: read, analyse, write its review file; every failure becomes a result. */
export function proposeFile(task: ProposeTask): Promise<ProposeFileResult> {
  const { file: f, config } = task;
  const safe = safeNameOf(f, config);
  if (!SUPPORTED_EXTENSIONS.includes(f.extension)) {
    return Promise.resolve({ status: 'skipped', input: safe, path: f.relative, reason: `files of type ${f.extension || '(none)'} are not supported` });
  }
  const run = async (): Promise<ProposeFileResult> => {
    const bytes = readInputSync(f.path, config.maxFileBytes);
    const { review: doc, analysis } = await proposeDocument(bytes, { path: f.relative, input: f.path }, {
      policy: config.policy,
      knownPersons: task.knownPersons,
      ...(config.maxPages ? { maxPages: config.maxPages } : {}),
      ...(config.maxObjectDepth ? { maxObjectDepth: config.maxObjectDepth } : {}),
    });
    const file = documentFile(task.number);
    writeFileAtomicSync(join(task.reviewDir, file), json(doc));
    writeDocumentScreenData(task.reviewDir, file, doc, bytes);
    // For apply only, so compact (the reviewer reads the document file), and written in place: a
    // torn record does not parse, and apply then analyses again (analysis.ts).
    let analysisFile = analysis ? analysisFileOf(task.number) : undefined;
    try {
      if (analysis && analysisFile) writeFileSync(join(task.reviewDir, analysisFile), JSON.stringify(analysis));
    } catch {
      analysisFile = undefined; // the record is optional: apply analyses again
    }
    const count = (p: string) => doc.findings.filter((x) => x.proposed === p).length;
    return {
      status: 'ok',
      input: safe,
      path: f.relative,
      source: f.path,
      sha256: doc.document.sha256,
      kind: doc.document.kind,
      pages: doc.document.pages,
      file,
      ...(analysisFile ? { analysis: analysisFile } : {}),
      fingerprint: sha256(comparableText(doc.text)),
      counts: { redact: count('redact'), review: count('review'), keep: count('keep') },
      mentions: doc.findings.flatMap((x) => (x.person ? [{ person: x.person, finding: x.id, text: x.text, page: x.page, proposed: x.proposed }] : [])),
      reviewItems: doc.findings.filter((x) => x.proposed === 'review').map((x) => ({ id: x.id, text: x.text })),
    };
  };
  return run().catch((error: unknown) =>
    isWooRedactError(error)
      ? { status: 'failed', input: safe, path: f.relative, code: error.code, message: error.message }
      : { status: 'failed', input: safe, path: f.relative, code: 'INTERNAL', message: `unexpected error (${(error as Error).name}); run with --debug and report it` },
  );
}

const byText = (a: string, b: string) => (a < b ? -1 : a > b ? 1 : 0);

/** The dossier's person table: every person with every mention, and what is proposed for them. */
export function personTable(results: readonly ProposeFileResult[]): ReviewPerson[] {
  const byPerson = new Map<string, ReviewPerson['mentions'][number][]>();
  for (const r of results) {
    if (r.status !== 'ok') continue;
    for (const m of r.mentions) {
      const list = byPerson.get(m.person) ?? [];
      list.push({ document: r.sha256, path: r.path, finding: m.finding, text: m.text, page: m.page, proposed: m.proposed });
      byPerson.set(m.person, list);
    }
  }
  const persons = [...byPerson].map(([id, mentions]): ReviewPerson => {
    const names = [...new Set(mentions.map((m) => m.text.replace(/\s+/g, ' ').trim()))].sort(byText);
    const name = [...names].sort((a, b) => b.length - a.length || byText(a, b))[0] ?? '';
    const proposals = new Set(mentions.map((m) => m.proposed));
    const proposed = proposals.has('review') ? 'review' : proposals.size === 1 ? (mentions[0]?.proposed ?? 'review') : 'mixed';
    return { id, name, names, proposed, mentions };
  });
  return persons.sort((a, b) => byText(a.name, b.name) || byText(a.id, b.id));
}

function decisionsTemplate(results: readonly ProposeFileResult[], persons: readonly ReviewPerson[], policySha256: string): DecisionsInput {
  return {
    schemaVersion: DECISIONS_SCHEMA_VERSION,
    kind: 'woo-redact-decisions',
    internal: true,
    tool: { name: 'woo-redact', version: TOOL_VERSION },
    policy: { sha256: policySha256 },
    decidedBy: '',
    decidedAt: '',
    persons: persons.map((p) => ({ person: p.id, name: p.name, decision: null })),
    documents: results.flatMap((r) =>
      r.status === 'ok'
        ? [
            {
              sha256: r.sha256,
              path: r.path,
              // A duplicate's open items are decided with its original's (add any to decide them apart).
              findings: r.duplicateOf ? [] : r.reviewItems.map((x) => ({ id: x.id, text: x.text, proposed: 'review', decision: null })),
              additions: [],
              removals: [],
            },
          ]
        : [],
    ),
  };
}

const README = `${REVIEW_NOTICE}

Deze map is een intern beoordelingspakket van woo-redact (propose). Het bevat de NIET-gelakte tekst
van de documenten, met per document elke vondst en per dossier een tabel van personen.
Zet deze map nooit in een publicatie en stuur hem niet naar de verzoeker.

Beslissen: vul ${DECISIONS_TEMPLATE_FILE} in (decidedBy, decidedAt, per vondst of per persoon
"redact" met grond of "keep" met reden), en pas toe met:
  woo-redact apply --decisions <deze map> <dezelfde invoer> --out <publicatiemap>

Of beoordeel in het beoordelingsscherm: open review.html in een browser (dubbelklik; werkt zonder
internet), beslis met het toetsenbord, exporteer de besluiten en bewaar ze in deze map als
${DECISIONS_TEMPLATE_FILE}. Het scherm bewaart uw besluiten ook in de opslag van de browser.
`;

type Proposed = Extract<ProposeFileResult, { status: 'ok' }>;

/**
 * Duplicates (the same normalised text as an earlier document, as the publication package finds
 * them): marked in their result and in their review file, so that they are decided like the original.
 */
function markDuplicates(results: ProposeFileResult[], reviewDir: string): ProposeFileResult[] {
  const ok = results.filter((r): r is Proposed => r.status === 'ok');
  const facts = ok.map((r): DocumentFacts => ({ kind: 'overig', fingerprint: r.fingerprint, messages: [], attachments: [] }));
  const relations = relateDocuments(facts, ok.map((r) => r.path)).documents;
  const originalOf = new Map<Proposed, Proposed>();
  ok.forEach((r, i) => {
    const first = relations[i]?.duplicateOf;
    if (first !== undefined) originalOf.set(r, ok[first] as Proposed);
  });
  return results.map((r) => {
    const original = r.status === 'ok' ? originalOf.get(r) : undefined;
    if (r.status !== 'ok' || !original) return r;
    const duplicateOf = { sha256: original.sha256, path: original.path };
    const path = join(reviewDir, r.file);
    const doc = JSON.parse(readFileSync(path, 'utf8')) as ReviewDocument;
    const marked: ReviewDocument = { ...doc, document: { ...doc.document, duplicateOf } };
    writeFileAtomicSync(path, json(marked));
    writeDocumentScreenData(reviewDir, r.file, marked, undefined); // the PDF's bytes are unchanged
    return { ...r, duplicateOf };
  });
}

/** Writes the internal review package for the inputs; returns what was proposed. */
export async function propose(options: ProposeOptions): Promise<ProposeSummary> {
  const config = options.config ?? ConfigSchema.parse({});
  refusePublicationFolderAsReview(options.reviewDir, options.inputs);
  const { files } = await collectInputs(options.inputs, options.reviewDir);
  mkdirSync(join(options.reviewDir, 'documents'), { recursive: true });
  // Review files of an earlier run would otherwise stay beside this one's.
  for (const name of readdirSync(join(options.reviewDir, 'documents'))) {
    if (/^\d{4,}(\.analysis)?\.internal\.json$/.test(name)) rmSync(join(options.reviewDir, 'documents', name), { force: true });
  }
  const script = workerScript();
  const timeoutMs = (config.maxSecondsPerFile ?? DEFAULT_MAX_SECONDS_PER_FILE) * 1000;
  const pool = script && files.length > 0 ? new WorkerPool(script, Math.max(1, options.jobs ?? defaultJobs()), timeoutMs) : undefined;
  let done = 0;
  let results: ProposeFileResult[];
  try {
    const known = await personsByFolder(files, config.maxFileBytes, pool);
    const tasks: ProposeTask[] = files.map((file, i) => ({ kind: 'propose', file, number: i + 1, knownPersons: known.get(dirname(file.relative)) ?? [], config, reviewDir: options.reviewDir }));
    const report = (result: ProposeFileResult) => options.onFile?.(++done, files.length, summariseProposal(result));
    if (pool) {
      results = await pool.run(
        tasks,
        (task, failure): ProposeFileResult => ({
          status: 'failed',
          input: safeNameOf(task.file, config),
          path: task.file.relative,
          code: failure.kind === 'timeout' ? 'FILE_TIMEOUT' : failure.outOfMemory ? 'FILE_TOO_LARGE' : 'INTERNAL',
          message: failure.kind === 'timeout' ? `processing took longer than ${timeoutMs / 1000} s and was stopped` : 'the worker processing this file stopped unexpectedly; the other files went on',
        }),
        (_i, r) => report(r),
      );
    } else {
      results = [];
      for (const task of tasks) {
        const r = await proposeFile(task);
        results.push(r);
        report(r);
      }
    }
  } finally {
    await pool?.close();
  }

  results = markDuplicates(results, options.reviewDir);
  const policySha256 = policyHash(config.policy);
  const persons = personTable(results);
  const index: ReviewIndex = {
    schemaVersion: REVIEW_SCHEMA_VERSION,
    kind: 'woo-redact-review',
    internal: true,
    notice: REVIEW_NOTICE,
    tool: { name: 'woo-redact', version: TOOL_VERSION },
    policy: { sha256: policySha256 },
    decisions: DECISIONS_TEMPLATE_FILE,
    documents: results.flatMap((r) => (r.status === 'ok' ? [{ sha256: r.sha256, path: r.path, input: r.source, kind: r.kind, pages: r.pages, file: r.file, ...(r.analysis ? { analysis: r.analysis } : {}), ...(r.duplicateOf ? { duplicateOf: r.duplicateOf } : {}), counts: r.counts }] : [])),
    failed: results.flatMap((r) => (r.status === 'failed' ? [{ path: r.path, code: r.code, message: r.message }] : [])),
    skipped: results.flatMap((r) => (r.status === 'skipped' ? [{ path: r.path, reason: r.reason }] : [])),
    persons,
  };
  const indexPath = join(options.reviewDir, REVIEW_INDEX_FILE);
  const decisionsPath = join(options.reviewDir, DECISIONS_TEMPLATE_FILE);
  await writeFileAtomic(join(options.reviewDir, REVIEW_README_FILE), README);
  await writeFileAtomic(decisionsPath, json(decisionsTemplate(results, persons, policySha256)));
  await writeFileAtomic(indexPath, json(index));
  // The review screen (review.html) beside the package it shows: src/review/screen.
  await writeReviewScreen(options.reviewDir, index);
  const count = (s: ProposeFileResult['status']) => results.filter((r) => r.status === s).length;
  const ok = results.filter((r): r is Extract<ProposeFileResult, { status: 'ok' }> => r.status === 'ok');
  return {
    tool: { name: 'woo-redact', version: TOOL_VERSION },
    policySha256,
    reviewDir: options.reviewDir,
    index: indexPath,
    decisions: decisionsPath,
    totals: {
      files: results.length,
      ok: count('ok'),
      failed: count('failed'),
      skipped: count('skipped'),
      findings: ok.reduce((n, r) => n + r.counts.redact + r.counts.review + r.counts.keep, 0),
      review: ok.reduce((n, r) => n + r.counts.review, 0),
      persons: persons.length,
    },
    files: results.map(summariseProposal),
  };
}
