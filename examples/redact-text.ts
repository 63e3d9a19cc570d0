// Redact a text in memory and look at the manifest: `npx tsx examples/redact-text.ts`
// (after `npm run build`, import from 'woo-redact' works the same in your own code).
import { redactText } from 'woo-redact';

export function main(): { text: string; redactions: number; grounds: string[] } {
  const nota = [
    'Contactpersoon',
    'A.B. Schouten',
    'T 06 12345678',
    '',
    '1. Aanleiding',
    '',
    'Dit is afgestemd met Pieter de Vries (DGM). De minister stemt in.',
  ].join('\n');
  const { text, manifest } = redactText(nota);
  return { text, redactions: manifest.redactions.length, grounds: manifest.grounds.map((g) => `${g.code} (${g.citation})`) };
}

if (import.meta.url === `file://${process.argv[1]}`) console.log(main());
