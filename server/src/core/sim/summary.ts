/** One-line and short summaries for CodeLens, hovers and the CLI's first line. */
import type { MonteCarloSummary } from './monteCarlo';
import type { SimRun } from './simData';

export function formatDuration(seconds: number): string {
  const s = Math.round(seconds);
  const h = Math.floor(s / 3600);
  const m = Math.floor((s % 3600) / 60);
  const rest = s % 60;
  if (h > 0) return `${h} h ${m} min`;
  if (m > 0) return rest > 0 ? `${m} min ${rest} s` : `${m} min`;
  return `${rest} s`;
}

/** e.g. "Completed: 5 batches of 2, 25 min, ≥ 8/10 serving" or "Faulted after 1 batch (MaxUnhealthy…): …". */
export function summarizeRun(run: SimRun): string {
  const total = run.attempted + run.skipped + run.pending;
  const batches = `${run.batches.length} batch${run.batches.length === 1 ? '' : 'es'}`;
  if (run.status === 'NotStarted' && run.errorCode === 'OperationNotAllowed')
    return 'Not started (OperationNotAllowed): Azure refuses the manual OS upgrade call, so nothing is upgraded';
  if (run.status === 'NotStarted') return 'Manual mode: no instance is upgraded until you upgrade them by hand';
  if (run.status === 'Blocked') return `Blocked by ${run.blockedBy.map((b) => b.ruleId).join(', ')}: nothing is upgraded`;
  const serving = `≥ ${run.minServingInstances}/${total} serving`;
  const surge = run.maxTotalInstances > total ? `, peak ${run.maxTotalInstances} instances (surge)` : '';
  const duration = `${formatDuration(run.durationSeconds)}${run.waitSeconds > 0 ? ` (${formatDuration(run.waitSeconds)} waiting for approval)` : ''}`;
  if (run.rejectedBy) return `Rejected by the ${run.rejectedBy} hook after ${batches}, ${duration}, ${serving}`;
  if (run.status === 'Completed') {
    const failed = run.failed > 0 ? `, ${run.failed} failed${run.rolledBack > 0 ? ` (${run.rolledBack} rolled back)` : ''}` : '';
    const shape = run.strategy === 'allAtOnce' ? 'all at once' : `${batches} of ${batchSizes(run)}`;
    return `Completed: ${shape}, ${duration}, ${serving}${surge}${failed}`;
  }
  if (run.status === 'Cancelled') return `Cancelled after ${batches}, ${duration}, ${serving}`;
  return `Faulted after ${batches} (${run.errorCode}), ${duration}, ${run.attempted} instance${run.attempted === 1 ? '' : 's'} touched, ${serving}`;
}

/** The sizes the batches really had ("2", "1–2"), which zone and domain boundaries can make smaller than the policy's limit. */
function batchSizes(run: SimRun): string {
  const sizes = run.batches.map((b) => b.members.length);
  if (sizes.length === 0) return `≤ ${run.batchSize}`;
  const min = Math.min(...sizes);
  const max = Math.max(...sizes);
  return min === max ? String(max) : `${min}–${max}`;
}

export function summarizeMonteCarlo(mc: MonteCarloSummary): string {
  const pct = (x: number) => `${(100 * x).toFixed(x > 0 && x < 0.001 ? 3 : 1)}%`;
  return `${mc.trials} trials: completes ${pct(mc.pComplete)}, duration p50 ${formatDuration(mc.durationSeconds.p50)} / p90 ${formatDuration(mc.durationSeconds.p90)} / p99 ${formatDuration(mc.durationSeconds.p99)}, min serving p1 ${mc.minServingInstances.p1}, blast radius ${mc.blastRadius.mean.toFixed(1)}`;
}
