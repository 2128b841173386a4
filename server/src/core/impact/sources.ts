/**
 * Where the change-impact table's facts come from: the pages the project's fact sheet (change-impact.md)
 * cites, by a short key. Users see the title and the link, never the key. Pages the rules cite too are the
 * catalog's own entries, so a title or link is written once.
 */
import { SOURCES, type Source } from '../catalog/sources';

const LEARN = 'https://learn.microsoft.com/azure/';
const VMSS = `${LEARN}virtual-machine-scale-sets/`;
const GITHUB = 'https://github.com/';

export const IMPACT_SOURCES = {
  modify: { title: 'Modify a Virtual Machine Scale Set', url: `${VMSS}virtual-machine-scale-sets-upgrade-scale-set` },
  upgradePolicy: SOURCES.S7,
  rolling: SOURCES.S5,
  changePolicy: {
    title: 'Change the upgrade policy of a Virtual Machine Scale Set',
    url: `${VMSS}virtual-machine-scale-sets-change-upgrade-policy`,
  },
  reimage: { title: 'Reimage a virtual machine in a scale set', url: `${VMSS}virtual-machine-scale-sets-reimage-virtual-machine` },
  orchestration: SOURCES.S11,
  placementGroups: { title: 'Working with large Virtual Machine Scale Sets', url: `${VMSS}virtual-machine-scale-sets-placement-groups` },
  faultDomains: { title: 'Choosing the right number of fault domains', url: `${VMSS}virtual-machine-scale-sets-manage-fault-domains` },
  zones: {
    title: 'Update a scale set to add availability zones',
    url: `${VMSS}virtual-machine-scale-sets-configure-customer-selected-zones`,
  },
  automaticOsUpgrade: SOURCES.S4,
  scaleIn: {
    title: 'Use custom scale-in policies with Virtual Machine Scale Sets',
    url: `${VMSS}virtual-machine-scale-sets-scale-in-policy`,
  },
  repairs: SOURCES.S10,
  networking: { title: 'Networking for Virtual Machine Scale Sets', url: `${VMSS}virtual-machine-scale-sets-networking` },
  instanceMix: { title: 'Update instance mix settings on a scale set', url: `${VMSS}instance-mix-update` },
  resilient: { title: 'Resilient create and delete for Virtual Machine Scale Sets', url: `${VMSS}resilient-vm-create-delete` },
  terminate: { title: 'Terminate notification for scale set instances', url: `${VMSS}virtual-machine-scale-sets-terminate-notification` },
  extensionUpgrade: {
    title: 'Automatic extension upgrade for VMs and scale sets',
    url: `${LEARN}virtual-machines/automatic-extension-upgrade`,
  },
  customData: { title: 'Custom data and cloud-init on Azure virtual machines', url: `${LEARN}virtual-machines/custom-data` },
  capacityReservation: {
    title: 'Associate a scale set to a capacity reservation group',
    url: `${LEARN}virtual-machines/capacity-reservation-associate-virtual-machine-scale-set`,
  },
  encryptionAtHost: {
    title: 'Enable end-to-end encryption using encryption at host',
    url: `${LEARN}virtual-machines/linux/disks-enable-host-based-encryption-cli`,
  },
  trustedLaunch: { title: 'Enable Trusted Launch on existing scale sets', url: `${LEARN}virtual-machines/trusted-launch-existing-vmss` },
  spot: { title: 'Azure Spot Virtual Machines for Virtual Machine Scale Sets', url: `${VMSS}use-spot` },
  deploymentModes: { title: 'Azure Resource Manager deployment modes', url: `${LEARN}azure-resource-manager/templates/deployment-modes` },
  restSpec: {
    title: 'Compute REST API specification, 2024-11-01 (virtualMachineScaleSet.json)',
    url: `${GITHUB}Azure/azure-rest-api-specs/blob/main/specification/compute/resource-manager/Microsoft.Compute/ComputeRP/stable/2024-11-01/virtualMachineScaleSet.json`,
  },
  terraform: {
    title: 'Terraform AzureRM provider: the scale set resources',
    url: `${GITHUB}hashicorp/terraform-provider-azurerm/tree/main/internal/services/compute`,
  },
  passwordIssue: { title: 'Azure/vm-scale-sets issue 38: changing adminPassword', url: `${GITHUB}Azure/vm-scale-sets/issues/38` },
  capacityIssue: { title: 'Azure/vm-scale-sets issue 70: redeploying resets the capacity', url: `${GITHUB}Azure/vm-scale-sets/issues/70` },
  faultDomainIssue: {
    title: 'MicrosoftDocs/azure-docs issue 108952: changing platformFaultDomainCount',
    url: `${GITHUB}MicrosoftDocs/azure-docs/issues/108952`,
  },
  identityIssue: { title: 'Azure/azure-cli issue 19813: identity on scale set instances', url: `${GITHUB}Azure/azure-cli/issues/19813` },
  locationIssue: {
    title: 'MicrosoftDocs/azure-docs issue 70422: changing a resource location',
    url: `${GITHUB}MicrosoftDocs/azure-docs/issues/70422`,
  },
  imageSkuIssue: {
    title: 'Azure/azure-powershell issue 11911: changing imageReference.sku',
    url: `${GITHUB}Azure/azure-powershell/issues/11911`,
  },
  probeIssue: {
    title: 'hashicorp/terraform-provider-azurerm issue 5430: Rolling without a health probe',
    url: `${GITHUB}hashicorp/terraform-provider-azurerm/issues/5430`,
  },
} as const satisfies Readonly<Record<string, Source>>;

export type ImpactSourceKey = keyof typeof IMPACT_SOURCES;
