import type { ScaleSetModel } from '../../model/templateModel';
import { asInteger } from '../../model/values';
import { perScaleSet } from '../facts/memo';
import { orchestrationMode } from '../facts/scaleSetFacts';
import { DEFAULT_ASSUMPTIONS } from '../../sim/assumptions';
import { baseBatchSize, planGroups } from '../../sim/batches';
import { expandFleet } from '../../sim/fleet';
import { simInputFromScaleSet } from '../../sim/fromScaleSet';
import type { FactMemo } from '../facts/memo';

/** Batch sizes as the simulator computes them, so rule messages and the preview agree. */

/**
 * The first batch: max(1, floor(N × percent / 100)) (assumption batchRounding), but never across the first
 * zone/update-domain group (assumption domainBoundaries=within: Uniform has 5 update domains, S4 §4.1 #7).
 */
export interface FirstBatch {
  readonly size: number;
  /** The size by percentage alone. */
  readonly base: number;
  /** Instances in the first group a batch may not leave. */
  readonly group: number;
  /** What the group is, for messages: "update or fault domain", or "zone and update or fault domain". */
  readonly groupLabel: string;
}

/** Rules ask for the same first batch more than once per scale set; the model is immutable, so keep it. */
const firstBatchCache = perScaleSet((): Map<string, FirstBatch> => new Map());

export function firstBatch(scaleSet: ScaleSetModel, facts: FactMemo, count: number, percent: number, crossZone: boolean): FirstBatch {
  const key = `${count}|${percent}|${crossZone}`;
  const cache = firstBatchCache(scaleSet, facts);
  const cached = cache.get(key);
  if (cached) return cached;
  // Scale sets that share the inputs the fleet layout depends on share the answer (templates with many
  // alike scale sets would otherwise build the same simulator input once each).
  const layoutKey = `${key}|${zonesKey(scaleSet)}|${orchestrationMode(scaleSet, facts).value}|${asInteger(scaleSet.platformFaultDomainCount?.value) ?? '-'}`;
  const computed = facts.byKey(`firstBatch|${layoutKey}`, () => computeFirstBatch(scaleSet, count, percent, crossZone));
  cache.set(key, computed);
  return computed;
}

function zonesKey(scaleSet: ScaleSetModel): string {
  const zones = scaleSet.zones;
  if (zones?.kind !== 'array') return zones?.kind ?? 'none';
  return zones.items.map((z) => (z.kind === 'string' || z.kind === 'number' ? String(z.value) : `?${z.kind}`)).join(',');
}

function computeFirstBatch(scaleSet: ScaleSetModel, count: number, percent: number, crossZone: boolean): FirstBatch {
  const a = DEFAULT_ASSUMPTIONS;
  const fleet = expandFleet(simInputFromScaleSet(scaleSet, { capacity: count }).input);
  const plan = planGroups(fleet, crossZone, a);
  const base = baseBatchSize(count, percent, a.batchRounding);
  const group = plan.groupStart.length > 1 ? plan.groupStart[1]! - plan.groupStart[0]! : count;
  const zonal = !crossZone && fleet.zoneNames.length > 0;
  return { size: Math.max(1, Math.min(base, group)), base, group, groupLabel: `${zonal ? 'zone and ' : ''}update or fault domain` };
}

export function zonesUnknown(scaleSet: ScaleSetModel): boolean {
  const zones = scaleSet.zones;
  return zones?.kind === 'unknown' || (zones?.kind === 'array' && zones.items.some((z) => z.kind === 'unknown'));
}

/** Whether larger batches would help: only up to the first zone/domain group. */
export function batchAdvice(minBatch: number, count: number, batch: FirstBatch): string {
  if (minBatch <= Math.min(count, batch.group)) return `, or use batches of at least ${minBatch} instances`;
  return minBatch <= count
    ? ` (larger batches do not help: a batch stays within one ${batch.groupLabel}, ${batch.group} instance${batch.group === 1 ? '' : 's'} here)`
    : '';
}
