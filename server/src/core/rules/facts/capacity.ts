import type { RValue, ScaleSetModel } from '../../model/types';
import { asInteger } from '../../model/values';
import { perScaleSet } from './memo';

/** sku.capacity resolved to a whole number of instances, with the value it was read from. */
export interface InstanceCount {
  readonly count: number;
  readonly value: RValue;
}

/**
 * The scale set's instance count for batch maths. Undefined when sku.capacity is absent, an expression
 * the engine cannot evaluate, or not a non-negative integer: rules that need numbers stay silent then
 * (the simulator assumes 10 instead; rules do not guess).
 */
function computeInstanceCount(scaleSet: ScaleSetModel): InstanceCount | undefined {
  const value = scaleSet.capacity;
  const count = asInteger(value);
  return value !== undefined && count !== undefined && count >= 0 ? { count, value } : undefined;
}

export const instanceCount = perScaleSet(computeInstanceCount);
