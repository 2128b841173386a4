import { isApiVersionAtLeast } from '../../catalog/apiVersions';
import { findPolicyProperty } from '../../catalog/policyCatalog';
import type { NeutralEdit } from '../../edits/neutralEdit';
import type { RProperty, ScaleSetModel } from '../../model/templateModel';
import { getProp } from '../../model/values';
import { AZURE_POLICY_DEFAULTS, HEALTH_WAIT_SECONDS } from '../../sim/defaults';
import { scaleSetRule } from '../defineRule';
import { aosUsesRollingPolicy, rollingPolicy } from '../facts/rollingPolicy';
import { orchestrationMode, policyAnchor, upgradeMode } from '../facts/scaleSetFacts';
import { booleanSetting, isEditable } from '../facts/setting';
import type { Fix } from '../ruleTypes';
import { originRelated, originSentence } from '../valueOrigin';
import { joinSentences } from '../messageText';
import { aosOn } from './aosOn';

/** How automatic OS upgrade combines with the rest of upgradePolicy (reference §1.3, §3.3 #22, §3.4 #28, §4.1). */

export const AOS_MANUAL_MODE = scaleSetRule({
  id: 'aos-manual-mode',
  defaultSeverity: 'info',
  title: 'Automatic OS upgrade with mode Manual',
  description:
    'Automatic OS upgrade is on and upgradePolicy.mode is Manual (or absent): OS images roll out automatically, but other model changes reach existing instances only when you upgrade them by hand.',
  check: ({ model, scaleSet, facts }) => {
    const aos = aosOn(scaleSet, facts);
    const mode = upgradeMode(scaleSet, facts);
    if (!aos || mode.value !== 'Manual') return [];
    const written = mode.property ? 'upgradePolicy.mode is Manual' : 'upgradePolicy.mode is not set (Manual)';
    return [
      {
        message: `${written}: OS images upgrade on their own, but other model changes reach instances only when you upgrade them yourself.`,
        details: {
          explanation: joinSentences(
            mode.property ? originSentence(mode.property.value) : 'upgradePolicy.mode is not set, so it is Manual.',
            'Automatic OS upgrades ignore the mode and replace OS images in batches on their own, but any other change to the scale-set model (VM size, extensions, data disks, …) reaches existing instances only when you bring them to the latest model yourself (manualUpgrade, az vmss update-instances) or at their next OS image upgrade. Use mode Rolling if model changes should roll out on their own in batches with health checks.',
          ),
          sources: ['S4', 'S7'],
        },
        span: mode.property?.value.span ?? policyAnchor(scaleSet).span,
        related: [aos.related, ...(mode.property ? originRelated(model, mode.property.value) : [])],
      },
    ];
  },
});

export const AOS_ROLLBACK_DISABLED = scaleSetRule({
  id: 'aos-rollback-disabled',
  defaultSeverity: 'info',
  title: 'Automatic OS upgrade without automatic rollback',
  description:
    'automaticOSUpgradePolicy.disableAutomaticRollback is true: an instance that is not healthy after its OS upgrade keeps the new OS disk instead of getting its previous one back.',
  check: ({ model, scaleSet, facts }) => {
    const aos = aosOn(scaleSet, facts);
    if (!aos) return [];
    const modern = getProp(scaleSet.automaticOSUpgradePolicy?.value, 'disableAutomaticRollback');
    const legacy = getProp(scaleSet.legacyAutoOSUpgradePolicy?.value, 'disableAutoRollback');
    const property = modern ?? legacy;
    if (booleanSetting(property, false).value !== true) return [];
    const value = property!.value;
    return [
      {
        message: `${property!.name} is true, so an instance left unhealthy by its OS upgrade keeps the new OS disk instead of being rolled back.`,
        details: {
          explanation: joinSentences(
            originSentence(value),
            `When an instance does not become healthy within ${HEALTH_WAIT_SECONDS / 60} minutes of its automatic OS upgrade, Azure leaves it on the new OS disk instead of restoring the previous one. A bad image then leaves the instances of the first batch broken until you reimage or roll them back yourself. Keep automatic rollback (false, the default) unless something else restores failed instances.`,
          ),
          sources: ['S4'],
        },
        span: value.span,
        related: [aos.related, ...originRelated(model, value)],
        fixes: isEditable(value)
          ? [
              {
                title: `Set ${property!.name} to false`,
                edits: [{ kind: 'replaceValue', span: value.span, newValue: false }],
                isPreferred: true,
              },
            ]
          : [],
      },
    ];
  },
});

