import type { Rule } from '../ruleTypes';
import { SF_DURABILITY, SF_DURABILITY_MISMATCH, SF_EXTENSION_VERSION } from './durabilityRules';
import { SF_AUTOMATIC_UPDATES, SF_HEALTH_PROBE, SF_MIN_CAPACITY, SF_OVERPROVISION } from './scaleSetRules';

/** The rules on Service Fabric node types. One export per rule; add each here. */
export const SERVICE_FABRIC_RULES: readonly Rule[] = [
  SF_DURABILITY,
  SF_EXTENSION_VERSION,
  SF_DURABILITY_MISMATCH,
  SF_HEALTH_PROBE,
  SF_AUTOMATIC_UPDATES,
  SF_MIN_CAPACITY,
  SF_OVERPROVISION,
];
