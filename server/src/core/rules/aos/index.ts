import type { Rule } from '../ruleTypes';
import { AOS_CUSTOM_IMAGE, AOS_IMAGE_VERSION, AOS_UNLISTED_PLATFORM_IMAGE } from './imageRules';
import { AOS_PATCH_MODE, AOS_WINDOWS_AUTOMATIC_UPDATES } from './osSettingsRules';
import { AOS_FLEXIBLE, AOS_MANUAL_MODE, AOS_ROLLBACK_DISABLED, AOS_ROLLING_POLICY_UNUSED } from './policyRules';
import { EXPIRED_SAS_TOKEN } from './sasRule';
import { AOS_UPGRADE_DEFERRAL } from './deferralRule';

/** The rules on automatic OS image upgrade prerequisites. One export per rule; add each here. */
export const AOS_RULES: readonly Rule[] = [
  AOS_IMAGE_VERSION,
  AOS_CUSTOM_IMAGE,
  AOS_UNLISTED_PLATFORM_IMAGE,
  AOS_WINDOWS_AUTOMATIC_UPDATES,
  AOS_PATCH_MODE,
  AOS_MANUAL_MODE,
  AOS_ROLLBACK_DISABLED,
  AOS_FLEXIBLE,
  AOS_ROLLING_POLICY_UNUSED,
  AOS_UPGRADE_DEFERRAL,
  EXPIRED_SAS_TOKEN,
];
