import type { Rule } from '../types';

/** The rules on automatic OS image upgrade prerequisites. One export per rule; add each here. */
export const AOS_RULES: readonly Rule[] = [];
