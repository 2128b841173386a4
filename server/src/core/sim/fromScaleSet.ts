/**
 * Scale-set model + what-if overrides → SimInput, recording where every value came from and every default
 * or assumption applied. Names are matched case-insensitively and values coerced the way ARM does
 * ("20" → 20, "true" → true), since real templates write both.
 */
import { DEFAULT_ASSUMPTIONS, withAssumptions } from './assumptions';
import {
  ASSUMED_CAPACITY,
  AZURE_POLICY_DEFAULTS,
  DEFAULT_FAILURES,
  DEFAULT_SEED,
  DEFAULT_START_TIME,
  DEFAULT_TIMINGS,
  triggerPlan,
  usesTemplatePolicy,
} from './defaults';
import { capacityCount, instanceLimitOf } from '../model/capacity';
import { limitCapacity } from './capacity';
import { overridden, read } from './provenance';
import { parseIsoDuration } from '../catalog/durations';
import { APPLICATION_HEALTH_EXTENSION, isApplicationHealthType } from '../catalog/healthExtension';
import { isServiceFabricType } from '../catalog/serviceFabric';
import type { Provenance } from './provenance';
import { asBoolean, asInteger, asString, getProp } from '../model/values';
import type { RValue, ScaleSetModel } from '../model/templateModel';
import { approvalsOf } from './fromApprovals';
import type {
  ApprovedAfter,
  EffectivePolicy,
  HealthSource,
  InstanceOverride,
  OrchestrationMode,
  RollingPolicyInput,
  SimInput,
  SimTimings,
  Trigger,
  UpgradeMode,
} from './simData';

export interface WhatIf {
  readonly trigger?: Trigger;
  readonly capacity?: number;
  readonly zones?: readonly string[];
  readonly unhealthy?: number | readonly number[];
  readonly failureRate?: number;
  readonly failingInstances?: readonly number[];
  readonly badImage?: boolean;
  readonly flapProbability?: number;
  readonly timings?: Partial<SimTimings>;
  readonly overrides?: readonly InstanceOverride[];
  readonly seed?: number;
  readonly startTime?: string | number;
  readonly cancelAtSeconds?: number;
  /** The image version an OS upgrade goes to (the osUpgradeHistory entry); default DEFAULT_TARGET_VERSION, made up. */
  readonly targetVersion?: string;
  /** NAME=VALUE switches over the default assumptions (see assumptions.ts). */
  readonly assumptions?: Readonly<Record<string, string>>;
  /** Seconds after each wait's event until it is approved: lifecycle hooks by type, deferral, OS image scheduled events. */
  readonly approvedAfter?: ApprovedAfter;
}

export interface MappedInput {
  readonly input: SimInput;
  /** Where each scale-set input came from (capacity, zones, mode, health, template policy fields, …). */
  readonly provenance: Readonly<Record<string, Provenance>>;
  /** The policy the chosen trigger applies, each value with its origin. */
  readonly effectivePolicy: Readonly<Record<keyof EffectivePolicy, Provenance>>;
  /** One line per default or assumption that stands in for something unknown. */
  readonly assumed: readonly string[];
}

const MODES: readonly UpgradeMode[] = ['Automatic', 'Manual', 'Rolling'];
const ORCHESTRATION: readonly OrchestrationMode[] = ['Uniform', 'Flexible'];
const enumOf =
  <T extends string>(values: readonly T[]) =>
  (v: RValue) => {
    const s = asString(v)?.trim().toLowerCase();
    return values.find((x) => x.toLowerCase() === s);
  };
const int = (v: RValue) => asInteger(v);
const bool = (v: RValue) => asBoolean(v);

