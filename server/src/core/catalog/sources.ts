/**
 * Where the catalog's facts come from. Ids match the sources table of the project's reference
 * (azure-upgrade-policy.md) and `docs/sources.md`, which lists each with its title and URL, so a reviewer
 * can trace every fact. Users never see an id: hovers, rule docs and SARIF show the title and link.
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

/** Source ids of the reference's sources table (docs/sources.md). */
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
  | 'API2026';

export interface Source {
  /** What users see: the page's title (or the file and repository). */
  readonly title: string;
  /** A page that resolves. */
  readonly url: string;
}

const GITHUB = 'https://github.com/';

/** Every source by id, with the title and link users see (docs/sources.md lists the same; a test compares them). */
export const SOURCES: Readonly<Record<SourceId, Source>> = {
  S1: {
    title: 'Compute REST API specification, 2026-04-01 (ComputeRP.json)',
    url: `${GITHUB}Azure/azure-rest-api-specs/blob/main/specification/compute/resource-manager/Microsoft.Compute/Compute/stable/2026-04-01/ComputeRP.json`,
  },
  S2: {
    title: 'ARM template schemas (Microsoft.Compute.json)',
    url: `${GITHUB}Azure/azure-resource-manager-schemas/tree/main/schemas`,
  },
  S3: {
    title: 'Bicep resource types, Microsoft.Compute 2026-04-01',
    url: `${GITHUB}Azure/bicep-types-az/blob/main/generated/compute_1/microsoft.compute/2026-04-01/types.md`,
  },
  S4: { title: 'Automatic OS image upgrades with Azure Virtual Machine Scale Sets', url: DOCS.automaticOsUpgrade },
  S5: { title: 'Configure rolling upgrades on Virtual Machine Scale Sets', url: DOCS.rollingUpgrades },
  S6: { title: 'Rolling upgrades with MaxSurge on Virtual Machine Scale Sets', url: DOCS.maxSurge },
  S7: { title: 'Upgrade policies for Virtual Machine Scale Sets', url: DOCS.upgradePolicy },
  S8: { title: 'Custom metrics for rolling upgrades on Virtual Machine Scale Sets', url: DOCS.customMetrics },
  S9: { title: 'Using the Application Health extension with Virtual Machine Scale Sets', url: DOCS.healthExtension },
  S10: { title: 'Automatic instance repairs for Azure Virtual Machine Scale Sets', url: DOCS.automaticRepairs },
  S11: { title: 'Orchestration modes for Virtual Machine Scale Sets', url: DOCS.orchestrationModes },
  S12: { title: 'Set the upgrade policy of a Virtual Machine Scale Set', url: DOCS.setUpgradePolicy },
  S13: { title: 'Instance protection for Azure Virtual Machine Scale Set instances', url: DOCS.instanceProtection },
  S14: {
    title: 'Terraform AzureRM provider: the scale set resources',
    url: `${GITHUB}hashicorp/terraform-provider-azurerm/tree/main/internal/services/compute`,
  },
  S15: {
    title: 'Service Fabric troubleshooting guide: SFRP validations of scale sets',
    url: `${GITHUB}Azure/Service-Fabric-Troubleshooting-Guides/blob/master/Deployment/SFRP-VMSS-Validations.md`,
  },
  S16: {
    title: 'ARM template schema of Microsoft.Batch, 2025-06-01 (RollingUpgradePolicy)',
    url: `${GITHUB}Azure/azure-resource-manager-schemas/blob/main/schemas/2025-06-01/Microsoft.Batch.json`,
  },
  S17: {
    title: 'Azure CLI: the az vmss parameters (_params.py)',
    url: `${GITHUB}Azure/azure-cli/blob/dev/src/azure-cli/azure/cli/command_modules/vm/_params.py`,
  },
  S18: {
    title: 'Configure rolling upgrades (the 2024 azure-docs version)',
    url: `${GITHUB}MicrosoftDocs/azure-docs/blob/main/articles/virtual-machine-scale-sets/virtual-machine-scale-sets-configure-rolling-upgrades.md`,
  },
  API2026: {
    title: 'Compute REST API specifications, 2025-11-01 to 2026-04-01 (Microsoft.Compute)',
    url: `${GITHUB}Azure/azure-rest-api-specs/tree/main/specification/compute/resource-manager/Microsoft.Compute/Compute/stable`,
  },
};
