/** The short lists a reviewer picks from with a number key: grounds, and the reasons to keep. */
import { GROUND_CODES, GROUNDS, type GroundCode } from '../../../decide/grounds.js';
import type { Option } from './dialogs.js';
import { KEEP_REASONS } from './model.js';

// The grounds a Woo-team cites most first, so they get the number keys.
export const GROUND_ORDER: readonly GroundCode[] = ['5.1.2e', '5.1.1e', '5.1.1d', '5.1.2i', '5.2', '5.1.1c', '5.1.2f', '5.1.2h', '5.1.2d', ...GROUND_CODES.filter((g) => !['5.1.2e', '5.1.1e', '5.1.1d', '5.1.2i', '5.2', '5.1.1c', '5.1.2f', '5.1.2h', '5.1.2d'].includes(g))];
export const groundOptions = (): Option[] => GROUND_ORDER.map((g) => ({ value: g, label: `${g} - ${GROUNDS[g].label}` }));
export const reasonOptions = (): Option[] => KEEP_REASONS.map((r) => ({ value: r, label: r }));
