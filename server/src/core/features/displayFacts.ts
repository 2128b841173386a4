import type { RProperty, RValue, ScaleSetModel, ValueSource } from '../model/templateModel';
import { ROLLING_UPGRADE_POLICY } from '../catalog';
import { scaleSetCapacity } from '../sim/capacity';
import { ASSUMED_CAPACITY } from '../sim/defaults';
import { simInputFromScaleSet, type WhatIf } from '../sim/fromScaleSet';
import { gateAllowance } from '../sim/gates';
import { planReasons, planUpgrade, reasonWords, rejectNotes, sizeRange } from '../sim/plan';
import type { UpgradePlan } from '../sim/simData';
import { spanContains } from '../text/span';
import { clipText } from '../text/clip';

/** Numbers and words about one scale set that hovers, hints and lenses share. */

export interface CapacityFact {
  /** The instances simulated: sku.capacity, held to what Azure allows in this scale set. */
  readonly count: number;
  /** False when sku.capacity is missing or an expression we cannot evaluate: `count` is then assumed. */
  readonly known: boolean;
  /** sku.capacity when it is more than Azure allows (`count` is then the limit). */
  readonly clampedFrom?: number;
}

/** The simulator's capacity (sim/capacity.ts), so hovers, hints and lenses show the numbers the preview does. */
export function capacityOf(scaleSet: ScaleSetModel, assumed: number = ASSUMED_CAPACITY): CapacityFact {
  const { count, known, clampedFrom } = scaleSetCapacity(scaleSet, assumed);
  return clampedFrom === undefined ? { count, known } : { count, known, clampedFrom };
}

/** The editor's what-if settings, which the scale-set list and every advice in the editor start from. */
export interface EditorWhatIfDefaults {
  /** Instances assumed when sku.capacity is unknown (vmssUpgrade.whatIf.capacity). */
  readonly assumedCapacity?: number;
  /** The failure rate (vmssUpgrade.whatIf.failureRate); the advisor's default 2 % without one. */
  readonly failureRate?: number;
}

/** The what-if of those settings for one scale set: the assumed capacity only where the template's is unknown. */
export function editorWhatIf(scaleSet: ScaleSetModel, o: EditorWhatIfDefaults): WhatIf {
  const capacity = capacityOf(scaleSet, o.assumedCapacity);
  return {
    ...(capacity.known ? {} : { capacity: capacity.count }),
    ...(o.failureRate !== undefined ? { failureRate: o.failureRate } : {}),
  };
}

/** "sku.capacity 100000 is more than Azure allows: 1000 simulated", or undefined when nothing was held back. */
export function clampedLabel(capacity: CapacityFact): string | undefined {
  return capacity.clampedFrom === undefined
    ? undefined
    : `sku.capacity ${capacity.clampedFrom} is more than Azure allows: ${capacity.count} simulated`;
}

/**
 * The simulator's plan for a rolling upgrade with the template's rolling policy (a model update in mode
 * Rolling, whatever mode the template sets): the batches hovers, hints and lenses quote. A batch never
 * leaves its zone and update domain, so a small zonal fleet goes one instance at a time whatever the
 * percentage; each smaller batch says why (sim/plan.ts).
 */
export function policyPlan(scaleSet: ScaleSetModel, capacity: CapacityFact): UpgradePlan {
  const mapped = simInputFromScaleSet(scaleSet, { ...(capacity.known ? {} : { capacity: capacity.count }), trigger: 'model' });
  return planUpgrade({ ...mapped.input, mode: 'Rolling' });
}

/**
 * The plan of an automatic OS upgrade (trigger aos), with the waits for approval the template's lifecycle
 * hooks, deferral and OS image scheduled events add; undefined when automatic OS upgrades are off, as then
 * nothing waits for them.
 */
export function osUpgradePlan(
  scaleSet: ScaleSetModel,
  capacity: CapacityFact,
): { readonly plan: UpgradePlan; readonly rejects: readonly string[] } | undefined {
  const { input } = simInputFromScaleSet(scaleSet, { ...(capacity.known ? {} : { capacity: capacity.count }), trigger: 'aos' });
  return input.automaticOSUpgradePolicy?.enableAutomaticOSUpgrade ? { plan: planUpgrade(input), rejects: rejectNotes(input) } : undefined;
}

