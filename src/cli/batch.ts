import { dirname, join } from 'node:path';
import { z } from 'zod';
import { analyzeWithPolicy } from '../pipeline.js';
import { readInputSync, redactBytes, SUPPORTED_EXTENSIONS } from '../api.js';
import { type Config, type ConfigInput, resolveConfig } from '../config/config.js';
import { parseOrThrow } from '../config/validate.js';
import { policyHash } from '../decide/policy.js';
import type { GroundCode } from '../decide/grounds.js';
import { findPersons } from '../detect/recognizers/person.js';
import { lexicons } from '../detect/lexicons/index.js';
import { type KnownPerson, mergeKnownPersons } from '../detect/names/known-person.js';
import { isWooRedactError, WooRedactError, type WooErrorCode } from '../errors.js';
import { ingestString, ingestTextBytes } from '../ingest/text.js';
import { writeFileAtomicSync } from '../io/atomic-write.js';
import { type DocumentFacts, documentFactsOf } from '../publish/facts.js';
import { factsFromFiles } from '../publish/facts-from-files.js';
import { checkPublicationConfig, type PackageDocument, type PublicationSummary, writePublicationPackage } from '../publish/package.js';
import { serializeManifest } from '../manifest/build.js';
import { type Assessment, type Manifest, ManifestSchema } from '../manifest/schema.js';
import { readFile } from 'node:fs/promises';
import { sha256 } from '../ingest/text.js';
import { normalise } from '../normalise/normalise.js';
import { analyseStructure } from '../structure/structure.js';
import { collectInputs, type InputFile } from './collect.js';
import { type OutputNames, planOutputNames } from './output-names.js';
import { safeRelativePath } from './safe-names.js';
import { defaultJobs, type TaskFailure, WorkerPool, workerScript } from './pool.js';
import { TOOL_VERSION } from '../version.js';
import { groupBy } from '../util/group-by.js';
import type { FileDecisions } from '../review/choose.js';
import { decisionsFor, refuseReviewFolderAsOutput, refuseReviewPackageAmongInputs, type ReviewRun } from '../review/folders.js';

export interface BatchOptions {
  readonly inputs: readonly string[];
  readonly outDir: string;
  /**
   * The config, as written in woo-redact.config.json (every key optional) or as loadConfig
   * resolved it; validated like a config file. A publicOfficialsFile is read relative to the
   * working folder.
   */
  readonly config?: ConfigInput | Config;
  /** Record the run time in manifests (off by default: reproducible output). */
  readonly timestamps?: boolean;
  /** Skip files whose manifest already records the same source, tool version and policy. */
  readonly resume?: boolean;
  /** Worker threads (default: the number of cores); output is the same whatever the number. */
  readonly jobs?: number;
  /** Called after each file, for progress output. */
  readonly onFile?: (done: number, total: number, result: FileResult) => void;
  /** `apply`: a reviewer's decisions instead of the policy's `reviewedAs` (see src/review). */
  readonly review?: ReviewRun;
}

export type FileResult =
  | {
      readonly status: 'ok';
      readonly input: string;
      readonly output: string;
      readonly manifest: string;
      readonly assessment: Assessment;
      readonly redactions: number;
      readonly review: number;
      readonly grounds: Partial<Record<GroundCode, number>>;
      readonly warnings: number;
      /** Manifest warnings that change what is published besides the redactions (attachments removed, ...). */
      readonly publicationWarnings?: readonly PublicationWarning[];
      readonly pages: number;
      /** True when an earlier run's output was kept (--resume). */
      readonly resumed?: boolean;
      readonly durationMs?: number;
      /** Title, date, kind and fingerprints from the redacted text, for the publication package. */
      readonly facts?: DocumentFacts;
    }
  | { readonly status: 'failed'; readonly input: string; readonly code: WooErrorCode; readonly message: string; readonly durationMs?: number }
  | { readonly status: 'skipped'; readonly input: string; readonly reason: string; readonly extension: string };

