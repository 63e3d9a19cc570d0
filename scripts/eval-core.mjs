// Scores woo-redact against the gold fixtures. Shared by `npm run eval` (on the build) and the test
// suite (on the sources). Misses and false positives are reported by file, offsets and entity type:
// never by their text, so the report can be published.
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';

function nonSpaceCount(text, start, end) {
  let n = 0;
  for (let i = start; i < end; i++) if (!/\s/.test(text[i])) n++;
  return n;
}

function coverage(text, span, covers) {
  let total = 0;
  let covered = 0;
  for (let i = span.start; i < span.end; i++) {
    if (/\s/.test(text[i])) continue;
    total++;
    if (covers[i]) covered++;
  }
  return total === 0 ? 1 : covered / total;
}

/** Runs `redactText` on every fixture and returns the scores. */
export function evaluate(redactText, dir) {
  const files = readdirSync(dir).filter((f) => f.endsWith('.txt')).sort();
  const perEntity = new Map();
  const entity = (e) => {
    if (!perEntity.has(e)) perEntity.set(e, { gold: 0, hit: 0, predictedChars: 0, correctChars: 0 });
    return perEntity.get(e);
  };
  const misses = [];
  const falsePositives = [];
  const officialsRedacted = [];
  const leaks = [];
  const failures = [];
  let reviewGold = 0;
  let reviewHandled = 0;
  let documents = 0;
  for (const file of files) {
    const text = readFileSync(join(dir, file), 'utf8');
    const gold = JSON.parse(readFileSync(join(dir, file.replace(/\.txt$/, '.gold.json')), 'utf8')).spans;
    let result;
    try {
      result = redactText(text);
    } catch (error) {
      failures.push({ file, code: error.code ?? 'ERROR', message: error.message });
      continue;
    }
    documents++;
    const covers = new Uint8Array(text.length);
    const reviewed = new Uint8Array(text.length);
    for (const r of result.manifest.redactions) covers.fill(1, r.start, r.end);
    for (const r of result.manifest.review) reviewed.fill(1, r.start, r.end);
    const goldOk = new Uint8Array(text.length);
    for (const g of gold) if (g.action !== 'keep') goldOk.fill(1, g.start, g.end);
    for (const g of gold) {
      if (g.action === 'redact') {
        const s = entity(g.entity);
        s.gold++;
        if (coverage(text, g, covers) >= 0.9) s.hit++;
        else misses.push({ file, start: g.start, end: g.end, entity: g.entity });
        // A value is still readable when the output holds it more often than the text that had to
        // stay readable does (a Kamerlid who shares a civil servant's surname).
        const value = text.slice(g.start, g.end).trim();
        const count = (haystack) => haystack.split(value).length - 1;
        const kept = gold.filter((k) => k.action === 'keep').reduce((n, k) => n + count(text.slice(k.start, k.end)), 0);
        if (value.length >= 4 && count(result.text) > kept) leaks.push({ file, start: g.start, end: g.end, entity: g.entity });
      } else if (g.action === 'keep') {
        if (coverage(text, g, covers) > 0) officialsRedacted.push({ file, start: g.start, end: g.end, entity: g.entity });
      } else {
        reviewGold++;
        const merged = new Uint8Array(text.length);
        for (let i = g.start; i < g.end; i++) merged[i] = covers[i] | reviewed[i];
        if (coverage(text, g, merged) >= 0.9) reviewHandled++;
      }
    }
    for (const r of result.manifest.redactions) {
      const s = entity(r.entity);
      const chars = nonSpaceCount(text, r.start, r.end);
      let correct = 0;
      for (let i = r.start; i < r.end; i++) if (!/\s/.test(text[i]) && goldOk[i]) correct++;
      s.predictedChars += chars;
      s.correctChars += correct;
      if (correct < chars) falsePositives.push({ file, start: r.start, end: r.end, entity: r.entity, detector: r.detector });
    }
  }
  const entities = [...perEntity.entries()]
    .sort(([a], [b]) => (a < b ? -1 : 1))
    .map(([name, s]) => ({
      entity: name,
      gold: s.gold,
      hit: s.hit,
      recall: s.gold === 0 ? null : s.hit / s.gold,
      precision: s.predictedChars === 0 ? null : s.correctChars / s.predictedChars,
    }));
  return { documents, files: files.length, entities, misses, falsePositives, officialsRedacted, leaks, failures, review: { gold: reviewGold, handled: reviewHandled } };
}

export function formatReport(report) {
  const pct = (x) => (x === null ? '   -  ' : `${(x * 100).toFixed(1).padStart(5)}%`);
  const lines = [`woo-redact eval: ${report.documents}/${report.files} documents processed`, '', 'entity          gold   found  recall  char-precision'];
  for (const e of report.entities) lines.push(`${e.entity.padEnd(15)} ${String(e.gold).padStart(5)} ${String(e.hit).padStart(7)}  ${pct(e.recall)}  ${pct(e.precision)}`);
  lines.push('', `public officials / organisations redacted: ${report.officialsRedacted.length}`);
  lines.push(`review items handled (reviewed or redacted): ${report.review.handled}/${report.review.gold}`);
  lines.push(`gold values still readable in a redacted output: ${report.leaks.length}`);
  lines.push(`failed documents: ${report.failures.length}`);
  const list = (title, items) => {
    if (items.length === 0) return;
    lines.push('', `${title} (${items.length}):`);
    for (const i of items) lines.push(`  ${i.file}:${i.start}-${i.end} ${i.entity}${i.detector ? ` (${i.detector})` : ''}${i.code ? ` ${i.code}` : ''}`);
  };
  list('misses', report.misses);
  list('false positives', report.falsePositives);
  list('public officials / organisations redacted', report.officialsRedacted);
  list('leaks', report.leaks);
  list('failures', report.failures);
  return lines.join('\n');
}
