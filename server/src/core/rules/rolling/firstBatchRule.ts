import type { ScaleSetModel } from '../../model/templateModel';
import { AZURE_POLICY_DEFAULTS } from '../../sim/defaults';
import type { Span } from '../../text/span';
import { scaleSetRule } from '../defineRule';
import { instanceCount } from '../facts/capacity';
import { aosUsesRollingPolicy, rollingFlag, rollingPercent, rollingPolicy } from '../facts/rollingPolicy';
import { automaticOsUpgrade, policyAnchor, upgradeMode } from '../facts/scaleSetFacts';
import { firstBatch, zonesUnknown } from './batchSize';
import { setPercentFix } from './batchRules';
import { binomialTail } from '../../sim/closedForm';
import type { Setting } from '../facts/setting';
import type { Fix } from '../ruleTypes';
import type { FactMemo } from '../facts/memo';
import { count } from '../../text/plural';

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

/** The failure rate the halt probabilities are quoted at (the CodeLens's default). */
const RATE = 0.02;

/** P(more than k of s instances fail) at RATE: the first batch's own halt probability, exact. */
function firstBatchHalt(size: number, limit: number): number {
  return binomialTail(size, RATE, Math.floor((limit * size) / 100));
}

function chance(x: number): string {
  const v = 100 * x;
  return v > 0 && v < 0.1 ? '<0.1 %' : `${v >= 10 ? v.toFixed(0) : v.toFixed(1)} %`;
}

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
    const templateUnhealthy = rollingPercent(scaleSet, facts, 'maxUnhealthyInstancePercent');
    const templateLimit = rollingPercent(scaleSet, facts, 'maxUnhealthyUpgradedInstancePercent');
    const templateCrossZone = rollingFlag(scaleSet, facts, 'enableCrossZoneUpgrade').value;
    for (const use of uses) {
      const d = AZURE_POLICY_DEFAULTS;
      const batchPercent = use.fromTemplate ? templateBatch.value : d.maxBatchInstancePercent;
      const unhealthyPercent = use.fromTemplate ? templateUnhealthy.value : d.maxUnhealthyInstancePercent;
      const limit = use.fromTemplate ? templateLimit.value : d.maxUnhealthyUpgradedInstancePercent;
      const crossZone = use.fromTemplate ? templateCrossZone : d.enableCrossZoneUpgrade;
      if (batchPercent === 'unknown' || unhealthyPercent === 'unknown' || limit === 'unknown' || crossZone === 'unknown') continue;
      const batch = firstBatch(scaleSet, facts, n.count, {
        maxBatchInstancePercent: batchPercent,
        maxUnhealthyInstancePercent: unhealthyPercent,
        maxUnhealthyUpgradedInstancePercent: limit,
        enableCrossZoneUpgrade: crossZone,
      });
      if (batch.size === 0) continue;
      const percent = 100 / batch.size;
      if (percent <= limit) continue;
      const limitName = !use.fromTemplate
        ? `the ${limit} % OS-upgrade default limit`
        : templateLimit.property
          ? `maxUnhealthyUpgradedInstancePercent ${limit}`
          : `the default maxUnhealthyUpgradedInstancePercent ${limit}`;
      const what = use.upgrades.length > 1 ? 'either upgrade' : use.upgrades[0]!.startsWith('an automatic') ? 'the OS upgrade' : 'it';
      const halt = chance(firstBatchHalt(batch.size, limit));
      const anchor: Span = use.fromTemplate
        ? (templateLimit.property?.value.span ?? anchorOf(scaleSet, facts))
        : (automaticOsUpgrade(scaleSet, facts).property?.value.span ?? anchorOf(scaleSet, facts));
      return [
        {
          message: `One failure in the first batch of ${batch.size} (${pct(percent)} % of upgraded) is over ${limitName}: ${what} halts (P ${halt} if ${100 * RATE} % fail).`,
          details: {
            explanation: `This policy governs ${use.upgrades.join(' and ')}. Its first batch has ${batch.size} of ${count(n.count, 'instance')}; after it, Azure stops the upgrade when failed instances are more than ${limit} % of those upgraded, so one failure (${pct(percent)} %) stops it. Counted over all ${n.count} instances, one failure would be ${pct(100 / n.count)} %, ${100 / n.count > limit ? 'also over' : 'within'} the limit. The first batch alone halts with probability ${halt} when ${100 * RATE} % of instances fail.`,
            assumption:
              "maxUnhealthyUpgradedInstancePercent is taken over the instances upgraded so far (simulator assumption upgradedDenominator=upgraded); the rolling-upgrade documentation's example divides by all instances.",
            sources: ['S4', 'S5'],
          },
          span: anchor,
          related: [{ span: n.value.span, message: `sku.capacity: ${count(n.count, 'instance')}.` }],
          fixes: use.fromTemplate ? alternatives(scaleSet, facts, batch.size, limit, templateLimit) : [],
        },
      ];
    }
    return [];
  },
});

/**
 * The smallest maxUnhealthyUpgradedInstancePercent that lets one failure of the first batch pass, with the
 * first batch's exact halt probability before and after; never 100 (that switches the check off), so a
 * first batch of one gets no alternative.
 */
function alternatives(scaleSet: ScaleSetModel, facts: FactMemo, size: number, limit: number, setting: Setting<number>): Fix[] {
  const to = Math.ceil(100 / size);
  if (size < 2 || to >= 100 || to <= limit) return [];
  const title = `Set maxUnhealthyUpgradedInstancePercent to ${to} (first-batch halts at ${100 * RATE} % failures: ${chance(firstBatchHalt(size, limit))} → ${chance(firstBatchHalt(size, to))})`;
  return setPercentFix(scaleSet, facts, 'maxUnhealthyUpgradedInstancePercent', setting, to, false).map((f) => ({ ...f, title }));
}

/** Where a finding about the policy as a whole points: rollingUpgradePolicy, else the mode, else upgradePolicy. */
function anchorOf(scaleSet: ScaleSetModel, facts: FactMemo): Span {
  const policy = rollingPolicy(scaleSet, facts);
  if (policy.kind === 'object') return policy.property.keySpan;
  return upgradeMode(scaleSet, facts).property?.value.span ?? policyAnchor(scaleSet).span;
}
