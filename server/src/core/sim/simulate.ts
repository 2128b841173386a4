/** One full, recorded run: the public entry for the CLI, the webview and golden traces. */
import { execute, newScratch, prepare } from './engine';
import { OS_ROLLING_UPGRADE_NOT_ALLOWED, haltMessage, formatPercent, timeoutMessage } from './messages';
import { formatDuration } from './summary';
import { targetVersionNote } from './targetImage';
import { isPlanInput, planOf, planUpgrade } from './plan';
import { Rng } from './rng';
import type { Blocker, SimInput, SimRun } from './simData';

export function simulate(input: SimInput): SimRun {
  const blockedBy = input.blockedBy ?? [];
  if (blockedBy.length > 0 && !input.ignoreBlockers) return blocked(input, blockedBy);
  const p = prepare(input);
  const r = execute(p, Rng.fromSeed(input.seed), newScratch(p), 'record');
  const n = p.fleet.size;
  let skipped = 0;
  for (let i = 0; i < n; i++) skipped += p.fleet.excluded[i]!;
  const message = r.rejectedBy
    ? rejectedMessage(r.rejectedBy, r.batches, r.durationSeconds)
    : r.errorCode === 'OperationNotAllowed'
      ? OS_ROLLING_UPGRADE_NOT_ALLOWED
      : r.errorCode === 'RollingUpgradeTimeoutError'
        ? timeoutMessage(formatDuration(p.timeoutSeconds ?? 0))
        : r.errorCode && r.haltGate
          ? haltMessage(
              r.errorCode,
              formatPercent(r.haltGate.unhealthy, r.haltGate.denominator, r.haltGate.thresholdPercent),
              r.haltGate.thresholdPercent,
              r.firstFailed,
            )
          : r.status === 'Cancelled'
            ? `The rolling upgrade was cancelled after ${r.batches} batch${r.batches === 1 ? '' : 'es'}.`
            : r.status === 'NotStarted'
              ? 'Mode Manual: no instance is upgraded until you upgrade instances by hand (manualUpgrade).'
              : `Completed: ${r.upgraded} upgraded, ${r.failed} failed, ${r.rolledBack} rolled back${skipped > 0 ? `, ${skipped} skipped` : ''}.`;
  // A run in which nothing can fail is its own plan: no second run.
  const plan = isPlanInput(input) ? planOf(input, p, r) : planUpgrade(input);
  const version = p.plan.strategy === 'rolling' && !p.refused ? targetVersionNote(input) : undefined;
  const extra = [
    ...(p.refused
      ? [
          'The manual OS upgrade call (osRollingUpgrade) is refused with OperationNotAllowed: no unprotected instance has imageReference.version latest.',
        ]
      : []),
    ...(version ? [version] : []),
    ...(input.firstBatchFails !== undefined ? [`The first batch fails and stays failed: ${input.firstBatchFails}.`] : []),
    ...blockedBy.map(
      (b) =>
        `Run although ${b.ruleId} blocks it (${b.blocks === 'deployment' ? 'Azure rejects the deployment' : 'the upgrade cannot run'}).`,
    ),
  ];
  return {
    plan,
    status: r.status,
    blockedBy,
    errorCode: r.errorCode,
    message,
    strategy: p.plan.strategy,
    policy: p.plan.policy,
    automaticRollback: p.plan.automaticRollback,
    assumptions: input.assumptions,
    notes: [...p.plan.notes, ...p.approvals.notes, ...plan.notes, ...extra],
    batchSize: p.baseBatch,
    batches: r.log.batches,
    haltGate: r.haltGate,
    events: r.log.rec.events,
    capacity: r.log.rec.capacity,
    durationSeconds: r.durationSeconds,
    minServingInstances: r.log.rec.minServing(),
    maxTotalInstances: r.log.rec.maxTotal(),
    upgraded: r.upgraded,
    failed: r.failed,
    rolledBack: r.rolledBack,
    skipped,
    pending: n - skipped - r.attempted,
    attempted: r.attempted,
    firstFailedInstanceId: r.firstFailed,
    waits: r.log.waits,
    waitSeconds: r.waitSeconds,
    rejectedBy: r.rejectedBy,
  };
}

/** A Reject stops the upgrade as a cancel does: Azure's status codes have no other state for it (docs/simulator.md). */
function rejectedMessage(hook: string, batches: number, seconds: number): string {
  const where =
    hook === 'UpgradeAutoOSScheduling'
      ? 'before it started'
      : `before batch ${batches + 1}, after ${batches} batch${batches === 1 ? '' : 'es'}`;
  return `The ${hook} lifecycle hook rejected the upgrade ${where}: nobody approved within its waitDuration and its defaultAction is Reject (${formatDuration(seconds)}).`;
}

/** A run that never starts: a finding says Azure rejects the template or the upgrade cannot run. */
function blocked(input: SimInput, blockedBy: readonly Blocker[]): SimRun {
  const p = prepare(input);
  const plan = planUpgrade(input);
  const n = p.fleet.size;
  let skipped = 0;
  for (let i = 0; i < n; i++) skipped += p.fleet.excluded[i]!;
  const first = blockedBy[0]!;
  const why = first.blocks === 'deployment' ? 'Azure rejects the deployment' : 'the upgrade cannot run';
  return {
    plan,
    status: 'Blocked',
    blockedBy,
    errorCode: null,
    message: `Blocked by ${first.ruleId}: ${why}. ${first.message}`,
    strategy: p.plan.strategy,
    policy: p.plan.policy,
    automaticRollback: p.plan.automaticRollback,
    assumptions: input.assumptions,
    notes: [...p.plan.notes, ...blockedBy.map((b) => `Blocked by ${b.ruleId}: ${b.message}`)],
    batchSize: p.baseBatch,
    batches: [],
    haltGate: null,
    events: [{ t: 0, kind: 'start', batch: null, instances: [], detail: `blocked by ${blockedBy.map((b) => b.ruleId).join(', ')}` }],
    capacity: [{ t: 0, serving: n, upgrading: 0, unhealthy: 0, surge: 0, total: n }],
    durationSeconds: 0,
    minServingInstances: n,
    maxTotalInstances: n,
    upgraded: 0,
    failed: 0,
    rolledBack: 0,
    skipped,
    pending: n - skipped,
    attempted: 0,
    firstFailedInstanceId: null,
    waits: [],
    waitSeconds: 0,
    rejectedBy: null,
  };
}
