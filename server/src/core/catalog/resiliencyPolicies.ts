import { DOCS } from './sources';
import type { PolicyObject, PolicyObjectId, PolicyProperty } from './policyProperty';

/** Resiliency, automatic repairs and scheduled-events policy objects (compute-api-2026.md §4.1–4.3). */

const REBALANCE_SINCE_NOTE =
  'First API version: Learn says 2024-07-01, the spec snapshots first show it in the 2024-11-01 baseline. The earlier one is used.';

function enabledProperty(since: string, description: string, docs: string, unverified?: readonly string[]): PolicyProperty {
  return {
    name: 'enabled',
    type: 'boolean',
    default: false,
    since,
    description,
    docs,
    sources: ['API2026', 'S1'],
    ...(unverified ? { unverified } : {}),
  };
}

export const RESILIENCY_POLICY: PolicyObject = {
  id: 'resiliencyPolicy',
  title: 'Resiliency policy',
  description: 'Retries of failed VM creation and deletion, automatic zone rebalancing and per-zone allocation limits.',
  docs: DOCS.resiliency,
  properties: [
    {
      name: 'resilientVMCreationPolicy',
      type: 'object',
      object: 'resilientVMCreationPolicy',
      since: '2023-07-01',
      description: 'Retry VM creation that times out while the set is created or scaled out.',
      docs: DOCS.resiliency,
      sources: ['API2026'],
    },
    {
      name: 'resilientVMDeletionPolicy',
      type: 'object',
      object: 'resilientVMDeletionPolicy',
      since: '2023-07-01',
      description: 'Retry VM deletion that fails on a transient platform error while the set is scaled in or deleted.',
      docs: DOCS.resiliency,
      sources: ['API2026'],
    },
    {
      name: 'automaticZoneRebalancingPolicy',
      type: 'object',
      object: 'automaticZoneRebalancingPolicy',
      since: '2024-07-01',
      description:
        'Move VMs from crowded zones to ones with too few, creating each new VM before the old one is deleted. Needs a health source and at least two zones.',
      docs: DOCS.zoneBalancing,
      sources: ['API2026'],
      unverified: [REBALANCE_SINCE_NOTE, 'Learn describes automatic zone balance as a preview.'],
    },
    {
      name: 'zoneAllocationPolicy',
      type: 'object',
      object: 'zoneAllocationPolicy',
      since: '2025-04-01',
      description: 'How many zones the platform may use, and how much of the set one zone may hold, when it picks the zones.',
      docs: DOCS.zones,
      sources: ['API2026'],
    },
  ],
};

export const RESILIENT_VM_CREATION_POLICY: PolicyObject = {
  id: 'resilientVMCreationPolicy',
  title: 'Resilient VM creation',
  description: 'Retries of VM creation that times out.',
  docs: DOCS.resiliency,
  properties: [enabledProperty('2023-07-01', 'Retry VM provisioning that times out.', DOCS.resiliency)],
};

export const RESILIENT_VM_DELETION_POLICY: PolicyObject = {
  id: 'resilientVMDeletionPolicy',
  title: 'Resilient VM deletion',
  description: 'Retries of VM deletion that fails.',
  docs: DOCS.resiliency,
  properties: [enabledProperty('2023-07-01', 'Retry VM deletion that fails on a transient platform error.', DOCS.resiliency)],
};

export const AUTOMATIC_ZONE_REBALANCING_POLICY: PolicyObject = {
  id: 'automaticZoneRebalancingPolicy',
  title: 'Automatic zone rebalancing',
  description: 'Keeps the VMs spread evenly over the zones by recreating them, new before old.',
  docs: DOCS.zoneBalancing,
  properties: [
    enabledProperty(
      '2024-07-01',
      'Turn automatic zone rebalancing on. The new VM must report healthy before the old one is deleted, so a health source is needed.',
      DOCS.zoneBalancing,
      [REBALANCE_SINCE_NOTE],
    ),
    {
      name: 'rebalanceStrategy',
      type: 'enum',
      enumValues: ['Recreate'],
      openEnum: true,
      since: '2024-07-01',
      description: 'How VMs move between zones: `Recreate` (the only value) creates a VM in the target zone and deletes one elsewhere.',
      docs: DOCS.zoneBalancing,
      sources: ['API2026'],
    },
    {
      name: 'rebalanceBehavior',
      type: 'enum',
      enumValues: ['CreateBeforeDelete'],
      openEnum: true,
      since: '2024-07-01',
      description: 'The order of a move: `CreateBeforeDelete` (the only value) keeps capacity while VMs move.',
      docs: DOCS.zoneBalancing,
      sources: ['API2026'],
    },
  ],
};

export const ZONE_ALLOCATION_POLICY: PolicyObject = {
  id: 'zoneAllocationPolicy',
  title: 'Zone allocation policy',
  description: 'Limits on the zones the platform picks when `placement.zonePlacementPolicy` is `Auto`.',
  docs: DOCS.zones,
  properties: [
    {
      name: 'maxZoneCount',
      type: 'integer',
      minimum: 1,
      since: '2025-04-01',
      description: 'The most zones the platform may spread the set over.',
      docs: DOCS.zones,
      sources: ['API2026'],
    },
    {
      name: 'maxInstancePercentPerZonePolicy',
      type: 'object',
      object: 'maxInstancePercentPerZonePolicy',
      since: '2025-04-01',
      description: 'A cap on how much of the set one zone may hold.',
      docs: DOCS.zones,
      sources: ['API2026'],
    },
  ],
};

