import { instanceLimit, type InstanceLimit } from '../catalog/scaleSetLimits';
import type { RValue, ScaleSetModel } from './templateModel';
import { asBoolean, asInteger, asString } from './values';

/**
 * sku.capacity, read one way for everything that uses it (the simulator and its input mapping, the rules'
 * batch maths, capacity-out-of-range, hovers, hints and lenses).
 */

/** sku.capacity as a whole number of instances, 0 or more; undefined when absent, unknown, or not such a number. */
export function capacityCount(value: RValue | undefined): number | undefined {
  const count = asInteger(value);
  return count !== undefined && count >= 0 ? count : undefined;
}

/** The instance limit that applies to this scale set (orchestration mode and singlePlacementGroup as written). */
export function instanceLimitOf(model: ScaleSetModel): InstanceLimit {
  const mode = asString(model.orchestrationMode?.value)?.trim().toLowerCase() === 'flexible' ? 'Flexible' : 'Uniform';
  return instanceLimit(mode, asBoolean(model.singlePlacementGroup?.value));
}
