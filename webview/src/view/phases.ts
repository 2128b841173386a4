/**
 * Turns a recorded run's events into the coloured phases of the timeline: per batch, the waits for approval
 * (lifecycle hook, deferral, OS image scheduled event), the upgrade (or MaxSurge create), the wait for
 * health, rollbacks, the MaxSurge delete and the pause after it. Pure.
 */
import type { ApprovalWait, SimEvent, SimRun } from '../../../server/src/core/sim/index';

export type PhaseKind = 'approval' | 'rejected' | 'upgrade' | 'wait' | 'rollback' | 'delete' | 'pause';

export interface Phase {
  readonly kind: PhaseKind;
  readonly from: number;
  readonly to: number;
}

export const PHASE_LABEL: Readonly<Record<PhaseKind, string>> = {
  approval: 'wait for approval',
  rejected: 'rejected by a lifecycle hook',
  upgrade: 'upgrade',
  wait: 'wait for health',
  rollback: 'rollback',
  delete: 'delete old (surge)',
  pause: 'pause',
};

export function batchPhases(run: SimRun): Phase[][] {
  const byBatch = new Map<number, SimEvent[]>();
  for (const e of run.events) {
    if (e.batch === null) continue;
    const list = byBatch.get(e.batch) ?? [];
    list.push(e);
    byBatch.set(e.batch, list);
  }
  return run.batches.map((batch, k) => {
    const events = byBatch.get(batch.index) ?? [];
    const times = (kinds: readonly string[]) => events.filter((e) => kinds.includes(e.kind)).map((e) => e.t);
    const phases: Phase[] = [];
    const push = (kind: PhaseKind, from: number | undefined, to: number | undefined) => {
      if (from !== undefined && to !== undefined && to > from) phases.push({ kind, from, to });
    };
    const starts = times(['upgradeStart', 'surgeCreate']);
    const upgraded = times(['upgradeDone']);
    const health = times(['healthy', 'healthTimeout']);
    const rollbackStart = times(['rollbackStart']);
    const rollbackDone = times(['rollbackDone']);
    const deletes = times(['surgeDelete']);
    for (const w of run.waits)
      if (w.batch === batch.index) push(w.outcome === 'rejected' ? 'rejected' : 'approval', w.startSeconds, w.endSeconds);
    const upgradeEnd = max(upgraded) ?? batch.endSeconds;
    push('upgrade', min(starts) ?? batch.startSeconds, upgradeEnd);
    push('wait', upgradeEnd, max(health));
    push('rollback', min(rollbackStart), max(rollbackDone));
    push('delete', min(deletes), deletes.length > 0 ? batch.endSeconds : undefined);
    const pause = min(times(['pause']));
    const next = run.batches[k + 1];
    if (pause !== undefined) push('pause', pause, next ? next.startSeconds : run.durationSeconds);
    return phases;
  });
}

/** Waits that hold no batch of the run: before the upgrade starts (UpgradeAutoOSScheduling), or before a batch a hook rejected. */
export function waitsOutsideBatches(run: SimRun): ApprovalWait[] {
  return run.waits.filter((w) => w.batch === null || !run.batches.some((b) => b.index === w.batch));
}

/** What a wait is waiting for, in words. */
export function waitLabel(w: ApprovalWait): string {
  const what =
    w.kind === 'lifecycleHook' ? `${w.hook} hook` : w.kind === 'deferral' ? 'approveRollingUpgrade (deferral)' : 'OS image scheduled event';
  const how = w.outcome === 'approved' ? 'approved' : w.outcome === 'rejected' ? 'rejected' : 'timed out, approved by default';
  return `${what}: ${how}`;
}

function min(xs: readonly number[]): number | undefined {
  return xs.length > 0 ? Math.min(...xs) : undefined;
}

function max(xs: readonly number[]): number | undefined {
  return xs.length > 0 ? Math.max(...xs) : undefined;
}
