/**
 * Candidate generation. Batch percentages are grouped by the plan they give (planUpgrade), so percentages
 * that give the same batches are evaluated once; once zones and domains bound every batch, larger
 * percentages change nothing and the scan stops. For each plan, the post-batch gate is tried at its current
 * value, at the loosest value proposed and, bisecting a ladder of percentages with distinct allowances
 * (space.ts), at the tightest that meets the P(halt) goal; then the unhealthy-instance gate (never below the
 * batch percentage) climbs its own ladder at the post-batch gate kept.
 */
import type { Evaluator, PolicyChoice } from './evaluate';
import { allDenominators, GATE_STEP_PERCENT, gateLadder, MAX_PROPOSED_GATE_PERCENT } from './space';
import type { SearchSpace } from './space';
import type { Candidate } from './types';

/** At most this many policies are evaluated per advice (bounded work: 1,000 instances stay within a second or so). */
export const MAX_CANDIDATES = 400;
/** Steps of the unhealthy-instance gate tried above its base value. */
const UNHEALTHY_STEPS = 3;

export interface SearchRequest {
  readonly evaluator: Evaluator;
  readonly space: SearchSpace;
  readonly current: PolicyChoice;
  /** The current policy, already evaluated. */
  readonly currentCandidate: Candidate;
  readonly capacity: number;
  /** The P(halt) goal: the unhealthy gate is searched at the post-batch gate that meets it. */
  readonly maxHalt: number;
  /** Also try no pause (only when the user sets a duration goal: the simulator values a pause only as time). */
  readonly searchPause: boolean;
}

export interface SearchResult {
  readonly candidates: readonly Candidate[];
  readonly notes: readonly string[];
  /** Whether the advisor may propose this policy: within the API's ranges, no gate switched off, batches within the unhealthy allowance. */
  proposable(choice: PolicyChoice): boolean;
}

interface BatchClass {
  readonly percent: number;
  readonly maxSurge: boolean;
}

export function searchCandidates(request: SearchRequest): SearchResult {
  const { evaluator, space, current, capacity: n } = request;
  const notes: string[] = [];
  const candidates: Candidate[] = [];
  const seen = new Map<string, Candidate>([[keyOf(current), request.currentCandidate]]);
  let truncated = false;
  const proposable = (c: PolicyChoice): boolean =>
    c.maxBatchInstancePercent >= space.batch.min &&
    c.maxBatchInstancePercent <= space.batch.max &&
    c.maxUnhealthyInstancePercent >= space.unhealthy.min &&
    c.maxUnhealthyInstancePercent < 100 &&
    c.maxUnhealthyUpgradedInstancePercent >= space.upgraded.min &&
    c.maxUnhealthyUpgradedInstancePercent < 100 &&
    c.maxUnhealthyInstancePercent >= c.maxBatchInstancePercent;

  const surges = space.maxSurge ? [false, true] : [current.maxSurge];
  const prioritized = space.prioritizeUnhealthyInstances ? [false, true] : [current.prioritizeUnhealthyInstances];
  const pauses =
    request.searchPause && current.pauseTimeBetweenBatchesSeconds > 0
      ? [current.pauseTimeBetweenBatchesSeconds, 0]
      : [current.pauseTimeBetweenBatchesSeconds];
  if (!request.searchPause && current.pauseTimeBetweenBatchesSeconds > 0)
    notes.push('pauseTimeBetweenBatches is kept: the simulator counts a pause only as time, so it is searched only with a duration goal.');
  notes.push(
    `Health gates are proposed up to ${MAX_PROPOSED_GATE_PERCENT} %, never at 100 % (that switches them off), and maxUnhealthyInstancePercent never below maxBatchInstancePercent.`,
  );
  const denominators = allDenominators(n);

  const evaluate = (choice: PolicyChoice): Candidate | undefined => {
    const key = keyOf(choice);
    if (seen.has(key)) return seen.get(key);
    if (candidates.length >= MAX_CANDIDATES) {
      truncated = true;
      return undefined;
    }
    const c = evaluator.evaluate(evaluator.inputFor(choice), choice);
    seen.set(key, c);
    candidates.push(c);
    return c;
  };
  const vFrom = Math.max(space.upgraded.min, GATE_STEP_PERCENT);
  const vLadder = gateLadder(space.upgraded, vFrom, current.maxUnhealthyUpgradedInstancePercent, denominators);
  for (const maxSurge of surges)
    for (const batch of batchClasses(request, maxSurge)) {
      const b = batch.percent;
      const uLadder = gateLadder(space.unhealthy, b, current.maxUnhealthyInstancePercent, [n]);
      if (uLadder.length === 0 && b < 100) uLadder.push(b);
      if (uLadder.length === 0) continue;
      const uBase = uLadder.includes(current.maxUnhealthyInstancePercent) ? current.maxUnhealthyInstancePercent : uLadder[0]!;
      for (const prioritizeUnhealthyInstances of prioritized)
        for (const pause of pauses) {
          const choice = (u: number, v: number): PolicyChoice => ({
            maxBatchInstancePercent: b,
            maxUnhealthyInstancePercent: u,
            maxUnhealthyUpgradedInstancePercent: v,
            pauseTimeBetweenBatchesSeconds: pause,
            maxSurge,
            prioritizeUnhealthyInstances,
          });
          // 1. The post-batch gate: the current value, the loosest proposed, and a bisection of the ladder for the
          // tightest that meets the P(halt) goal (P(halt) falls as the gate loosens, on the shared seeds).
          const rungs = new Map<number, number>();
          const rung = (i: number): number => {
            const v = vLadder[i]!;
            const known = rungs.get(v);
            if (known !== undefined) return known;
            const c = evaluate(choice(uBase, v));
            const pHalt = c?.pHalt ?? Number.POSITIVE_INFINITY;
            rungs.set(v, pHalt);
            return pHalt;
          };
          const at = vLadder.indexOf(current.maxUnhealthyUpgradedInstancePercent);
          if (at >= 0) rung(at);
          let hi = vLadder.length - 1;
          // The tightest first (large fleets meet the goal there), then the loosest (if it fails, nothing meets it).
          if (hi >= 0 && rung(0) > request.maxHalt && rung(hi) <= request.maxHalt) {
            let lo = 1;
            while (lo < hi) {
              const mid = (lo + hi) >> 1;
              if (rung(mid) <= request.maxHalt) hi = mid;
              else lo = mid + 1;
            }
            rung(hi);
          }
          // 2. The unhealthy gate's ladder at the post-batch gate to keep: the current one when it meets the goal,
          // else the tightest that does, else the loosest tried.
          const tried = [...rungs].sort((x, y) => x[0] - y[0]);
          const meets = tried.filter(([, p]) => p <= request.maxHalt);
          const vStar =
            meets.find(([v]) => v === current.maxUnhealthyUpgradedInstancePercent)?.[0] ?? meets[0]?.[0] ?? tried[tried.length - 1]?.[0];
          // A few steps are enough: past the failures the upgrade sees, a looser gate neither speeds nor stops it.
          if (vStar !== undefined) for (const u of uLadder.filter((u) => u > uBase).slice(0, UNHEALTHY_STEPS)) evaluate(choice(u, vStar));
        }
    }
  if (truncated) notes.push(`The search stopped at ${MAX_CANDIDATES} policies: the front is over those evaluated.`);
  return { candidates, notes, proposable };
}

