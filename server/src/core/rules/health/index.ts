import type { Rule } from '../types';
import { AOS_REQUIRES_HEALTH, REPAIRS_REQUIRE_HEALTH, ROLLING_REQUIRES_HEALTH } from './requiresHealth';

/** The rules on health signal: probes, the Application Health extension, repairs. One export per rule; add each here. */
export const HEALTH_RULES: readonly Rule[] = [
  ROLLING_REQUIRES_HEALTH,
  AOS_REQUIRES_HEALTH,
  REPAIRS_REQUIRE_HEALTH,
];
