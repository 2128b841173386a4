import type { Rule } from '../types';
import { BATCH_EXCEEDS_UNHEALTHY, FIRST_BATCH_FAILURE_HALTS } from './batchRules';

/** The rules on rolling policy cross-property rules. One export per rule; add each here. */
export const ROLLING_RULES: readonly Rule[] = [
  BATCH_EXCEEDS_UNHEALTHY,
  FIRST_BATCH_FAILURE_HALTS,
];
