import type { NeutralEdit } from '../../edits/neutralEdit';
import type { ScaleSetModel } from '../../model/types';
import { DEFAULT_ASSUMPTIONS } from '../../sim/assumptions';
import { baseBatchSize } from '../../sim/batches';
import { AZURE_POLICY_DEFAULTS } from '../../sim/defaults';
import { scaleSetRule } from '../defineRule';
import { instanceCount } from '../facts/capacity';
import { aosUsesRollingPolicy, rollingPercent, rollingPolicy, type RollingPercentName } from '../facts/rollingPolicy';
import { automaticOsUpgrade, policyAnchor, upgradeMode } from '../facts/scaleSetFacts';
import { isEditable, type Setting } from '../facts/setting';
import type { Fix, RelatedInformation } from '../types';

/** Batch size against the health limits (reference §3.1 #3, §4.1, §4.2; simulator batches.ts and assumptions.ts). */

/** A fix that sets a percentage of the rolling policy: in place when written literally, else inserted into a literal policy object. */
function setPercentFix(scaleSet: ScaleSetModel, name: RollingPercentName, setting: Setting<number>, to: number, isPreferred: boolean): Fix[] {
  const policy = rollingPolicy(scaleSet);
  let edit: NeutralEdit | undefined;
  if (setting.property) edit = isEditable(setting.property.value) ? { kind: 'replaceValue', span: setting.property.value.span, newValue: to } : undefined;
  else if (policy.kind === 'object' && isEditable(policy.value)) edit = { kind: 'setProperty', objectSpan: policy.value.span, path: [name], value: to };
  return edit ? [{ title: `Set ${name} to ${to}`, edits: [edit], ...(isPreferred ? { isPreferred } : {}) }] : [];
}

function shown(setting: Setting<number>): string {
  return `${String(setting.value)}${setting.property ? '' : ', the default'}`;
}

export const BATCH_EXCEEDS_UNHEALTHY = scaleSetRule({
  id: 'batch-exceeds-unhealthy',
  defaultSeverity: 'warning',
  title: 'Batch larger than the unhealthy-instance limit',
  description: 'maxBatchInstancePercent is above maxUnhealthyInstancePercent (an absent one counts as its default, 20): a single failed batch leaves more instances unhealthy than the gate before the next batch allows.',
  check: ({ scaleSet }) => {
    if (rollingPolicy(scaleSet).kind !== 'object') return [];
    const batch = rollingPercent(scaleSet, 'maxBatchInstancePercent');
    const unhealthy = rollingPercent(scaleSet, 'maxUnhealthyInstancePercent');
    if (batch.value === 'unknown' || unhealthy.value === 'unknown' || batch.value <= unhealthy.value) return [];
    const n = instanceCount(scaleSet);
    const numbers = n && n.count > 0
      ? ` With ${n.count} instances a batch is ${baseBatchSize(n.count, batch.value, DEFAULT_ASSUMPTIONS.batchRounding)}, but more than ${Math.floor((n.count * unhealthy.value) / 100)} unhealthy instances stop the upgrade.`
      : '';
    const anchor = batch.property ?? unhealthy.property!;
    const related: RelatedInformation[] = [batch, unhealthy].filter((s) => s.property && s.property !== anchor).map((s) => ({ span: s.property!.value.span, message: `${s.property!.name} is ${String(s.value)}.` }));
    if (n) related.push({ span: n.value.span, message: `sku.capacity: ${n.count} instances.` });
    return [{
      message: `maxBatchInstancePercent (${shown(batch)}) is above maxUnhealthyInstancePercent (${shown(unhealthy)}): one failed batch leaves more instances unhealthy than the next batch's health gate allows, so the rolling upgrade stops with MaxUnhealthyInstancePercentExceededInRollingUpgrade instead of continuing.${numbers} Azure's Batch service documents the same rule ("the value of maxBatchInstancePercent should not be more than maxUnhealthyInstancePercent", S16); whether the Compute API rejects it for scale sets is unverified. Lower maxBatchInstancePercent to ${unhealthy.value} or raise maxUnhealthyInstancePercent to ${batch.value}.`,
      span: anchor.value.span,
      related,
      fixes: [
        ...setPercentFix(scaleSet, 'maxBatchInstancePercent', batch, unhealthy.value, true),
        ...setPercentFix(scaleSet, 'maxUnhealthyInstancePercent', unhealthy, batch.value, false),
      ],
    }];
  },
});

interface PolicyUse {
  /** Which upgrades run with it, for the message. */
  readonly upgrades: string[];
  readonly fromTemplate: boolean;
}

