// Types of the eval scorer shared by `npm run eval` and tests/gold.test.ts.
export interface Located {
  file: string;
  start: number;
  end: number;
  entity: string;
  detector?: string;
  code?: string;
}
export interface EntityScore {
  entity: string;
  gold: number;
  hit: number;
  recall: number | null;
  precision: number | null;
}
export interface EvalReport {
  documents: number;
  files: number;
  entities: EntityScore[];
  misses: Located[];
  falsePositives: Located[];
  officialsRedacted: Located[];
  leaks: Located[];
  failures: { file: string; code: string; message: string }[];
  review: { gold: number; handled: number };
}
export function evaluate(redactText: (text: string) => { text: string; manifest: { redactions: { start: number; end: number; entity: string; detector: string }[]; review: { start: number; end: number }[] } }, dir: string): EvalReport;
export function formatReport(report: EvalReport): string;
