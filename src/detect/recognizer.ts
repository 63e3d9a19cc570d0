import type { GroundCode } from '../decide/grounds.js';
import type { Span } from '../document/span.js';
import type { EntityType, RoleContext } from '../document/types.js';
import type { NotaStructure } from '../structure/types.js';
import type { Lexicons } from './lexicons/index.js';
import type { KnownPerson } from './names/known-person.js';

/** What a recognizer sees: the normalised text, the nota's structure and the lexicons. */
export interface RecognizerContext {
  readonly text: string;
  readonly structure: NotaStructure;
  readonly lexicons: Lexicons;
  /** Persons found in other documents of the same batch (dossier), to find here too. */
  readonly knownPersons?: readonly KnownPerson[];
}

/** A match before the engine gives it an id: where, how sure, and why. */
export interface Candidate {
  readonly span: Span;
  readonly confidence: number;
  readonly evidence?: readonly string[];
  readonly personKey?: string;
  readonly role?: RoleContext;
  readonly organisational?: boolean;
}

export interface RecognizerPattern {
  readonly name: string;
  /** Must have the g flag. A `value` group, if present, is the part to redact. */
  readonly regex: RegExp;
  readonly score: number;
}

export interface RecognizerExample {
  readonly text: string;
  /** The substrings that must be found, in order; empty for a text that must give nothing. */
  readonly expect: readonly string[];
}

/**
 * A recognizer is data plus a small function (as Presidio's): named patterns with scores, context
 * words that raise the score, words that veto a match, a validator, and its own examples that run
 * as tests. Recognizers that need more than patterns (names) supply `find` instead.
 */
export interface Recognizer<E extends EntityType = EntityType> {
  readonly id: string;
  readonly entity: E;
  readonly suggestedGround: GroundCode;
  readonly patterns?: readonly RecognizerPattern[];
  /** A cheap test the text must pass before the patterns run (a label word they all need). */
  readonly requires?: RegExp;
  /** Words (folded) in the window before a match that raise its confidence to `contextScore`. */
  readonly context?: readonly string[];
  readonly contextScore?: number;
  /** Words (folded) in the window before a match that mean it is something else. */
  readonly vetoContext?: readonly string[];
  /** Characters before a match searched for (vetoing) context words; same line only. */
  readonly contextWindow?: number;
  /** Rejects a match (false) or keeps it; may adjust nothing else. */
  readonly validate?: (value: string) => boolean;
  /** Marks a valid match as organisation contact data rather than personal data. */
  readonly organisational?: (value: string, ctx: RecognizerContext, span: Span) => boolean;
  readonly find?: (ctx: RecognizerContext) => readonly Candidate[];
  readonly examples: readonly RecognizerExample[];
}

/** Typed identity, so a custom recognizer is checked where it is written (like citty's defineCommand). */
export function defineRecognizer<E extends EntityType>(recognizer: Recognizer<E>): Recognizer<E> {
  return recognizer;
}
