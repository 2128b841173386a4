/**
 * The instance count the simulator works with. Every simulation's work and memory grow with it (typed
 * arrays per instance, events per instance, Monte Carlo trials × instances, the closed forms' tables), so
 * it never exceeds what Azure allows in one scale set: a template asking for more is a finding
 * (capacity-out-of-range), and the simulation runs at the limit and says so in its notes.
 */
import { SCALE_SET_LIMITS, type InstanceLimit } from '../catalog/scaleSetLimits';
import { capacityCount, instanceLimitOf } from '../model/capacity';
import type { ScaleSetModel } from '../model/templateModel';
import type { SimFleet } from './simData';

/** No simulated fleet is larger, whatever the input says (Azure's maximum per scale set). */
export const MAX_SIMULATED_INSTANCES = SCALE_SET_LIMITS.maxInstances;

/** The fleet size the engine builds: a whole number from 0 to MAX_SIMULATED_INSTANCES (NaN, negative → 0). */
export function simulatedFleetSize(capacity: number): number {
  if (!(capacity > 0)) return 0;
  return Math.min(MAX_SIMULATED_INSTANCES, Math.floor(capacity));
}

/**
 * The engine's note when the fleet it simulates is smaller than the capacity asked for: a template's count
 * above Azure's limit (`requestedCapacity`, mapped by fromScaleSet), or a direct input the engine clamps.
 */
export function capacityNote(fleet: SimFleet): string | undefined {
  const size = simulatedFleetSize(fleet.capacity);
  const requested = fleet.requestedCapacity;
  if (requested !== undefined && requested > size)
    return `sku.capacity ${requested} is more than Azure allows (${size} instances): simulated with ${size}.`;
  if (fleet.capacity === size) return undefined;
  if (fleet.capacity > size) return `Capacity ${fleet.capacity} is more than Azure allows (${size} instances): simulated with ${size}.`;
  return `Capacity ${fleet.capacity} is not a whole number of instances: simulated with ${size}.`;
}

export interface LimitedCapacity {
  /** Instances to simulate: at most the limit. */
  readonly count: number;
  /** The count asked for, when it was more than the limit. */
  readonly clampedFrom?: number;
  readonly limit: InstanceLimit;
}

/** `count` held to the scale set's limit. */
export function limitCapacity(count: number, limit: InstanceLimit): LimitedCapacity {
  return count > limit.max ? { count: limit.max, clampedFrom: count, limit } : { count, limit };
}

export interface ScaleSetCapacity extends LimitedCapacity {
  /** False when sku.capacity is missing, an expression we cannot evaluate, or not a whole number ≥ 0: `count` is then assumed. */
  readonly known: boolean;
}

/**
 * sku.capacity as every surface uses it (CodeLens, hover, hints, the preview, the CLI): a whole number ≥ 0
 * from the template, held to Azure's limit; else `assumed` (itself held to the limit).
 */
export function scaleSetCapacity(model: ScaleSetModel, assumed: number): ScaleSetCapacity {
  const limit = instanceLimitOf(model);
  const value = capacityCount(model.capacity);
  if (value !== undefined) return { ...limitCapacity(value, limit), known: true };
  return { ...limitCapacity(simulatedFleetSize(assumed), limit), known: false };
}
