import { findPolicyProperty } from '../../catalog/policyCatalog';
import type { RObject, RProperty, ScaleSetModel } from '../../model/templateModel';
import { asInteger, getProp } from '../../model/values';
import { booleanSetting, isAbsent, type Setting } from './setting';
import { perScaleSet } from './memo';
import type { FactMemo } from './memo';

/** The rolling policy and the values a rolling upgrade would use, with Azure's defaults (reference §1.2). */

export type RollingPolicyState =
  | { readonly kind: 'absent' }
  /** upgradePolicy or rollingUpgradePolicy is an expression the engine cannot evaluate, or not an object. */
  | { readonly kind: 'unknown' }
  | { readonly kind: 'object'; readonly property: RProperty; readonly value: RObject };

function computeRollingPolicy(scaleSet: ScaleSetModel): RollingPolicyState {
  if (scaleSet.upgradePolicy?.value.kind === 'unknown') return { kind: 'unknown' };
  const property = scaleSet.rollingUpgradePolicy;
  if (isAbsent(property)) return { kind: 'absent' };
  return property!.value.kind === 'object' ? { kind: 'object', property: property!, value: property!.value } : { kind: 'unknown' };
}

export type RollingPercentName = 'maxBatchInstancePercent' | 'maxUnhealthyInstancePercent' | 'maxUnhealthyUpgradedInstancePercent';

/**
 * A percentage of the rolling policy: the written integer, or the documented default (20) when absent.
 * Unknown when it cannot be evaluated or is not a whole number in the catalog's range (value rules report
 * those), so cross-property rules never reason from a value ARM would reject.
 */
export function rollingPercent(scaleSet: ScaleSetModel, facts: FactMemo, name: RollingPercentName): Setting<number> {
  const catalog = findPolicyProperty('rollingUpgradePolicy', name)!.property;
  const fallback = catalog.default as number;
  const policy = rollingPolicy(scaleSet, facts);
  if (policy.kind === 'unknown') return { value: 'unknown', property: undefined };
  const property = policy.kind === 'object' ? getProp(policy.value, name) : undefined;
  if (isAbsent(property)) return { value: fallback, property: undefined };
  const n = asInteger(property!.value);
  const inRange =
    n !== undefined && (catalog.minimum === undefined || n >= catalog.minimum) && (catalog.maximum === undefined || n <= catalog.maximum);
  return { value: inRange ? n : 'unknown', property };
}

export type RollingFlagName =
  'enableCrossZoneUpgrade' | 'prioritizeUnhealthyInstances' | 'rollbackFailedInstancesOnPolicyBreach' | 'maxSurge';

/** A boolean of the rolling policy; absent counts as false (the value every example response shows). */
export function rollingFlag(scaleSet: ScaleSetModel, facts: FactMemo, name: RollingFlagName): Setting<boolean> {
  const policy = rollingPolicy(scaleSet, facts);
  if (policy.kind === 'unknown') return { value: 'unknown', property: undefined };
  return booleanSetting(policy.kind === 'object' ? getProp(policy.value, name) : undefined, false);
}

/**
 * automaticOSUpgradePolicy.useRollingUpgradePolicy (default false, API 2022-03-01+). Without it automatic
 * OS upgrades use the built-in 20/20/20 policy, whatever rollingUpgradePolicy says (S1, §4.1 #11).
 */
function computeAosUsesRollingPolicy(scaleSet: ScaleSetModel): Setting<boolean> {
  if (scaleSet.upgradePolicy?.value.kind === 'unknown') return { value: 'unknown', property: scaleSet.upgradePolicy };
  const aos = scaleSet.automaticOSUpgradePolicy;
  if (aos?.value.kind === 'unknown') return { value: 'unknown', property: aos };
  return booleanSetting(getProp(aos?.value, 'useRollingUpgradePolicy'), false);
}

export const rollingPolicy = perScaleSet(computeRollingPolicy);
export const aosUsesRollingPolicy = perScaleSet(computeAosUsesRollingPolicy);
