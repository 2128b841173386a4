import { DEFAULT_ASSUMPTIONS } from '../../../../server/src/core/sim/assumptions';
import { DEFAULT_FAILURES, DEFAULT_TIMINGS, defaultFleet, defaultInput } from '../../../../server/src/core/sim/defaults';
import type { AssumptionValues } from '../../../../server/src/core/sim/assumptions';
import type { FailureModel, RollingPolicyInput, SimFleet, SimInput, SimTimings } from '../../../../server/src/core/sim/simData';

export interface Patch extends Partial<Omit<SimInput, 'fleet' | 'failures' | 'timings' | 'assumptions' | 'rollingUpgradePolicy'>> {
  fleet?: Partial<SimFleet>;
  failures?: Partial<FailureModel>;
  timings?: Partial<SimTimings>;
  assumptions?: Partial<AssumptionValues>;
  rollingUpgradePolicy?: RollingPolicyInput;
}

/** A default input with nested patches: a Rolling model update of 10 instances, health probe, no failures. */
export function input(patch: Patch = {}): SimInput {
  const { fleet, failures, timings, assumptions, ...rest } = patch;
  return defaultInput({
    ...rest,
    fleet: { ...defaultFleet(fleet?.capacity ?? 10), ...fleet },
    failures: { ...DEFAULT_FAILURES, ...failures },
    timings: { ...DEFAULT_TIMINGS, ...timings },
    assumptions: { ...DEFAULT_ASSUMPTIONS, ...assumptions },
  });
}

export const ids = (batch: { members: readonly { id: number }[] }) => batch.members.map((m) => m.id);
