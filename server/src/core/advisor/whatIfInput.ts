/**
 * The what-if the preview's advisor takes, as plain data a message can carry (AdvisorWhatIfInput), checked
 * against the limits every surface uses and mapped to the simulator's WhatIf.
 */
import { ASSUMPTIONS, whatIfProblem } from '../sim';
import type { Trigger, WhatIf } from '../sim';
import type { AdvisorWhatIfInput } from './types';

const TRIGGERS: readonly Trigger[] = ['aos', 'manual-os', 'model'];
/** The numeric fields of AdvisorWhatIfInput, which every side checks and copies by this list. */
export const ADVISOR_WHAT_IF_NUMBERS = ['capacity', 'failureRate', 'unhealthy', 'upgradeSeconds', 'healthySeconds', 'seed'] as const;

/** The simulator's what-if for the preview's fields, or what is wrong with them (the limits every surface uses). */
export function advisorWhatIf(input: AdvisorWhatIfInput): WhatIf | string {
  if (input.trigger !== undefined && !TRIGGERS.includes(input.trigger)) return `the trigger must be one of ${TRIGGERS.join(', ')}`;
  for (const key of ADVISOR_WHAT_IF_NUMBERS) {
    const value = input[key];
    if (value === undefined) continue;
    const problem =
      typeof value === 'number' ? whatIfProblem(key, value, key === 'unhealthy' ? input.capacity : undefined) : `${key} must be a number`;
    if (problem) return problem;
  }
  for (const [name, value] of Object.entries(input.assumptions ?? {})) {
    const info = ASSUMPTIONS.find((a) => a.name === name);
    if (!info) return `there is no assumption ${name}`;
    if (!info.values.includes(value)) return `assumption ${name} is one of ${info.values.join(', ')}, not ${value}`;
  }
  const timings = {
    ...(input.upgradeSeconds !== undefined ? { upgradeSeconds: input.upgradeSeconds } : {}),
    ...(input.healthySeconds !== undefined ? { healthySeconds: input.healthySeconds } : {}),
  };
  return {
    ...(input.trigger !== undefined ? { trigger: input.trigger } : {}),
    ...(input.capacity !== undefined ? { capacity: input.capacity } : {}),
    ...(input.failureRate !== undefined ? { failureRate: input.failureRate } : {}),
    ...(input.unhealthy !== undefined ? { unhealthy: input.unhealthy } : {}),
    ...(input.seed !== undefined ? { seed: input.seed } : {}),
    ...(Object.keys(timings).length > 0 ? { timings } : {}),
    ...(input.assumptions && Object.keys(input.assumptions).length > 0 ? { assumptions: input.assumptions } : {}),
  };
}
