// Run a batch from your own tooling, as the CLI does (`npx tsx examples/batch.ts <out-dir>`).
import { runBatch, type BatchSummary } from 'woo-redact';

export async function main(outDir: string): Promise<BatchSummary> {
  return runBatch({ inputs: [new URL('./input', import.meta.url).pathname], outDir });
}

if (import.meta.url === `file://${process.argv[1]}`) {
  const summary = await main(process.argv[2] ?? 'examples-output');
  console.log(JSON.stringify(summary.totals));
}
