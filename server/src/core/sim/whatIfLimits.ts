/**
 * What a what-if input may be, for every surface that takes one (CLI options, the preview's fields): a value
 * outside these makes no sense, and gets a clear error there, never a crash or a silent clamp.
 */
import { MAX_SIMULATED_INSTANCES } from './capacity';
import { count } from '../text/plural';

export interface WhatIfLimit {
  /** How the problem names the input: "capacity", "failure rate". */
  readonly label: string;
  readonly min: number;
  readonly max: number;
  readonly integer: boolean;
  /** "instances", "seconds", "" (a probability). */
  readonly unit: string;
  /** Why the bounds are what they are, when it is not obvious. */
  readonly why?: string;
}

export type WhatIfNumber = 'capacity' | 'unhealthy' | 'failureRate' | 'flapProbability' | 'upgradeSeconds' | 'healthySeconds' | 'seed';

export const WHAT_IF_LIMITS: Readonly<Record<WhatIfNumber, WhatIfLimit>> = {
  capacity: {
    label: 'capacity',
    min: 1,
    max: MAX_SIMULATED_INSTANCES,
    integer: true,
    unit: 'instances',
    why: 'an upgrade of no instance has nothing to simulate, and Azure allows at most 1,000 in a scale set',
  },
  unhealthy: { label: 'unhealthy instances', min: 0, max: MAX_SIMULATED_INSTANCES, integer: true, unit: 'instances' },
  failureRate: { label: 'failure rate', min: 0, max: 1, integer: false, unit: '', why: 'it is a probability' },
  flapProbability: { label: 'flapping probability', min: 0, max: 1, integer: false, unit: '', why: 'it is a probability' },
  upgradeSeconds: { label: 'time to upgrade', min: 0, max: 86_400, integer: true, unit: 'seconds', why: 'a time cannot be negative' },
  healthySeconds: {
    label: 'time to become healthy',
    min: 0,
    max: 86_400,
    integer: true,
    unit: 'seconds',
    why: 'a time cannot be negative',
  },
  seed: { label: 'seed', min: 0, max: Number.MAX_SAFE_INTEGER, integer: true, unit: '' },
};

/** "a whole number of instances from 1 to 1000", "a number from 0 to 1". */
export function expected(limit: WhatIfLimit, scale = 1, unit = limit.unit): string {
  const kind = limit.integer ? 'a whole number' : 'a number';
  return `${kind}${unit ? ` of ${unit}` : ''} from ${limit.min * scale} to ${limit.max * scale}`;
}

export function inRange(limit: WhatIfLimit, value: number): boolean {
  return Number.isFinite(value) && value >= limit.min && value <= limit.max && (!limit.integer || Number.isInteger(value));
}

/**
 * Why `value` makes no sense for this input, or undefined when it does. `capacity` is the fleet the value
 * applies to: unhealthy instances cannot outnumber it.
 */
export function whatIfProblem(key: WhatIfNumber, value: number, capacity?: number): string | undefined {
  const limit = WHAT_IF_LIMITS[key];
  if (!inRange(limit, value)) return `${limit.label} must be ${expected(limit)}${limit.why ? `: ${limit.why}` : ''}`;
  if (key === 'unhealthy' && capacity !== undefined && value > capacity)
    return `unhealthy instances (${value}) cannot be more than the capacity (${count(capacity, 'instance')})`;
  return undefined;
}
