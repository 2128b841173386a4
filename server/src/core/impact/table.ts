/**
 * What changing a scale-set setting between two deployments does, as data: one row per property path of
 * the project's fact sheet (change-impact.md, 86 paths in classes A–E), in our words, with Azure's error
 * text where it is documented, `unverified` where the fact sheet marks the fact UNVERIFIED, and the source.
 * A path is matched by its longest row (`[]` stands for any item of an array); `variants` refine a row by
 * the direction of the change, `flexible` by the orchestration mode.
 */
import type { ImpactSourceKey } from './sources';

/**
 * refused: the deployment fails. newResource: a new scale set is created (the old one stays). deallocate:
 * only while the instances are stopped. reimage: existing instances see it only after a reimage.
 * model: a model change delivered per the upgrade mode. none: no effect on instances. instances:
 * instances are added or removed. platform: Azure acts later on its own (image releases, extension upgrades).
 */
export type ImpactClass = 'refused' | 'newResource' | 'deallocate' | 'reimage' | 'model' | 'none' | 'instances' | 'platform';

export const IMPACT_CLASSES: readonly ImpactClass[] = [
  'refused',
  'newResource',
  'deallocate',
  'reimage',
  'model',
  'none',
  'instances',
  'platform',
];

/** The direction of a change that a variant applies to. */
export type ChangeDirection = 'listShrinks' | 'trueToFalse' | 'falseToTrue' | 'turnedOn' | 'turnedOff' | 'beforeApi2023' | 'fromManual';

export interface ImpactFact {
  readonly class: ImpactClass;
  /** What the change does, in our words (the upgrade mode's part is added by the comparison). */
  readonly effect: string;
  /** Azure's error text, where a source documents it. */
  readonly azureError?: string;
  readonly unverified: boolean;
  readonly source: ImpactSourceKey;
}

export interface ImpactRow extends ImpactFact {
  /** Dotted path from the resource, as Azure spells it; `[]` is any array item. */
  readonly path: string;
  readonly variants?: readonly ({ readonly when: ChangeDirection } & ImpactFact)[];
  /** What differs in a Flexible scale set. */
  readonly flexible?: Partial<ImpactFact>;
}

const P = 'properties.';
const VM = `${P}virtualMachineProfile.`;
const OS = `${VM}osProfile.`;
const DISK = `${VM}storageProfile.`;
const NIC = `${VM}networkProfile.networkInterfaceConfigurations[].`;
const EXT = `${VM}extensionProfile.extensions[]`;
const REBOOT_UNKNOWN = 'Whether the instances restart for it is not documented.';

const row = (path: string, fact: ImpactFact, more: Pick<ImpactRow, 'variants' | 'flexible'> = {}): ImpactRow => ({
  path,
  ...fact,
  ...more,
});
const model = (effect: string, source: ImpactSourceKey, unverified = false): ImpactFact => ({ class: 'model', effect, unverified, source });
const none = (effect: string, source: ImpactSourceKey, unverified = false): ImpactFact => ({ class: 'none', effect, unverified, source });
const refused = (effect: string, source: ImpactSourceKey, unverified: boolean, azureError?: string): ImpactFact => ({
  class: 'refused',
  effect,
  unverified,
  source,
  ...(azureError === undefined ? {} : { azureError }),
});

