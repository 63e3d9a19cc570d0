import type { DecidedDocument } from '../document/document.js';

/**
 * File names are published too (inventory, output tree): a name or e-mail address in a file name
 * ("mail Jan Jansen.txt") is replaced by its ground code in every name woo-redact writes.
 */
export function safeRelativePath(relative: string, analyse: (text: string) => DecidedDocument): string {
  return relative
    .split('/')
    .map((segment) => {
      const dot = segment.lastIndexOf('.');
      const stem = dot > 0 ? segment.slice(0, dot) : segment;
      const ext = dot > 0 ? segment.slice(dot) : '';
      // Separators become spaces so that "jan_jansen" reads as words; offsets stay the same.
      const doc = analyse(stem.replace(/[_+]/g, ' '));
      const hits = doc.decisions
        .filter((d): d is Exclude<typeof d, { action: 'keep' }> => d.action !== 'keep')
        .map((d) => ({ span: doc.map.toSource(d.finding.span), ground: d.ground }));
      if (hits.length === 0) return segment;
      let out = '';
      let cursor = 0;
      for (const h of hits) {
        if (h.span.start < cursor) continue;
        out += stem.slice(cursor, h.span.start) + h.ground;
        cursor = h.span.end;
      }
      return out + stem.slice(cursor) + ext;
    })
    .join('/');
}