export interface BatchSummary {
  readonly tool: { readonly name: 'woo-redact'; readonly version: string };
  readonly policySha256: string;
  readonly outDir: string;
  readonly totals: { readonly files: number; readonly ok: number; readonly failed: number; readonly skipped: number; readonly redactions: number; readonly review: number };
  readonly files: readonly FileResult[];
  readonly inventory: { readonly csv: string; readonly xlsx: string };
  /** The publication package (publicatie/): inventory, documents named by ID, DiWoo, annex. */
  readonly publication: PublicationSummary;
  /** Files found among the inputs that woo-redact wrote itself (outputs of an earlier run): not read. */
  readonly ownOutputsIgnored: readonly string[];
}

/** Manifest warnings that change what is published, shown on the terminal too. */
export const PUBLICATION_WARNINGS = ['PDF_OWNER_PASSWORD_REMOVED', 'PDF_ATTACHMENTS_REMOVED', 'PDF_FORM_REMOVED', 'PDF_ANNOTATIONS_REMOVED', 'PDF_JAVASCRIPT_REMOVED'] as const;
export type PublicationWarning = (typeof PUBLICATION_WARNINGS)[number];

const BatchOptionsSchema = z
  .object({
    inputs: z.array(z.string().min(1)),
    outDir: z.string().min(1),
    config: z.unknown().optional(),
    timestamps: z.boolean().optional(),
    resume: z.boolean().optional(),
    jobs: z.number().int().min(1).max(256).optional(),
    onFile: z.custom<BatchOptions['onFile']>((v) => typeof v === 'function', { message: 'expected a function' }).optional(),
    review: z.custom<BatchOptions['review']>((v) => typeof v === 'object' && v !== null, { message: 'expected the review run (decisions and review package)' }).optional(),
  })
  .strict();

/** The persons found with good evidence in one text file (none if it cannot be read: it fails again in the main pass, with its reason). */
export function personsInFile(path: string, maxBytes: number | undefined): KnownPerson[] {
  try {
    const doc = ingestTextBytes(readInputSync(path, maxBytes));
    const text = normalise(doc.sourceText).text;
    return findPersons({ text, structure: analyseStructure(text), lexicons: lexicons() }).persons;
  } catch {
    return [];
  }
}

/**
 * Persons found with good evidence in each folder (dossier): the same e-mail thread is often
 * filed several times, so a name found in one copy is looked for in the others. Text files are
 * read in the workers when there are any (this pass was half of a batch of small files).
 */
export async function personsByFolder(files: readonly InputFile[], maxBytes: number | undefined, pool: WorkerPool | undefined): Promise<Map<string, KnownPerson[]>> {
  // PDFs are read once, in the main pass; their persons are not shared (yet).
  const texts = files.filter((f) => f.extension === '.txt');
  const tasks: PersonsTask[] = texts.map((f) => ({ kind: 'persons', path: f.path, maxBytes }));
  const found = pool ? await pool.run(tasks, (): KnownPerson[] => []) : tasks.map((t) => personsInFile(t.path, t.maxBytes));
  const byFolder = groupBy(
    texts.map((f, i) => ({ folder: dirname(f.relative), persons: found[i] ?? [] })),
    (x) => x.folder,
  );
  return new Map([...byFolder].map(([folder, files]) => [folder, mergeKnownPersons(files.map((x) => x.persons))]));
}

/**
 * Runs a batch: every file redacted and verified, outputs written atomically, failures isolated.
 * Bad options or config reject with CONFIG_INVALID / INVALID_ARGUMENT; every rejection is a
 * WooRedactError.
 */
export async function runBatch(options: BatchOptions): Promise<BatchSummary> {
  try {
    return await runBatchChecked(options);
  } catch (error) {
    if (isWooRedactError(error)) throw error;
    throw new WooRedactError('INTERNAL', `the batch stopped on an unexpected error (${(error as Error)?.name ?? 'error'}); run with --debug and report it`, { cause: error });
  }
}