export const IMPACT_TABLE: readonly ImpactRow[] = [
  row('name', {
    class: 'newResource',
    effect: 'A new name deploys a new scale set; the old one stays in Incremental mode.',
    unverified: true,
    source: 'deploymentModes',
  }),
  row(
    'location',
    refused(
      'A scale set cannot move to another region: the deployment fails.',
      'locationIssue',
      false,
      "InvalidResourceLocation: The resource already exists in location 'A' in resource group 'rg'. A resource with the same name cannot be created in location 'B'.",
    ),
  ),
  row('apiVersion', {
    class: 'platform',
    effect: 'A newer API version can change defaults (automatic extension upgrade is on by default from 2025-04-01).',
    unverified: true,
    source: 'extensionUpgrade',
  }),
  row(
    'sku.name',
    model(
      'A VM size change: each instance restarts with the new size; if the current hardware cannot host it, the instances must be deallocated first.',
      'modify',
    ),
  ),
  row('sku.tier', model('The SKU tier is part of the size; how Azure applies a change is not documented.', 'instanceMix', true)),
  row('sku.capacity', {
    class: 'instances',
    effect:
      'Instances are added (from the latest model) or removed (the scale-in policy picks which); a redeploy resets an autoscaled count.',
    unverified: false,
    source: 'capacityIssue',
  }),
  row(
    `${P}skuProfile`,
    none('The instance-mix strategy takes effect at the next scale-out or scale-in; existing instances are not touched.', 'instanceMix'),
  ),
  row(
    'zones',
    {
      class: 'instances',
      effect: 'Zones can be added: existing instances stay where they are; new zones are used on scale-out.',
      unverified: false,
      source: 'zones',
    },
    {
      variants: [
        {
          when: 'listShrinks',
          ...refused(
            'Zones cannot be removed or replaced, only added: the deployment fails.',
            'zones',
            false,
            "Changing property 'zones' is not allowed.",
          ),
        },
        {
          when: 'beforeApi2023',
          ...refused(
            'Adding zones to a scale set needs API version 2023-03-01 or later: with an older one the deployment fails.',
            'zones',
            false,
            "Changing property 'zones' is not allowed.",
          ),
        },
      ],
    },
  ),
  row(
    `${P}zoneBalance`,
    refused('Whether zoneBalance can change after creation is not documented; Terraform replaces the scale set.', 'terraform', true),
  ),
  row(`${P}orchestrationMode`, refused('The orchestration mode is set at creation and cannot be changed.', 'orchestration', false)),
  row(`${P}singlePlacementGroup`, none('Going from one placement group to several is allowed and does not touch instances.', 'restSpec'), {
    variants: [
      {
        when: 'falseToTrue',
        ...refused('singlePlacementGroup can go from true to false, never back to true: the deployment fails.', 'restSpec', false),
      },
    ],
  }),
  row(
    `${P}platformFaultDomainCount`,
    refused(
      'The fault-domain count is fixed at creation: the deployment fails.',
      'faultDomainIssue',
      false,
      "PropertyChangeNotAllowed: Changing property 'platformFaultDomainCount' is not allowed.",
    ),
  ),
  row(`${P}overprovision`, none('Affects only future creations and scale-outs.', 'placementGroups')),
  row(`${P}doNotRunExtensionsOnOverprovisionedVMs`, none('Affects only future overprovisioned instances.', 'restSpec')),
  row(
    `${P}upgradePolicy.mode`,
    none(
      'The upgrade mode can change at any time and decides how later model changes reach the instances. Rolling needs a health probe or health extension.',
      'changePolicy',
    ),
    {
      variants: [
        {
          when: 'fromManual',
          ...none(
            'The mode can change at any time. Leaving Manual may start upgrading instances not on the latest model; Rolling needs a health probe or extension.',
            'rolling',
            true,
          ),
        },
      ],
    },
  ),
  row(
    `${P}upgradePolicy.rollingUpgradePolicy`,
    none('Governs future rolling upgrades (and automatic OS and extension upgrades); no instance changes now.', 'rolling'),
  ),
  row(
    `${P}upgradePolicy.automaticOSUpgradePolicy`,
    none('Governs future automatic OS image upgrades; no instance changes now.', 'automaticOsUpgrade'),
  ),
  row(
    `${P}upgradePolicy.automaticOSUpgradePolicy.enableAutomaticOSUpgrade`,
    {
      class: 'platform',
      effect: 'Nothing now; from then on Azure replaces OS disks in batches whenever a new image version is published.',
      unverified: false,
      source: 'automaticOsUpgrade',
    },
    {
      variants: [
        {
          when: 'turnedOff',
          ...none('Azure stops replacing OS disks on new image versions; no instance changes now.', 'automaticOsUpgrade'),
        },
      ],
    },
  ),
  row(
    `${P}automaticRepairsPolicy`,
    none(
      'Governs future repairs (which replace, reimage or restart unhealthy instances); changing repairAction needs disabling, then re-enabling.',
      'repairs',
    ),
  ),
  row(`${P}scaleInPolicy`, none('Affects which instances future scale-ins remove.', 'scaleIn')),
  row(`${P}resiliencyPolicy`, none('Affects future creations and deletions; retries in progress finish first.', 'resilient')),
  row(`${P}resiliencyPolicy.automaticZoneRebalancingPolicy`, {
    class: 'platform',
    effect: 'Azure may recreate instances in other zones to rebalance them.',
    unverified: false,
    source: 'restSpec',
  }),
  row(
    `${P}proximityPlacementGroup`,
    {
      class: 'deallocate',
      effect:
        'A proximity placement group can change only while every instance is stopped (deallocated); instances may move to another datacenter.',
      unverified: false,
      source: 'orchestration',
    },
    { flexible: { class: 'refused', effect: 'A Flexible scale set cannot change its proximity placement group after deployment.' } },
  ),
  row(`${P}hostGroup`, refused('The dedicated host group is most likely fixed at creation.', 'restSpec', true)),
  row(`${P}spotRestorePolicy`, none('Affects how evicted Spot instances are restored later.', 'spot', true)),
  row(`${P}priorityMixPolicy`, none('Applies to the instances of future scale-outs.', 'restSpec', true)),
  row(`${P}additionalCapabilities`, {
    class: 'deallocate',
    effect: 'Ultra disk support on VMs needs them stopped; the scale-set behaviour is not documented.',
    unverified: true,
    source: 'restSpec',
  }),
  row(`${P}lifecycleHooksProfile`, none('Hooks for future automatic OS upgrades (preview); no instance changes now.', 'restSpec', true)),
  row(`${P}scheduledEventsPolicy`, none('How scheduled events are sent from then on.', 'restSpec', true)),
  row(`${P}zonalPlatformFaultDomainAlignMode`, none('Not documented.', 'restSpec', true)),
  row(`${P}constrainedMaximumCapacity`, none('Not documented.', 'restSpec', true)),
  row(`${P}highSpeedInterconnectPlacement`, none('Not documented.', 'restSpec', true)),
  row('identity', none('Identity is held by the scale set: the instances need no update.', 'identityIssue')),
  row('tags', none('Tags do not touch the instances.', 'terraform')),
  row('plan', model('The marketplace plan; how Azure applies a change is not documented.', 'restSpec', true)),
  row('extendedLocation', refused('The edge zone is most likely fixed at creation.', 'terraform', true)),

  // The VM profile: a model change unless said otherwise.
  row(`${VM}`, model('Part of the VM profile: a model change. Not in our table, so its exact effect is not known.', 'modify', true)),
  row(`${VM}hardwareProfile`, model('Like a resize: each instance restarts with the new VM shape.', 'restSpec', true)),
  row(`${VM}licenseType`, model('The license type of the instances.', 'restSpec', true)),
  row(`${VM}userData`, model('The instances get the new user data; how it reaches running instances is not documented.', 'restSpec', true)),
  row(`${VM}priority`, refused('Spot or Regular priority is set only at creation: the deployment fails.', 'spot', false)),
  row(`${VM}evictionPolicy`, refused('The eviction policy is most likely fixed at creation.', 'restSpec', true)),
  row(
    `${VM}billingProfile`,
    model('The Spot price cap; whether existing Spot instances must be stopped is not documented.', 'restSpec', true),
  ),
  row(`${VM}applicationProfile`, model('Gallery applications; how a change reaches the instances is not documented.', 'terraform', true)),
  row(`${VM}capacityReservation`, {
    class: 'deallocate',
    effect: 'A regional scale set changes its capacity reservation only while deallocated; instances join per the upgrade mode.',
    unverified: false,
    source: 'capacityReservation',
  }),
  row(`${VM}diagnosticsProfile`, model(`Boot diagnostics settings. ${REBOOT_UNKNOWN}`, 'restSpec')),
  row(
    `${VM}scheduledEventsProfile`,
    model('The instances get the new notification settings when updated to the latest model.', 'terminate'),
  ),
  row(
    `${VM}scheduledEventsProfile.osImageNotificationProfile`,
    model('OS image notifications; the effect on instances is not documented.', 'restSpec', true),
  ),
  row(
    `${VM}securityProfile`,
    model(
      'The security type or UEFI settings: the upgrade recreates each OS disk (Trusted Launch needs a Gen2 image and a supported size).',
      'trustedLaunch',
    ),
  ),
  row(
    `${VM}securityProfile.encryptionAtHost`,
    model('Encryption at host; whether enabling it reaches running instances without a stop is not documented.', 'encryptionAtHost', true),
    {
      variants: [
        {
          when: 'turnedOff',
          class: 'deallocate',
          effect: 'Turning encryption at host off affects new instances only; each existing one must be deallocated to change.',
          unverified: false,
          source: 'encryptionAtHost',
        },
      ],
    },
  ),
  row(
    `${DISK}imageReference`,
    model('A new image: the upgrade recreates each OS disk from it (anything stored on the OS disk is lost).', 'modify'),
  ),
  row(
    `${DISK}imageReference.publisher`,
    model('A new image publisher: allowed only for some images; the upgrade recreates each OS disk.', 'modify', true),
  ),
  row(
    `${DISK}imageReference.offer`,
    model('A new image offer: allowed only for some images; the upgrade recreates each OS disk.', 'modify', true),
  ),
  row(`${DISK}imageReference.sku`, {
    ...model('A new image SKU (endorsed Linux, Windows images, images without a plan): the upgrade recreates each OS disk.', 'modify'),
    azureError: "Changing property 'imageReference.sku' is not allowed.",
  }),
  row(
    `${DISK}imageReference.version`,
    model('A new image version: the upgrade recreates each OS disk from it; data disks are kept.', 'upgradePolicy'),
  ),
  row(`${DISK}osDisk`, model('The OS disk settings; the effect on existing instances is not documented.', 'restSpec', true)),
  row(
    `${DISK}osDisk.managedDisk.storageAccountType`,
    refused(
      'The OS disk storage type is fixed at creation: the deployment fails.',
      'modify',
      false,
      "Changing property 'osDisk.managedDisk.storageAccountType' is not allowed.",
    ),
  ),
  row(`${DISK}osDisk.diskSizeGB`, {
    class: 'reimage',
    effect: 'Most likely only new or reimaged instances get the new size; it must not be smaller than the image.',
    unverified: true,
    source: 'restSpec',
  }),
  row(
    `${DISK}osDisk.createOption`,
    refused('Most likely fixed at creation.', 'restSpec', true, "Changing property 'osDisk.createOption' is not allowed."),
  ),
  row(`${DISK}osDisk.osType`, refused('Most likely fixed at creation.', 'restSpec', true)),
  row(`${DISK}osDisk.name`, refused('Most likely fixed at creation.', 'restSpec', true)),
  row(
    `${DISK}osDisk.diffDiskSettings`,
    model(
      'Ephemeral OS disk settings; Azure behaviour is not documented (a reimage of an ephemeral disk loses local data).',
      'reimage',
      true,
    ),
  ),
  row(
    `${DISK}dataDisks`,
    model(
      'Model data disks are always created empty; a disk removed from the model is detached from every instance (its data goes with it).',
      'upgradePolicy',
    ),
  ),
  row(`${OS}computerNamePrefix`, refused('Most likely fixed at creation (Terraform replaces the scale set).', 'terraform', true)),
  row(`${OS}adminUsername`, {
    class: 'reimage',
    effect: 'Applies to new instances; existing ones need a reimage. Current rules are not documented.',
    unverified: true,
    source: 'modify',
  }),
  row(`${OS}adminPassword`, {
    class: 'reimage',
    effect: 'A new password reaches existing instances only when they are reimaged.',
    unverified: false,
    source: 'passwordIssue',
  }),
  row(`${OS}customData`, {
    class: 'reimage',
    effect: 'Existing instances get the new custom data only after an upgrade and a reimage; new instances get it.',
    unverified: false,
    source: 'customData',
  }),
  row(`${OS}secrets`, model('Key Vault certificates; whether a reimage is needed is not documented.', 'restSpec', true)),
  row(
    `${OS}allowExtensionOperations`,
    model('Can be false only without extensions; whether it can change is not documented.', 'restSpec', true),
  ),
  row(`${OS}linuxConfiguration`, model('Linux settings; the effect on instances is not documented.', 'restSpec', true)),
  row(`${OS}linuxConfiguration.ssh.publicKeys`, {
    class: 'reimage',
    effect: 'New SSH keys reach existing instances only after a restart, reimage or redeploy.',
    unverified: false,
    source: 'upgradePolicy',
  }),
  row(`${OS}windowsConfiguration`, model('Windows settings; the effect on instances is not documented.', 'restSpec', true)),
  row(
    `${OS}windowsConfiguration.provisionVMAgent`,
    refused('Most likely fixed at creation (Terraform replaces the scale set).', 'terraform', true),
  ),
  row(
    `${OS}linuxConfiguration.provisionVMAgent`,
    refused('Most likely fixed at creation (Terraform replaces the scale set).', 'terraform', true),
  ),
  row(`${VM}networkProfile`, model('Network settings: a model change (per field not documented).', 'networking', true)),
  row(
    `${VM}networkProfile.healthProbe`,
    model('The health probe used by rolling upgrades; a probe in use blocks changes to its load-balancer rule.', 'rolling', true),
  ),
  row(
    `${NIC}properties.ipConfigurations[].properties.subnet`,
    model('Another subnet of the same virtual network; another network needs a new scale set.', 'modify'),
  ),
  row(
    `${NIC}properties.ipConfigurations[].properties.loadBalancerBackendAddressPools`,
    model('Back-end pools: instances join when upgraded to the latest model.', 'networking'),
  ),
  row(
    `${NIC}properties.ipConfigurations[].properties.applicationGatewayBackendAddressPools`,
    model('Back-end pools: instances join when upgraded to the latest model.', 'networking'),
  ),
  row(
    `${NIC}properties.ipConfigurations[].properties.loadBalancerInboundNatPools`,
    model('NAT pools: instances join when upgraded to the latest model.', 'networking'),
  ),
  row(
    `${NIC}properties.ipConfigurations[].properties.publicIPAddressConfiguration`,
    model('Public IP settings; some (IP tags, version, SKU) are most likely fixed at creation.', 'restSpec', true),
  ),
  row(
    `${VM}extensionProfile`,
    model('Extensions added, removed or changed: each instance runs the new extension configuration.', 'upgradePolicy'),
  ),
  row(`${EXT}.properties.settings`, model('The extension re-runs with the new settings (in place, the OS disk is kept).', 'modify')),
  row(
    `${EXT}.properties.protectedSettings`,
    model('The extension re-runs with the new protected settings (in place, the OS disk is kept).', 'modify'),
  ),
  row(`${EXT}.properties.forceUpdateTag`, model('The extension re-runs even though its settings are unchanged.', 'modify')),
  row(
    `${EXT}.properties.autoUpgradeMinorVersion`,
    none('Read only when the extension is deployed; it has no effect until then.', 'restSpec'),
  ),
  row(`${EXT}.properties.enableAutomaticUpgrade`, {
    class: 'platform',
    effect: 'Azure upgrades the extension on its own as new versions ship, in batches, following the rolling upgrade policy.',
    unverified: false,
    source: 'extensionUpgrade',
  }),
  row(`${EXT}.properties.publisher`, model('Another extension publisher; how Azure treats it is not documented.', 'restSpec', true)),
  row(`${EXT}.properties.type`, model('Another extension type; how Azure treats it is not documented.', 'restSpec', true)),
];

/** Rows by lower-cased path, for the longest-match lookup. */
const BY_PATH: ReadonlyMap<string, ImpactRow> = new Map(IMPACT_TABLE.map((r) => [r.path.toLowerCase().replace(/\.$/, ''), r]));

/** The row for a change at `pattern` (lower-cased segments, `[]` for items): its longest prefix in the table. */
export function rowFor(pattern: readonly string[]): ImpactRow | undefined {
  for (let n = pattern.length; n > 0; n--) {
    const found = BY_PATH.get(joinPattern(pattern.slice(0, n)));
    if (found) return found;
  }
  return undefined;
}

/** `a.b[].c` from ['a', 'b', '[]', 'c']. */
export function joinPattern(segments: readonly string[]): string {
  return segments.reduce((out, s) => (s === '[]' ? `${out}[]` : out === '' ? s : `${out}.${s}`), '');
}
