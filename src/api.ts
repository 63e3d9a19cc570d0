import { readFileSync, type Stats, statSync } from 'node:fs';
import { readFile, stat } from 'node:fs/promises';
import { extname } from 'node:path';
import { z } from 'zod';
import { parseOrThrow } from './config/validate.js';
import { GROUND_CODES } from './decide/grounds.js';
import { resolvePolicy } from './decide/policy.js';
import { ENTITY_TYPES } from './document/types.js';
import type { DecidedDocument } from './document/document.js';
import type { Decision, Finding } from './document/types.js';
import { InputError, UnsupportedFileError, WooRedactError } from './errors.js';
import { ingestString, ingestTextBytes } from './ingest/text.js';
import { analyzeDocument as analyzeDocumentUnchecked, analyzeWithPolicy, byPolicy, type PipelineOptions, type RedactionResult, runPipeline as runPipelineUnchecked } from './pipeline.js';
import { fromProposal } from './review/analysis.js';
import { byReviewer, type FileDecisions } from './review/choose.js';
import { type PdfRedactionResult, runPdfPipeline as runPdfPipelineUnchecked } from './pdf-pipeline.js';

export type { PipelineOptions, RedactionResult, PdfRedactionResult };

/** File types the pipeline reads. */
export const SUPPORTED_EXTENSIONS: readonly string[] = ['.txt', '.pdf'];

/** Largest input read by default: OCR'd nota's are kilobytes; 50 MB of text is a mistake. */
export const DEFAULT_MAX_FILE_BYTES = 50 * 1024 * 1024;
export const DEFAULT_MAX_PDF_BYTES = 500 * 1024 * 1024;

export interface AnalysisResult {
  readonly document: DecidedDocument;
  readonly findings: readonly Finding[];
  readonly decisions: readonly Decision[];
}

// Every entry point fails with a WooRedactError: arguments of the wrong type or shape with
// INVALID_ARGUMENT, a bad policy with CONFIG_INVALID (both with the path and what was expected),
// anything unforeseen with INTERNAL (the original error as its cause).

/** Any failure as a WooRedactError; the message never quotes the input. */
function apiError(entry: string, error: unknown): WooRedactError {
  if (error instanceof WooRedactError) return error;
  return new WooRedactError('INTERNAL', `${entry} failed on an unexpected error (${(error as Error)?.name ?? typeof error}); please report it`, { cause: error });
}

function guarded<A extends unknown[], R>(entry: string, fn: (...args: A) => R): (...args: A) => R {
  return (...args: A): R => {
    try {
      const result = fn(...args);
      if (result instanceof Promise) return result.catch((error: unknown) => Promise.reject(apiError(entry, error))) as R;
      return result;
    } catch (error) {
      throw apiError(entry, error);
    }
  };
}

function invalid(entry: string, message: string): never {
  throw new InputError('INVALID_ARGUMENT', `${entry}: ${message}`);
}

const RecognizerSchema = z.looseObject({
  id: z.string().min(1),
  entity: z.enum(ENTITY_TYPES),
  suggestedGround: z.enum(GROUND_CODES),
  patterns: z.array(z.looseObject({ name: z.string(), regex: z.instanceof(RegExp), score: z.number().min(0).max(1) })).optional(),
  requires: z.instanceof(RegExp).optional(),
  context: z.array(z.string()).optional(),
  vetoContext: z.array(z.string()).optional(),
  contextScore: z.number().min(0).max(1).optional(),
  contextWindow: z.number().int().nonnegative().optional(),
  validate: z.custom((v) => typeof v === 'function', { message: 'expected a function' }).optional(),
  organisational: z.custom((v) => typeof v === 'function', { message: 'expected a function' }).optional(),
  find: z.custom((v) => typeof v === 'function', { message: 'expected a function' }).optional(),
  examples: z.array(z.looseObject({ text: z.string(), expect: z.array(z.string()) })),
});

const OptionsSchema = z.looseObject({
  policy: z.unknown().optional(),
  recognizers: z.array(RecognizerSchema).optional(),
  knownPersons: z.array(z.looseObject({ key: z.string(), surname: z.string(), tussenvoegsel: z.string(), givens: z.array(z.string()) })).optional(),
  outputPath: z.string().nullable().optional(),
  generatedAt: z.string().optional(),
  displayPath: z.string().optional(),
  maxFileBytes: z.number().int().positive().optional(),
  maxPages: z.number().int().positive().optional(),
  maxObjectDepth: z.number().int().positive().max(10_000).optional(),
});

