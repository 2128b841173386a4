import { AUTO_OS_UPGRADE_POLICY, AUTOMATIC_OS_UPGRADE_POLICY } from './automaticOSUpgradePolicy';
import { ROLLING_UPGRADE_POLICY } from './rollingUpgradePolicy';
import {
  EXTERNAL_HEALTH_POLICY,
  LIFECYCLE_HOOK,
  LIFECYCLE_HOOKS_PROFILE,
  OS_IMAGE_NOTIFICATION_PROFILE,
  SCALE_SET_PROPERTIES,
  SCHEDULED_EVENTS_PROFILE,
  TERMINATE_NOTIFICATION_PROFILE,
  VIRTUAL_MACHINE_PROFILE,
} from './healthAndHooks';
import type { PolicyObject, PolicyObjectId, PolicyProperty, UpgradePolicyObjectId } from './policyProperty';
import {
  ALL_INSTANCES_DOWN,
  AUTOMATIC_REPAIRS_POLICY,
  AUTOMATIC_ZONE_REBALANCING_POLICY,
  EVENT_GRID_AND_RESOURCE_GRAPH,
  MAX_INSTANCE_PERCENT_PER_ZONE_POLICY,
  RESILIENCY_POLICY,
  RESILIENT_VM_CREATION_POLICY,
  RESILIENT_VM_DELETION_POLICY,
  SCHEDULED_EVENTS_POLICY,
  SCHEDULED_EVENTS_PUBLISHING_TARGETS,
  USER_INITIATED_REBOOT,
  USER_INITIATED_REDEPLOY,
  ZONE_ALLOCATION_POLICY,
} from './resiliencyPolicies';
import { UPGRADE_POLICY } from './upgradePolicy';

/** Every policy object, keyed by the JSON property that holds it. */
export const POLICY_OBJECTS: Readonly<Record<PolicyObjectId, PolicyObject>> = {
  upgradePolicy: UPGRADE_POLICY,
  rollingUpgradePolicy: ROLLING_UPGRADE_POLICY,
  automaticOSUpgradePolicy: AUTOMATIC_OS_UPGRADE_POLICY,
  autoOSUpgradePolicy: AUTO_OS_UPGRADE_POLICY,
  scaleSetProperties: SCALE_SET_PROPERTIES,
  externalHealthPolicy: EXTERNAL_HEALTH_POLICY,
  lifecycleHooksProfile: LIFECYCLE_HOOKS_PROFILE,
  lifecycleHook: LIFECYCLE_HOOK,
  resiliencyPolicy: RESILIENCY_POLICY,
  resilientVMCreationPolicy: RESILIENT_VM_CREATION_POLICY,
  resilientVMDeletionPolicy: RESILIENT_VM_DELETION_POLICY,
  automaticZoneRebalancingPolicy: AUTOMATIC_ZONE_REBALANCING_POLICY,
  zoneAllocationPolicy: ZONE_ALLOCATION_POLICY,
  maxInstancePercentPerZonePolicy: MAX_INSTANCE_PERCENT_PER_ZONE_POLICY,
  automaticRepairsPolicy: AUTOMATIC_REPAIRS_POLICY,
  scheduledEventsPolicy: SCHEDULED_EVENTS_POLICY,
  userInitiatedRedeploy: USER_INITIATED_REDEPLOY,
  userInitiatedReboot: USER_INITIATED_REBOOT,
  allInstancesDown: ALL_INSTANCES_DOWN,
  scheduledEventsAdditionalPublishingTargets: SCHEDULED_EVENTS_PUBLISHING_TARGETS,
  eventGridAndResourceGraph: EVENT_GRID_AND_RESOURCE_GRAPH,
  virtualMachineProfile: VIRTUAL_MACHINE_PROFILE,
  scheduledEventsProfile: SCHEDULED_EVENTS_PROFILE,
  terminateNotificationProfile: TERMINATE_NOTIFICATION_PROFILE,
  osImageNotificationProfile: OS_IMAGE_NOTIFICATION_PROFILE,
};