/** The rolling upgrades this scale set runs and the policy each uses: the template's (defaults filled in) or the built-in 20/20/20. */
function policyUses(scaleSet: ScaleSetModel): PolicyUse[] | undefined {
  const mode = upgradeMode(scaleSet).value;
  const aos = automaticOsUpgrade(scaleSet).value;
  const useRolling = aosUsesRollingPolicy(scaleSet).value;
  if (mode === 'unknown' || aos === 'unknown' || (aos && useRolling === 'unknown')) return undefined;
  const template: PolicyUse = { upgrades: [], fromTemplate: true };
  const builtIn: PolicyUse = { upgrades: [], fromTemplate: false };
  if (mode === 'Rolling') template.upgrades.push('a rolling upgrade of a model change');
  if (aos) (useRolling ? template : builtIn).upgrades.push('an automatic OS upgrade');
  return [template, builtIn].filter((u) => u.upgrades.length > 0);
}

export const FIRST_BATCH_FAILURE_HALTS = scaleSetRule({
  id: 'first-batch-failure-halts',
  defaultSeverity: 'info',
  title: 'One failure in the first batch stops the upgrade',
  description: 'With the resolved capacity and batch size, one failed instance in the first batch already exceeds maxUnhealthyUpgradedInstancePercent (assuming the percentage is over the instances upgraded so far), so the upgrade stops after its first batch.',
  check: ({ scaleSet }) => {
    const n = instanceCount(scaleSet);
    const uses = policyUses(scaleSet);
    if (!n || n.count === 0 || !uses) return [];
    const templateBatch = rollingPercent(scaleSet, 'maxBatchInstancePercent');
    const templateLimit = rollingPercent(scaleSet, 'maxUnhealthyUpgradedInstancePercent');
    for (const use of uses) {
      const batchPercent = use.fromTemplate ? templateBatch.value : AZURE_POLICY_DEFAULTS.maxBatchInstancePercent;
      const limit = use.fromTemplate ? templateLimit.value : AZURE_POLICY_DEFAULTS.maxUnhealthyUpgradedInstancePercent;
      if (batchPercent === 'unknown' || limit === 'unknown') continue;
      const rounding = DEFAULT_ASSUMPTIONS.batchRounding;
      const batch = baseBatchSize(n.count, batchPercent, rounding);
      const percent = 100 / batch;
      if (percent <= limit) continue;
      const shownPercent = Number.isInteger(percent) ? String(percent) : percent.toFixed(1);
      const overAll = 100 / n.count;
      const overAllText = `${overAll.toFixed(Number.isInteger(overAll) ? 0 : 1)}% (${overAll > limit ? 'above the limit as well' : 'within the limit'})`;
      const policyText = use.fromTemplate ? `maxBatchInstancePercent ${batchPercent}` : 'the built-in 20 % batches (useRollingUpgradePolicy is not true)';
      const minBatch = limit > 0 ? Math.ceil(100 / limit) : undefined;
      const advice = minBatch === undefined
        ? 'maxUnhealthyUpgradedInstancePercent 0 tolerates no failed instance at all; keep it only if that is the intent.'
        : `If one bad instance should not stop ${use.upgrades.join(' or ')}, raise maxUnhealthyUpgradedInstancePercent to at least ${Math.ceil(percent)}${use.fromTemplate ? '' : ' and set useRollingUpgradePolicy to true'}${minBatch <= n.count ? `, or use batches of at least ${minBatch} instances` : ''}.`;
      const anchor = use.fromTemplate ? templateLimit.property?.value.span ?? anchorOf(scaleSet) : automaticOsUpgrade(scaleSet).property?.value.span ?? anchorOf(scaleSet);
      return [{
        message: `With ${n.count} instances and batches of ${batch} (${policyText}, rounded down, at least 1), one failed instance in the first batch is ${shownPercent}% of the upgraded instances, above the ${limit}% limit of maxUnhealthyUpgradedInstancePercent${use.fromTemplate && !templateLimit.property ? ' (default)' : ''}: ${use.upgrades.join(' or ')} stops after its first batch with MaxUnhealthyUpgradedInstancePercentExceededInRollingUpgrade ("${shownPercent}% of instances are in an unhealthy state after being upgraded - more than the threshold of ${limit}%"). This assumes the percentage is over the instances upgraded so far (simulator assumption upgradedDenominator=upgraded, the API's wording); the rolling-upgrade docs divide by all instances instead, which gives ${overAllText}. ${advice}`,
        span: anchor,
        related: [{ span: n.value.span, message: `sku.capacity: ${n.count} instances.` }],
      }];
    }
    return [];
  },
});

/** Where a finding about the policy as a whole points: rollingUpgradePolicy, else the mode, else upgradePolicy. */
function anchorOf(scaleSet: ScaleSetModel) {
  const policy = rollingPolicy(scaleSet);
  if (policy.kind === 'object') return policy.property.keySpan;
  return upgradeMode(scaleSet).property?.value.span ?? policyAnchor(scaleSet).span;
}