async function runBatchChecked(input: BatchOptions): Promise<BatchSummary> {
  const options = parseOrThrow(BatchOptionsSchema, input, 'runBatch options', { code: 'INVALID_ARGUMENT' }) as BatchOptions;
  const config = await resolveConfig(options.config as ConfigInput | undefined, process.cwd(), 'runBatch config');
  checkPublicationConfig(config);
  await refuseReviewFolderAsOutput(options.outDir);
  const collected = await collectInputs(options.inputs, options.outDir);
  refuseReviewPackageAmongInputs(collected.files);
  const files = planFiles(collected.files, config);
  const results: FileResult[] = [];
  const jobs = Math.max(1, options.jobs ?? defaultJobs());
  const script = workerScript();
  const timeoutMs = (config.maxSecondsPerFile ?? DEFAULT_MAX_SECONDS_PER_FILE) * 1000;
  // A progress callback that throws is the caller's bug: it must not stop the batch half-way
  // (workers still running, no inventory), so it is not called again and its error is thrown
  // once every file is done.
  let callbackError: { error: unknown } | undefined;
  const report = (done: number, result: FileResult) => {
    if (!options.onFile || callbackError) return;
    try {
      options.onFile(done, files.length, result);
    } catch (error) {
      callbackError = { error };
    }
  };
  // Worker processes (also for --jobs 1: a worker that runs too long can be stopped), kept for both
  // passes; one file each at a time, results in input order whatever finishes first.
  const pool = script && files.length > 0 ? new WorkerPool(script, jobs, timeoutMs) : undefined;
  let done = 0;
  try {
    const known = await personsByFolder(files, config.maxFileBytes, pool);
    if (pool) {
      const tasks: WorkerTask[] = files.map((file) => ({
        kind: 'redact',
        file,
        knownPersons: known.get(dirname(file.relative)) ?? [],
        config,
        options: { ...fileOptions(options), ...decisionsOption(options, file) },
      }));
      const failed = (task: WorkerTask, failure: TaskFailure): FileResult => ({
        status: 'failed',
        input: task.file.names.safe,
        ...(failure.kind === 'timeout'
          ? { code: 'FILE_TIMEOUT', message: `processing took longer than ${timeoutMs / 1000} s and was stopped; split the file or raise maxSecondsPerFile` }
          : failure.outOfMemory
            ? { code: 'FILE_TOO_LARGE', message: 'processing ran out of memory and was stopped; split the file; the other files went on' }
            : { code: 'INTERNAL', message: 'the worker processing this file stopped unexpectedly; the other files went on; run this file alone with --debug and report it' }),
      });
      results.push(...(await pool.run(tasks, failed, (_i, r) => report(++done, r))));
    } else {
      for (const f of files) {
        const result = await processFile(f, known.get(dirname(f.relative)) ?? [], config, { ...fileOptions(options), ...decisionsOption(options, f) });
        results.push(result);
        report(++done, result);
      }
    }
  } finally {
    await pool?.close();
  }
  const publication = await writePublicationPackage(await publicationInput(results, files, config, options.outDir));
  if (callbackError) {
    throw new WooRedactError('INVALID_ARGUMENT', `the onFile callback threw (${(callbackError.error as Error)?.name ?? 'error'}); the batch finished without calling it again`, { cause: callbackError.error });
  }
  const count = (s: FileResult['status']) => results.filter((r) => r.status === s).length;
  return {
    tool: { name: 'woo-redact', version: TOOL_VERSION },
    policySha256: policyHash(config.policy),
    outDir: options.outDir,
    totals: {
      files: results.length,
      ok: count('ok'),
      failed: count('failed'),
      skipped: count('skipped'),
      redactions: results.reduce((s, r) => s + (r.status === 'ok' ? r.redactions : 0), 0),
      review: results.reduce((s, r) => s + (r.status === 'ok' ? r.review : 0), 0),
    },
    files: results,
    inventory: publication.inventory,
    publication,
    ownOutputsIgnored: collected.ownOutputs,
  };
}

/** One file's relative path with any personal data in it replaced by its code (propose names files so too). */
export function safeNameOf(f: InputFile, config: Config): string {
  return safeRelativePath(f.relative, (text) => analyzeWithPolicy(ingestString(text), {}, config.policy));
}

/** An input with the names of everything written for it, planned for the whole batch at once. */
export interface PlannedFile extends InputFile {
  readonly names: OutputNames;
}

