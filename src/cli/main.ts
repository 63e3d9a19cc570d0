import { loadCliConfig } from '../config/config.js';
import { isWooRedactError } from '../errors.js';
import { writeFileAtomic } from '../io/atomic-write.js';
import { assertOcrLanguage, closeOcr, DEFAULT_OCR_LANGUAGE } from '../ocr/engine.js';
import { publicationSummaryLines } from '../publish/summary-text.js';
import { TOOL_VERSION } from '../version.js';
import { HELP, parseCliArgs } from './args.js';
import { type BatchSummary, type FileResult, type PublicationWarning, runBatch } from './batch.js';
import { ProgressBar } from './progress.js';
import { applyCommand } from './apply.js';
import { proposeCommand } from './propose.js';

/** Error codes that mean nothing was done: a usage, config or decisions problem (exit 2). */
const EXIT_2 = new Set(['CONFIG_INVALID', 'CONFIG_NOT_FOUND', 'USAGE', 'INPUT_NOT_FOUND', 'DECISIONS_INVALID', 'DECISIONS_MISMATCH', 'DECISIONS_UNKNOWN_PERSON', 'DECISIONS_NOT_APPROVED', 'REVIEW_FOLDER_REFUSED']);

async function runCommand(run: () => Promise<number>, io: CliIo, debug: boolean): Promise<number> {
  try {
    return await run();
  } catch (error) {
    if (isWooRedactError(error)) {
      io.stderr(`woo-redact: ${error.message} [${error.code}]\n`);
      return EXIT_2.has(error.code) ? 2 : 1;
    }
    io.stderr(`woo-redact: unexpected error (${(error as Error).name}); run with --debug and report it\n`);
    if (debug) io.stderr(`${(error as Error).stack ?? ''}\n`);
    return 1;
  }
}

/** The environment the CLI's worker processes start with (benchmarks run the library as they do). */
export { workerEnv } from './pool.js';

export interface CliIo {
  readonly stdout: (text: string) => void;
  readonly stderr: (text: string) => void;
  readonly isTTY: boolean;
}

const processIo: CliIo = {
  stdout: (t) => process.stdout.write(t),
  stderr: (t) => process.stderr.write(t),
  isTTY: process.stderr.isTTY === true,
};

function describe(result: FileResult): string {
  if (result.status === 'ok') return `${result.input}: ${result.assessment}, ${result.redactions} redaction(s), ${result.review} to review`;
  if (result.status === 'skipped') return `${result.input}: skipped, ${result.reason}`;
  return `${result.input}: FAILED [${result.code}] ${result.message}`;
}

// Fixed texts, not the manifest's messages: the terminal shows what changed, never content.
const PUBLICATION_TEXT: Readonly<Record<PublicationWarning, string>> = {
  PDF_OWNER_PASSWORD_REMOVED: 'its owner password (permissions) was removed',
  PDF_ATTACHMENTS_REMOVED: 'its attachments were removed: assess and publish them separately',
  PDF_FORM_REMOVED: 'its form fields were removed (not flattened)',
  PDF_ANNOTATIONS_REMOVED: 'its comments and other annotations were removed',
  PDF_JAVASCRIPT_REMOVED: 'its JavaScript was removed',
};

/** At most this many files are named per list on the terminal; the JSON summary has them all. */
const LISTED = 100;

function listed<T>(items: readonly T[], line: (item: T) => string, more: string): string[] {
  const lines = items.slice(0, LISTED).map(line);
  if (items.length > LISTED) lines.push(`  ... and ${items.length - LISTED} more ${more}`);
  return lines;
}

