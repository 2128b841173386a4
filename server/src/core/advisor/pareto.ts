/**
 * The Pareto front over the advisor's five measures (lower P(halt), durations and bad-image reach, more
 * serving instances) and the choice of the recommended policy among the evaluated ones.
 */
import type { AdvisorPolicy, Candidate, GoalName, ResolvedGoals } from './types';

/** `a` is at least as good as `b` on every measure and better on one. */
export function dominates(a: Candidate, b: Candidate): boolean {
  const le =
    a.pHalt <= b.pHalt &&
    a.durationP50Seconds <= b.durationP50Seconds &&
    a.durationP90Seconds <= b.durationP90Seconds &&
    a.minServing >= b.minServing &&
    a.badImageTouched <= b.badImageTouched;
  const lt =
    a.pHalt < b.pHalt ||
    a.durationP50Seconds < b.durationP50Seconds ||
    a.durationP90Seconds < b.durationP90Seconds ||
    a.minServing > b.minServing ||
    a.badImageTouched < b.badImageTouched;
  return le && lt;
}

function sameMeasures(a: Candidate, b: Candidate): boolean {
  return (
    a.pHalt === b.pHalt &&
    a.durationP50Seconds === b.durationP50Seconds &&
    a.durationP90Seconds === b.durationP90Seconds &&
    a.minServing === b.minServing &&
    a.badImageTouched === b.badImageTouched
  );
}

/** The evaluated policies nothing dominates, one per set of equal measures (the one closest to `current`), fastest first. */
export function paretoFront(evaluated: readonly Candidate[], current: AdvisorPolicy): Candidate[] {
  const kept: Candidate[] = [];
  for (const c of evaluated) {
    if (evaluated.some((o) => dominates(o, c))) continue;
    const twin = kept.findIndex((k) => sameMeasures(k, c));
    if (twin === -1) kept.push(c);
    else if (compareCloseness(c.policy, kept[twin]!.policy, current) < 0) kept[twin] = c;
  }
  return kept.sort(byDuration);
}

function byDuration(a: Candidate, b: Candidate): number {
  return a.durationP50Seconds - b.durationP50Seconds || a.durationP90Seconds - b.durationP90Seconds || a.pHalt - b.pHalt;
}

/** The goals a candidate misses. */
export function missedGoals(c: Candidate, goals: ResolvedGoals): GoalName[] {
  const out: GoalName[] = [];
  if (c.pHalt > goals.maxHalt) out.push('maxHalt');
  if (c.badImageTouched > goals.maxBadImageTouched) out.push('maxBadImageTouched');
  if (c.minServing < goals.minServing) out.push('minServing');
  if (goals.maxDurationSeconds !== null && c.durationP90Seconds > goals.maxDurationSeconds) out.push('maxDurationSeconds');
  return out;
}

/** How far a candidate is from meeting the goals: the sum of its relative shortfalls (0 when it meets them all). */
export function shortfall(c: Candidate, goals: ResolvedGoals): number {
  let s = 0;
  if (c.pHalt > goals.maxHalt) s += (c.pHalt - goals.maxHalt) / Math.max(goals.maxHalt, 0.01);
  if (c.badImageTouched > goals.maxBadImageTouched)
    s += (c.badImageTouched - goals.maxBadImageTouched) / Math.max(1, goals.maxBadImageTouched);
  if (c.minServing < goals.minServing) s += (goals.minServing - c.minServing) / Math.max(1, goals.minServing);
  if (goals.maxDurationSeconds !== null && c.durationP90Seconds > goals.maxDurationSeconds)
    s += (c.durationP90Seconds - goals.maxDurationSeconds) / Math.max(1, goals.maxDurationSeconds);
  return s;
}

/** Properties changed from `current`, then the sum of the percentage changes: fewer and smaller edits first. */
export function compareCloseness(a: AdvisorPolicy, b: AdvisorPolicy, current: AdvisorPolicy): number {
  return changedCount(a, current) - changedCount(b, current) || distance(a, current) - distance(b, current);
}

const POLICY_KEYS: readonly (keyof AdvisorPolicy)[] = [
  'maxBatchInstancePercent',
  'maxUnhealthyInstancePercent',
  'maxUnhealthyUpgradedInstancePercent',
  'pauseTimeBetweenBatches',
  'maxSurge',
  'prioritizeUnhealthyInstances',
];

/** The same policy, property by property (a policy that came through a message has its own key order). */
export function samePolicy(a: AdvisorPolicy, b: AdvisorPolicy): boolean {
  return POLICY_KEYS.every((k) => a[k] === b[k]);
}

export function changedProperties(p: AdvisorPolicy, current: AdvisorPolicy): (keyof AdvisorPolicy)[] {
  return (Object.keys(p) as (keyof AdvisorPolicy)[]).filter((k) => p[k] !== current[k]);
}

function changedCount(p: AdvisorPolicy, current: AdvisorPolicy): number {
  return changedProperties(p, current).length;
}

function distance(p: AdvisorPolicy, current: AdvisorPolicy): number {
  return (
    Math.abs(p.maxBatchInstancePercent - current.maxBatchInstancePercent) +
    Math.abs(p.maxUnhealthyInstancePercent - current.maxUnhealthyInstancePercent) +
    Math.abs(p.maxUnhealthyUpgradedInstancePercent - current.maxUnhealthyUpgradedInstancePercent)
  );
}

/**
 * The fastest candidate (median duration) that meets every goal, the one closest to the current policy
 * among equally fast ones, then the shorter 90th percentile; when none meets them all, the one with the
 * smallest shortfall.
 */
export function recommend(candidates: readonly Candidate[], goals: ResolvedGoals, current: AdvisorPolicy): Candidate | undefined {
  const meeting = candidates.filter((c) => missedGoals(c, goals).length === 0);
  const ranked = (xs: readonly Candidate[], first: (a: Candidate, b: Candidate) => number) =>
    [...xs].sort(
      (a, b) =>
        first(a, b) ||
        a.durationP50Seconds - b.durationP50Seconds ||
        compareCloseness(a.policy, b.policy, current) ||
        a.durationP90Seconds - b.durationP90Seconds ||
        a.pHalt - b.pHalt,
    )[0];
  if (meeting.length > 0) return ranked(meeting, () => 0);
  return ranked(candidates, (a, b) => shortfall(a, goals) - shortfall(b, goals));
}
