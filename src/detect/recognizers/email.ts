import { EMAIL, emailLocalPart, plausibleEmail } from '../patterns/index.js';
import { defineRecognizer } from '../recognizer.js';
import { isFunctionalMailbox } from './mailbox.js';

export const emailRecognizer = defineRecognizer({
  id: 'email',
  entity: 'email',
  suggestedGround: '5.1.2e',
  patterns: [{ name: 'address', regex: EMAIL, score: 0.95 }],
  validate: plausibleEmail,
  // info@, woo@, postbus@ ... are organisation mailboxes, not personal data.
  organisational: (value, ctx) => isFunctionalMailbox(ctx.lexicons, emailLocalPart(value)),
  examples: [
    { text: 'E-mail: p.jansen@minbzk.nl', expect: ['p.jansen@minbzk.nl'] },
    // The layout gap becomes one tab in the normalised text the recognizers read.
    { text: 'mail naar p.jansen    @rvo.nl graag', expect: ['p.jansen\t@rvo.nl'] },
    { text: 'zie www.ind.nl of bel 088 043 0430', expect: [] },
    // OCR of a printed mail: the last dot read as a space, or lost.
    { text: 'To  Jansen, Piet  p.jansen@minfin nl1', expect: ['p.jansen@minfin nl1'] },
    { text: 'Van  a.devries@ voorbeeld com]', expect: ['a.devries@ voorbeeld com'] },
    { text: 'Email  k.bakker@voorbeeldcom', expect: ['k.bakker@voorbeeldcom'] },
    { text: 'het kost 2 @ 3 euro', expect: [] },
    { text: 'Cc: secretariaat-dgke@minezk.nl', expect: [] },
    // A single character before the @ is what is left of an address the publisher removed.
    { text: 'Email  j@ voorbeeld com', expect: [] },
    { text: 'Kamerstuk 19 637, nr. 2740', expect: [] },
    // OCR of a scanned @: an extra sign beside it, or a copyright sign for it.
    { text: 'E-mail: p.jansen@®minbzk.nl', expect: ['p.jansen@®minbzk.nl'] },
    { text: 'E-mail: p.jansen©minbzk.nl', expect: ['p.jansen©minbzk.nl'] },
    { text: 'Rijksoverheid © 2026 en Rijksoverheid©2026', expect: [] },
    // OCR lost the domain after its first letter: the local part still names the person.
    { text: 'Contact m.zwanenburg@i', expect: ['m.zwanenburg@i'] },
    { text: 'prijs 12@a stuk', expect: [] },
  ],
});
