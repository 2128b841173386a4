/**
 * The outcome in Azure's own shapes (azure-upgrade-policy.md §4.6): GET …/rollingUpgrades/latest
 * (RollingUpgradeStatusInfo) and one GET …/osUpgradeHistory entry. The start time only stamps these.
 */
import { INSTANCE_UNHEALTHY } from './messages';
import type { SimInput, SimRun } from './simData';

const TYPE = 'Microsoft.Compute/virtualMachineScaleSets/rollingUpgrades';

export function startEpochMs(start: string | number): number {
  if (typeof start === 'number') return start;
  const ms = Date.parse(start);
  if (Number.isNaN(ms)) throw new Error(`start time '${start}' is not an ISO 8601 date-time`);
  return ms;
}

export function isoAt(input: SimInput, seconds: number): string {
  return new Date(startEpochMs(input.startTime) + Math.round(seconds * 1000)).toISOString();
}

function runningCode(run: SimRun): string {
  return run.status === 'NotStarted' ? 'RollingForward' : run.status;
}

function progress(run: SimRun) {
  return {
    successfulInstanceCount: run.upgraded,
    failedInstanceCount: run.failed,
    inProgressInstanceCount: 0,
    pendingInstanceCount: run.pending,
  };
}

function apiError(run: SimRun, input: SimInput) {
  if (!run.errorCode) return undefined;
  const failed = run.batches.flatMap((b) => b.members.filter((m) => m.outcome !== 'upgraded').map((m) => m.id));
  return {
    code: run.errorCode,
    message: run.message,
    details: failed.slice(0, 10).map((id) => ({
      code: 'RollingUpgradeInstanceUnhealthyError',
      target: `${input.scaleSetName}/virtualMachines/${id}`,
      message: INSTANCE_UNHEALTHY,
    })),
  };
}

/** GET …/rollingUpgrades/latest after the run; null when no rolling upgrade runs (mode Manual or Automatic model updates). */
export function rollingUpgradeStatus(run: SimRun, input: SimInput): object | null {
  if (run.strategy !== 'rolling') return null;
  const end = isoAt(input, run.durationSeconds);
  return {
    type: TYPE,
    ...(input.location ? { location: input.location } : {}),
    properties: {
      policy: {
        maxBatchInstancePercent: run.policy.maxBatchInstancePercent,
        maxUnhealthyInstancePercent: run.policy.maxUnhealthyInstancePercent,
        maxUnhealthyUpgradedInstancePercent: run.policy.maxUnhealthyUpgradedInstancePercent,
        pauseTimeBetweenBatches: `PT${run.policy.pauseTimeBetweenBatchesSeconds}S`,
        enableCrossZoneUpgrade: run.policy.enableCrossZoneUpgrade,
        prioritizeUnhealthyInstances: run.policy.prioritizeUnhealthyInstances,
        rollbackFailedInstancesOnPolicyBreach: run.policy.rollbackFailedInstancesOnPolicyBreach,
        maxSurge: run.policy.maxSurge,
      },
      runningStatus: {
        code: runningCode(run),
        startTime: isoAt(input, 0),
        lastAction: run.status === 'Cancelled' ? 'Cancel' : 'Start',
        lastActionTime: run.status === 'Cancelled' ? end : isoAt(input, 0),
      },
      progress: progress(run),
      ...(run.errorCode ? { error: apiError(run, input) } : {}),
    },
  };
}

/** One osUpgradeHistory entry; null for model updates (the history lists OS image upgrades only). */
export function osUpgradeHistoryEntry(run: SimRun, input: SimInput): object | null {
  if (input.trigger === 'model' || run.strategy !== 'rolling') return null;
  return {
    type: TYPE,
    ...(input.location ? { location: input.location } : {}),
    properties: {
      runningStatus: { code: runningCode(run), startTime: isoAt(input, 0), endTime: isoAt(input, run.durationSeconds) },
      progress: progress(run),
      ...(run.errorCode ? { error: apiError(run, input) } : {}),
      startedBy: input.trigger === 'aos' ? 'Platform' : 'User',
      targetImageReference: input.targetImageReference ?? {},
      rollbackInfo: { successfullyRolledbackInstanceCount: run.rolledBack, failedRolledbackInstanceCount: 0 },
    },
  };
}
