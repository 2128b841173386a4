import { CAPACITY_OUT_OF_RANGE } from './capacityRule';
import { DUPLICATE_PROPERTY, PROPERTY_NAME_CASING, UNKNOWN_PROPERTY } from './nameRules';
import { MISPLACED_POLICY } from './placementRules';
import { INVALID_DURATION, INVALID_ENUM_VALUE, VALUE_AS_STRING, VALUE_OUT_OF_RANGE, VALUE_TYPE } from './valueRules';
import { API_VERSION_UNSUPPORTED_PROPERTY, LEGACY_UPGRADE_PROPERTY } from './versionRules';

/** The schema rules: names, placement, values and API versions of the upgrade-policy properties, and the instance count. */
export const SCHEMA_RULES = [
  UNKNOWN_PROPERTY,
  PROPERTY_NAME_CASING,
  DUPLICATE_PROPERTY,
  MISPLACED_POLICY,
  VALUE_TYPE,
  VALUE_AS_STRING,
  VALUE_OUT_OF_RANGE,
  CAPACITY_OUT_OF_RANGE,
  INVALID_ENUM_VALUE,
  INVALID_DURATION,
  API_VERSION_UNSUPPORTED_PROPERTY,
  LEGACY_UPGRADE_PROPERTY,
] as const;
