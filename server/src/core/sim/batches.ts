/**
 * Batch construction. The static part is an ordered list of groups that a batch may not cross: custom-
 * metrics phase, then zone (unless enableCrossZoneUpgrade), then update/fault domain (assumption
 * domainBoundaries). The dynamic part takes the next batch of up to b_k instances from that order.
 */
import type { AssumptionValues } from './assumptions';
import type { Fleet } from './fleet';
import type { LimitReason } from './simData';
import { compareNatural } from '../text/naturalOrder';

/** max(1, rounding(N × percent / 100)); integer maths first so that 10 × 20 / 100 is exactly 2. */
export function baseBatchSize(instances: number, percent: number, rounding: AssumptionValues['batchRounding']): number {
  const scaled = instances * percent;
  const size = rounding === 'floor' ? Math.floor(scaled / 100) : rounding === 'ceil' ? Math.ceil(scaled / 100) : Math.round(scaled / 100);
  return Math.max(1, Math.min(instances, size));
}

/** b_k: the base size, shrunk by unhealthy instances when the assumption says so (never below 1). */
export function batchSizeNow(base: number, instances: number, maxUnhealthyPercent: number, unhealthy: number, shrink: boolean): number {
  if (!shrink) return base;
  const budget = Math.floor((instances * maxUnhealthyPercent) / 100) - unhealthy;
  return Math.max(1, Math.min(base, budget));
}

export interface BatchPlan {
  /** Instance positions in upgrade order. */
  readonly order: Int32Array;
  /** Start offset of each group in order; one extra entry at the end. */
  readonly groupStart: Int32Array;
  readonly groupPhase: Float64Array;
  /** Zone index of each group, or −1 when the group may span zones. */
  readonly groupZone: Int16Array;
  /** Domain of each group, or −1 when batches may span domains. */
  readonly groupDomain: Int16Array;
  /** What a domain boundary is called in `limitedBy`. */
  readonly domainReason: LimitReason;
}

/** Why a batch ends at the boundary after group g (the outermost key that changes: phase, zone, domain). */
export function boundaryReason(plan: BatchPlan, g: number): LimitReason {
  if (plan.groupPhase[g] !== plan.groupPhase[g + 1]) return 'phase';
  if (plan.groupZone[g] !== plan.groupZone[g + 1]) return 'zone';
  return plan.domainReason;
}

/** `flat` puts every instance in one group (mode Automatic: everything at once). */
export function planGroups(
  fleet: Fleet,
  crossZone: boolean,
  a: AssumptionValues,
  flat = false,
  domainReason: LimitReason = 'updateDomain',
): BatchPlan {
  const ids: number[] = [];
  for (let i = 0; i < fleet.size; i++) if (!fleet.excluded[i]) ids.push(i);
  const zoneRank = zoneRanks(fleet, ids, a.zoneOrder);
  const domainSign = a.domainOrder === 'ascending' ? 1 : -1;
  const phaseKey = (i: number) => (flat ? 0 : fleet.phase[i]!);
  const zoneKey = (i: number) => (flat || crossZone || fleet.zone[i]! < 0 ? -1 : zoneRank[fleet.zone[i]!]!);
  const domainKey = (i: number) => (!flat && a.domainBoundaries === 'within' ? domainSign * fleet.domain[i]! : 0);
  // Infinity − Infinity is NaN: compare phases without subtraction.
  const byPhase = (x: number, y: number) => (phaseKey(x) < phaseKey(y) ? -1 : phaseKey(x) > phaseKey(y) ? 1 : 0);
  ids.sort((x, y) => byPhase(x, y) || zoneKey(x) - zoneKey(y) || domainKey(x) - domainKey(y) || x - y);
  const starts: number[] = [];
  const phases: number[] = [];
  const zones: number[] = [];
  const domains: number[] = [];
  for (let k = 0; k < ids.length; k++) {
    const i = ids[k]!;
    const prev = k > 0 ? ids[k - 1]! : -1;
    if (k === 0 || phaseKey(i) !== phaseKey(prev) || zoneKey(i) !== zoneKey(prev) || domainKey(i) !== domainKey(prev)) {
      starts.push(k);
      phases.push(phaseKey(i));
      zones.push(zoneKey(i) === -1 ? -1 : fleet.zone[i]!);
      domains.push(!flat && a.domainBoundaries === 'within' ? fleet.domain[i]! : -1);
    }
  }
  starts.push(ids.length);
  return {
    order: Int32Array.from(ids),
    groupStart: Int32Array.from(starts),
    groupPhase: Float64Array.from(phases),
    groupZone: Int16Array.from(zones),
    groupDomain: Int16Array.from(domains),
    domainReason,
  };
}

