import type { NeutralEdit } from '../../edits/neutralEdit';
import type { ScaleSetModel } from '../../model/templateModel';
import { scaleSetRule } from '../defineRule';
import { rollingFlag, type RollingFlagName } from '../facts/rollingPolicy';
import { automaticOsUpgrade, orchestrationMode, overprovision } from '../facts/scaleSetFacts';
import { isEditable, type Setting } from '../facts/setting';
import type { Fix, RelatedInformation } from '../ruleTypes';
import { originRelated, originSentence } from '../valueOrigin';
import { joinSentences } from '../messageText';
import type { FactMemo } from '../facts/memo';

/** Rolling-policy booleans that need something else on the scale set (reference §3.3 #22, §3.4 #23–#25). */

/** The flag when it is explicitly true; rules about a flag fire only then. */
function explicitlyTrue(scaleSet: ScaleSetModel, facts: FactMemo, name: RollingFlagName): Setting<boolean> | undefined {
  const flag = rollingFlag(scaleSet, facts, name);
  return flag.value === true && flag.property ? flag : undefined;
}

function flexibleRelated(scaleSet: ScaleSetModel, facts: FactMemo): RelatedInformation[] {
  const property = orchestrationMode(scaleSet, facts).property;
  return property ? [{ span: property.value.span, message: 'Flexible orchestration is set here.' }] : [];
}

function flagFix(flag: Setting<boolean>, title: string, edit: (flag: NonNullable<Setting<boolean>['property']>) => NeutralEdit): Fix[] {
  return flag.property && isEditable(flag.property.value) ? [{ title, edits: [edit(flag.property)], isPreferred: true }] : [];
}

export const CROSS_ZONE_WITHOUT_ZONES = scaleSetRule({
  id: 'cross-zone-without-zones',
  defaultSeverity: 'warning',
  title: 'Cross-zone upgrade without zones',
  description:
    'rollingUpgradePolicy.enableCrossZoneUpgrade is true on a scale set that has no availability zones, where it has nothing to do.',
  check: ({ model, scaleSet, facts }) => {
    const flag = explicitlyTrue(scaleSet, facts, 'enableCrossZoneUpgrade');
    const zones = scaleSet.zones;
    const noZones = zones === undefined || zones.kind === 'null' || (zones.kind === 'array' && zones.items.length === 0);
    if (!flag || !noZones) return [];
    return [
      {
        message: `enableCrossZoneUpgrade is true, but the scale set has no ${zones?.kind === 'array' ? 'zones (zones is empty)' : 'zones'}, so it has no effect.`,
        details: {
          explanation: joinSentences(
            originSentence(flag.property!.value),
            'It lets upgrade batches cross availability-zone boundaries, so without zones it has nothing to do. Terraform rejects the combination ("`rolling_upgrade_policy.0.cross_zone_upgrades_enabled` can only be set to `true` when `zones` is specified"). Remove enableCrossZoneUpgrade, or deploy the scale set across zones.',
          ),
          sources: ['S1', 'S14'],
        },
        span: flag.property!.value.span,
        related: [...(zones ? [{ span: zones.span, message: 'zones is empty.' }] : []), ...originRelated(model, flag.property!.value)],
        fixes: flagFix(flag, 'Remove enableCrossZoneUpgrade', (p) => ({ kind: 'removeProperty', keySpan: p.keySpan })),
      },
    ];
  },
});

