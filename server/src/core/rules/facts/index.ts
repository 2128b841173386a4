/**
 * Facts about a scale set that several rule groups need (health, automatic OS upgrade, rolling, Service
 * Fabric): effective settings with ARM's defaults, health sources, Service Fabric node types. Shared by
 * those groups: extend, don't change, the signatures.
 */
export { booleanSetting, enumSetting, isAbsent, isEditable, type Setting } from './setting';
export {
  automaticOsUpgrade,
  automaticRepairs,
  orchestrationMode,
  overprovision,
  policyAnchor,
  singlePlacementGroup,
  upgradeMode,
  windowsAutomaticUpdates,
  type OrchestrationMode,
  type UpgradeMode,
} from './scaleSetFacts';
export {
  hasHealthSource,
  healthSources,
  isApplicationHealthExtension,
  isServiceFabricExtension,
  serviceFabricExtensions,
  type HealthSources,
  type Maybe,
} from './healthSources';
export {
  clusterNodeType,
  DURABILITY_LEVELS,
  serviceFabric,
  type ClusterNodeType,
  type Durability,
  type ServiceFabricFacts,
} from './serviceFabric';
export { resolveProbe, type ProbeResolution } from './probes';
