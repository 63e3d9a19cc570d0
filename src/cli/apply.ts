import { parseArgs } from 'node:util';
import { loadCliConfig } from '../config/config.js';
import { UsageError } from '../errors.js';
import { apply } from '../review/apply.js';
import { publicationSummaryLines } from '../publish/summary-text.js';
import type { BatchSummary } from './batch.js';
import type { CliIo } from './main.js';
import { parseJobsOption, usage } from './args.js';

export const APPLY_HELP = `woo-redact apply - apply a Woo-team's decisions and write the publication output

Usage:
  woo-redact apply --decisions <file|dir> [options] <files or folders...> --out <dir>

Applies exactly the decisions (made on woo-redact propose's review package) to the same inputs,
verifies every output and writes what the one-step run writes: redacted files, manifests, inventory.
Refused: an input whose sha256 differs from the one decided on, a decision naming a finding that
does not exist or a person not in the person table, items nobody decided (unless --undecided
redact), a proposal of another tool version or policy, and with --require-approval decisions not
approved by a second person. Every manifest records the decisions files' sha256, not who decided.

Options:
  -d, --decisions <f|dir>  the decisions file, or a folder of them (e.g. the review package)
  -o, --out <dir>          output folder for publication (required; never the review folder)
  -r, --review <dir>       the review package (its person table checks person decisions); found
                           by itself when --decisions is the package or a file in it
  -c, --config <file>      config file: the same as for propose
      --undecided <what>   "refuse" (default) or "redact": items nobody decided are redacted
      --require-approval   four eyes: refuse decisions without approvedBy (another person)
  -j, --jobs <n>           files in parallel (default: the number of cores); same output for any n
      --resume             skip files an earlier apply already wrote from the same input,
                           decisions files, tool version and policy (after an interruption)
      --timestamps         record the run time in manifests (off: output is reproducible)
      --json               print the batch summary as JSON on stdout
  -q, --quiet              no progress output
  -h, --help               show this help

Exit status: 0 all files applied, 1 some files failed or were refused (each named), 2 usage,
config or decisions error (nothing written).
`;

export interface ApplyArgs {
  readonly inputs: readonly string[];
  readonly decisions?: string;
  readonly out?: string;
  readonly review?: string;
  readonly config?: string;
  readonly undecided: 'refuse' | 'redact';
  readonly requireApproval: boolean;
  readonly jobs?: number;
  readonly timestamps: boolean;
  readonly resume: boolean;
  readonly json: boolean;
  readonly quiet: boolean;
  readonly help: boolean;
}

export function parseApplyArgs(argv: readonly string[]): ApplyArgs {
  let parsed;
  try {
    parsed = parseArgs({
      args: [...argv],
      allowPositionals: true,
      strict: true,
      options: {
        decisions: { type: 'string', short: 'd' },
        out: { type: 'string', short: 'o' },
        review: { type: 'string', short: 'r' },
        config: { type: 'string', short: 'c' },
        undecided: { type: 'string' },
        'require-approval': { type: 'boolean', default: false },
        jobs: { type: 'string', short: 'j' },
        timestamps: { type: 'boolean', default: false },
        resume: { type: 'boolean', default: false },
        json: { type: 'boolean', default: false },
        quiet: { type: 'boolean', short: 'q', default: false },
        help: { type: 'boolean', short: 'h', default: false },
      },
    });
  } catch (error) {
    usage(error, 'apply');
  }
  const v = parsed.values;
  const undecided = v.undecided ?? 'refuse';
  if (undecided !== 'refuse' && undecided !== 'redact') throw new UsageError(`--undecided takes "refuse" or "redact", not "${undecided}"`);
  const jobs = parseJobsOption(v.jobs);
  const args: ApplyArgs = {
    inputs: parsed.positionals,
    ...(v.decisions !== undefined ? { decisions: v.decisions } : {}),
    ...(v.out !== undefined ? { out: v.out } : {}),
    ...(v.review !== undefined ? { review: v.review } : {}),
    ...(v.config !== undefined ? { config: v.config } : {}),
    undecided,
    requireApproval: v['require-approval'] === true,
    ...(jobs !== undefined ? { jobs } : {}),
    timestamps: v.timestamps === true,
    resume: v.resume === true,
    json: v.json === true,
    quiet: v.quiet === true,
    help: v.help === true,
  };
  if (args.help) return args;
  if (!args.decisions) throw new UsageError('--decisions <file|dir> is required; see woo-redact apply --help');
  if (args.inputs.length === 0) throw new UsageError('no input files or folders given (the same as for propose); see woo-redact apply --help');
  if (!args.out) throw new UsageError('--out <dir> is required; see woo-redact apply --help');
  return args;
}

function text(summary: BatchSummary): string {
  const t = summary.totals;
  const resumed = summary.files.filter((f) => f.status === 'ok' && f.resumed).length;
  const lines = [
    `woo-redact ${summary.tool.version} apply: ${t.files} file(s): ${t.ok} applied${resumed > 0 ? ` (${resumed} kept from an earlier run, --resume)` : ''}, ${t.failed} failed or refused, ${t.skipped} skipped; ${t.redactions} redaction(s)`,
  ];
  for (const f of summary.files) {
    if (f.status === 'failed') lines.push(`  ${f.input}: REFUSED [${f.code}] ${f.message}`);
    else if (f.status === 'skipped') lines.push(`  ${f.input}: skipped, ${f.reason}`);
  }
  lines.push(`inventory: ${summary.inventory.csv}`, ...publicationSummaryLines(summary.publication));
  return `${lines.join('\n')}\n`;
}

export async function applyCommand(argv: readonly string[], io: CliIo): Promise<number> {
  const args = parseApplyArgs(argv);
  if (args.help) {
    io.stdout(APPLY_HELP);
    return 0;
  }
  const config = await loadCliConfig(args.config);
  const summary = await apply({
    inputs: args.inputs,
    decisions: args.decisions as string,
    outDir: args.out as string,
    ...(args.review !== undefined ? { review: args.review } : {}),
    config,
    undecided: args.undecided,
    requireApproval: args.requireApproval,
    timestamps: args.timestamps,
    resume: args.resume,
    ...(args.jobs !== undefined ? { jobs: args.jobs } : {}),
    onFile: (_d, _t, r) => {
      if (!args.quiet && r.status === 'failed') io.stderr(`${r.input}: REFUSED [${r.code}] ${r.message}\n`);
    },
  });
  if (args.json) io.stdout(`${JSON.stringify(summary, null, 2)}\n`);
  else if (!args.quiet) io.stderr(text(summary));
  return summary.totals.failed > 0 ? 1 : 0;
}
