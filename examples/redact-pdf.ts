// Redact a PDF in memory (`npx tsx examples/redact-pdf.ts in.pdf out.pdf` after `npm run build`).
import { readFileSync, writeFileSync } from 'node:fs';
import { runPdfPipeline } from 'woo-redact';

export async function main(input: string, output?: string): Promise<{ redactions: number; pages: number; warnings: string[] }> {
  const { pdf, manifest } = await runPdfPipeline(new Uint8Array(readFileSync(input)), input);
  if (output) writeFileSync(output, pdf);
  return { redactions: manifest.redactions.length, pages: manifest.source.pages, warnings: manifest.warnings.map((w) => w.code) };
}

if (import.meta.url === `file://${process.argv[1]}`) console.log(await main(process.argv[2] as string, process.argv[3]));
