import type { GroundCode } from './grounds.js';

/**
 * Older documents carry Wob codes (art. 10 and 11 Wob). Each maps to the Woo ground that took its
 * place; 10.2f (the addressee's interest in reading it first) has no Woo successor and maps to null.
 */
export const WOB_TO_WOO: Readonly<Record<string, GroundCode | null>> = Object.freeze({
  '10.1a': '5.1.1a',
  '10.1b': '5.1.1b',
  '10.1c': '5.1.1c',
  '10.1d': '5.1.1d',
  '10.2a': '5.1.2a',
  '10.2b': '5.1.2b',
  '10.2c': '5.1.2c',
  '10.2d': '5.1.2d',
  '10.2e': '5.1.2e',
  '10.2f': null,
  '10.2g': '5.1.5',
  '11.1': '5.2',
});
