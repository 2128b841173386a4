/**
 * What the user changed in the preview (what-if inputs) and how they apply to the template's simulator
 * input. Pure: no DOM, so unit tests cover it directly.
 */
import {
  ASSUMPTIONS,
  DEFAULT_ASSUMPTIONS,
  WHAT_IF_LIMITS,
  defaultInput,
  expected,
  inRange,
  targetVersionProblem,
  whatIfProblem,
  withApprovedAfter,
} from '../../server/src/core/sim/index';
import type {
  ApprovalKey,
  ApprovedAfter,
  AssumptionName,
  AssumptionValues,
  SimInput,
  Trigger,
  WhatIfNumber,
} from '../../server/src/core/sim/index';
import type { PreviewScaleSet } from './protocol';

/** Every field optional: absent means "as the template (or the simulator's default) says". */
export interface WhatIf {
  readonly trigger?: Trigger;
  readonly capacity?: number;
  /** Independent probability that one upgraded instance does not become healthy, 0–1. */
  readonly failureRate?: number;
  readonly badImage?: boolean;
  /** Instances unhealthy before the upgrade starts. */
  readonly unhealthy?: number;
  readonly upgradeSeconds?: number;
  readonly healthySeconds?: number;
  readonly seed?: number;
  /** The image version an OS upgrade goes to (the osUpgradeHistory export); the default is made up. */
  readonly targetVersion?: string;
  readonly assumptions?: Partial<AssumptionValues>;
  /** Simulate although a finding says Azure rejects the template or the upgrade cannot run. */
  readonly ignoreBlockers?: boolean;
  /** Seconds after each wait's event until it is approved (lifecycle hooks, deferral, OS image scheduled events). */
  readonly approvedAfter?: ApprovedAfter;
}

/** The waits a what-if can answer, with the label of their "approved after" field. */
export const APPROVAL_FIELDS: readonly { readonly key: ApprovalKey; readonly label: string }[] = [
  { key: 'UpgradeAutoOSScheduling', label: 'Scheduling hook approved after (min)' },
  { key: 'UpgradeAutoOSRollingBatchStarting', label: 'Batch hook approved after (min)' },
  { key: 'deferral', label: 'Deferral approved after (min)' },
  { key: 'osImageNotification', label: 'OS image event approved after (min)' },
];

/** Longer than any documented wait (the hooks' unverified maxima are 2 days and 4 hours). */
export const MAX_APPROVAL_SECONDS = 30 * 86_400;

export const TRIGGERS: readonly { value: Trigger; text: string }[] = [
  { value: 'aos', text: 'Automatic OS upgrade' },
  { value: 'manual-os', text: 'Manual OS upgrade' },
  { value: 'model', text: 'Model update' },
];

export function triggerText(trigger: Trigger): string {
  return TRIGGERS.find((t) => t.value === trigger)?.text ?? trigger;
}

/** The template's input, or Azure's defaults with the scale set's name and capacity when the server sent none. */
export function baseInput(scaleSet: PreviewScaleSet): SimInput {
  if (scaleSet.simulatorInput) return scaleSet.simulatorInput;
  const d = defaultInput({ scaleSetName: scaleSet.name });
  return { ...d, fleet: { ...d.fleet, capacity: scaleSet.capacity.count } };
}

export function applyWhatIf(base: SimInput, w: WhatIf): SimInput {
  const capacity = w.capacity ?? base.fleet.capacity;
  const unhealthy = w.unhealthy ?? base.fleet.unhealthy;
  return {
    ...base,
    trigger: w.trigger ?? base.trigger,
    // A what-if capacity replaces the template's, so the template's clamped count (requestedCapacity) no longer applies.
    fleet: {
      ...base.fleet,
      capacity,
      unhealthy: typeof unhealthy === 'number' ? Math.min(unhealthy, capacity) : unhealthy.filter((id) => id < capacity),
      ...(w.capacity !== undefined ? { requestedCapacity: undefined } : {}),
    },
    failures: { ...base.failures, probability: w.failureRate ?? base.failures.probability, badImage: w.badImage ?? base.failures.badImage },
    timings: {
      ...base.timings,
      upgradeSeconds: w.upgradeSeconds ?? base.timings.upgradeSeconds,
      healthySeconds: w.healthySeconds ?? base.timings.healthySeconds,
    },
    seed: w.seed ?? base.seed,
    ...(w.targetVersion !== undefined ? { targetVersion: w.targetVersion } : {}),
    assumptions: { ...DEFAULT_ASSUMPTIONS, ...base.assumptions, ...w.assumptions },
    ...(w.ignoreBlockers ? { ignoreBlockers: true } : {}),
    ...(base.approvals && w.approvedAfter ? { approvals: withApprovedAfter(base.approvals, w.approvedAfter) } : {}),
    // A what-if capacity replaces the template's, so the template's capacity no longer blocks the upgrade.
    ...(w.capacity !== undefined && base.blockedBy
      ? { blockedBy: base.blockedBy.filter((b) => b.ruleId !== 'capacity-out-of-range') }
      : {}),
  };
}

/** Where the capacity used comes from, for the header. */
export function capacitySource(scaleSet: PreviewScaleSet, w: WhatIf): string {
  if (w.capacity !== undefined) return 'what-if override';
  return scaleSet.capacity.known ? 'template' : 'assumed: the template does not say or cannot be evaluated';
}

