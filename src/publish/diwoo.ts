import { ConfigError } from '../errors.js';
import { amsterdamDateTime, type DocumentDate } from './dates.js';
import { DIWOO_LISTS } from './diwoo-lists.js';
import type { DocumentKind } from './facts.js';
import { escapeXml } from './xml.js';

/**
 * DiWoo metadata (standaarden.overheid.nl/diwoo/metadata, version 0.9.8) for one published
 * document. Every value with a `resource` comes from the schema's value lists, found by URI or
 * label; nothing is free text but titles.
 */
export const DIWOO_NAMESPACE = 'https://standaarden.overheid.nl/diwoo/metadata/';

export interface ListValue {
  readonly uri: string;
  readonly label: string;
}

const fold = (s: string) => s.normalize('NFKD').replace(/[\u0300-\u036f]/g, '').replace(/[’‘]/g, "'").toLowerCase().replace(/\s+/g, ' ').trim();

/** A value from a list, by its URI or its label (case, accents and spacing ignored). */
export function listValue(list: keyof typeof DIWOO_LISTS | string, value: string): ListValue | undefined {
  const entries = DIWOO_LISTS[list] ?? [];
  const byUri = entries.find(([uri]) => uri === value.trim());
  const found = byUri ?? entries.find(([, label]) => fold(label) === fold(value));
  return found ? { uri: found[0], label: found[1] } : undefined;
}

const KERN = 'https://identifier.overheid.nl/tooi/def/thes/kern/';

/**
 * Document types per kind, from the documentsoort list (PLOOI documentsoorten, version 7). The
 * list has no type for an e-mail: nothing in it is an e-mail or correspondence (its "-bericht"
 * values are ambtsbericht, nieuwsbericht and persbericht), and "brief" is a letter. documentsoort
 * is optional in the schema, so an e-mail gets none rather than a type it is not.
 */
const DOCUMENTSOORT: Readonly<Record<DocumentKind, string | undefined>> = {
  nota: `${KERN}c_2977c34f`, // beslisnota
  kamerbrief: `${KERN}c_49599e6c`,
  brief: `${KERN}c_7652d853`,
  besluit: `${KERN}c_465163c9`,
  verslag: `${KERN}c_42e406dd`, // vergaderverslag
  besluitenlijst: `${KERN}c_d4a4792f`,
  email: undefined,
  overig: undefined,
};

/** A besluit on a Wob- or Woo-verzoek has its own type in the list. */
const BESLISSING_OP_WOO_VERZOEK = `${KERN}c_4f50ca9c`;
const WOO_VERZOEK = /\b(wob|woo)[-\s]?verzoek/i;

/** The documentsoort URI of a document, or undefined when the list has none for it. */
export function documentsoortOf(kind: DocumentKind, title: string | undefined): string | undefined {
  if (kind === 'besluit' && title && WOO_VERZOEK.test(title)) return BESLISSING_OP_WOO_VERZOEK;
  return DOCUMENTSOORT[kind];
}

export const DEFAULT_INFORMATIECATEGORIE = `${KERN}c_3baef532`; // Woo-verzoeken en -besluiten
const VASTSTELLING = `${KERN}c_641ecd76`;
const DUTCH = 'http://publications.europa.eu/resource/authority/language/NLD';
const FORMAT: Readonly<Record<string, string>> = {
  pdf: 'http://publications.europa.eu/resource/authority/file-type/PDF',
  txt: 'http://publications.europa.eu/resource/authority/file-type/TXT',
};

export interface DiwooDossier {
  readonly publisher: ListValue;
  readonly informatiecategorie: ListValue;
  /** Used as the moment of vaststelling for documents without a date of their own. */
  readonly besluitdatum?: string;
}

