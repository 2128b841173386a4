/**
 * Plain-data types of the upgrade simulator. The simulator never sees a template: fromScaleSet.ts maps
 * a scale-set model to a SimInput, and everything here is serialisable (webview, CLI JSON, golden traces).
 */
import type { AssumptionValues } from './assumptions';
import type { LifecycleHookAction, LifecycleHookType } from '../catalog/approvalWaits';

export type { LifecycleHookAction, LifecycleHookType } from '../catalog/approvalWaits';

/** What starts the upgrade (azure-upgrade-policy.md §4.1, §4.2). */
export type Trigger = 'aos' | 'manual-os' | 'model';
export type UpgradeMode = 'Automatic' | 'Manual' | 'Rolling';
export type OrchestrationMode = 'Uniform' | 'Flexible';

/** `rollingUpgradePolicy` as the template gives it (already coerced); absent fields take Azure's defaults. */
export interface RollingPolicyInput {
  readonly maxBatchInstancePercent?: number;
  readonly maxUnhealthyInstancePercent?: number;
  readonly maxUnhealthyUpgradedInstancePercent?: number;
  /** Seconds (fromScaleSet parses the ISO 8601 duration). */
  readonly pauseTimeBetweenBatchesSeconds?: number;
  readonly enableCrossZoneUpgrade?: boolean;
  readonly prioritizeUnhealthyInstances?: boolean;
  readonly rollbackFailedInstancesOnPolicyBreach?: boolean;
  readonly maxSurge?: boolean;
}

export interface AutomaticOsPolicyInput {
  readonly enableAutomaticOSUpgrade?: boolean;
  readonly disableAutomaticRollback?: boolean;
  readonly useRollingUpgradePolicy?: boolean;
}

/** The policy the orchestrator actually applies for one trigger, every field filled. */
export interface EffectivePolicy {
  readonly maxBatchInstancePercent: number;
  readonly maxUnhealthyInstancePercent: number;
  readonly maxUnhealthyUpgradedInstancePercent: number;
  readonly pauseTimeBetweenBatchesSeconds: number;
  readonly enableCrossZoneUpgrade: boolean;
  readonly prioritizeUnhealthyInstances: boolean;
  readonly rollbackFailedInstancesOnPolicyBreach: boolean;
  readonly maxSurge: boolean;
}

/** Per-instance what-if details (custom-metrics phases, protection, known state). */
export interface InstanceOverride {
  readonly id: number;
  /** Custom metrics `PhaseOrderingNumber`; instances without one go to the last phase (S8). */
  readonly phaseOrderingNumber?: number;
  /** Custom metrics `SkipUpgrade`: excluded from the upgrade. */
  readonly skipUpgrade?: boolean;
  /** `protectionPolicy.protectFromScaleSetActions`: skipped by scale-set upgrades (S13). */
  readonly protectedFromScaleSetActions?: boolean;
  /** Unhealthy before the upgrade starts. */
  readonly unhealthy?: boolean;
  /** Fails its health check after the upgrade, whatever the failure probability. */
  readonly fails?: boolean;
}

export interface FailureModel {
  /** Independent probability that one upgraded instance does not become healthy. */
  readonly probability: number;
  /** Instance ids that always fail. */
  readonly failingInstances: readonly number[];
  /** "Bad image": every upgraded instance fails. */
  readonly badImage: boolean;
  /**
   * Flapping: at each pre-batch gate, each healthy instance outside the batch is independently seen as
   * unhealthy with this probability (a transient blip that is over by the next gate).
   */
  readonly flapProbability: number;
}

export interface SimTimings {
  /** Reimage (in place) or create (MaxSurge) one instance. */
  readonly upgradeSeconds: number;
  /** From upgrade end until the health signal reports Healthy. */
  readonly healthySeconds: number;
  /** How long the orchestrator waits for health after an upgrade (Azure: 5 minutes, S4). */
  readonly healthWaitSeconds: number;
  /** Restoring the previous OS disk / model of one instance. */
  readonly rollbackSeconds: number;
  /** Deleting the old instances of a MaxSurge batch. */
  readonly surgeDeleteSeconds: number;
  /** Each instance's upgrade and healthy times are scaled by a uniform factor in [1 − j, 1 + j]. */
  readonly jitter: number;
}