export const AOS_FLEXIBLE = scaleSetRule({
  id: 'aos-flexible',
  defaultSeverity: 'warning',
  title: 'Automatic OS upgrade on Flexible orchestration',
  description: 'Automatic OS upgrade on a Flexible scale set: the documentation disagrees on whether it is supported.',
  check: ({ scaleSet, facts }) => {
    const aos = aosOn(scaleSet, facts);
    const orchestration = orchestrationMode(scaleSet, facts);
    if (!aos || orchestration.value !== 'Flexible') return [];
    return [
      {
        message:
          'Automatic OS upgrade is on with Flexible orchestration, where the documentation disagrees on whether it is supported; upgrades may never run.',
        details: {
          explanation:
            'The orchestration-modes page (2024) lists image-based automatic OS upgrades as not supported for Flexible, while the newer MaxSurge page (2026) says only automatic OS upgrade combined with MaxSurge is not yet supported; Terraform offers no automatic OS upgrade for Flexible scale sets at all. Verify on a test deployment that upgrades actually run, or use Uniform orchestration, where automatic OS upgrade is documented.',
          assumption: 'Support of automatic OS upgrade on Flexible orchestration is not settled by the sources.',
          sources: ['S11', 'S6', 'S14'],
        },
        span: aos.property.value.span,
        related: orchestration.property
          ? [{ span: orchestration.property.value.span, message: 'Flexible orchestration is set here.' }]
          : [],
      },
    ];
  },
});

/** The written values of the rolling policy, for messages: "maxBatchInstancePercent 50, maxSurge true". */
function writtenValues(policy: RProperty): string {
  if (policy.value.kind !== 'object') return '';
  const parts = policy.value.properties
    .filter((p) => p.value.kind === 'number' || p.value.kind === 'boolean' || p.value.kind === 'string')
    .map((p) => `${p.name} ${String((p.value as { value: unknown }).value)}`);
  return parts.length ? ` (${parts.join(', ')})` : '';
}

export const AOS_ROLLING_POLICY_UNUSED = scaleSetRule({
  id: 'aos-rolling-policy-unused',
  defaultSeverity: 'info',
  title: 'Automatic OS upgrade ignores the rolling policy',
  description:
    'rollingUpgradePolicy is set and automatic OS upgrade is on, but useRollingUpgradePolicy is not true, so automatic OS upgrades run with the built-in 20 % defaults instead.',
  check: ({ scaleSet, facts }) => {
    const aos = aosOn(scaleSet, facts);
    const policy = rollingPolicy(scaleSet, facts);
    const use = aosUsesRollingPolicy(scaleSet, facts);
    // The legacy boolean predates useRollingUpgradePolicy; how those previews picked a policy is not documented.
    if (!aos || aos.legacy || policy.kind !== 'object' || use.value !== false) return [];
    const useProperty = findPolicyProperty('automaticOSUpgradePolicy', 'useRollingUpgradePolicy')!.property;
    const apiOk =
      scaleSet.apiVersion === undefined
        ? scaleSet.shape !== 'template'
        : scaleSet.apiVersion.kind === 'string' && isApiVersionAtLeast(scaleSet.apiVersion.value, useProperty.since) === true;
    const d = AZURE_POLICY_DEFAULTS;
    const modeNote =
      upgradeMode(scaleSet, facts).value === 'Rolling' ? 'Rolling model updates still use it; automatic OS upgrades do not.' : '';
    const apiNote = apiOk ? '' : `useRollingUpgradePolicy needs apiVersion ${useProperty.since} or later.`;
    return [
      {
        message: `Automatic OS upgrades do not use this rollingUpgradePolicy: useRollingUpgradePolicy is ${use.property ? 'false' : 'not set'}, so they run with the built-in ${d.maxBatchInstancePercent} % policy.`,
        details: {
          explanation: joinSentences(
            `This rollingUpgradePolicy${writtenValues(policy.property)} does not apply to automatic OS upgrades: useRollingUpgradePolicy is ${use.property ? 'false' : 'not set (default false)'}, so they run with the built-in policy of ${d.maxBatchInstancePercent} % batches, ${d.maxUnhealthyInstancePercent} % unhealthy and ${d.maxUnhealthyUpgradedInstancePercent} % unhealthy upgraded instances.`,
            modeNote,
            'Set automaticOSUpgradePolicy.useRollingUpgradePolicy to true if OS upgrades should follow this policy.',
            apiNote,
          ),
          sources: ['S1', 'S4'],
        },
        span: policy.property.keySpan,
        related: [
          aos.related,
          ...(use.property ? [{ span: use.property.value.span, message: 'useRollingUpgradePolicy is false here.' }] : []),
        ],
        fixes: apiOk ? useRollingFix(scaleSet, use.property) : [],
      },
    ];
  },
});

function useRollingFix(scaleSet: ScaleSetModel, existing: RProperty | undefined): Fix[] {
  const title = 'Set useRollingUpgradePolicy to true';
  let edit: NeutralEdit | undefined;
  if (existing) edit = isEditable(existing.value) ? { kind: 'replaceValue', span: existing.value.span, newValue: true } : undefined;
  else {
    const aosObject = scaleSet.automaticOSUpgradePolicy?.value;
    if (aosObject?.kind === 'object' && isEditable(aosObject))
      edit = { kind: 'setProperty', objectSpan: aosObject.span, path: ['useRollingUpgradePolicy'], value: true };
  }
  return edit ? [{ title, edits: [edit], isPreferred: true }] : [];
}
