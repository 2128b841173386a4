/**
 * Plain-data types of the policy advisor (docs/advisor.md). Everything here is serialisable: the CLI prints it
 * as JSON (docs/cli.md, `advise`) and the preview can post it to the webview as it is.
 */
import type { Trigger, WhatIf } from '../sim';

/** The simulator's what-if (failure rate, capacity, zones, assumptions, seed…) the advice is computed for. */
export type AdvisorWhatIf = WhatIf;

/** The rolling-policy properties the advisor searches, as the template writes them. */
export interface AdvisorPolicy {
  readonly maxBatchInstancePercent: number;
  readonly maxUnhealthyInstancePercent: number;
  readonly maxUnhealthyUpgradedInstancePercent: number;
  /** ISO 8601, e.g. `PT0S`. */
  readonly pauseTimeBetweenBatches: string;
  /** Only when the scale set's apiVersion has the property (catalog `since`). */
  readonly maxSurge?: boolean;
  /** Only when the scale set's apiVersion has the property (catalog `since`). */
  readonly prioritizeUnhealthyInstances?: boolean;
}

export type PHaltMethod = 'binomialTail' | 'dynamicProgramming' | 'monteCarlo';

/** One evaluated policy: the measures the front is built over. */
export interface Candidate {
  readonly policy: AdvisorPolicy;
  /** P(the upgrade halts) under independent failures at the what-if failure rate. */
  readonly pHalt: number;
  readonly pHaltMethod: PHaltMethod;
  /** Duration percentiles over the Monte Carlo trials that complete (all trials when none does): a halt is no quick upgrade. */
  readonly durationP50Seconds: number;
  readonly durationP90Seconds: number;
  /** The plan's minimum of instances serving (every instance healthy). */
  readonly minServing: number;
  /** Instances whose upgrade a bad image (every upgraded instance fails) starts before the upgrade stops. */
  readonly badImageTouched: number;
  /** The plan in words: "10 batches of 1". */
  readonly batches: string;
}

/** What the user asks for; every field optional (advise.ts states the defaults). */
export interface AdvisorGoals {
  /** Largest acceptable P(halt), 0–1. Default 0.05. */
  readonly maxHalt?: number;
  /** Most instances a bad image may touch. Default: what the current policy lets it touch. */
  readonly maxBadImageTouched?: number;
  /** Fewest instances serving during the upgrade. Default: the current policy's. */
  readonly minServing?: number;
  /** Longest acceptable duration (the 90th percentile), seconds. Default: none. */
  readonly maxDurationSeconds?: number;
}

export type GoalName = 'maxHalt' | 'maxBadImageTouched' | 'minServing' | 'maxDurationSeconds';

export interface ResolvedGoals {
  readonly failureRate: number;
  readonly maxHalt: number;
  readonly maxBadImageTouched: number;
  readonly minServing: number;
  readonly maxDurationSeconds: number | null;
}

/** How an assumption the sources do not settle would change the current and the recommended policy's numbers. */
export interface AssumptionEffect {
  readonly assumption: string;
  readonly value: string;
  readonly current: Candidate;
  readonly recommended: Candidate;
  /** The measures that move beyond noise, for each. */
  readonly currentMoves: readonly (keyof Candidate)[];
  readonly recommendedMoves: readonly (keyof Candidate)[];
  /** The goals the recommended policy would miss under this assumption (it meets them under the default). */
  readonly breaks: readonly GoalName[];
}

export interface Advice {
  readonly kind: 'advice';
  readonly scaleSet: string;
  readonly trigger: Trigger;
  readonly capacity: number;
  readonly goals: ResolvedGoals;
  /** Goals the caller left out, which took their defaults. */
  readonly defaulted: readonly GoalName[];
  readonly current: Candidate;
  /** The fastest policy meeting every goal, else the closest one (missedGoals says what it misses). */
  readonly recommended: Candidate;
  readonly missedGoals: readonly GoalName[];
  /** The recommendation is the current policy: nothing to change. */
  readonly keepCurrent: boolean;
  /** Another evaluated policy is at least as good on every measure and better on one. */
  readonly currentDominated: boolean;
  /** The evaluated policies no other evaluated policy dominates, fastest first. */
  readonly front: readonly Candidate[];
  /** Every policy evaluated (the front is a front over these). */
  readonly evaluated: readonly Candidate[];
  /**
   * An automatic OS upgrade reads the template's rolling policy only with useRollingUpgradePolicy true: the
   * candidates assume it, and applying the recommendation sets it.
   */
  readonly setsUseRollingUpgradePolicy: boolean;
  /**
   * Every candidate but the current policy assumes useRollingUpgradePolicy true (the OS upgrade reads the
   * template's policy only then): writing any of them sets it, not only the recommendation.
   */
  readonly candidatesUseRollingUpgradePolicy: boolean;
  /** Monte Carlo trials per policy (the same seeds for every policy). */
  readonly trials: number;
  /** What was searched, what was kept and why, in sentences. */
  readonly notes: readonly string[];
}

/** Why there is no advice: the input is wrong, or the scale set has no rolling policy to tune. */
export interface AdvisorRefusal {
  readonly kind: 'invalidInput' | 'nothingToTune';
  readonly message: string;
}

export type AdvisorResult = Advice | AdvisorRefusal;

/** The what-if the preview advises under: the fields its controls set, as plain data a message can carry. */
export interface AdvisorWhatIfInput {
  readonly trigger?: Trigger;
  readonly capacity?: number;
  readonly failureRate?: number;
  readonly unhealthy?: number;
  readonly upgradeSeconds?: number;
  readonly healthySeconds?: number;
  readonly seed?: number;
  /** NAME=VALUE switches over the default assumptions (docs/simulator.md). */
  readonly assumptions?: Readonly<Record<string, string>>;
}
