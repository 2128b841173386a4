/**
 * The upgrade plan: the batches a scale set's upgrade goes through when every instance stays healthy, and for
 * every batch smaller than the policy allows, why (`limitedBy`). It is the engine's own run (engine.ts) of the
 * input with failures, unhealthy instances and cancellation taken out, so the plan, the run, the rules and
 * every editor surface quote the same batches. docs/simulator.md ("The plan") and docs/cli.md (`.plan`).
 */
import { planApprovals, rejects } from './approvals';
import { alternatives } from './assumptions';
import type { AssumptionName } from './assumptions';
import { DEFAULT_FAILURES } from './defaults';
import { execute, newScratch, prepare } from './engine';
import type { PlanLog } from './engine';
import type { Prepared } from './runState';
import { Rng } from './rng';
import type { LimitReason, PlannedBatch, SimBatch, SimInput, UpgradePlan } from './simData';
import { formatDuration } from './summary';

/**
 * The input the plan runs: no failures, no unhealthy instances, no flapping, no cancellation, no blockers,
 * and a lifecycle hook that would reject taken as approved when its wait runs out (its wait stays in).
 */
export function planInput(input: SimInput): SimInput {
  const { cancelAtSeconds: _cancel, firstBatchFails: _sas, blockedBy: _blocked, ignoreBlockers: _ignore, approvals, ...rest } = input;
  const approved = planApprovals(approvals);
  return {
    ...rest,
    ...(approved ? { approvals: approved } : {}),
    failures: DEFAULT_FAILURES,
    fleet: {
      ...input.fleet,
      unhealthy: 0,
      overrides: input.fleet.overrides.map(({ unhealthy: _u, fails: _f, ...o }) => o),
    },
  };
}

export function planUpgrade(input: SimInput, options: { readonly explain?: boolean } = {}): UpgradePlan {
  const healthy = planInput(input);
  const p = prepare(healthy);
  // No trace: a plan reads only the run's batches, waits and numbers.
  return planOf(input, p, execute(p, Rng.fromSeed(healthy.seed), newScratch(p), 'plan'), options);
}

/** Whether the input already is its plan's input (nothing fails, nothing unhealthy, no cancel), so a run of it is the plan. */
export function isPlanInput(input: SimInput): boolean {
  const f = input.failures;
  return (
    f.probability === 0 &&
    f.failingInstances.length === 0 &&
    !f.badImage &&
    f.flapProbability === 0 &&
    (typeof input.fleet.unhealthy === 'number' ? input.fleet.unhealthy === 0 : input.fleet.unhealthy.length === 0) &&
    !input.fleet.overrides.some((o) => o.unhealthy || o.fails) &&
    input.cancelAtSeconds === undefined &&
    input.firstBatchFails === undefined &&
    !rejects(input)
  );
}

/** The plan from a recorded run of the plan's input. */
export function planOf(
  input: SimInput,
  p: Prepared,
  r: { readonly durationSeconds: number; readonly waitSeconds: number; readonly minServing: number; readonly log: PlanLog },
  options: { readonly explain?: boolean } = {},
): UpgradePlan {
  const batches = r.log.batches.map(plannedBatch);
  const pauseSeconds = p.plan.policy.pauseTimeBetweenBatchesSeconds;
  const base: Omit<UpgradePlan, 'explanation' | 'notes'> = {
    scaleSet: input.scaleSetName,
    trigger: input.trigger,
    strategy: p.plan.strategy,
    capacity: p.fleet.size,
    batchPercent: p.plan.policy.maxBatchInstancePercent,
    batchSize: p.baseBatch,
    batches,
    pauseSeconds,
    pauses: pauseSeconds > 0 && p.plan.strategy === 'rolling' ? Math.max(0, batches.length - 1) : 0,
    durationSeconds: r.durationSeconds,
    waitSeconds: r.waitSeconds,
    waits: r.log.waits,
    minServingInstances: r.minServing,
  };
  const notes = reasonNotes(base, p.fleet.zoneNames.length > 0 ? input.assumptions.updateDomainsPerZone : null);
  if (rejects(input)) notes.push(...rejectNotes(input));
  if (options.explain) notes.push(...assumptionNotes(input, base));
  const explanation = p.refused
    ? 'The manual OS upgrade call is refused (OperationNotAllowed): no unprotected instance has imageReference.version latest'
    : explain(base);
  return { ...base, explanation, notes };
}

function plannedBatch(b: SimBatch): PlannedBatch {
  return {
    index: b.index,
    size: b.members.length,
    instances: b.members.map((m) => m.id),
    zones: [...new Set(b.members.map((m) => m.zone))],
    domains: [...new Set(b.members.map((m) => m.domain))],
    limitedBy: b.limitedBy,
  };
}

