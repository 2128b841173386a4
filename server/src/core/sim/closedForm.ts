/**
 * Exact halt probabilities where they exist (anchors-orchestrators.md §3.4), to show next to Monte Carlo
 * and to test it. Independent failures with probability p, no pre-existing unhealthy instances, no flapping:
 * - denominator "total": F only grows and every check compares it with the same bound, so
 *   P(halt) = P(Bin(M, p) > floor(v·N/100)) (M = instances to upgrade) when u ≥ v or failures do not stay unhealthy;
 * - denominator "upgraded": a dynamic programme over (batch, failures so far) with the planned batch sizes.
 */
import { upgradeTimeoutSeconds } from './assumptions';
import { simulatedFleetSize } from './capacity';
import { DEFAULT_FAILURES, triggerPlan } from './defaults';
import { simulate } from './simulate';
import type { SimInput } from './simData';

export interface ClosedForm {
  readonly method: 'binomialTail' | 'dynamicProgramming' | null;
  readonly pHalt: number | null;
  /** Why this method applies, or why none does. */
  readonly reason: string;
}

/** P(X > k) for X ~ Bin(n, p), summed in log space for stability. */
export function binomialTail(n: number, p: number, k: number): number {
  if (k < 0) return 1;
  if (k >= n) return 0;
  let cdf = 0;
  for (let x = 0; x <= k; x++) cdf += Math.exp(logChoose(n, x) + x * Math.log(p) + (n - x) * Math.log1p(-p));
  return Math.max(0, 1 - cdf);
}

function logChoose(n: number, k: number): number {
  let s = 0;
  for (let i = 1; i <= k; i++) s += Math.log(n - k + i) - Math.log(i);
  return s;
}

export interface DpSpec {
  readonly instances: number;
  readonly batchSizes: readonly number[];
  readonly p: number;
  readonly maxUnhealthyPercent: number;
  readonly maxUnhealthyUpgradedPercent: number;
  readonly denominator: 'upgraded' | 'total';
  /** Failed instances stay unhealthy, so the pre-batch gate sees them. */
  readonly failedStayUnhealthy: boolean;
  readonly checkAfterLastBatch: boolean;
}

/** P(halt) by dynamic programming over the distribution of failures after each batch. */
export function haltProbabilityDp(spec: DpSpec): number {
  const { instances: n, p } = spec;
  let dist = [1];
  let pHalt = 0;
  let upgraded = 0;
  spec.batchSizes.forEach((b, k) => {
    if (spec.failedStayUnhealthy && k > 0) {
      for (let f = 0; f < dist.length; f++)
        if (100 * f > spec.maxUnhealthyPercent * n) {
          pHalt += dist[f]!;
          dist[f] = 0;
        }
    }
    const next = new Array(dist.length + b).fill(0) as number[];
    const pmf = Array.from({ length: b + 1 }, (_, x) =>
      Math.exp(logChoose(b, x) + (x > 0 ? x * Math.log(p) : 0) + (b - x > 0 ? (b - x) * Math.log1p(-p) : 0)),
    );
    for (let f = 0; f < dist.length; f++) {
      if (dist[f] === 0) continue;
      for (let x = 0; x <= b; x++) next[f + x]! += dist[f]! * pmf[x]!;
    }
    dist = next;
    upgraded += b;
    if (k < spec.batchSizes.length - 1 || spec.checkAfterLastBatch) {
      const den = spec.denominator === 'upgraded' ? upgraded : n;
      for (let f = 0; f < dist.length; f++)
        if (100 * f > spec.maxUnhealthyUpgradedPercent * den) {
          pHalt += dist[f]!;
          dist[f] = 0;
        }
    }
  });
  return pHalt;
}

/**
 * `sizes`: the batch sizes of this input's plan (planUpgrade) when the caller has them, so the zero-failure
 * run is not repeated (the policy advisor scores hundreds of policies); by default that run gives them.
 */
export function closedForm(input: SimInput, sizes?: readonly number[]): ClosedForm {
  const plan = triggerPlan(input);
  const a = input.assumptions;
  const f = input.failures;
  const none = (reason: string): ClosedForm => ({ method: null, pHalt: null, reason });
  if (plan.strategy !== 'rolling') return none('no rolling upgrade runs');
  if (f.badImage || f.failingInstances.length > 0 || f.flapProbability > 0)
    return none('needs independent failures only (no failing list, bad image or flapping)');
  const unhealthyIds = typeof input.fleet.unhealthy === 'number' ? input.fleet.unhealthy : input.fleet.unhealthy.length;
  if (unhealthyIds > 0 || input.fleet.overrides.some((o) => o.unhealthy || o.fails))
    return none('needs no pre-existing unhealthy or fixed failing instances');
  if (input.cancelAtSeconds !== undefined) return none('needs no cancellation');
  // A time limit stops the run whatever the gates say, and failures (rollbacks, health timeouts) move when.
  if (upgradeTimeoutSeconds(a) !== undefined) return none('needs no upgrade time limit (assumption upgradeTimeout)');
  if (plan.automaticRollback && a.rolledBackInstances === 'notCounted')
    return none('rolled-back instances are not counted, so the denominator is random');
  const p = f.probability;
  const { policy } = plan;
  const surgeKeepsOld = policy.maxSurge && a.surgeFailure === 'keepOld';
  const stayUnhealthy = !surgeKeepsOld && (!plan.automaticRollback || a.rolledBackInstances === 'unhealthy');
  const n = simulatedFleetSize(input.fleet.capacity);
  const gateHarmless =
    !stayUnhealthy ||
    (policy.maxUnhealthyInstancePercent >= policy.maxUnhealthyUpgradedInstancePercent && a.preBatchGateCountsBatch === 'no');
  const tail = a.upgradedDenominator === 'total' && a.checkAfterLastBatch === 'yes' && gateHarmless;
  // Every reason for no closed form is known before the zero-failure run, which is the expensive part.
  if (!tail && stayUnhealthy && a.batchShrinksWithUnhealthy === 'yes')
    return none('failed instances stay unhealthy and shrink later batches, so batch sizes are random');
  if (!tail && a.preBatchGateCountsBatch === 'yes') return none('needs preBatchGateCountsBatch=no');
  const batchSizes = sizes ?? simulate({ ...input, failures: DEFAULT_FAILURES }).batches.map((b) => b.members.length);
  const m = batchSizes.reduce((s, b) => s + b, 0);
  if (tail) {
    const bound = Math.floor((policy.maxUnhealthyUpgradedInstancePercent * n) / 100);
    return { method: 'binomialTail', pHalt: binomialTail(m, p, bound), reason: `P(Bin(${m}, ${p}) > ${bound})` };
  }
  const pHalt = haltProbabilityDp({
    instances: n,
    batchSizes,
    p,
    maxUnhealthyPercent: policy.maxUnhealthyInstancePercent,
    maxUnhealthyUpgradedPercent: policy.maxUnhealthyUpgradedInstancePercent,
    denominator: a.upgradedDenominator,
    failedStayUnhealthy: stayUnhealthy,
    checkAfterLastBatch: a.checkAfterLastBatch === 'yes',
  });
  return { method: 'dynamicProgramming', pHalt, reason: `exact DP over ${batchSizes.length} batches of sizes ${batchSizes.join(', ')}` };
}
