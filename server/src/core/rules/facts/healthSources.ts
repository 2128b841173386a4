import { APPLICATION_HEALTH_EXTENSION, isApplicationHealthType, isServiceFabricType, SERVICE_FABRIC_EXTENSION } from '../../catalog';
import type { ExtensionModel, RProperty, RValue, ScaleSetModel } from '../../model/templateModel';
import { getProp } from '../../model/values';
import { perScaleSet } from './memo';

/**
 * What health signals a scale set has: the load-balancer probe, the Application Health extension (§2, §3.2)
 * and external health (`externalHealthPolicy.enabled`, API 2025-11-01).
 */

/** true / false, or 'unknown' when an expression the engine cannot evaluate decides. */
export type Maybe = boolean | 'unknown';

/** Matches an extension by publisher and type, case-insensitively; unknown when either is an unevaluated expression. */
function matches(ext: ExtensionModel, publisher: string, isType: (type: string) => boolean): Maybe {
  const type = ext.type;
  if (type?.kind === 'unknown') return 'unknown';
  if (type?.kind !== 'string' || !isType(type.value)) return false;
  const pub: RValue | undefined = ext.publisher;
  if (pub?.kind === 'unknown') return 'unknown';
  // The type names are specific enough; a missing publisher is another problem, not "no health extension".
  return pub?.kind !== 'string' || pub.value.trim().toLowerCase() === publisher.toLowerCase();
}

export function isApplicationHealthExtension(ext: ExtensionModel): Maybe {
  return matches(ext, APPLICATION_HEALTH_EXTENSION.publisher, isApplicationHealthType);
}

export function isServiceFabricExtension(ext: ExtensionModel): Maybe {
  return matches(ext, SERVICE_FABRIC_EXTENSION.publisher, isServiceFabricType);
}

export interface HealthSources {
  /** networkProfile.healthProbe.id when it is set (not absent, null or ""); its value may be unknown. */
  readonly probe: RProperty | undefined;
  /** Application Health extensions (extensionProfile or child resources). */
  readonly appHealth: readonly ExtensionModel[];
  /** Extensions whose type or publisher cannot be evaluated: any of them may be a health extension. */
  readonly undetermined: readonly ExtensionModel[];
  /** externalHealthPolicy.enabled when it is true, or an expression the engine cannot evaluate. */
  readonly external: RProperty | undefined;
  /** True when `external` is an expression: it may be on or off. */
  readonly externalUnknown: boolean;
}

/** externalHealthPolicy.enabled: true, false or unknown (an expression; also when the whole policy is one). */
export function externalHealthEnabled(scaleSet: ScaleSetModel): { readonly value: Maybe; readonly property: RProperty | undefined } {
  const policy = scaleSet.externalHealthPolicy;
  if (!policy) return { value: false, property: undefined };
  if (policy.value.kind === 'unknown') return { value: 'unknown', property: policy };
  const enabled = getProp(policy.value, 'enabled');
  if (!enabled) return { value: false, property: undefined };
  const v = enabled.value;
  if (v.kind === 'unknown') return { value: 'unknown', property: enabled };
  if (v.kind === 'boolean') return { value: v.value, property: enabled };
  if (v.kind === 'string' && /^(true|false)$/i.test(v.value.trim()))
    return { value: v.value.trim().toLowerCase() === 'true', property: enabled };
  return { value: false, property: undefined };
}

function computeHealthSources(scaleSet: ScaleSetModel): HealthSources {
  const id = scaleSet.healthProbeId;
  const probeSet = id !== undefined && id.value.kind !== 'null' && !(id.value.kind === 'string' && id.value.value.trim() === '');
  const appHealth: ExtensionModel[] = [];
  const undetermined: ExtensionModel[] = [];
  for (const ext of scaleSet.extensions) {
    const is = isApplicationHealthExtension(ext);
    if (is === true) appHealth.push(ext);
    else if (is === 'unknown') undetermined.push(ext);
  }
  const external = externalHealthEnabled(scaleSet);
  return {
    probe: probeSet ? id : undefined,
    appHealth,
    undetermined,
    external: external.value === false ? undefined : external.property,
    externalUnknown: external.value === 'unknown',
  };
}

/**
 * Whether the scale set has a health signal. `probeCounts: false` for cases where a load-balancer probe
 * is not a health source (Flexible orchestration, Service Fabric).
 */
export function hasHealthSource(sources: HealthSources, probeCounts = true): Maybe {
  if (sources.appHealth.length > 0 || (probeCounts && sources.probe)) return true;
  if (sources.external && !sources.externalUnknown) return true;
  return sources.undetermined.length > 0 || sources.externalUnknown ? 'unknown' : false;
}

/** Whether the scale set has the Service Fabric node extension. */
function computeServiceFabricExtensions(scaleSet: ScaleSetModel): {
  readonly found: readonly ExtensionModel[];
  readonly undetermined: boolean;
} {
  const found: ExtensionModel[] = [];
  let undetermined = false;
  for (const ext of scaleSet.extensions) {
    const is = isServiceFabricExtension(ext);
    if (is === true) found.push(ext);
    else if (is === 'unknown') undetermined = true;
  }
  return { found, undetermined };
}

export const healthSources = perScaleSet(computeHealthSources);
export const serviceFabricExtensions = perScaleSet(computeServiceFabricExtensions);
