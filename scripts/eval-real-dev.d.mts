// Types of the real-dev scorer shared by `npm run eval` and tests/real-dev.test.ts.
export interface Count {
  gold: number;
  found: number;
}
export interface RealDevReport {
  documents: number;
  total: Count;
  perCategory: Map<string, Count>;
  perGenre: Map<string, Count>;
  precision: number;
  precisionOf: Map<string, { predicted: number; correct: number }>;
  keepTotal: number;
  keepViolated: number;
  /** "rd-NN:start-end category (genre, N% covered)" */
  misses: string[];
  keepViolations: string[];
  failed: string[];
}
export function realDevDir(): string | null;
export function evaluateRealDev(dir: string): RealDevReport;
export function formatRealDevReport(report: RealDevReport): string;
