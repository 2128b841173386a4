import type { Rule } from '../types';
import { AOS_REQUIRES_HEALTH, REPAIRS_REQUIRE_HEALTH, ROLLING_REQUIRES_HEALTH } from './requiresHealth';
import { FLEXIBLE_REQUIRES_HEALTH_EXTENSION, MULTIPLE_HEALTH_SOURCES } from './sourceConflicts';

/** The rules on health signal: probes, the Application Health extension, repairs. One export per rule; add each here. */
export const HEALTH_RULES: readonly Rule[] = [
  ROLLING_REQUIRES_HEALTH,
  AOS_REQUIRES_HEALTH,
  REPAIRS_REQUIRE_HEALTH,
  MULTIPLE_HEALTH_SOURCES,
  FLEXIBLE_REQUIRES_HEALTH_EXTENSION,
];
