import { describe, expect, it } from 'vitest';
import { redactBytes } from '../src/api.js';
import { decodeText } from '../src/ingest/decode-text.js';

const ESC = '\u001b';

describe('text with a stray control character', () => {
  it.each([
    ['an ESC in a short text', `Geachte heer Jansen,${ESC}\n`],
    ['an ESC in a long text', `${'Dit is een regel tekst.\n'.repeat(200)}${ESC}[0m\n`],
    ['a stray NUL and a DEL', `Behandeld door\nA.B. Schouten\u0000\nT 06 12345678\u007f\n`],
  ])('reads %s instead of refusing it as binary', (_name, text) => {
    expect(decodeText(Buffer.from(text, 'utf8')).text).toBe(text);
  });

  it.each([
    ['binary data', Buffer.from(Array.from({ length: 2048 }, (_, i) => (i * 37) % 256)).filter((b) => b < 0x80)],
    ['UTF-16 without a byte-order mark', Buffer.from('Geachte heer Jansen, dit is een brief.', 'utf16le')],
    ['a text with a control character in every line', Buffer.from('regel\u0002\n'.repeat(100), 'utf8')],
  ])('still refuses %s', (_name, bytes) => {
    expect(() => decodeText(bytes)).toThrowError(expect.objectContaining({ code: 'BINARY_TEXT' }));
  });

  it('finds the values next to the control character at their exact source offsets', async () => {
    const text = `Contactpersoon\nA.B. Schouten${ESC}\nT 06${ESC}12345678\nE a.schouten@example.nl\n`;
    const result = await redactBytes(Buffer.from(text, 'utf8'), 'brief.txt');
    const spans = new Set((result.kind === 'text' ? result.manifest : result.manifest).redactions.map((r) => text.slice(r.start, r.end)));
    expect(spans).toEqual(new Set(['A.B. Schouten', `06${ESC}12345678`, 'a.schouten@example.nl']));
    // The control character stays where it was; nothing else moves.
    expect(result.kind === 'text' && result.text).toBe(`Contactpersoon\n[5.1.2e]${ESC}\nT [5.1.2e]\nE [5.1.2e]\n`);
  });
});