/** Resolves the dossier's DiWoo values from the config, with a clear error for what is missing or unknown. */
export function diwooDossier(config: { organisation?: string | undefined; informatiecategorie?: string | undefined; besluitdatum?: string | undefined }): DiwooDossier {
  if (!config.organisation) {
    throw new ConfigError('CONFIG_INVALID', 'DiWoo needs the publisher: set dossier.organisation in the config to the TOOI URI or the name of the organisation as in the DiWoo value lists (e.g. "ministerie van Binnenlandse Zaken en Koninkrijksrelaties")');
  }
  const publisher = listValue('organisations', config.organisation);
  if (!publisher) {
    throw new ConfigError('CONFIG_INVALID', `dossier.organisation "${config.organisation}" is not in the DiWoo organisation lists; use the TOOI URI (https://identifier.overheid.nl/tooi/id/...) or the exact name from the Register van Overheidsorganisaties`);
  }
  const informatiecategorie = resolveCategory(config.informatiecategorie ?? DEFAULT_INFORMATIECATEGORIE);
  return { publisher, informatiecategorie, ...(config.besluitdatum ? { besluitdatum: config.besluitdatum } : {}) };
}

/** The Woo information category by TOOI URI or label; a clear error for anything else. */
export function resolveCategory(value: string): ListValue {
  const found = listValue('informatiecategorie', value);
  if (!found) {
    throw new ConfigError('CONFIG_INVALID', `dossier.informatiecategorie "${value}" is not a Woo information category; use a TOOI URI or label from the list (default "Woo-verzoeken en -besluiten")`);
  }
  return found;
}

const element = (name: string, value: ListValue) => `<diwoo:${name} resource="${escapeXml(value.uri)}">${escapeXml(value.label)}</diwoo:${name}>`;

export interface DiwooDocument {
  readonly id: string;
  readonly title: string;
  readonly kind: DocumentKind;
  readonly date?: DocumentDate;
  /** "pdf" or "txt". */
  readonly format: string;
  readonly matter?: string;
}

/** The XML of one document; throws when it has no date and the dossier no besluitdatum. */
export function diwooXml(doc: DiwooDocument, dossier: DiwooDossier): string {
  const when = doc.date ?? (dossier.besluitdatum ? { date: dossier.besluitdatum } : undefined);
  if (!when) {
    throw new ConfigError('CONFIG_INVALID', `document ${doc.id} has no date that woo-redact could read, and DiWoo needs one for its documenthandeling: set dossier.besluitdatum (YYYY-MM-DD) in the config`);
  }
  const soort = documentsoortOf(doc.kind, doc.title);
  const documentsoort = soort ? listValue('documentsoort', soort) : undefined;
  const soortHandeling = listValue('soortHandeling', VASTSTELLING) as ListValue;
  const language = listValue('taal', DUTCH) as ListValue;
  const format = FORMAT[doc.format] ? listValue('format', FORMAT[doc.format] as string) : undefined;
  const lines = [
    '<?xml version="1.0" encoding="UTF-8"?>',
    `<diwoo:Document xmlns:diwoo="${DIWOO_NAMESPACE}">`,
    '  <diwoo:DiWoo>',
    `    <diwoo:identifiers><diwoo:identifier>${escapeXml(doc.matter ? `${doc.matter}/${doc.id}` : doc.id)}</diwoo:identifier></diwoo:identifiers>`,
    `    ${element('publisher', dossier.publisher)}`,
    `    <diwoo:titelcollectie><diwoo:officieleTitel>${escapeXml(doc.title)}</diwoo:officieleTitel></diwoo:titelcollectie>`,
    '    <diwoo:classificatiecollectie>',
    `      <diwoo:informatiecategorieen>${element('informatiecategorie', dossier.informatiecategorie)}</diwoo:informatiecategorieen>`,
    ...(documentsoort ? [`      <diwoo:documentsoorten>${element('documentsoort', documentsoort)}</diwoo:documentsoorten>`] : []),
    '    </diwoo:classificatiecollectie>',
    ...(doc.date ? [`    <diwoo:creatiedatum>${doc.date.date}</diwoo:creatiedatum>`] : []),
    `    ${element('language', language)}`,
    ...(format ? [`    ${element('format', format)}`] : []),
    '    <diwoo:documenthandelingen>',
    '      <diwoo:documenthandeling>',
    `        ${element('soortHandeling', soortHandeling)}`,
    `        <diwoo:atTime>${amsterdamDateTime(when)}</diwoo:atTime>`,
    `        ${element('wasAssociatedWith', dossier.publisher)}`,
    '      </diwoo:documenthandeling>',
    '    </diwoo:documenthandelingen>',
    '  </diwoo:DiWoo>',
    '</diwoo:Document>',
  ];
  return `${lines.join('\n')}\n`;
}