export function simInputFromScaleSet(model: ScaleSetModel, whatIf: WhatIf = {}): MappedInput {
  const provenance: Record<string, Provenance> = {};
  const take = <T>(key: string, r: { value: T; provenance: Provenance }): T => {
    provenance[key] = r.provenance;
    return r.value;
  };

  const mode = take('mode', read(model.mode?.value, enumOf(MODES), 'Manual' as UpgradeMode));
  const orchestrationMode = take(
    'orchestrationMode',
    read(model.orchestrationMode?.value, enumOf(ORCHESTRATION), 'Uniform' as OrchestrationMode),
  );
  const asked =
    whatIf.capacity !== undefined
      ? take('capacity', { value: whatIf.capacity, provenance: overridden(whatIf.capacity) })
      : take('capacity', read(model.capacity, capacityCount, ASSUMED_CAPACITY, 'assumed'));
  // Held to what Azure allows in this scale set; the plan's notes and the provenance say so.
  const limited = limitCapacity(asked, instanceLimitOf(model));
  const capacity = limited.count;
  if (limited.clampedFrom !== undefined) {
    const note = `${limited.clampedFrom} is more than the ${limited.limit.max} instances Azure allows ${limited.limit.where}; ${limited.limit.max} simulated`;
    provenance['capacity'] = { ...provenance['capacity']!, value: capacity, assumed: true, note };
  }
  const zones =
    whatIf.zones !== undefined
      ? take('zones', { value: [...whatIf.zones], provenance: overridden(whatIf.zones) })
      : take('zones', zonesOf(model.zones));
  const defaultFd = 1;
  const faultDomainCount = take('platformFaultDomainCount', read(model.platformFaultDomainCount?.value, int, defaultFd));

  const rolling = model.rollingUpgradePolicy?.value;
  const field = <T>(azure: string, coerce: (v: RValue) => T | undefined, fallback: T): T | undefined => {
    const raw = getProp(rolling, azure)?.value;
    const r = read(raw, coerce, fallback);
    provenance[`rollingUpgradePolicy.${azure}`] = r.provenance;
    return raw === undefined || r.provenance.assumed ? undefined : r.value;
  };
  const d = AZURE_POLICY_DEFAULTS;
  const rollingUpgradePolicy: RollingPolicyInput | undefined =
    rolling?.kind === 'object'
      ? {
          maxBatchInstancePercent: field('maxBatchInstancePercent', int, d.maxBatchInstancePercent),
          maxUnhealthyInstancePercent: field('maxUnhealthyInstancePercent', int, d.maxUnhealthyInstancePercent),
          maxUnhealthyUpgradedInstancePercent: field('maxUnhealthyUpgradedInstancePercent', int, d.maxUnhealthyUpgradedInstancePercent),
          // The same parser as the invalid-duration rule, so the preview never uses a pause the linter rejects.
          pauseTimeBetweenBatchesSeconds: field(
            'pauseTimeBetweenBatches',
            (v) => {
              const parsed = parseIsoDuration(asString(v) ?? '');
              return parsed.ok ? parsed.seconds : undefined;
            },
            0,
          ),
          enableCrossZoneUpgrade: field('enableCrossZoneUpgrade', bool, false),
          prioritizeUnhealthyInstances: field('prioritizeUnhealthyInstances', bool, false),
          rollbackFailedInstancesOnPolicyBreach: field('rollbackFailedInstancesOnPolicyBreach', bool, false),
          maxSurge: field('maxSurge', bool, false),
        }
      : undefined;

  const aos = model.automaticOSUpgradePolicy?.value;
  const legacyRollback = getProp(model.legacyAutoOSUpgradePolicy?.value, 'disableAutoRollback')?.value;
  const enableAos = take(
    'automaticOSUpgradePolicy.enableAutomaticOSUpgrade',
    read(getProp(aos, 'enableAutomaticOSUpgrade')?.value ?? model.legacyAutomaticOSUpgrade?.value, bool, false),
  );
  const disableRollback = take(
    'automaticOSUpgradePolicy.disableAutomaticRollback',
    read(getProp(aos, 'disableAutomaticRollback')?.value ?? legacyRollback, bool, false),
  );
  const useRolling = take(
    'automaticOSUpgradePolicy.useRollingUpgradePolicy',
    read(getProp(aos, 'useRollingUpgradePolicy')?.value, bool, false),
  );

  const health = healthSourceOf(model);
  provenance['healthSource'] = { value: health.source, origin: 'template', ...(health.note ? { note: health.note } : {}) };

  const trigger: Trigger = whatIf.trigger ?? (enableAos ? 'aos' : 'model');
  provenance['trigger'] =
    whatIf.trigger !== undefined
      ? overridden(trigger)
      : {
          value: trigger,
          origin: 'assumed',
          note: enableAos ? 'automatic OS upgrade is enabled' : 'a model update (the template changed)',
        };

  const approvals = approvalsOf(model, whatIf.approvedAfter ?? {}, provenance);

  const input: SimInput = {
    scaleSetName: model.displayName,
    trigger,
    mode,
    orchestrationMode,
    rollingUpgradePolicy,
    automaticOSUpgradePolicy: {
      enableAutomaticOSUpgrade: enableAos,
      disableAutomaticRollback: disableRollback,
      useRollingUpgradePolicy: useRolling,
    },
    healthSource: health.source,
    fleet: {
      capacity,
      ...(limited.clampedFrom !== undefined ? { requestedCapacity: limited.clampedFrom } : {}),
      zones,
      faultDomainCount,
      unhealthy: whatIf.unhealthy ?? 0,
      overrides: whatIf.overrides ?? [],
    },
    failures: {
      ...DEFAULT_FAILURES,
      probability: whatIf.failureRate ?? DEFAULT_FAILURES.probability,
      failingInstances: whatIf.failingInstances ?? [],
      badImage: whatIf.badImage ?? false,
      flapProbability: whatIf.flapProbability ?? 0,
    },
    timings: { ...DEFAULT_TIMINGS, ...whatIf.timings },
    assumptions: withAssumptions(DEFAULT_ASSUMPTIONS, whatIf.assumptions ?? {}),
    seed: whatIf.seed ?? DEFAULT_SEED,
    startTime: whatIf.startTime ?? DEFAULT_START_TIME,
    ...(whatIf.cancelAtSeconds !== undefined ? { cancelAtSeconds: whatIf.cancelAtSeconds } : {}),
    ...(whatIf.targetVersion !== undefined ? { targetVersion: whatIf.targetVersion } : {}),
    ...imageAndLocation(model),
    ...serviceFabricOf(model),
    ...(approvals ? { approvals } : {}),
  };
  const effectivePolicy = effectiveProvenance(input, provenance);
  const assumed = Object.entries(provenance)
    .filter(([, p]) => p.assumed)
    .map(([k, p]) => `${k}: ${JSON.stringify(p.value)}${p.note ? ` (${p.note})` : ''}`);
  return { input, provenance, effectivePolicy, assumed };
}

