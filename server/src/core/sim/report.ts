/**
 * The documented JSON report (docs/cli.md, `simulate --format json`, version 1), built from plain results
 * so the CLI, the language server and the webview can share it.
 */
import type { AssumptionValues } from './assumptions';
import type { ClosedForm } from './closedForm';
import type { MappedInput } from './fromScaleSet';
import type { MonteCarloSummary, Sensitivity } from './monteCarlo';
import type { Provenance } from './provenance';
import { summarizeRun } from './summary';
import type { ApprovalInput, ApprovalWait, CapacityPoint, GateResult, LimitReason, SimEvent, SimRun, UpgradePlan } from './simData';
import { planUpgrade, runAssumptionNotes } from './plan';

export interface SimReport {
  readonly version: 1;
  readonly scaleSet: string;
  readonly trigger: string;
  readonly inputs: {
    readonly capacity: number;
    readonly zones: readonly string[];
    readonly policy: Readonly<Record<string, Provenance>>;
    readonly assumptions: AssumptionValues;
    readonly provenance: Readonly<Record<string, Provenance>>;
    readonly assumed: readonly string[];
    readonly whatIf: {
      readonly unhealthy: number | readonly number[];
      readonly failureRate: number;
      readonly failingInstances: readonly number[];
      readonly badImage: boolean;
      readonly seed: number;
      readonly startTime: string | number;
      readonly timings: object;
    };
    /** The waits for approval the template sets, with the what-if answers (absent when it sets none). */
    readonly approvals?: ApprovalInput;
  };
  /** The batches when every instance stays healthy, each smaller one with its reason (docs/cli.md). */
  readonly plan: UpgradePlan;
  readonly run: {
    readonly status: string;
    /** The findings that block the upgrade (status Blocked), or that --ignore-blockers ignored. */
    readonly blockedBy: SimRun['blockedBy'];
    readonly errorCode: string | null;
    readonly message: string;
    readonly summary: string;
    readonly strategy: string;
    readonly notes: readonly string[];
    readonly batchSize: number;
    readonly batches: readonly {
      index: number;
      size: number;
      limitedBy: readonly LimitReason[];
      instances: number[];
      zones: (string | null)[];
      domains: number[];
      startSeconds: number;
      endSeconds: number;
      outcome: string;
      gates: readonly GateResult[];
    }[];
    readonly haltGate: GateResult | null;
    readonly durationSeconds: number;
    readonly minServingInstances: number;
    readonly maxTotalInstances: number;
    readonly upgraded: number;
    readonly rolledBack: number;
    readonly failed: number;
    readonly skipped: number;
    readonly pending: number;
    readonly events: readonly SimEvent[];
    readonly capacity: readonly CapacityPoint[];
    /** Every wait for approval (lifecycle hooks, deferral, OS image scheduled events), in time order. */
    readonly waits: readonly ApprovalWait[];
    readonly waitSeconds: number;
    /** The lifecycle hook whose Reject stopped the upgrade (status Cancelled), else null. */
    readonly rejectedBy: string | null;
  };
  readonly monteCarlo?: MonteCarloSummary & {
    readonly closedForm: ClosedForm;
    readonly sensitivity: readonly Sensitivity[];
    /** How many of the first trials each switch re-ran (same seeds): the base its deltas compare with. */
    readonly sensitivityTrials: number;
  };
}

const uniq = <T>(xs: readonly T[]): T[] => [...new Set(xs)];

export function buildReport(mapped: MappedInput, run: SimRun, mc?: SimReport['monteCarlo']): SimReport {
  const { input } = mapped;
  const batches = run.batches.map((b) => ({
    index: b.index,
    size: b.members.length,
    limitedBy: b.limitedBy,
    instances: b.members.map((m) => m.id),
    zones: uniq(b.members.map((m) => m.zone)),
    domains: uniq(b.members.map((m) => m.domain)),
    startSeconds: b.startSeconds,
    endSeconds: b.endSeconds,
    outcome: b.outcome,
    gates: b.gates,
  }));
  const notes =
    run.status === 'Blocked'
      ? run.notes
      : [...run.notes, ...runAssumptionNotes(input, { batches, durationSeconds: run.durationSeconds, batchSize: run.batchSize })];
  return {
    version: 1,
    scaleSet: input.scaleSetName,
    trigger: input.trigger,
    inputs: {
      capacity: input.fleet.capacity,
      zones: input.fleet.zones,
      policy: mapped.effectivePolicy,
      assumptions: input.assumptions,
      provenance: mapped.provenance,
      assumed: mapped.assumed,
      whatIf: {
        unhealthy: input.fleet.unhealthy,
        failureRate: input.failures.probability,
        failingInstances: input.failures.failingInstances,
        badImage: input.failures.badImage,
        seed: input.seed,
        startTime: input.startTime,
        timings: input.timings,
      },
      ...(input.approvals ? { approvals: input.approvals } : {}),
    },
    plan: planUpgrade(input, { explain: true }),
    run: {
      status: run.status,
      blockedBy: run.blockedBy,
      errorCode: run.errorCode,
      message: run.message,
      summary: summarizeRun(run),
      strategy: run.strategy,
      notes,
      batchSize: run.batchSize,
      batches,
      haltGate: run.haltGate,
      durationSeconds: run.durationSeconds,
      minServingInstances: run.minServingInstances,
      maxTotalInstances: run.maxTotalInstances,
      upgraded: run.upgraded,
      rolledBack: run.rolledBack,
      failed: run.failed,
      skipped: run.skipped,
      pending: run.pending,
      events: run.events,
      capacity: run.capacity,
      waits: run.waits,
      waitSeconds: run.waitSeconds,
      rejectedBy: run.rejectedBy,
    },
    ...(mc ? { monteCarlo: mc } : {}),
  };
}
