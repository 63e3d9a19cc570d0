#!/usr/bin/env node
// Speed and recall of linking e-mails in a dossier (relateDocuments), exact and across OCR noise,
// on generated threads (invented words, no real text): `npm run build && node scripts/bench-relate.mjs
// [--threads 1000] [--depth 5]`. Every other thread has its second and fourth mail "scanned": a
// letter misread in one word in four (e/c, a/e, n/u, h/b, l/1, o/0, m/rn), words split, commas.
import { performance } from 'node:perf_hooks';
import { documentFacts, relateDocuments } from '../dist/index.js';

const arg = (name, fallback) => {
  const i = process.argv.indexOf(name);
  return i > 0 ? Number(process.argv[i + 1]) : fallback;
};
const THREADS = arg('--threads', 1000);
const DEPTH = arg('--depth', 5);

// mulberry32: a 32-bit generator with a full period (an LCG in doubles repeats after a few thousand draws).
let seed = 17;
const rnd = () => {
  seed = (seed + 0x6d2b79f5) | 0;
  let t = Math.imul(seed ^ (seed >>> 15), 1 | seed);
  t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
  return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
};
const LETTERS = 'aaabcddeeeeeefghiijkllmnnnoooprrssttuuvwz';
const word = () => Array.from({ length: 2 + Math.floor(rnd() * 9) }, () => LETTERS[Math.floor(rnd() * LETTERS.length)]).join('');
const VOCABULARY = Array.from({ length: 20000 }, word);
// Zipf-like: a few words often, most rarely.
const pick = () => VOCABULARY[Math.floor(rnd() ** 3 * VOCABULARY.length)];
const sentence = () => `${Array.from({ length: 6 + Math.floor(rnd() * 12) }, pick).join(' ')}.`;
const DISCLAIMER = 'Dit bericht kan informatie bevatten die niet voor u is bestemd. Indien u niet de geadresseerde bent, meld het de afzender en verwijder het bericht.';

const SUBSTITUTE = [['e', 'c'], ['a', 'e'], ['n', 'u'], ['h', 'b'], ['l', '1'], ['o', '0'], ['m', 'rn']];
function scan(text) {
  let w = 0;
  return text
    .split('\n')
    .map((line) => {
      const label = /^(Van|Verzonden|Aan|Onderwerp):\s*/.exec(line)?.[0] ?? '';
      return label + line.slice(label.length).split(' ').map((x) => {
        w++;
        let out = x;
        if (w % 4 === 1) {
          const rule = SUBSTITUTE.find(([from]) => out.includes(from));
          if (rule) out = out.replace(rule[0], rule[1]);
        }
        if (w % 13 === 7 && out.length >= 6) out = `${out.slice(0, 3)} ${out.slice(3)}`;
        if (w % 17 === 3 && out !== '') out += ',';
        return out;
      }).join(' ');
    })
    .join('\n');
}

const texts = [];
const scanned = [];
for (let t = 0; t < THREADS; t++) {
  let previous = '';
  for (let m = 0; m < DEPTH; m++) {
    const body = Array.from({ length: 2 + Math.floor(rnd() * 5) }, sentence).join(' ');
    const mail = `Van: [5.1.2e]\nVerzonden: ${1 + (t % 28)} maart 2024 ${10 + m}:${String(t % 60).padStart(2, '0')}\nAan: [5.1.2e]\nOnderwerp: ${m ? 'RE: ' : ''}overleg ${t % 9}\n\nBeste collega,\n\n${body}\n\nMet vriendelijke groet,\n[5.1.2e]\n\n${DISCLAIMER}\n${previous ? `\n-----Oorspronkelijk bericht-----\n${previous}` : ''}`;
    const isScan = t % 2 === 1 && m % 2 === 1;
    texts.push(isScan ? scan(mail) : mail);
    scanned.push(isScan);
    previous = mail;
  }
}
const names = texts.map((_, i) => `mail-${i}.txt`);
let t0 = performance.now();
const facts = texts.map((t) => documentFacts(t));
const factsMs = performance.now() - t0;
t0 = performance.now();
const r = relateDocuments(facts, names);
const relateMs = performance.now() - t0;
let expected = 0;
let found = 0;
let withScan = 0;
let foundWithScan = 0;
let wrong = 0;
for (let i = 0; i < texts.length; i++) {
  const thread = Math.floor(i / DEPTH);
  for (let j = i + 1; j < (thread + 1) * DEPTH; j++) {
    const hit = r.documents[i].quotedIn.includes(j);
    expected++;
    found += hit ? 1 : 0;
    if (scanned[i] || scanned[j]) {
      withScan++;
      foundWithScan += hit ? 1 : 0;
    }
  }
  for (const j of r.documents[i].quotedIn) if (Math.floor(j / DEPTH) !== thread || j <= i) wrong++;
}
const sketchBytes = facts.reduce((s, f) => s + (f.quoteSketch ? f.quoteSketch.own.length + f.quoteSketch.rest.length : 0), 0);
const textBytes = texts.reduce((s, t) => s + t.length, 0);
console.log(`relate: ${texts.length} e-mails (${THREADS} threads of ${DEPTH}): facts ${(factsMs / texts.length).toFixed(2)} ms/e-mail, relateDocuments ${relateMs.toFixed(0)} ms`);
console.log(`  quoted pairs found ${found}/${expected}; with a scanned side ${foundWithScan}/${withScan}; wrong links ${wrong}; threads ${r.threads} (built ${THREADS}); sketches ${(sketchBytes / textBytes * 100).toFixed(0)}% of the text's size`);
