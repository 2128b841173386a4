import type {
  ExtensionModel,
  RProperty,
  ScaleSetModel,
  ServiceFabricClusterModel,
  ServiceFabricNodeTypeModel,
  TemplateModel,
} from '../../model/templateModel';
import { getProp } from '../../model/values';
import { serviceFabricExtensions } from './healthSources';
import { enumSetting, type Setting } from './setting';
import { perScaleSet, type FactMemo } from './memo';

/** Service Fabric facts of a scale set: its node extension, durability and the cluster node type it joins (§2, §3.5). */

export type Durability = 'Bronze' | 'Silver' | 'Gold';
export const DURABILITY_LEVELS: readonly Durability[] = ['Bronze', 'Silver', 'Gold'];

export interface ServiceFabricFacts {
  readonly extension: ExtensionModel;
  /** settings.durabilityLevel; unknown when absent too (the reference gives no default). */
  readonly durability: Setting<Durability>;
  /** settings.nodeTypeRef */
  readonly nodeTypeRef: RProperty | undefined;
}

/**
 * The scale set's Service Fabric extension, or undefined when it has none. `'unknown'` when it has none
 * for certain only if some extension's type is unevaluated.
 */
function computeServiceFabric(scaleSet: ScaleSetModel, facts: FactMemo): ServiceFabricFacts | undefined | 'unknown' {
  const { found, undetermined } = serviceFabricExtensions(scaleSet, facts);
  const extension = found[found.length - 1];
  if (!extension) return undetermined ? 'unknown' : undefined;
  const settings = extension.settings;
  if (settings?.kind === 'unknown') return { extension, durability: { value: 'unknown', property: undefined }, nodeTypeRef: undefined };
  const durabilityProp = getProp(settings, 'durabilityLevel');
  const durability = durabilityProp
    ? enumSetting(durabilityProp, DURABILITY_LEVELS, 'Bronze')
    : { value: 'unknown' as const, property: undefined };
  return { extension, durability, nodeTypeRef: getProp(settings, 'nodeTypeRef') };
}

export interface ClusterNodeType {
  readonly cluster: ServiceFabricClusterModel;
  readonly nodeType: ServiceFabricNodeTypeModel;
}

/** The node type (in a cluster of this template) named by the extension's nodeTypeRef, case-insensitively. */
export function clusterNodeType(model: TemplateModel, facts: ServiceFabricFacts): ClusterNodeType | undefined {
  const ref = facts.nodeTypeRef?.value;
  if (ref?.kind !== 'string') return undefined;
  const lower = ref.value.toLowerCase();
  for (const cluster of model.serviceFabricClusters) {
    for (const nodeType of cluster.nodeTypes) {
      if (nodeType.name?.kind === 'string' && nodeType.name.value.toLowerCase() === lower) return { cluster, nodeType };
    }
  }
  return undefined;
}

export const serviceFabric = perScaleSet(computeServiceFabric);
