/**
 * One batch: in place (reimage, wait for health, roll back) or MaxSurge (create, wait, delete the old).
 * Pure arithmetic on the run state; the recorder, when present, gets every happening with its time.
 */
import * as runState from './runState';
import type { Mutable, RunState } from './runState';

// Bound once: the dev loader (tsx) turns named imports into getter calls, which cost more than the
// arithmetic in these per-instance loops.
const { NEW_BAD, NEW_OK, RESTORED_BAD, RESTORED_OK, jitter, setState } = runState;
import type { BatchMember } from './simData';

export interface BatchTimes {
  readonly end: number;
  /** When the last upgrade of the batch finished (the pause starts here under pauseAfterHealthWait=overlap). */
  readonly upgradesEnd: number;
}

export function runInPlace(s: RunState, k: number, members: readonly number[], t0: number): BatchTimes {
  const { input, plan, a, fleet } = s.p;
  const { timings } = input;
  const wait = plan.healthWait;
  const rec = s.rec;
  let down = 0;
  for (const i of members) if (!(s.state[i]! & 1)) down++;
  s.minServing = Math.min(s.minServing, fleet.size - s.unhealthy - down);
  let end = t0;
  let upgradesEnd = t0;
  const jittered = timings.jitter > 0;
  for (const i of members) {
    const up = jittered ? timings.upgradeSeconds * jitter(s) : timings.upgradeSeconds;
    const h = jittered ? timings.healthySeconds * jitter(s) : timings.healthySeconds;
    const fail = s.fails[i] === 1 || (wait && h > timings.healthWaitSeconds);
    const upEnd = t0 + up;
    if (upEnd > upgradesEnd) upgradesEnd = upEnd;
    s.attempted++;
    if (!fail) {
      const okAt = wait ? upEnd + h : upEnd;
      if (rec) {
        rec.push(t0, 'upgradeStart', k, i, 'upgrading', 'reimage');
        if (wait) rec.push(upEnd, 'upgradeDone', k, i, null, 'waiting for health');
        rec.push(okAt, 'healthy', k, i, 'serving', 'healthy on the new image');
        outcome(s, i, 'upgraded');
      }
      setState(s, i, NEW_OK);
      s.counted++;
      if (okAt > end) end = okAt;
      continue;
    }
    rec?.push(t0, 'upgradeStart', k, i, 'upgrading', 'reimage');
    const detect = wait ? upEnd + timings.healthWaitSeconds : upEnd;
    noteFailure(s, i);
    if (wait) rec?.push(upEnd, 'upgradeDone', k, i, null, 'waiting for health');
    const why = wait ? `not healthy within ${timings.healthWaitSeconds} s` : 'not healthy after the upgrade (provisioning)';
    if (!plan.automaticRollback || s.p.stayFailed?.[i]) {
      rec?.push(detect, 'healthTimeout', k, i, 'unhealthy', why);
      setState(s, i, NEW_BAD);
      s.counted++;
      s.countedFailed++;
      end = Math.max(end, detect);
      outcome(s, i, 'failed');
      continue;
    }
    rec?.push(detect, 'healthTimeout', k, i, null, why);
    const done = rollBack(s, k, i, detect, undefined);
    if (a.rolledBackInstances !== 'notCounted') {
      s.counted++;
      s.countedFailed++;
    }
    end = Math.max(end, done);
  }
  return { end, upgradesEnd };
}

export function runSurge(s: RunState, k: number, members: readonly number[], t0: number): BatchTimes {
  const { input, plan, a, fleet } = s.p;
  const { timings } = input;
  const wait = plan.healthWait;
  const rec = s.rec;
  s.minServing = Math.min(s.minServing, fleet.size - s.unhealthy);
  s.maxTotal = Math.max(s.maxTotal, fleet.size + members.length);
  let resolved = t0;
  let upgradesEnd = t0;
  const failedNew: boolean[] = [];
  const newIds: number[] = [];
  for (const i of members) {
    const newId = s.nextSurgeId++;
    newIds.push(newId);
    const up = timings.upgradeSeconds * jitter(s);
    const h = timings.healthySeconds * jitter(s);
    const fail = s.fails[i] === 1 || (wait && h > timings.healthWaitSeconds);
    const upEnd = t0 + up;
    upgradesEnd = Math.max(upgradesEnd, upEnd);
    s.attempted++;
    rec?.push(t0, 'surgeCreate', k, newId, 'created', 'create a new-model instance');
    if (wait) rec?.push(upEnd, 'upgradeDone', k, newId, null, 'waiting for health');
    const at = fail ? (wait ? upEnd + timings.healthWaitSeconds : upEnd) : wait ? upEnd + h : upEnd;
    if (fail)
      rec?.push(
        at,
        'healthTimeout',
        k,
        newId,
        'unhealthy',
        wait ? `not healthy within ${timings.healthWaitSeconds} s` : 'not healthy after creation (provisioning)',
      );
    else rec?.push(at, 'healthy', k, newId, 'serving', 'healthy on the new model');
    resolved = Math.max(resolved, at);
    failedNew.push(fail);
    if (s.rec) {
      const member = s.members.get(i);
      if (member) member.replacementId = newId;
    }
  }
  members.forEach((i, m) => {
    const newId = newIds[m]!;
    s.counted++;
    if (!failedNew[m]) {
      rec?.push(resolved, 'surgeDelete', k, s.liveId[i]!, 'deleted', 'delete the old instance');
      s.liveId[i] = newId;
      setState(s, i, NEW_OK);
      outcome(s, i, 'upgraded');
      return;
    }
    noteFailure(s, i);
    s.countedFailed++;
    outcome(s, i, 'failed');
    if (a.surgeFailure === 'keepOld') {
      rec?.push(resolved, 'surgeDelete', k, newId, 'deleted', 'delete the failed new instance; keep the old one');
    } else {
      rec?.push(resolved, 'surgeDelete', k, s.liveId[i]!, 'deleted', 'delete the old instance');
      s.liveId[i] = newId;
      setState(s, i, NEW_BAD);
    }
  });
  s.minServing = Math.min(s.minServing, fleet.size - s.unhealthy);
  return { end: resolved + timings.surgeDeleteSeconds, upgradesEnd };
}

/** Restores the previous OS disk / model of instance i from time t; returns when it is done. */
export function rollBack(s: RunState, k: number | null, i: number, t: number, priority: number | undefined): number {
  const done = t + s.p.input.timings.rollbackSeconds;
  const bad = s.p.a.rolledBackInstances === 'unhealthy';
  s.rec?.push(t, 'rollbackStart', k, s.liveId[i]!, 'upgrading', 'restore the previous OS disk', priority);
  s.rec?.push(done, 'rollbackDone', k, s.liveId[i]!, bad ? 'unhealthy' : 'serving', 'previous OS disk restored', priority);
  setState(s, i, bad ? RESTORED_BAD : RESTORED_OK);
  s.rolledBack++;
  outcome(s, i, 'rolledBack');
  return done;
}

function noteFailure(s: RunState, i: number): void {
  s.failed++;
  if (s.firstFailed < 0) s.firstFailed = i;
}

function outcome(s: RunState, i: number, value: BatchMember['outcome']): void {
  if (s.rec === null) return; // members are only kept for full runs
  const member = s.members.get(i);
  if (member) (member as Mutable<BatchMember>).outcome = value;
}
