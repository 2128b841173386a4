import type { RValue, ScaleSetModel } from '../../model/templateModel';
import { capacityCount, instanceLimitOf } from '../../model/capacity';
import { perScaleSet } from './memo';

/** sku.capacity resolved to a whole number of instances, with the value it was read from. */
export interface InstanceCount {
  readonly count: number;
  readonly value: RValue;
}

/**
 * The scale set's instance count for batch maths. Undefined when sku.capacity is absent, an expression
 * the engine cannot evaluate, not a non-negative integer, or more than Azure allows in the scale set:
 * rules that need numbers stay silent then (the simulator assumes 10, or holds the count to the limit;
 * rules do not guess, and capacity-out-of-range reports the count itself).
 */
function computeInstanceCount(scaleSet: ScaleSetModel): InstanceCount | undefined {
  const value = scaleSet.capacity;
  const count = capacityCount(value);
  if (value === undefined || count === undefined || count > instanceLimitOf(scaleSet).max) return undefined;
  return { count, value };
}

export const instanceCount = perScaleSet(computeInstanceCount);