export interface SimFleet {
  /** Instances; the engine simulates at most MAX_SIMULATED_INSTANCES (1,000, Azure's maximum per scale set). */
  readonly capacity: number;
  /** What the template asked for when it is more than Azure allows; `capacity` then holds the limit. */
  readonly requestedCapacity?: number;
  /** Zone names; empty for a regional scale set. Instances are spread round-robin, as zone balancing does. */
  readonly zones: readonly string[];
  /** `platformFaultDomainCount` (Flexible batches go fault domain by fault domain). */
  readonly faultDomainCount: number;
  /** Pre-existing unhealthy instances: a count (which ones is drawn from the seed) or explicit ids. */
  readonly unhealthy: number | readonly number[];
  readonly overrides: readonly InstanceOverride[];
}

/** 'external': externalHealthPolicy.enabled (API 2025-11-01), the health your own service reports. */
export type HealthSource = 'probe' | 'extension' | 'external' | 'none';

export interface SimInput {
  readonly scaleSetName: string;
  readonly trigger: Trigger;
  readonly mode: UpgradeMode;
  readonly orchestrationMode: OrchestrationMode;
  readonly rollingUpgradePolicy: RollingPolicyInput | undefined;
  readonly automaticOSUpgradePolicy: AutomaticOsPolicyInput | undefined;
  /** Probe, Application Health extension or external health; 'none' = power state and extension provisioning only (S4). */
  readonly healthSource: HealthSource;
  readonly fleet: SimFleet;
  readonly failures: FailureModel;
  readonly timings: SimTimings;
  readonly assumptions: AssumptionValues;
  readonly seed: number;
  /** ISO 8601 or epoch ms; only stamps the Azure-shaped outputs. */
  readonly startTime: string | number;
  /** Cancel at the first batch boundary at or after this many seconds (POST …/rollingUpgrades/cancel). */
  readonly cancelAtSeconds?: number;
  /** The template's imageReference (string fields): the osUpgradeHistory entry's target, and whether the version is pinned. */
  readonly targetImageReference?: Readonly<Record<string, string>>;
  /**
   * The image version an OS upgrade goes to, for the osUpgradeHistory entry (what-if; no template says which
   * version comes next). Absent: DEFAULT_TARGET_VERSION, a made-up version the run's notes name.
   */
  readonly targetVersion?: string;
  readonly location?: string;
  /**
   * A Service Fabric node type (the Service Fabric extension is present): upgrades walk its update domains
   * one at a time, and Silver and Gold take their health from the cluster.
   */
  readonly serviceFabric?: { readonly durability: string | null };
  /** Findings that stop the upgrade before it starts (rules with `blocks`): the run is Blocked. */
  readonly blockedBy?: readonly Blocker[];
  /** Run it anyway (CLI --ignore-blockers, the preview's what-if switch). */
  readonly ignoreBlockers?: boolean;
  /**
   * Every instance of the first batch fails and stays failed, for this reason (an expired SAS URL in an
   * extension: "the upgrade fails and the first batch of virtual machines are left in a failed state").
   */
  readonly firstBatchFails?: string;
  /** Waits for approval: lifecycle hooks, osRollingUpgradeDeferral, OS image scheduled events (approvals.ts). */
  readonly approvals?: ApprovalInput;
}

/** One lifecycle hook (lifecycleHooksProfile, API 2025-11-01), with the what-if answer. */
export interface LifecycleHookInput {
  readonly type: LifecycleHookType;
  /** waitDuration in seconds: the template's, or the unverified default for the type. */
  readonly waitSeconds: number;
  /** Applied when nobody answers within waitSeconds. */
  readonly defaultAction: LifecycleHookAction;
  /** What-if: approved this many seconds after the event is raised; absent = nobody answers. */
  readonly approvedAfterSeconds?: number;
}

export interface ApprovalInput {
  readonly lifecycleHooks: readonly LifecycleHookInput[];
  /** osRollingUpgradeDeferral: each instance waits for approveRollingUpgrade, given after this many seconds (what-if; no timeout is documented). */
  readonly deferral?: { readonly approvedAfterSeconds: number };
  /** osImageNotificationProfile enabled: each instance's OS upgrade waits for its scheduled event, at most notBeforeTimeout. */
  readonly osImageNotification?: { readonly notBeforeTimeoutSeconds: number; readonly approvedAfterSeconds?: number };
  /** What the mapping assumed (unverified defaults, values above the unverified maxima), for the run's notes. */
  readonly notes?: readonly string[];
}

