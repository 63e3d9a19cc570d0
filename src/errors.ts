/**
 * Every fatal failure is one of these classes, each with a stable `code` that batch summaries,
 * manifests and exit handling rely on. Messages say what happened and what to do; they never
 * quote document content (offsets, file names given by the user and sizes only).
 */
export type WooErrorCode =
  | 'INPUT_NOT_FOUND'
  | 'INPUT_UNREADABLE'
  | 'INPUT_EMPTY'
  | 'UNSUPPORTED_TYPE'
  | 'BINARY_TEXT'
  | 'UNDECODABLE_TEXT'
  | 'FILE_TOO_LARGE'
  | 'FILE_TIMEOUT'
  | 'CONFIG_INVALID'
  | 'INVALID_ARGUMENT'
  | 'CONFIG_NOT_FOUND'
  | 'USAGE'
  | 'SPAN_MISMATCH'
  | 'LEAK_DETECTED'
  | 'PDF_NOT_SUPPORTED'
  | 'PDF_ENCRYPTED'
  | 'PDF_DAMAGED'
  | 'PDF_NO_TEXT'
  | 'PDF_TEXT_UNREADABLE'
  | 'PDF_IMAGE_UNDER_REDACTION'
  | 'OUTPUT_WRITE_FAILED'
  // Review (propose / apply): a decisions file that does not fit the inputs, or a folder mix-up.
  | 'DECISIONS_INVALID'
  | 'DECISIONS_MISMATCH'
  | 'DECISIONS_UNKNOWN_FINDING'
  | 'DECISIONS_UNKNOWN_PERSON'
  | 'DECISIONS_UNDECIDED'
  | 'DECISIONS_NOT_APPROVED'
  | 'REVIEW_FOLDER_REFUSED'
  | 'INTERNAL';

export class WooRedactError extends Error {
  readonly code: WooErrorCode;
  constructor(code: WooErrorCode, message: string, options?: { cause?: unknown }) {
    super(message, options);
    this.name = new.target.name;
    this.code = code;
  }
}

export class InputError extends WooRedactError {}
export class UnsupportedFileError extends WooRedactError {
  constructor(extension: string) {
    super(
      'UNSUPPORTED_TYPE',
      `files of type "${extension || '(none)'}" are not supported; convert the document to PDF or to .txt (OCR'd text) first`,
    );
  }
}
export class DecodeError extends WooRedactError {}
/** One problem in a config, policy or option: where (`policy.thresholds.redact`) and what was expected. */
export interface ConfigIssue {
  readonly path: string;
  readonly expected: string;
  readonly message: string;
}

export class ConfigError extends WooRedactError {
  /** For CONFIG_INVALID and INVALID_ARGUMENT: every problem found, with its path. */
  readonly issues: readonly ConfigIssue[];
  constructor(code: WooErrorCode, message: string, options?: { cause?: unknown; issues?: readonly ConfigIssue[] }) {
    super(code, message, options);
    this.issues = options?.issues ?? [];
  }
}
export class UsageError extends WooRedactError {
  constructor(message: string) {
    super('USAGE', message);
  }
}
export class SpanError extends WooRedactError {
  constructor(message: string) {
    super('SPAN_MISMATCH', message);
  }
}
/** Verification found redacted content in the output: the output is not written. */
export class LeakError extends WooRedactError {
  readonly survivors: readonly { start: number; end: number }[];
  constructor(survivors: readonly { start: number; end: number }[]) {
    const where = survivors
      .slice(0, 5)
      .map((s) => `${s.start}-${s.end}`)
      .join(', ');
    super(
      'LEAK_DETECTED',
      `verification found ${survivors.length} redacted value(s) still readable in the output (source offsets ${where}); nothing was written. Please report this as a bug.`,
    );
    this.survivors = survivors;
  }
}

export function isWooRedactError(error: unknown): error is WooRedactError {
  return error instanceof WooRedactError;
}
