import { parseArgs } from 'node:util';
import { UsageError } from '../errors.js';

export interface CliArgs {
  readonly inputs: readonly string[];
  readonly out?: string;
  readonly config?: string;
  readonly json: boolean;
  readonly summaryFile?: string;
  readonly quiet: boolean;
  readonly debug: boolean;
  readonly timestamps: boolean;
  readonly resume: boolean;
  readonly jobs?: number;
  /** --no-ocr: pages without a text layer are refused (PDF_NO_TEXT). */
  readonly noOcr: boolean;
  readonly ocrLang?: string;
  readonly help: boolean;
  readonly version: boolean;
}

export const HELP = `woo-redact - redact personal data in Woo documents and file the inventory

Usage:
  woo-redact [options] <files or folders...> --out <dir>
  woo-redact propose <files or folders...> --review <dir>       internal review package
  woo-redact apply --decisions <file|dir> <inputs...> --out <dir>   publish what was decided

Reads nota's, e-mails and letters as PDF (born-digital, or scans: those without a text layer are
read by the built-in OCR) or as OCR'd text (.txt), redacts civil servants' personal data and withheld sections under their Woo
ground, verifies the result and writes, mirroring the input tree:
  <out>/<path>/<name>.redacted.pdf    the PDF: text under each box removed, the box shows its code
  <out>/<path>/<name>.redacted.txt    the text with every redaction replaced by [code]
  <out>/<path>/<name>.manifest.json   positions, grounds and review items (never the text)
  <out>/publicatie/                   the publication package: documents named by ID, inventory
                                      (XLSX, CSV), DiWoo metadata, motivation annex
  <out>/woo-team-rapport.intern.md    internal: refused files, open review items
Inputs are never modified; --out must not be an input folder, and files woo-redact wrote itself
(outputs of an earlier run) are never read as inputs. Names that coincide (a name in two file
names replaced by its code) are numbered. Files of other types are listed as skipped: convert
them to PDF or .txt to include them.

Options:
  -o, --out <dir>          output folder (required)
  -c, --config <file>      config file (default: ./woo-redact.config.json if present)
      --json               print the batch summary as JSON on stdout
      --summary-file <f>   also write the JSON summary to a file
      --timestamps         record the run time in manifests (off: output is reproducible)
  -j, --jobs <n>           files in parallel (default: the number of cores); same output for any n
      --resume             skip files already done by an earlier run with the same input,
                           tool version and policy (after an interruption)
      --no-ocr             refuse PDF pages without a text layer (scans) instead of OCR'ing them
      --ocr-lang <code>    OCR language (default nld; its model @tesseract.js-data/<code> installed)
  -q, --quiet              no progress output
      --debug              show stack traces of unexpected errors
  -h, --help               show this help
  -v, --version            show the version

Exit status: 0 all files succeeded, 1 some files failed (each named), 2 usage or config error.
`;

/** --jobs of every command: a whole number from 1 to 256, or absent. */
export function parseJobsOption(value: string | undefined): number | undefined {
  if (value === undefined) return undefined;
  const n = Number(value);
  if (!Number.isInteger(n) || n < 1 || n > 256) throw new UsageError(`--jobs takes a whole number from 1 to 256, not "${value}"`);
  return n;
}

/** A parseArgs error as a usage error pointing at the command's help (node's own hint dropped). */
export function usage(error: unknown, command?: string): never {
  throw new UsageError(`${(error as Error).message.replace(/\. To specify.*$/s, '')}; see woo-redact ${command ? `${command} ` : ''}--help`);
}

export function parseCliArgs(argv: readonly string[]): CliArgs {
  let parsed;
  try {
    parsed = parseArgs({
      args: [...argv],
      allowPositionals: true,
      strict: true,
      options: {
        out: { type: 'string', short: 'o' },
        config: { type: 'string', short: 'c' },
        json: { type: 'boolean', default: false },
        'summary-file': { type: 'string' },
        quiet: { type: 'boolean', short: 'q', default: false },
        debug: { type: 'boolean', default: false },
        timestamps: { type: 'boolean', default: false },
        resume: { type: 'boolean', default: false },
        jobs: { type: 'string', short: 'j' },
        'no-ocr': { type: 'boolean', default: false },
        'ocr-lang': { type: 'string' },
        help: { type: 'boolean', short: 'h', default: false },
        version: { type: 'boolean', short: 'v', default: false },
      },
    });
  } catch (error) {
    usage(error);
  }
  const v = parsed.values;
  const jobs = parseJobsOption(v.jobs);
  const args: CliArgs = {
    inputs: parsed.positionals,
    ...(v.out !== undefined ? { out: v.out } : {}),
    ...(v.config !== undefined ? { config: v.config } : {}),
    json: v.json === true,
    ...(v['summary-file'] !== undefined ? { summaryFile: v['summary-file'] } : {}),
    quiet: v.quiet === true,
    debug: v.debug === true,
    timestamps: v.timestamps === true,
    resume: v.resume === true,
    ...(jobs !== undefined ? { jobs } : {}),
    noOcr: v['no-ocr'] === true,
    ...(v['ocr-lang'] !== undefined ? { ocrLang: v['ocr-lang'] } : {}),
    help: v.help === true,
    version: v.version === true,
  };
  if (args.help || args.version) return args;
  if (args.inputs.length === 0) throw new UsageError('no input files or folders given; see woo-redact --help');
  if (!args.out) throw new UsageError('--out <dir> is required: woo-redact never writes next to its inputs; see woo-redact --help');
  return args;
}
