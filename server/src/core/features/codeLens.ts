import { EAGER_LENS_LIMIT, TUNE_LENS_MAX_INSTANCES } from '../limits';
import { changeList, formatPHalt } from '../advisor';
import type { Candidate } from '../advisor';
import { dominatedAdvice } from './tunePolicy';
import type { CodeLens } from 'vscode-languageserver-types';
import { closedForm } from '../sim/closedForm';
import { monteCarlo } from '../sim/monteCarlo';
import { simInputFromScaleSet } from '../sim/fromScaleSet';
import { simulate } from '../sim/simulate';
import { simulationFindings, type SimulationFindings } from './blockers';
import { formatDuration } from '../sim/summary';
import type { SimInput, UpgradePlan } from '../sim/simData';
import type { ScaleSetModel } from '../model/templateModel';
import type { CodeLensData, CodeLensOptions, TemplateDocument } from '../languageTypes';
import { capacityOf, clampedLabel } from './displayFacts';
import { escapeIcons } from '../text/iconLabel';

/** Trials of the halt estimate when no closed form applies (seeded, so the line is stable). */
const HALT_TRIALS = 1000;
/**
 * A trial costs about one unit per instance and six per batch (1,000 instances in 5 batches: 0.1 ms; in
 * 1,000 batches of one, 0.7 ms): past this many units per estimate, fewer trials (never under 100), so one
 * lens stays near 150 ms however the fleet is split.
 */
const HALT_WORK = 1_200_000;
const MIN_HALT_TRIALS = 100;

/**
 * One lens above each scale set's upgradePolicy (or its properties): the model-update and automatic OS
 * upgrade simulations in one line, e.g. "Rolling upgrade: 6 batches × 2 · ≈26 min · ≥10 of 12 serving ·
 * halts 2.1% at 2% failure rate", with the command that opens the preview. Large templates get
 * unresolved lenses (ranges only): the client resolves the visible ones.
 */
export function getCodeLenses(doc: TemplateDocument, options: CodeLensOptions): CodeLens[] {
  const eager = doc.model.scaleSets.length <= EAGER_LENS_LIMIT;
  const found = eager ? simulationFindings(doc) : undefined;
  const lenses = doc.model.scaleSets.map((scaleSet, index) => {
    const anchor = scaleSet.upgradePolicy?.keySpan ?? scaleSet.properties?.keySpan ?? { offset: scaleSet.span.offset, length: 0 };
    const lens: CodeLens = { range: doc.lines.rangeOf(anchor), data: { uri: options.uri, index } satisfies CodeLensData };
    return eager ? resolveCodeLens(doc, lens, options, found) : lens;
  });
  return eager ? [...lenses, ...tuneLenses(doc, options, found!)] : lenses;
}

/** The advisor's numbers for the tooltip, saying how P(halt) was found (the simulation lens's may be another estimate). */
function tuneGains(c: Candidate, r: Candidate, trials: number): string {
  const how = (x: Candidate) => (x.pHaltMethod === 'monteCarlo' ? ` over ${trials} trials` : ' exact');
  const parts = [`P(halt) ${formatPHalt(c.pHalt)}${how(c)} → ${formatPHalt(r.pHalt)}${how(r)}`];
  parts.push(`p90 ${formatDuration(c.durationP90Seconds)} → ${formatDuration(r.durationP90Seconds)}`);
  parts.push(`serving ${c.minServing} → ${r.minServing}`, `a bad image reaches ${c.badImageTouched} → ${r.badImageTouched}`);
  return parts.join(', ');
}

/**
 * "Tune rolling policy…" above each upgradePolicy whose policy another one dominates (tunePolicy.ts), with
 * what the recommendation changes in the advisor's numbers; its command applies the code action there.
 * Bounded: only for documents whose scale sets hold TUNE_LENS_MAX_INSTANCES instances or fewer together;
 * not on a scale set a finding blocks (its lens says so, and the fix comes first).
 */