/** Checks an options object; returns it with its policy resolved (validated once, here). */
function checkOptions<O extends PipelineOptions>(entry: string, options: O | undefined): O {
  if (options === undefined || options === null) return {} as O;
  if (typeof options !== 'object' || Array.isArray(options)) invalid(entry, `options must be an object, not ${Array.isArray(options) ? 'an array' : typeof options}`);
  parseOrThrow(OptionsSchema, options, `${entry} options`, { code: 'INVALID_ARGUMENT' });
  return { ...options, policy: resolvePolicy(options.policy) };
}

function checkText(entry: string, text: unknown): string {
  if (typeof text !== 'string') invalid(entry, `the text must be a string, not ${text === null ? 'null' : typeof text}`);
  return text;
}

/** Whether `doc` looks like an ingested document (or text bytes); a hostile object (throwing proxy) does not. */
function isIngested(doc: unknown, bytesToo = false): boolean {
  try {
    const d = doc as { sourceText?: unknown; bytes?: unknown } | null;
    return typeof d?.sourceText === 'string' || (bytesToo && d?.bytes instanceof Uint8Array);
  } catch {
    return false;
  }
}

function checkPath(entry: string, path: unknown): string {
  if (typeof path !== 'string' || path.length === 0) invalid(entry, 'the path must be a non-empty string');
  return path;
}

/** Findings and decisions for a text, without redacting or writing anything. */
export const analyze: (text: string, options?: PipelineOptions) => AnalysisResult = guarded('analyze', (text: string, options?: PipelineOptions): AnalysisResult => {
  const document = analyzeDocumentUnchecked(ingestString(checkText('analyze', text)), checkOptions('analyze', options));
  return { document, findings: document.findings, decisions: document.decisions };
});

/** Redacts a text in memory: the redacted text and its manifest. */
export const redactText: (text: string, options?: PipelineOptions) => RedactionResult = guarded('redactText', (text: string, options?: PipelineOptions): RedactionResult =>
  runPipelineUnchecked(ingestString(checkText('redactText', text)), checkOptions('redactText', options)),
);

/** The pipeline on an ingested document (see ingest/); fails like the other entry points. */
export const runPipeline: typeof runPipelineUnchecked = guarded('runPipeline', (doc, options, ...rest) => {
  if (!isIngested(doc, true)) invalid('runPipeline', 'expects an ingested document or { bytes } (use redactText for a string)');
  return runPipelineUnchecked(doc, checkOptions('runPipeline', options), ...rest);
});

/** Detection and decisions on an ingested document; fails like the other entry points. */
export const analyzeDocument: typeof analyzeDocumentUnchecked = guarded('analyzeDocument', (doc, options) => {
  if (!isIngested(doc)) invalid('analyzeDocument', 'expects an ingested document (use analyze for a string)');
  return analyzeDocumentUnchecked(doc, checkOptions('analyzeDocument', options));
});

/** The PDF pipeline on a PDF's bytes; fails like the other entry points. */
export const runPdfPipeline: typeof runPdfPipelineUnchecked = guarded('runPdfPipeline', async (bytes, path, options, ...rest) => {
  if (!(bytes instanceof Uint8Array)) invalid('runPdfPipeline', 'the PDF must be given as a Uint8Array (or Buffer)');
  if (path !== undefined && typeof path !== 'string') invalid('runPdfPipeline', 'the path must be a string');
  return runPdfPipelineUnchecked(bytes, path, checkOptions('runPdfPipeline', options), ...rest);
});

export interface FileOptions extends PipelineOptions {
  /** Path recorded in the manifest (e.g. relative to the batch root); defaults to the path given. */
  readonly displayPath?: string;
  readonly maxFileBytes?: number;
  /** `apply`: a reviewer's decisions for this file instead of the policy's `reviewedAs`. */
  readonly decisions?: FileDecisions;
}

/** The size cap for an input: without a configured limit a PDF may be larger than text. */
function inputLimit(path: string, limit: number | undefined): number {
  const ext = extname(path).toLowerCase();
  if (!SUPPORTED_EXTENSIONS.includes(ext)) throw new UnsupportedFileError(ext);
  return limit ?? (ext === '.pdf' ? DEFAULT_MAX_PDF_BYTES : DEFAULT_MAX_FILE_BYTES);
}

