import type { ScaleSetModel } from '../../model/templateModel';
import { AZURE_POLICY_DEFAULTS } from '../../sim/defaults';
import type { Span } from '../../text/span';
import { scaleSetRule } from '../defineRule';
import { instanceCount } from '../facts/capacity';
import { aosUsesRollingPolicy, rollingFlag, rollingPercent, rollingPolicy } from '../facts/rollingPolicy';
import { automaticOsUpgrade, policyAnchor, upgradeMode } from '../facts/scaleSetFacts';
import { batchAdvice, firstBatch, zonesUnknown } from './batchSize';
import type { FactMemo } from '../facts/memo';

/**
 * One failure in the first batch against maxUnhealthyUpgradedInstancePercent (reference §4.1 #2, #5; §4.2).
 * The first batch is sized as the simulator sizes it, so the rule agrees with the preview and CodeLens.
 */

interface PolicyUse {
  /** Which upgrades run with it, for the message. */
  readonly upgrades: string[];
  readonly fromTemplate: boolean;
}

/** The rolling upgrades this scale set runs and the policy each uses: the template's (defaults filled in) or the built-in 20/20/20 (S1). */
function policyUses(scaleSet: ScaleSetModel, facts: FactMemo): PolicyUse[] | undefined {
  const mode = upgradeMode(scaleSet, facts).value;
  const aos = automaticOsUpgrade(scaleSet, facts).value;
  const useRolling = aosUsesRollingPolicy(scaleSet, facts).value;
  if (mode === 'unknown' || aos === 'unknown' || (aos && useRolling === 'unknown')) return undefined;
  const template: PolicyUse = { upgrades: [], fromTemplate: true };
  const builtIn: PolicyUse = { upgrades: [], fromTemplate: false };
  if (mode === 'Rolling') template.upgrades.push('a rolling upgrade of a model change');
  if (aos) (useRolling ? template : builtIn).upgrades.push('an automatic OS upgrade');
  return [template, builtIn].filter((u) => u.upgrades.length > 0);
}

const pct = (x: number) => (Number.isInteger(x) ? String(x) : x.toFixed(1));

export const FIRST_BATCH_FAILURE_HALTS = scaleSetRule({
  id: 'first-batch-failure-halts',
  defaultSeverity: 'info',
  title: 'One failure in the first batch stops the upgrade',
  description:
    'With the resolved capacity and batch size, one failed instance in the first batch already exceeds maxUnhealthyUpgradedInstancePercent (assuming the percentage is over the instances upgraded so far), so the upgrade stops after its first batch.',
  check: ({ scaleSet, facts }) => {
    const n = instanceCount(scaleSet, facts);
    const uses = policyUses(scaleSet, facts);
    if (!n || n.count === 0 || !uses || zonesUnknown(scaleSet)) return [];
    const templateBatch = rollingPercent(scaleSet, facts, 'maxBatchInstancePercent');
    const templateLimit = rollingPercent(scaleSet, facts, 'maxUnhealthyUpgradedInstancePercent');
    const templateCrossZone = rollingFlag(scaleSet, facts, 'enableCrossZoneUpgrade').value;
    for (const use of uses) {
      const batchPercent = use.fromTemplate ? templateBatch.value : AZURE_POLICY_DEFAULTS.maxBatchInstancePercent;
      const limit = use.fromTemplate ? templateLimit.value : AZURE_POLICY_DEFAULTS.maxUnhealthyUpgradedInstancePercent;
      const crossZone = use.fromTemplate ? templateCrossZone : AZURE_POLICY_DEFAULTS.enableCrossZoneUpgrade;
      if (batchPercent === 'unknown' || limit === 'unknown' || crossZone === 'unknown') continue;
      const batch = firstBatch(scaleSet, facts, n.count, batchPercent, crossZone);
      const percent = 100 / batch.size;
      if (percent <= limit) continue;
      const overAll = 100 / n.count;
      const policyText = use.fromTemplate
        ? `maxBatchInstancePercent ${batchPercent}`
        : `the built-in ${AZURE_POLICY_DEFAULTS.maxBatchInstancePercent} % batches (useRollingUpgradePolicy is not true)`;
      const sizing =
        batch.size < batch.base
          ? `${policyText} gives ${batch.base}, but a batch stays within one ${batch.groupLabel}, and the first has ${batch.group} instance${batch.group === 1 ? '' : 's'}: simulator assumption domainBoundaries=within`
          : `${policyText}, rounded down, at least 1`;
      const minBatch = limit > 0 ? Math.ceil(100 / limit) : undefined;
      const advice =
        minBatch === undefined
          ? 'maxUnhealthyUpgradedInstancePercent 0 tolerates no failed instance at all; keep it only if that is the intent.'
          : `If one bad instance should not stop ${use.upgrades.join(' or ')}, raise maxUnhealthyUpgradedInstancePercent to at least ${Math.ceil(percent)}${use.fromTemplate ? '' : ' and set useRollingUpgradePolicy to true'}${batchAdvice(minBatch, n.count, batch)}.`;
      const anchor: Span = use.fromTemplate
        ? (templateLimit.property?.value.span ?? anchorOf(scaleSet, facts))
        : (automaticOsUpgrade(scaleSet, facts).property?.value.span ?? anchorOf(scaleSet, facts));
      return [
        {
          message: `With ${n.count} instance${n.count === 1 ? '' : 's'} and batches of ${batch.size} (${sizing}), one failed instance in the first batch is ${pct(percent)}% of the upgraded instances, above the ${limit}% limit of maxUnhealthyUpgradedInstancePercent${use.fromTemplate && !templateLimit.property ? ' (default)' : ''}: ${use.upgrades.join(' or ')} stops after its first batch with MaxUnhealthyUpgradedInstancePercentExceededInRollingUpgrade ("${pct(percent)}% of instances are in an unhealthy state after being upgraded - more than the threshold of ${limit}%"). This assumes the percentage is over the instances upgraded so far (simulator assumption upgradedDenominator=upgraded, the API's wording); the rolling-upgrade docs divide by all instances instead, which gives ${pct(overAll)}% (${overAll > limit ? 'above the limit as well' : 'within the limit'}). ${advice}`,
          span: anchor,
          related: [{ span: n.value.span, message: `sku.capacity: ${n.count} instances.` }],
        },
      ];
    }
    return [];
  },
});

/** Where a finding about the policy as a whole points: rollingUpgradePolicy, else the mode, else upgradePolicy. */
function anchorOf(scaleSet: ScaleSetModel, facts: FactMemo): Span {
  const policy = rollingPolicy(scaleSet, facts);
  if (policy.kind === 'object') return policy.property.keySpan;
  return upgradeMode(scaleSet, facts).property?.value.span ?? policyAnchor(scaleSet).span;
}
