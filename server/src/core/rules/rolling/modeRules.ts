import type { Span } from '../../text/span';
import { scaleSetRule } from '../defineRule';
import { instanceCount } from '../facts/capacity';
import { hasHealthSource, healthSources, serviceFabricExtensions } from '../facts/healthSources';
import { rollingPolicy } from '../facts/rollingPolicy';
import { automaticOsUpgrade, orchestrationMode, upgradeMode } from '../facts/scaleSetFacts';
import { isEditable } from '../facts/setting';
import type { Fix } from '../ruleTypes';
import { originRelated, originSentence } from '../valueOrigin';
import { joinSentences } from '../messageText';
import { count } from '../../text/plural';

/** What upgradePolicy.mode means for the rolling policy and for model updates (reference §1.1, §3.1 #4, §3.2 #11, §3.4 #28, §4.2). */

export const ROLLING_POLICY_UNUSED = scaleSetRule({
  id: 'rolling-policy-unused',
  defaultSeverity: 'info',
  title: 'Rolling policy that nothing uses',
  description: 'rollingUpgradePolicy is set, but mode is Manual or Automatic and automatic OS upgrade is off, so no upgrade reads it.',
  check: ({ model, scaleSet, facts }) => {
    const mode = upgradeMode(scaleSet, facts);
    const policy = rollingPolicy(scaleSet, facts);
    // With automatic OS upgrade on, aos-rolling-policy-unused (or useRollingUpgradePolicy) has the say.
    if (
      (mode.value !== 'Manual' && mode.value !== 'Automatic') ||
      policy.kind !== 'object' ||
      automaticOsUpgrade(scaleSet, facts).value !== false
    )
      return [];
    const modeText = mode.property ? `mode is ${mode.value}` : 'mode is not set, so it is Manual';
    const what = mode.value === 'Manual' ? 'you upgrade instances yourself' : 'model changes go to all instances at once';
    const upgradePolicy = scaleSet.upgradePolicy?.value;
    const span: Span = {
      offset: policy.property.keySpan.offset,
      length: policy.property.value.span.offset + policy.property.value.span.length - policy.property.keySpan.offset,
    };
    const fixes: Fix[] =
      upgradePolicy?.kind === 'object' && isEditable(upgradePolicy)
        ? [
            {
              title: 'Remove rollingUpgradePolicy',
              edits: [{ kind: 'removeProperty', keySpan: policy.property.keySpan }],
              isPreferred: true,
            },
          ]
        : [];
    return [
      {
        message: `This rollingUpgradePolicy has no effect: ${modeText} (${what}) and automatic OS upgrade is off.`,
        details: {
          explanation: joinSentences(
            mode.property ? originSentence(mode.property.value) : '',
            `Only mode Rolling and automatic OS upgrades with useRollingUpgradePolicy read the rolling policy. Terraform rejects the same combination ("a \`rolling_upgrade_policy\` block cannot be specified when \`upgrade_mode\` is set to "${mode.value}""). Remove it, or set mode to Rolling if you meant batched upgrades. Keep it only if an extension uses automatic extension upgrade (enableAutomaticUpgrade), which also follows it.`,
          ),
          sources: ['S5', 'S14'],
        },
        span,
        related: mode.property
          ? [{ span: mode.property.value.span, message: `mode ${mode.value}.` }, ...originRelated(model, mode.property.value)]
          : [],
        tags: ['unnecessary'],
        fixes,
      },
    ];
  },
});

export const AUTOMATIC_MODE_ALL_AT_ONCE = scaleSetRule({
  id: 'automatic-mode-all-at-once',
  defaultSeverity: 'info',
  title: 'Mode Automatic upgrades every instance at once',
  description:
    'upgradePolicy.mode is Automatic: a model update may take every instance down at the same time, with no batches, health gate or rollback.',
  check: ({ model, scaleSet, facts }) => {
    const mode = upgradeMode(scaleSet, facts);
    if (mode.value !== 'Automatic' || !mode.property) return [];
    // Service Fabric walks update domains itself, and Automatic is the mode it documents (S7).
    const fabric = serviceFabricExtensions(scaleSet, facts);
    if (fabric.found.length > 0 || fabric.undetermined) return [];
    const n = instanceCount(scaleSet, facts);
    const all = !n ? 'every instance' : `all ${n.count} instances`;
    const only = n?.count === 1;
    const aosNote =
      automaticOsUpgrade(scaleSet, facts).value === true ? 'Automatic OS upgrades are not affected: they always go in batches.' : '';
    // Rolling needs a health signal (§3.2 #6–#7); offer it only when there is one for this orchestration mode.
    const health = hasHealthSource(healthSources(scaleSet, facts), orchestrationMode(scaleSet, facts).value === 'Uniform');
    const value = mode.property.value;
    const fixes: Fix[] =
      health === true && isEditable(value)
        ? [{ title: 'Change mode to "Rolling"', edits: [{ kind: 'replaceValue', span: value.span, newValue: 'Rolling' }] }]
        : [];
    return [
      {
        message: only
          ? 'mode is Automatic: a model change upgrades its only instance with no health check or rollback, so the scale set is down while it is upgraded.'
          : `mode is Automatic: a model change may upgrade ${all} at once, with no batches or health checks, so the whole scale set can be down.`,
        details: {
          explanation: joinSentences(
            originSentence(value),
            only
              ? 'When the scale-set model changes (image, VM size, extensions, …), Azure upgrades its only instance with no health check and no rollback, so the scale set is down while it is upgraded; with one instance, Rolling has the same downtime but checks health after the upgrade.'
              : `When the scale-set model changes (image, VM size, extensions, …), Azure may upgrade ${all} at the same time, with no batches, no health checks between them and no rollback, so the whole scale set can be down at once.`,
            aosNote,
            `Use mode Rolling to upgrade in batches with health checks${health === true ? '' : ' (it needs a load-balancer health probe or the Application Health extension)'}, or Manual to choose when each instance is upgraded.`,
          ),
          sources: ['S1', 'S7'],
        },
        span: value.span,
        related: [
          ...(n ? [{ span: n.value.span, message: `sku.capacity: ${count(n.count, 'instance')}.` }] : []),
          ...originRelated(model, value),
        ],
        fixes,
      },
    ];
  },
});