/** What-if answers by wait: seconds after the event until approval. */
export type ApprovalKey = LifecycleHookType | 'deferral' | 'osImageNotification';
export type ApprovedAfter = Readonly<Partial<Record<ApprovalKey, number>>>;

export type WaitKind = 'lifecycleHook' | 'deferral' | 'osImageNotification';

/** One wait of a run: the upgrade (or one batch's instances) held until approval, a timeout or a rejection. */
export interface ApprovalWait {
  readonly kind: WaitKind;
  /** The hook's type for lifecycle hooks, else null. */
  readonly hook: LifecycleHookType | null;
  /** The batch it holds; null for UpgradeAutoOSScheduling (before the upgrade starts). */
  readonly batch: number | null;
  readonly instances: readonly number[];
  readonly startSeconds: number;
  readonly endSeconds: number;
  /** approved: answered in time (what-if); timedOut: nobody answered, the default applied (Approve); rejected: defaultAction Reject. */
  readonly outcome: 'approved' | 'timedOut' | 'rejected';
}

export interface Blocker {
  readonly ruleId: string;
  /** `deployment`: Azure rejects the template; `upgrade`: the upgrade cannot run or fails at once. */
  readonly blocks: 'deployment' | 'upgrade';
  readonly message: string;
}

export type RunStatus = 'Completed' | 'Faulted' | 'Cancelled' | 'NotStarted' | 'Blocked';
/**
 * The error code a run ends with: a gate's halt, the time limit of assumption upgradeTimeout, or the
 * osRollingUpgrade call refused (OperationNotAllowed: no unprotected instance with imageReference.version latest).
 */
export type HaltCode =
  | 'MaxUnhealthyInstancePercentExceededBeforeRollingUpgrade'
  | 'MaxUnhealthyInstancePercentExceededInRollingUpgrade'
  | 'MaxUnhealthyUpgradedInstancePercentExceededInRollingUpgrade'
  | 'RollingUpgradeTimeoutError'
  | 'OperationNotAllowed';

export type Strategy = 'rolling' | 'allAtOnce' | 'manual';

export type EventKind =
  | 'start'
  | 'skip'
  | 'gate'
  | 'batchStart'
  | 'approvalWait'
  | 'approved'
  | 'rejected'
  | 'upgradeStart'
  | 'surgeCreate'
  | 'upgradeDone'
  | 'healthy'
  | 'healthTimeout'
  | 'rollbackStart'
  | 'rollbackDone'
  | 'surgeDelete'
  | 'batchEnd'
  /** Some upgraded instances failed and the post-batch check let the rollout go on (RollingUpgradeInProgressWithFailedUpgradedVMs). */
  | 'continueWithFailures'
  | 'pause'
  | 'halt'
  | 'cancel'
  | 'complete';

export interface SimEvent {
  readonly t: number;
  readonly kind: EventKind;
  readonly batch: number | null;
  readonly instances: readonly number[];
  readonly detail: string;
}

export interface GateResult {
  readonly gate: 'preBatch' | 'postBatch';
  readonly metric: 'maxUnhealthyInstancePercent' | 'maxUnhealthyUpgradedInstancePercent';
  readonly unhealthy: number;
  readonly denominator: number;
  readonly percent: number;
  readonly thresholdPercent: number;
  readonly passed: boolean;
}

export type MemberOutcome = 'upgraded' | 'failed' | 'rolledBack' | 'notStarted';

export interface BatchMember {
  readonly id: number;
  readonly zone: string | null;
  /** Update domain (Uniform) or fault domain (Flexible). */
  readonly domain: number;
  readonly phase: number | null;
  readonly outcome: MemberOutcome;
  /** The new instance's id when MaxSurge replaced it. */
  readonly replacementId?: number;
}

/**
 * Why a batch is smaller than the policy's batch size: it stays within one zone, update domain (Uniform),
 * fault domain (Flexible), Service Fabric update domain, or custom-metrics phase; unhealthy instances used
 * up the allowance (batchShrinksWithUnhealthy); the unhealthy instances prioritised first ran out; or fewer
 * instances were left.
 */
