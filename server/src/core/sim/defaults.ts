/**
 * Documented defaults: Azure's (azure-upgrade-policy.md §1.2, §4.1) and the simulator's own what-if
 * defaults (docs/simulator.md lists them). Also the choice of effective policy for each trigger.
 */
import { DEFAULT_ASSUMPTIONS } from './assumptions';
import { capacityNote } from './capacity';
import type { AssumptionValues } from './assumptions';
import type { EffectivePolicy, FailureModel, SimFleet, SimInput, SimTimings } from './simData';

/** RollingUpgradePolicy defaults (S1/S2): 20/20/20, PT0S, booleans false. */
export const AZURE_POLICY_DEFAULTS: EffectivePolicy = {
  maxBatchInstancePercent: 20,
  maxUnhealthyInstancePercent: 20,
  maxUnhealthyUpgradedInstancePercent: 20,
  pauseTimeBetweenBatchesSeconds: 0,
  enableCrossZoneUpgrade: false,
  prioritizeUnhealthyInstances: false,
  rollbackFailedInstancesOnPolicyBreach: false,
  maxSurge: false,
};

/** Azure waits up to 5 minutes for an upgraded instance to become healthy (S4). */
export const HEALTH_WAIT_SECONDS = 300;
/** Uniform scale sets have 5 update domains (S11). */
export const UNIFORM_UPDATE_DOMAINS = 5;
/** Used when the template's capacity is unknown or absent; flagged as assumed (the docs' 10-instance example). */
export const ASSUMED_CAPACITY = 10;
export const DEFAULT_SEED = 1;
export const DEFAULT_START_TIME = '2026-01-01T00:00:00.000Z';

/** t_up = 4 min and healthy after 1 min: the worked examples of anchors-orchestrators.md §3.2 (25 min for 10 at 20%). */
export const DEFAULT_TIMINGS: SimTimings = {
  upgradeSeconds: 240,
  healthySeconds: 60,
  healthWaitSeconds: HEALTH_WAIT_SECONDS,
  rollbackSeconds: 240,
  surgeDeleteSeconds: 60,
  jitter: 0,
};

export const DEFAULT_FAILURES: FailureModel = { probability: 0, failingInstances: [], badImage: false, flapProbability: 0 };

export function defaultFleet(capacity = ASSUMED_CAPACITY): SimFleet {
  return { capacity, zones: [], faultDomainCount: 1, unhealthy: 0, overrides: [] };
}

/** A complete input with every default, for callers that only want to set a few fields. */
export function defaultInput(patch: Partial<SimInput> = {}): SimInput {
  return {
    scaleSetName: 'vmss',
    trigger: 'model',
    mode: 'Rolling',
    orchestrationMode: 'Uniform',
    rollingUpgradePolicy: undefined,
    automaticOSUpgradePolicy: undefined,
    healthSource: 'probe',
    fleet: defaultFleet(),
    failures: DEFAULT_FAILURES,
    timings: DEFAULT_TIMINGS,
    assumptions: DEFAULT_ASSUMPTIONS,
    seed: DEFAULT_SEED,
    startTime: DEFAULT_START_TIME,
    ...patch,
  };
}

/** The template's rollingUpgradePolicy with Azure's defaults filled in. */
export function templatePolicy(input: SimInput): EffectivePolicy {
  const p = input.rollingUpgradePolicy ?? {};
  const d = AZURE_POLICY_DEFAULTS;
  return {
    maxBatchInstancePercent: p.maxBatchInstancePercent ?? d.maxBatchInstancePercent,
    maxUnhealthyInstancePercent: p.maxUnhealthyInstancePercent ?? d.maxUnhealthyInstancePercent,
    maxUnhealthyUpgradedInstancePercent: p.maxUnhealthyUpgradedInstancePercent ?? d.maxUnhealthyUpgradedInstancePercent,
    pauseTimeBetweenBatchesSeconds: p.pauseTimeBetweenBatchesSeconds ?? d.pauseTimeBetweenBatchesSeconds,
    enableCrossZoneUpgrade: p.enableCrossZoneUpgrade ?? d.enableCrossZoneUpgrade,
    prioritizeUnhealthyInstances: p.prioritizeUnhealthyInstances ?? d.prioritizeUnhealthyInstances,
    rollbackFailedInstancesOnPolicyBreach: p.rollbackFailedInstancesOnPolicyBreach ?? d.rollbackFailedInstancesOnPolicyBreach,
    maxSurge: p.maxSurge ?? d.maxSurge,
  };
}

