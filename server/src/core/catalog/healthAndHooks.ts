import { DOCS } from './sources';
import type { PolicyObject } from './policyProperty';

/**
 * The scale set's `properties` and `virtualMachineProfile` as far as upgrades, health and zones go
 * (compute-api-2026.md §2–4). Both are open: the catalog does not list their other properties.
 */

const PREVIEW_NOTE = 'The API spec carries no preview marker; azure-cli issues 33328 and 33652 call lifecycle hooks a private preview.';

/** `properties` of a Microsoft.Compute/virtualMachineScaleSets resource: the members the catalog knows. */
export const SCALE_SET_PROPERTIES: PolicyObject = {
  id: 'scaleSetProperties',
  title: 'Scale set properties',
  description: 'The scale set settings that shape upgrades, the health signal and zones.',
  docs: DOCS.upgradePolicy,
  open: true,
  properties: [
    {
      name: 'externalHealthPolicy',
      type: 'object',
      object: 'externalHealthPolicy',
      since: '2025-11-01',
      description:
        'Health reported by you through the External Health API instead of a load-balancer probe or the Application Health extension. Only one health source may be active.',
      docs: DOCS.externalHealth,
      sources: ['API2026'],
      unverified: [
        'The API that posts external health, and which features (rolling upgrades, automatic OS upgrades, repairs, zone balance) read it, are not in the spec.',
        'Under the spec it can be set on create (PUT) but not through PATCH.',
      ],
    },
    {
      name: 'lifecycleHooksProfile',
      type: 'object',
      object: 'lifecycleHooksProfile',
      since: '2025-11-01',
      description:
        'Hooks that make automatic OS upgrades wait for your approval: before the upgrade starts, and before each batch. Without an answer the hook applies its `defaultAction` after `waitDuration`.',
      docs: DOCS.lifecycleHooks,
      sources: ['API2026'],
      unverified: [PREVIEW_NOTE],
    },
    {
      name: 'resiliencyPolicy',
      type: 'object',
      object: 'resiliencyPolicy',
      since: '2023-07-01',
      description: 'Retries of failed VM creation and deletion, automatic zone rebalancing and per-zone allocation limits.',
      docs: DOCS.resiliency,
      sources: ['API2026', 'S1'],
      unverified: [
        'First API version: Learn says 2023-07-01, the spec snapshots first show it in 2024-03-01. The earlier one is used, so no version finding is made on 2023-07-01.',
      ],
    },
    {
      name: 'automaticRepairsPolicy',
      type: 'object',
      object: 'automaticRepairsPolicy',
      since: '2018-10-01',
      description: 'Replaces, restarts or reimages instances that the health signal reports unhealthy. Needs a health source.',
      docs: DOCS.automaticRepairs,
      sources: ['S1', 'S10'],
    },
    {
      name: 'scheduledEventsPolicy',
      type: 'object',
      object: 'scheduledEventsPolicy',
      since: '2024-07-01',
      description: 'Which scheduled events are approved automatically, and where scheduled events are published besides the VM.',
      docs: DOCS.scheduledEvents,
      sources: ['API2026'],
      unverified: ['First API version: seen in the 2024-07-01 spec snapshot; earlier ones were not read.'],
    },
    {
      name: 'zoneBalance',
      type: 'boolean',
      since: '2017-12-01',
      description:
        'Keep the VMs strictly evenly spread over the zones: scaling fails rather than leave the zones unbalanced. Only for scale sets with more than one zone.',
      docs: DOCS.zones,
      sources: ['S1', 'API2026'],
    },
    {
      name: 'zonalPlatformFaultDomainAlignMode',
      type: 'enum',
      enumValues: ['Aligned', 'Unaligned', 'BestEffortAligned'],
      enumValueSince: { BestEffortAligned: '2025-11-01' },
      since: '2024-07-01',
      description: 'Whether compute and storage fault domains of a zonal scale set line up (`BestEffortAligned`: where the platform can).',
      docs: DOCS.zones,
      sources: ['API2026'],
      unverified: ['First API version: seen in the 2024-07-01 spec snapshot; earlier ones were not read.'],
    },
  ],
};

