/**
 * Scoring one policy with the simulator: its plan (planUpgrade), P(halt) exact where a closed form applies and
 * else from Monte Carlo trials on the seed shared by every policy, duration percentiles from the same trials,
 * and a bad-image run. No arithmetic of its own: every number is the engine's.
 */
import { formatIsoDuration } from '../catalog';
import { closedForm, OUTCOMES, percentile, planUpgrade, sizeRange, summarizeTrials, TrialRunner } from '../sim';
import type { EffectivePolicy, SimInput, UpgradePlan } from '../sim';
import type { AdvisorPolicy, Candidate } from './types';

/** The rolling-policy fields a candidate sets (the others stay as the template has them). */
export interface PolicyChoice {
  readonly maxBatchInstancePercent: number;
  readonly maxUnhealthyInstancePercent: number;
  readonly maxUnhealthyUpgradedInstancePercent: number;
  readonly pauseTimeBetweenBatchesSeconds: number;
  readonly maxSurge: boolean;
  readonly prioritizeUnhealthyInstances: boolean;
}

export interface Evaluator {
  /** The policy applied to the scale set's input: the template's rolling policy with the choice written in. */
  inputFor(choice: PolicyChoice): SimInput;
  plan(input: SimInput): UpgradePlan;
  evaluate(input: SimInput, choice: PolicyChoice): Candidate;
}

export interface EvaluatorOptions {
  readonly trials: number;
  /** Which optional properties the result's policy shows (those the apiVersion has). */
  readonly shows: { readonly maxSurge: boolean; readonly prioritizeUnhealthyInstances: boolean };
  /** Candidates set automaticOSUpgradePolicy.useRollingUpgradePolicy so an OS upgrade reads their policy. */
  readonly useRollingPolicy: boolean;
}

const COMPLETED = OUTCOMES.indexOf('Completed');

export function choiceOf(policy: EffectivePolicy): PolicyChoice {
  return {
    maxBatchInstancePercent: policy.maxBatchInstancePercent,
    maxUnhealthyInstancePercent: policy.maxUnhealthyInstancePercent,
    maxUnhealthyUpgradedInstancePercent: policy.maxUnhealthyUpgradedInstancePercent,
    pauseTimeBetweenBatchesSeconds: policy.pauseTimeBetweenBatchesSeconds,
    maxSurge: policy.maxSurge,
    prioritizeUnhealthyInstances: policy.prioritizeUnhealthyInstances,
  };
}

export function policyOf(choice: PolicyChoice, shows: EvaluatorOptions['shows']): AdvisorPolicy {
  return {
    maxBatchInstancePercent: choice.maxBatchInstancePercent,
    maxUnhealthyInstancePercent: choice.maxUnhealthyInstancePercent,
    maxUnhealthyUpgradedInstancePercent: choice.maxUnhealthyUpgradedInstancePercent,
    pauseTimeBetweenBatches: formatIsoDuration(choice.pauseTimeBetweenBatchesSeconds),
    ...(shows.maxSurge ? { maxSurge: choice.maxSurge } : {}),
    ...(shows.prioritizeUnhealthyInstances ? { prioritizeUnhealthyInstances: choice.prioritizeUnhealthyInstances } : {}),
  };
}

export function createEvaluator(base: SimInput, options: EvaluatorOptions): Evaluator {
  // Plans depend on the batch percentage, the unhealthy allowance and surge, not on the post-batch gate or the pause's length.
  const plans = new Map<string, UpgradePlan>();
  const planKey = (input: SimInput) => {
    const p = input.rollingUpgradePolicy ?? {};
    return `${p.maxBatchInstancePercent}|${p.maxUnhealthyInstancePercent}|${p.maxSurge}|${p.prioritizeUnhealthyInstances}|${p.pauseTimeBetweenBatchesSeconds}`;
  };
  const plan = (input: SimInput): UpgradePlan => {
    const key = planKey(input);
    let found = plans.get(key);
    if (!found) {
      found = planUpgrade(input);
      plans.set(key, found);
    }
    return found;
  };
  return {
    inputFor(choice) {
      return {
        ...base,
        rollingUpgradePolicy: {
          ...base.rollingUpgradePolicy,
          maxBatchInstancePercent: choice.maxBatchInstancePercent,
          maxUnhealthyInstancePercent: choice.maxUnhealthyInstancePercent,
          maxUnhealthyUpgradedInstancePercent: choice.maxUnhealthyUpgradedInstancePercent,
          pauseTimeBetweenBatchesSeconds: choice.pauseTimeBetweenBatchesSeconds,
          maxSurge: choice.maxSurge,
          prioritizeUnhealthyInstances: choice.prioritizeUnhealthyInstances,
        },
        ...(options.useRollingPolicy
          ? { automaticOSUpgradePolicy: { ...base.automaticOSUpgradePolicy, useRollingUpgradePolicy: true } }
          : {}),
      };
    },
    plan,
    evaluate(input, choice) {
      const planned = plan(input);
      const chunk = new TrialRunner(input).run({ from: 0, count: options.trials });
      const summary = summarizeTrials(chunk);
      const exact = closedForm(
        input,
        planned.batches.map((b) => b.size),
      );
      const h = summary.haltsByCode;
      // A health gate's halt or, under assumption upgradeTimeout, the time limit: either way the upgrade fails.
      const mcHalt =
        h.MaxUnhealthyInstancePercentExceededBeforeRollingUpgrade +
        h.MaxUnhealthyInstancePercentExceededInRollingUpgrade +
        h.MaxUnhealthyUpgradedInstancePercentExceededInRollingUpgrade +
        h.RollingUpgradeTimeoutError;
      // How long an upgrade takes when it completes: a halted trial is short, and must not make a policy look fast.
      const completed = chunk.duration.filter((_, k) => chunk.outcome[k] === COMPLETED);
      const durations = completed.length > 0 ? completed : chunk.duration;
      const bad = new TrialRunner({ ...input, failures: { ...input.failures, probability: 0, badImage: true } }).run({ from: 0, count: 1 });
      return {
        policy: policyOf(choice, options.shows),
        pHalt: exact.pHalt ?? mcHalt,
        pHaltMethod: exact.method ?? 'monteCarlo',
        durationP50Seconds: percentile(durations, 50),
        durationP90Seconds: percentile(durations, 90),
        minServing: planned.minServingInstances,
        badImageTouched: bad.attempted[0] ?? 0,
        batches: describePlan(planned),
      };
    },
  };
}

function describePlan(plan: UpgradePlan): string {
  const n = plan.batches.length;
  return `${n} batch${n === 1 ? '' : 'es'} of ${sizeRange(plan)}`;
}