function checkSize(info: Stats, maxBytes: number): void {
  if (!info.isFile()) throw new InputError('INPUT_UNREADABLE', 'the path is not a regular file');
  if (info.size > maxBytes) {
    throw new InputError('FILE_TOO_LARGE', `the file is ${info.size} bytes, more than the limit of ${maxBytes}; split it or raise the limit (maxFileBytes)`);
  }
}

function statFailed(error: unknown): never {
  if (error instanceof WooRedactError) throw error;
  const code = (error as NodeJS.ErrnoException).code;
  if (code === 'ENOENT') throw new InputError('INPUT_NOT_FOUND', 'the file does not exist (was it moved or deleted during the run?)');
  throw new InputError('INPUT_UNREADABLE', `the file cannot be read (${code ?? 'error'}); check its permissions`);
}

function readFailed(error: unknown): never {
  const code = (error as NodeJS.ErrnoException).code;
  if (code === 'ENOENT') throw new InputError('INPUT_NOT_FOUND', 'the file disappeared before it could be read');
  throw new InputError('INPUT_UNREADABLE', `the file cannot be read (${code ?? 'error'}); check its permissions`);
}

/** Reads and checks an input file: exists, is a file, supported type, within the size cap. */
export async function readInput(path: string, limit?: number): Promise<Uint8Array> {
  checkPath('readInput', path);
  if (limit !== undefined && !(Number.isInteger(limit) && limit > 0)) invalid('readInput', 'the limit must be a positive whole number of bytes');
  const maxBytes = inputLimit(path, limit);
  try {
    checkSize(await stat(path), maxBytes);
  } catch (error) {
    statFailed(error);
  }
  try {
    return new Uint8Array(await readFile(path));
  } catch (error) {
    readFailed(error);
  }
}

/**
 * readInput without the event loop, for batch workers: they have nothing else to do while
 * a file is read, and each asynchronous call costs a hop through libuv's thread pool.
 */
export function readInputSync(path: string, limit?: number): Uint8Array {
  checkPath('readInputSync', path);
  const maxBytes = inputLimit(path, limit);
  try {
    checkSize(statSync(path), maxBytes);
  } catch (error) {
    statFailed(error);
  }
  try {
    return new Uint8Array(readFileSync(path));
  } catch (error) {
    readFailed(error);
  }
}

/** The result of redacting a file: redacted text for text input, a redacted PDF for PDF input. */
export type FileRedaction = ({ readonly kind: 'text' } & RedactionResult) | ({ readonly kind: 'pdf' } & PdfRedactionResult);

/** Redacts one file (.txt or .pdf); nothing is written (the CLI does that). */
export const redactFile: (path: string, options?: FileOptions) => Promise<FileRedaction> = guarded('redactFile', async (path: string, options?: FileOptions): Promise<FileRedaction> => {
  const checked = checkOptions('redactFile', options);
  return redactChecked(await readInput(checkPath('redactFile', path), checked.maxFileBytes), path, checked);
});

/** Redacts the bytes of a file read already; `path` tells the type (.txt or .pdf). */
export const redactBytes: (bytes: Uint8Array, path: string, options?: FileOptions) => Promise<FileRedaction> = guarded('redactBytes', async (bytes: Uint8Array, path: string, options?: FileOptions): Promise<FileRedaction> => {
  if (!(bytes instanceof Uint8Array)) invalid('redactBytes', 'the bytes must be a Uint8Array (or Buffer)');
  return redactChecked(bytes, checkPath('redactBytes', path), checkOptions('redactBytes', options));
});

async function redactChecked(bytes: Uint8Array, path: string, options: FileOptions): Promise<FileRedaction> {
  const display = options.displayPath ?? path;
  const choose = options.decisions ? byReviewer(options.decisions) : byPolicy;
  // apply: detect and decide as proposed, when the review package holds them for this text.
  const analyse = options.decisions ? fromProposal(options.decisions.analysis) : analyzeWithPolicy;
  if (extname(path).toLowerCase() === '.pdf') return { kind: 'pdf', ...(await runPdfPipelineUnchecked(bytes, display, options, choose, analyse)) };
  if (!SUPPORTED_EXTENSIONS.includes(extname(path).toLowerCase())) throw new UnsupportedFileError(extname(path).toLowerCase());
  return { kind: 'text', ...runPipelineUnchecked(ingestTextBytes(bytes, display), options, choose, analyse) };
}