function zoneRanks(fleet: Fleet, ids: readonly number[], order: AssumptionValues['zoneOrder']): number[] {
  const count = new Array(fleet.zoneNames.length).fill(0) as number[];
  for (const i of ids) if (fleet.zone[i]! >= 0) count[fleet.zone[i]!]!++;
  const zones = fleet.zoneNames.map((name, index) => ({ name, index }));
  zones.sort((x, y) => {
    if (order === 'largestFirst' && count[y.index] !== count[x.index]) return count[y.index]! - count[x.index]!;
    const byName = compareNatural(x.name, y.name);
    return order === 'descending' ? -byName : byName;
  });
  const rank = new Array(fleet.zoneNames.length).fill(0) as number[];
  zones.forEach((z, r) => (rank[z.index] = r));
  return rank;
}

const NO_LIMIT: readonly LimitReason[] = Object.freeze([]);

/** Walks a plan batch by batch. Mutable per-run state, owned by one run. */
export class BatchPicker {
  private group = 0;
  /** First position in order that may still be untaken. */
  private pos = 0;
  private remainingCount: number;
  /** Why the last batch `next` gave was smaller than asked (empty when it was not). */
  limit: readonly LimitReason[] = NO_LIMIT;

  /** `taken` is scratch space of the fleet's size, cleared here (reused across Monte Carlo trials). */
  constructor(
    private readonly plan: BatchPlan,
    private readonly taken: Uint8Array,
  ) {
    taken.fill(0);
    this.remainingCount = plan.order.length;
  }

  remaining(): number {
    return this.remainingCount;
  }

  /**
   * The next batch of at most `size` instances. With `unhealthyFirst`, untouched unhealthy instances of
   * the current phase go first (prioritizeUnhealthyInstances), still one zone at a time unless the plan
   * spans zones; domain boundaries do not hold for them.
   */
  next(size: number, unhealthy: Uint8Array | null, out: number[]): void {
    out.length = 0;
    this.limit = NO_LIMIT;
    const { order, groupStart, groupPhase, groupZone } = this.plan;
    while (this.pos < order.length && this.taken[order[this.pos]!]) this.pos++;
    if (this.pos >= order.length) return;
    while (groupStart[this.group + 1]! <= this.pos) this.group++;
    if (unhealthy) {
      const phase = groupPhase[this.group]!;
      let zone = -2;
      for (let g = this.group; g < groupPhase.length && groupPhase[g] === phase && out.length < size; g++) {
        if (zone !== -2 && groupZone[g] !== zone) continue;
        for (let k = groupStart[g]!; k < groupStart[g + 1]! && out.length < size; k++) {
          const i = order[k]!;
          if (this.taken[i] || !unhealthy[i]) continue;
          zone = groupZone[g]!;
          this.take(i, out);
        }
      }
      if (out.length > 0) {
        if (out.length < size) this.limit = this.remainingCount === 0 ? ['remaining'] : ['unhealthyFirst'];
        return;
      }
    }
    for (let k = this.pos; k < groupStart[this.group + 1]! && out.length < size; k++) {
      const i = order[k]!;
      if (!this.taken[i]) this.take(i, out);
    }
    if (out.length < size)
      this.limit = [
        // Service Fabric's walk is one update domain per batch, the last one too.
        this.plan.domainReason === 'serviceFabricUpdateDomain'
          ? 'serviceFabricUpdateDomain'
          : this.remainingCount === 0
            ? 'remaining'
            : boundaryReason(this.plan, this.group),
      ];
  }

  private take(i: number, out: number[]): void {
    this.taken[i] = 1;
    this.remainingCount--;
    out.push(i);
  }
}