/** The reasons smaller batches have, without `remaining` (the last batch takes what is left). */
export function planReasons(plan: Pick<UpgradePlan, 'batches'>): LimitReason[] {
  const seen = new Set<LimitReason>();
  for (const b of plan.batches) for (const r of b.limitedBy) if (r !== 'remaining') seen.add(r);
  return ORDER.filter((r) => seen.has(r));
}

const ORDER: readonly LimitReason[] = [
  'serviceFabricUpdateDomain',
  'phase',
  'zone',
  'updateDomain',
  'faultDomain',
  'unhealthyAllowance',
  'unhealthyFirst',
  'remaining',
];

/** "a batch stays within one zone and update domain", "unhealthy instances shrink it", … */
export function reasonWords(reasons: readonly LimitReason[]): string {
  const within: string[] = [];
  const other: string[] = [];
  for (const r of reasons) {
    if (r === 'phase') within.push('custom-metrics phase');
    else if (r === 'zone') within.push('zone');
    else if (r === 'updateDomain') within.push('update domain');
    else if (r === 'faultDomain') within.push('fault domain');
    else if (r === 'serviceFabricUpdateDomain') other.push('Service Fabric upgrades one update domain at a time');
    else if (r === 'unhealthyAllowance') other.push('a batch is held to the instances maxUnhealthyInstancePercent allows to be unhealthy');
    else if (r === 'unhealthyFirst') other.push('the unhealthy instances taken first (prioritizeUnhealthyInstances) ran out');
    else if (r === 'remaining') other.push('fewer instances were left');
  }
  const parts = within.length > 0 ? [`a batch stays within one ${joinAnd(within)}`, ...other] : other;
  return joinAnd(parts);
}

function joinAnd(xs: readonly string[]): string {
  return xs.length <= 1 ? (xs[0] ?? '') : `${xs.slice(0, -1).join(', ')} and ${xs[xs.length - 1]}`;
}

/** "1", "1–2": the sizes the batches have. */
export function sizeRange(plan: Pick<UpgradePlan, 'batches' | 'batchSize'>): string {
  const sizes = plan.batches.map((b) => b.size);
  if (sizes.length === 0) return String(plan.batchSize);
  const min = Math.min(...sizes);
  const max = Math.max(...sizes);
  return min === max ? String(max) : `${min}–${max}`;
}

/** What a lifecycle hook with defaultAction Reject does to the plan, one line per hook (none when no hook rejects). */
export function rejectNotes(input: SimInput): string[] {
  return (input.approvals?.lifecycleHooks ?? [])
    .filter((h) => h.defaultAction === 'Reject')
    .map(
      (h) =>
        `The ${h.type} hook's defaultAction Reject stops the upgrade unless someone approves within its waitDuration: the plan assumes approval at the end of each wait.`,
    );
}

/** ", and 10 h 0 min of waits for approval" when the plan waits, else nothing. */
function waitWords(plan: Pick<UpgradePlan, 'waitSeconds'>): string {
  return plan.waitSeconds > 0 ? `, and ${formatDuration(plan.waitSeconds)} of waits for approval` : '';
}

function explain(plan: Omit<UpgradePlan, 'explanation' | 'notes'>): string {
  return shapeWords(plan) + (plan.strategy === 'rolling' && plan.batches.length > 0 ? waitWords(plan) : '');
}

function shapeWords(plan: Omit<UpgradePlan, 'explanation' | 'notes'>): string {
  const n = plan.capacity;
  if (plan.strategy === 'manual') return 'Mode Manual: no instance is upgraded until you upgrade instances by hand';
  if (plan.strategy === 'allAtOnce') return `Mode Automatic: all ${n} instance${n === 1 ? '' : 's'} at once`;
  if (plan.batches.length === 0) return 'No instance to upgrade';
  if (plan.batches.every((b) => b.limitedBy.includes('serviceFabricUpdateDomain')))
    return `Service Fabric walks its update domains: ${plan.batches.length} batch${plan.batches.length === 1 ? '' : 'es'} of ${sizeRange(plan)}, one update domain each`;
  const policy = `${plan.batchPercent} % of ${n} = ${plan.batchSize}`;
  const reasons = planReasons(plan);
  const count = `${plan.batches.length} batch${plan.batches.length === 1 ? '' : 'es'}`;
  if (reasons.length === 0) return `${policy}: ${count} of ${sizeRange(plan)}`;
  return `${policy}, but ${reasonWords(reasons)}: ${count} of ${sizeRange(plan)}`;
}

