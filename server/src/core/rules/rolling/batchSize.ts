import type { ScaleSetModel } from '../../model/templateModel';
import { asInteger } from '../../model/values';
import { perScaleSet } from '../facts/memo';
import { orchestrationMode } from '../facts/scaleSetFacts';
import { asString } from '../../model/values';
import { simInputFromScaleSet } from '../../sim/fromScaleSet';
import { planUpgrade } from '../../sim/plan';
import type { SimInput, UpgradePlan } from '../../sim/simData';
import type { FactMemo } from '../facts/memo';

/** Batch sizes from the simulator's plan (sim/plan.ts), so rule messages, the preview and every editor surface agree. */

/** The policy a rule judges: the template's rolling policy (defaults filled in) or the built-in one of OS upgrades. */
export interface JudgedPolicy {
  readonly maxBatchInstancePercent: number;
  readonly maxUnhealthyInstancePercent: number;
  readonly maxUnhealthyUpgradedInstancePercent: number;
  readonly enableCrossZoneUpgrade: boolean;
}

/** The first batch of the plan, and the plan. */
export interface FirstBatch {
  readonly size: number;
  /** The policy's batch size (the percentage alone). */
  readonly base: number;
  readonly plan: UpgradePlan;
  /** The simulator input the plan ran, for what-ifs (other thresholds, failure rates). */
  readonly input: SimInput;
}

/** Rules ask for the same first batch more than once per scale set; the model is immutable, so keep it. */
const firstBatchCache = perScaleSet((): Map<string, FirstBatch> => new Map());

export function firstBatch(scaleSet: ScaleSetModel, facts: FactMemo, count: number, policy: JudgedPolicy): FirstBatch {
  const key = `${count}|${policy.maxBatchInstancePercent}|${policy.maxUnhealthyInstancePercent}|${policy.maxUnhealthyUpgradedInstancePercent}|${policy.enableCrossZoneUpgrade}`;
  const cache = firstBatchCache(scaleSet, facts);
  const cached = cache.get(key);
  if (cached) return cached;
  // Scale sets that share the inputs the fleet layout depends on share the answer (templates with many
  // alike scale sets would otherwise build the same simulator input once each).
  const layoutKey = `${key}|${zonesKey(scaleSet)}|${orchestrationMode(scaleSet, facts).value}|${asInteger(scaleSet.platformFaultDomainCount?.value) ?? '-'}|${serviceFabricKey(scaleSet)}`;
  const computed = facts.byKey(`firstBatch|${layoutKey}`, () => computeFirstBatch(scaleSet, count, policy));
  cache.set(key, computed);
  return computed;
}

function zonesKey(scaleSet: ScaleSetModel): string {
  const zones = scaleSet.zones;
  if (zones?.kind !== 'array') return zones?.kind ?? 'none';
  return zones.items.map((z) => (z.kind === 'string' || z.kind === 'number' ? String(z.value) : `?${z.kind}`)).join(',');
}

function serviceFabricKey(scaleSet: ScaleSetModel): string {
  return scaleSet.extensions.some((e) => /servicefabric/i.test(asString(e.type) ?? '')) ? 'sf' : '-';
}

/** A rolling upgrade of a model change with this policy (mode Rolling), as the simulator plans it. */
export function policyInput(scaleSet: ScaleSetModel, count: number, policy: JudgedPolicy): SimInput {
  const input = simInputFromScaleSet(scaleSet, { capacity: count, trigger: 'model' }).input;
  return { ...input, mode: 'Rolling', rollingUpgradePolicy: { ...input.rollingUpgradePolicy, ...policy } };
}

function computeFirstBatch(scaleSet: ScaleSetModel, count: number, policy: JudgedPolicy): FirstBatch {
  const input = policyInput(scaleSet, count, policy);
  const plan = planUpgrade(input);
  return { size: plan.batches[0]?.size ?? 0, base: plan.batchSize, plan, input };
}

export function zonesUnknown(scaleSet: ScaleSetModel): boolean {
  const zones = scaleSet.zones;
  return zones?.kind === 'unknown' || (zones?.kind === 'array' && zones.items.some((z) => z.kind === 'unknown'));
}
