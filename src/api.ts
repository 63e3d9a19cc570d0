import { readFileSync, type Stats, statSync } from 'node:fs';
import { readFile, stat } from 'node:fs/promises';
import { extname } from 'node:path';
import type { DecidedDocument } from './document/document.js';
import type { Decision, Finding } from './document/types.js';
import { InputError, UnsupportedFileError, WooRedactError } from './errors.js';
import { ingestString, ingestTextBytes } from './ingest/text.js';
import { analyzeDocument, byPolicy, type PipelineOptions, type RedactionResult, runPipeline } from './pipeline.js';
import { byReviewer, type FileDecisions } from './review/choose.js';
import { type PdfRedactionResult, runPdfPipeline } from './pdf-pipeline.js';

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

/** Findings and decisions for a text, without redacting or writing anything. */
export function analyze(text: string, options: PipelineOptions = {}): AnalysisResult {
  const document = analyzeDocument(ingestString(text), options);
  return { document, findings: document.findings, decisions: document.decisions };
}

/** Redacts a text in memory: the redacted text and its manifest. */
export function redactText(text: string, options: PipelineOptions = {}): RedactionResult {
  return runPipeline(ingestString(text), options);
}

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
 * readInput without the event loop, for batch worker threads: they have nothing else to do while
 * a file is read, and each asynchronous call costs a hop through libuv's thread pool.
 */
export function readInputSync(path: string, limit?: number): Uint8Array {
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
export async function redactFile(path: string, options: FileOptions = {}): Promise<FileRedaction> {
  return redactBytes(await readInput(path, options.maxFileBytes), path, options);
}

/** Redacts the bytes of a file read already; `path` tells the type (.txt or .pdf). */
export async function redactBytes(bytes: Uint8Array, path: string, options: FileOptions = {}): Promise<FileRedaction> {
  const display = options.displayPath ?? path;
  const choose = options.decisions ? byReviewer(options.decisions) : byPolicy;
  if (extname(path).toLowerCase() === '.pdf') return { kind: 'pdf', ...(await runPdfPipeline(bytes, display, options, choose)) };
  return { kind: 'text', ...runPipeline(ingestTextBytes(bytes, display), options, choose) };
}
