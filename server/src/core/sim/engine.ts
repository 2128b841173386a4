/**
 * The step loop: pre-batch gate → batch → post-batch check → pause, until every instance is done, a
 * gate halts the upgrade, or it is cancelled. One function serves both the full run (with a Recorder)
 * and Monte Carlo trials (without), so the two can never disagree.
 */
import { prepareApprovals, recordWait } from './approvals';
import { BatchPicker, baseBatchSize, batchSizeNow, planGroups } from './batches';
import { runInPlace, runSurge, rollBack } from './batchStep';
import { triggerPlan } from './defaults';
import { expandFleet } from './fleet';
import { gateDetail, makeGate } from './gates';
import { IN_PROGRESS_WITH_FAILURES, formatPercent, inProgressWithFailuresMessage } from './messages';
import { upgradeTimeoutSeconds } from './assumptions';
import { osRollingUpgradeRefused } from './targetImage';
import { AFTER_HALT_PRIORITY, POST_GATE_PRIORITY, Recorder } from './recorder';
import { NEW_BAD } from './runState';
import { drawTrial, flapCount } from './trial';
import type { Mutable, Prepared, RunState } from './runState';
import type { AssumptionValues } from './assumptions';
import type { BatchPlan } from './batches';
import type { TriggerPlan } from './defaults';
import type { Fleet } from './fleet';
import type { Rng } from './rng';
import type {
  ApprovalWait,
  BatchMember,
  GateResult,
  HaltCode,
  LifecycleHookType,
  LimitReason,
  RunStatus,
  SimBatch,
  SimInput,
} from './simData';
import { count } from '../text/plural';

export function prepare(input: SimInput): Prepared {
  const a = input.assumptions;
  const plan = triggerPlan(input, a);
  const fleet = expandFleet(input);
  const flat = plan.strategy === 'allAtOnce';
  const groups = plan.serviceFabricWalk
    ? planGroups(fleet, plan.policy.enableCrossZoneUpgrade, { ...a, domainBoundaries: 'within' }, false, 'serviceFabricUpdateDomain')
    : planGroups(
        fleet,
        plan.policy.enableCrossZoneUpgrade,
        a,
        flat,
        input.orchestrationMode === 'Flexible' ? 'faultDomain' : 'updateDomain',
      );
  const baseBatch = flat ? Math.max(1, fleet.size) : baseBatchSize(fleet.size, plan.policy.maxBatchInstancePercent, a.batchRounding);
  let fixedUnhealthyCount = 0;
  for (let i = 0; i < fleet.size; i++) fixedUnhealthyCount += fleet.fixedUnhealthy[i]!;
  const identity = new Int32Array(fleet.size);
  for (let i = 0; i < fleet.size; i++) identity[i] = i;
  const stayFailed =
    input.firstBatchFails !== undefined && plan.strategy !== 'manual' ? firstBatchOf(fleet, groups, plan, baseBatch, a) : null;
  if (stayFailed) for (let i = 0; i < fleet.size; i++) if (stayFailed[i]) fleet.alwaysFails[i] = 1;
  const refused = osRollingUpgradeRefused(input, fleet);
  return {
    input,
    plan,
    a,
    fleet,
    groups,
    baseBatch,
    fixedUnhealthyCount,
    identity,
    stayFailed,
    refused,
    timeoutSeconds: upgradeTimeoutSeconds(a),
    approvals: prepareApprovals(input, plan.strategy),
  };
}

/** The instances of the first batch (no instance unhealthy yet), as the step loop will pick them. */
function firstBatchOf(fleet: Fleet, groups: BatchPlan, plan: TriggerPlan, baseBatch: number, a: AssumptionValues): Uint8Array {
  const out: number[] = [];
  const size =
    plan.strategy === 'rolling'
      ? batchSizeNow(baseBatch, fleet.size, plan.policy.maxUnhealthyInstancePercent, 0, a.batchShrinksWithUnhealthy === 'yes')
      : baseBatch;
  new BatchPicker(groups, new Uint8Array(fleet.size)).next(size, null, out);
  const marks = new Uint8Array(fleet.size);
  for (const i of out) marks[i] = 1;
  return marks;
}

