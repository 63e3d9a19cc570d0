import { readFile } from 'node:fs/promises';
import { ingestPdf } from '../ingest/pdf.js';
import type { Manifest } from '../manifest/schema.js';
import { type DocumentFacts, documentFacts, redactedTextOf } from './facts.js';

/**
 * Facts of a document redacted in an earlier run (--resume): a text output is the redacted text
 * itself; for a PDF the source is read again and the manifest's redactions applied to its text.
 */
export async function factsFromFiles(sourcePath: string, outputPath: string, manifest: Manifest): Promise<DocumentFacts> {
  if (manifest.source.kind === 'text') return documentFacts(await readFile(outputPath, 'utf8'));
  const { doc } = await ingestPdf(new Uint8Array(await readFile(sourcePath)));
  return documentFacts(redactedTextOf(doc.sourceText, manifest));
}
