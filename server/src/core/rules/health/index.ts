import type { Rule } from '../types';

/** The rules on health signal: probes, the Application Health extension, repairs. One export per rule; add each here. */
export const HEALTH_RULES: readonly Rule[] = [];
