import type { Rule } from '../ruleTypes';
import { BATCH_EXCEEDS_UNHEALTHY } from './batchRules';
import { FIRST_BATCH_FAILURE_HALTS } from './firstBatchRule';
import { AUTOMATIC_MODE_ALL_AT_ONCE, ROLLING_POLICY_UNUSED } from './modeRules';
import { CROSS_ZONE_WITHOUT_ZONES, MAX_SURGE_AOS_FLEXIBLE, MAX_SURGE_OVERPROVISION, ROLLBACK_ON_BREACH_FLEXIBLE } from './zoneSurgeRules';

/** The rules on rolling policy cross-property rules. One export per rule; add each here. */
export const ROLLING_RULES: readonly Rule[] = [
  BATCH_EXCEEDS_UNHEALTHY,
  FIRST_BATCH_FAILURE_HALTS,
  CROSS_ZONE_WITHOUT_ZONES,
  MAX_SURGE_OVERPROVISION,
  MAX_SURGE_AOS_FLEXIBLE,
  ROLLBACK_ON_BREACH_FLEXIBLE,
  ROLLING_POLICY_UNUSED,
  AUTOMATIC_MODE_ALL_AT_ONCE,
];
