import type { Rule } from '../ruleTypes';
import { ZONE_BALANCE_WITHOUT_ZONES } from './zoneBalanceRule';
import { ZONE_REBALANCING_WITHOUT_ZONES } from './zoneRebalancingRule';

/** The rules on availability zones. One export per rule; add each here. */
export const ZONE_RULES: readonly Rule[] = [ZONE_BALANCE_WITHOUT_ZONES, ZONE_REBALANCING_WITHOUT_ZONES];
