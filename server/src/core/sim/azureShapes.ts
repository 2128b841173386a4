/**
 * The outcome in Azure's own shapes (compute-api-2026.md §6, 2026-04-01): GET …/rollingUpgrades/latest
 * (RollingUpgradeStatusInfo, after the run or at a moment of it) and GET …/osUpgradeHistory
 * (`{ value: [ … ] }`). The start time only stamps these. Resource ids keep every segment; what a template
 * cannot know (subscription, resource group, a name from an expression) is a `{placeholder}`.
 */
import { parseResourceId } from '../expressions/resourceIds';
import { IN_PROGRESS_WITH_FAILURES, INSTANCE_UNHEALTHY } from './messages';
import { imageVersionPinned, targetVersionOf } from './targetImage';
import type { SimBatch, SimInput, SimRun } from './simData';

const TYPE = 'Microsoft.Compute/virtualMachineScaleSets/rollingUpgrades';
const SUBSCRIPTION = '{subscriptionId}';
const RESOURCE_GROUP = '{resourceGroupName}';

/** A resource name as the template gives it, or a placeholder when it is an expression or not a plain name. */
function nameSegment(name: string, placeholder: string): string {
  return /^[A-Za-z0-9][A-Za-z0-9._-]*$/.test(name) ? name : placeholder;
}

export function scaleSetResourceId(input: SimInput): string {
  return `/subscriptions/${SUBSCRIPTION}/resourceGroups/${RESOURCE_GROUP}/providers/Microsoft.Compute/virtualMachineScaleSets/${nameSegment(input.scaleSetName, '{vmScaleSetName}')}`;
}

