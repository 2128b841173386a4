/**
 * Expands a fleet description into per-instance facts the engine indexes by position: zone, update or
 * fault domain, phase, protection, fixed failures. Instance ids are 0…N−1 as in a new Uniform scale set.
 */
import { simulatedFleetSize } from './capacity';
import { UNIFORM_UPDATE_DOMAINS } from './defaults';
import type { SimInput } from './simData';

export interface Fleet {
  readonly size: number;
  readonly zoneNames: readonly string[];
  /** Index into zoneNames, or −1 for a regional scale set. */
  readonly zone: Int16Array;
  readonly domain: Int16Array;
  /** Custom-metrics phase; instances without one share the last phase (S8). */
  readonly phase: Float64Array;
  readonly hasPhases: boolean;
  /** Not upgraded at all: protected from scale-set actions, or SkipUpgrade. */
  readonly excluded: Uint8Array;
  readonly excludedReason: readonly (string | undefined)[];
  /** Always fails its health check after the upgrade (failing list, bad image). */
  readonly alwaysFails: Uint8Array;
  /** Fixed pre-existing unhealthy instances (when given as ids or per-instance overrides). */
  readonly fixedUnhealthy: Uint8Array;
  /** How many more pre-existing unhealthy instances to draw from the seed. */
  readonly randomUnhealthy: number;
}

export function expandFleet(input: SimInput): Fleet {
  // Bounded whatever the input says: every array here, and so every run and trial, is O(n).
  const n = simulatedFleetSize(input.fleet.capacity);
  // Instances go round-robin over the zones, so zones past the n-th hold none (and would only cost time).
  const zoneNames = input.fleet.zones.slice(0, Math.max(1, n));
  // Uniform: 5 update domains (regional); per zone the count is not documented (assumption updateDomainsPerZone).
  const domains =
    input.orchestrationMode === 'Flexible'
      ? Math.max(1, Math.floor(input.fleet.faultDomainCount))
      : zoneNames.length > 0 && input.assumptions.updateDomainsPerZone === 'one'
        ? 1
        : UNIFORM_UPDATE_DOMAINS;
  const zone = new Int16Array(n);
  const domain = new Int16Array(n);
  const phase = new Float64Array(n).fill(Number.POSITIVE_INFINITY);
  const excluded = new Uint8Array(n);
  const excludedReason: (string | undefined)[] = new Array(n).fill(undefined);
  const alwaysFails = new Uint8Array(n);
  const fixedUnhealthy = new Uint8Array(n);
  const perZone = new Array(Math.max(1, zoneNames.length)).fill(0) as number[];
  for (let i = 0; i < n; i++) {
    const z = zoneNames.length > 0 ? i % zoneNames.length : -1;
    const indexInZone = perZone[Math.max(0, z)]!++;
    zone[i] = z;
    domain[i] = indexInZone % domains;
  }
  let hasPhases = false;
  let maxPhase = Number.NEGATIVE_INFINITY;
  for (const o of input.fleet.overrides) {
    if (o.id < 0 || o.id >= n) continue;
    if (o.phaseOrderingNumber !== undefined) {
      phase[o.id] = o.phaseOrderingNumber;
      hasPhases = true;
      maxPhase = Math.max(maxPhase, o.phaseOrderingNumber);
    }
    if (o.protectedFromScaleSetActions) {
      excluded[o.id] = 1;
      excludedReason[o.id] = 'protected from scale-set actions';
    } else if (o.skipUpgrade) {
      excluded[o.id] = 1;
      excludedReason[o.id] = 'SkipUpgrade (custom metrics)';
    }
    if (o.unhealthy) fixedUnhealthy[o.id] = 1;
    if (o.fails) alwaysFails[o.id] = 1;
  }
  for (const id of input.failures.failingInstances) if (id >= 0 && id < n) alwaysFails[id] = 1;
  if (input.failures.badImage) alwaysFails.fill(1);
  let randomUnhealthy = 0;
  const unhealthy = input.fleet.unhealthy;
  if (typeof unhealthy === 'number') {
    let fixed = 0;
    for (let i = 0; i < n; i++) fixed += fixedUnhealthy[i]!;
    randomUnhealthy = Math.max(0, Math.min(n - fixed, Math.floor(unhealthy) - fixed));
  } else {
    for (const id of unhealthy) if (id >= 0 && id < n) fixedUnhealthy[id] = 1;
  }
  return {
    size: n,
    zoneNames,
    zone,
    domain,
    phase,
    hasPhases: hasPhases && maxPhase > Number.NEGATIVE_INFINITY,
    excluded,
    excludedReason,
    alwaysFails,
    fixedUnhealthy,
    randomUnhealthy,
  };
}