export interface TrialResult {
  readonly status: RunStatus;
  readonly errorCode: HaltCode | null;
  /** The gate that halted the upgrade, with its numbers. */
  readonly haltGate: GateResult | null;
  readonly durationSeconds: number;
  readonly minServing: number;
  readonly maxTotal: number;
  readonly attempted: number;
  readonly upgraded: number;
  readonly failed: number;
  readonly rolledBack: number;
  readonly batches: number;
  readonly firstFailed: number | null;
  /** Seconds spent waiting for approval. */
  readonly waitSeconds: number;
  /** The lifecycle hook whose Reject stopped the upgrade (status Cancelled). */
  readonly rejectedBy: LifecycleHookType | null;
}

/** The batches and waits of a run: what its plan reads (plan.ts). */
export interface PlanLog {
  readonly batches: SimBatch[];
  readonly waits: ApprovalWait[];
}

/** A recorded run: its batches and waits, and every event and capacity point (the trace). */
export interface RunLog extends PlanLog {
  readonly rec: Recorder;
}

/** Per-trial arrays, reused across Monte Carlo trials. */
export interface Scratch {
  readonly state: Uint8Array;
  readonly fails: Uint8Array;
  readonly liveId: Int32Array;
  readonly taken: Uint8Array;
}

export function newScratch(p: Prepared): Scratch {
  const n = p.fleet.size;
  return { state: new Uint8Array(n), fails: new Uint8Array(n), liveId: new Int32Array(n), taken: new Uint8Array(n) };
}

/**
 * One run. `log`: null for a Monte Carlo trial (numbers only); 'plan' for the batches and waits too, which is
 * all a plan reads; 'record' for those and the trace (every event and the capacity over time). The numbers
 * are the same whatever is logged.
 */