function keyOf(c: PolicyChoice): string {
  return JSON.stringify(c);
}

/**
 * One percentage per distinct plan, in increasing order, over the multiples of 5 in the API's range and the
 * current percentage: the current one when its plan is among them, else the smallest that gives the plan.
 */
function batchClasses(request: SearchRequest, maxSurge: boolean): BatchClass[] {
  const { evaluator, space, current } = request;
  const grid = new Set<number>();
  for (let pct = Math.ceil(space.batch.min / GATE_STEP_PERCENT) * GATE_STEP_PERCENT; pct <= space.batch.max; pct += GATE_STEP_PERCENT)
    grid.add(pct);
  const cur = current.maxBatchInstancePercent;
  if (cur >= space.batch.min && cur <= space.batch.max) grid.add(cur);
  // Probed with no unhealthy allowance in the way: the plan of the batch percentage alone.
  const probe = (pct: number) =>
    evaluator.plan(evaluator.inputFor({ ...current, maxBatchInstancePercent: pct, maxUnhealthyInstancePercent: 100, maxSurge }));
  const sizes = (plan: { readonly batches: readonly { readonly size: number }[] }) => plan.batches.map((b) => b.size).join(',');
  // A current policy whose unhealthy allowance holds its batches below its percentage: the smallest percentage
  // that gives those batches on its own, so a policy the advisor may propose can keep them.
  if (current.maxUnhealthyInstancePercent < cur) {
    const held = sizes(evaluator.plan(evaluator.inputFor({ ...current, maxSurge })));
    for (let pct = space.batch.min; pct < cur; pct++)
      if (sizes(probe(pct)) === held) {
        grid.add(pct);
        break;
      }
  }
  const groups: { percents: number[]; key: string }[] = [];
  for (const pct of [...grid].sort((a, b) => a - b)) {
    const plan = probe(pct);
    const key = sizes(plan);
    const last = groups[groups.length - 1];
    if (last && last.key === key) last.percents.push(pct);
    else groups.push({ percents: [pct], key });
    // Every batch is cut short by a zone, a domain or the end: a larger percentage gives the same batches.
    if (plan.batches.every((b) => b.size < plan.batchSize)) break;
  }
  if (!groups.some((g) => g.percents.includes(cur)) && grid.has(cur)) groups[groups.length - 1]?.percents.push(cur);
  return groups.map((g) => ({
    percent: g.percents.includes(cur) ? cur : g.percents[0]!,
    maxSurge,
  }));
}
