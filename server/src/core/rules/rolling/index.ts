import type { Rule } from '../types';

/** The rules on rolling policy cross-property rules. One export per rule; add each here. */
export const ROLLING_RULES: readonly Rule[] = [];