export type LimitReason =
  'zone' | 'updateDomain' | 'faultDomain' | 'serviceFabricUpdateDomain' | 'phase' | 'unhealthyAllowance' | 'unhealthyFirst' | 'remaining';

export interface SimBatch {
  readonly index: number;
  /** Why this batch is smaller than the run's batchSize (empty when it is not). */
  readonly limitedBy: readonly LimitReason[];
  readonly members: readonly BatchMember[];
  readonly startSeconds: number;
  readonly endSeconds: number;
  readonly outcome: 'succeeded' | 'someFailed' | 'halted';
  readonly gates: readonly GateResult[];
  readonly surge: boolean;
}

export interface CapacityPoint {
  readonly t: number;
  readonly serving: number;
  readonly upgrading: number;
  readonly unhealthy: number;
  readonly surge: number;
  readonly total: number;
}

export interface SimRun {
  /** The batches when every instance stays healthy, with the reason for each smaller one (plan.ts). */
  readonly plan: UpgradePlan;
  readonly status: RunStatus;
  /** Why the upgrade never runs (status Blocked), or what was ignored (ignoreBlockers); empty otherwise. */
  readonly blockedBy: readonly Blocker[];
  readonly errorCode: HaltCode | null;
  readonly message: string;
  readonly strategy: Strategy;
  readonly policy: EffectivePolicy;
  readonly automaticRollback: boolean;
  readonly assumptions: AssumptionValues;
  /** What the simulator decided and why (mode semantics, unsupported combinations). */
  readonly notes: readonly string[];
  readonly batchSize: number;
  readonly batches: readonly SimBatch[];
  /** The gate that halted the upgrade (pre-batch gates that halt have no batch of their own). */
  readonly haltGate: GateResult | null;
  readonly events: readonly SimEvent[];
  readonly capacity: readonly CapacityPoint[];
  readonly durationSeconds: number;
  readonly minServingInstances: number;
  readonly maxTotalInstances: number;
  readonly upgraded: number;
  readonly failed: number;
  readonly rolledBack: number;
  readonly skipped: number;
  readonly pending: number;
  /** Instances whose upgrade started before a halt (all attempted instances when it completed). */
  readonly attempted: number;
  readonly firstFailedInstanceId: number | null;
  /** Every wait for approval, in time order (lifecycle hooks, deferral, OS image scheduled events). */
  readonly waits: readonly ApprovalWait[];
  /** Seconds of durationSeconds spent waiting for approval. */
  readonly waitSeconds: number;
  /** The lifecycle hook whose Reject stopped the upgrade (status Cancelled), else null. */
  readonly rejectedBy: LifecycleHookType | null;
}

/** The upgrade plan (plan.ts): the batches when every instance stays healthy. */
export interface PlannedBatch {
  readonly index: number;
  readonly size: number;
  readonly instances: readonly number[];
  readonly zones: readonly (string | null)[];
  readonly domains: readonly number[];
  readonly limitedBy: readonly LimitReason[];
}

export interface UpgradePlan {
  readonly scaleSet: string;
  readonly trigger: Trigger;
  readonly strategy: Strategy;
  /** Instances simulated (excluded ones included). */
  readonly capacity: number;
  /** maxBatchInstancePercent of the policy this trigger applies. */
  readonly batchPercent: number;
  /** The policy's batch size: max(1, floor(N × percent / 100)) (assumption batchRounding); N for mode Automatic. */
  readonly batchSize: number;
  readonly batches: readonly PlannedBatch[];
  readonly pauseSeconds: number;
  /** Pauses between batches (batches − 1 when the pause is not zero). */
  readonly pauses: number;
  readonly durationSeconds: number;
  /** Seconds of durationSeconds spent waiting for approval (lifecycle hooks, deferral, OS image scheduled events). */
  readonly waitSeconds: number;
  readonly waits: readonly ApprovalWait[];
  readonly minServingInstances: number;
  /** One line: the policy's size and, when batches are smaller, the reasons in words. */
  readonly explanation: string;
  /** Why batches are smaller than the policy allows, one line per reason; with `explain`, every assumption that changed the plan. */
  readonly notes: readonly string[];
}
