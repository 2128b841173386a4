import { AUTO_OS_UPGRADE_POLICY, AUTOMATIC_OS_UPGRADE_POLICY } from './automaticOSUpgradePolicy';
import { ROLLING_UPGRADE_POLICY } from './rollingUpgradePolicy';
import type { PolicyObject, PolicyObjectId, PolicyProperty } from './policyProperty';
import { UPGRADE_POLICY } from './upgradePolicy';

/** Every policy object, keyed by the JSON property that holds it. */
export const POLICY_OBJECTS: Readonly<Record<PolicyObjectId, PolicyObject>> = {
  upgradePolicy: UPGRADE_POLICY,
  rollingUpgradePolicy: ROLLING_UPGRADE_POLICY,
  automaticOSUpgradePolicy: AUTOMATIC_OS_UPGRADE_POLICY,
  autoOSUpgradePolicy: AUTO_OS_UPGRADE_POLICY,
};

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

/** The policy objects that define `name` (case-insensitively), current ones before legacy ones. */
export function placementsOf(name: string): readonly PolicyPlacement[] {
  const found: PolicyPlacement[] = [];
  for (const object of Object.values(POLICY_OBJECTS)) {
    const match = findPolicyProperty(object.id, name);
    if (match) found.push({ objectId: object.id, property: match.property });
  }
  return found.sort((a, b) => Number(a.property.removedIn !== undefined) - Number(b.property.removedIn !== undefined));
}

/** Canonical names of an object's properties, for suggestions and completion. */
export function propertyNames(objectId: PolicyObjectId, options: { includeLegacy?: boolean } = {}): readonly string[] {
  return POLICY_OBJECTS[objectId].properties.filter((p) => options.includeLegacy || p.removedIn === undefined).map((p) => p.name);
}
