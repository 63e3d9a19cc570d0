/**
 * The refusal grounds of the Wet open overheid (art. 5.1 and 5.2), as frozen data.
 * `code` goes in the box and the inventory; `citation` goes in the manifest and decision letter.
 */
export const GROUND_CODES = [
  '5.1.1a',
  '5.1.1b',
  '5.1.1c',
  '5.1.1d',
  '5.1.1e',
  '5.1.2a',
  '5.1.2b',
  '5.1.2c',
  '5.1.2d',
  '5.1.2e',
  '5.1.2f',
  '5.1.2g',
  '5.1.2h',
  '5.1.2i',
  '5.1.5',
  '5.2',
] as const;

export type GroundCode = (typeof GROUND_CODES)[number];
export type GroundKind = 'absolute' | 'relative' | 'own-article';

export interface Ground {
  readonly code: GroundCode;
  readonly citation: string;
  readonly label: string;
  readonly kind: GroundKind;
}

const table: readonly Ground[] = [
  { code: '5.1.1a', citation: 'art. 5.1, eerste lid, onder a, Woo', label: 'eenheid van de Kroon', kind: 'absolute' },
  { code: '5.1.1b', citation: 'art. 5.1, eerste lid, onder b, Woo', label: 'veiligheid van de Staat', kind: 'absolute' },
  { code: '5.1.1c', citation: 'art. 5.1, eerste lid, onder c, Woo', label: 'vertrouwelijk verstrekte bedrijfs- en fabricagegegevens', kind: 'absolute' },
  { code: '5.1.1d', citation: 'art. 5.1, eerste lid, onder d, Woo', label: 'bijzondere persoonsgegevens', kind: 'absolute' },
  { code: '5.1.1e', citation: 'art. 5.1, eerste lid, onder e, Woo', label: 'identificatienummers', kind: 'absolute' },
  { code: '5.1.2a', citation: 'art. 5.1, tweede lid, onder a, Woo', label: 'betrekkingen met andere staten en internationale organisaties', kind: 'relative' },
  { code: '5.1.2b', citation: 'art. 5.1, tweede lid, onder b, Woo', label: 'economische of financiële belangen van de Staat', kind: 'relative' },
  { code: '5.1.2c', citation: 'art. 5.1, tweede lid, onder c, Woo', label: 'opsporing en vervolging van strafbare feiten', kind: 'relative' },
  { code: '5.1.2d', citation: 'art. 5.1, tweede lid, onder d, Woo', label: 'inspectie, controle en toezicht', kind: 'relative' },
  { code: '5.1.2e', citation: 'art. 5.1, tweede lid, onder e, Woo', label: 'eerbiediging van de persoonlijke levenssfeer', kind: 'relative' },
  { code: '5.1.2f', citation: 'art. 5.1, tweede lid, onder f, Woo', label: 'concurrentiegevoelige bedrijfs- en fabricagegegevens', kind: 'relative' },
  { code: '5.1.2g', citation: 'art. 5.1, tweede lid, onder g, Woo', label: 'bescherming van het milieu', kind: 'relative' },
  { code: '5.1.2h', citation: 'art. 5.1, tweede lid, onder h, Woo', label: 'beveiliging van personen en bedrijven, voorkomen van sabotage', kind: 'relative' },
  { code: '5.1.2i', citation: 'art. 5.1, tweede lid, onder i, Woo', label: 'goed functioneren van de Staat en andere bestuursorganen', kind: 'relative' },
  { code: '5.1.5', citation: 'art. 5.1, vijfde lid, Woo', label: 'onevenredige benadeling', kind: 'relative' },
  { code: '5.2', citation: 'art. 5.2, eerste lid, Woo', label: 'persoonlijke beleidsopvattingen in documenten voor intern beraad', kind: 'own-article' },
];

export const GROUNDS: Readonly<Record<GroundCode, Ground>> = Object.freeze(
  Object.fromEntries(table.map((g) => [g.code, Object.freeze(g)])) as Record<GroundCode, Ground>,
);

export function isGroundCode(value: string): value is GroundCode {
  return (GROUND_CODES as readonly string[]).includes(value);
}

export function getGround(code: GroundCode): Ground {
  return GROUNDS[code];
}

/** Sort codes in the order of the law, so inventories and manifests list them stably. */
export function compareGroundCodes(a: GroundCode, b: GroundCode): number {
  return GROUND_CODES.indexOf(a) - GROUND_CODES.indexOf(b);
}