/** The upgrade-policy family: misplaced-policy moves names between these, and only these. */
export const UPGRADE_POLICY_OBJECT_IDS: readonly UpgradePolicyObjectId[] = [
  'upgradePolicy',
  'rollingUpgradePolicy',
  'automaticOSUpgradePolicy',
  'autoOSUpgradePolicy',
];

export function isUpgradePolicyObject(id: PolicyObjectId): id is UpgradePolicyObjectId {
  return (UPGRADE_POLICY_OBJECT_IDS as readonly string[]).includes(id);
}

/** Where the objects that hold others sit in a scale-set resource; `*` is any array index. */
const ROOT_PATHS: readonly (readonly [readonly string[], PolicyObjectId])[] = [
  [['properties'], 'scaleSetProperties'],
  [['properties', 'upgradePolicy'], 'upgradePolicy'],
  [['properties', 'virtualMachineProfile'], 'virtualMachineProfile'],
];

/** Every catalog object's path in a scale-set resource, from the roots down the catalog's object links. */
export const POLICY_OBJECT_PATHS: readonly (readonly [readonly string[], PolicyObjectId])[] = (() => {
  const out: [readonly string[], PolicyObjectId][] = [];
  const visit = (path: readonly string[], id: PolicyObjectId) => {
    out.push([path, id]);
    for (const property of POLICY_OBJECTS[id].properties) {
      if (!property.object || property.name === 'virtualMachineProfile') continue;
      visit(property.type === 'array' ? [...path, property.name, '*'] : [...path, property.name], property.object);
    }
  };
  for (const [path, id] of ROOT_PATHS) visit(path, id);
  return out;
})();

export interface PropertyMatch {
  readonly property: PolicyProperty;
  /** False when the name matched only case-insensitively (ARM accepts it). */
  readonly exactCase: boolean;
}

/**
 * Each object's properties by exact name and by lower-cased name (the first of a spelling wins, as a
 * search in catalog order would), with their matches built once: rules look names up for every scale set.
 */
const INDEX = new Map(
  Object.values(POLICY_OBJECTS).map((object) => {
    const exact = new Map<string, PropertyMatch>();
    const loose = new Map<string, PropertyMatch>();
    for (const property of object.properties) {
      if (!exact.has(property.name)) exact.set(property.name, { property, exactCase: true });
      const lower = property.name.toLowerCase();
      if (!loose.has(lower)) loose.set(lower, { property, exactCase: false });
    }
    return [object.id, { exact, loose }] as const;
  }),
);

/** Looks a property up the way ARM does: exact spelling first, then case-insensitively. */
export function findPolicyProperty(objectId: PolicyObjectId, name: string): PropertyMatch | undefined {
  const index = INDEX.get(objectId)!;
  return index.exact.get(name) ?? index.loose.get(name.toLowerCase());
}

/** Where a property belongs when it is not in the object it was written in. */
export interface PolicyPlacement {
  readonly objectId: PolicyObjectId;
  readonly property: PolicyProperty;
}

/** The upgrade-policy objects that define `name` (case-insensitively), current ones before legacy ones. */
export function placementsOf(name: string): readonly PolicyPlacement[] {
  const found: PolicyPlacement[] = [];
  for (const id of UPGRADE_POLICY_OBJECT_IDS) {
    const object = POLICY_OBJECTS[id];
    const match = findPolicyProperty(object.id, name);
    if (match) found.push({ objectId: object.id, property: match.property });
  }
  return found.sort((a, b) => Number(a.property.removedIn !== undefined) - Number(b.property.removedIn !== undefined));
}

/** Canonical names of an object's properties, for suggestions and completion. */
export function propertyNames(objectId: PolicyObjectId, options: { includeLegacy?: boolean } = {}): readonly string[] {
  return POLICY_OBJECTS[objectId].properties.filter((p) => options.includeLegacy || p.removedIn === undefined).map((p) => p.name);
}
