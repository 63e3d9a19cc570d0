// What the review tests share: a temporary dossier with its review package beside it, the
// synthetic nota they start from (invented names), what a reviewer adds to it, and readers of
// the package propose writes.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { z } from 'zod';
import type { Addition, DecisionsTemplateSchema } from '../src/review/decisions-schema.js';
import type { ReviewDocument, ReviewFinding, ReviewIndex } from '../src/review/package-schema.js';
import { tempFolder } from './fixtures-files.js';

/** The inputs in <root>/in (the dossier folder in it), the package in <root>/review, out(name) beside them. */
export function reviewDossier(prefix: string) {
  const { root, remove } = tempFolder(prefix);
  const input = join(root, 'in');
  return { root, input, dossier: join(input, 'dossier'), reviewDir: join(root, 'review'), out: (name: string) => join(root, name), remove };
}

/**
 * A nota from a civil servant (Pieter de Vries) with his phone number, naming the director
 * (Hanneke Mulder: a role the policy sends to review), then the lines a test needs.
 */
export function syntheticNota(body: readonly string[], { addressee = true } = {}): string {
  return [
    'Nota',
    '',
    ...(addressee ? ['Aan: de staatssecretaris'] : []),
    'Van: Pieter de Vries, senior beleidsmedewerker',
    'Telefoon: 06 12345678',
    '',
    '1. Aanleiding',
    'De directeur Hanneke Mulder vroeg om advies. Pieter de Vries schreef het concept.',
    ...body,
    '',
  ].join('\n');
}

/** A name the tool does not find (a hyphenated surname after "mevrouw"): the reviewer adds it. */
export const MISSED_NAME = 'Jansen-Oud';
export const MISSED_NAME_LINE = `Het dossiernummer van mevrouw ${MISSED_NAME} is intern bekend.`;
/** A project code (5.1.2i) the reviewer redacts wherever it stands. */
export const PROJECT_CODE = 'Zilvermeeuw';

/** What a reviewer adds to a nota with those lines: the missed name as a text span, the project code as a match. */
export function notaAdditions(text: string): Addition[] {
  const at = text.indexOf(MISSED_NAME);
  if (at < 0) throw new Error(`no ${MISSED_NAME} in the nota`);
  return [
    { kind: 'text', start: at, end: at + MISSED_NAME.length, ground: '5.1.2e', entity: 'person' },
    { kind: 'match', text: PROJECT_CODE, ground: '5.1.2i', entity: 'section' },
  ];
}

export const readJson = <T>(path: string): T => JSON.parse(readFileSync(path, 'utf8')) as T;

/** The decisions template as propose writes it. */
export type DecisionsTemplate = z.output<typeof DecisionsTemplateSchema>;

/** Readers of the review package in `dir`; each reads the files again (a test may have changed them). */
export function reviewPackage(dir: string) {
  const index = () => readJson<ReviewIndex>(join(dir, 'review.internal.json'));
  const entry = (path: string) => {
    const d = index().documents.find((x) => x.path === path);
    if (!d) throw new Error(`no ${path} in the index`);
    return d;
  };
  const reviewOf = (path: string) => readJson<ReviewDocument>(join(dir, entry(path).file));
  const template = <T = DecisionsTemplate>() => readJson<T>(join(dir, 'decisions.internal.json'));
  /** The finding with this text (on this page, when given). */
  const finding = (path: string, text: string, page?: number): ReviewFinding => {
    const f = reviewOf(path).findings.find((x) => x.text === text && (page === undefined || x.page === page));
    if (!f) throw new Error(`no finding ${text}${page === undefined ? '' : ` on page ${page}`} in ${path}`);
    return f;
  };
  return { index, entry, reviewOf, template, finding };
}
