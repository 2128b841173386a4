import type { Rule } from '../ruleTypes';
import { AOS_REQUIRES_HEALTH, REPAIRS_REQUIRE_HEALTH, ROLLING_REQUIRES_HEALTH } from './requiresHealth';
import { APP_HEALTH_SETTINGS } from './appHealthSettings';
import { HEALTH_PROBE_BASIC_LB, HEALTH_PROBE_RATE, HEALTH_PROBE_UNRESOLVED } from './probeRules';
import { FLEXIBLE_REQUIRES_HEALTH_EXTENSION, MULTIPLE_HEALTH_SOURCES } from './sourceConflicts';

/** The rules on health signal: probes, the Application Health extension, repairs. One export per rule; add each here. */
export const HEALTH_RULES: readonly Rule[] = [
  ROLLING_REQUIRES_HEALTH,
  AOS_REQUIRES_HEALTH,
  REPAIRS_REQUIRE_HEALTH,
  MULTIPLE_HEALTH_SOURCES,
  FLEXIBLE_REQUIRES_HEALTH_EXTENSION,
  HEALTH_PROBE_RATE,
  HEALTH_PROBE_BASIC_LB,
  HEALTH_PROBE_UNRESOLVED,
  APP_HEALTH_SETTINGS,
];
