import { EMAIL } from '../patterns/index.js';
import { defineRecognizer } from '../recognizer.js';

export const emailRecognizer = defineRecognizer({
  id: 'email',
  entity: 'email',
  suggestedGround: '5.1.2e',
  patterns: [{ name: 'address', regex: EMAIL, score: 0.95 }],
  // info@, woo@, postbus@ ... are organisation mailboxes, not personal data.
  organisational: (value, ctx) => {
    const local = (value.split('@')[0] ?? '').trim().toLowerCase();
    // "secretariaat-dgke@", "woo.verzoeken@": a generic word and a department.
    const head = local.split(/[-._]/)[0] ?? local;
    return ctx.lexicons.genericMailboxes.has(local) || ctx.lexicons.genericMailboxes.has(head);
  },
  examples: [
    { text: 'E-mail: p.jansen@minbzk.nl', expect: ['p.jansen@minbzk.nl'] },
    // The layout gap becomes one tab in the normalised text the recognizers read.
    { text: 'mail naar p.jansen    @rvo.nl graag', expect: ['p.jansen\t@rvo.nl'] },
    { text: 'zie www.ind.nl of bel 088 043 0430', expect: [] },
    { text: 'Cc: secretariaat-dgke@minezk.nl', expect: [] },
    { text: 'Kamerstuk 19 637, nr. 2740', expect: [] },
  ],
});
