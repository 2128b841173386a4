/** One full, recorded run: the public entry for the CLI, the webview and golden traces. */
import { execute, newScratch, prepare } from './engine';
import { haltMessage, formatPercent } from './messages';
import { planUpgrade } from './plan';
import { Rng } from './rng';
import type { SimInput, SimRun } from './simData';

export function simulate(input: SimInput): SimRun {
  const p = prepare(input);
  const r = execute(p, Rng.fromSeed(input.seed), newScratch(p), 'record');
  const n = p.fleet.size;
  let skipped = 0;
  for (let i = 0; i < n; i++) skipped += p.fleet.excluded[i]!;
  const message =
    r.errorCode && r.haltGate
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
  const plan = planUpgrade(input);
  return {
    plan,
    status: r.status,
    errorCode: r.errorCode,
    message,
    strategy: p.plan.strategy,
    policy: p.plan.policy,
    automaticRollback: p.plan.automaticRollback,
    assumptions: input.assumptions,
    notes: [...p.plan.notes, ...plan.notes],
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
  };
}