/** `properties.externalHealthPolicy` (API 2025-11-01). */
export const EXTERNAL_HEALTH_POLICY: PolicyObject = {
  id: 'externalHealthPolicy',
  title: 'External health policy',
  description: 'VM health reported through the External Health API, as the scale set’s one health source.',
  docs: DOCS.externalHealth,
  properties: [
    {
      name: 'enabled',
      type: 'boolean',
      default: false,
      since: '2025-11-01',
      description:
        'Turn external health on. Azure does not allow it while another health source is active (the Application Health extension or a load-balancer probe).',
      docs: DOCS.externalHealth,
      sources: ['API2026'],
    },
    {
      name: 'expiryDuration',
      type: 'duration',
      minimumDuration: 'PT5M',
      maximumDuration: 'PT3H',
      since: '2025-11-01',
      description:
        'How long a reported status holds. Without a new report in that time the VM’s health becomes unknown. From 5 minutes to 3 hours.',
      docs: DOCS.externalHealth,
      sources: ['API2026'],
      unverified: ['The range is stated in the API description only (no schema constraint); the default is not stated.'],
    },
    {
      name: 'gracePeriod',
      type: 'duration',
      minimumDuration: 'PT5M',
      maximumDuration: 'PT4H',
      since: '2025-11-01',
      description:
        'Time a new VM (or the whole set, when the policy is first applied) has before its missing health reports count. From 5 minutes to 4 hours.',
      docs: DOCS.externalHealth,
      sources: ['API2026'],
      unverified: ['The range is stated in the API description only (no schema constraint); the default is not stated.'],
    },
  ],
};

/** `properties.lifecycleHooksProfile` (API 2025-11-01). */
export const LIFECYCLE_HOOKS_PROFILE: PolicyObject = {
  id: 'lifecycleHooksProfile',
  title: 'Lifecycle hooks profile',
  description: 'Hooks that hold automatic OS upgrades until you approve or reject them.',
  docs: DOCS.lifecycleHooks,
  properties: [
    {
      name: 'lifecycleHooks',
      type: 'array',
      object: 'lifecycleHook',
      since: '2025-11-01',
      description: 'One entry per hook type (the API keys the list by `type`).',
      docs: DOCS.lifecycleHooks,
      sources: ['API2026'],
    },
  ],
};

/** One `lifecycleHooksProfile.lifecycleHooks[]` entry. */
export const LIFECYCLE_HOOK: PolicyObject = {
  id: 'lifecycleHook',
  title: 'Lifecycle hook',
  description: 'A point in an automatic OS upgrade where the platform waits for your approval.',
  docs: DOCS.lifecycleHooks,
  properties: [
    {
      name: 'type',
      type: 'enum',
      enumValues: ['UpgradeAutoOSScheduling', 'UpgradeAutoOSRollingBatchStarting'],
      openEnum: true,
      since: '2025-11-01',
      description: [
        'What the hook holds.',
        '- `UpgradeAutoOSScheduling`: the automatic OS upgrade waits before it starts.',
        '- `UpgradeAutoOSRollingBatchStarting`: it waits before each batch of VMs.',
        'The API declares the list open; these are the only two values through 2026-04-01.',
      ].join('\n'),
      docs: DOCS.lifecycleHooks,
      sources: ['API2026'],
    },
    {
      name: 'waitDuration',
      type: 'duration',
      since: '2025-11-01',
      description: 'How long the hook waits for your answer before it applies `defaultAction`.',
      docs: DOCS.lifecycleHooks,
      sources: ['API2026'],
      unverified: [
        'The spec gives no default or maximum. azure-cli issues 33328 and 33652 give 1 hour (at most 2 days) for UpgradeAutoOSScheduling and 30 minutes (at most 4 hours) for UpgradeAutoOSRollingBatchStarting.',
      ],
    },
    {
      name: 'defaultAction',
      type: 'enum',
      enumValues: ['Approve', 'Reject'],
      openEnum: true,
      since: '2025-11-01',
      description: 'What happens when nobody answers within `waitDuration`: `Approve` lets the upgrade go on, `Reject` stops it.',
      docs: DOCS.lifecycleHooks,
      sources: ['API2026'],
      unverified: ['The default (Approve) and that Reject fails during the preview come from azure-cli issues, not the spec.'],
    },
  ],
};

