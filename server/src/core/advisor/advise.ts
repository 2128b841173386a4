/**
 * advisePolicy: the rolling policy that meets the user's goals, found by the simulator (docs/advisor.md).
 * It checks the input, decides whether the scale set has a rolling policy to tune, searches only the values
 * that change the upgrade (search.ts), scores each with the engine (evaluate.ts) and returns the Pareto front
 * and the recommendation (pareto.ts). Pure and deterministic: the seed is the what-if's.
 */
import { simInputFromScaleSet, triggerPlan } from '../sim';
import type { MappedInput, WhatIf } from '../sim';
import type { ScaleSetModel } from '../model/templateModel';
import { choiceOf, createEvaluator } from './evaluate';
import { dominates, missedGoals, paretoFront, recommend, samePolicy } from './pareto';
import { searchCandidates } from './search';
import { searchSpace } from './space';
import type { AdvisorGoals, AdvisorResult, GoalName, ResolvedGoals } from './types';

/** The failure rate P(halt) is quoted at unless the what-if gives one: the CodeLens's and first-batch-failure-halts' rate. */
export const DEFAULT_FAILURE_RATE = 0.02;
/** The largest acceptable P(halt) unless the user gives one. */
export const DEFAULT_MAX_HALT = 0.05;
/**
 * Monte Carlo trials per policy, on the same seeds for every policy (common random numbers, so policies are
 * compared on the same failures): enough to rank them and keep one advice within the benchmark's targets
 * (50 ms for 10 instances, 1 s for 1,000); the standard error is about 2 points at a P(halt) of 5 %, and
 * `trials` buys more. A closed form, where one applies, replaces the estimate.
 */
export const DEFAULT_TRIALS = 100;

/** Trials per policy at most (bounded work: a few hundred policies of 1,000 instances). */
export const MAX_TRIALS = 10_000;

export interface AdvisorOptions {
  /** Monte Carlo trials per policy (default DEFAULT_TRIALS, at most MAX_TRIALS). */
  readonly trials?: number;
}

const refuse = (kind: 'invalidInput' | 'nothingToTune', message: string): AdvisorResult => ({ kind, message });

