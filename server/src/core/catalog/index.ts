/** The policy catalog: the single source of truth for names, types, ranges, defaults, versions and docs. */
export * from './policyProperty';
export * from './sources';
export * from './policyCatalog';
export { UPGRADE_POLICY } from './upgradePolicy';
export { ROLLING_UPGRADE_POLICY } from './rollingUpgradePolicy';
export { AUTOMATIC_OS_UPGRADE_POLICY, AUTO_OS_UPGRADE_POLICY } from './automaticOSUpgradePolicy';
export * from './healthAndHooks';
export * from './resiliencyPolicies';
export * from './apiVersions';
export * from './durations';
export * from './closestName';
export * from './healthExtension';
export * from './serviceFabric';
export * from './platformImages';
export * from './osSettings';
export * from './loadBalancerProbe';
export * from './scaleSetLimits';
export * from './statusCodes';