/** `properties.virtualMachineProfile`: only `scheduledEventsProfile`. */
export const VIRTUAL_MACHINE_PROFILE: PolicyObject = {
  id: 'virtualMachineProfile',
  title: 'Virtual machine profile',
  description: 'The model of the scale set’s VMs.',
  docs: DOCS.scheduledEvents,
  open: true,
  properties: [
    {
      name: 'scheduledEventsProfile',
      type: 'object',
      object: 'scheduledEventsProfile',
      since: '2019-03-01',
      description: 'Scheduled events that give each VM notice before it is deleted, reimaged or OS-upgraded.',
      docs: DOCS.scheduledEvents,
      sources: ['S1', 'API2026'],
    },
  ],
};

export const SCHEDULED_EVENTS_PROFILE: PolicyObject = {
  id: 'scheduledEventsProfile',
  title: 'Scheduled events profile',
  description: 'Notice to each VM before it is deleted (terminate) or reimaged and OS-upgraded (OS image).',
  docs: DOCS.scheduledEvents,
  properties: [
    {
      name: 'terminateNotificationProfile',
      type: 'object',
      object: 'terminateNotificationProfile',
      since: '2019-03-01',
      description: 'A Terminate scheduled event before a VM is deleted.',
      docs: DOCS.scheduledEvents,
      sources: ['S1', 'API2026'],
    },
    {
      name: 'osImageNotificationProfile',
      type: 'object',
      object: 'osImageNotificationProfile',
      since: '2022-11-01',
      description:
        'An OS image scheduled event before a VM is reimaged or gets a new OS image: each upgrade waits up to `notBeforeTimeout` for approval.',
      docs: DOCS.scheduledEvents,
      sources: ['S1', 'S17', 'API2026'],
      unverified: ['First API version: azure-cli requires 2022-11-01; earlier spec versions were not read.'],
    },
  ],
};

export const TERMINATE_NOTIFICATION_PROFILE: PolicyObject = {
  id: 'terminateNotificationProfile',
  title: 'Terminate notification profile',
  description: 'A scheduled event that gives a VM notice before it is deleted.',
  docs: DOCS.scheduledEvents,
  properties: [
    {
      name: 'enable',
      type: 'boolean',
      since: '2019-03-01',
      description: 'Turn Terminate scheduled events on.',
      docs: DOCS.scheduledEvents,
      sources: ['S1', 'API2026'],
    },
    {
      name: 'notBeforeTimeout',
      type: 'duration',
      default: 'PT5M',
      since: '2019-03-01',
      description: 'How long a VM being deleted has to approve the event before it is approved for it.',
      docs: DOCS.scheduledEvents,
      sources: ['S1', 'API2026'],
      unverified: ['The spec gives only the default; the 5–15 minute range is from Learn.'],
    },
  ],
};

export const OS_IMAGE_NOTIFICATION_PROFILE: PolicyObject = {
  id: 'osImageNotificationProfile',
  title: 'OS image notification profile',
  description: 'A scheduled event that gives a VM notice before it is reimaged or OS-upgraded.',
  docs: DOCS.scheduledEvents,
  properties: [
    {
      name: 'enable',
      type: 'boolean',
      since: '2022-11-01',
      description: 'Turn OS image scheduled events on: each VM’s OS upgrade then waits for approval or for `notBeforeTimeout`.',
      docs: DOCS.scheduledEvents,
      sources: ['S1', 'API2026'],
    },
    {
      name: 'notBeforeTimeout',
      type: 'duration',
      minimumDuration: 'PT15M',
      maximumDuration: 'PT15M',
      since: '2022-11-01',
      description: 'How long a VM may take to approve before the event is approved for it. The API says it must be 15 minutes (`PT15M`).',
      docs: DOCS.scheduledEvents,
      sources: ['S1', 'API2026'],
    },
  ],
};