function textSummary(summary: BatchSummary): string {
  const t = summary.totals;
  const lines = [`woo-redact ${summary.tool.version}: ${t.files} file(s): ${t.ok} redacted, ${t.failed} failed, ${t.skipped} skipped; ${t.redactions} redaction(s), ${t.review} to review`];
  lines.push(...listed(summary.files.filter((f) => f.status !== 'ok'), (f) => `  ${describe(f)}`, 'failed or skipped (see --json)'));
  const ok = summary.files.filter((f): f is Extract<FileResult, { status: 'ok' }> => f.status === 'ok');
  const review = ok.filter((f) => f.review > 0);
  if (review.length > 0) {
    lines.push(`to review (${review.length} file(s); their "review" in each manifest):`);
    lines.push(...listed(review, (f) => `  ${f.input}: ${f.review} open item(s), redacted until decided (woo-redact propose / apply); see ${f.manifest}`, 'file(s) to review (see --json)'));
  }
  const changed = ok.filter((f) => (f.publicationWarnings?.length ?? 0) > 0);
  if (changed.length > 0) {
    lines.push('published differently from the original besides the redactions:');
    lines.push(...listed(changed, (f) => `  ${f.input}: ${(f.publicationWarnings ?? []).map((w) => PUBLICATION_TEXT[w]).join('; ')}`, 'file(s) (see the manifests\' warnings)'));
  }
  if (summary.ownOutputsIgnored.length > 0) {
    lines.push(`not read: ${summary.ownOutputsIgnored.length} file(s) among the inputs that woo-redact wrote itself (redacted files, manifests, inventories, summaries of an earlier run)`);
  }
  lines.push(`inventory: ${summary.inventory.csv}`);
  lines.push(...publicationSummaryLines(summary.publication));
  return `${lines.join('\n')}\n`;
}

/** The CLI, in-process: returns the exit code (0 ok, 1 some files failed, 2 usage/config error). */
export async function main(argv: readonly string[], io: CliIo = processIo): Promise<number> {
  // The review workflow's two commands; everything else is the one-step run.
  const command = argv[0] === 'propose' ? proposeCommand : argv[0] === 'apply' ? applyCommand : undefined;
  if (command) return runCommand(() => command(argv.slice(1), io), io, argv.includes('--debug'));
  let args;
  try {
    args = parseCliArgs(argv);
  } catch (error) {
    io.stderr(`woo-redact: ${(error as Error).message}\n`);
    return 2;
  }
  if (args.help) {
    io.stdout(HELP);
    return 0;
  }
  if (args.version) {
    io.stdout(`${TOOL_VERSION}\n`);
    return 0;
  }
  try {
    const loaded = await loadCliConfig(args.config);
    // The OCR flags override the config file; a language without its model is a usage error now,
    // not a failure of every scan later.
    const config = { ...loaded, ...(args.noOcr ? { ocr: false } : {}), ...(args.ocrLang !== undefined ? { ocrLang: args.ocrLang } : {}) };
    if (config.ocr !== false) assertOcrLanguage(config.ocrLang ?? DEFAULT_OCR_LANGUAGE);
    const bar = !args.quiet && io.isTTY ? new ProgressBar(io) : undefined;
    const summary = await runBatch({
      inputs: args.inputs,
      outDir: args.out as string,
      config,
      timestamps: args.timestamps,
      resume: args.resume,
      ...(args.jobs !== undefined ? { jobs: args.jobs } : {}),
      onFile: (done, total, result) => {
        if (bar) bar.update(done, total, result);
        else if (!args.quiet && result.status === 'failed') io.stderr(`${describe(result)}\n`);
      },
    });
    bar?.stop();
    await closeOcr();
    if (bar) for (const f of summary.files) if (f.status === 'failed') io.stderr(`${describe(f)}\n`);
    const json = `${JSON.stringify(summary, null, 2)}\n`;
    if (args.summaryFile) await writeFileAtomic(args.summaryFile, json);
    if (args.json) io.stdout(json);
    else if (!args.quiet) io.stderr(textSummary(summary));
    return summary.totals.failed > 0 ? 1 : 0;
  } catch (error) {
    if (isWooRedactError(error)) {
      io.stderr(`woo-redact: ${error.message} [${error.code}]\n`);
      return EXIT_2.has(error.code) ? 2 : 1;
    }
    io.stderr(`woo-redact: unexpected error (${(error as Error).name}); run with --debug and report it\n`);
    if (args.debug) io.stderr(`${(error as Error).stack ?? ''}\n`);
    return 1;
  }
}