export const MAX_INSTANCE_PERCENT_PER_ZONE_POLICY: PolicyObject = {
  id: 'maxInstancePercentPerZonePolicy',
  title: 'Per-zone instance cap',
  description: 'The share of the set’s capacity one zone may hold.',
  docs: DOCS.zones,
  properties: [
    enabledProperty('2025-04-01', 'Turn the per-zone cap on.', DOCS.zones),
    {
      name: 'value',
      type: 'integer',
      minimum: 0,
      maximum: 100,
      since: '2025-04-01',
      description: 'The cap, in percent of the set’s total capacity.',
      docs: DOCS.zones,
      sources: ['API2026'],
    },
  ],
};

export const AUTOMATIC_REPAIRS_POLICY: PolicyObject = {
  id: 'automaticRepairsPolicy',
  title: 'Automatic repairs policy',
  description: 'Repairs instances that the health signal reports unhealthy.',
  docs: DOCS.automaticRepairs,
  properties: [
    {
      name: 'enabled',
      type: 'boolean',
      default: false,
      since: '2018-10-01',
      description: 'Turn automatic repairs on. Unhealthy and unknown VMs are repaired, so a health source is needed.',
      docs: DOCS.automaticRepairs,
      sources: ['S1', 'S10'],
    },
    {
      name: 'gracePeriod',
      type: 'duration',
      default: 'PT10M',
      minimumDuration: 'PT10M',
      maximumDuration: 'PT90M',
      since: '2018-10-01',
      description: 'How long after a state change (such as a new VM) repairs wait. From 10 to 90 minutes.',
      docs: DOCS.automaticRepairs,
      sources: ['S1', 'S10'],
      unverified: ['The range is stated in the API description; an older Learn revision and azure-cli help say 30 to 90 minutes.'],
    },
    {
      name: 'repairAction',
      type: 'enum',
      enumValues: ['Replace', 'Restart', 'Reimage'],
      openEnum: true,
      default: 'Replace',
      since: '2021-11-01',
      description: 'What is done to an unhealthy VM: `Replace` (default) deletes it and creates a new one, `Restart` or `Reimage` keep it.',
      docs: DOCS.automaticRepairs,
      sources: ['S1', 'S10'],
    },
  ],
};

function approveObject(id: PolicyObjectId, title: string, what: string, since: string, defaultValue?: boolean): PolicyObject {
  return {
    id,
    title,
    description: `Whether the scheduled event for ${what} is approved without waiting.`,
    docs: DOCS.scheduledEvents,
    properties: [
      {
        name: 'automaticallyApprove',
        type: 'boolean',
        ...(defaultValue === undefined ? {} : { default: defaultValue }),
        since,
        description: `Approve the scheduled event for ${what} at once.`,
        docs: DOCS.scheduledEvents,
        sources: ['API2026'],
      },
    ],
  };
}

export const SCHEDULED_EVENTS_POLICY: PolicyObject = {
  id: 'scheduledEventsPolicy',
  title: 'Scheduled events policy',
  description: 'Automatic approval of scheduled events, and where they are published.',
  docs: DOCS.scheduledEvents,
  properties: [
    ...(
      [
        ['userInitiatedRedeploy', 'user-initiated redeploys', '2024-07-01'],
        ['userInitiatedReboot', 'user-initiated reboots', '2024-07-01'],
        ['allInstancesDown', 'events that take all instances down', '2025-04-01'],
      ] as const
    ).map(([name, what, since]): PolicyProperty => ({
      name,
      type: 'object',
      object: name,
      since,
      description: `Approval of the scheduled event for ${what}.`,
      docs: DOCS.scheduledEvents,
      sources: ['API2026'],
    })),
    {
      name: 'scheduledEventsAdditionalPublishingTargets',
      type: 'object',
      object: 'scheduledEventsAdditionalPublishingTargets',
      since: '2024-07-01',
      description: 'Publish scheduled events to more places than the VM’s metadata endpoint.',
      docs: DOCS.scheduledEvents,
      sources: ['API2026'],
    },
  ],
};

export const USER_INITIATED_REDEPLOY = approveObject(
  'userInitiatedRedeploy',
  'User-initiated redeploy',
  'user-initiated redeploys',
  '2024-07-01',
);
export const USER_INITIATED_REBOOT = approveObject('userInitiatedReboot', 'User-initiated reboot', 'user-initiated reboots', '2024-07-01');
export const ALL_INSTANCES_DOWN = approveObject(
  'allInstancesDown',
  'All instances down',
  'events that take all instances down',
  '2025-04-01',
  true,
);

export const SCHEDULED_EVENTS_PUBLISHING_TARGETS: PolicyObject = {
  id: 'scheduledEventsAdditionalPublishingTargets',
  title: 'Scheduled events publishing targets',
  description: 'Where scheduled events are published besides the VM.',
  docs: DOCS.scheduledEvents,
  properties: [
    {
      name: 'eventGridAndResourceGraph',
      type: 'object',
      object: 'eventGridAndResourceGraph',
      since: '2024-07-01',
      description: 'Publish scheduled events to Event Grid and Azure Resource Graph.',
      docs: DOCS.scheduledEvents,
      sources: ['API2026'],
    },
  ],
};

export const EVENT_GRID_AND_RESOURCE_GRAPH: PolicyObject = {
  id: 'eventGridAndResourceGraph',
  title: 'Event Grid and Resource Graph',
  description: 'Scheduled events published to Event Grid and Azure Resource Graph.',
  docs: DOCS.scheduledEvents,
  properties: [
    {
      name: 'enable',
      type: 'boolean',
      since: '2024-07-01',
      description: 'Publish scheduled events to Event Grid and Azure Resource Graph.',
      docs: DOCS.scheduledEvents,
      sources: ['API2026'],
    },
    {
      name: 'scheduledEventsApiVersion',
      type: 'string',
      since: '2025-04-01',
      description: 'The schema version of the events delivered.',
      docs: DOCS.scheduledEvents,
      sources: ['API2026'],
    },
  ],
};