export interface TriggerPlan {
  readonly strategy: 'rolling' | 'allAtOnce' | 'manual';
  readonly policy: EffectivePolicy;
  /** Restore the previous OS disk of an instance that is not healthy after the wait. */
  readonly automaticRollback: boolean;
  /** Wait (up to healthWaitSeconds) for each upgraded instance to report healthy. */
  readonly healthWait: boolean;
  /** Service Fabric's update-domain walk: one update domain per batch, whatever the percentages. */
  readonly serviceFabricWalk?: boolean;
  readonly notes: readonly string[];
}

/**
 * How the orchestrator behaves for this trigger (azure-upgrade-policy.md §4.1 #2–#11, §4.2), with a last note
 * when the fleet simulated is smaller than the capacity asked for (capacity.ts).
 */
export function triggerPlan(input: SimInput, assumptions: AssumptionValues = input.assumptions): TriggerPlan {
  const plan = orchestratorPlan(input, assumptions);
  const clamped = capacityNote(input.fleet);
  return clamped ? { ...plan, notes: [...plan.notes, clamped] } : plan;
}

/** Whether this trigger applies the template's rollingUpgradePolicy (else the OS-upgrade default, 20/20/20). */
export function usesTemplatePolicy(input: SimInput): boolean {
  return (
    input.trigger === 'model' ||
    input.automaticOSUpgradePolicy?.useRollingUpgradePolicy === true ||
    (input.trigger === 'manual-os' && input.assumptions.manualOsPolicy === 'rollingPolicy')
  );
}

/**
 * Where each value of the policy a run applies comes from, so no surface names a default as the template's:
 * the template, Azure's default for a field it does not set, the OS-upgrade default policy, a value this
 * trigger adjusted (Flexible), or Service Fabric's walk (which uses no percentages).
 */
export type PolicySource = 'template' | 'azureDefault' | 'osUpgradeDefault' | 'adjusted' | 'serviceFabric';

export function policySources(input: SimInput): Record<keyof EffectivePolicy, PolicySource> {
  const plan = triggerPlan(input);
  const template = input.rollingUpgradePolicy ?? {};
  const usesTemplate = usesTemplatePolicy(input);
  const out = {} as Record<keyof EffectivePolicy, PolicySource>;
  for (const key of Object.keys(AZURE_POLICY_DEFAULTS) as (keyof EffectivePolicy)[]) {
    const value = plan.policy[key];
    const written = template[key];
    out[key] = plan.serviceFabricWalk
      ? 'serviceFabric'
      : !usesTemplate
        ? key === 'maxSurge' && value && written !== undefined
          ? 'template'
          : 'osUpgradeDefault'
        : written === undefined
          ? 'azureDefault'
          : written !== value
            ? 'adjusted'
            : 'template';
  }
  return out;
}

/** Silver and Gold node types take their health from the Service Fabric cluster (no probe or extension). */
export function clusterHealth(input: SimInput): boolean {
  const d = input.serviceFabric?.durability?.toLowerCase();
  return d === 'silver' || d === 'gold';
}