/** "2 of 10 per batch", or "batches of 1: zone, update domain" when boundaries make them smaller. */
export function batchHint(plan: UpgradePlan, of: string): string {
  const reasons = planReasons(plan);
  if (reasons.length === 0) return `${plan.batchSize} of ${of} per batch`;
  return `batches of ${sizeRange(plan)} of ${of}: ${reasonWords(reasons)
    .replace(/^a batch stays within one /, 'one ')
    .replace('a batch is held to the instances maxUnhealthyInstancePercent allows to be unhealthy', 'held to the unhealthy limit')}`;
}

/** "1 pause", "3 pauses". */
export function pausesLabel(count: number): string {
  return `${count} ${count === 1 ? 'pause' : 'pauses'}`;
}

/**
 * The most unhealthy instances the rolling policy's gate `name` at `percent` lets pass over `capacity`: the
 * simulator's own gate arithmetic. Undefined outside the property's range, where Azure rejects the template and
 * a count ("≤ 6 of 4" at 150 %) would read as a working limit.
 */
export function instancesAllowed(name: string, capacity: number, percent: number): number | undefined {
  const property = ROLLING_UPGRADE_POLICY.properties.find((p) => p.name === name);
  if (property?.minimum !== undefined && percent < property.minimum) return undefined;
  if (property?.maximum !== undefined && percent > property.maximum) return undefined;
  return gateAllowance(percent, capacity);
}

const SOURCE_WORDS: Readonly<Record<ValueSource, string>> = {
  literal: 'written in the template',
  expression: 'computed by the expression',
  variable: 'from a variable',
  default: "from a parameter's default value",
  parametersFile: 'from the parameters file',
  unknown: 'unknown before deployment',
};

export function describeSource(source: ValueSource): string {
  return SOURCE_WORDS[source];
}

/** The resolved property of the scale set's model whose key or value holds the offset (deepest first). */
export function resolvedPropertyAt(scaleSet: ScaleSetModel, offset: number): RProperty | undefined {
  const roots = [
    scaleSet.upgradePolicy,
    scaleSet.orchestrationMode,
    scaleSet.automaticRepairsPolicy,
    scaleSet.lifecycleHooksProfile,
    scaleSet.scheduledEventsProfile,
  ];
  for (const root of roots) {
    const found = root && search(root, offset, 0);
    if (found) return found;
  }
  return undefined;
}

function search(prop: RProperty, offset: number, depth: number): RProperty | undefined {
  if (depth > 8) return undefined;
  // A value built by one expression: its parts all point at that expression, so the whole answers.
  if (prop.value.expression !== undefined && spanContains(prop.value.span, offset)) return prop;
  if (prop.value.kind === 'object') {
    for (const child of prop.value.properties) {
      const found = search(child, offset, depth + 1);
      if (found) return found;
    }
  }
  // An array of objects (lifecycleHooksProfile.lifecycleHooks): the properties of the item at the offset.
  if (prop.value.kind === 'array') {
    for (const item of prop.value.items) {
      if (item.kind !== 'object' || !spanContains(item.span, offset)) continue;
      for (const child of item.properties) {
        const found = search(child, offset, depth + 1);
        if (found) return found;
      }
    }
  }
  return spanContains(prop.keySpan, offset) || spanContains(prop.value.span, offset) ? prop : undefined;
}

/**
 * The longest piece of template text (a value, an expression) a hover or hint quotes: more than a message
 * (rules/valueOrigin.ts: MESSAGE_QUOTE_MAX), still a line or two; the editor shows the text itself.
 */
export const DISPLAY_QUOTE_MAX = 200;

/** A resolved value in a few words: `20`, `"PT5M"`, or "unknown (reason)"; a long string is clipped. */
export function showValue(value: RValue): string {
  switch (value.kind) {
    case 'unknown':
      return `unknown (${clipText(value.unknown.reason, DISPLAY_QUOTE_MAX)})`;
    case 'object':
      return '{…}';
    case 'array':
      return '[…]';
    case 'string':
      return JSON.stringify(clipText(value.value, DISPLAY_QUOTE_MAX));
    default:
      return JSON.stringify(value.value);
  }
}