export function execute(p: Prepared, rng: Rng, scratch: Scratch, log: null): TrialResult;
export function execute(p: Prepared, rng: Rng, scratch: Scratch, log: 'plan'): TrialResult & { log: PlanLog };
export function execute(p: Prepared, rng: Rng, scratch: Scratch, log: 'record'): TrialResult & { log: RunLog };
export function execute(p: Prepared, rng: Rng, scratch: Scratch, log: null | 'plan' | 'record'): TrialResult {
  const { input, plan, a, fleet } = p;
  const n = fleet.size;
  const unhealthy = drawTrial(p, rng, scratch.state, scratch.fails, scratch.liveId);
  const runLog: (PlanLog & { readonly rec: Recorder | null }) | null =
    log === 'record'
      ? { rec: new Recorder(n, (i) => (scratch.state[i]! & 1) === 1), batches: [], waits: [] }
      : log === 'plan'
        ? { rec: null, batches: [], waits: [] }
        : null;
  const rec = runLog?.rec ?? null;
  const s: RunState = {
    p,
    rng,
    rec,
    state: scratch.state,
    fails: scratch.fails,
    liveId: scratch.liveId,
    members: new Map(),
    unhealthy,
    counted: 0,
    countedFailed: 0,
    attempted: 0,
    failed: 0,
    rolledBack: 0,
    minServing: n - unhealthy,
    maxTotal: n,
    nextSurgeId: n,
    firstFailed: -1,
  };
  const policy = plan.policy;
  const rolling = plan.strategy === 'rolling';
  rec?.push(0, 'start', null, null, null, startDetail(p));
  for (let i = 0; i < n; i++) if (fleet.excluded[i]) rec?.push(0, 'skip', null, i, null, fleet.excludedReason[i] ?? 'excluded');
  let t = 0;
  let end = 0;
  let k = 0;
  let status: RunStatus = plan.strategy === 'manual' || p.refused ? 'NotStarted' : 'Completed';
  let errorCode: HaltCode | null = p.refused ? 'OperationNotAllowed' : null;
  let haltGate: GateResult | null = null;
  if (p.refused) rec?.push(0, 'halt', null, null, null, 'OperationNotAllowed');
  const picker = new BatchPicker(p.groups, scratch.taken);
  const members: number[] = [];
  const waits = runLog?.waits ?? null;
  const approvals = p.approvals;
  let waitSeconds = 0;
  let rejectedBy: LifecycleHookType | null = null;
  if (approvals.beforeUpgrade && plan.strategy !== 'manual' && !p.refused && picker.remaining() > 0) {
    const step = approvals.beforeUpgrade;
    t = end = recordWait(rec, waits, step, null, [], 0);
    waitSeconds += step.seconds;
    if (step.outcome === 'rejected') {
      status = 'Cancelled';
      rejectedBy = step.hook;
    }
  }
  while (rejectedBy === null && plan.strategy !== 'manual' && !p.refused && picker.remaining() > 0) {
    if (input.cancelAtSeconds !== undefined && t >= input.cancelAtSeconds) {
      status = 'Cancelled';
      rec?.push(t, 'cancel', null, null, null, `cancelled before batch ${k + 1}`);
      break;
    }
    // Assumption upgradeTimeout: the limit is not documented, so it is checked where the run can stop, between batches.
    if (p.timeoutSeconds !== undefined && k > 0 && t >= p.timeoutSeconds) {
      errorCode = 'RollingUpgradeTimeoutError';
      status = 'Faulted';
      end = Math.max(end, t);
      rec?.push(t, 'halt', null, null, null, errorCode);
      break;
    }
    const flaps = flapCount(s);
    const size = rolling
      ? batchSizeNow(p.baseBatch, n, policy.maxUnhealthyInstancePercent, s.unhealthy + flaps, a.batchShrinksWithUnhealthy === 'yes')
      : p.baseBatch;
    let preGate: GateResult | null = null;
    if (rolling) {
      const count = s.unhealthy + flaps + (a.preBatchGateCountsBatch === 'yes' ? Math.min(size, picker.remaining()) : 0);
      const gate = makeGate('preBatch', 'maxUnhealthyInstancePercent', count, n, policy.maxUnhealthyInstancePercent);
      rec?.push(t, 'gate', k, null, null, gateDetail(gate, flaps));
      if (!gate.passed) {
        errorCode =
          k === 0 ? 'MaxUnhealthyInstancePercentExceededBeforeRollingUpgrade' : 'MaxUnhealthyInstancePercentExceededInRollingUpgrade';
        haltGate = gate;
        end = halt(s, t, errorCode, k);
        status = 'Faulted';
        break;
      }
      preGate = gate;
    }
    picker.next(size, policy.prioritizeUnhealthyInstances && s.unhealthy > 0 ? s.state : null, members);
    // The batch's hook event targets its instances; a Reject stops the upgrade before any of them goes down.
    let upgradeAt = t;
    if (approvals.beforeBatch) {
      const step = approvals.beforeBatch;
      upgradeAt = recordWait(rec, waits, step, k, members, t);
      waitSeconds += step.seconds;
      if (step.outcome === 'rejected') {
        status = 'Cancelled';
        rejectedBy = step.hook;
        end = upgradeAt;
        break;
      }
    }
    const batch = runLog
      ? openBatch(s, runLog, k, members, t, policy.maxSurge, size < p.baseBatch ? ['unhealthyAllowance', ...picker.limit] : picker.limit)
      : null;
    if (batch && preGate) batch.gates.push(preGate);
    rec?.push(
      t,
      'batchStart',
      k,
      null,
      null,
      `${members.length} instance${members.length === 1 ? '' : 's'}${policy.maxSurge ? ' (MaxSurge)' : ''}`,
    );
    const failedBefore = s.failed;
    for (const step of approvals.perInstance) {
      upgradeAt = recordWait(rec, waits, step, k, members, upgradeAt);
      waitSeconds += step.seconds;
    }
    const times = policy.maxSurge && rolling ? runSurge(s, k, members, upgradeAt) : runInPlace(s, k, members, upgradeAt);
    rec?.push(times.end, 'batchEnd', k, null, null, `${s.failed} failed so far`);
    end = times.end;
    if (batch) {
      batch.endSeconds = times.end;
      if (batch.members.some((m) => m.outcome !== 'upgraded')) batch.outcome = 'someFailed';
    }
    const last = picker.remaining() === 0;
    if (rolling && (!last || a.checkAfterLastBatch === 'yes')) {
      const den = a.upgradedDenominator === 'upgraded' ? s.counted : n;
      const gate = makeGate(
        'postBatch',
        'maxUnhealthyUpgradedInstancePercent',
        s.countedFailed,
        den,
        policy.maxUnhealthyUpgradedInstancePercent,
      );
      if (den > 0) {
        batch?.gates.push(gate);
        rec?.push(times.end, 'gate', k, null, null, gateDetail(gate, 0), POST_GATE_PRIORITY);
        if (!gate.passed) {
          errorCode = 'MaxUnhealthyUpgradedInstancePercentExceededInRollingUpgrade';
          haltGate = gate;
          end = Math.max(end, halt(s, times.end, errorCode, k));
          status = 'Faulted';
          if (batch) batch.outcome = 'halted';
          k++;
          break;
        }
      }
      if (!last && s.failed > failedBefore && rec) {
        const pct = formatPercent(gate.unhealthy, gate.denominator, gate.thresholdPercent);
        const text = inProgressWithFailuresMessage(gate.unhealthy, gate.denominator, pct, gate.thresholdPercent);
        rec.push(times.end, 'continueWithFailures', k, null, null, `${IN_PROGRESS_WITH_FAILURES}: ${text}`, POST_GATE_PRIORITY);
      }
    }
    k++;
    rec?.flush(); // everything of this batch is at or before the next batch's start
    if (last) break;
    const pause = policy.pauseTimeBetweenBatchesSeconds;
    t = a.pauseAfterHealthWait === 'sequential' ? times.end + pause : Math.max(times.end, times.upgradesEnd + pause);
    if (pause > 0) rec?.push(t - pause > times.end ? t - pause : times.end, 'pause', k - 1, null, null, `pause ${pause} s between batches`);
  }
  if (status === 'Completed') rec?.push(end, 'complete', null, null, null, 'all instances processed');
  if (status === 'Cancelled') end = Math.max(end, t);
  rec?.flush();
  // Every attempted instance either ends on the new model healthy or counts as failed.
  const upgraded = s.attempted - s.failed;
  const result: TrialResult = {
    status,
    errorCode,
    haltGate,
    durationSeconds: end,
    minServing: s.minServing,
    maxTotal: s.maxTotal,
    attempted: s.attempted,
    upgraded,
    failed: s.failed,
    rolledBack: s.rolledBack,
    batches: k,
    firstFailed: s.firstFailed < 0 ? null : s.firstFailed,
    waitSeconds,
    rejectedBy,
  };
  return runLog ? Object.assign(result, { log: runLog }) : result;
}

