// Scores woo-redact on the real development set (../shared/data/real-dev, or WOO_REAL_DEV): real
// released documents whose removed personal data was refilled with synthetic values, with gold
// spans to redact, to keep and optional (its README). Runs the built CLI on the folder as a batch
// (a dossier), then scores each document from its manifest as that set's own scorer does: a gold
// span is found when >= 90% of its non-space characters are redacted; character precision leaves
// optional spans out; a keep span is violated when any of its characters is redacted.
//
// Prints figures per entity and per genre (context) and the misses by document, category and
// offsets, never by their text: the refilled values are synthetic, the documents are not ours.
//
// The dossier's public officials are configuration a Woo-team gives (its aldermen, its ministers):
// the set's gold names them (keep spans "public official (...)"), and the run gets them as
// `publicOfficials` in a config file made for the run, not committed.
import { execFileSync } from 'node:child_process';
import { existsSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');

export function realDevDir() {
  const dir = process.env.WOO_REAL_DEV ?? join(root, '..', 'shared', 'data', 'real-dev');
  return existsSync(join(dir, 'README.md')) ? dir : null;
}

function walk(dir, out = []) {
  for (const e of readdirSync(dir, { withFileTypes: true })) {
    const p = join(dir, e.name);
    if (e.isDirectory()) walk(p, out);
    else out.push(p);
  }
  return out;
}

function publicOfficials(cases) {
  const names = new Set();
  for (const c of cases) {
    for (const k of c.gold.keep) {
      if (!/^public official/u.test(k.why ?? '')) continue;
      // The full names among the kept spans: "Ilsink, Ruben" is Ruben Ilsink; a first name or
      // an address alone names nobody for a list.
      const text = k.text.replace(/\s+/g, ' ').trim();
      const inverted = /^(\p{Lu}[\p{L}'-]+), (\p{Lu}[\p{L}'-]+)$/u.exec(text);
      if (inverted) names.add(`${inverted[2]} ${inverted[1]}`);
      else if (/^\p{Lu}[\p{L}'-]+ \p{Lu}[\p{L}'-]+$/u.test(text)) names.add(text);
    }
  }
  return [...names].sort().map((name) => ({ name }));
}

function nonSpace(text, start, end) {
  const idx = [];
  for (let i = start; i < end; i++) if (!/\s/u.test(text[i])) idx.push(i);
  return idx;
}

export function evaluateRealDev(dir) {
  const cases = readdirSync(dir)
    .filter((f) => /\.txt$/u.test(f) && existsSync(join(dir, f.replace(/\.txt$/u, '.gold.json'))))
    .sort()
    .map((f) => ({ name: f.replace(/\.txt$/u, ''), text: readFileSync(join(dir, f), 'utf8'), gold: JSON.parse(readFileSync(join(dir, f.replace(/\.txt$/u, '.gold.json')), 'utf8')) }));
  const out = mkdtempSync(join(tmpdir(), 'woo-real-dev-'));
  try {
    const config = join(out, 'config.json');
    writeFileSync(config, JSON.stringify({ policy: { publicOfficials: publicOfficials(cases) } }));
    const outDir = join(out, 'out');
    try {
      // The documents only: the set's tools/ folder holds raw texts of the same names.
      const inputs = cases.map((c) => join(dir, `${c.name}.txt`));
      execFileSync(process.execPath, [join(root, 'bin', 'woo-redact.mjs'), ...inputs, '--out', outDir, '-q', '-c', config], { stdio: ['ignore', 'ignore', 'inherit'] });
    } catch (error) {
      // Exit 1: some files failed; they are counted below as documents without a manifest.
      if (error.status !== 1) throw error;
    }
    const manifests = new Map();
    for (const p of walk(outDir)) {
      const m = /([^/\\]+)\.manifest\.json$/u.exec(p);
      if (m) manifests.set(m[1], JSON.parse(readFileSync(p, 'utf8')));
    }
    const stat = () => ({ gold: 0, found: 0 });
    const perCategory = new Map();
    const perGenre = new Map();
    const get = (map, key) => (map.has(key) ? map.get(key) : map.set(key, stat()).get(key));
    let predicted = 0;
    let correct = 0;
    // Character precision per entity of the redaction (person, email, phone, ...).
    const precisionOf = new Map();
    let keepTotal = 0;
    let keepViolated = 0;
    const misses = [];
    const keepViolations = [];
    const failed = [];
    for (const c of cases) {
      const manifest = manifests.get(c.name);
      if (!manifest) failed.push(c.name);
      const redacted = new Uint8Array(c.text.length);
      const entityAt = new Array(c.text.length);
      for (const r of manifest?.redactions ?? []) {
        redacted.fill(1, Math.max(0, r.start), Math.min(c.text.length, r.end));
        for (let i = Math.max(0, r.start); i < Math.min(c.text.length, r.end); i++) entityAt[i] = r.entity;
      }
      const optional = new Uint8Array(c.text.length);
      for (const o of c.gold.optional) optional.fill(1, o.start, o.end);
      const gold = new Uint8Array(c.text.length);
      for (const g of c.gold.redact) {
        const idx = nonSpace(c.text, g.start, g.end);
        for (const i of idx) gold[i] = 1;
        const covered = idx.filter((i) => redacted[i]).length / Math.max(1, idx.length);
        const hit = covered >= 0.9;
        for (const s of [get(perCategory, g.category), get(perGenre, c.gold.genre)]) {
          s.gold++;
          if (hit) s.found++;
        }
        if (!hit) misses.push(`${c.name}:${g.start}-${g.end} ${g.category} (${c.gold.genre}, ${Math.round(covered * 100)}% covered)`);
      }
      for (const k of c.gold.keep) {
        keepTotal++;
        if (nonSpace(c.text, k.start, k.end).some((i) => redacted[i])) {
          keepViolated++;
          keepViolations.push(`${c.name}:${k.start}-${k.end} ${k.why.replace(/\s*\(.*\)$/u, '')} (${c.gold.genre})`);
        }
      }
      for (let i = 0; i < c.text.length; i++) {
        if (!redacted[i] || optional[i] || /\s/u.test(c.text[i])) continue;
        predicted++;
        if (gold[i]) correct++;
        const p = precisionOf.get(entityAt[i]) ?? { predicted: 0, correct: 0 };
        p.predicted++;
        if (gold[i]) p.correct++;
        precisionOf.set(entityAt[i], p);
      }
    }
    const total = [...perCategory.values()].reduce((a, s) => ({ gold: a.gold + s.gold, found: a.found + s.found }), stat());
    return { documents: cases.length, total, perCategory, perGenre, precisionOf, precision: predicted ? correct / predicted : 0, keepTotal, keepViolated, misses, keepViolations, failed };
  } finally {
    rmSync(out, { recursive: true, force: true });
  }
}

const pct = (n, d) => `${(d ? (100 * n) / d : 100).toFixed(1)}%`;

export function formatRealDevReport(r) {
  const lines = [`real-dev: ${r.documents} real documents (refilled synthetic personal data)`];
  lines.push(`  recall ${pct(r.total.found, r.total.gold)} (${r.total.found}/${r.total.gold}), character precision ${pct(r.precision * 1000, 1000)}, keep violations ${r.keepViolated}/${r.keepTotal} (${pct(r.keepViolated, r.keepTotal)}), failed documents ${r.failed.length}`);
  lines.push('  per entity:');
  for (const [k, s] of [...r.perCategory].sort()) lines.push(`    ${k.padEnd(16)} ${pct(s.found, s.gold).padStart(7)}  ${s.found}/${s.gold}`);
  lines.push('  character precision per redacted entity (gold marks names, e-mail and phone only):');
  for (const [k, p] of [...r.precisionOf].sort()) lines.push(`    ${String(k).padEnd(16)} ${pct(p.correct, p.predicted).padStart(7)}  ${p.correct}/${p.predicted} characters`);
  lines.push('  per context (genre):');
  for (const [k, s] of [...r.perGenre].sort()) lines.push(`    ${k.padEnd(16)} ${pct(s.found, s.gold).padStart(7)}  ${s.found}/${s.gold}`);
  if (r.misses.length) lines.push(`  misses (${r.misses.length}):`, ...r.misses.map((m) => `    ${m}`));
  if (r.keepViolations.length) lines.push(`  keep violations (${r.keepViolations.length}):`, ...r.keepViolations.map((m) => `    ${m}`));
  if (r.failed.length) lines.push(`  failed: ${r.failed.join(', ')}`);
  return lines.join('\n');
}
