/**
 * The change-impact rows of the scale-set resource itself and of its properties outside the VM profile
 * (name, SKU, zones, policies, placement), from change-impact.md.
 */
import { P, row, model, none, refused, type ImpactRow } from './impactFacts';

export const RESOURCE_ROWS: readonly ImpactRow[] = [
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
];
