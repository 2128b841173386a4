import { isUpgradePolicyObject, placementsOf } from '../../catalog/policyCatalog';
import type { PolicyObjectId } from '../../catalog/policyProperty';
import type { RProperty, ScaleSetModel, StrayPolicy } from '../../model/templateModel';
import { scaleSetRule } from '../defineRule';
import type { FindingDraft, Fix } from '../ruleTypes';
import { clip } from '../valueOrigin';
import { canWriteInto, findChild, pathFromUpgradePolicy, policyEntries, type PolicyEntry } from './policyWalk';

/**
 * Policy settings written where ARM does not read them: whole policy objects outside
 * properties.upgradePolicy (the model's strayPolicies), and properties of one policy object written
 * in another (e.g. maxBatchInstancePercent directly in upgradePolicy).
 */
export const MISPLACED_POLICY = scaleSetRule({
  id: 'misplaced-policy',
  defaultSeverity: 'error',
  title: 'Policy setting in the wrong place',
  description: 'An upgrade-policy object or property written where ARM does not read it, so it silently has no effect.',
  check: ({ scaleSet, facts }) => {
    const out = scaleSet.strayPolicies.map((stray) => strayFinding(scaleSet, stray));
    for (const entry of policyEntries(scaleSet, facts)) {
      // Most entries are where they belong: checked here without building an empty list for each.
      if (!entry.match) out.push(...misplacedEntry(scaleSet, entry));
    }
    return out;
  },
});

function strayFinding(scaleSet: ScaleSetModel, stray: StrayPolicy): FindingDraft {
  // `az vmss show` output has no `properties` wrapper; the model's expected path assumes one.
  const expected =
    scaleSet.shape === 'vmssShow' && stray.expectedPath[0] === 'properties' ? stray.expectedPath.slice(1) : stray.expectedPath;
  const where = stray.parentPath.length ? stray.parentPath.join('.') : 'the resource level';
  const existing = existingAt(scaleSet, expected);
  const name = expected[expected.length - 1]!;
  const message = `${clip(stray.property.name)} at ${clip(where)} is not read by ARM (it belongs at ${expected.join('.')}), so its settings are ignored.`;
  const explanation = `ARM reads the upgrade policy only at ${expected.join('.')}; as written, these settings have no effect${name === 'upgradePolicy' ? ' and the scale set keeps the default mode Manual' : ''}.`;
  if (existing) {
    return {
      message,
      details: {
        explanation: `${explanation} ${expected.join('.')} already exists: merge these settings into it and delete this ${clip(stray.property.name)}.`,
        sources: ['S1', 'S12'],
      },
      span: stray.property.keySpan,
      related: [{ span: existing.keySpan, message: `ARM reads this ${name}.` }],
    };
  }
  return {
    message,
    details: { explanation: `${explanation} Move it there.`, sources: ['S1', 'S12'] },
    span: stray.property.keySpan,
    fixes: [
      {
        title: `Move to ${expected.join('.')}`,
        edits: [
          { kind: 'moveProperty', keySpan: stray.property.keySpan, targetObjectSpan: scaleSet.span, path: writtenPath(scaleSet, expected) },
        ],
        isPreferred: true,
      },
    ],
  };
}

/** The property already at a canonical path, if any. */
function existingAt(scaleSet: ScaleSetModel, path: readonly string[]): RProperty | undefined {
  const policyPath = path[0] === 'properties' ? path.slice(1) : path;
  if (policyPath[0] !== 'upgradePolicy') return undefined;
  let current = scaleSet.upgradePolicy;
  for (const name of policyPath.slice(1)) current = findChild(current?.value, name);
  return current;
}

/** A canonical path with the names as the template already spells them, so no second (differently cased) key is created. */
function writtenPath(scaleSet: ScaleSetModel, path: readonly string[]): string[] {
  return path.map((name, i) => {
    if (name === 'properties' && i === 0) return scaleSet.properties?.name ?? name;
    if (name === 'upgradePolicy') return scaleSet.upgradePolicy?.name ?? name;
    return name;
  });
}

function misplacedEntry(scaleSet: ScaleSetModel, entry: PolicyEntry): FindingDraft[] {
  if (entry.match || !isUpgradePolicyObject(entry.object.objectId)) return [];
  const placement = placementsOf(entry.property.name).find(
    (p) => p.property.removedIn === undefined && p.objectId !== entry.object.objectId,
  );
  if (!placement) return [];
  const target: PolicyObjectId = placement.objectId;
  const canonical = placement.property.name;
  const alreadyThere =
    target === 'upgradePolicy'
      ? findChild(scaleSet.upgradePolicy?.value, canonical)
      : findChild(findChild(scaleSet.upgradePolicy?.value, target)?.value, canonical);
  const targetDisplay = target === 'upgradePolicy' ? 'upgradePolicy' : `upgradePolicy.${target}`;
  const message = `"${clip(entry.property.name)}" belongs in ${targetDisplay}, not in ${entry.object.objectId}; it is not read here, so it has no effect.`;
  const upgradePolicy = scaleSet.upgradePolicy;
  const fixes: Fix[] =
    !alreadyThere && entry.object.editable && upgradePolicy && canWriteInto(scaleSet, target)
      ? [
          {
            title: `Move to ${targetDisplay}.${canonical}`,
            edits: [
              {
                kind: 'moveProperty',
                keySpan: entry.property.keySpan,
                targetObjectSpan: upgradePolicy.value.span,
                path: [...pathFromUpgradePolicy(scaleSet, target), canonical],
              },
            ],
            isPreferred: true,
          },
        ]
      : [];
  return [
    {
      message,
      details: {
        explanation: alreadyThere
          ? `The Compute API reads ${canonical} only in ${targetDisplay}, which already sets "${clip(alreadyThere.name)}": remove this one.`
          : `The Compute API reads ${canonical} only in ${targetDisplay}: move it there.`,
        sources: ['S1'],
      },
      span: entry.property.keySpan,
      related: alreadyThere ? [{ span: alreadyThere.keySpan, message: `ARM reads this "${alreadyThere.name}".` }] : [],
      fixes,
    },
  ];
}