function zonesOf(zones: RValue | undefined): { value: string[]; provenance: Provenance } {
  const unknown = zones?.kind === 'array' ? zones.items.find((i) => i.kind === 'unknown') : undefined;
  if (unknown?.kind === 'unknown') {
    return {
      value: [],
      provenance: {
        value: [],
        origin: 'assumed',
        assumed: true,
        note: `zone ${unknown.unknown.expression} cannot be evaluated (${unknown.unknown.reason}); treated as regional`,
      },
    };
  }
  return read(zones, readZones, [] as string[], 'azureDefault');
}

function readZones(v: RValue): string[] | undefined {
  if (v.kind !== 'array') return undefined;
  const out: string[] = [];
  for (const item of v.items) {
    if (item.kind === 'string' || item.kind === 'number') out.push(String(item.value));
    else return undefined;
  }
  return out;
}

/**
 * Read as the health rules read it (rules/facts/healthSources.ts): an empty probe id is no probe, and the
 * extension is recognised by the catalog's type names (a missing publisher is another rule's problem).
 */
function healthSourceOf(model: ScaleSetModel): { source: HealthSource; note?: string } {
  const id = model.healthProbeId?.value;
  const probe = id !== undefined && id.kind !== 'null' && !(id.kind === 'string' && id.value.trim() === '');
  const ext = model.extensions.some((e) => {
    const type = asString(e.type);
    const publisher = asString(e.publisher);
    return (
      type !== undefined &&
      isApplicationHealthType(type) &&
      (publisher === undefined || publisher.trim().toLowerCase() === APPLICATION_HEALTH_EXTENSION.publisher.toLowerCase())
    );
  });
  const external = externalHealthOn(model);
  if (external && (probe || ext))
    return {
      source: 'external',
      note: `external health beside ${ext ? 'an Application Health extension' : 'a health probe'}: Azure allows only one health source`,
    };
  if (external)
    return {
      source: 'external',
      note: 'external health (externalHealthPolicy): assumed to gate batches as the extension does; the API does not document which features read it',
    };
  if (probe && ext)
    return {
      source: 'probe',
      note: 'both a health probe and an Application Health extension: Azure rejects automatic OS upgrade with both',
    };
  if (probe) return { source: 'probe' };
  if (ext) return { source: 'extension' };
  return { source: 'none', note: 'no health probe or Application Health extension: power state and extension provisioning only' };
}

