import type { Rule } from '../ruleTypes';
import { LIFECYCLE_HOOK_SETTINGS } from './lifecycleHookRules';

/** The rules on lifecycle hooks (lifecycleHooksProfile, Compute API 2025-11-01). One export per rule; add each here. */
export const HOOK_RULES: readonly Rule[] = [LIFECYCLE_HOOK_SETTINGS];