/** A resource id from the template with every segment: a missing subscription or resource group becomes its placeholder. */
export function fullResourceId(id: string): string {
  const parts = parseResourceId(id);
  if (!parts || /^\/subscriptions\//i.test(id)) return id;
  const rest = id.slice(id.toLowerCase().indexOf('/providers/'));
  return `/subscriptions/${parts.subscriptionId ?? SUBSCRIPTION}/resourceGroups/${parts.resourceGroup ?? RESOURCE_GROUP}${rest}`;
}

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

/** When the run stopped going forward: its halt, or the end. */
function haltTime(run: SimRun): number {
  return run.events.find((e) => e.kind === 'halt')?.t ?? run.durationSeconds;
}

/**
 * The run as GET …/rollingUpgrades/latest reads `seconds` into it, batch by batch: batches that ended count
 * their outcomes, the batch under way is in progress, the rest pending. While failed instances of ended
 * batches are left and the rollout goes on, the error is RollingUpgradeInProgressWithFailedUpgradedVMs; after
 * a halt, rollbacks of rollbackFailedInstancesOnPolicyBreach read RollingBack (new in 2026-04-01).
 */
function momentOf(run: SimRun, seconds: number) {
  const halted = haltTime(run);
  let successful = 0;
  let failed = 0;
  let inProgress = 0;
  const failedIds: number[] = [];
  const ended = (b: SimBatch) => b.endSeconds <= seconds;
  for (const b of run.batches) {
    if (b.startSeconds > seconds) continue;
    if (!ended(b)) {
      inProgress += b.members.length;
      continue;
    }
    for (const m of b.members) {
      // Rolled back during the run (automatic OS rollback) or still failed; a breach rollback is after the halt.
      if (m.outcome === 'upgraded') successful++;
      else {
        failed++;
        failedIds.push(m.id);
      }
    }
  }
  const total = run.upgraded + run.failed + run.pending;
  const code = run.errorCode && seconds >= halted ? (seconds < run.durationSeconds ? 'RollingBack' : 'Faulted') : 'RollingForward';
  return {
    code,
    progress: {
      successfulInstanceCount: successful,
      failedInstanceCount: failed,
      inProgressInstanceCount: inProgress,
      pendingInstanceCount: Math.max(0, total - successful - failed - inProgress),
    },
    failedIds,
  };
}

function apiError(run: SimRun, input: SimInput) {
  if (!run.errorCode) return undefined;
  const failed = run.batches.flatMap((b) => b.members.filter((m) => m.outcome !== 'upgraded').map((m) => m.id));
  return {
    code: run.errorCode,
    message: run.message,
    details: failed.slice(0, 10).map((id) => instanceDetail(input, id)),
  };
}

/**
 * GET …/rollingUpgrades/latest after the run, or `atSeconds` into it; null when no rolling upgrade runs
 * (mode Manual, Automatic model updates, a refused osRollingUpgrade call).
 */
export function rollingUpgradeStatus(run: SimRun, input: SimInput, atSeconds?: number): object | null {
  if (run.strategy !== 'rolling' || run.errorCode === 'OperationNotAllowed' || run.status === 'Blocked') return null;
  const end = isoAt(input, run.durationSeconds);
  const identity = {
    id: `${scaleSetResourceId(input)}/rollingUpgrades/latest`,
    name: 'latest',
    type: TYPE,
    ...(input.location ? { location: input.location } : {}),
  };
  if (atSeconds !== undefined && atSeconds < run.durationSeconds) return statusAt(run, input, Math.max(0, atSeconds), identity);
  return {
    ...identity,
    properties: {
      policy: policyOf(run),
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

function statusAt(run: SimRun, input: SimInput, seconds: number, identity: object): object {
  const m = momentOf(run, seconds);
  const withFailures = m.code === 'RollingForward' && m.failedIds.length > 0;
  const breach = m.code !== 'RollingForward' ? apiError(run, input) : undefined;
  return {
    ...identity,
    properties: {
      policy: policyOf(run),
      runningStatus: { code: m.code, startTime: isoAt(input, 0), lastAction: 'Start', lastActionTime: isoAt(input, 0) },
      progress: m.progress,
      ...(withFailures
        ? {
            error: {
              code: IN_PROGRESS_WITH_FAILURES,
              message: inProgressText(run, seconds),
              details: m.failedIds.slice(0, 10).map((id) => instanceDetail(input, id)),
            },
          }
        : breach
          ? { error: breach }
          : {}),
    },
  };
}

/** The detail of the last continueWithFailures event at or before `seconds` (our sentence: Azure's text is not published). */
function inProgressText(run: SimRun, seconds: number): string {
  const events = run.events.filter((e) => e.kind === 'continueWithFailures' && e.t <= seconds);
  const last = events[events.length - 1];
  return last ? last.detail.slice(IN_PROGRESS_WITH_FAILURES.length + 2) : 'Some upgraded instances failed; the rolling upgrade goes on.';
}

function policyOf(run: SimRun) {
  return {
    maxBatchInstancePercent: run.policy.maxBatchInstancePercent,
    maxUnhealthyInstancePercent: run.policy.maxUnhealthyInstancePercent,
    maxUnhealthyUpgradedInstancePercent: run.policy.maxUnhealthyUpgradedInstancePercent,
    pauseTimeBetweenBatches: `PT${run.policy.pauseTimeBetweenBatchesSeconds}S`,
    enableCrossZoneUpgrade: run.policy.enableCrossZoneUpgrade,
    prioritizeUnhealthyInstances: run.policy.prioritizeUnhealthyInstances,
    rollbackFailedInstancesOnPolicyBreach: run.policy.rollbackFailedInstancesOnPolicyBreach,
    maxSurge: run.policy.maxSurge,
  };
}

function instanceDetail(input: SimInput, id: number) {
  return {
    code: 'RollingUpgradeInstanceUnhealthyError',
    target: `${input.scaleSetName}/virtualMachines/${id}`,
    message: INSTANCE_UNHEALTHY,
  };
}

/** The image the history entry names: the template's, at the what-if's target version, with full resource ids. */
function targetImage(input: SimInput): Record<string, string> {
  const ref: Record<string, string> = {};
  for (const [key, value] of Object.entries(input.targetImageReference ?? {}))
    ref[key] = /id$/i.test(key) && value.startsWith('/') ? fullResourceId(value) : value;
  const platform = Object.keys(ref).some((k) => k.toLowerCase() === 'publisher');
  if (platform && !imageVersionPinned(input.targetImageReference)) {
    for (const k of Object.keys(ref)) if (k.toLowerCase() === 'version') delete ref[k];
    ref['version'] = targetVersionOf(input);
  }
  return ref;
}

/** GET …/osUpgradeHistory: `{ value: [ … ] }`, this run's entry; null for model updates (the history lists OS image upgrades only). */
export function osUpgradeHistory(run: SimRun, input: SimInput): { value: object[] } | null {
  const entry = osUpgradeHistoryEntry(run, input);
  return entry === null ? null : { value: [entry] };
}

/** One osUpgradeHistory entry; null for model updates (the history lists OS image upgrades only) and refused calls. */
export function osUpgradeHistoryEntry(run: SimRun, input: SimInput): object | null {
  if (input.trigger === 'model' || run.strategy !== 'rolling' || run.errorCode === 'OperationNotAllowed' || run.status === 'Blocked')
    return null;
  return {
    type: TYPE,
    ...(input.location ? { location: input.location } : {}),
    properties: {
      runningStatus: { code: runningCode(run), startTime: isoAt(input, 0), endTime: isoAt(input, run.durationSeconds) },
      progress: progress(run),
      ...(run.errorCode ? { error: apiError(run, input) } : {}),
      startedBy: input.trigger === 'aos' ? 'Platform' : 'User',
      targetImageReference: targetImage(input),
      rollbackInfo: { successfullyRolledbackInstanceCount: run.rolledBack, failedRolledbackInstanceCount: 0 },
    },
  };
}