/** A short label of what differs from the template ("capacity 20, failure 5%"), for compare mode. */
export function describeWhatIf(w: WhatIf): string {
  const parts: string[] = [];
  if (w.trigger) parts.push(triggerText(w.trigger));
  if (w.capacity !== undefined) parts.push(`capacity ${w.capacity}`);
  if (w.failureRate !== undefined) parts.push(`failure ${round(w.failureRate * 100)}%`);
  if (w.badImage) parts.push('bad image');
  if (w.ignoreBlockers) parts.push('blockers ignored');
  if (w.unhealthy !== undefined) parts.push(`${w.unhealthy} unhealthy`);
  if (w.upgradeSeconds !== undefined) parts.push(`upgrade ${w.upgradeSeconds} s`);
  if (w.healthySeconds !== undefined) parts.push(`healthy after ${w.healthySeconds} s`);
  if (w.seed !== undefined) parts.push(`seed ${w.seed}`);
  if (w.targetVersion !== undefined) parts.push(`target version ${w.targetVersion}`);
  for (const [name, value] of Object.entries(w.assumptions ?? {})) parts.push(`${name}=${value}`);
  for (const f of APPROVAL_FIELDS) {
    const v = w.approvedAfter?.[f.key];
    if (v !== undefined) parts.push(`${f.key} approved after ${round(v / 60)} min`);
  }
  return parts.length > 0 ? parts.join(', ') : 'as in the template';
}

/** Parses a field: '' → undefined (template value), else a number within [min, max] or null (invalid). */
export function parseField(text: string, min: number, max: number, integer: boolean): number | undefined | null {
  const t = text.trim();
  if (t === '') return undefined;
  if (!/^-?\d+(\.\d+)?$/.test(t)) return null;
  const n = Number(t);
  return n >= min && n <= max && (!integer || Number.isInteger(n)) ? n : null;
}

/** A field's value (undefined: empty, the template's), or the message to show under it. */
export type FieldCheck = { readonly value: number | undefined; readonly error?: undefined } | { readonly error: string };

/**
 * Checks a what-if field against the engine's limits (WHAT_IF_LIMITS, the same as the CLI's): the message
 * says what the value must be and why. `scale` 100 reads a probability as a percentage; `capacity` is the
 * fleet the value applies to (unhealthy instances cannot outnumber it).
 */
export function checkField(key: WhatIfNumber, text: string, options: { scale?: number; capacity?: number } = {}): FieldCheck {
  const t = text.trim();
  if (t === '') return { value: undefined };
  const scale = options.scale ?? 1;
  const limit = WHAT_IF_LIMITS[key];
  const n = /^-?\d+(\.\d+)?$/.test(t) ? Number(t) / scale : Number.NaN;
  if (!inRange(limit, n)) {
    const range = scale === 100 ? `${expected(limit, 100, '')} %` : expected(limit);
    return { error: `${capitalise(limit.label)} must be ${range}${limit.why ? `: ${limit.why}` : ''}.` };
  }
  const problem = whatIfProblem(key, n, options.capacity);
  return problem ? { error: `${capitalise(problem)}.` } : { value: n };
}

const capitalise = (s: string) => s.charAt(0).toUpperCase() + s.slice(1);

const round = (x: number) => Math.round(x * 100) / 100;

/** Reads a persisted what-if defensively (state may come from an older build). */
export function parseWhatIf(v: unknown): WhatIf {
  if (typeof v !== 'object' || v === null) return {};
  const o = v as Record<string, unknown>;
  const num = (k: string, min: number, max: number) =>
    typeof o[k] === 'number' && (o[k] as number) >= min && (o[k] as number) <= max ? { [k]: o[k] as number } : {};
  const trigger = TRIGGERS.some((t) => t.value === o.trigger) ? { trigger: o.trigger as Trigger } : {};
  const assumptions: Record<string, string> = {};
  if (typeof o.assumptions === 'object' && o.assumptions !== null) {
    for (const [k, val] of Object.entries(o.assumptions)) {
      if (typeof val === 'string' && ASSUMPTIONS.some((a) => a.name === k && a.values.includes(val)))
        assumptions[k as AssumptionName] = val;
    }
  }
  const approvedAfter: Partial<Record<ApprovalKey, number>> = {};
  if (typeof o.approvedAfter === 'object' && o.approvedAfter !== null) {
    for (const f of APPROVAL_FIELDS) {
      const v = (o.approvedAfter as Record<string, unknown>)[f.key];
      if (typeof v === 'number' && v >= 0 && v <= MAX_APPROVAL_SECONDS) approvedAfter[f.key] = v;
    }
  }
  return {
    ...trigger,
    ...(Object.keys(approvedAfter).length > 0 ? { approvedAfter } : {}),
    ...num('capacity', 1, 1000),
    ...num('failureRate', 0, 1),
    ...num('unhealthy', 0, 1000),
    ...num('upgradeSeconds', 0, 86_400),
    ...num('healthySeconds', 0, 86_400),
    ...num('seed', 0, 2 ** 31),
    ...(typeof o.targetVersion === 'string' && !targetVersionProblem(o.targetVersion) ? { targetVersion: o.targetVersion } : {}),
    ...(o.badImage === true ? { badImage: true } : {}),
    ...(o.ignoreBlockers === true ? { ignoreBlockers: true } : {}),
    ...(Object.keys(assumptions).length > 0 ? { assumptions: assumptions as Partial<AssumptionValues> } : {}),
  };
}
