/**
 * Per-trial setup and draws: which instances start unhealthy, which upgrades will fail, and flapping at a
 * gate. The order of draws is fixed (unhealthy picks, failures, then per batch: flaps, per-member jitter),
 * which is what makes a seed reproduce a run exactly.
 */
import { OLD_BAD } from './runState';
import type { Prepared, RunState } from './runState';
import type { Rng } from './rng';

/** Fills scratch.state and scratch.fails for one trial; returns the number of unhealthy instances. */
export function drawTrial(p: Prepared, rng: Rng, state: Uint8Array, fails: Uint8Array, liveId: Int32Array): number {
  const { fleet, input } = p;
  const n = fleet.size;
  state.set(fleet.fixedUnhealthy); // OLD_BAD is 1, OLD_OK is 0
  let unhealthy = p.fixedUnhealthyCount;
  liveId.set(p.identity);
  // Rejection sampling: cheap while the count is small, and a large count fails the first gate anyway.
  for (let picked = 0; picked < fleet.randomUnhealthy;) {
    const i = rng.nextInt(n);
    if (state[i] === OLD_BAD) continue;
    state[i] = OLD_BAD;
    unhealthy++;
    picked++;
  }
  fails.set(fleet.alwaysFails);
  const prob = input.failures.probability;
  if (prob >= 1) fails.fill(1);
  else if (prob > 0) {
    // Geometric skipping: draws one number per failure instead of one per instance.
    const logq = Math.log1p(-prob);
    for (let i = -1; ;) {
      i += 1 + Math.floor(Math.log(1 - rng.nextFloat()) / logq);
      if (i >= n) break;
      fails[i] = 1;
    }
  }
  return unhealthy;
}

/** Healthy instances seen as unhealthy at this gate (FailureModel.flapProbability). */
export function flapCount(s: RunState): number {
  const q = s.p.input.failures.flapProbability;
  if (q <= 0) return 0;
  let count = 0;
  for (let i = 0; i < s.p.fleet.size; i++) if (!(s.state[i]! & 1) && s.rng.nextFloat() < q) count++;
  return count;
}