function planFiles(files: readonly InputFile[], config: Config): PlannedFile[] {
  const safe = safeNames(files.map((f) => f.relative), config);
  const names = planOutputNames(files.map((f, i) => ({ safe: safe[i] as string, extension: f.extension, supported: SUPPORTED_EXTENSIONS.includes(f.extension) })));
  return files.map((f, i) => ({ ...f, names: names[i] as OutputNames }));
}

/** Safe names of many paths: folder names recur in every file's path and are analysed once. */
function safeNames(relatives: readonly string[], config: Config): string[] {
  const cache = new Map<string, string>();
  const analyse = (text: string) => analyzeWithPolicy(ingestString(text), {}, config.policy);
  return relatives.map((rel) => {
    const slash = rel.lastIndexOf('/');
    const folder = slash >= 0 ? rel.slice(0, slash) : '';
    let safeFolder = cache.get(folder);
    if (safeFolder === undefined) {
      safeFolder = folder ? safeRelativePath(folder, analyse) : '';
      cache.set(folder, safeFolder);
    }
    const name = safeRelativePath(rel.slice(slash + 1), analyse);
    return safeFolder ? `${safeFolder}/${name}` : name;
  });
}

/** What a worker thread gets for one file: everything processFile needs, as plain data. */
export interface WorkerTask {
  readonly kind: 'redact';
  readonly file: PlannedFile;
  readonly knownPersons: readonly KnownPerson[];
  readonly config: Config;
  readonly options: FileRunOptions;
}

/** What one file's run needs of the batch options, as plain data for a worker thread. */
export type FileRunOptions = Pick<BatchOptions, 'outDir' | 'timestamps' | 'resume'> & { readonly decisions?: FileDecisions };

function fileOptions(options: BatchOptions): FileRunOptions {
  return { outDir: options.outDir, ...(options.timestamps ? { timestamps: true } : {}), ...(options.resume ? { resume: true } : {}) };
}

function decisionsOption(options: BatchOptions, file: InputFile): { decisions?: FileDecisions } {
  return options.review ? { decisions: decisionsFor(options.review, file) } : {};
}

/** The first pass: one text file's persons, for the others in its folder. */
export interface PersonsTask {
  readonly kind: 'persons';
  readonly path: string;
  readonly maxBytes: number | undefined;
}

export const DEFAULT_MAX_SECONDS_PER_FILE = 300;

/** One file: read, redact, verify, write its outputs atomically; every failure becomes a result. */
export async function processFile(f: PlannedFile, knownPersons: readonly KnownPerson[], config: Config, options: FileRunOptions): Promise<FileResult> {
  const started = Date.now();
  const result = await processFileUntimed(f, knownPersons, config, options);
  return result.status === 'skipped' ? result : { ...result, durationMs: Date.now() - started };
}

async function processFileUntimed(f: PlannedFile, knownPersons: readonly KnownPerson[], config: Config, options: FileRunOptions): Promise<FileResult> {
  // Every line about a file (summary, inventory, errors) names it by its safe name.
  const { safe, output: outputRel, manifest: manifestRel } = f.names;
  if (!SUPPORTED_EXTENSIONS.includes(f.extension)) {
    return {
      status: 'skipped',
      input: safe,
      reason: `files of type ${f.extension || '(none)'} are not read: save or convert them as PDF or as .txt (OCR'd text) and run again to include them`,
      extension: f.extension || '(geen)',
    };
  }
  try {
    if (options.resume) {
      const previous = await previousResult(f, safe, outputRel, manifestRel, config, options.outDir, options.decisions);
      if (previous) return previous;
    }
    // Synchronous reads and writes: a file's own I/O is all this worker waits for, and each
    // asynchronous call adds a thread-pool hop (3 ms a file, measured on the build machine).
    const result = await redactBytes(readInputSync(f.path, config.maxFileBytes), f.path, {
      policy: config.policy,
      knownPersons,
      displayPath: safe,
      outputPath: outputRel,
      ...(config.maxPages ? { maxPages: config.maxPages } : {}),
      ...(config.maxObjectDepth ? { maxObjectDepth: config.maxObjectDepth } : {}),
      ...(config.ocr === false ? { ocr: false } : {}),
      ...(config.ocrLang ? { ocrLang: config.ocrLang } : {}),
      ...(options.timestamps ? { generatedAt: new Date().toISOString() } : {}),
      ...(options.decisions ? { decisions: options.decisions } : {}),
    });
    writeFileAtomicSync(join(options.outDir, outputRel), result.kind === 'pdf' ? result.pdf : result.text);
    writeFileAtomicSync(join(options.outDir, manifestRel), serializeManifest(result.manifest));
    return okResult(safe, outputRel, manifestRel, result.manifest, false, documentFactsOf(result.document, result.manifest));
  } catch (error) {
    if (isWooRedactError(error)) return { status: 'failed', input: safe, code: error.code, message: error.message };
    return { status: 'failed', input: safe, code: 'INTERNAL', message: `unexpected error (${(error as Error).name}); run with --debug and report it` };
  }
}

