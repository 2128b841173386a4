import type { PropertyMatch } from '../../catalog/policyCatalog';
import { findPolicyProperty } from '../../catalog/policyCatalog';
import type { PolicyObjectId } from '../../catalog/policyProperty';
import type { RObject, RProperty, RValue, ScaleSetModel } from '../../model/templateModel';
import { getProp } from '../../model/values';
import { perScaleSet, type FactMemo } from '../facts/memo';

/** A policy object as written in the template: upgradePolicy and the recognised objects inside it. */
export interface PolicyObjectEntry {
  readonly objectId: PolicyObjectId;
  /** The property holding the object (e.g. `"rollingUpgradePolicy": {…}`). */
  readonly holder: RProperty;
  readonly value: RObject;
  /** False when an expression produced the object: its keys and values are not in this text, so no fixes. */
  readonly editable: boolean;
}

/** One property inside a policy object, with what the catalog says about it there. */
export interface PolicyEntry {
  readonly object: PolicyObjectEntry;
  readonly property: RProperty;
  /** Undefined when the object does not define the name (unknown or misplaced). */
  readonly match: PropertyMatch | undefined;
}

/**
 * upgradePolicy, then the objects the catalog knows inside it (only where they are spelled as policies).
 * Several schema rules walk the same objects and entries; the model is immutable, so both are kept per
 * scale set (callers must not change the arrays).
 */
export const policyObjects = perScaleSet((scaleSet: ScaleSetModel): readonly PolicyObjectEntry[] => {
  const out: PolicyObjectEntry[] = [];
  const visit = (objectId: PolicyObjectId, holder: RProperty, parentEditable: boolean) => {
    const value = holder.value;
    if (value.kind !== 'object') return;
    const entry: PolicyObjectEntry = { objectId, holder, value, editable: parentEditable && value.expression === undefined };
    out.push(entry);
    for (const property of value.properties) {
      const known = findPolicyProperty(objectId, property.name)?.property;
      if (!known?.object) continue;
      if (known.type !== 'array') visit(known.object, property, entry.editable);
      else if (property.value.kind === 'array') {
        const editable = entry.editable && property.value.expression === undefined;
        property.value.items.forEach((item, i) =>
          visit(known.object!, { name: `${property.name}[${i}]`, keySpan: property.keySpan, value: item }, editable),
        );
      }
    }
  };
  if (scaleSet.upgradePolicy) visit('upgradePolicy', scaleSet.upgradePolicy, true);
  // The scale set's other upgrade, health and zone settings, gathered into the open objects that hold them.
  const gathered = (
    objectId: PolicyObjectId,
    name: string,
    keySpan: RProperty['keySpan'] | undefined,
    members: readonly (RProperty | undefined)[],
  ) => {
    // A setting under a `properties` that an unevaluable expression produced is unknown, and may not be there at all.
    const unseen = (m: RProperty) => m.value.kind === 'unknown' && m.keySpan.offset === m.value.span.offset;
    const properties = members.filter((m): m is RProperty => m !== undefined && !unseen(m));
    if (properties.length === 0 || !keySpan) return;
    const first = properties[0]!.value.span;
    const value: RObject = { kind: 'object', properties, span: first, source: 'literal' };
    visit(
      objectId,
      { name, keySpan, value },
      properties.every((p) => p.value.source === 'literal'),
    );
  };
  const propsKey = scaleSet.properties?.keySpan ?? scaleSet.span;
  gathered('scaleSetProperties', scaleSet.properties?.name ?? 'properties', propsKey, [
    scaleSet.externalHealthPolicy,
    scaleSet.lifecycleHooksProfile,
    scaleSet.resiliencyPolicy,
    scaleSet.automaticRepairsPolicy,
    scaleSet.scheduledEventsPolicy,
    scaleSet.zoneBalance,
    scaleSet.zonalPlatformFaultDomainAlignMode,
  ]);
  gathered('virtualMachineProfile', 'virtualMachineProfile', propsKey, [scaleSet.scheduledEventsProfile]);
  return out;
});

export const policyEntries = perScaleSet((scaleSet: ScaleSetModel, facts: FactMemo): readonly PolicyEntry[] => {
  const entries: PolicyEntry[] = [];
  for (const object of policyObjects(scaleSet, facts)) {
    for (const property of object.value.properties)
      entries.push({ object, property, match: findPolicyProperty(object.objectId, property.name) });
  }
  return entries;
});

/** True when a value fix may rewrite the value: it is written literally in this template. */
export function isValueEditable(entry: PolicyEntry): boolean {
  return entry.object.editable && entry.property.value.expression === undefined && entry.property.value.source === 'literal';
}

/** The last property named `name` (case-insensitively), as ARM reads it. */
export function findChild(object: RValue | undefined, name: string): RProperty | undefined {
  return getProp(object, name);
}

/** The path of policy object `objectId` relative to upgradePolicy, using the names as written where they exist. */
export function pathFromUpgradePolicy(scaleSet: ScaleSetModel, objectId: PolicyObjectId): string[] {
  if (objectId === 'upgradePolicy') return [];
  return [findChild(scaleSet.upgradePolicy?.value, objectId)?.name ?? objectId];
}

/**
 * True when a fix can write into policy object `objectId` under upgradePolicy: it is absent (the
 * writer creates it) or an object literally in the text. A string or number there cannot take properties.
 */
export function canWriteInto(scaleSet: ScaleSetModel, objectId: PolicyObjectId): boolean {
  const upgradePolicy = scaleSet.upgradePolicy?.value;
  if (upgradePolicy?.kind !== 'object' || upgradePolicy.expression !== undefined) return false;
  if (objectId === 'upgradePolicy') return true;
  const existing = findChild(upgradePolicy, objectId)?.value;
  return existing === undefined || (existing.kind === 'object' && existing.expression === undefined);
}
