// Add a rule of your own: a recognizer is data plus a small function (`npx tsx examples/custom-recognizer.ts`).
import { defineRecognizer, redactText } from 'woo-redact';

/** Case numbers of a fictional municipal system ("ZK-2024-001234"), withheld like personal data. */
export const caseNumber = defineRecognizer({
  id: 'zaaknummer',
  entity: 'v-number',
  suggestedGround: '5.1.2e',
  patterns: [{ name: 'zaak', regex: /\bZK-\d{4}-\d{6}\b/g, score: 0.9 }],
  context: ['zaak', 'zaaknummer'],
  contextScore: 0.95,
  examples: [
    { text: 'zaaknummer ZK-2024-001234', expect: ['ZK-2024-001234'] },
    { text: 'ZK-24-1', expect: [] },
  ],
});

export function main(): string {
  return redactText('Uw zaak ZK-2024-001234 is in behandeling.', { recognizers: [caseNumber] }).text;
}

if (import.meta.url === `file://${process.argv[1]}`) console.log(main());