function okResult(input: string, output: string, manifest: string, m: Manifest, resumed: boolean, facts?: DocumentFacts): FileResult {
  const grounds: Partial<Record<GroundCode, number>> = {};
  for (const g of m.grounds) grounds[g.code] = g.count;
  const publicationWarnings = PUBLICATION_WARNINGS.filter((code) => m.warnings.some((w) => w.code === code));
  return {
    status: 'ok',
    input,
    output,
    manifest,
    assessment: m.assessment,
    redactions: m.redactions.length,
    review: m.review.length,
    grounds,
    warnings: m.warnings.length,
    ...(publicationWarnings.length > 0 ? { publicationWarnings } : {}),
    pages: m.source.pages,
    ...(resumed ? { resumed: true } : {}),
    ...(facts ? { facts } : {}),
  };
}

/**
 * With --resume, a file is done when its manifest exists for the same source bytes, tool version
 * and policy (for apply: the same decisions files; the one-step run never takes apply's output,
 * nor apply the one-step run's), and the output it names is there with the hash it records.
 * Outputs are written atomically, so an interrupted run leaves either a complete pair or nothing usable.
 */
async function previousResult(f: PlannedFile, safe: string, outputRel: string, manifestRel: string, config: Config, outDir: string, decisions: FileDecisions | undefined): Promise<FileResult | undefined> {
  try {
    const parsed = ManifestSchema.safeParse(JSON.parse(await readFile(join(outDir, manifestRel), 'utf8')));
    if (!parsed.success) return undefined;
    const m = parsed.data;
    if (m.tool.version !== TOOL_VERSION || m.policy.sha256 !== policyHash(config.policy)) return undefined;
    if (JSON.stringify(m.decisions?.files ?? null) !== JSON.stringify(decisions?.files ?? null)) return undefined;
    if (m.source.sha256 !== sha256(await readFile(f.path))) return undefined;
    if (m.output.path !== outputRel || m.output.sha256 !== sha256(await readFile(join(outDir, outputRel)))) return undefined;
    return okResult(safe, outputRel, manifestRel, m, true, await factsFromFiles(f.path, m));
  } catch {
    return undefined;
  }
}

/** The package step's input from the batch results: refused files apart, each document with its manifest and facts. */
async function publicationInput(results: readonly FileResult[], files: readonly InputFile[], config: Config, outDir: string) {
  const documents: PackageDocument[] = [];
  const refused = [];
  for (const [i, r] of results.entries()) {
    if (r.status === 'skipped') refused.push({ input: r.input, status: r.status, code: 'UNSUPPORTED_TYPE', message: r.reason });
    else if (r.status === 'failed') refused.push({ input: r.input, status: r.status, code: r.code, message: r.message });
    else {
      const manifest = ManifestSchema.parse(JSON.parse(await readFile(join(outDir, r.manifest), 'utf8')));
      const outputFile = join(outDir, r.output);
      const facts = r.facts ?? (await factsFromFiles((files[i] as InputFile).path, manifest));
      documents.push({ input: r.input, outputFile, format: r.output.endsWith('.pdf') ? 'pdf' : 'txt', manifest, facts });
    }
  }
  return { outDir, config, documents, refused };
}
