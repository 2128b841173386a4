import { AOS_RULES } from './aos';
import { HEALTH_RULES } from './health';
import { HOOK_RULES } from './hooks';
import { ZONE_RULES } from './zones';
import { META_RULES } from './meta/suppressionRules';
import { ROLLING_RULES } from './rolling';
import { SERVICE_FABRIC_RULES } from './serviceFabric';
import { SCHEMA_RULES } from './schema';
import { BLOCKS } from './blocks';
import type { Rule } from './ruleTypes';

/**
 * The rule table. Each group file exports its rules; add a group here with one line. Ids must be
 * unique (a test checks it, and that each has docs/rules/<id>.md).
 */
export const RULES: readonly Rule[] = [
  ...SCHEMA_RULES,
  ...HEALTH_RULES,
  ...HOOK_RULES,
  ...ZONE_RULES,
  ...AOS_RULES,
  ...ROLLING_RULES,
  ...SERVICE_FABRIC_RULES,
  ...META_RULES,
].map((rule) => (BLOCKS[rule.id] ? { ...rule, blocks: BLOCKS[rule.id] } : rule));

const BY_ID = new Map(RULES.map((rule) => [rule.id, rule]));

export function getRule(id: string): Rule | undefined {
  return BY_ID.get(id);
}

export const RULE_IDS: ReadonlySet<string> = new Set(BY_ID.keys());
