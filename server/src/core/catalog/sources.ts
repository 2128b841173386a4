/**
 * Where the catalog's facts come from. Ids match §0 of the project's reference
 * (azure-upgrade-policy.md) so a reviewer can trace every fact; the learn.microsoft.com pages are the
 * links users see in hovers and rule docs.
 */
const LEARN = 'https://learn.microsoft.com/azure/virtual-machine-scale-sets/';

export const DOCS = {
  /** S4 */ automaticOsUpgrade: `${LEARN}virtual-machine-scale-sets-automatic-upgrade`,
  /** S5 */ rollingUpgrades: `${LEARN}virtual-machine-scale-sets-configure-rolling-upgrades`,
  /** S6 */ maxSurge: `${LEARN}virtual-machine-scale-sets-maxsurge`,
  /** S7 */ upgradePolicy: `${LEARN}virtual-machine-scale-sets-upgrade-policy`,
  /** S8 */ customMetrics: `${LEARN}virtual-machine-scale-sets-rolling-upgrade-custom-metrics`,
  /** S9 */ healthExtension: `${LEARN}virtual-machine-scale-sets-health-extension`,
  /** S10 */ automaticRepairs: `${LEARN}virtual-machine-scale-sets-automatic-instance-repairs`,
  /** S11 */ orchestrationModes: `${LEARN}virtual-machine-scale-sets-orchestration-modes`,
  /** S12 */ setUpgradePolicy: `${LEARN}virtual-machine-scale-sets-set-upgrade-policy`,
  /** S13 */ instanceProtection: `${LEARN}virtual-machine-scale-sets-instance-protection`,
  /** compute-api-2026.md §3 */ externalHealth: `${LEARN}virtual-machine-scale-sets-health-extension`,
  /** compute-api-2026.md §2 */ lifecycleHooks: `${LEARN}virtual-machine-scale-sets-automatic-upgrade`,
  /** compute-api-2026.md §4.1 */ zoneBalancing: `${LEARN}auto-zone-balance-enable`,
  /** compute-api-2026.md §4.1 */ resiliency: `${LEARN}resilient-vm-create-delete`,
  /** compute-api-2026.md §4.3–4.4 */ scheduledEvents: `${LEARN}virtual-machine-scale-sets-terminate-notification`,
  /** compute-api-2026.md §4.5 */ zones: `${LEARN}virtual-machine-scale-sets-use-availability-zones`,
} as const;

/** Source ids of the reference's §0 table. */
export type SourceId =
  | 'S1'
  | 'S2'
  | 'S3'
  | 'S4'
  | 'S5'
  | 'S6'
  | 'S7'
  | 'S8'
  | 'S9'
  | 'S10'
  | 'S11'
  | 'S12'
  | 'S13'
  | 'S14'
  | 'S15'
  | 'S16'
  | 'S17'
  | 'S18'
  /** compute-api-2026.md: the Compute API specs 2025-11-01 to 2026-04-01 (TypeSpec and generated swagger at the commits it names). */
  | 'API2026';
