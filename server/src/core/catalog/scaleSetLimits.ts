/**
 * How many instances one scale set may hold. The reference's §2 has the single-placement-group figure
 * (singlePlacementGroup true ⇒ at most 100 VMs, from the API's own description); the 1,000 figure is
 * from Learn, outside the reference's source table:
 * - "Working with large virtual machine scale sets" (Uniform): "a capacity of up to 1,000 VMs" when
 *   singlePlacementGroup is false; "a single placement group with a maximum size of 100 VMs".
 * - "Flexible orchestration for virtual machine scale sets": "up to 1000 VMs".
 *
 * Assumption, documented in docs/rules/capacity-out-of-range.md: when a Uniform scale set does not set
 * singlePlacementGroup, the limit taken is 1,000. Learn says a scale set is one placement group "by
 * default", but not whether Azure then refuses more than 100 instances or makes the set a large one
 * (UNVERIFIED), so the product does not guess the lower figure. Older pages gave lower limits for custom
 * images (100, 300, 600: they disagree); those are not applied.
 */
export const SCALE_SET_LIMITS = {
  /** Uniform with singlePlacementGroup false (or unset), and Flexible. */
  maxInstances: 1000,
  /** Uniform with singlePlacementGroup true: one placement group. */
  maxInstancesSinglePlacementGroup: 100,
  docs: {
    placementGroups: 'https://learn.microsoft.com/azure/virtual-machine-scale-sets/virtual-machine-scale-sets-placement-groups',
    flexible: 'https://learn.microsoft.com/azure/virtual-machine-scale-sets/virtual-machine-scale-sets-orchestration-modes',
  },
} as const;

export interface InstanceLimit {
  readonly max: number;
  /** Why this is the limit, for messages: "in one scale set" or "in a single placement group (singlePlacementGroup true)". */
  readonly where: string;
}

/** The most instances Azure accepts for this orchestration mode and singlePlacementGroup setting (undefined: not set or unknown). */
export function instanceLimit(orchestration: 'Uniform' | 'Flexible', singlePlacementGroup: boolean | undefined): InstanceLimit {
  if (orchestration === 'Uniform' && singlePlacementGroup === true) {
    return { max: SCALE_SET_LIMITS.maxInstancesSinglePlacementGroup, where: 'in a single placement group (singlePlacementGroup true)' };
  }
  return { max: SCALE_SET_LIMITS.maxInstances, where: 'in one scale set' };
}
