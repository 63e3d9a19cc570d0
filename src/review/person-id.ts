import { createHash } from 'node:crypto';
import type { Finding } from '../document/types.js';

/**
 * A person's id in the dossier: the same for every mention the detector ties to one person. A
 * surname key is shared across the documents of the dossier (as the batch shares known persons);
 * keys that only make sense within one document (a first name alone, a paraaf, initials) are
 * scoped to it. Hashed, so that the decisions file does not spell names in its keys.
 */
export function personIdOf(finding: Finding, documentSha256: string): string | undefined {
  if (finding.entity !== 'person' || finding.personKey === undefined) return undefined;
  const key = finding.personKey;
  const scope = key.includes(':') ? documentSha256 : '';
  return `p${createHash('sha256').update(`${scope}\u0000${key}`).digest('hex').slice(0, 12)}`;
}