/** One line per reason; `perZone` is assumption updateDomainsPerZone on a zonal scale set (null when regional). */
function reasonNotes(plan: Omit<UpgradePlan, 'explanation' | 'notes'>, perZone: string | null): string[] {
  const notes: string[] = [];
  for (const reason of planReasons(plan)) {
    const smaller = plan.batches.filter((b) => b.limitedBy.includes(reason));
    const all = smaller.length === plan.batches.length && smaller.length > 1;
    const what =
      smaller.length === 1
        ? `batch ${smaller[0]!.index + 1} is`
        : all
          ? `all ${smaller.length} batches are`
          : `${smaller.length} batches are`;
    const assumed =
      reason === 'updateDomain'
        ? perZone === null
          ? ' (assumption domainBoundaries=within; 5 update domains)'
          : ` (assumptions domainBoundaries=within and updateDomainsPerZone=${perZone})`
        : (ASSUMED_BY[reason] ?? '');
    notes.push(`${what} smaller than the policy's batch size of ${plan.batchSize}: ${reasonWords([reason])}${assumed}.`);
  }
  return notes;
}

const ASSUMED_BY: Partial<Record<LimitReason, string>> = {
  faultDomain: ' (assumption domainBoundaries=within)',
  unhealthyAllowance: ' (assumption batchShrinksWithUnhealthy=yes)',
};

interface Shape {
  readonly sizes: string;
  readonly durationSeconds: number;
}

function shapeOf(plan: Pick<UpgradePlan, 'batches' | 'durationSeconds'>): Shape {
  return { sizes: plan.batches.map((b) => b.size).join(','), durationSeconds: plan.durationSeconds };
}

function upgradedBy(plan: Pick<UpgradePlan, 'batches'>): number {
  return plan.batches.reduce((sum, b) => sum + b.size, 0);
}

/**
 * "10 batches of 1, 1 h 8 min", a noun phrase (after "gives" and "with …:"). `otherUpgrades`: how many
 * instances the plan it is set against upgrades; a plan that upgrades fewer says that it stops (an upgrade
 * timeout, a gate that fails before any batch), not "9 batches of 1, 1 h 3 min" or "0 batches of 5, 0 s",
 * which read like a shorter upgrade.
 */
function describeShape(plan: Pick<UpgradePlan, 'batches' | 'durationSeconds' | 'batchSize'>, otherUpgrades: number): string {
  const n = plan.batches.length;
  if (n === 0) return 'a stop before the first batch';
  const shape = `${n} batch${n === 1 ? '' : 'es'} of ${sizeRange(plan)}`;
  const upgraded = upgradedBy(plan);
  if (upgraded < otherUpgrades)
    return `a stop after ${shape} (${upgraded} of ${otherUpgrades} instances), ${formatDuration(plan.durationSeconds)}`;
  return `${shape}, ${formatDuration(plan.durationSeconds)}`;
}

/** The same for a run with its failures: the run of each alternative on the same seed. */
export function runAssumptionNotes(input: SimInput, run: Pick<UpgradePlan, 'batches' | 'durationSeconds' | 'batchSize'>): string[] {
  return effects(input, run, (alt) => {
    const p = prepare(alt);
    const r = execute(p, Rng.fromSeed(alt.seed), newScratch(p), 'plan');
    return { batches: r.log.batches.map(plannedBatch), durationSeconds: r.durationSeconds, batchSize: p.baseBatch };
  });
}

/**
 * One line per assumption whose other value would change a batch size or the duration of the plan:
 * "assumption domainBoundaries=within: 10 batches of 1, 50 min; with ignore: 5 batches of 2, 25 min".
 */
export function assumptionNotes(input: SimInput, plan: Omit<UpgradePlan, 'explanation' | 'notes'>): string[] {
  return effects(input, plan, (alt) => planUpgrade(alt));
}

type Outline = Pick<UpgradePlan, 'batches' | 'durationSeconds' | 'batchSize'>;

function effects(input: SimInput, plan: Outline, run: (input: SimInput) => Outline): string[] {
  const mine = shapeOf(plan);
  const byName = new Map<AssumptionName, string[]>();
  const mostUpgraded = new Map<AssumptionName, number>();
  const scope = {
    zonal: input.fleet.zones.length > 0,
    uniform: input.orchestrationMode === 'Uniform',
    longestSeconds: plan.durationSeconds,
  };
  for (const alt of alternatives(input.assumptions, scope)) {
    const other = run({ ...input, assumptions: alt.values });
    const theirs = shapeOf(other);
    if (theirs.sizes === mine.sizes && theirs.durationSeconds === mine.durationSeconds) continue;
    const list = byName.get(alt.name) ?? [];
    list.push(`with ${alt.value}: ${describeShape(other, upgradedBy(plan))}`);
    byName.set(alt.name, list);
    mostUpgraded.set(alt.name, Math.max(mostUpgraded.get(alt.name) ?? 0, upgradedBy(other)));
  }
  return [...byName].map(
    ([name, withOthers]) =>
      `assumption ${name}=${input.assumptions[name]} gives ${describeShape(plan, mostUpgraded.get(name) ?? 0)}; ${withOthers.join('; ')}.`,
  );
}