export function advisePolicy(
  model: ScaleSetModel,
  goals: AdvisorGoals = {},
  whatIf: WhatIf = {},
  options: AdvisorOptions = {},
): AdvisorResult {
  const rate = whatIf.failureRate ?? DEFAULT_FAILURE_RATE;
  if (!(rate >= 0 && rate <= 1)) return refuse('invalidInput', `the failure rate must be a number from 0 to 1 (got ${rate})`);
  const invalid = checkGoals(goals);
  if (invalid) return refuse('invalidInput', invalid);
  if (options.trials !== undefined && !(Number.isInteger(options.trials) && options.trials >= 1 && options.trials <= MAX_TRIALS))
    return refuse('invalidInput', `trials must be a whole number from 1 to ${MAX_TRIALS} (got ${options.trials})`);

  let mapped: MappedInput;
  try {
    mapped = simInputFromScaleSet(model, { ...whatIf, failureRate: rate });
  } catch (error) {
    return refuse('invalidInput', error instanceof Error ? error.message : String(error));
  }
  const base = mapped.input;
  const name = model.displayName;
  const plan = triggerPlan(base);
  if (plan.strategy === 'manual')
    return refuse(
      'nothingToTune',
      `nothing to tune: ${name} is in mode Manual without automatic OS upgrade, so no rolling upgrade runs and its policy is never used`,
    );
  if (plan.strategy === 'allAtOnce')
    return refuse(
      'nothingToTune',
      `nothing to tune: ${name} is in mode Automatic without automatic OS upgrade, so a model update upgrades every instance at once and no rolling policy applies`,
    );
  if (plan.serviceFabricWalk)
    return refuse(
      'nothingToTune',
      `nothing to tune: ${name} is a Service Fabric node type, whose upgrade walks its update domains one at a time whatever the rolling policy says`,
    );
  const n = base.fleet.capacity;
  if (n === 0) return refuse('nothingToTune', `nothing to tune: ${name} has no instance to upgrade`);
  if (goals.minServing !== undefined && goals.minServing > n)
    return refuse('invalidInput', `contradictory goals: at least ${goals.minServing} serving is more than the ${n} instances of ${name}`);

  const notes: string[] = [];
  // An OS upgrade reads the template's policy only with useRollingUpgradePolicy; the candidates set it.
  const useRollingPolicy =
    base.trigger !== 'model' &&
    base.automaticOSUpgradePolicy?.useRollingUpgradePolicy !== true &&
    !(base.trigger === 'manual-os' && base.assumptions.manualOsPolicy === 'rollingPolicy');
  if (useRollingPolicy)
    notes.push(
      'The OS upgrade uses the default 20/20/20 policy unless automaticOSUpgradePolicy.useRollingUpgradePolicy is true: every other policy sets it.',
    );
  const unhealthyBefore = typeof base.fleet.unhealthy === 'number' ? base.fleet.unhealthy > 0 : base.fleet.unhealthy.length > 0;
  const space = searchSpace(model, !(base.orchestrationMode === 'Flexible' && base.trigger !== 'model'), unhealthyBefore);
  notes.push(...space.notes);
  const trials = options.trials ?? DEFAULT_TRIALS;
  const evaluator = createEvaluator(base, { trials, shows: space.versionHas, useRollingPolicy });

  const currentChoice = choiceOf(plan.policy);
  const current = evaluator.evaluate(base, currentChoice);
  const currentPolicy = current.policy;
  const resolved: ResolvedGoals = {
    failureRate: rate,
    maxHalt: goals.maxHalt ?? DEFAULT_MAX_HALT,
    maxBadImageTouched: goals.maxBadImageTouched ?? current.badImageTouched,
    minServing: goals.minServing ?? current.minServing,
    maxDurationSeconds: goals.maxDurationSeconds ?? null,
  };
  const defaulted: GoalName[] = (['maxHalt', 'maxBadImageTouched', 'minServing', 'maxDurationSeconds'] as const).filter(
    (g) => goals[g] === undefined,
  );

  const searched = searchCandidates({
    evaluator,
    space,
    current: currentChoice,
    currentCandidate: current,
    capacity: n,
    maxHalt: resolved.maxHalt,
    searchPause: goals.maxDurationSeconds !== undefined,
  });
  notes.push(...searched.notes);
  const evaluated = [current, ...searched.candidates];
  // A policy the advisor would not propose (a gate switched off, a value outside the API's range) is shown, not recommended.
  const proposable = evaluated.filter((c) => c !== current || searched.proposable(currentChoice));
  const recommended = recommend(proposable.length > 0 ? proposable : evaluated, resolved, currentPolicy)!;
  const keepCurrent = samePolicy(recommended.policy, currentPolicy);
  return {
    kind: 'advice',
    scaleSet: name,
    trigger: base.trigger,
    capacity: n,
    goals: resolved,
    defaulted,
    current,
    recommended: keepCurrent ? current : recommended,
    missedGoals: missedGoals(recommended, resolved),
    keepCurrent,
    currentDominated: evaluated.some((c) => dominates(c, current)),
    front: paretoFront(evaluated, currentPolicy),
    evaluated,
    setsUseRollingUpgradePolicy: useRollingPolicy && !keepCurrent,
    candidatesUseRollingUpgradePolicy: useRollingPolicy,
    trials,
    notes,
  };
}

function checkGoals(goals: AdvisorGoals): string | undefined {
  const { maxHalt, maxBadImageTouched, minServing, maxDurationSeconds } = goals;
  if (maxHalt !== undefined && !(maxHalt >= 0 && maxHalt <= 1)) return `the largest P(halt) must be a number from 0 to 1 (got ${maxHalt})`;
  if (maxBadImageTouched !== undefined && !(Number.isInteger(maxBadImageTouched) && maxBadImageTouched >= 1))
    return `contradictory goals: a bad image touches at least the first batch, so at most ${maxBadImageTouched} touched cannot be met; give a whole number of 1 or more`;
  if (minServing !== undefined && !(Number.isInteger(minServing) && minServing >= 0))
    return `the fewest serving instances must be a whole number of 0 or more (got ${minServing})`;
  if (maxDurationSeconds !== undefined && !(maxDurationSeconds > 0 && Number.isFinite(maxDurationSeconds)))
    return `the longest duration must be more than 0 seconds (got ${maxDurationSeconds})`;
  return undefined;
}
