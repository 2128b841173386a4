/**
 * The assumptions that would change the advice's numbers: the current and the recommended policy scored again
 * under each single-switch alternative of the simulator's assumptions (same seeds, same trials), kept when a
 * number moves. What a pull-request comment must say about where its numbers come from.
 */
import { alternatives, simInputFromScaleSet, triggerPlan } from '../sim';
import type { WhatIf } from '../sim';
import { parseIsoDuration } from '../catalog';
import type { ScaleSetModel } from '../model/templateModel';
import { choiceOf, createEvaluator } from './evaluate';
import type { PolicyChoice } from './evaluate';
import { missedGoals } from './pareto';
import type { Advice, AdvisorPolicy, AssumptionEffect, Candidate } from './types';

/** The choice a candidate's policy stands for, the properties it does not show taken from `fallback`. */
export function choiceFromPolicy(policy: AdvisorPolicy, fallback: PolicyChoice): PolicyChoice {
  const pause = parseIsoDuration(policy.pauseTimeBetweenBatches);
  return {
    maxBatchInstancePercent: policy.maxBatchInstancePercent,
    maxUnhealthyInstancePercent: policy.maxUnhealthyInstancePercent,
    maxUnhealthyUpgradedInstancePercent: policy.maxUnhealthyUpgradedInstancePercent,
    pauseTimeBetweenBatchesSeconds: pause.ok ? pause.seconds : fallback.pauseTimeBetweenBatchesSeconds,
    maxSurge: policy.maxSurge ?? fallback.maxSurge,
    prioritizeUnhealthyInstances: policy.prioritizeUnhealthyInstances ?? fallback.prioritizeUnhealthyInstances,
  };
}

/** Duration changes within this share are noise (the simulator's sensitivity analysis uses the same). */
const DURATION_NOISE = 0.1;

/**
 * The measures of `b` that differ from `a` beyond noise: P(halt) by half a point and, when either is a Monte
 * Carlo estimate, by two standard errors (an alternative can reorder the instances, so the trials draw other
 * failures); durations by more than 10 %; counts at all.
 */
export function movedMeasures(a: Candidate, b: Candidate, trials: number): (keyof Candidate)[] {
  const out: (keyof Candidate)[] = [];
  const mc = a.pHaltMethod === 'monteCarlo' || b.pHaltMethod === 'monteCarlo';
  const p = (a.pHalt + b.pHalt) / 2;
  const noise = Math.max(0.005, mc ? 2 * Math.sqrt((p * (1 - p)) / Math.max(1, trials)) : 0);
  if (Math.abs(a.pHalt - b.pHalt) > noise) out.push('pHalt');
  const far = (x: number, y: number) => Math.abs(x - y) > DURATION_NOISE * Math.max(x, y);
  if (far(a.durationP50Seconds, b.durationP50Seconds)) out.push('durationP50Seconds');
  if (far(a.durationP90Seconds, b.durationP90Seconds)) out.push('durationP90Seconds');
  if (a.minServing !== b.minServing) out.push('minServing');
  if (a.badImageTouched !== b.badImageTouched) out.push('badImageTouched');
  return out;
}

export function assumptionEffects(model: ScaleSetModel, advice: Advice, whatIf: WhatIf = {}): AssumptionEffect[] {
  const base = simInputFromScaleSet(model, { ...whatIf, failureRate: advice.goals.failureRate });
  const out: AssumptionEffect[] = [];
  for (const alt of alternatives(base.input.assumptions)) {
    const input = { ...base.input, assumptions: alt.values };
    const shows = {
      maxSurge: advice.current.policy.maxSurge !== undefined,
      prioritizeUnhealthyInstances: advice.current.policy.prioritizeUnhealthyInstances !== undefined,
    };
    const evaluator = createEvaluator(input, { trials: advice.trials, shows, useRollingPolicy: advice.setsUseRollingUpgradePolicy });
    const currentChoice = choiceOf(triggerPlan(input).policy);
    const current = evaluator.evaluate(input, currentChoice);
    const choice = choiceFromPolicy(advice.recommended.policy, currentChoice);
    const recommended = advice.keepCurrent ? current : evaluator.evaluate(evaluator.inputFor(choice), choice);
    const before = new Set(advice.missedGoals);
    const breaks = missedGoals(recommended, advice.goals).filter((g) => !before.has(g));
    const currentMoves = movedMeasures(advice.current, current, advice.trials);
    const recommendedMoves = movedMeasures(advice.recommended, recommended, advice.trials);
    if (currentMoves.length === 0 && recommendedMoves.length === 0 && breaks.length === 0) continue;
    out.push({ assumption: alt.name, value: alt.value, current, recommended, currentMoves, recommendedMoves, breaks });
  }
  return out;
}
