/**
 * The advice as `vmss-upgrade advise --format json` prints it (docs/cli.md, version 1): exactly the fields of
 * the contract, each candidate as { policy, pHalt, durationP50Seconds, durationP90Seconds, minServing,
 * badImageTouched }.
 */
import type { Advice, AdvisorPolicy, Candidate, GoalName, ResolvedGoals } from './types';

export interface ContractCandidate {
  readonly policy: AdvisorPolicy;
  readonly pHalt: number;
  readonly durationP50Seconds: number;
  readonly durationP90Seconds: number;
  readonly minServing: number;
  readonly badImageTouched: number;
}

export interface AdviceContract {
  readonly version: 1;
  readonly scaleSet: string;
  readonly goals: ResolvedGoals;
  readonly current: ContractCandidate;
  readonly recommended: ContractCandidate | null;
  readonly missedGoals: readonly GoalName[];
  readonly front: readonly ContractCandidate[];
}

function candidate(c: Candidate): ContractCandidate {
  return {
    policy: c.policy,
    pHalt: c.pHalt,
    durationP50Seconds: c.durationP50Seconds,
    durationP90Seconds: c.durationP90Seconds,
    minServing: c.minServing,
    badImageTouched: c.badImageTouched,
  };
}

export function adviceContract(advice: Advice): AdviceContract {
  return {
    version: 1,
    scaleSet: advice.scaleSet,
    goals: advice.goals,
    current: candidate(advice.current),
    recommended: candidate(advice.recommended),
    missedGoals: advice.missedGoals,
    front: advice.front.map(candidate),
  };
}
