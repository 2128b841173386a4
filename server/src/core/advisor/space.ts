/**
 * The search space: which values of each rolling-policy property the advisor may propose, from the catalog's
 * ranges and the API version that added each property. Only values that change the upgrade are evaluated:
 * batch percentages by the plan they give, gate percentages by the unhealthy counts they let pass.
 */
import { isApiVersionAtLeast, ROLLING_UPGRADE_POLICY } from '../catalog';
import { asString } from '../model/values';
import type { ScaleSetModel } from '../model/templateModel';
import { gateAllowance } from '../sim';

/** The advisor never proposes a health gate above this (a gate at 100 % is switched off; above half, it stops only a fleet-wide failure). */
export const MAX_PROPOSED_GATE_PERCENT = 50;
/** Gate percentages tried: the multiples of 5 up to the cap, plus the current value. */
export const GATE_STEP_PERCENT = 5;

export interface Range {
  readonly min: number;
  readonly max: number;
}

export interface SearchSpace {
  readonly batch: Range;
  readonly unhealthy: Range;
  readonly upgraded: Range;
  /** maxSurge and prioritizeUnhealthyInstances exist at this apiVersion (and the upgrade can use them). */
  readonly maxSurge: boolean;
  readonly prioritizeUnhealthyInstances: boolean;
  /** The apiVersion has these properties, so a policy shows them (searched or not). */
  readonly versionHas: { readonly maxSurge: boolean; readonly prioritizeUnhealthyInstances: boolean };
  /** Why a property is not searched, in sentences. */
  readonly notes: readonly string[];
}

function rangeOf(name: string): Range {
  const p = ROLLING_UPGRADE_POLICY.properties.find((x) => x.name === name)!;
  return { min: p.minimum ?? 0, max: p.maximum ?? 100 };
}

function sinceOf(name: string): string {
  return ROLLING_UPGRADE_POLICY.properties.find((x) => x.name === name)!.since;
}

/** What the scale set's apiVersion allows; `surgeUsable` is false where the upgrade ignores maxSurge (Flexible OS upgrades). */
export function searchSpace(model: ScaleSetModel, surgeUsable: boolean, unhealthyBefore: boolean): SearchSpace {
  const notes: string[] = [];
  const apiVersion = asString(model.apiVersion);
  const allowed = (name: string): boolean => {
    const since = sinceOf(name);
    const ok = apiVersion === undefined ? undefined : isApiVersionAtLeast(apiVersion, since);
    if (ok === undefined) notes.push(`${name} is not searched: the apiVersion is not known, and the property needs ${since} or later.`);
    else if (!ok) notes.push(`${name} is not searched: apiVersion ${apiVersion} is older than ${since}, which added it.`);
    return ok === true;
  };
  const versionHas = { maxSurge: allowed('maxSurge'), prioritizeUnhealthyInstances: allowed('prioritizeUnhealthyInstances') };
  let maxSurge = versionHas.maxSurge;
  if (maxSurge && !surgeUsable) {
    notes.push('maxSurge is not searched: automatic OS upgrades of Flexible scale sets upgrade in place.');
    maxSurge = false;
  }
  let prioritize = versionHas.prioritizeUnhealthyInstances;
  if (prioritize && !unhealthyBefore) {
    notes.push('prioritizeUnhealthyInstances is kept: with no instance unhealthy before the upgrade it changes nothing.');
    prioritize = false;
  }
  return {
    batch: rangeOf('maxBatchInstancePercent'),
    unhealthy: rangeOf('maxUnhealthyInstancePercent'),
    upgraded: rangeOf('maxUnhealthyUpgradedInstancePercent'),
    maxSurge,
    prioritizeUnhealthyInstances: prioritize,
    versionHas,
    notes,
  };
}

/**
 * Gate percentages from `from` to the cap in steps of 5 (from itself included), plus `current` when the API's
 * range has it, it is at least `from` and below 100; one per class of equal allowances over `denominators`
 * (the current value stands for its class). Empty when `from` is above the cap.
 */
export function gateLadder(range: Range, from: number, current: number, denominators: readonly number[]): number[] {
  const lo = Math.max(range.min, from);
  const hi = Math.min(range.max, MAX_PROPOSED_GATE_PERCENT);
  const values = new Set<number>();
  for (let v = Math.ceil(lo / GATE_STEP_PERCENT) * GATE_STEP_PERCENT; v <= hi; v += GATE_STEP_PERCENT) values.add(v);
  if (lo <= hi) values.add(lo);
  if (current >= lo && current < 100 && current <= range.max) values.add(current);
  const byKey = new Map<string, number>();
  for (const v of [...values].sort((a, b) => a - b)) {
    const key = denominators.map((d) => gateAllowance(v, d)).join(',');
    const seen = byKey.get(key);
    if (seen === undefined || v === current) byKey.set(key, v);
  }
  return [...byKey.values()].sort((a, b) => a - b);
}

/** 1 … n: every count of upgraded instances a post-batch gate can divide by (batches shrink at random). */
export function allDenominators(n: number): number[] {
  return Array.from({ length: Math.max(1, n) }, (_, i) => i + 1);
}