/** The Service Fabric extension's durability, when the scale set is a node type. */
function serviceFabricOf(model: ScaleSetModel): Pick<SimInput, 'serviceFabric'> {
  const ext = model.extensions.find((e) => isServiceFabricType(asString(e.type) ?? ''));
  if (!ext) return {};
  const level = asString(getProp(ext.settings, 'durabilityLevel')?.value);
  return { serviceFabric: { durability: level ?? null } };
}

/** externalHealthPolicy.enabled read as the rules read it: true or "true" (an expression is not assumed on). */
function externalHealthOn(model: ScaleSetModel): boolean {
  const policy = model.externalHealthPolicy?.value;
  if (policy?.kind !== 'object') return false;
  const enabled = policy.properties.filter((p) => p.name.toLowerCase() === 'enabled').pop()?.value;
  return enabled?.kind === 'boolean' ? enabled.value : enabled?.kind === 'string' && enabled.value.trim().toLowerCase() === 'true';
}

function imageAndLocation(model: ScaleSetModel): Pick<SimInput, 'targetImageReference' | 'location'> {
  const out: { targetImageReference?: Record<string, string>; location?: string } = {};
  const location = asString(model.location);
  if (location) out.location = location;
  const image = model.imageReference?.value;
  if (image?.kind === 'object') {
    const ref: Record<string, string> = {};
    for (const p of image.properties) if (p.value.kind === 'string') ref[p.name] = p.value.value;
    out.targetImageReference = ref;
  }
  return out;
}

function effectiveProvenance(input: SimInput, provenance: Record<string, Provenance>): Record<keyof EffectivePolicy, Provenance> {
  const plan = triggerPlan(input);
  const usesTemplate = usesTemplatePolicy(input);
  const azureName: Record<keyof EffectivePolicy, string> = {
    maxBatchInstancePercent: 'maxBatchInstancePercent',
    maxUnhealthyInstancePercent: 'maxUnhealthyInstancePercent',
    maxUnhealthyUpgradedInstancePercent: 'maxUnhealthyUpgradedInstancePercent',
    pauseTimeBetweenBatchesSeconds: 'pauseTimeBetweenBatches',
    enableCrossZoneUpgrade: 'enableCrossZoneUpgrade',
    prioritizeUnhealthyInstances: 'prioritizeUnhealthyInstances',
    rollbackFailedInstancesOnPolicyBreach: 'rollbackFailedInstancesOnPolicyBreach',
    maxSurge: 'maxSurge',
  };
  const out = {} as Record<keyof EffectivePolicy, Provenance>;
  for (const key of Object.keys(azureName) as (keyof EffectivePolicy)[]) {
    const value = plan.policy[key];
    const fromTemplate = provenance[`rollingUpgradePolicy.${azureName[key]}`];
    if (!usesTemplate && key === 'maxSurge' && value && fromTemplate)
      out[key] = { ...fromTemplate, note: "OS upgrades use the template's maxSurge (assumption osUpgradeMaxSurge)" };
    else if (!usesTemplate)
      out[key] = { value, origin: 'osUpgradeDefault', note: 'OS upgrades use the default policy unless useRollingUpgradePolicy is true' };
    else if (fromTemplate && fromTemplate.value !== value)
      out[key] = {
        value,
        origin: fromTemplate.origin,
        note: plan.notes.find((n) => n.includes(azureName[key])) ?? 'adjusted for this trigger',
      };
    else out[key] = fromTemplate ?? { value, origin: 'azureDefault' };
  }
  return out;
}