export const MAX_SURGE_OVERPROVISION = scaleSetRule({
  id: 'max-surge-overprovision',
  defaultSeverity: 'warning',
  title: 'MaxSurge with overprovisioning',
  description:
    'rollingUpgradePolicy.maxSurge is true while overprovision is true or absent (it defaults to true); Terraform requires overprovision false for MaxSurge.',
  check: ({ model, scaleSet, text, facts }) => {
    const flag = explicitlyTrue(scaleSet, facts, 'maxSurge');
    const over = overprovision(scaleSet, facts);
    if (!flag || over.value !== true) return [];
    // Flexible scale sets do not overprovision (S11), so only an explicit true matters there.
    const orchestration = orchestrationMode(scaleSet, facts).value;
    if (!over.property && orchestration !== 'Uniform') return [];
    const written = over.property ? 'overprovision is true' : 'overprovision is not set, so it is true';
    let edit: NeutralEdit | undefined;
    if (over.property)
      edit = isEditable(over.property.value) ? { kind: 'replaceValue', span: over.property.value.span, newValue: false } : undefined;
    // Insert only into a properties object written out in this text, not one an expression builds.
    else if (scaleSet.properties && text[scaleSet.properties.span.offset] === '{')
      edit = { kind: 'setProperty', objectSpan: scaleSet.properties.span, path: ['overprovision'], value: false };
    return [
      {
        message: `maxSurge is true, but ${written}: surge and overprovisioned instances compete for the same quota and addresses.`,
        details: {
          explanation: joinSentences(
            over.property ? originSentence(over.property.value) : '',
            'With MaxSurge each batch creates new instances before deleting the old ones; overprovisioning creates extra instances on top and deletes them again, which competes for the same quota, IP addresses and subnet space. Terraform rejects it ("`rolling_upgrade_policy.0.maximum_surge_instances_enabled` can only be set to `true` when `overprovision` is disabled (set to `false`)"). Set overprovision to false.',
          ),
          assumption: 'Whether Azure itself rejects the combination is not documented.',
          sources: ['S6', 'S14'],
        },
        span: flag.property!.value.span,
        related: over.property
          ? [{ span: over.property.value.span, message: 'overprovision is true here.' }, ...originRelated(model, over.property.value)]
          : [],
        fixes: edit ? [{ title: 'Set overprovision to false', edits: [edit], isPreferred: true }] : [],
      },
    ];
  },
});

export const MAX_SURGE_AOS_FLEXIBLE = scaleSetRule({
  id: 'max-surge-aos-flexible',
  defaultSeverity: 'warning',
  title: 'MaxSurge with automatic OS upgrade on Flexible',
  description:
    'rollingUpgradePolicy.maxSurge together with automatic OS upgrade on a Flexible scale set, which Azure does not support yet.',
  check: ({ scaleSet, facts }) => {
    const flag = explicitlyTrue(scaleSet, facts, 'maxSurge');
    const aos = automaticOsUpgrade(scaleSet, facts);
    if (!flag || aos.value !== true || orchestrationMode(scaleSet, facts).value !== 'Flexible') return [];
    return [
      {
        message: 'maxSurge with automatic OS upgrade is not yet supported on Flexible orchestration, so OS upgrades cannot surge.',
        details: {
          explanation:
            'The MaxSurge documentation says MaxSurge with automatic OS upgrade is not yet supported for Flexible orchestration, so OS upgrades at best upgrade instances in place, taking capacity down batch by batch. Set maxSurge to false (model updates then upgrade in place too), or turn automatic OS upgrade off if surge upgrades matter more. Automatic OS upgrade on Flexible is itself documented inconsistently (see aos-flexible).',
          assumption: 'Whether Azure rejects the deployment or upgrades in place is not documented.',
          sources: ['S6'],
        },
        span: flag.property!.value.span,
        related: [
          ...(aos.property ? [{ span: aos.property.value.span, message: 'Automatic OS upgrade is turned on here.' }] : []),
          ...flexibleRelated(scaleSet, facts),
        ],
        fixes: flagFix(flag, 'Set maxSurge to false', (p) => ({ kind: 'replaceValue', span: p.value.span, newValue: false })),
      },
    ];
  },
});

export const ROLLBACK_ON_BREACH_FLEXIBLE = scaleSetRule({
  id: 'rollback-on-breach-flexible',
  defaultSeverity: 'warning',
  title: 'Rollback on policy breach on Flexible',
  description:
    'rollingUpgradePolicy.rollbackFailedInstancesOnPolicyBreach is true on a Flexible scale set; the feature is documented for Uniform orchestration only.',
  check: ({ model, scaleSet, facts }) => {
    const flag = explicitlyTrue(scaleSet, facts, 'rollbackFailedInstancesOnPolicyBreach');
    if (!flag || orchestrationMode(scaleSet, facts).value !== 'Flexible') return [];
    return [
      {
        message:
          'rollbackFailedInstancesOnPolicyBreach is Uniform-only, so on this Flexible scale set failed instances are not rolled back.',
        details: {
          explanation: joinSentences(
            originSentence(flag.property!.value),
            'The rolling-upgrade documentation marks the feature "Uniform Orchestration only": when a rolling upgrade breaches the policy, failed instances stay on the new model instead of returning to the previous one. Do not rely on it; remove it and plan how you will restore failed instances (or use Uniform orchestration).',
          ),
          sources: ['S5'],
        },
        span: flag.property!.value.span,
        related: [...flexibleRelated(scaleSet, facts), ...originRelated(model, flag.property!.value)],
        fixes: flagFix(flag, 'Remove rollbackFailedInstancesOnPolicyBreach', (p) => ({ kind: 'removeProperty', keySpan: p.keySpan })),
      },
    ];
  },
});