type OpenBatch = Mutable<SimBatch> & { gates: GateResult[] };

function openBatch(
  s: RunState,
  log: PlanLog,
  k: number,
  members: readonly number[],
  t: number,
  surge: boolean,
  limitedBy: readonly LimitReason[],
): OpenBatch {
  const { fleet } = s.p;
  const list: Mutable<BatchMember>[] = members.map((i) => {
    const z = fleet.zone[i]!;
    const phase = fleet.phase[i]!;
    const member: Mutable<BatchMember> = {
      id: i,
      zone: z < 0 ? null : fleet.zoneNames[z]!,
      domain: fleet.domain[i]!,
      phase: Number.isFinite(phase) ? phase : null,
      outcome: 'notStarted',
    };
    s.members.set(i, member);
    return member;
  });
  const batch: OpenBatch = { index: k, limitedBy, members: list, startSeconds: t, endSeconds: t, outcome: 'succeeded', gates: [], surge };
  log.batches.push(batch);
  return batch;
}

/** Stops the upgrade at time t; with rollbackFailedInstancesOnPolicyBreach, failed instances go back. */
function halt(s: RunState, t: number, code: HaltCode, k: number): number {
  s.rec?.push(t, 'halt', null, null, null, code);
  let end = t;
  if (s.p.plan.policy.rollbackFailedInstancesOnPolicyBreach && code !== 'MaxUnhealthyInstancePercentExceededBeforeRollingUpgrade') {
    for (let i = 0; i < s.p.fleet.size; i++) {
      if (s.state[i] === NEW_BAD) end = Math.max(end, rollBack(s, k, i, t, AFTER_HALT_PRIORITY));
    }
  }
  return end;
}

function startDetail(p: Prepared): string {
  const { plan, input, baseBatch, fleet } = p;
  if (plan.strategy === 'manual') return 'mode Manual: nothing is upgraded until instances are upgraded by hand';
  if (plan.strategy === 'allAtOnce')
    return fleet.size === 1 ? 'mode Automatic: its only instance, with no batches' : `mode Automatic: all ${fleet.size} instances at once`;
  return `${input.trigger} rolling upgrade of ${count(fleet.size, 'instance')}, batches of up to ${baseBatch}`;
}
