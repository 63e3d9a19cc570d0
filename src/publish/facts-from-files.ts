import { readFile } from 'node:fs/promises';
import { ingestPdf } from '../ingest/pdf.js';
import { ingestTextBytes } from '../ingest/text.js';
import type { Manifest } from '../manifest/schema.js';
import { normalise } from '../normalise/normalise.js';
import { analyseStructure } from '../structure/structure.js';
import { type DocumentFacts, documentFactsOf } from './facts.js';

/**
 * Facts of a document redacted in an earlier run (--resume): its source is read and analysed
 * again as the pipeline did, and the manifest's redactions applied, so a resumed run gives the
 * same package as a fresh one.
 */
export async function factsFromFiles(sourcePath: string, manifest: Manifest): Promise<DocumentFacts> {
  const bytes = new Uint8Array(await readFile(sourcePath));
  const doc = manifest.source.kind === 'pdf' ? (await ingestPdf(bytes)).doc : ingestTextBytes(bytes);
  const { text, map } = normalise(doc.sourceText);
  return documentFactsOf({ sourceText: doc.sourceText, structure: analyseStructure(text), map }, manifest);
}
