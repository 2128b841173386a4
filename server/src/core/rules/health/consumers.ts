import type { RProperty, ScaleSetModel } from '../../model/templateModel';
import { getProp } from '../../model/values';
import { automaticOsUpgrade, automaticRepairs, booleanSetting, upgradeMode, type Setting } from '../facts';
import type { RelatedInformation } from '../ruleTypes';
import type { FactMemo } from '../facts/memo';

/** What uses a scale set's health signal: rolling upgrades, automatic OS upgrades, automatic repairs (§3.2), zone rebalancing. */
export interface HealthConsumer {
  readonly key: 'rolling' | 'aos' | 'repairs' | 'rebalancing';
  readonly what: string;
  readonly property: RProperty;
}

/** Rolling mode as a boolean setting. */
export function rollingOn(scaleSet: ScaleSetModel, facts: FactMemo): Setting<boolean> {
  const mode = upgradeMode(scaleSet, facts);
  return { value: mode.value === 'unknown' ? 'unknown' : mode.value === 'Rolling', property: mode.property };
}

/** resiliencyPolicy.automaticZoneRebalancingPolicy.enabled (default false); unknown when an expression decides. */
export function zoneRebalancing(scaleSet: ScaleSetModel, _facts: FactMemo): Setting<boolean> {
  const resiliency = scaleSet.resiliencyPolicy;
  if (resiliency?.value.kind === 'unknown') return { value: 'unknown', property: resiliency };
  const policy = getProp(resiliency?.value, 'automaticZoneRebalancingPolicy');
  if (policy?.value.kind === 'unknown') return { value: 'unknown', property: policy };
  return booleanSetting(getProp(policy?.value, 'enabled'), false);
}

const CONSUMERS: readonly {
  readonly key: HealthConsumer['key'];
  readonly what: string;
  readonly setting: (s: ScaleSetModel, facts: FactMemo) => Setting<boolean>;
}[] = [
  { key: 'aos', what: 'automatic OS image upgrade', setting: automaticOsUpgrade },
  { key: 'rolling', what: 'upgrade mode Rolling', setting: rollingOn },
  { key: 'repairs', what: 'automatic repairs', setting: automaticRepairs },
  { key: 'rebalancing', what: 'automatic zone rebalancing', setting: zoneRebalancing },
];

/** The consumers that are on for certain; `unknown` when some cannot be evaluated. */
export function healthConsumers(
  scaleSet: ScaleSetModel,
  facts: FactMemo,
): { readonly on: readonly HealthConsumer[]; readonly unknown: boolean } {
  const on: HealthConsumer[] = [];
  let unknown = false;
  for (const c of CONSUMERS) {
    const setting = c.setting(scaleSet, facts);
    if (setting.value === true && setting.property) on.push({ key: c.key, what: c.what, property: setting.property });
    else if (setting.value === 'unknown') unknown = true;
  }
  return { on, unknown };
}

export function consumerList(on: readonly HealthConsumer[]): string {
  const names = on.map((c) => c.what);
  return names.length <= 1 ? names.join('') : `${names.slice(0, -1).join(', ')} and ${names[names.length - 1]}`;
}

export function consumerRelated(on: readonly HealthConsumer[]): RelatedInformation[] {
  return on.map((c) => ({ span: c.property.value.span, message: `${c.what[0]!.toUpperCase()}${c.what.slice(1)} is turned on here.` }));
}