function orchestratorPlan(input: SimInput, assumptions: AssumptionValues): TriggerPlan {
  const aos = input.automaticOSUpgradePolicy ?? {};
  const notes: string[] = [];
  const hasHealth = input.healthSource !== 'none' || clusterHealth(input);
  if (input.serviceFabric && (input.trigger !== 'model' || input.mode === 'Automatic')) {
    // Service Fabric walks its update domains one at a time; mode Automatic is the mode it requires.
    notes.push(
      `Service Fabric node type${input.serviceFabric.durability ? ` (${input.serviceFabric.durability})` : ''}: the upgrade goes update domain by update domain${clusterHealth(input) ? ', with health from the cluster' : ''}.`,
    );
    // Bronze takes no health from the cluster, and only the Application Health extension counts on Service
    // Fabric: "Application Health Probes are not supported for Service Fabric scale sets" (S4, S15).
    const bronze = input.serviceFabric.durability?.toLowerCase() === 'bronze';
    if (bronze && input.trigger !== 'model' && input.healthSource !== 'extension')
      notes.push(
        `Service Fabric Bronze node type without the Application Health extension: automatic OS upgrades need it${input.healthSource === 'probe' ? ' (a load-balancer probe does not count for Service Fabric)' : ''}, so no health wait is simulated.`,
      );
    return {
      strategy: 'rolling',
      policy: {
        ...AZURE_POLICY_DEFAULTS,
        maxBatchInstancePercent: 100,
        maxUnhealthyInstancePercent: 100,
        maxUnhealthyUpgradedInstancePercent: 100,
      },
      automaticRollback: false,
      healthWait: clusterHealth(input) || input.healthSource === 'extension',
      serviceFabricWalk: true,
      notes,
    };
  }
  if (!hasHealth) {
    notes.push(
      'No health probe or Application Health extension: health is power state and extension provisioning only, so there is no 5-minute wait.',
    );
    if (input.trigger === 'aos')
      notes.push(
        'Azure rejects automatic OS upgrade without a health probe or Application Health extension (Service Fabric Silver/Gold excepted).',
      );
    if (input.trigger === 'model' && input.mode === 'Rolling')
      notes.push('Azure rejects mode Rolling without a health probe or Application Health extension.');
  }
  let policy = templatePolicy(input);
  if (input.trigger === 'model') {
    if (input.mode === 'Manual') {
      notes.push('Mode Manual: the model changes, but no instance is upgraded until you upgrade instances by hand (manualUpgrade).');
      return { strategy: 'manual', policy, automaticRollback: false, healthWait: false, notes };
    }
    if (input.mode === 'Automatic') {
      notes.push('Mode Automatic: the platform may upgrade every instance at once; no rolling policy, health gate or rollback applies.');
      return { strategy: 'allAtOnce', policy, automaticRollback: false, healthWait: false, notes };
    }
    return withSurgeNotes(input, {
      strategy: 'rolling',
      policy,
      automaticRollback: false,
      healthWait: hasHealth && assumptions.modelUpdateHealthWait === 'fiveMinutes',
      notes,
    });
  }
  const useTemplate =
    aos.useRollingUpgradePolicy === true || (input.trigger === 'manual-os' && assumptions.manualOsPolicy === 'rollingPolicy');
  if (!useTemplate) {
    const surge = policy.maxSurge && assumptions.osUpgradeMaxSurge === 'fromTemplate';
    policy = { ...AZURE_POLICY_DEFAULTS, maxSurge: surge };
    notes.push(
      `OS upgrade with the default policy (20/20/20): useRollingUpgradePolicy is not true${surge ? '; maxSurge from the template still applies' : ''}.`,
    );
  } else if (input.rollingUpgradePolicy === undefined) {
    notes.push('useRollingUpgradePolicy is true but no rollingUpgradePolicy is defined: Azure falls back to the default policy.');
  }
  const automaticRollback = input.trigger === 'aos' && aos.disableAutomaticRollback !== true;
  if (input.trigger === 'manual-os') notes.push('Manual OS upgrade (osRollingUpgrade): no automatic rollback.');
  else if (!automaticRollback) notes.push('disableAutomaticRollback is true: failed instances keep the new OS disk.');
  return withSurgeNotes(input, { strategy: 'rolling', policy, automaticRollback, healthWait: hasHealth, notes });
}

function withSurgeNotes(input: SimInput, plan: TriggerPlan): TriggerPlan {
  const notes = [...plan.notes];
  let policy = plan.policy;
  if (policy.maxSurge && input.orchestrationMode === 'Flexible' && input.trigger !== 'model') {
    notes.push('MaxSurge with automatic OS upgrade on Flexible is not supported: upgraded in place.');
    policy = { ...policy, maxSurge: false };
  }
  if (policy.rollbackFailedInstancesOnPolicyBreach && input.orchestrationMode === 'Flexible') {
    notes.push('rollbackFailedInstancesOnPolicyBreach is Uniform only: ignored on Flexible.');
    policy = { ...policy, rollbackFailedInstancesOnPolicyBreach: false };
  }
  return { ...plan, policy, notes };
}
