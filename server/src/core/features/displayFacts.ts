import type { RProperty, RValue, ScaleSetModel, ValueSource } from '../model/templateModel';
import { DEFAULT_ASSUMPTIONS } from '../sim/assumptions';
import { baseBatchSize } from '../sim/batches';
import { scaleSetCapacity } from '../sim/capacity';
import { ASSUMED_CAPACITY } from '../sim/defaults';
import { simInputFromScaleSet } from '../sim/fromScaleSet';
import { simulate } from '../sim/simulate';
import { spanContains } from '../text/span';

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

/** "sku.capacity 100000 is more than Azure allows: 1000 simulated", or undefined when nothing was held back. */
export function clampedLabel(capacity: CapacityFact): string | undefined {
  return capacity.clampedFrom === undefined
    ? undefined
    : `sku.capacity ${capacity.clampedFrom} is more than Azure allows: ${capacity.count} simulated`;
}

/** Instances in one batch at this percentage, as the simulator computes it. */
export function instancesPerBatch(capacity: number, percent: number): number {
  return capacity === 0 ? 0 : baseBatchSize(capacity, percent, DEFAULT_ASSUMPTIONS.batchRounding);
}

/**
 * How many batches a rolling upgrade of the template's model takes, as the simulator (and so the CodeLens
 * and the preview) plans it with no failures: a batch never leaves its zone and update domain, so a small
 * zonal fleet goes one instance at a time whatever the percentage. Falls back to the percentage alone when
 * the scale set does not upgrade in batches (mode Manual or Automatic).
 */
export function plannedBatchCount(scaleSet: ScaleSetModel, capacity: CapacityFact, percent: number): number {
  const run = simulate(simInputFromScaleSet(scaleSet, { ...(capacity.known ? {} : { capacity: capacity.count }), trigger: 'model' }).input);
  if (run.strategy === 'rolling' && run.batches.length > 0) return run.batches.length;
  const size = instancesPerBatch(capacity.count, percent);
  return size > 0 ? Math.ceil(capacity.count / size) : 0;
}

/** "1 pause", "3 pauses". */
export function pausesLabel(count: number): string {
  return `${count} ${count === 1 ? 'pause' : 'pauses'}`;
}

/** How many instances a "max unhealthy" percentage tolerates (floor, as the gates compare percentages). */
export function instancesAllowed(capacity: number, percent: number): number {
  return Math.floor((capacity * percent) / 100);
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
  const roots = [scaleSet.upgradePolicy, scaleSet.orchestrationMode, scaleSet.automaticRepairsPolicy];
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
  return spanContains(prop.keySpan, offset) || spanContains(prop.value.span, offset) ? prop : undefined;
}

/** A resolved value in a few words: `20`, `"PT5M"`, or "unknown (reason)". */
export function showValue(value: RValue): string {
  switch (value.kind) {
    case 'unknown':
      return `unknown (${value.unknown.reason})`;
    case 'object':
      return '{…}';
    case 'array':
      return '[…]';
    default:
      return JSON.stringify(value.value);
  }
}
