import { WooRedactError } from '../errors.js';

/** A decisions file that does not fit the inputs, or a review package where publication goes. */
export class ReviewError extends WooRedactError {}
