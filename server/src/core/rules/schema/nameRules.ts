import { closestName } from '../../catalog/closestName';
import { isUpgradePolicyObject, placementsOf, POLICY_OBJECTS, propertyNames } from '../../catalog/policyCatalog';
import type { FindingDraft, Fix } from '../ruleTypes';
import { scaleSetRule } from '../defineRule';
import { findChild, policyEntries, policyObjects } from './policyWalk';
import { clip } from '../valueOrigin';

/** Rules about property names inside the upgrade policy: unknown, miscased, duplicated. */

export const UNKNOWN_PROPERTY = scaleSetRule({
  id: 'unknown-property',
  defaultSeverity: 'error',
  title: 'Unknown upgrade-policy property',
  description:
    'A property that the Compute API does not define in upgradePolicy, rollingUpgradePolicy or automaticOSUpgradePolicy (and that belongs in no other policy object), usually a typo.',
  check: ({ scaleSet, facts }) => {
    const out: FindingDraft[] = [];
    for (const entry of policyEntries(scaleSet, facts)) {
      const objectId = entry.object.objectId;
      if (entry.match || POLICY_OBJECTS[objectId].open) continue;
      // A name of another upgrade-policy object is misplaced-policy's to report.
      if (isUpgradePolicyObject(objectId) && placementsOf(entry.property.name).some((p) => p.property.removedIn === undefined)) continue;
      // Inside the legacy object its legacy names are the only ones; elsewhere suggest current names only.
      const known = propertyNames(objectId, { includeLegacy: objectId === 'autoOSUpgradePolicy' });
      const suggestion = closestName(entry.property.name, known);
      const fixes: Fix[] =
        suggestion && entry.object.editable && !findChild(entry.object.value, suggestion)
          ? [
              {
                title: `Rename to "${suggestion}"`,
                edits: [{ kind: 'renameProperty', keySpan: entry.property.keySpan, newName: suggestion }],
                isPreferred: true,
              },
            ]
          : [];
      out.push({
        message: `"${clip(entry.property.name)}" is not a property of ${objectId}, so the setting has no effect.${suggestion ? ` Did you mean "${suggestion}"?` : ''}`,
        details: {
          explanation: `The Compute API defines these properties in ${objectId}: ${known.join(', ')}. ARM ignores (or, in newer API versions, rejects) a name it does not know.`,
          assumption:
            'Whether Azure rejects an unknown property or ignores it depends on the API version and is not documented per property.',
          sources: ['S1', 'S2'],
        },
        span: entry.property.keySpan,
        fixes,
      });
    }
    return out;
  },
});

export const PROPERTY_NAME_CASING = scaleSetRule({
  id: 'property-name-casing',
  defaultSeverity: 'info',
  title: 'Non-canonical spelling of a name or enum value',
  description:
    'A policy property name or enum value that differs from the Compute API only in letter case. ARM accepts it; the canonical spelling keeps templates consistent with the API reference and docs.',
  check: ({ scaleSet, facts }) => {
    const out: FindingDraft[] = [];
    const upgradePolicy = scaleSet.upgradePolicy;
    if (upgradePolicy && upgradePolicy.name !== 'upgradePolicy') {
      out.push(nameCasing(upgradePolicy.name, 'upgradePolicy', 'the scale set properties', upgradePolicy.keySpan, true));
    }
    for (const entry of policyEntries(scaleSet, facts)) {
      if (!entry.match) continue;
      const { property } = entry.match;
      if (!entry.match.exactCase)
        out.push(nameCasing(entry.property.name, property.name, entry.object.objectId, entry.property.keySpan, entry.object.editable));
      const value = entry.property.value;
      if (property.type !== 'enum' || value.kind !== 'string') continue;
      const canonical = property.enumValues?.find((v) => v !== value.value && v.toLowerCase() === value.value.toLowerCase());
      if (!canonical) continue;
      const editable = entry.object.editable && value.expression === undefined;
      out.push({
        message: `${property.name} "${clip(value.value)}" is spelled "${canonical}" in the Compute API. ARM ignores the case, so it works.`,
        details: {
          explanation: `ARM compares ${property.name} values case-insensitively, so the template deploys as written. The canonical spelling matches the API reference, the docs and what Azure returns, so diffs and searches find it.`,
          sources: property.sources,
        },
        span: value.span,
        fixes: editable
          ? [
              {
                title: `Change to "${canonical}"`,
                edits: [{ kind: 'replaceValue', span: value.span, newValue: canonical }],
                isPreferred: true,
              },
            ]
          : [],
      });
    }
    return out;
  },
});

function nameCasing(written: string, canonical: string, where: string, keySpan: FindingDraft['span'], editable: boolean): FindingDraft {
  return {
    message: `"${clip(written)}" is spelled "${canonical}" in the Compute API. ARM ignores the case of property names, so it works.`,
    details: {
      explanation: `In ${where}, ARM matches property names case-insensitively, so the template deploys as written. The canonical spelling matches the API reference, the docs and other tools' output (what-if, az vmss show), so diffs and searches find it.`,
      sources: ['S1'],
    },
    span: keySpan,
    fixes: editable
      ? [{ title: `Rename to "${canonical}"`, edits: [{ kind: 'renameProperty', keySpan, newName: canonical }], isPreferred: true }]
      : [],
  };
}

export const DUPLICATE_PROPERTY = scaleSetRule({
  id: 'duplicate-property',
  defaultSeverity: 'error',
  title: 'Duplicate upgrade-policy property',
  description:
    'The same property (compared case-insensitively, as ARM does) appears more than once in one policy object; only one copy can take effect.',
  check: ({ scaleSet, facts }) => {
    const out: FindingDraft[] = [];
    for (const object of policyObjects(scaleSet, facts)) {
      const properties = object.value.properties;
      // Almost every object has no duplicate: find out with a few comparisons before grouping.
      const names = properties.map((property) => property.name.toLowerCase());
      if (!names.some((name, i) => names.indexOf(name) !== i)) continue;
      const groups = new Map<string, (typeof properties)[number][]>();
      properties.forEach((property, i) => {
        const group = groups.get(names[i]!);
        if (group) group.push(property);
        else groups.set(names[i]!, [property]);
      });
      for (const group of groups.values()) {
        if (group.length < 2) continue;
        const winner = group[group.length - 1]!;
        for (const loser of group.slice(0, -1)) {
          out.push({
            message: `"${clip(loser.name)}" is set ${group.length} times in ${object.objectId}; only the last one takes effect, so this copy is ignored.`,
            details: {
              explanation: `JSON readers, this tool's model of ARM included, keep the last of duplicated names, so this copy is ignored and misleads readers; RFC 8259 asks for unique names. Remove it, or move its value into the last one.`,
              assumption: 'That ARM keeps the last copy is how JSON readers behave; ARM may also reject duplicated names outright.',
            },
            span: loser.keySpan,
            related: [{ span: winner.keySpan, message: `This "${winner.name}" is the one that takes effect.` }],
            tags: ['unnecessary'],
            fixes: object.editable
              ? [
                  {
                    title: `Remove this duplicate "${loser.name}"`,
                    edits: [{ kind: 'removeProperty', keySpan: loser.keySpan }],
                    isPreferred: true,
                  },
                ]
              : [],
          });
        }
      }
    }
    return out;
  },
});
