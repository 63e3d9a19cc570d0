import { join } from 'node:path';
import { parseArgs } from 'node:util';
import { loadCliConfig } from '../config/config.js';
import { UsageError } from '../errors.js';
import { propose, type ProposeSummary } from '../review/propose.js';
import { SCREEN_FILE } from '../review/screen/names.js';
import { parseJobsOption, usage } from './args.js';
import type { CliIo } from './main.js';

export const PROPOSE_HELP = `woo-redact propose - write an internal review package for a dossier

Usage:
  woo-redact propose [options] <files or folders...> --review <dir>

Analyses the inputs as the one-step run does, redacts nothing, and writes into <dir>:
  review.internal.json            the dossier: documents and the person table (every mention)
  documents/NNNN.internal.json    per document: its text and every finding, with the proposal,
                                  ground, reason, confidence, page, boxes (PDF) or offsets, context
  documents/NNNN.analysis.internal.json   for apply: the proposal's findings, so apply works on
                                  exactly what was decided on (without detecting again)
  decisions.internal.json         the decisions template: fill it in, then run woo-redact apply
A duplicate (the same text as an earlier document) is marked with its original and decided like it.
INTERNAL: the package holds the unredacted text. It is refused inside a publication output.

Options:
  -r, --review <dir>       the review folder (required)
  -c, --config <file>      config file (default: ./woo-redact.config.json if present)
  -j, --jobs <n>           files in parallel (default: the number of cores)
      --json               print the summary as JSON on stdout (counts only, no text)
  -q, --quiet              no progress output
  -h, --help               show this help
`;

export interface ProposeArgs {
  readonly inputs: readonly string[];
  readonly review?: string;
  readonly config?: string;
  readonly jobs?: number;
  readonly json: boolean;
  readonly quiet: boolean;
  readonly help: boolean;
}

export function parseProposeArgs(argv: readonly string[]): ProposeArgs {
  let parsed;
  try {
    parsed = parseArgs({
      args: [...argv],
      allowPositionals: true,
      strict: true,
      options: {
        review: { type: 'string', short: 'r' },
        config: { type: 'string', short: 'c' },
        jobs: { type: 'string', short: 'j' },
        json: { type: 'boolean', default: false },
        quiet: { type: 'boolean', short: 'q', default: false },
        help: { type: 'boolean', short: 'h', default: false },
      },
    });
  } catch (error) {
    usage(error, 'propose');
  }
  const v = parsed.values;
  const jobs = parseJobsOption(v.jobs);
  const args: ProposeArgs = {
    inputs: parsed.positionals,
    ...(v.review !== undefined ? { review: v.review } : {}),
    ...(v.config !== undefined ? { config: v.config } : {}),
    ...(jobs !== undefined ? { jobs } : {}),
    json: v.json === true,
    quiet: v.quiet === true,
    help: v.help === true,
  };
  if (args.help) return args;
  if (args.inputs.length === 0) throw new UsageError('no input files or folders given; see woo-redact propose --help');
  if (!args.review) throw new UsageError('--review <dir> is required: the folder for the internal review package; see woo-redact propose --help');
  return args;
}

function text(summary: ProposeSummary): string {
  const t = summary.totals;
  const lines = [
    `woo-redact ${summary.tool.version} propose: ${t.files} file(s): ${t.ok} proposed, ${t.failed} failed, ${t.skipped} skipped; ${t.findings} finding(s), ${t.review} to decide, ${t.persons} person(s)`,
  ];
  for (const f of summary.files) {
    if (f.status === 'failed') lines.push(`  ${f.input}: FAILED [${f.code}] ${f.message}`);
    else if (f.status === 'ok' && f.counts.review > 0) lines.push(`  ${f.input}: ${f.counts.review} item(s) to decide`);
  }
  lines.push(`review package (INTERNAL, never publish): ${summary.index}`, `decisions to fill in: ${summary.decisions}`, `review screen (open in a browser): ${join(summary.reviewDir, SCREEN_FILE)}`);
  return `${lines.join('\n')}\n`;
}

export async function proposeCommand(argv: readonly string[], io: CliIo): Promise<number> {
  const args = parseProposeArgs(argv);
  if (args.help) {
    io.stdout(PROPOSE_HELP);
    return 0;
  }
  const config = await loadCliConfig(args.config);
  const summary = await propose({
    inputs: args.inputs,
    reviewDir: args.review as string,
    config,
    ...(args.jobs !== undefined ? { jobs: args.jobs } : {}),
    onFile: (_done, _total, r) => {
      if (!args.quiet && r.status === 'failed') io.stderr(`${r.input}: FAILED [${r.code}] ${r.message}\n`);
    },
  });
  if (args.json) io.stdout(`${JSON.stringify(summary, null, 2)}\n`);
  else if (!args.quiet) io.stderr(text(summary));
  return summary.totals.failed > 0 ? 1 : 0;
}
