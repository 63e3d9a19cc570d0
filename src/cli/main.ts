import { existsSync } from 'node:fs';
import { DEFAULT_CONFIG_FILE, loadConfig } from '../config/config.js';
import { isWooRedactError } from '../errors.js';
import { writeFileAtomic } from '../io/atomic-write.js';
import { assertOcrLanguage, closeOcr, DEFAULT_OCR_LANGUAGE } from '../ocr/engine.js';
import { TOOL_VERSION } from '../version.js';
import { HELP, parseCliArgs } from './args.js';
import { type BatchSummary, type FileResult, runBatch } from './batch.js';
import { ProgressBar } from './progress.js';
import { applyCommand } from './apply.js';
import { proposeCommand } from './propose.js';

/** Error codes that mean nothing was done: a usage, config or decisions problem (exit 2). */
const EXIT_2 = new Set(['CONFIG_INVALID', 'CONFIG_NOT_FOUND', 'USAGE', 'INPUT_NOT_FOUND', 'DECISIONS_INVALID', 'DECISIONS_MISMATCH', 'DECISIONS_NOT_APPROVED', 'REVIEW_FOLDER_REFUSED']);

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

function textSummary(summary: BatchSummary): string {
  const t = summary.totals;
  const lines = [`woo-redact ${summary.tool.version}: ${t.files} file(s): ${t.ok} redacted, ${t.failed} failed, ${t.skipped} skipped; ${t.redactions} redaction(s), ${t.review} to review`];
  for (const f of summary.files) if (f.status !== 'ok') lines.push(`  ${describe(f)}`);
  // Open items are redacted until a person decides: name the files that have them.
  const open = summary.files.filter((f) => f.status === 'ok' && f.review > 0);
  for (const f of open) if (f.status === 'ok') lines.push(`  ${f.input}: ${f.review} open item(s), redacted until decided (woo-redact propose / apply)`);
  lines.push(`inventory: ${summary.inventory.csv}`);
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
    const configPath = args.config ?? DEFAULT_CONFIG_FILE;
    const loaded = await loadConfig(configPath, args.config !== undefined || existsSync(configPath));
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
