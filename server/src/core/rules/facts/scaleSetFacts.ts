import type { RProperty, ScaleSetModel } from '../../model/templateModel';
import { getProp } from '../../model/values';
import { booleanSetting, enumSetting, isAbsent, type Setting } from './setting';
import { perScaleSet } from './memo';

/** Effective upgrade-related settings of a scale set, with ARM's defaults applied (reference §1, §2). */

export type UpgradeMode = 'Automatic' | 'Manual' | 'Rolling';
export type OrchestrationMode = 'Uniform' | 'Flexible';

/** upgradePolicy.mode; absent means Manual (S12). Unknown when upgradePolicy itself cannot be evaluated. */
function computeUpgradeMode(scaleSet: ScaleSetModel): Setting<UpgradeMode> {
  if (scaleSet.upgradePolicy?.value.kind === 'unknown') return { value: 'unknown', property: scaleSet.upgradePolicy };
  return enumSetting<UpgradeMode>(scaleSet.mode, ['Automatic', 'Manual', 'Rolling'], 'Manual');
}

/** properties.orchestrationMode; absent means Uniform (S11). */
function computeOrchestrationMode(scaleSet: ScaleSetModel): Setting<OrchestrationMode> {
  return enumSetting<OrchestrationMode>(scaleSet.orchestrationMode, ['Uniform', 'Flexible'], 'Uniform');
}

/**
 * Whether automatic OS image upgrade is on: automaticOSUpgradePolicy.enableAutomaticOSUpgrade, or the
 * legacy upgradePolicy.automaticOSUpgrade boolean (API 2017-03-30 … 2018-06-01). `property` is the
 * boolean that decides (or the policy object when that object cannot be evaluated).
 */
function computeAutomaticOsUpgrade(scaleSet: ScaleSetModel): Setting<boolean> {
  if (scaleSet.upgradePolicy?.value.kind === 'unknown') return { value: 'unknown', property: scaleSet.upgradePolicy };
  const policy = scaleSet.automaticOSUpgradePolicy;
  if (policy?.value.kind === 'unknown') return { value: 'unknown', property: policy };
  const modern = booleanSetting(getProp(policy?.value, 'enableAutomaticOSUpgrade'), false);
  const legacy = booleanSetting(scaleSet.legacyAutomaticOSUpgrade, false);
  if (modern.value === true || legacy.value === true) return modern.value === true ? modern : legacy;
  if (modern.value === 'unknown' || legacy.value === 'unknown') return modern.value === 'unknown' ? modern : legacy;
  return { value: false, property: modern.property ?? legacy.property };
}

/** automaticRepairsPolicy.enabled (default false). */
function computeAutomaticRepairs(scaleSet: ScaleSetModel): Setting<boolean> {
  const policy = scaleSet.automaticRepairsPolicy;
  if (policy?.value.kind === 'unknown') return { value: 'unknown', property: policy };
  return booleanSetting(getProp(policy?.value, 'enabled'), false);
}

/** properties.overprovision (default true, S14; the 2015-06-15 spelling overProvision matches case-insensitively). */
function computeOverprovision(scaleSet: ScaleSetModel): Setting<boolean> {
  return booleanSetting(scaleSet.overprovision, true);
}

/** properties.singlePlacementGroup (default true for Uniform). */
function computeSinglePlacementGroup(scaleSet: ScaleSetModel): Setting<boolean> {
  return booleanSetting(scaleSet.singlePlacementGroup, true);
}

/** windowsConfiguration.enableAutomaticUpdates (default true, §2). Unknown when windowsConfiguration cannot be evaluated. */
function computeWindowsAutomaticUpdates(scaleSet: ScaleSetModel): Setting<boolean> {
  const config = scaleSet.windowsConfiguration;
  if (config?.value.kind === 'unknown') return { value: 'unknown', property: config };
  return booleanSetting(getProp(config?.value, 'enableAutomaticUpdates'), true);
}

/** Where a finding about an absent setting points: the upgradePolicy key, else the properties key, else the resource. */
export function policyAnchor(scaleSet: ScaleSetModel): { readonly span: RProperty['keySpan'] } {
  if (!isAbsent(scaleSet.upgradePolicy)) return { span: scaleSet.upgradePolicy!.keySpan };
  if (scaleSet.properties) return { span: scaleSet.properties.keySpan };
  return { span: { offset: scaleSet.span.offset, length: 1 } };
}

export const upgradeMode = perScaleSet(computeUpgradeMode);
export const orchestrationMode = perScaleSet(computeOrchestrationMode);
export const automaticOsUpgrade = perScaleSet(computeAutomaticOsUpgrade);
export const automaticRepairs = perScaleSet(computeAutomaticRepairs);
export const overprovision = perScaleSet(computeOverprovision);
export const singlePlacementGroup = perScaleSet(computeSinglePlacementGroup);
export const windowsAutomaticUpdates = perScaleSet(computeWindowsAutomaticUpdates);
