import type { Lexicons } from '../lexicons/index.js';

// A local part that starts with one of these long office words is a mailbox, also with a suffix
// glued on ("wobverzoekendjz@", "mailboxmeldpunt144@"). Only long words: "woo" would take "woodward".
const PREFIX_MIN = 5;

/**
 * Whether the local part of an address is a functional (organisation) mailbox rather than a
 * person's: a generic office word as one of its parts (split at . _ - +), a long office word
 * at its start, or a short acronym alone ("zd@", "bbb@": departments write their initials).
 */
export function isFunctionalMailbox(lex: Lexicons, localPart: string): boolean {
  const local = localPart.trim().toLowerCase();
  if (lex.genericMailboxes.has(local)) return true;
  const parts = local.split(/[-._+]/).filter(Boolean);
  if (parts.some((p) => lex.genericMailboxes.has(p))) return true;
  if (/^[a-z]{2,3}$/.test(local)) return true;
  for (const word of lex.genericMailboxes) {
    if (word.length >= PREFIX_MIN && local.startsWith(word)) return true;
  }
  return false;
}