function tuneLenses(doc: TemplateDocument, options: CodeLensOptions, found: Map<ScaleSetModel, SimulationFindings>): CodeLens[] {
  if (!options.tuneCommand) return [];
  const sizes = doc.model.scaleSets.map((s) => capacityOf(s, options.assumedCapacity).count);
  if (sizes.reduce((a, b) => a + b, 0) > TUNE_LENS_MAX_INSTANCES) return [];
  const out: CodeLens[] = [];
  for (const scaleSet of doc.model.scaleSets) {
    // A template Azure rejects or an upgrade that cannot run wants its finding fixed first, not a faster policy.
    if ((found.get(scaleSet)?.blockedBy.length ?? 0) > 0) continue;
    const key = scaleSet.upgradePolicy?.keySpan;
    const advice = key && dominatedAdvice(scaleSet, options);
    if (!key || !advice) continue;
    const { current: c, recommended: r } = advice;
    const range = doc.lines.rangeOf(key);
    const changes = changeList(advice).map((x) => `${x.property.split('.').pop()} ${x.from} → ${x.to}`);
    out.push({
      range,
      command: {
        title: escapeIcons(`Tune rolling policy… ${changes.join(', ')}`),
        tooltip: `The advisor’s recommendation for the default goals: ${tuneGains(c, r, advice.trials)}. The current policy is dominated: this one is at least as good on every measure and better on one. One edit; Undo reverts it.`,
        command: options.tuneCommand,
        arguments: [{ uri: options.uri, range }],
      },
    });
  }
  return out;
}

/** Fills in a lens's simulation line and command. */
export function resolveCodeLens(
  doc: TemplateDocument,
  lens: CodeLens,
  options: CodeLensOptions,
  found: Map<ScaleSetModel, SimulationFindings> = simulationFindings(doc),
): CodeLens {
  const scaleSet = doc.model.scaleSets[(lens.data as CodeLensData | undefined)?.index ?? -1];
  if (!scaleSet) return { ...lens, command: { title: 'Scale set no longer here', command: '' } };
  const blockedBy = found.get(scaleSet)?.blockedBy ?? [];
  const blocked = blockedBy.length > 0 ? `Blocked by ${blockedBy.map((b) => b.ruleId).join(', ')} | if run anyway: ` : '';
  // VS Code reads `$(name)` in a lens title as an icon; the line may quote the template (an error's text).
  const { line, plan } = outcomeAndPlan(scaleSet, options);
  return {
    ...lens,
    command: {
      title: escapeIcons(blocked + line),
      tooltip: [
        ...blockedBy.map(
          (b) => `Blocked by ${b.ruleId}: ${b.blocks === 'deployment' ? 'Azure rejects the deployment' : 'the upgrade cannot run'}.`,
        ),
        lensTooltip(plan),
      ].join('\n'),
      command: options.command ?? '',
      arguments: [{ uri: options.uri, path: scaleSet.path, name: scaleSet.displayName }],
    },
  };
}

const MODE_TITLES: Readonly<Record<string, string>> = {
  Rolling: 'Rolling upgrade',
  Automatic: 'Automatic upgrade',
  Manual: 'Manual upgrades',
};

export function outcomeLine(scaleSet: ScaleSetModel, options: Omit<CodeLensOptions, 'uri'>): string {
  return outcomeAndPlan(scaleSet, options).line;
}

/** The lens's line and the model update's plan it was computed with (the tooltip's), from one simulation. */
function outcomeAndPlan(scaleSet: ScaleSetModel, options: Omit<CodeLensOptions, 'uri'>): { line: string; plan?: UpgradePlan } {
  const plans: UpgradePlan[] = [];
  try {
    const capacity = capacityOf(scaleSet, options.assumedCapacity);
    const whatIf = capacity.known ? {} : { capacity: capacity.count };
    const model = simInputFromScaleSet(scaleSet, { ...whatIf, trigger: 'model' });
    const parts = [`${MODE_TITLES[model.input.mode] ?? model.input.mode}: ${outcome(model.input, options.failureRate, plans)}`];
    if (model.input.automaticOSUpgradePolicy?.enableAutomaticOSUpgrade) {
      parts.push(`OS upgrades: ${outcome(simInputFromScaleSet(scaleSet, { ...whatIf, trigger: 'aos' }).input, options.failureRate)}`);
    }
    if (model.provenance.mode?.assumed && scaleSet.mode) parts.push(`mode unreadable, ${model.input.mode} assumed`);
    if (!capacity.known) parts.push(`capacity unknown, ${capacity.count} assumed`);
    const clamped = clampedLabel(capacity);
    if (clamped) parts.push(clamped);
    return { line: parts.join(' | '), ...(plans[0] ? { plan: plans[0] } : {}) };
  } catch (error) {
    return { line: `Simulation unavailable: ${error instanceof Error ? error.message : String(error)}` };
  }
}

/**
 * The plan in words and why batches are smaller, naming the assumptions behind it (sim/plan.ts). The effect
 * of switching each assumption is re-planned only by `simulate` and the preview: here it would cost one plan
 * per alternative on every lens.
 */
export function lensTooltip(plan: UpgradePlan | undefined): string {
  if (!plan) return 'Open the preview';
  return [
    `${plan.explanation}.`,
    ...plan.notes.map((n) => `- ${n}`),
    'Open the preview for the timeline, Monte Carlo and sensitivity.',
  ].join('\n');
}

function outcome(input: SimInput, failureRate: number, plans: UpgradePlan[] = []): string {
  const run = simulate(input);
  plans.push(run.plan);
  const total = input.fleet.capacity;
  if (run.strategy === 'manual') return 'instances keep the old model until you upgrade them (manualUpgrade)';
  if (total === 0) return 'no instances (capacity 0), nothing to upgrade';
  const serving = `≥${run.minServingInstances} of ${total} serving`;
  if (run.strategy === 'allAtOnce') return `all ${total} at once · ≈${formatDuration(run.durationSeconds)} · ${serving}`;
  const trials = Math.max(MIN_HALT_TRIALS, Math.min(HALT_TRIALS, Math.floor(HALT_WORK / (total + 6 * run.batches.length))));
  const halts =
    failureRate > 0
      ? ` · halts ${haltEstimate({ ...input, failures: { ...input.failures, probability: failureRate } }, trials)} at ${percent(failureRate)} failure rate`
      : '';
  // The plan's batches (failure-free), so the lens quotes what hovers, hints and rules quote.
  const plan = run.plan;
  const largest = plan.batches.reduce((max, b) => Math.max(max, b.size), 0);
  // The plan's duration includes its waits for approval (lifecycle hooks, deferral, OS image scheduled events).
  const waits = plan.waitSeconds > 0 ? ` (${formatDuration(plan.waitSeconds)} waiting for approval)` : '';
  const rejected = run.rejectedBy ? ` · the ${run.rejectedBy} hook rejects unless approved` : '';
  return `${plan.batches.length} ${plan.batches.length === 1 ? 'batch' : 'batches'} × ${largest} · ≈${formatDuration(plan.durationSeconds)}${waits} · ≥${plan.minServingInstances} of ${total} serving${halts}${rejected}`;
}

/** Exact when a closed form applies, else a seeded Monte Carlo estimate (marked ≈). */
function haltEstimate(input: SimInput, trials: number): string {
  const exact = closedForm(input).pHalt;
  if (exact !== null) return percent(exact);
  return `≈${percent(1 - monteCarlo(input, trials).pComplete)}`;
}

function percent(x: number): string {
  if (x > 0 && x < 0.001) return '<0.1%';
  const value = 100 * x;
  return `${value >= 10 || Number.isInteger(value) ? value.toFixed(0) : value.toFixed(1)}%`;
}
